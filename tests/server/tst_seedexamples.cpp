// Runs the guide's examples (tests/seed/seed_examples.mjs: the cURL commands, the
// fetch debug snippet, apiCallWithRetry) with Node against a real local server.
#include "fixtures.h"
#include "offsetclock.h"
#include "testserver.h"

#include <QProcess>
#include <QTest>

using namespace TestSupport;

class TestSeedExamples : public QObject
{
    Q_OBJECT
private slots:
    void guideExamplesRunAsWritten()
    {
        // The server's clock is placed 50 s into a minute just before the script starts
        // (not at server start, however long the set-up takes on a loaded machine), so the
        // 429 the script provokes comes within that minute and asks it to wait only a few
        // seconds.
        const auto clock = std::make_shared<OffsetClock>(0);
        TestServer server([clock](Server::ServerConfig &c) { c.clock = clock; });
        QVERIFY(server.isRunning());
        const auto user = Fixtures::createUser(server, QStringLiteral("guide@example.com"));
        const auto team = Fixtures::createTeam(server, QStringLiteral("Guide"), Core::Plan::Pro, user.id);
        const auto site = Fixtures::createWebsite(server, team.id, QStringLiteral("Guide site"));
        const auto key = Fixtures::createKey(server, user.id, team.id, {QStringLiteral("read")});

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        env.insert(QStringLiteral("API_KEY"), key.key);
        env.insert(QStringLiteral("WEBSITE_ID"), site.id);
        node.setProcessEnvironment(env);
        clock->placeInMinute(50);
        node.start(QStringLiteral("node"), {QStringLiteral(ZENOVAY_SEED_SCRIPT)});
        QVERIFY2(node.waitForStarted(5000), "node is not installed (scripts/deps.sh test installs nodejs)");
        QVERIFY(node.waitForFinished(60'000));
        const QString out = QString::fromUtf8(node.readAllStandardOutput());
        const QString err = QString::fromUtf8(node.readAllStandardError());
        qInfo().noquote() << out;
        QVERIFY2(node.exitCode() == 0, qPrintable(err + out));
        for (const char *name : {"ok curl usage", "ok curl websites", "ok curl verbose",
                                 "ok curl wrong header", "ok fetch debug", "ok apiCallWithRetry"})
            QVERIFY2(out.contains(QLatin1String(name)), name);
    }
};

QTEST_GUILESS_MAIN(TestSeedExamples)
#include "tst_seedexamples.moc"
