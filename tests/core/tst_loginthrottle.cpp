// Core::LoginThrottle without HTTP: bans per address and per account, the account's
// known addresses, and the hard bound on what it remembers (time is passed in).
#include "core/loginthrottle.h"

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
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
