// Admin API over real HTTP: websites of the caller's teams.
#include "admintestcase.h"

#include "core/model/clock.h"

#include <QRegularExpression>
#include <QTest>

using namespace TestSupport;

class TestAdminWebsites : public AdminTestCase
{
    Q_OBJECT
    QString m_bobTeam;

    HttpResult create(const QByteArray &token, const QString &team, const QJsonValue &name,
                      const QJsonValue &url)
    {
        return adminCall(port(), "POST", QStringLiteral("/websites"), token,
                         QJsonObject{{QStringLiteral("team_id"), team},
                                     {QStringLiteral("name"), name},
                                     {QStringLiteral("url"), url}});
    }

private slots:
    void initTestCase()
    {
        const QString error = startAdminServer();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_bobTeam = adminCall(port(), "POST", QStringLiteral("/teams"), m_bob,
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Bob Co")}})
                        .json()
                        .value(QStringLiteral("id"))
                        .toString();
        QVERIFY(!m_bobTeam.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void crudForMembers()
    {
        HttpResult r = create(m_admin, m_adminTeam, QStringLiteral("Shop"),
                              QStringLiteral("https://Shop.Example.com/home?x=1"));
        QCOMPARE(r.status, 201);
        const QJsonObject w = r.json();
        const QString id = w.value(QStringLiteral("id")).toString();
        QCOMPARE(w.value(QStringLiteral("team_id")).toString(), m_adminTeam);
        QCOMPARE(w.value(QStringLiteral("domain")).toString(), QStringLiteral("shop.example.com"));
        QCOMPARE(w.value(QStringLiteral("url")).toString(),
                 QStringLiteral("https://Shop.Example.com/home?x=1"));
        QVERIFY(QRegularExpression(QStringLiteral("^ZV-[A-Z2-9]{12}$"))
                    .match(w.value(QStringLiteral("tracking_code")).toString())
                    .hasMatch());

        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_admin).json(), w);
        r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                      QJsonObject{{QStringLiteral("url"), QStringLiteral("http://shop2.example.org:8080/")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("domain")).toString(), QStringLiteral("shop2.example.org"));
        QCOMPARE(r.json().value(QStringLiteral("name")).toString(), QStringLiteral("Shop"));
        QCOMPARE(r.json().value(QStringLiteral("tracking_code")), w.value(QStringLiteral("tracking_code")));
        r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                      QJsonObject{{QStringLiteral("team_id"), m_bobTeam}});
        QCOMPARE(r.status, 422);

        // Excluded addresses: checked, stored canonical, changed on their own, emptied.
        QCOMPARE(w.value(QStringLiteral("excluded_ips")).toArray(), QJsonArray());
        r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                      QJsonObject{{QStringLiteral("excluded_ips"),
                                   QJsonArray{QStringLiteral("203.0.113.7"), QStringLiteral("10.9.8.7/8"),
                                              QStringLiteral(" 2001:DB8::/32 "), QStringLiteral("203.0.113.7")}}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("excluded_ips")).toArray(),
                 (QJsonArray{QStringLiteral("203.0.113.7"), QStringLiteral("10.0.0.0/8"),
                             QStringLiteral("2001:db8::/32")}));
        QCOMPARE(r.json().value(QStringLiteral("domain")).toString(), QStringLiteral("shop2.example.org"));
        for (const QJsonValue &bad : {QJsonValue(QJsonArray{QStringLiteral("10.0.0.0/33")}),
                                      QJsonValue(QJsonArray{QStringLiteral("my office")})}) {
            r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                          QJsonObject{{QStringLiteral("excluded_ips"), bad}});
            QCOMPARE(r.status, 422);
            QVERIFY2(r.json()
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("excluded_ips"))
                         .toString()
                         .contains(QLatin1String("is not an IP address or CIDR range")),
                     r.body.constData());
        }
        r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                      QJsonObject{{QStringLiteral("excluded_ips"), QStringLiteral("10.0.0.0/8")}});
        QCOMPARE(r.status, 400); // a string, not a list
        // Nothing was lost by the refused changes.
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_admin)
                     .json()
                     .value(QStringLiteral("excluded_ips"))
                     .toArray()
                     .size(),
                 3);
        r = adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_admin,
                      QJsonObject{{QStringLiteral("excluded_ips"), QJsonArray()}});
        QCOMPARE(r.json().value(QStringLiteral("excluded_ips")).toArray(), QJsonArray());

        QCOMPARE(
            create(m_admin, m_adminTeam, QStringLiteral("Blog"), QStringLiteral("https://blog.example.com"))
                .status,
            201);
        r = adminCall(port(), "GET", QStringLiteral("/websites?per_page=1"), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites?team_id=") + m_adminTeam, m_admin)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 2);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites?team_id=") + m_bobTeam, m_admin).status,
                 404);

        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/websites/") + id, m_admin).status, 204);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_admin).status, 404);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/websites/") + id, m_admin).status, 404);
    }

    void otherTeamsWebsitesAreNotFound()
    {
        const HttpResult r = create(m_admin, m_adminTeam, QStringLiteral("Private"),
                                    QStringLiteral("https://private.example"));
        const QString id = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_bob).status, 404);
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_bob,
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Mine")}})
                     .status,
                 404);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/websites/") + id, m_bob).status, 404);
        QCOMPARE(
            create(m_bob, m_adminTeam, QStringLiteral("Sneaky"), QStringLiteral("https://x.example")).status,
            404);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites"), m_bob)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 0);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_admin).status, 200);
    }

    void validationUsesTheGuidesMessages_data()
    {
        QTest::addColumn<QJsonValue>("name");
        QTest::addColumn<QJsonValue>("url");
        QTest::addColumn<QString>("nameMessage");
        QTest::addColumn<QString>("urlMessage");
        const QString tooLong = QStringLiteral("Name too long (max 100 characters)");
        const QString badUrl = QStringLiteral("Invalid URL format");
        QTest::newRow("guide example") << QJsonValue(QString(101, QLatin1Char('a')))
                                       << QJsonValue(QStringLiteral("not a url")) << tooLong << badUrl;
        QTest::newRow("ftp") << QJsonValue(QStringLiteral("ok"))
                             << QJsonValue(QStringLiteral("ftp://example.com")) << QString() << badUrl;
        QTest::newRow("relative") << QJsonValue(QStringLiteral("ok"))
                                  << QJsonValue(QStringLiteral("/just/a/path")) << QString() << badUrl;
        QTest::newRow("no host") << QJsonValue(QStringLiteral("ok")) << QJsonValue(QStringLiteral("https://"))
                                 << QString() << badUrl;
        QTest::newRow("no slashes") << QJsonValue(QStringLiteral("ok"))
                                    << QJsonValue(QStringLiteral("http:example.com")) << QString() << badUrl;
        QTest::newRow("javascript") << QJsonValue(QStringLiteral("ok"))
                                    << QJsonValue(QStringLiteral("javascript:alert(1)")) << QString()
                                    << badUrl;
        QTest::newRow("space") << QJsonValue(QStringLiteral("ok"))
                               << QJsonValue(QStringLiteral("https://exa mple.com")) << QString() << badUrl;
        QTest::newRow("empty name") << QJsonValue(QString())
                                    << QJsonValue(QStringLiteral("https://example.com"))
                                    << QStringLiteral("Name is required") << QString();
        QTest::newRow("missing both") << QJsonValue() << QJsonValue() << QStringLiteral("Name is required")
                                      << QStringLiteral("URL is required");
        // 100 characters (emoji count once each) is fine; 101 is not.
        QTest::newRow("100 emoji") << QJsonValue(QString(100, QChar(0x263A)))
                                   << QJsonValue(QStringLiteral("https://example.com")) << QString()
                                   << QString();
    }
    void validationUsesTheGuidesMessages()
    {
        QFETCH(QJsonValue, name);
        QFETCH(QJsonValue, url);
        QFETCH(QString, nameMessage);
        QFETCH(QString, urlMessage);
        const HttpResult r = create(m_admin, m_adminTeam, name, url);
        if (nameMessage.isEmpty() && urlMessage.isEmpty()) {
            QCOMPARE(r.status, 201);
            return;
        }
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("name")).toString(), nameMessage);
        QCOMPARE(detailsOf(r).value(QStringLiteral("url")).toString(), urlMessage);
    }

    void emojiNamesCountCharacters()
    {
        QString name;
        for (int i = 0; i < 100; ++i)
            name += QStringLiteral("\U0001F600");
        QCOMPARE(create(m_admin, m_adminTeam, name, QStringLiteral("https://emoji.example")).status, 201);
        name += QStringLiteral("\U0001F600");
        QCOMPARE(create(m_admin, m_adminTeam, name, QStringLiteral("https://emoji.example")).status, 422);
    }

    void wrongTypesAndBadJson()
    {
        HttpResult r = create(m_admin, m_adminTeam, QJsonValue(42), QStringLiteral("https://example.com"));
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_PARAMETER"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("parameter")).toString(), QStringLiteral("name"));
        r = adminCallRaw(port(), "POST", QStringLiteral("/websites"), m_admin, R"({"name": "Test", })");
        QCOMPARE(r.status, 400);
        QCOMPARE(codeOf(r), QStringLiteral("INVALID_JSON"));
        r = adminCall(port(), "POST", QStringLiteral("/websites"), m_admin,
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                  {QStringLiteral("url"), QStringLiteral("https://x.io")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("team_id")).toString(),
                 QStringLiteral("Team is required"));
    }

    void removedMemberLosesTheTeamsWebsites()
    {
        const HttpResult site =
            create(m_admin, m_adminTeam, QStringLiteral("Shared"), QStringLiteral("https://shared.example"));
        const QString id = site.json().value(QStringLiteral("id")).toString();
        HttpResult r =
            adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_adminTeam), m_admin,
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("bob@example.com")},
                                  {QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_bob).status, 200);
        // A plain member may change websites of the team.
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/websites/") + id, m_bob,
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("Shared!")}})
                     .status,
                 200);
        const QString bobId = r.json().value(QStringLiteral("user_id")).toString();
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/%1/members/%2").arg(m_adminTeam, bobId),
                           m_admin)
                     .status,
                 204);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_bob).status, 404);
    }

    // Issue 11: any plain member could delete a team's websites (and their events).
    void onlyOwnersAndAdminsDeleteWebsites()
    {
        HttpResult r =
            adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_adminTeam), m_admin,
                      QJsonObject{{QStringLiteral("email"), QStringLiteral("bob@example.com")},
                                  {QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 201);
        const QString bobId = r.json().value(QStringLiteral("user_id")).toString();
        // A member may create a website, but not delete it or any other.
        r = create(m_bob, m_adminTeam, QStringLiteral("Bob's"), QStringLiteral("https://bobs.example"));
        QCOMPARE(r.status, 201);
        const QString own = r.json().value(QStringLiteral("id")).toString();
        const QString other =
            create(m_admin, m_adminTeam, QStringLiteral("Ada's"), QStringLiteral("https://adas.example"))
                .json()
                .value(QStringLiteral("id"))
                .toString();
        for (const QString &id : {own, other}) {
            r = adminCall(port(), "DELETE", QStringLiteral("/websites/") + id, m_bob);
            QCOMPARE(r.status, 403);
            QCOMPARE(codeOf(r), QStringLiteral("FORBIDDEN"));
            QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + id, m_bob).status, 200);
        }
        // As an admin of the team, Bob may.
        QCOMPARE(adminCall(port(), "PATCH", QStringLiteral("/teams/%1/members/%2").arg(m_adminTeam, bobId),
                           m_admin, QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}})
                     .status,
                 200);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/websites/") + own, m_bob).status, 204);
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/websites/") + own, m_admin).status, 404);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/teams/%1/members/%2").arg(m_adminTeam, bobId),
                           m_admin)
                     .status,
                 204);
        QCOMPARE(adminCall(port(), "DELETE", QStringLiteral("/websites/") + other, m_admin).status, 204);
    }
};

QTEST_GUILESS_MAIN(TestAdminWebsites)
#include "tst_adminwebsites.moc"
