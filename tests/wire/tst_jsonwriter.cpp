#include "wire/jsonwriter.h"
#include "wire/values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Core;
using namespace Wire;

// JsonWriter must produce exactly what QJsonDocument::Compact produces for the same
// members in sorted order: any difference in escaping shows up as a byte mismatch.
class TestJsonWriter : public QObject
{
    Q_OBJECT

    static QString tricky(int i)
    {
        static const QString samples[] = {
            QStringLiteral("plain"),
            QStringLiteral("quote \" and backslash \\ and slash /"),
            QStringLiteral("controls \b\f\n\r\t end"),
            QString(QChar(0x01)) + QChar(0x1f) + QChar(0x7f) + QStringLiteral("x"),
            QStringLiteral("Grüße, café, naïve — ünïcödé"),
            QStringLiteral("日本語のサイト"),
            QString::fromUtf8("emoji \xF0\x9F\x9A\x80 rocket"),
            QString(),
            QStringLiteral("https://shop.example/path?q=a&b=<c>"),
        };
        return samples[i % int(std::size(samples))];
    }

private slots:
    void websiteMatchesQJsonDocument()
    {
        for (int i = 0; i < 9; ++i) {
            Website w;
            w.id = QStringLiteral("id-%1").arg(i);
            w.teamId = tricky(i + 1);
            w.name = tricky(i);
            w.url = tricky(i + 2);
            w.domain = tricky(i + 3);
            w.trackingCode = QStringLiteral("ZV-ABC");
            w.createdAt = 1'790'000'000'123 + i;
            JsonWriter out;
            writeJson(out, w);
            QCOMPARE(out.bytes(), QJsonDocument(toJson(w)).toJson(QJsonDocument::Compact));
        }
    }

    void randomStringsMatch()
    {
        QRandomGenerator rng(42);
        for (int round = 0; round < 500; ++round) {
            QString s;
            const int n = int(rng.bounded(40));
            for (int k = 0; k < n; ++k) {
                const int pick = int(rng.bounded(4));
                const char16_t c = pick == 0   ? char16_t(rng.bounded(0x20))
                                   : pick == 1 ? char16_t(0x20 + rng.bounded(0x60))
                                   : pick == 2 ? char16_t(0xa0 + rng.bounded(0x700))
                                               : char16_t(0x3000 + rng.bounded(0x5000));
                s += QChar(c);
            }
            JsonWriter out;
            out.beginObject()
                .key(QLatin1StringView("a"))
                .value(qint64(round) * -7)
                .key(QLatin1StringView("b"))
                .value(s)
                .key(QLatin1StringView("c"))
                .beginArray()
                .value(true)
                .null()
                .value(s)
                .endArray()
                .endObject();
            const QJsonObject o{{QStringLiteral("a"), qint64(round) * -7},
                                {QStringLiteral("b"), s},
                                {QStringLiteral("c"), QJsonArray{true, QJsonValue(), s}}};
            QCOMPARE(out.bytes(), QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
    }

    void emptyContainersAndLatin1()
    {
        JsonWriter out;
        out.beginArray()
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .value(QLatin1StringView("caf\xe9"))
            .value(qint64(9007199254740993))
            .endArray();
        QCOMPARE(out.bytes(), QByteArray("[{},[],\"caf\xc3\xa9\",9007199254740993]"));
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
