// The wire contract: what the server writes, the desktop app reads back unchanged, under
// the field names of the contract (api-contract sections 1 and 5).
#include "wire/keyreports.h"
#include "wire/serverstatus.h"
#include "wire/values.h"

#include "core/model/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Core;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Hour = 3'600'000;
constexpr qint64 Start = 1'780'000'020'000;                         // 2026-05-28T20:27:00Z
constexpr qint64 T0 = 1'780'000'000'000 - 1'780'000'000'000 % Hour; // an hour's start

QStringList keysOf(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

Core::KeyActivityReport activity()
{
    Core::KeyActivityReport a;
    a.keyId = u"key-1"_s;
    a.lastUsedAt = T0 + 1234;
    a.accepted = {5, 50, 500};
    a.rejected = {1, 2, 3};
    a.rejectedByCode = {{u"RATE_LIMIT_EXCEEDED"_s, {1, 1, 2}}, {u"QUOTA_EXCEEDED"_s, {0, 1, 1}}};
    a.hourly = {{T0 - Hour, 2, 0}, {T0, 3, 1}};
    return a;
}

Core::KeyUsageReport usage()
{
    Core::KeyUsageReport u;
    u.keyId = u"key-1"_s;
    u.plan = u"pro"_s;
    u.perMinute = 600;
    u.perMonth = 1'000'000;
    u.currentMonth = {u"2026-06"_s, 42, 1'000'000};
    u.resetsAt = Core::Time::parseIso(u"2026-07-01T00:00:00.000Z"_s);
    u.months = {u.currentMonth, {u"2026-05"_s, 7, 1'000'000}};
    u.minutes = {{T0, 3, 1, 600}, {T0 + 60'000, 0, 0, 600}};
    return u;
}
} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void keyActivityRoundTrips()
    {
        const QJsonObject json = Wire::toJson(activity());
        QCOMPARE(keysOf(json), (QStringList{u"accepted"_s, u"hourly"_s, u"key_id"_s, u"last_used_at"_s,
                                            u"rejected"_s, u"rejected_by_code"_s}));
        QCOMPARE(keysOf(json.value("accepted"_L1).toObject()),
                 (QStringList{u"all_time"_s, u"last_24h"_s, u"last_7d"_s}));
        QCOMPARE(json.value("hourly"_L1).toArray().at(1).toObject().value("t"_L1).toString(),
                 Core::Time::toIso(T0));
        QCOMPARE(Wire::keyActivityFromJson(json), activity());

        Core::KeyActivityReport unused = activity();
        unused.lastUsedAt.reset();
        const QJsonObject unusedJson = Wire::toJson(unused);
        QVERIFY(unusedJson.value("last_used_at"_L1).isNull());
        QCOMPARE(Wire::keyActivityFromJson(unusedJson), unused);
    }

    void keyUsageRoundTrips()
    {
        const QJsonObject json = Wire::toJson(usage());
        QCOMPARE(keysOf(json), (QStringList{u"current_month"_s, u"key_id"_s, u"limits"_s, u"minutes"_s,
                                            u"months"_s, u"plan"_s}));
        QCOMPARE(keysOf(json.value("current_month"_L1).toObject()),
                 (QStringList{u"limit"_s, u"month"_s, u"resets_at"_s, u"used"_s}));
        QCOMPARE(keysOf(json.value("minutes"_L1).toArray().at(0).toObject()),
                 (QStringList{u"accepted"_s, u"limit"_s, u"rate_limited"_s, u"t"_s}));
        QCOMPARE(Wire::keyUsageFromJson(json), usage());
    }

    void requestLogRoundTrips()
    {
        Core::RequestLogPage page;
        page.entries = {
            {T0 + 5, u"GET"_s, u"/api/external/v1/websites"_s, 200, {}, 1.25, u"req-1"_s},
            {T0, u"POST"_s, u"/api/external/v1/events"_s, 429, u"RATE_LIMIT_EXCEEDED"_s, 0.5, u"req-0"_s}};
        page.perPage = 50;
        page.total = 2;
        const QJsonObject json = Wire::toJson(page);
        QCOMPARE(keysOf(json), (QStringList{u"data"_s, u"page"_s, u"per_page"_s, u"total"_s}));
        const QJsonObject success = json.value("data"_L1).toArray().at(0).toObject();
        QVERIFY(success.value("code"_L1).isNull()); // a success has no code
        QCOMPARE(keysOf(success), (QStringList{u"at"_s, u"code"_s, u"latency_ms"_s, u"method"_s, u"path"_s,
                                               u"request_id"_s, u"status"_s}));
        QCOMPARE(Wire::requestLogPageFromJson(json), page);
    }

    void valuesRoundTrip()
    {
        const Core::User user{u"u1"_s, u"ada@example.com"_s, u"Ada"_s, T0, true, false};
        QCOMPARE(Wire::userFromJson(Wire::toJson(user)).email, user.email);
        QCOMPARE(Wire::userFromJson(Wire::toJson(user)).createdAt, T0);
        QVERIFY(Wire::userFromJson(Wire::toJson(user)).isServerAdmin);

        Core::ApiKey key;
        key.id = u"k1"_s;
        key.userId = u"u1"_s;
        key.name = u"CI"_s;
        key.prefix = u"zv_abcdefgh"_s;
        key.permissions = *Core::Permissions::fromNames({u"read"_s, u"write"_s});
        key.teamAccess = {false, {u"t1"_s, u"t2"_s}};
        key.billingTeamId = u"t1"_s;
        key.createdAt = T0;
        key.expiresAt = T0 + Hour;
        const QJsonObject json = Wire::toJson(key);
        QCOMPARE(json.value("team_access"_L1).toArray().size(), 2);
        QVERIFY(json.value("revoked_at"_L1).isNull());
        QVERIFY(!json.contains("hash"_L1));
        const Core::ApiKey back = Wire::apiKeyFromJson(json);
        QCOMPARE(back.permissions.names(), key.permissions.names());
        QCOMPARE(back.teamAccess.teamIds, key.teamAccess.teamIds);
        QVERIFY(!back.teamAccess.all);
        QVERIFY(back.expiresAt == key.expiresAt);
        QVERIFY(!back.revokedAt);

        key.teamAccess = {true, {}};
        QCOMPARE(Wire::toJson(key).value("team_access"_L1).toString(), u"all"_s);
        QVERIFY(Wire::apiKeyFromJson(Wire::toJson(key)).teamAccess.all);

        const Core::PlanLimits limits{Core::Plan::Scale, 1200, 5'000'000};
        const auto limitsBack = Wire::planLimitsFromJson(Wire::toJson(limits));
        QVERIFY(limitsBack);
        QCOMPARE(limitsBack->plan, Core::Plan::Scale);
        QCOMPARE(limitsBack->perMonth, qint64(5'000'000));
        QVERIFY(!Wire::planLimitsFromJson({{u"plan"_s, u"platinum"_s}}));
    }

    // The section-1 objects as the server writes them, read back.
    void sectionOneValuesRoundTrip()
    {
        const User u{QStringLiteral("u1"), QStringLiteral("a@b.c"), QStringLiteral("A"), Start, true, false};
        QCOMPARE(Wire::toJson(u).value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2026-05-28T20:27:00.000Z"));
        const auto u2 = Wire::userFromJson(Wire::toJson(u));
        QVERIFY(u2.id == u.id && u2.createdAt == Start && u2.isServerAdmin);

        const Team t{QStringLiteral("t1"), QStringLiteral("T"), Plan::Scale, Start};
        const auto t2 = Wire::teamFromJson(Wire::toJson(t));
        QVERIFY(t2.plan == Plan::Scale && t2.createdAt == Start);

        const Membership m{QStringLiteral("t1"), QStringLiteral("u1"), Role::Admin, Start};
        const auto m2 = Wire::membershipFromJson(Wire::toJson(m));
        QVERIFY(m2.role == Role::Admin && m2.joinedAt == Start);

        const Website w{QStringLiteral("w"),
                        QStringLiteral("t1"),
                        QStringLiteral("W"),
                        QStringLiteral("https://x.io"),
                        QStringLiteral("x.io"),
                        QStringLiteral("ZV-ABC"),
                        Start,
                        QStringLiteral("203.0.113.7, 10.0.0.0/8")};
        const auto w2 = Wire::websiteFromJson(Wire::toJson(w));
        QVERIFY(w2.trackingCode == w.trackingCode && w2.domain == w.domain);
        QCOMPARE(w2.excludedIps, w.excludedIps);
        QCOMPARE(Wire::toJson(w).value(u"excluded_ips"_s).toArray().size(), 2);
        Wire::JsonWriter out;
        Wire::writeJson(out, w);
        QCOMPARE(QJsonDocument::fromJson(out.take()).object(), Wire::toJson(w)); // both writers agree

        ApiKey k;
        k.id = QStringLiteral("k");
        k.userId = QStringLiteral("u1");
        k.name = QStringLiteral("K");
        k.prefix = QStringLiteral("zv_12345678");
        k.hash = QByteArray(32, 'h');
        k.permissions.bits = Permissions::Read | Permissions::Admin;
        k.teamAccess = {false, {QStringLiteral("t1")}};
        k.billingTeamId = QStringLiteral("t1");
        k.createdAt = Start;
        k.revokedAt = Start + 1;
        const QJsonObject kj = Wire::toJson(k);
        QCOMPARE(kj.keys(), (QStringList{QStringLiteral("billing_team_id"), QStringLiteral("created_at"),
                                         QStringLiteral("expires_at"), QStringLiteral("id"),
                                         QStringLiteral("last_used_at"), QStringLiteral("name"),
                                         QStringLiteral("permissions"), QStringLiteral("prefix"),
                                         QStringLiteral("revoked_at"), QStringLiteral("team_access"),
                                         QStringLiteral("user_id")}));
        QVERIFY(kj.value(QStringLiteral("expires_at")).isNull());
        const auto k2 = Wire::apiKeyFromJson(kj);
        QCOMPARE(k2.permissions, k.permissions);
        QCOMPARE(k2.teamAccess, k.teamAccess);
        QVERIFY(k2.revokedAt == k.revokedAt);
        QVERIFY(!k2.expiresAt);
        QVERIFY(k2.hash.isEmpty());
    }

    // Field names of the section-1 objects, spelled independently of the library; an
    // audit entry's empty fields are null.
    void sectionOneFieldNames()
    {
        QCOMPARE(keysOf(Wire::toJson(User{})), (QStringList{u"created_at"_s, u"disabled"_s, u"email"_s,
                                                            u"id"_s, u"is_server_admin"_s, u"name"_s}));
        QCOMPARE(keysOf(Wire::toJson(Team{})), (QStringList{u"created_at"_s, u"id"_s, u"name"_s, u"plan"_s}));
        QCOMPARE(keysOf(Wire::toJson(Membership{})),
                 (QStringList{u"joined_at"_s, u"role"_s, u"team_id"_s, u"user_id"_s}));
        QCOMPARE(keysOf(Wire::toJson(Website{})),
                 (QStringList{u"created_at"_s, u"domain"_s, u"excluded_ips"_s, u"id"_s, u"name"_s, u"team_id"_s,
                              u"tracking_code"_s, u"url"_s})); // excluded_ips: section 9
        QCOMPARE(keysOf(Wire::toJson(PlanLimits{})),
                 (QStringList{u"per_minute"_s, u"per_month"_s, u"plan"_s}));
        QCOMPARE(keysOf(Wire::toJson(activity()).value("rejected_by_code"_L1).toArray().at(0).toObject()),
                 (QStringList{u"all_time"_s, u"code"_s, u"last_24h"_s, u"last_7d"_s}));
        QCOMPARE(keysOf(Wire::toJson(activity()).value("hourly"_L1).toArray().at(0).toObject()),
                 (QStringList{u"accepted"_s, u"rejected"_s, u"t"_s}));
        QCOMPARE(keysOf(Wire::toJson(usage()).value("months"_L1).toArray().at(1).toObject()),
                 (QStringList{u"limit"_s, u"month"_s, u"used"_s}));

        AuditEntry e;
        e.id = 7;
        e.at = Start;
        e.action = u"key.created"_s;
        e.details = {{u"prefix"_s, u"zv_abcdefgh"_s}};
        const QJsonObject a = Wire::toJson(e);
        QCOMPARE(keysOf(a), (QStringList{u"action"_s, u"actor_user_id"_s, u"at"_s, u"details"_s, u"id"_s,
                                         u"ip"_s, u"target_id"_s, u"target_type"_s}));
        QVERIFY(a.value("actor_user_id"_L1).isNull() && a.value("ip"_L1).isNull() &&
                a.value("target_type"_L1).isNull() && a.value("target_id"_L1).isNull());
        QCOMPARE(a.value("at"_L1).toString(), u"2026-05-28T20:27:00.000Z"_s);
        QCOMPARE(a.value("details"_L1).toObject().value("prefix"_L1).toString(), u"zv_abcdefgh"_s);
        e.ip = u"127.0.0.1"_s;
        QCOMPARE(Wire::toJson(e).value("ip"_L1).toString(), u"127.0.0.1"_s);
    }

    // The enumerations' wire names, both ways (one table each in core/model/domain.cpp).
    void enumerationNames()
    {
        for (Plan p : {Plan::Free, Plan::Pro, Plan::Scale, Plan::Enterprise})
            QVERIFY(planFromName(planName(p)) == p);
        QCOMPARE(planName(Plan::Enterprise), u"enterprise"_s);
        for (Role r : {Role::Member, Role::Admin, Role::Owner})
            QVERIFY(roleFromName(roleName(r)) == r);
        QCOMPARE(roleName(Role::Owner), u"owner"_s);
        QVERIFY(!planFromName(u"Pro"_s)); // names are exact
        QVERIFY(!roleFromName({}));
        QCOMPARE(Permissions::fromNames({u"admin"_s, u"read"_s, u"read"_s})->names(),
                 (QStringList{u"read"_s, u"admin"_s}));
        QVERIFY(!Permissions::fromNames({u"read"_s, u"delete"_s}));
    }

    // An older or newer server must not break the app: missing fields are defaults,
    // numbers may come as strings, ids as numbers.
    void readersAreTolerant()
    {
        QCOMPARE(Wire::keyActivityFromJson({}), Core::KeyActivityReport{});
        QCOMPARE(Wire::keyUsageFromJson({}), Core::KeyUsageReport{});
        const Core::Website w = Wire::websiteFromJson({{u"id"_s, 17}, {u"name"_s, u"Shop"_s}});
        QCOMPARE(w.id, u"17"_s);
        QCOMPARE(w.createdAt, qint64(0));
        QCOMPARE(Wire::integerFromJson(u"42"_s), qint64(42));
        QCOMPARE(Wire::integerFromJson(u"4x"_s, -1), qint64(-1));
    }

    // The drift this library exists to prevent: the server's "ingest" part is written
    // with the same names the app reads (the app once read "rate_per_s").
    void serverStatusReadsWhatTheServerWrites()
    {
        QJsonObject status;
        status.insert(Wire::StatusField::Version, u"1.2.3"_s);
        status.insert(Wire::StatusField::UptimeSeconds, 61);
        status.insert(Wire::StatusField::Listening, QJsonArray{u"http://127.0.0.1:8080"_s});
        status.insert(Wire::StatusField::Database,
                      Wire::toJson(Wire::DatabaseStatus{u"/data/zenovay.db"_s, 4096, 8}));
        status.insert(Wire::StatusField::EventsStored, 12);
        const QJsonObject ingest = Wire::toJson(Wire::IngestStatus{2.5, 3, 10, 1});
        // The contract's names, spelled here independently of the library.
        QCOMPARE(keysOf(ingest), (QStringList{u"committed_since_start"_s, u"events_per_second"_s,
                                              u"queue_depth"_s, u"replayed_at_start"_s}));
        QCOMPARE(ingest.value("events_per_second"_L1).toDouble(), 2.5);
        QCOMPARE(keysOf(Wire::toJson(Wire::DatabaseStatus{})),
                 (QStringList{u"path"_s, u"schema_version"_s, u"size_bytes"_s}));
        QCOMPARE(Wire::StatusField::Ingest, "ingest"_L1);
        QCOMPARE(Wire::StatusField::UptimeSeconds, "uptime_seconds"_L1);
        QCOMPARE(Wire::StatusField::Listening, "listening"_L1);
        status.insert(Wire::StatusField::Ingest, ingest);
        const Wire::ServerStatus s = Wire::serverStatusFromJson(status);
        QCOMPARE(s.version, u"1.2.3"_s);
        QCOMPARE(s.uptimeS.value_or(-1), qint64(61));
        QCOMPARE(s.listen, QStringList{u"http://127.0.0.1:8080"_s});
        QCOMPARE(s.databasePath, u"/data/zenovay.db"_s);
        QCOMPARE(s.databaseSizeBytes.value_or(-1), qint64(4096));
        QCOMPARE(s.eventsStored.value_or(-1), qint64(12));
        QCOMPARE(s.ingestRatePerS.value_or(-1), 2.5);
        QCOMPARE(s.ingestQueueDepth.value_or(-1), qint64(3));
        QCOMPARE(s.raw, status);
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
