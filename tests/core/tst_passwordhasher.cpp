// PBKDF2-HMAC-SHA256 against published vectors, the encoding, and the cost.
#include "core/accounts/passwordhasher.h"

#include <QElapsedTimer>
#include <QTest>

#include <ctime>
#include <limits>

using namespace Core;

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("expectedHex");
        // RFC 7914 section 11.
        QTest::newRow("rfc7914-1") << QByteArray("passwd") << QByteArray("salt") << 1
                                   << QByteArray(
                                          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        QTest::newRow("rfc7914-2") << QByteArray("Password") << QByteArray("NaCl") << 80000
                                   << QByteArray(
                                          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                                          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
        // RFC 6070's inputs with SHA-256 (the widely published SHA-256 results).
        QTest::newRow("6070-c1") << QByteArray("password") << QByteArray("salt") << 1
                                 << QByteArray(
                                        "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
        QTest::newRow("6070-c2") << QByteArray("password") << QByteArray("salt") << 2
                                 << QByteArray(
                                        "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43");
        QTest::newRow("6070-c4096")
            << QByteArray("password") << QByteArray("salt") << 4096
            << QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
        QTest::newRow("6070-long")
            << QByteArray("passwordPASSWORDpassword") << QByteArray("saltSALTsaltSALTsaltSALTsaltSALTsalt")
            << 4096
            << QByteArray("348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9");
        QTest::newRow("6070-nul") << QByteArray("pass\0word", 9) << QByteArray("sa\0lt", 5) << 4096
                                  << QByteArray("89b69d0516f829893c696226650a8687");
        // A password longer than the SHA-256 block is hashed first (HMAC rule).
        QTest::newRow("long-key") << QByteArray(100, 'k') << QByteArray("salt") << 3
                                  << QByteArray(
                                         "219c68bb88f1010f4a763b7c8fd58639c2280baf6820814c6d404891fcd85c3d");
    }
    void knownVectors()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QByteArray, expectedHex);
        const QByteArray dk =
            PasswordHasher::pbkdf2Sha256(password, salt, iterations, int(expectedHex.size() / 2));
        QCOMPARE(dk.toHex(), expectedHex);
    }

    // New hashes: Argon2id with the policy's parameters, in the PHC string format.
    void argon2idHashAndVerify()
    {
        const PasswordHasher::Policy cheap{64, 1};
        const QString encoded = PasswordHasher::hash(QStringLiteral("correct horse ☃"), cheap);
        QVERIFY2(encoded.startsWith(QLatin1String("$argon2id$v=19$m=64,t=1,p=1$")), qPrintable(encoded));
        QVERIFY(!encoded.contains(QLatin1String("correct")));
        QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse ☃"), encoded));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse"), encoded));
        QVERIFY(!PasswordHasher::verify(QString(), encoded));
        // An empty password hashes and verifies too (no null pointer reaches libsodium).
        const QString empty = PasswordHasher::hash(QString(), cheap);
        QVERIFY(PasswordHasher::verify(QString(), empty));
        QVERIFY(!PasswordHasher::check(QString(), std::nullopt, cheap).matches);
        QVERIFY(PasswordHasher::hash(QStringLiteral("same"), cheap) !=
                PasswordHasher::hash(QStringLiteral("same"), cheap));
        QCOMPARE(PasswordHasher::iterationsOf(encoded), 0);
        // The default policy is OWASP's: m=19 MiB, t=2, p=1.
        const QString strong = PasswordHasher::hash(QStringLiteral("pw"), PasswordHasher::Policy());
        QVERIFY2(strong.startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(strong));
        QVERIFY(PasswordHasher::verify(QStringLiteral("pw"), strong));
    }

    // PBKDF2 hashes of older releases keep verifying and are always replaced; Argon2id
    // hashes are replaced when the configured parameters differ.
    void rehashRules()
    {
        const PasswordHasher::Policy cheap{64, 1};
        const PasswordHasher::Policy stronger{128, 2};
        const QString old = PasswordHasher::hashPbkdf2(QStringLiteral("pw"), 1000);
        QVERIFY(PasswordHasher::needsRehash(old, cheap));
        const QString current = PasswordHasher::hash(QStringLiteral("pw"), cheap);
        QVERIFY(!PasswordHasher::needsRehash(current, cheap));
        QVERIFY(PasswordHasher::needsRehash(current, stronger));
        QVERIFY(PasswordHasher::needsRehash(current, PasswordHasher::Policy{64, 2}));
        // never weakened
        QVERIFY(!PasswordHasher::needsRehash(PasswordHasher::hash(QStringLiteral("pw"), stronger), cheap));
        QVERIFY(PasswordHasher::needsRehash(QStringLiteral("garbage"), cheap));

        auto c = PasswordHasher::check(QStringLiteral("pw"), old, cheap);
        QVERIFY(c.matches);
        QVERIFY(c.upgradedHash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(PasswordHasher::verify(QStringLiteral("pw"), c.upgradedHash));
        c = PasswordHasher::check(QStringLiteral("pw"), current, cheap);
        QVERIFY(c.matches && c.upgradedHash.isEmpty());
        c = PasswordHasher::check(QStringLiteral("wrong"), old, cheap);
        QVERIFY(!c.matches && c.upgradedHash.isEmpty());
        c = PasswordHasher::check(QStringLiteral("pw"), std::nullopt, cheap);
        QVERIFY(!c.matches && c.upgradedHash.isEmpty());
    }

    void pbkdf2HashAndVerify()
    {
        const QString encoded = PasswordHasher::hashPbkdf2(QStringLiteral("correct horse ☃"), 1000);
        QVERIFY(encoded.startsWith(QLatin1String("pbkdf2-sha256$1000$")));
        QCOMPARE(encoded.split(QLatin1Char('$')).size(), 4);
        QVERIFY(!encoded.contains(QLatin1String("correct")));
        QCOMPARE(PasswordHasher::iterationsOf(encoded), 1000);
        QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse ☃"), encoded));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse"), encoded));
        QVERIFY(!PasswordHasher::verify(QString(), encoded));
        // Salted: the same password hashes differently each time.
        QVERIFY(PasswordHasher::hashPbkdf2(QStringLiteral("same"), 1000) !=
                PasswordHasher::hashPbkdf2(QStringLiteral("same"), 1000));
    }

    // At start-up the server wraps old PBKDF2 hashes in Argon2id without the password:
    // the wrapped hash verifies the same password, holds no bare PBKDF2 output, and is
    // replaced by plain Argon2id at the next sign-in.
    void wrappedLegacyHashes()
    {
        const PasswordHasher::Policy cheap{64, 1};
        const QString old = PasswordHasher::hashPbkdf2(QStringLiteral("correct horse ☃"), 1000);
        const auto wrapped = PasswordHasher::wrapLegacy(old, cheap);
        QVERIFY(wrapped);
        QVERIFY2(wrapped->startsWith(QLatin1String("pbkdf2-sha256+argon2id$1000$")), qPrintable(*wrapped));
        QVERIFY2(wrapped->contains(QLatin1String("$$argon2id$v=19$m=64,t=1,p=1$")), qPrintable(*wrapped));
        const QString oldOutput = old.section(QLatin1Char('$'), 3);
        QVERIFY(!wrapped->contains(oldOutput));
        QVERIFY(wrapped->contains(old.section(QLatin1Char('$'), 2, 2))); // the salt PBKDF2 needs
        QCOMPARE(PasswordHasher::iterationsOf(*wrapped), 1000);
        QVERIFY(PasswordHasher::verify(QStringLiteral("correct horse ☃"), *wrapped));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse"), *wrapped));
        QVERIFY(!PasswordHasher::verify(QString(), *wrapped));
        QVERIFY(PasswordHasher::needsRehash(*wrapped, cheap));
        const auto c = PasswordHasher::check(QStringLiteral("correct horse ☃"), *wrapped, cheap);
        QVERIFY(c.matches);
        QVERIFY(c.upgradedHash.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(!PasswordHasher::check(QStringLiteral("wrong"), *wrapped, cheap).matches);
        // Only bare PBKDF2 hashes are wrapped.
        QVERIFY(!PasswordHasher::wrapLegacy(*wrapped, cheap));
        QVERIFY(!PasswordHasher::wrapLegacy(c.upgradedHash, cheap));
        QVERIFY(!PasswordHasher::wrapLegacy(QStringLiteral("pbkdf2-sha256$1000$c2FsdA$AAAA"), cheap));
        // A wrapped hash whose Argon2id part was swapped for another's does not match.
        const QString other =
            *PasswordHasher::wrapLegacy(PasswordHasher::hashPbkdf2(QStringLiteral("x"), 1000), cheap);
        const QString spliced =
            wrapped->section(QLatin1Char('$'), 0, 3) + QLatin1Char('$') + other.section(QLatin1Char('$'), 4);
        QVERIFY(spliced.contains(QLatin1String("$$argon2id$")));
        QVERIFY(!PasswordHasher::verify(QStringLiteral("correct horse ☃"), spliced));
    }

    // Every check does the same work: one Argon2id pass and the floor's PBKDF2 rounds,
    // whether the email has no account, an upgraded one, an old PBKDF2 hash, a wrapped
    // one, or a damaged one; so the answer's time tells nothing about the account.
    void everyCheckDoesTheSameWork_data()
    {
        const PasswordHasher::Policy cheap{64, 1};
        QTest::addColumn<std::optional<QString>>("stored");
        QTest::addColumn<QString>("password");
        const QString pbkdf2 = PasswordHasher::hashPbkdf2(QStringLiteral("pw"), 1000);
        const QString wrapped =
            *PasswordHasher::wrapLegacy(PasswordHasher::hashPbkdf2(QStringLiteral("pw"), 2500), cheap);
        const QString argon2 = PasswordHasher::hash(QStringLiteral("pw"), cheap);
        QTest::newRow("no account") << std::optional<QString>() << QStringLiteral("pw");
        for (const auto &[name, stored] :
             {std::pair{"argon2id", argon2}, {"pbkdf2", pbkdf2}, {"wrapped", wrapped}}) {
            QTest::newRow(qPrintable(QLatin1String(name) + QLatin1String(" right")))
                << std::optional(stored) << QStringLiteral("pw");
            QTest::newRow(qPrintable(QLatin1String(name) + QLatin1String(" wrong")))
                << std::optional(stored) << QStringLiteral("no");
        }
        QTest::newRow("damaged") << std::optional(QStringLiteral("pbkdf2-sha256$1000$!!$!!"))
                                 << QStringLiteral("pw");
    }
    void everyCheckDoesTheSameWork()
    {
        QFETCH(std::optional<QString>, stored);
        QFETCH(QString, password);
        const PasswordHasher::Policy cheap{64, 1};
        const auto c = PasswordHasher::check(password, stored, cheap, {2500, cheap});
        QCOMPARE(c.pbkdf2Rounds, 2500);
        QCOMPARE(c.argon2Passes, 1);
        QCOMPARE(c.argon2Parameters.memoryKib, cheap.memoryKib);
        QCOMPARE(c.argon2Parameters.iterations, cheap.iterations);
        QCOMPARE(c.matches,
                 stored && !stored->contains(QLatin1String("!!")) && password == QLatin1String("pw"));
        // Without a floor, a hash's own rounds are still run.
        QCOMPARE(PasswordHasher::check(password, stored, cheap).pbkdf2Rounds,
                 PasswordHasher::iterationsOf(stored.value_or(QString())));
    }

    // An unknown email's Argon2id pass takes the parameters it is given (the most
    // expensive stored hash's, AccountService::beginLogin), not the policy's: a hash made
    // under a stronger policy than today's costs that much to verify.
    void theDummyPassHasTheGivenParameters()
    {
        const PasswordHasher::Policy cheap{64, 1};
        const PasswordHasher::Policy stronger{256, 3};
        const QString strong = PasswordHasher::hash(QStringLiteral("pw"), stronger);
        auto p = PasswordHasher::parametersOf(strong);
        QVERIFY(p && p->memoryKib == 256 && p->iterations == 3);
        p = PasswordHasher::parametersOf(
            *PasswordHasher::wrapLegacy(PasswordHasher::hashPbkdf2(QStringLiteral("x"), 1000), stronger));
        QVERIFY(p && p->memoryKib == 256 && p->iterations == 3);
        QVERIFY(!PasswordHasher::parametersOf(PasswordHasher::hashPbkdf2(QStringLiteral("x"), 1000)));
        QVERIFY(!PasswordHasher::parametersOf(QStringLiteral("$argon2id$v=19$m=,t=1,p=1$c2FsdA$AAAA")));
        const auto known = PasswordHasher::check(QStringLiteral("wrong"), strong, cheap);
        const auto unknown =
            PasswordHasher::check(QStringLiteral("wrong"), std::nullopt, cheap, {0, stronger});
        QCOMPARE(known.argon2Parameters.memoryKib, unknown.argon2Parameters.memoryKib);
        QCOMPARE(known.argon2Parameters.iterations, unknown.argon2Parameters.iterations);
        QCOMPARE(
            PasswordHasher::check(QStringLiteral("wrong"), std::nullopt, cheap).argon2Parameters.memoryKib,
            64u);
    }

    void malformedEncodingsNeverMatch_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString();
        QTest::newRow("other scheme") << QStringLiteral("bcrypt$10$abc$def");
        QTest::newRow("argon2id cut short") << QStringLiteral("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ");
        QTest::newRow("argon2i") << QStringLiteral("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAA");
        QTest::newRow("no iterations") << QStringLiteral("pbkdf2-sha256$$c2FsdA$AAAA");
        QTest::newRow("bad base64") << QStringLiteral("pbkdf2-sha256$1000$!!$!!");
        QTest::newRow("short hash") << QStringLiteral("pbkdf2-sha256$1000$c2FsdA$AAAA");
        QTest::newRow("zero iterations")
            << QStringLiteral("pbkdf2-sha256$0$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("wrapped without argon2id") << QStringLiteral("pbkdf2-sha256+argon2id$1000$c2FsdA$");
        QTest::newRow("wrapped with argon2i") << QStringLiteral(
            "pbkdf2-sha256+argon2id$1000$c2FsdA$$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAA");
        QTest::newRow("wrapped without iterations")
            << QStringLiteral("pbkdf2-sha256+argon2id$$c2FsdA$$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAA");
        QTest::newRow("wrapped with an extra field") << QStringLiteral(
            "pbkdf2-sha256+argon2id$1000$x$c2FsdA$$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$AAAA");
    }
    void malformedEncodingsNeverMatch()
    {
        QFETCH(QString, encoded);
        QVERIFY(!PasswordHasher::verify(QStringLiteral("x"), encoded));
        QCOMPARE(PasswordHasher::iterationsOf(encoded), 0);
    }

    // Not a pass/fail timing test: prints the cost of one sign-in with the default policy
    // and checks that an unknown email costs about the same work as a wrong password for
    // a known one. Compared in this thread's CPU time (not wall time, which other
    // processes on a loaded machine stretch), best of three each.
    void costWithTheDefaultPolicy()
    {
        const PasswordHasher::Policy policy;
        const QString encoded = PasswordHasher::hash(QStringLiteral("pw"), policy);
        const auto cpuNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
        };
        qint64 known = std::numeric_limits<qint64>::max(), unknown = known;
        for (int i = 0; i < 3; ++i) {
            qint64 t = cpuNs();
            QVERIFY(!PasswordHasher::verify(QStringLiteral("wrong"), encoded));
            known = qMin(known, cpuNs() - t);
            t = cpuNs();
            QVERIFY(!PasswordHasher::check(QStringLiteral("pw"), std::nullopt, policy).matches); // no account
            unknown = qMin(unknown, cpuNs() - t);
        }
        qInfo("Argon2id m=%llu KiB t=%llu: wrong password %lld ms, unknown-account work %lld ms (CPU)",
              policy.memoryKib, policy.iterations, known / 1'000'000, unknown / 1'000'000);
        QVERIFY2(unknown * 3 >= known * 2 && known * 3 >= unknown * 2,
                 qPrintable(QStringLiteral("%1 vs %2 ns").arg(known).arg(unknown)));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
