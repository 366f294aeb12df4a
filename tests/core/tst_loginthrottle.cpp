// Core::LoginThrottle without HTTP: bans per address and per account, the account's
// known addresses, and the hard bound on what it remembers (time is passed in).
#include "core/accounts/loginthrottle.h"

#include <QTest>

using namespace Core;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void loginThrottleBansAndDoubles()
    {
        LoginThrottle::Settings settings{3, 1000, 3500, 100'000};
        settings.accountFailuresBeforeLock = 1000; // addresses only here
        LoginThrottle t(settings);
        const QByteArray a("1.2.3.4"), b("5.6.7.8"), user("user");
        QCOMPARE(t.recordFailure(a, user, 0).addressBanMs, 0);
        QCOMPARE(t.recordFailure(a, user, 0).addressBanMs, 0);
        QCOMPARE(t.addressBannedForMs(a, 0), 0);
        QCOMPARE(t.recordFailure(a, user, 0).addressBanMs, 1000);
        QCOMPARE(t.addressBannedForMs(a, 400), 600);
        QCOMPARE(t.addressBannedForMs(b, 400), 0); // per client
        QCOMPARE(t.addressBannedForMs(a, 1000), 0);
        for (int i = 0; i < 2; ++i)
            t.recordFailure(a, user, 2000);
        QCOMPARE(t.recordFailure(a, user, 2000).addressBanMs, 2000);
        for (int i = 0; i < 2; ++i)
            t.recordFailure(a, user, 5000);
        QCOMPARE(t.recordFailure(a, user, 5000).addressBanMs, 3500); // capped
        // A success for the account clears its failures (not the level).
        t.recordFailure(a, user, 10'000);
        t.recordFailure(a, user, 10'000);
        t.recordSuccess(a, user, 10'000);
        QCOMPARE(t.recordFailure(a, user, 10'000).addressBanMs, 0);
        // After a quiet period the ban level is forgotten: the next ban is the initial one.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(t.recordFailure(a, user, 500'000).addressBanMs, 0);
        QCOMPARE(t.recordFailure(a, user, 500'000).addressBanMs, 1000);
    }

    // The attack of issue 11: failures on a victim's account, then a success on one's own,
    // from one address. The success takes back only the attacker's own failures.
    void successOnOneAccountKeepsFailuresOnAnother()
    {
        LoginThrottle::Settings settings{5, 1000, 8000, 100'000};
        settings.accountFailuresBeforeLock = 1000;
        LoginThrottle t(settings);
        const QByteArray a("1.2.3.4"), victim("victim"), own("own");
        for (int i = 0; i < 4; ++i)
            QCOMPARE(t.recordFailure(a, victim, 0).addressBanMs, 0);
        t.recordSuccess(a, own, 0);
        QCOMPARE(t.recordFailure(a, victim, 0).addressBanMs, 1000);
        // Own failures are taken back by own success, others' stay.
        t.recordFailure(a, own, 2000);
        t.recordFailure(a, own, 2000);
        t.recordFailure(a, victim, 2000);
        t.recordSuccess(a, own, 2000);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(t.recordFailure(a, victim, 2000).addressBanMs, 0);
        QCOMPARE(t.recordFailure(a, victim, 2000).addressBanMs, 2000);
    }

    void accountLockAppliesToEveryAddressAndDoubles()
    {
        LoginThrottle::Settings settings{1000, 1000, 1000, 100'000, 3, 500, 1500};
        LoginThrottle t(settings);
        const QByteArray victim("victim"), other("other");
        QCOMPARE(t.recordFailure("10.0.0.1", victim, 0).accountLockMs, 0);
        QCOMPARE(t.recordFailure("10.0.0.2", victim, 0).accountLockMs, 0);
        QCOMPARE(t.recordFailure("10.0.0.3", victim, 0).accountLockMs, 500);
        QCOMPARE(t.accountLockedForMs(victim, "10.0.0.3", 100), 400);
        QCOMPARE(t.accountLockedForMs(other, "10.0.0.3", 100), 0);
        QCOMPARE(t.addressBannedForMs("10.0.0.3", 100), 0);
        for (int i = 0; i < 2; ++i)
            t.recordFailure(QByteArray::number(i), victim, 1000);
        QCOMPARE(t.recordFailure("10.0.0.9", victim, 1000).accountLockMs, 1000);
        for (int i = 0; i < 2; ++i)
            t.recordFailure(QByteArray::number(i), victim, 3000);
        QCOMPARE(t.recordFailure("10.0.0.9", victim, 3000).accountLockMs, 1500); // capped
        // The owner's success clears the count.
        t.recordFailure("10.0.0.1", victim, 5000);
        t.recordFailure("10.0.0.1", victim, 5000);
        t.recordSuccess("10.0.0.7", victim, 5000);
        QCOMPARE(t.recordFailure("10.0.0.1", victim, 5000).accountLockMs, 0);
        QCOMPARE(t.trackedAccounts(), 1);
    }

    // The lock does not apply to addresses that signed in to the account recently: at
    // most knownAddressesPerAccount of them (the least recently successful go first),
    // each for knownAddressTtlMs after its last success.
    void knownAddressesPassTheAccountLock()
    {
        LoginThrottle::Settings settings{1000, 1000, 1000, 100'000, 2, 500, 500};
        settings.knownAddressesPerAccount = 3;
        settings.knownAddressTtlMs = 10'000;
        LoginThrottle t(settings);
        const QByteArray victim("victim"), other("other");
        for (const QByteArray a : {"a", "b", "c", "d"})
            t.recordSuccess(a, victim, 0);
        t.recordSuccess("e", other, 0);
        const auto lock = [&](qint64 now) {
            t.recordFailure("x", victim, now);
            return t.recordFailure("y", victim, now).accountLockMs;
        };
        QCOMPARE(lock(0), 500);
        QCOMPARE(t.accountLockedForMs(victim, "a", 0), 500); // pushed out by d
        for (const QByteArray a : {"b", "c", "d"})
            QCOMPARE(t.accountLockedForMs(victim, a, 0), 0);
        QCOMPARE(t.accountLockedForMs(victim, "e", 0), 500); // known, but for another account
        QCOMPARE(t.accountLockedForMs(victim, "x", 0), 500);
        // A known address's failure still counts toward the lock.
        t.recordSuccess("b", victim, 1000); // b is the most recent now
        t.recordFailure("b", victim, 1000);
        QCOMPARE(t.recordFailure("b", victim, 1000).accountLockMs, 500);
        QCOMPARE(t.accountLockedForMs(victim, "b", 1000), 0);
        QCOMPARE(t.accountLockedForMs(victim, "z", 1000), 500);
        // Forgotten 10 s after the last success: c and d (t = 0) at 10'001, b (t = 1000) later.
        QCOMPARE(lock(10'001), 500);
        QCOMPARE(t.accountLockedForMs(victim, "c", 10'001), 500);
        QCOMPARE(t.accountLockedForMs(victim, "b", 10'001), 0);
        QCOMPARE(lock(11'001), 500);
        QCOMPARE(t.accountLockedForMs(victim, "b", 11'001), 500);
    }

    // What the throttle remembers has a hard bound (maxTrackedEntries addresses and
    // accounts together, and as many accounts with known addresses): failures from ever
    // new addresses on ever new emails, faster than idle entries are pruned, evict entries
    // that never earned a ban, oldest first; bans and ban levels survive.
    void memoryHasAHardBound()
    {
        LoginThrottle::Settings settings{3, 60'000, 600'000, 100'000, 3, 60'000, 600'000};
        QCOMPARE(settings.maxTrackedEntries, 100'000); // the default
        settings.maxTrackedEntries = 1000;
        LoginThrottle t(settings);
        // A banned address and a locked account, with ban history.
        for (int i = 0; i < 3; ++i)
            t.recordFailure("banned", "locked", 0);
        QVERIFY(t.addressBannedForMs("banned", 0) > 0);
        QVERIFY(t.accountLockedForMs("locked", "x", 0) > 0);
        qsizetype most = 0;
        for (int i = 0; i < 20'000; ++i) {
            const QByteArray n = QByteArray::number(i);
            t.recordFailure("address " + n, "account " + n, 1 + i / 1000);
            t.recordSuccess("good " + n, "account " + n, 1 + i / 1000);
            most = qMax(most, t.trackedAddresses() + t.trackedAccounts());
            QVERIFY(t.accountsWithKnownAddresses() <= 1000);
        }
        QVERIFY2(most <= 1000, qPrintable(QString::number(most)));
        QVERIFY(t.trackedAddresses() + t.trackedAccounts() > 900); // evicted in small batches
        QVERIFY(t.addressBannedForMs("banned", 30) > 0);
        QVERIFY(t.accountLockedForMs("locked", "x", 30) > 0);
        // The most recent entries stay, the oldest went.
        QCOMPARE(t.recordFailure("address 19999", "account 19999", 30).addressBanMs, 0);
        QCOMPARE(t.recordFailure("address 19999", "account 19999", 30).addressBanMs, 60'000);
        QCOMPARE(t.recordFailure("address 0", "account 0", 30).addressBanMs, 0);
        QCOMPARE(t.recordFailure("address 0", "account 0", 30).addressBanMs, 0);
    }

    // Only emails within the maximum length are normalised and tracked per account; a
    // longer one cannot be an account, and its failure counts for the address only.
    void overlongEmailsAreNotTrackedPerAccount()
    {
        const QString longest = QString(250, QLatin1Char('a')) + QStringLiteral("@b.c");
        QCOMPARE(longest.size(), 254);
        QCOMPARE(LoginThrottle::accountKey(longest).size(), 16);
        QCOMPARE(LoginThrottle::accountKey(QStringLiteral(" A@Example.com")),
                 LoginThrottle::accountKey(QString::fromUtf8("\xEF\xBD\x81@example.com")));
        QVERIFY(LoginThrottle::accountKey(longest + QLatin1Char('x')).isEmpty());
        QVERIFY(LoginThrottle::accountKey(QString(1'000'000, QLatin1Char('a'))).isEmpty());
        LoginThrottle t({2, 1000, 1000, 100'000, 2, 1000, 1000});
        t.recordFailure("a", {}, 0);
        QCOMPARE(t.trackedAccounts(), 0);
        QCOMPARE(t.recordFailure("a", {}, 0).addressBanMs, 1000);
        QCOMPARE(t.accountLockedForMs({}, "b", 0), 0);
        QCOMPARE(t.trackedAccounts(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
