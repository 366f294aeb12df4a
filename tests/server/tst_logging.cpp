// Log lines (api-contract section 8, issue 14): one line each with a level, text or
// JSON, the syslog priority first under systemd's journal, control characters escaped so
// no message can forge a line, and request paths made safe for the access log.
#include "server/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Server;

namespace {
constexpr qint64 At = 1'780'000'000'123; // 2026-05-28T20:26:40.123Z
}

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void textLines()
    {
        QCOMPARE(Logging::formatLine(QtInfoMsg, "zenovay.server", QStringLiteral("serving"),
                                     LogSettings::Format::Text, false, At),
                 QByteArray("2026-05-28T20:26:40.123Z info zenovay.server: serving\n"));
        QCOMPARE(Logging::formatLine(QtCriticalMsg, "zenovay.ingest", QStringLiteral("x"),
                                     LogSettings::Format::Text, false, At),
                 QByteArray("2026-05-28T20:26:40.123Z error zenovay.ingest: x\n"));
        // A message cannot start a line of its own.
        const QByteArray forged =
            Logging::formatLine(QtWarningMsg, "zenovay.server",
                                QStringLiteral("a\n2026-05-28T00:00:00.000Z info forged\r\x1b[31m"),
                                LogSettings::Format::Text, false, At);
        QCOMPARE(forged.count('\n'), 1);
        // A backslash is escaped too (a literal "\n" cannot pass for an escaped line feed),
        // and so are C1 controls and Unicode's line and paragraph separators.
        const QByteArray odd = Logging::formatLine(QtInfoMsg, "z", QStringLiteral("a\\nb\u2028c\u0085d"),
                                                   LogSettings::Format::Text, false, At);
        QVERIFY2(odd.endsWith("a\\\\nb\\u2028c\\x85d\n"), odd.constData());
        QVERIFY2(forged.contains("a\\n2026") && forged.contains("\\r\\x1b[31m"), forged.constData());
        QVERIFY(forged.startsWith("2026-05-28T20:26:40.123Z warning "));
    }

    void journaldPriorities_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("debug") << int(QtDebugMsg) << QByteArray("<7>debug ");
        QTest::newRow("info") << int(QtInfoMsg) << QByteArray("<6>info ");
        QTest::newRow("warning") << int(QtWarningMsg) << QByteArray("<4>warning ");
        QTest::newRow("critical") << int(QtCriticalMsg) << QByteArray("<3>error ");
    }
    // Under the journal the time is left to it; the priority comes first.
    void journaldPriorities()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, prefix);
        const QByteArray line = Logging::formatLine(QtMsgType(type), "zenovay.x", QStringLiteral("m"),
                                                    LogSettings::Format::Text, true, At);
        QVERIFY2(line.startsWith(prefix), line.constData());
        QVERIFY(!line.contains("2026"));
        const QByteArray json = Logging::formatLine(QtMsgType(type), "zenovay.x", QStringLiteral("m"),
                                                    LogSettings::Format::Json, true, At);
        QVERIFY2(json.startsWith(QByteArray(prefix.left(3) + '{')), json.constData());
    }

    void jsonLines()
    {
        const QByteArray line =
            Logging::formatLine(QtWarningMsg, "zenovay.access", QStringLiteral("say \"hi\"\n\tthere"),
                                LogSettings::Format::Json, false, At);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.value(QStringLiteral("time")).toString(), QStringLiteral("2026-05-28T20:26:40.123Z"));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
        QCOMPARE(o.value(QStringLiteral("category")).toString(), QStringLiteral("zenovay.access"));
        QCOMPARE(o.value(QStringLiteral("message")).toString(), QStringLiteral("say \"hi\"\n\tthere"));
        QCOMPARE(Logging::formatLine(QtInfoMsg, nullptr, QStringLiteral("m"), LogSettings::Format::Text,
                                     false, At),
                 QByteArray("2026-05-28T20:26:40.123Z info default: m\n"));
    }

    void settingsParse()
    {
        QCOMPARE(LogSettings::parseLevel(QStringLiteral("Warning")), LogSettings::Level::Warning);
        QCOMPARE(LogSettings::parseLevel(QStringLiteral("error")), LogSettings::Level::Error);
        QVERIFY(!LogSettings::parseLevel(QStringLiteral("verbose")));
        QCOMPARE(LogSettings::parseFormat(QStringLiteral("json")), LogSettings::Format::Json);
        QVERIFY(!LogSettings::parseFormat(QStringLiteral("xml")));
    }

    void pathsAreMadeSafe()
    {
        QCOMPARE(Logging::loggablePath(QStringLiteral("/api/external/v1/websites")),
                 QByteArray("/api/external/v1/websites"));
        QCOMPARE(Logging::loggablePath(QStringLiteral("/a\nb \"c\"\\d%e")),
                 QByteArray("/a%0Ab%20%22c%22%5Cd%25e"));
        QCOMPARE(Logging::loggablePath(QStringLiteral("/caf\u00e9")), QByteArray("/caf%C3%A9"));
        // Decoded "%3F" and "#" stay visibly encoded: no line shows a query that was logged.
        QCOMPARE(Logging::loggablePath(QStringLiteral("/x?password=hunter2#f")),
                 QByteArray("/x%3Fpassword=hunter2%23f"));
        // Keys and session tokens put into a path by mistake are masked.
        QCOMPARE(Logging::loggablePath(
                     QStringLiteral("/api/external/v1/zv_0123456789abcdefABCDEF0123456789abcdef/x")),
                 QByteArray("/api/external/v1/zv_[masked]/x"));
        QCOMPARE(Logging::loggablePath(QStringLiteral("/zvs_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd")),
                 QByteArray("/zv_[masked]"));
        // At most 512 bytes and "...", never a cut escape, whatever stands near the end.
        for (const QString &filler : {QStringLiteral("x"), QStringLiteral("\u00e9"), QStringLiteral(" ")}) {
            for (int n = 500; n < 530; ++n) {
                const QByteArray p = Logging::loggablePath(QStringLiteral("/") + filler.repeated(n));
                QVERIFY2(p.size() <= 515, p.constData());
                if (p.endsWith("...")) {
                    const QByteArray kept = p.chopped(3);
                    QVERIFY(kept.size() <= 512);
                    const qsizetype percent = kept.lastIndexOf('%');
                    QVERIFY2(percent < 0 || percent + 3 <= kept.size(), p.constData());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
