// The configuration file the package installs as /etc/zenovay/zenovay.ini
// (packaging/config/zenovay.ini): as shipped it must load and change nothing; it must
// name every setting the server knows, each with a value the server accepts; and the
// README's configuration block must name every setting too.
#include "server/serverconfig.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly | QIODevice::Text) ? QString::fromUtf8(f.readAll()) : QString();
}

// "section/key" of every setting line in an INI text; commented ones ("#key=") too when
// commentedToo.
QSet<QString> keysIn(const QString &text, bool commentedToo)
{
    static const QRegularExpression header(QStringLiteral("^\\s*\\[(\\w+)\\]"));
    static const QRegularExpression setting(QStringLiteral("^\\s*(#?)\\s*(\\w+)\\s*="));
    QSet<QString> out;
    QString section;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (const auto h = header.match(line); h.hasMatch()) {
            section = h.captured(1);
            continue;
        }
        const auto s = setting.match(line);
        if (s.hasMatch() && !section.isEmpty() && (commentedToo || s.captured(1).isEmpty()))
            out.insert(section + QLatin1Char('/') + s.captured(2));
    }
    return out;
}

QSet<QString> allSettings()
{
    QSet<QString> out;
    for (const auto &s : Server::ServerConfig::settingNames())
        out.insert(s.section + QLatin1Char('/') + s.key);
    return out;
}
} // namespace

class TestShippedConfig : public QObject
{
    Q_OBJECT
    const QString m_shipped = QStringLiteral(ZENOVAY_SOURCE_DIR "/packaging/config/zenovay.ini");

private slots:
    void asShippedItLoadsAndChangesNothing()
    {
        const QString text = read(m_shipped);
        QVERIFY(!text.isEmpty());
        // Every setting ships commented out, at its default, but the data directory: the
        // service and the backup, restore and check commands (--config) read it there.
        QCOMPARE(keysIn(text, false), QSet<QString>{QStringLiteral("server/data_dir")});
        Server::ServerConfig config;
        const auto error = config.loadFile(m_shipped);
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        QCOMPARE(config.dataDir, QStringLiteral("/var/lib/zenovay"));
        const Server::ServerConfig defaults;
        QCOMPARE(config.port, defaults.port);
        QCOMPARE(config.address, defaults.address);
    }

    void itNamesEverySetting()
    {
        const QSet<QString> shipped = keysIn(read(m_shipped), true);
        const QSet<QString> known = allSettings();
        QVERIFY2(shipped == known,
                 qPrintable(QStringLiteral("missing: %1; unknown: %2")
                                .arg(QStringList((known - shipped).values()).join(QLatin1Char(' ')),
                                     QStringList((shipped - known).values()).join(QLatin1Char(' ')))));
    }

    // Uncommented, the values shown are ones the server accepts, and are its defaults.
    void theValuesShownAreAcceptedDefaults()
    {
        QString text = read(m_shipped);
        static const QRegularExpression commented(QStringLiteral("^#(\\w+=\\S)"),
                                                  QRegularExpression::MultilineOption);
        text.replace(commented, QStringLiteral("\\1"));
        // [tls] names example files that do not exist here.
        text.replace(QRegularExpression(QStringLiteral("^(cert_file|key_file)="),
                                        QRegularExpression::MultilineOption),
                     QStringLiteral("#\\1="));
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("zenovay.ini")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
        out.close();
        Server::ServerConfig config;
        const auto error = config.loadFile(out.fileName());
        QVERIFY2(!error, qPrintable(error.value_or(QString())));
        const Server::ServerConfig defaults;
        QCOMPARE(config.port, defaults.port);
        QCOMPARE(config.limits.maxHeaderBytes, defaults.limits.maxHeaderBytes);
        QCOMPARE(config.limits.maxConnectionsPerIp, defaults.limits.maxConnectionsPerIp);
        QCOMPARE(config.auth.argon2MemoryKib, defaults.auth.argon2MemoryKib);
        QCOMPARE(config.auth.sessionTtlMinutes, defaults.auth.sessionTtlMinutes);
        QCOMPARE(config.auth.accountLockMaxSeconds, defaults.auth.accountLockMaxSeconds);
        QCOMPARE(config.ingest.burstLimit, defaults.ingest.burstLimit);
        QCOMPARE(config.ingest.maxQueuedEvents, defaults.ingest.maxQueuedEvents);
        QCOMPARE(config.ingest.fsyncBeforeAck, defaults.ingest.fsyncBeforeAck);
        QCOMPARE(config.backupBeforeMigration, defaults.backupBeforeMigration);
        QCOMPARE(config.log.access, defaults.log.access);
        QCOMPARE(config.log.level, defaults.log.level);
        QCOMPARE(config.log.format, defaults.log.format);
        QCOMPARE(config.auth.argon2Iterations, defaults.auth.argon2Iterations);
        QCOMPARE(config.auth.hashThreads, defaults.auth.hashThreads);
        QCOMPARE(config.ingest.publicPerMinute, defaults.ingest.publicPerMinute);
    }

    void theReadmeNamesEverySetting()
    {
        const QString readme = read(QStringLiteral(ZENOVAY_SOURCE_DIR "/README.md"));
        const qsizetype start = readme.indexOf(QStringLiteral("```ini\n  [server]"));
        QVERIFY(start >= 0);
        const qsizetype end = readme.indexOf(QStringLiteral("```"), start + 6);
        const QSet<QString> documented = keysIn(readme.mid(start, end - start), false);
        const QSet<QString> missing = allSettings() - documented;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringList(missing.values()).join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestShippedConfig)
#include "tst_shippedconfig.moc"
