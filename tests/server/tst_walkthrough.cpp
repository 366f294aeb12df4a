// The "done when" script, docs/admin-api-walkthrough.sh, against the real binary from
// an empty data directory: it must succeed, and the server must hold what it did.
#include "adminclient.h"
#include "serverprocess.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace TestSupport;

class TestWalkthrough : public QObject
{
    Q_OBJECT

private slots:
    void scriptRunsAgainstAFreshServer()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(),
                 "curl is required (scripts/deps.sh test installs it)");
        ServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errors()));

        const QString password = QStringLiteral(R"(walk"through\pw-1)"); // exercises the JSON escaping
        QProcess script;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ZENOVAY_ADMIN_PASSWORD"), password);
        script.setProcessEnvironment(env);
        script.setProcessChannelMode(QProcess::MergedChannels);
        script.start(QStringLiteral("bash"), {QStringLiteral(ZENOVAY_WALKTHROUGH_SCRIPT),
                                              QStringLiteral("http://127.0.0.1:%1").arg(server.port())});
        QVERIFY(script.waitForFinished(90'000));
        const QString output = QString::fromUtf8(script.readAll());
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("walkthrough complete")), qPrintable(output));
        const auto shown =
            QRegularExpression(QStringLiteral("never shown again\\): (zv_[0-9A-Za-z]{38})")).match(output);
        QVERIFY2(shown.hasMatch(), qPrintable(output));
        const QString key = shown.captured(1);

        // What the script did is there.
        const QByteArray token = adminLogin(server.port(), QStringLiteral("admin@example.com"), password);
        QVERIFY(!token.isEmpty());
        HttpResult r = adminCall(server.port(), "GET", QStringLiteral("/keys"), token);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);
        const QJsonObject listed = r.json().value(QStringLiteral("data")).toArray()[0].toObject();
        QCOMPARE(listed.value(QStringLiteral("prefix")).toString(), key.left(11));
        QVERIFY(!listed.value(QStringLiteral("revoked_at")).isNull());
        QVERIFY(!r.body.contains(key.toLatin1()));
        r = adminCall(server.port(), "GET", QStringLiteral("/teams"), token);
        QString teamId;
        for (const QJsonValue &t : r.json().value(QStringLiteral("data")).toArray())
            if (t.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Walkthrough Team")) {
                teamId = t.toObject().value(QStringLiteral("id")).toString();
                QCOMPARE(t.toObject().value(QStringLiteral("plan")).toString(), QStringLiteral("pro"));
            }
        QVERIFY(!teamId.isEmpty());
        r = adminCall(server.port(), "GET", QStringLiteral("/teams/%1/members").arg(teamId), token);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 2);
        r = adminCall(server.port(), "GET", QStringLiteral("/websites?team_id=") + teamId, token);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 1);

        QCOMPARE(server.terminate(), 0);
        QVERIFY(!server.output().contains(key));
        const QString serverLog = server.errors();
        QVERIFY(!serverLog.contains(key));
        QVERIFY(!serverLog.contains(password));
    }
};

QTEST_GUILESS_MAIN(TestWalkthrough)
#include "tst_walkthrough.moc"
