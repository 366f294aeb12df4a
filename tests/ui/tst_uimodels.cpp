// The item models behind every table: QAbstractItemModelTester on each (with the sort
// and filter proxies the pages use), sorting by raw values, search and status filters,
// and the texts users read (relative times, permissions, status).
#include "ui/format.h"
#include "ui/models/models.h"
#include "ui/pages/analyticspage.h"
#include "ui/pages/websitespage.h"
#include "ui/translations.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Now = 1781352000000; // 2026-06-13T12:00:00Z
constexpr qint64 Minute = 60'000;
constexpr qint64 Day = 86'400'000;

Core::ApiKey key(const QString &id, const QString &name, quint8 perms, qint64 created)
{
    Core::ApiKey k;
    k.id = id;
    k.name = name;
    k.prefix = u"zv_"_s + id.leftJustified(8, u'x');
    k.permissions.bits = perms;
    k.createdAt = created;
    k.billingTeamId = u"t1"_s;
    return k;
}

QList<Core::ApiKey> sampleKeys()
{
    using P = Core::Permissions;
    Core::ApiKey a = key(u"a"_s, u"Reporting"_s, P::Read, Now - 3 * Day);
    a.lastUsedAt = Now - 5 * Minute;
    Core::ApiKey b = key(u"b"_s, u"deploy bot"_s, P::Read | P::Write | P::Admin, Now - 10 * Day);
    b.revokedAt = Now - Day;
    Core::ApiKey c = key(u"c"_s, u"Exporter"_s, P::Read | P::Write, Now - Day);
    c.expiresAt = Now - Minute;
    c.teamAccess.all = false;
    c.teamAccess.teamIds = {u"t2"_s, u"t1"_s};
    return {a, b, c};
}
} // namespace

class TestUiModels : public QObject
{
    Q_OBJECT

private slots:
    // The Analytics page's CSV: RFC 4180 quoting, formula-looking cells defused, every
    // list and bucket present, and the presets' ranges.
    void analyticsCsvAndPresets()
    {
        Gui::WebsiteAnalytics r;
        r.websiteId = u"w1"_s;
        r.from = QDate(2026, 11, 1);
        r.to = QDate(2026, 11, 2);
        r.totals = {10, 4, 5, 2, 40.0};
        r.timeseries = {{1793491200000, 6, 3}, {1793577600000, 4, 2}};
        r.pages = {{u"/a,b"_s, 3}, {u"/say \"hi\""_s, 2}, {u"/a%2Fb"_s, 1}, {u"/x;=cmd|' /C calc'!A0"_s, 1}};
        r.referrers = {{u"50%1off"_s, 4}};
        r.utmCampaigns = {{u"=HYPERLINK(\"x\")"_s, 1}};
        r.events = {{u"signup"_s, 2}};
        const QStringList lines = QString::fromUtf8(Gui::AnalyticsPage::csv(r)).split(u"\r\n"_s);
        QCOMPARE(lines.first(), u"section,value,visitors,pageviews,count"_s);
        QVERIFY(lines.contains(u"totals,all,4,10,"_s));
        QVERIFY(lines.contains(u"totals,bounce rate %,,,40.00"_s));
        QVERIFY(lines.contains(u"timeseries,2026-11-01T00:00:00Z,3,6,"_s));
        QVERIFY(lines.contains(u"pages,\"/a,b\",,,3"_s));
        QVERIFY(lines.contains(u"pages,\"/say \"\"hi\"\"\",,,2"_s));
        QVERIFY2(lines.contains(u"utm_campaigns,\"'=HYPERLINK(\"\"x\"\")\",,,1"_s), qPrintable(lines.join(u'|')));
        QVERIFY(lines.contains(u"events,signup,,,2"_s));
        // A spreadsheet splitting on ';' (Excel in German) would start a cell at "=cmd".
        QVERIFY2(lines.contains(u"pages,\"/x;'=cmd|' /C calc'!A0\",,,1"_s), qPrintable(lines.join(u'|')));
        // Percent signs in values stay as they are (no QString::arg placeholders).
        QVERIFY2(lines.contains(u"pages,/a%2Fb,,,1"_s), qPrintable(lines.join(u'|')));
        QVERIFY(lines.contains(u"referrers,50%1off,,,4"_s));
        QCOMPARE(lines.last(), QString()); // ends with a line break

        using P = Gui::AnalyticsPage::Preset;
        const QDate today(2026, 3, 31);
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::Today, today), std::pair(today, today));
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::Last7Days, today), std::pair(QDate(2026, 3, 25), today));
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::Last30Days, today), std::pair(QDate(2026, 3, 2), today));
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::ThisMonth, today), std::pair(QDate(2026, 3, 1), today));
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::LastMonth, today), std::pair(QDate(2026, 2, 1), QDate(2026, 2, 28)));
        QCOMPARE(Gui::AnalyticsPage::rangeOf(P::Last12Months, today), std::pair(QDate(2025, 4, 1), today));
        QVERIFY(Gui::AnalyticsPage::isHourly(today.addDays(-1), today));
        QVERIFY(!Gui::AnalyticsPage::isHourly(today.addDays(-2), today));
        QCOMPARE(Gui::AnalyticsPage::change(110, 100), u"▲ 10 %"_s);
        QCOMPARE(Gui::AnalyticsPage::change(95, 100), u"▼ 5.0 %"_s);
        QCOMPARE(Gui::AnalyticsPage::change(5, 0), u"new"_s);
        QCOMPARE(Gui::AnalyticsPage::change(0, 0), u"±0 %"_s);
    }

    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!Gui::installTranslations(qApp, QLocale(QLocale::English)).isEmpty());
    }

    // Which snippet addresses visitors' browsers can reach (the Websites page warns about
    // the others).
    void snippetReachability_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("reachable");
        QTest::newRow("public name") << QStringLiteral("https://stats.example.com") << true;
        QTest::newRow("public ip") << QStringLiteral("http://203.0.113.7:8080") << true;
        QTest::newRow("public ipv6") << QStringLiteral("https://[2001:db8::1]") << true;
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8931") << false;
        QTest::newRow("loopback ipv6") << QStringLiteral("http://[::1]:8931") << false;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:8931") << false;
        QTest::newRow("private 10") << QStringLiteral("http://10.1.2.3") << false;
        QTest::newRow("private 192.168") << QStringLiteral("http://192.168.1.20") << false;
        QTest::newRow("private 172.16") << QStringLiteral("http://172.16.0.9") << false;
        QTest::newRow("unique local") << QStringLiteral("http://[fd00::5]") << false;
        QTest::newRow("link local") << QStringLiteral("http://169.254.1.1") << false;
        QTest::newRow("mdns") << QStringLiteral("http://printer.local") << false;
        QTest::newRow("bare name") << QStringLiteral("http://nas") << false;
        QTest::newRow("any") << QStringLiteral("http://0.0.0.0:8080") << false;
    }
    void snippetReachability()
    {
        QFETCH(QString, url);
        QFETCH(bool, reachable);
        QCOMPARE(Gui::WebsitesPage::reachableByVisitors(QUrl(url)), reachable);
    }

    void keyModelPassesTesterThroughProxy()
    {
        Gui::ApiKeyModel model;
        model.setNow([] { return Now; });
        Gui::KeyFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sampleKeys());
        model.setTeamNames({{u"t1"_s, u"Acme"_s}, {u"t2"_s, u"Beta"_s}});
        model.appendRow(key(u"d"_s, u"New"_s, Core::Permissions::Read, Now));
        model.updateRow(0, model.rowAt(0));
        filter.setSearchText(u"zv_b"_s);
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::Active);
        filter.setSearchText({});
        filter.sort(Gui::ApiKeyModel::Created, Qt::DescendingOrder);
        model.removeRowAt(3);
        model.setRows({});
        QCOMPARE(filter.rowCount(), 0);
    }

    // Billed to a Free team, an unrevoked, unexpired key is inactive (every call 403),
    // sorts after the active ones, and the Active filter leaves it out.
    void keysBilledToAFreeTeamAreInactive()
    {
        Gui::ApiKeyModel model;
        model.setNow([] { return Now; });
        model.setRows({key(u"a"_s, u"Paid"_s, Core::Permissions::Read, Now)});
        Core::ApiKey free = key(u"b"_s, u"Free"_s, Core::Permissions::Read, Now);
        free.billingTeamId = u"t2"_s;
        model.appendRow(free);
        model.setTeamNames({{u"t1"_s, u"Acme"_s}, {u"t2"_s, u"Beta"_s}});
        auto status = [&](int row) { return model.index(row, Gui::ApiKeyModel::Status).data().toString(); };
        QCOMPARE(status(1), u"Active"_s); // plans not known yet: nothing is claimed
        model.setTeamPlans({{u"t1"_s, Core::Plan::Pro}, {u"t2"_s, Core::Plan::Free}});
        QCOMPARE(status(0), u"Active"_s);
        QCOMPARE(status(1), u"Inactive: Free plan"_s);
        QVERIFY(model.index(1, Gui::ApiKeyModel::Status).data(Qt::ToolTipRole).toString().contains(u"“Beta”"_s));
        QVERIFY(model.index(1, Gui::ApiKeyModel::Status).data(Qt::ForegroundRole).isValid());
        Gui::KeyFilterModel filter;
        filter.setSourceModel(&model);
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::Active);
        QCOMPARE(filter.rowCount(), 1);
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::Inactive);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(Gui::IdRole).toString(), u"b"_s);
    }

    void keyColumnsShowWhatUsersNeed()
    {
        Gui::ApiKeyModel model;
        model.setNow([] { return Now; });
        model.setRows(sampleKeys());
        model.setTeamNames({{u"t1"_s, u"Acme"_s}, {u"t2"_s, u"Beta"_s}});
        auto text = [&](int row, int col) { return model.index(row, col).data().toString(); };
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(text(0, Gui::ApiKeyModel::Prefix), u"zv_axxxxxxx…"_s);
        QCOMPARE(text(0, Gui::ApiKeyModel::Permissions), u"Read"_s);
        QCOMPARE(text(1, Gui::ApiKeyModel::Permissions), u"Full access"_s);
        QCOMPARE(text(2, Gui::ApiKeyModel::Permissions), u"Read, Write"_s);
        QCOMPARE(text(0, Gui::ApiKeyModel::TeamAccess), u"All teams"_s);
        QCOMPARE(text(2, Gui::ApiKeyModel::TeamAccess), u"Acme, Beta"_s);
        QCOMPARE(text(0, Gui::ApiKeyModel::LastUsed), u"5 minutes ago"_s);
        QCOMPARE(text(1, Gui::ApiKeyModel::LastUsed), u"Never"_s);
        QCOMPARE(text(0, Gui::ApiKeyModel::Expires), u"Never"_s);
        QCOMPARE(text(0, Gui::ApiKeyModel::Status), u"Active"_s);
        QCOMPARE(text(1, Gui::ApiKeyModel::Status), u"Revoked"_s);
        QCOMPARE(text(2, Gui::ApiKeyModel::Status), u"Expired"_s);
        QCOMPARE(model.index(1, 0).data(Gui::IdRole).toString(), u"b"_s);
        QCOMPARE(model.headerData(Gui::ApiKeyModel::LastUsed, Qt::Horizontal, Qt::DisplayRole).toString(),
                 u"Last used"_s);
    }

    void keysSortByRawValuesAndFilter()
    {
        Gui::ApiKeyModel model;
        model.setNow([] { return Now; });
        model.setRows(sampleKeys());
        Gui::KeyFilterModel filter;
        filter.setSourceModel(&model);
        auto ids = [&] {
            QStringList out;
            for (int r = 0; r < filter.rowCount(); ++r)
                out << filter.index(r, 0).data(Gui::IdRole).toString();
            return out;
        };
        filter.sort(Gui::ApiKeyModel::Created, Qt::AscendingOrder);
        QCOMPARE(ids(), (QStringList{u"b"_s, u"a"_s, u"c"_s}));
        filter.sort(Gui::ApiKeyModel::Name, Qt::AscendingOrder); // case-insensitive
        QCOMPARE(ids(), (QStringList{u"b"_s, u"c"_s, u"a"_s}));
        // "never used" sorts before any use.
        filter.sort(Gui::ApiKeyModel::LastUsed, Qt::DescendingOrder);
        QCOMPARE(ids().first(), u"a"_s);
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::Active);
        QCOMPARE(ids(), (QStringList{u"a"_s}));
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::Inactive);
        QCOMPARE(ids().size(), 2);
        filter.setStatusFilter(Gui::KeyFilterModel::StatusFilter::All);
        filter.setSearchText(u"  export "_s);
        QCOMPARE(ids(), (QStringList{u"c"_s}));
        filter.setSearchText(u"zv_b"_s); // by prefix
        QCOMPARE(ids(), (QStringList{u"b"_s}));
    }

    void otherModelsPassTester()
    {
        Gui::TeamModel teams;
        Gui::MemberModel members;
        Gui::WebsiteModel websites;
        Gui::RequestLogModel requests;
        Gui::UsageModel usage;
        std::vector<std::unique_ptr<QSortFilterProxyModel>> proxies;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (QAbstractItemModel *m :
             std::initializer_list<QAbstractItemModel *>{&teams, &members, &websites, &requests, &usage}) {
            auto proxy = std::make_unique<QSortFilterProxyModel>();
            proxy->setSourceModel(m);
            proxy->setSortRole(Gui::SortRole);
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m, QAbstractItemModelTester::FailureReportingMode::QtTest));
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
            proxies.push_back(std::move(proxy));
        }
        teams.setRows({{Core::Team{u"t1"_s, u"Acme"_s, Core::Plan::Pro, Now}, Core::Role::Owner},
                       {Core::Team{u"t2"_s, u"beta"_s, Core::Plan::Free, Now - Day}, std::nullopt}});
        QCOMPARE(teams.index(0, Gui::TeamModel::Plan).data().toString(), u"Pro"_s);
        QCOMPARE(teams.index(0, Gui::TeamModel::MyRole).data().toString(), u"Owner"_s);
        members.setRows(
            {{Core::Membership{u"t1"_s, u"u1"_s, Core::Role::Admin, Now}, u"ann@example.com"_s, u"Ann"_s}});
        QCOMPARE(members.index(0, Gui::MemberModel::Role).data().toString(), u"Admin"_s);
        websites.setRows({Core::Website{u"w1"_s, u"t1"_s, u"Shop"_s, u"https://shop.example.com"_s,
                                        u"shop.example.com"_s, u"ZV-123"_s, Now, {}}});
        websites.setTeamNames({{u"t1"_s, u"Acme"_s}});
        QCOMPARE(websites.index(0, Gui::WebsiteModel::Team).data().toString(), u"Acme"_s);
        QCOMPARE(websites.index(0, Gui::WebsiteModel::Domain).data().toString(), u"shop.example.com"_s);
        Gui::RequestLogEntry ok{{Now, u"GET"_s, u"/api/external/v1/usage"_s, 200, {}, 2.5, u"r1"_s}, {}, {}};
        Gui::RequestLogEntry limited{
            {Now + 1, u"GET"_s, u"/api/external/v1/usage"_s, 429, u"RATE_LIMIT_EXCEEDED"_s, 0.8, u"r2"_s},
            {},
            {}};
        requests.setRows({ok, limited});
        QVERIFY(requests.index(1, Gui::RequestLogModel::Status).data(Qt::ForegroundRole).isValid());
        QVERIFY(!requests.index(0, Gui::RequestLogModel::Status).data(Qt::ForegroundRole).isValid());
        QCOMPARE(requests.index(0, Gui::RequestLogModel::Latency).data().toString(), u"2.5 ms"_s);
        // The path cell drops the external API's base; the tooltip keeps the whole path.
        QCOMPARE(requests.index(0, Gui::RequestLogModel::Path).data().toString(), u"/usage"_s);
        QCOMPARE(requests.index(0, Gui::RequestLogModel::Path).data(Qt::ToolTipRole).toString(),
                 u"/api/external/v1/usage"_s);
        proxies.at(3)->sort(Gui::RequestLogModel::Status, Qt::DescendingOrder);
        QCOMPARE(proxies.at(3)->index(0, Gui::RequestLogModel::RequestId).data().toString(), u"r2"_s);
        Gui::KeyUsage u;
        u.plan = u"pro"_s;
        u.currentMonth = {u"2026-06"_s, 9500, 10000};
        u.perMinute = 30;
        usage.setRows(
            {{key(u"a"_s, u"A"_s, 1, Now), u, {}}, {key(u"b"_s, u"B"_s, 1, Now), std::nullopt, {}}});
        QCOMPARE(usage.index(0, Gui::UsageModel::Percent).data().toString(), u"95 %"_s);
        QCOMPARE(usage.index(0, Gui::UsageModel::Used).data().toString(), u"9,500"_s);
        QCOMPARE(usage.index(1, Gui::UsageModel::Used).data().toString(), u"…"_s);
        Gui::UsageRow failed = usage.rowAt(1);
        failed.error = u"HTTP 500"_s;
        usage.updateRow(1, failed);
        QCOMPARE(usage.index(1, Gui::UsageModel::Used).data().toString(), u"—"_s);
        QCOMPARE(usage.index(1, Gui::UsageModel::Used).data(Qt::ToolTipRole).toString(), u"HTTP 500"_s);
    }

    void relativeTimes()
    {
        QCOMPARE(Gui::Format::relative(std::nullopt, Now), u"never"_s);
        QCOMPARE(Gui::Format::relative(Now - 10'000, Now), u"just now"_s);
        QCOMPARE(Gui::Format::relative(Now - Minute, Now), u"1 minute ago"_s);
        QCOMPARE(Gui::Format::relative(Now - 3 * 3600'000, Now), u"3 hours ago"_s);
        QCOMPARE(Gui::Format::relative(Now - 2 * Day, Now), u"2 days ago"_s);
        QCOMPARE(Gui::Format::relative(Now + 2 * Day + Minute, Now), u"in 2 days"_s);
        QCOMPARE(Gui::Format::duration(3 * 86400 + 7200), u"3 d 2 h"_s);
        QCOMPARE(Gui::Format::month(u"2026-06"_s), u"Jun 2026"_s);
        QCOMPARE(Gui::Format::duration(125), u"2 min 5 s"_s);
        QCOMPARE(Gui::Format::duration(59), u"59 s"_s);
    }

    // Countries by name in the user's language, with their code.
    void countryNames()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Gui::Format::country(u"DE"_s), u"Germany (DE)"_s);
        QCOMPARE(Gui::Format::country(u"XX"_s), u"Unknown"_s);
        QCOMPARE(Gui::Format::country(u"de"_s), u"de"_s); // not a code: as it is
        QCOMPARE(Gui::Format::country(u"D\u00c4"_s), u"D\u00c4"_s);
        QCOMPARE(Gui::Format::country(u"DEU"_s), u"DEU"_s);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(Gui::Format::country(u"DE"_s), u"Deutschland (DE)"_s);
        QCOMPARE(Gui::Format::country(u"US"_s), u"Vereinigte Staaten (US)"_s);
        QLocale::setDefault(before);
    }
};

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
