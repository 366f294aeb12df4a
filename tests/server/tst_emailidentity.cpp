// Email addresses as identities over real HTTP (issue 11, item 9, and its review):
// look-alike addresses (homoglyphs, invisible characters, combining marks, a trailing
// dot, letters outside everyday writing, non-ASCII punctuation) are refused with 422 on
// `email`; compatibility forms (fullwidth, other case) are the same address, so they are
// taken by the existing user and sign in as that user; a valid address that looks like
// an existing one (Unicode TS #39 skeleton) is taken too. Accounts stored before
// normalisation keep signing in.
#include "adminclient.h"
#include "testserver.h"

#include "core/accounts/passwordhasher.h"
#include "core/storage/database.h"
#include "core/storage/userrepository.h"
#include "server/serverinstance.h"

#include <QTest>

using namespace TestSupport;

namespace {
const QString Password = QStringLiteral("password-123");
const QString AdminEmail = QStringLiteral("admin@example.com");

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QJsonObject newUser(const QString &email)
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("name"), QStringLiteral("Someone")},
            {QStringLiteral("password"), Password}};
}
} // namespace

class TestEmailIdentity : public QObject
{
    Q_OBJECT
    std::unique_ptr<TestServer> m_server;
    QByteArray m_admin;
    QString m_adminId, m_team;

    quint16 port() const { return m_server->port(); }
    qint64 users()
    {
        return adminCall(port(), "GET", QStringLiteral("/users"), m_admin)
            .json()
            .value(QStringLiteral("total"))
            .toInteger();
    }
    QString idOfSignedIn(const QString &email)
    {
        const HttpResult r =
            adminCall(port(), "POST", QStringLiteral("/login"), {},
                      QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("password"), Password}});
        return r.status == 200
                   ? r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString()
                   : QString();
    }
    // A user row as an older build stored it: the address only trimmed and lower-cased.
    QString insertLegacyUser(const QString &storedEmail)
    {
        Core::User user{Core::newId(), storedEmail, QStringLiteral("Legacy"), 1, false, false};
        m_server->runOnServerThread([&](Server::ServerInstance &s) {
            Core::UserRepository(s.database()).insert(user, Core::PasswordHasher::hashPbkdf2(Password, 1000));
        });
        return user.id;
    }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>([](Server::ServerConfig &c) {
            c.auth.requestsPerMinute = 100'000;
            c.auth.failuresBeforeBan = 1000;
            c.auth.accountFailuresBeforeLock = 1000;
        });
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->startError()));
        const QJsonObject setup = adminSetup(port(), AdminEmail, QStringLiteral("Ada"), Password);
        m_adminId = setup.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        m_team = setup.value(QStringLiteral("team")).toObject().value(QStringLiteral("id")).toString();
        m_admin = adminLogin(port(), AdminEmail, Password);
        QVERIFY(!m_admin.isEmpty());
    }
    void cleanupTestCase() { m_server.reset(); }

    void lookAlikesAreRefused_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("message");
        const QString mixed =
            QStringLiteral("Email must not mix letters of different scripts (such as Latin and Cyrillic)");
        const QString invisible = QStringLiteral("Email must not contain invisible or control characters");
        const QString marks =
            QStringLiteral("Email must not contain combining marks (type accented letters as one character)");
        const QString dot = QStringLiteral("Email domain must not end with a dot");
        QTest::newRow("Cyrillic er in the domain") << u("admin@exam\xD1\x80le.com") << mixed;
        QTest::newRow("Cyrillic a in the local part") << u("\xD0\xB0"
                                                           "dmin@example.com")
                                                      << mixed;
        QTest::newRow("Greek alpha") << u("admin@ex\xCE\xB1mple.com") << mixed;
        QTest::newRow("Cyrillic local part, Latin domain")
            << u("\xD0\xB0\xD1\x81\xD0\xB5@example.com") << mixed;
        QTest::newRow("zero-width space") << u("ad\xE2\x80\x8Bmin@example.com") << invisible;
        QTest::newRow("zero-width space at the end") << u("admin@example.com\xE2\x80\x8B") << invisible;
        QTest::newRow("zero-width joiner") << u("admin\xE2\x80\x8D@example.com") << invisible;
        QTest::newRow("word joiner") << u("ad\xE2\x81\xA0min@example.com") << invisible;
        QTest::newRow("byte order mark")
            << QString(QStringLiteral("ad") + QChar(0xFEFF) + QStringLiteral("min@example.com")) << invisible;
        QTest::newRow("soft hyphen") << u("ad\xC2\xADmin@example.com") << invisible;
        QTest::newRow("right-to-left override") << u("admin@\xE2\x80\xAE"
                                                     "example.com")
                                                << invisible;
        QTest::newRow("Hangul filler") << u("admin\xE3\x85\xA4@example.com") << invisible;
        QTest::newRow("control character") << QString(AdminEmail + QChar(0x07)) << invisible;
        QTest::newRow("combining acute") << u("admin\xCC\x81@example.com") << marks;
        QTest::newRow("combining long stroke") << u("a\xCC\xB6"
                                                    "dmin@example.com")
                                               << marks;
        QTest::newRow("combining dot above") << u("admi\xCC\x87n@example.com") << marks;
        QTest::newRow("trailing dot") << QStringLiteral("admin@example.com.") << dot;
        QTest::newRow("fullwidth trailing dot") << u("admin@example.com\xEF\xBC\x8E") << dot;
        QTest::newRow("ideographic trailing dot") << u("admin@example.com\xE3\x80\x82") << dot;
        QTest::newRow("empty label") << QStringLiteral("admin@example..com")
                                     << QStringLiteral("Invalid email address");
        // Look-alikes within one script: letters outside everyday use (Unicode TS #39's
        // identifier profile: phonetic, small-capital and obsolete letters) and non-ASCII
        // punctuation and symbols.
        const QString unusual =
            QStringLiteral("Email must not contain letters outside everyday writing (such as "
                           "small capitals, phonetic or obsolete letters)");
        const QString punctuation =
            QStringLiteral("Email must not contain punctuation or symbols other than ASCII ones");
        QTest::newRow("Latin alpha") << u("\xC9\x91"
                                          "dmin@example.com")
                                     << unusual;
        QTest::newRow("small capital A") << u("\xE1\xB4\x80"
                                              "dmin@example.com")
                                         << unusual;
        QTest::newRow("small capital I") << u("adm\xC9\xAAn@example.com") << unusual;
        QTest::newRow("dental click for l") << u("admin@examp\xC7\x80"
                                                 "e.com")
                                            << unusual;
        QTest::newRow("small capitals in the TLD") << u("admin@example.c\xE1\xB4\x8F\xE1\xB4\x8D") << unusual;
        QTest::newRow("all Cyrillic with Komi de and palochka")
            << u("\xD0\xB0\xD4\x81\xD0\xBC\xD1\x96\xD0\xBF@"
                 "\xD0\xB5\xD1\x85\xD0\xB0\xD0\xBC\xD1\x80\xD3\x8F\xD0\xB5.\xD1\x81\xD0\xBE\xD0\xBC")
            << unusual;
        QTest::newRow("middle dot") << u("admin@example\xC2\xB7"
                                         "com")
                                    << punctuation;
        QTest::newRow("hyphenation point") << u("ad\xE2\x80\xA7min@example.com") << punctuation;
        QTest::newRow("emoji") << u("admin\xF0\x9F\x98\x80@example.com") << punctuation;
        QTest::newRow("Arabic-Indic and ASCII digits")
            << u("\xD8\xA7\xD9\x84\xD9\xA1"
                 "1@\xD9\x85\xD8\xAB\xD8\xA7\xD9\x84.\xD9\x85\xD8\xB5\xD8\xB1")
            << QStringLiteral("Email must not mix digits of different number systems");
    }
    void lookAlikesAreRefused()
    {
        QFETCH(QString, email);
        QFETCH(QString, message);
        const qint64 before = users();
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin, newUser(email));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QCOMPARE(detailsOf(r).value(QStringLiteral("email")).toString(), message);
        QCOMPARE(users(), before);
        // Not a way into the admin's account either.
        QVERIFY(idOfSignedIn(email).isEmpty());
        // Nor a member to add.
        r = adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_team), m_admin,
                      QJsonObject{{QStringLiteral("email"), email},
                                  {QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(detailsOf(r).value(QStringLiteral("email")).toString(), message);
    }

    // Compatibility forms and case are the same address: taken, and signing in with them
    // is signing in to that one account (the decision in docs/architecture.md).
    void compatibilityFormsAreTheSameAccount_data()
    {
        QTest::addColumn<QString>("email");
        QTest::newRow("fullwidth a") << u("\xEF\xBD\x81"
                                          "dmin@example.com");
        QTest::newRow("all fullwidth")
            << u("\xEF\xBD\x81\xEF\xBD\x84\xEF\xBD\x8D\xEF\xBD\x89\xEF\xBD\x8E\xEF\xBC\xA0"
                 "\xEF\xBD\x85\xEF\xBD\x98\xEF\xBD\x81\xEF\xBD\x8D\xEF\xBD\x90\xEF\xBD\x8C"
                 "\xEF\xBD\x85\xEF\xBC\x8E\xEF\xBD\x83\xEF\xBD\x8F\xEF\xBD\x8D");
        QTest::newRow("upper case and spaces") << QStringLiteral("  ADMIN@Example.COM ");
        QTest::newRow("mathematical bold a") << u("\xF0\x9D\x90\x9A"
                                                  "dmin@example.com");
    }
    void compatibilityFormsAreTheSameAccount()
    {
        QFETCH(QString, email);
        const qint64 before = users();
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin, newUser(email));
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("EMAIL_TAKEN"));
        QCOMPARE(users(), before);
        QCOMPARE(idOfSignedIn(email), m_adminId);
    }

    // Addresses that are different but look the same as an existing one (Unicode TS #39
    // confusable skeletons: a dotless i, "rn" for "m", a digit one for "l", a whole
    // address in Cyrillic letters that look Latin) are taken: 409 EMAIL_TAKEN, naming the
    // address they look like. They never sign in to the account they imitate.
    void lookAlikesOfExistingAddressesAreTaken_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("existing");
        QTest::newRow("dotless i") << u("adm\xC4\xB1n@example.com") << AdminEmail;
        QTest::newRow("rn for m") << QStringLiteral("adrnin@example.com") << AdminEmail;
        QTest::newRow("digit one for l") << QStringLiteral("admin@examp1e.com") << AdminEmail;
        QTest::newRow("whole-script Cyrillic")
            << u("\xD1\x80\xD0\xB5\xD1\x80\xD0\xB5@\xD1\x85\xD0\xBE\xD1\x85\xD0\xBE.\xD1\x81\xD0\xB0")
            << QStringLiteral("pepe@xoxo.ca");
    }
    void lookAlikesOfExistingAddressesAreTaken()
    {
        QFETCH(QString, email);
        QFETCH(QString, existing);
        if (existing != AdminEmail && idOfSignedIn(existing).isEmpty())
            QCOMPARE(adminCall(port(), "POST", QStringLiteral("/users"), m_admin, newUser(existing)).status,
                     201);
        const QString existingId = idOfSignedIn(existing);
        QVERIFY(!existingId.isEmpty());
        const qint64 before = users();
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin, newUser(email));
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("EMAIL_TAKEN"));
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(),
                 QStringLiteral("This email looks the same as the address of an existing user (%1)")
                     .arg(existing));
        QCOMPARE(users(), before);
        QCOMPARE(idOfSignedIn(email), QString());
    }

    void newAddressesAreStoredNormalised()
    {
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin,
                                 newUser(u("\xEF\xBC\xA2"
                                           "ob@Example.com")));
        QCOMPARE(r.status, 201);
        const QString bobId = r.json().value(QStringLiteral("id")).toString();
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), QStringLiteral("bob@example.com"));
        QCOMPARE(adminCall(port(), "GET", QStringLiteral("/users/") + bobId, m_admin)
                     .json()
                     .value(QStringLiteral("email"))
                     .toString(),
                 QStringLiteral("bob@example.com"));
        QCOMPARE(idOfSignedIn(QStringLiteral("bob@example.com")), bobId);
        // Adding a member by a compatibility form finds the same user.
        r = adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_team), m_admin,
                      QJsonObject{{QStringLiteral("email"), u("\xEF\xBD\x82"
                                                              "ob@example.com")},
                                  {QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("user_id")).toString(), bobId);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), QStringLiteral("bob@example.com"));
    }

    // Accented letters and single non-Latin scripts are ordinary addresses.
    void realAddressesInOtherScriptsWork_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("stored");
        QTest::newRow("precomposed accent") << u("jos\xC3\xA9@example.com") << u("jos\xC3\xA9@example.com");
        QTest::newRow("decomposed accent") << u("jose\xCC\x81@example.es") << u("");
        QTest::newRow("Cyrillic") << u("\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD@"
                                       "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84")
                                  << u("\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD@"
                                       "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84");
        QTest::newRow("German") << u("M\xC3\xBCller@example.de") << u("m\xC3\xBCller@example.de");
        QTest::newRow("Greek with a Greek domain")
            << u("\xCE\xBD\xCE\xAF\xCE\xBA\xCE\xB7@\xCF\x80\xCE\xB1\xCF\x81\xCE\xAC\xCE\xB4\xCE\xB5\xCE\xB9"
                 "\xCE\xB3\xCE\xBC\xCE\xB1.\xCE\xB5\xCE\xBB")
            << u("\xCE\xBD\xCE\xAF\xCE\xBA\xCE\xB7@\xCF\x80\xCE\xB1\xCF\x81\xCE\xAC\xCE\xB4\xCE\xB5\xCE\xB9"
                 "\xCE\xB3\xCE\xBC\xCE\xB1.\xCE\xB5\xCE\xBB");
        QTest::newRow("Japanese with a Latin domain")
            << u("\xE5\xB1\xB1\xE7\x94\xB0\xE3\x81\x9F\xE3\x82\x8D\xE3\x81\x86@example.jp")
            << u("\xE5\xB1\xB1\xE7\x94\xB0\xE3\x81\x9F\xE3\x82\x8D\xE3\x81\x86@example.jp");
    }
    void realAddressesInOtherScriptsWork()
    {
        QFETCH(QString, email);
        QFETCH(QString, stored);
        const HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin, newUser(email));
        if (stored.isEmpty()) { // typed with a combining mark: refused, type the letter instead
            QCOMPARE(r.status, 422);
            return;
        }
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("email")).toString(), stored);
        QCOMPARE(idOfSignedIn(email), r.json().value(QStringLiteral("id")).toString());
    }

    // Rows written before normalisation: exactly as stored they sign in as before; a
    // compatibility form stored back then is also found by its normalised form, and that
    // form is taken.
    void accountsStoredBeforeNormalisationStillSignIn()
    {
        const QString fullwidth = u("\xEF\xBD\x83"
                                    "arol@example.com"); // fullwidth c
        const QString carolId = insertLegacyUser(fullwidth);
        QCOMPARE(idOfSignedIn(fullwidth), carolId);
        QCOMPARE(idOfSignedIn(QStringLiteral("carol@example.com")), carolId);
        HttpResult r = adminCall(port(), "POST", QStringLiteral("/users"), m_admin,
                                 newUser(QStringLiteral("carol@example.com")));
        QCOMPARE(r.status, 409);
        QCOMPARE(codeOf(r), QStringLiteral("EMAIL_TAKEN"));

        const QString invisible = u("zoe\xE2\x80\x8B@example.com");
        const QString zoeId = insertLegacyUser(invisible);
        QCOMPARE(idOfSignedIn(invisible), zoeId);
        QVERIFY(idOfSignedIn(QStringLiteral("zoe@example.com")).isEmpty());
        // Such an account can still be added to a team by its stored address.
        r = adminCall(port(), "POST", QStringLiteral("/teams/%1/members").arg(m_team), m_admin,
                      QJsonObject{{QStringLiteral("email"), invisible},
                                  {QStringLiteral("role"), QStringLiteral("member")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("user_id")).toString(), zoeId);

        const QString ascii = QStringLiteral("dave@example.com");
        const QString daveId = insertLegacyUser(ascii);
        QCOMPARE(idOfSignedIn(QStringLiteral("Dave@Example.com")), daveId);
    }

    void setupStoresTheNormalisedAddress()
    {
        TestServer fresh;
        HttpResult r = adminCall(fresh.port(), "POST", QStringLiteral("/setup"), {},
                                 QJsonObject{{QStringLiteral("email"), u("r\xD0\xBEot@example.com")},
                                             {QStringLiteral("name"), QStringLiteral("Root")},
                                             {QStringLiteral("password"), Password}});
        QCOMPARE(r.status, 422);
        QVERIFY(detailsOf(r).contains(QStringLiteral("email")));
        r = adminCall(fresh.port(), "POST", QStringLiteral("/setup"), {},
                      QJsonObject{{QStringLiteral("email"), u("r\xE1\xB4\x8F\xE1\xB4\x8Ft@example.com")},
                                  {QStringLiteral("name"), QStringLiteral("Root")},
                                  {QStringLiteral("password"), Password}});
        QCOMPARE(r.status, 422); // small capital o
        QVERIFY(detailsOf(r).value(QStringLiteral("email")).toString().contains(QLatin1String("everyday")));
        r = adminCall(fresh.port(), "POST", QStringLiteral("/setup"), {},
                      QJsonObject{{QStringLiteral("email"), u("\xEF\xBC\xB2oot@Example.com")},
                                  {QStringLiteral("name"), QStringLiteral("Root")},
                                  {QStringLiteral("password"), Password}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("root@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestEmailIdentity)
#include "tst_emailidentity.moc"
