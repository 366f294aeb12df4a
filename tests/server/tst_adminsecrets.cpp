// No response body, log line or database byte ever holds a full API key, a session
// token (outside the response that issues it) or a password.
#include "adminclient.h"
#include "testserver.h"

#include "core/model/clock.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QTest>

using namespace TestSupport;

namespace {
QMutex logMutex;
QByteArray capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

QByteArray databaseBytes(const QString &dataDir)
{
    QByteArray all;
    for (const QString &name : QDir(dataDir).entryList(QDir::Files)) {
        QFile f(QDir(dataDir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}
} // namespace

class TestAdminSecrets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        previousHandler = qInstallMessageHandler(captureMessage);
    }
    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }

    void secretsNeverLeak()
    {
        const QString adminPassword = QStringLiteral("Adm1n-P@ss-Unique-7431");
        const QString userPassword = QStringLiteral("Us3r-P@ss-Unique-9902");
        const QString typedIntoEmail = QStringLiteral("Typ3d-In-Email-5521");
        QList<HttpResult> responses;
        QString key;
        QByteArray token;
        QString dataDir;
        QByteArray db;
        {
            auto clock = std::make_shared<Core::ManualClock>(1'780'000'020'000);
            TestServer server([clock](Server::ServerConfig &c) {
                c.clock = clock;
                c.log.access = true; // the access log's lines are scanned too
            });
            QVERIFY(server.isRunning());
            dataDir = server.dataDir();
            const quint16 p = server.port();
            auto call = [&](const QByteArray &method, const QString &path, const QByteArray &tok,
                            const std::optional<QJsonObject> &body = std::nullopt) {
                responses << adminCall(p, method, path, tok, body);
                return responses.last();
            };

            const HttpResult setup =
                call("POST", QStringLiteral("/setup"), {},
                     QJsonObject{{QStringLiteral("email"), QStringLiteral("admin@example.com")},
                                 {QStringLiteral("name"), QStringLiteral("Ada")},
                                 {QStringLiteral("password"), adminPassword}});
            QCOMPARE(setup.status, 201);
            const QString team =
                setup.json().value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
            const HttpResult login =
                adminCall(p, "POST", QStringLiteral("/login"), {},
                          QJsonObject{{QStringLiteral("email"), QStringLiteral("admin@example.com")},
                                      {QStringLiteral("password"), adminPassword}});
            QCOMPARE(login.status, 200);
            token = login.json().value(QStringLiteral("token")).toString().toLatin1();
            call("POST", QStringLiteral("/login"), {},
                 QJsonObject{{QStringLiteral("email"), typedIntoEmail},
                             {QStringLiteral("password"), userPassword}});
            call("POST", QStringLiteral("/login"), {},
                 QJsonObject{{QStringLiteral("email"), QStringLiteral("admin@example.com")},
                             {QStringLiteral("password"), userPassword}});
            QCOMPARE(call("POST", QStringLiteral("/users"), token,
                          QJsonObject{{QStringLiteral("email"), QStringLiteral("bob@example.com")},
                                      {QStringLiteral("name"), QStringLiteral("Bob")},
                                      {QStringLiteral("password"), userPassword}})
                         .status,
                     201);
            QVERIFY(!adminLogin(p, QStringLiteral("bob@example.com"), userPassword).isEmpty());
            const HttpResult created =
                adminCall(p, "POST", QStringLiteral("/keys"), token,
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("k")},
                                      {QStringLiteral("permissions"), QJsonArray{QStringLiteral("read")}},
                                      {QStringLiteral("team_access"), QStringLiteral("all")},
                                      {QStringLiteral("billing_team_id"), team}});
            QCOMPARE(created.status, 201);
            key = created.json().value(QStringLiteral("key")).toString();
            QCOMPARE(key.size(), 41);
            const QString id = created.json().value(QStringLiteral("id")).toString();
            call("GET", QStringLiteral("/keys"), token);
            call("GET", QStringLiteral("/keys/") + id, token);
            call("POST", QStringLiteral("/keys/%1/revoke").arg(id), token);
            call("GET", QStringLiteral("/audit?per_page=100"), token);
            call("GET", QStringLiteral("/users"), token);
            call("GET", QStringLiteral("/me"), token);
            call("GET", QStringLiteral("/server/status"), token);
            // The key itself presented as a session token is refused without echoing it.
            call("GET", QStringLiteral("/me"), key.toLatin1());
            QVERIFY(responses.size() >= 12);
            db = databaseBytes(dataDir); // zenovay.db, -wal and -shm as they are on disk
        }

        const QList<QByteArray> secrets{
            key.toLatin1(),        key.mid(3, 32).toLatin1(), token, token.mid(4), adminPassword.toUtf8(),
            userPassword.toUtf8(), typedIntoEmail.toUtf8()};
        for (const HttpResult &r : responses)
            for (const QByteArray &s : secrets)
                QVERIFY2(!r.raw.contains(s), r.raw.constData());

        QByteArray log;
        {
            QMutexLocker lock(&logMutex);
            log = capturedLog;
        }
        QVERIFY2(log.contains("key.created"), "the audit log lines were not captured"); // the capture works
        QVERIFY2(
            log.contains("zenovay.access: client=127.0.0.1 method=POST path=/api/admin/v1/login status=200"),
            "the access log lines were not captured");
        QVERIFY(log.contains(key.left(11).toLatin1()));
        for (const QByteArray &s : secrets)
            QVERIFY2(!log.contains(s), s.constData());

        QVERIFY(db.contains("bob@example.com")); // the scan sees stored text
        QVERIFY(db.contains(key.left(11).toLatin1()));
        for (const QByteArray &s : secrets) {
            QVERIFY2(!db.contains(s), s.constData());
            QVERIFY2(!db.contains(QByteArray::fromRawData(
                         reinterpret_cast<const char *>(QString::fromLatin1(s).utf16()), s.size() * 2)),
                     "UTF-16 copy in the database");
        }
    }
};

QTEST_GUILESS_MAIN(TestAdminSecrets)
#include "tst_adminsecrets.moc"
