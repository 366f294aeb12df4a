// Unpaired UTF-16 surrogate escapes over real HTTP: every JSON body the server reads
// (admin API, external API, POST /e/{code}, POST /api/external/v1/events) answers
// 400 INVALID_JSON and stores nothing; a proper pair is kept intact.
#include "adminclient.h"
#include "fixtures.h"
#include "ingestfixtures.h"
#include "testserver.h"

#include "core/ingest/eventpipeline.h"
#include "server/serverinstance.h"

#include <QJsonArray>
#include <QTest>

using namespace TestSupport;

namespace {
const QString Password = QStringLiteral("password-123");
const QByteArray Marker = "MARKER";

// before + MARKER + after, as a string value.
QString marked(const QString &before, const QString &after = {})
{
    return before + QLatin1String(Marker) + after;
}

// Compact JSON of `body` with the string MARKER replaced by a raw escape sequence.
QByteArray withEscape(const QJsonObject &body, const QByteArray &escape)
{
    QByteArray json = toJsonBytes(body);
    Q_ASSERT(json.contains(Marker));
    return json.replace(Marker, escape);
}

// The escapes that must be refused, and where.
const QList<QByteArray> Unpaired = {R"(\udc00)", R"(\ud800)", R"(\uDBFF)", R"(\ud800\u0041)",
                                    R"(\udc00\ud800)"};
} // namespace

class TestJsonSurrogates : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin;
    QString m_team;
    SeededKey m_key;
    Core::Website m_site;

    quint16 port() const { return m_server->port(); }
    qint64 count(const QString &sql)
    {
        qint64 n = -1;
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            QVERIFY(s.eventPipeline().flush());
            Core::Statement q = s.database().prepare(sql);
            if (q.exec() && q.next())
                n = q.value(0).toLongLong();
        });
        return n;
    }
    static void expectInvalidJson(const HttpResult &r)
    {
        QVERIFY2(r.status == 400, QByteArray(QByteArray::number(r.status) + " " + r.body).constData());
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_JSON"));
        QVERIFY2(r.json().value(QStringLiteral("error")).toString().contains(QLatin1String("surrogate")),
                 r.body.constData());
        QVERIFY(!r.header("X-Request-Id").isEmpty());
    }
    HttpResult external(const QByteArray &method, const QByteArray &path, const QByteArray &body)
    {
        return httpRequest(port(), method, "/api/external/v1" + path,
                           {{"X-API-Key", m_key.key.toLatin1()}, {"Content-Type", "application/json"}}, body);
    }

private slots:
    void initTestCase()
    {
        m_server =
            std::make_unique<TestServer>([](Server::ServerConfig &c) { c.ingest.burstLimit = 100'000; });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        const QJsonObject setup =
            adminSetup(port(), QStringLiteral("admin@example.com"), QStringLiteral("Ada"), Password);
        m_team = setup.value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
        m_admin = adminLogin(port(), QStringLiteral("admin@example.com"), Password);
        QVERIFY(!m_admin.isEmpty());
        const Core::User user = Fixtures::createUser(*m_server, QStringLiteral("api@example.com"));
        const Core::Team team =
            Fixtures::createTeam(*m_server, QStringLiteral("Paid"), Core::Plan::Pro, user.id);
        Fixtures::setPlanLimits(*m_server, Core::Plan::Pro, 100'000, 1'000'000);
        m_key =
            Fixtures::createKey(*m_server, user.id, team.id,
                                {QStringLiteral("read"), QStringLiteral("write"), QStringLiteral("admin")});
        m_site = Fixtures::createWebsite(*m_server, team.id, QStringLiteral("Shop"));
    }
    void cleanupTestCase() { m_server.reset(); }

    void adminUsers()
    {
        const qint64 users = count(QStringLiteral("SELECT COUNT(*) FROM users"));
        for (const QByteArray &escape : Unpaired) {
            for (const QString &field : {QStringLiteral("name"), QStringLiteral("email")}) {
                QJsonObject body{{QStringLiteral("email"), QStringLiteral("new@example.com")},
                                 {QStringLiteral("name"), QStringLiteral("New")},
                                 {QStringLiteral("password"), Password}};
                body.insert(field, field == QLatin1String("email")
                                       ? marked(QStringLiteral("new"), QStringLiteral("@example.com"))
                                       : marked(QStringLiteral("lone"), QStringLiteral("y")));
                expectInvalidJson(adminCallRaw(port(), "POST", QStringLiteral("/users"), m_admin,
                                               withEscape(body, escape)));
            }
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), users);

        // A name change is refused whole; the name stays.
        const QString id = adminCreateUser(port(), m_admin, QStringLiteral("carol@example.com"),
                                           QStringLiteral("Carol"), Password);
        QVERIFY(!id.isEmpty());
        expectInvalidJson(
            adminCallRaw(port(), "PATCH", QStringLiteral("/users/") + id, m_admin,
                         withEscape({{QStringLiteral("name"), marked(QStringLiteral("C"))}}, R"(\ud800)")));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/users/") + id, m_admin)
                     .json()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Carol"));
    }

    // Before: "admin@example.com\udc00" signed in as admin@example.com (the lone unit was
    // dropped on the way to the database).
    void signInWithALoneSurrogateInTheEmail()
    {
        for (const QByteArray &escape : Unpaired) {
            const QJsonObject body{{QStringLiteral("email"), marked(QStringLiteral("admin@example.com"))},
                                   {QStringLiteral("password"), Password}};
            expectInvalidJson(
                adminCallRaw(port(), "POST", QStringLiteral("/login"), {}, withEscape(body, escape)));
        }
    }

    void adminWebsitesAndKeysInObjectKeys()
    {
        const qint64 websites = count(QStringLiteral("SELECT COUNT(*) FROM websites"));
        for (const QByteArray &escape : Unpaired) {
            const QJsonObject body{{QStringLiteral("team_id"), m_team},
                                   {QStringLiteral("name"), marked(QStringLiteral("end"))},
                                   {QStringLiteral("url"), QStringLiteral("https://example.com")}};
            expectInvalidJson(
                adminCallRaw(port(), "POST", QStringLiteral("/websites"), m_admin, withEscape(body, escape)));
        }
        // In a member name, not a value.
        const QByteArray key = "{\"team_id\":\"" + m_team.toLatin1() +
                               "\",\"na\\ud800me\":\"x\",\"url\":\"https://example.com\",\"name\":\"ok\"}";
        expectInvalidJson(adminCallRaw(port(), "POST", QStringLiteral("/websites"), m_admin, key));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM websites")), websites);

        // A proper pair and an escaped backslash before "u" are text, kept as sent.
        const QByteArray good =
            "{\"team_id\":\"" + m_team.toLatin1() +
            "\",\"name\":\"rocket \\ud83d\\ude80 \\\\ud800\",\"url\":\"https://example.com\"}";
        const HttpResult r = adminCallRaw(port(), "POST", QStringLiteral("/websites"), m_admin, good);
        QCOMPARE(r.status, 201);
        const QString expected = QString::fromUtf8("rocket \xF0\x9F\x9A\x80 \\ud800");
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), expected);
        QCOMPARE(adminCall(port(), "GET",
                           QStringLiteral("/websites/") + r.json().value(QStringLiteral("id")).toString(),
                           m_admin)
                     .json()
                     .value(QStringLiteral("name"))
                     .toString(),
                 expected);
    }

    void externalApiWebsites()
    {
        const qint64 websites = count(QStringLiteral("SELECT COUNT(*) FROM websites"));
        for (const QByteArray &escape : Unpaired) {
            const QJsonObject body{{QStringLiteral("name"), marked(QStringLiteral("lone"))},
                                   {QStringLiteral("url"), QStringLiteral("https://example.com")}};
            expectInvalidJson(external("POST", "/websites", withEscape(body, escape)));
            expectInvalidJson(
                external("PATCH", "/websites/" + m_site.id.toLatin1(), withEscape(body, escape)));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM websites")), websites);
        QCOMPARE(external("GET", "/websites/" + m_site.id.toLatin1(), {})
                     .json()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Shop"));
    }

    void trackingIngest()
    {
        const qint64 events = count(QStringLiteral("SELECT COUNT(*) FROM events"));
        const QByteArray target = "/e/" + m_site.trackingCode.toLatin1();
        for (const QByteArray &escape : Unpaired) {
            QJsonObject inValue =
                sampleEvent(QStringLiteral("/home"), marked(QStringLiteral("srv-session-")));
            HttpResult r = httpRequest(port(), "POST", target, {}, withEscape(inValue, escape));
            expectInvalidJson(r);
            QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
            QJsonObject nested = sampleEvent();
            nested.insert(QStringLiteral("props"), QJsonObject{{QStringLiteral("k"), marked({})}});
            expectInvalidJson(httpRequest(port(), "POST", target, {}, withEscape(nested, escape)));
            QJsonObject inKey = sampleEvent();
            inKey.insert(QStringLiteral("props"), QJsonObject{{marked({}), QStringLiteral("v")}});
            expectInvalidJson(httpRequest(port(), "POST", target, {}, withEscape(inKey, escape)));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events")), events);
        QCOMPARE(httpRequest(port(), "POST", target, {}, toJsonBytes(sampleEvent())).status, 202);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events")), events + 1);
    }

    void externalIngestBatch()
    {
        const qint64 events = count(QStringLiteral("SELECT COUNT(*) FROM events"));
        QJsonObject good = sampleEvent();
        good.insert(QStringLiteral("website_id"), m_site.id);
        QJsonObject bad = sampleEvent(marked(QStringLiteral("/x")));
        bad.insert(QStringLiteral("website_id"), m_site.id);
        for (const QByteArray &escape : Unpaired) {
            expectInvalidJson(external("POST", "/events", withEscape(bad, escape)));
            const QJsonObject batch{{QStringLiteral("events"), QJsonArray{good, good, bad}}};
            expectInvalidJson(external("POST", "/events", withEscape(batch, escape)));
        }
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events")), events);
    }

    // QJsonDocument already refuses invalid UTF-8 (no silent U+FFFD): kept that way.
    void rawInvalidUtf8IsInvalidJson_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("stray bytes") << QByteArray("\xff\xfe");
        QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80");
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf");
        QTest::newRow("truncated sequence") << QByteArray("\xe2\x82");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80");
    }
    void rawInvalidUtf8IsInvalidJson()
    {
        QFETCH(QByteArray, bytes);
        const qint64 users = count(QStringLiteral("SELECT COUNT(*) FROM users"));
        const qint64 events = count(QStringLiteral("SELECT COUNT(*) FROM events"));
        HttpResult r = adminCallRaw(port(), "POST", QStringLiteral("/users"), m_admin,
                                    withEscape({{QStringLiteral("email"), QStringLiteral("u@example.com")},
                                                {QStringLiteral("name"), marked({})},
                                                {QStringLiteral("password"), Password}},
                                               bytes));
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_JSON"));
        r = httpRequest(
            port(), "POST", "/e/" + m_site.trackingCode.toLatin1(), {},
            withEscape(sampleEvent(QStringLiteral("/"), marked(QStringLiteral("srv-session-"))), bytes));
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_JSON"));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM users")), users);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM events")), events);
    }
};

QTEST_GUILESS_MAIN(TestJsonSurrogates)
#include "tst_jsonsurrogates.moc"
