// zenovay-screenshots: fills a real in-process server with realistic data through its
// HTTP API (setup, users, teams, plans, websites, keys, 48 hours of traffic with
// rejections and a rate-limit burst), then drives the real app and writes a PNG of each
// page to --out (docs/screenshots in the repository).
//
//   build/debug/tests/ui/zenovay-screenshots --out docs/screenshots
#include "countrydb.h"
#include "fixedconnector.h"
#include "httpclient.h"
#include "testserver.h"

#include "ui/client/apiclient.h"
#include "ui/client/secretstore.h"
#include "ui/mainwindow.h"
#include "ui/models/models.h"
#include "ui/pages/analyticspage.h"
#include "ui/pages/keydetailpage.h"
#include "ui/pages/keyspage.h"
#include "ui/pages/page.h"
#include "ui/pages/welcomepage.h"
#include "ui/translations.h"
#include "ui/widgets/connectiondialog.h"
#include "ui/widgets/keydialogs.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <atomic>
#include <cmath>

using namespace TestSupport;
using namespace Qt::StringLiterals;

namespace {

// Real time plus an adjustable offset: lets the seeding travel back to create keys
// weeks ago and spread traffic over the past two days.
class ShiftClock final : public Core::Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_offset.load(); }
    void setOffsetMs(qint64 ms) { m_offset.store(ms); }
    void setTimeMs(qint64 epochMs) { m_offset.store(epochMs - QDateTime::currentMSecsSinceEpoch()); }

private:
    std::atomic<qint64> m_offset{0};
};

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

[[noreturn]] void die(const QString &what, const HttpResult &r = {})
{
    QTextStream(stderr) << "zenovay-screenshots: " << what << " (HTTP " << r.status << ": "
                        << QString::fromUtf8(r.body.left(300)) << ")\n";
    std::exit(1);
}

class Seeder
{
public:
    Seeder(quint16 port, ShiftClock &clock) : m_port(port), m_clock(clock) {}
    quint16 port() const { return m_port; }

    HttpResult admin(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                     int expect = 0)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!m_token.isEmpty())
            headers.append(qMakePair(QByteArrayLiteral("Authorization"), "Bearer " + m_token));
        QByteArray payload;
        if (method != "GET" && method != "DELETE") {
            headers.append(
                qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        HttpResult r = httpRequest(m_port, method, "/api/admin/v1" + path.toUtf8(), headers, payload);
        // Travelling forward in time outlives sessions: sign in again and retry.
        if (r.status == 401 && !m_email.isEmpty() && path != "/login"_L1) {
            login(m_email, m_password);
            return admin(method, path, body, expect);
        }
        if (expect && r.status != expect)
            die(u"%1 %2"_s.arg(QString::fromLatin1(method), path), r);
        return r;
    }

    int external(const QByteArray &method, const QByteArray &path, const QString &key,
                 const QByteArray &body = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{
            qMakePair(QByteArrayLiteral("X-API-Key"), key.toLatin1())};
        if (!body.isEmpty())
            headers.append(
                qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
        ++m_sent;
        return httpRequest(m_port, method, "/api/external/v1" + path, headers, body).status;
    }

    void login(const QString &email, const QString &password)
    {
        m_email = email;
        m_password = password;
        m_token.clear();
        const HttpResult r =
            admin("POST", u"/login"_s, {{u"email"_s, email}, {u"password"_s, password}}, 200);
        m_token = r.json().value(u"token"_s).toString().toLatin1();
    }

    QString id(const HttpResult &r) const { return r.json().value(u"id"_s).toString(); }
    int sent() const { return m_sent; }
    ShiftClock &clock() { return m_clock; }

private:
    quint16 m_port;
    ShiftClock &m_clock;
    QByteArray m_token;
    QString m_email;
    QString m_password;
    int m_sent = 0;
};

struct SeededKeys
{
    QString ci, dashboard, zapier, legacy, hobby;
    QString ciId;
    QString websiteId;
};

const QString AdminEmail = u"ada@acme.example"_s;
const QString AdminPassword = u"correct-horse-battery-9"_s;

SeededKeys seed(Seeder &s, qint64 now)
{
    SeededKeys keys;
    s.clock().setTimeMs(now - 45 * Day);
    s.admin("POST", u"/setup"_s,
            {{u"email"_s, AdminEmail},
             {u"name"_s, u"Ada Lovelace"_s},
             {u"password"_s, AdminPassword},
             {u"team_name"_s, u"Acme Analytics"_s}},
            201);
    s.login(AdminEmail, AdminPassword);
    const QJsonArray myTeams = s.admin("GET", u"/teams"_s, {}, 200).json().value(u"data"_s).toArray();
    const QString acme = myTeams.first().toObject().value(u"id"_s).toString();
    s.admin("PATCH", u"/teams/"_s + acme, {{u"plan"_s, u"scale"_s}}, 200);
    s.clock().setTimeMs(now - 44 * Day);
    const QString beta = s.id(s.admin("POST", u"/teams"_s, {{u"name"_s, u"Beta Labs"_s}}, 201));
    s.admin("PATCH", u"/teams/"_s + beta, {{u"plan"_s, u"pro"_s}}, 200);
    const QString side = s.id(s.admin("POST", u"/teams"_s, {{u"name"_s, u"Side projects"_s}}, 201));
    for (const auto &[email, name, role] :
         {std::tuple{u"grace@acme.example"_s, u"Grace Hopper"_s, u"admin"_s},
          std::tuple{u"linus@acme.example"_s, u"Linus Pauling"_s, u"member"_s},
          std::tuple{u"mae@acme.example"_s, u"Mae Jemison"_s, u"member"_s}}) {
        s.admin("POST", u"/users"_s, {{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, AdminPassword}},
                201);
        s.admin("POST", u"/teams/%1/members"_s.arg(acme), {{u"email"_s, email}, {u"role"_s, role}}, 201);
    }
    s.clock().setTimeMs(now - 43 * Day);
    const struct
    {
        QString team, name, url;
    } sites[] = {{acme, u"Acme shop"_s, u"https://shop.acme.example"_s},
                 {acme, u"Acme blog"_s, u"https://blog.acme.example"_s},
                 {acme, u"Developer docs"_s, u"https://docs.acme.example"_s},
                 {beta, u"Beta landing page"_s, u"https://beta-labs.example"_s},
                 {side, u"Pixel garden"_s, u"https://pixelgarden.example"_s}};
    for (const auto &site : sites) {
        const QString wid =
            s.id(s.admin("POST", u"/websites"_s,
                         {{u"team_id"_s, site.team}, {u"name"_s, site.name}, {u"url"_s, site.url}}, 201));
        if (keys.websiteId.isEmpty())
            keys.websiteId = wid;
    }
    auto createKey = [&](const QString &name, const QStringList &perms, const QJsonValue &access,
                         const QString &billing, std::optional<qint64> expires = std::nullopt) {
        QJsonObject body{{u"name"_s, name},
                         {u"permissions"_s, QJsonArray::fromStringList(perms)},
                         {u"team_access"_s, access},
                         {u"billing_team_id"_s, billing}};
        if (expires)
            body.insert(u"expires_at"_s,
                        QDateTime::fromMSecsSinceEpoch(*expires, Qt::UTC).toString(Qt::ISODateWithMs));
        const HttpResult r = s.admin("POST", u"/keys"_s, body, 201);
        return std::make_pair(r.json().value(u"key"_s).toString(), s.id(r));
    };
    s.clock().setTimeMs(now - 40 * Day);
    auto ci = createKey(u"CI reporting"_s, {u"read"_s, u"write"_s, u"admin"_s}, u"all"_s, acme);
    keys.ci = ci.first;
    keys.ciId = ci.second;
    keys.dashboard = createKey(u"Dashboard export"_s, {u"read"_s}, QJsonArray{acme}, acme).first;
    s.clock().setTimeMs(now - 20 * Day);
    keys.zapier =
        createKey(u"Zapier integration"_s, {u"read"_s, u"write"_s}, QJsonArray{beta}, beta, now + 70 * Day)
            .first;
    keys.legacy = createKey(u"Legacy cron job"_s, {u"read"_s}, u"all"_s, acme).first;
    createKey(u"Q3 audit (temporary)"_s, {u"read"_s}, u"all"_s, acme, now - 2 * Day);
    s.clock().setTimeMs(now - 6 * Day);
    keys.hobby = createKey(u"Weekend hack"_s, {u"read"_s, u"write"_s}, QJsonArray{side}, side).first;
    return keys;
}

// Business-hours shaped traffic over the last 48 hours, a rate-limit burst in the last
// hour, and some typical mistakes (read-only key writing, malformed JSON, unknown id).
void traffic(Seeder &s, const SeededKeys &k, qint64 now)
{
    auto *rng = QRandomGenerator::global();
    const QByteArray site = "/websites/" + k.websiteId.toLatin1();
    const QByteArray analytics = "/analytics/" + k.websiteId.toLatin1() + "?from=2026-01-01&to=2026-01-31";
    // Last month's usage for the monthly chart: spread over its days, lightly.
    for (int d = 40; d > 2; d -= 2) {
        const qint64 base = now - qint64(d) * Day + 10 * Hour;
        for (int i = 0; i < 18; ++i) {
            s.clock().setTimeMs(base + qint64(i) * 3 * Minute);
            s.external("GET", i % 3 ? "/websites" : "/usage", k.ci);
            if (i % 4 == 0)
                s.external("GET", "/websites", k.dashboard);
        }
    }
    const qint64 start = (now - 47 * Hour) / Hour * Hour;
    for (qint64 hour = start; hour < now - 2 * Hour; hour += Hour) {
        const int localHour = int((hour / Hour) % 24);
        const double shape = 0.5 + 0.5 * std::sin((localHour - 8) * M_PI / 12.0);
        const int n = 4 + int(shape * 26) + int(rng->bounded(6));
        for (int i = 0; i < n; ++i) {
            s.clock().setTimeMs(hour + qint64(i) * (Hour / n) + rng->bounded(20'000));
            s.external("GET", i % 5 == 0 ? analytics : (i % 2 ? "/websites" : site), k.ci);
            if (i % 3 == 0)
                s.external("GET", "/websites", k.dashboard);
            if (i % 7 == 0)
                s.external("GET", "/usage", k.zapier);
        }
        if (localHour == 14 || localHour == 9)
            s.external("POST", "/websites", k.dashboard,
                       R"({"team_id":"x","name":"New","url":"https://n.example"})");
        if (localHour == 11)
            s.external("GET", "/websites/00000000-0000-0000-0000-000000000000", k.ci);
        if (localHour == 16)
            s.external("POST", "/websites", k.ci, R"({"name": "Shop",})");
        if (localHour % 6 == 0)
            s.external("GET", "/usage", k.hobby);
    }
    // The last two hours, minute by minute, with one burst over the per-minute limit.
    const qint64 minuteStart = (now - 118 * Minute) / Minute * Minute;
    for (qint64 m = minuteStart; m < now - Minute; m += Minute) {
        const bool burst = m == minuteStart + 75 * Minute;
        const int n = burst ? 72 : 3 + int(rng->bounded(9));
        for (int i = 0; i < n; ++i) {
            s.clock().setTimeMs(m + qint64(i) * (burst ? 500 : Minute / n));
            s.external("GET", i % 4 ? "/websites" : "/usage", k.ci);
        }
    }
    s.clock().setTimeMs(now - 3 * Day);
    s.external("GET", "/usage", k.legacy);
    s.clock().setOffsetMs(0);
}

// A website's visitors over the last 30 days for the Analytics page: about 12,000
// pageviews from visits of one to five pages, weekday-shaped and growing, with referrers,
// browsers, systems and devices, posted each day as that day's batches (POST /events
// with timestamps) by the CI key, as a nightly import would. Each visit names its
// visitor's address (client_ip) in the demo country database's 100.64.N.0/24, N the
// country: about 2,400 people, some of whom come back.
void visits(Seeder &s, const SeededKeys &k, qint64 now)
{
    QRandomGenerator rng(20261201);
    const char *paths[] = {"/", "/", "/", "/pricing", "/pricing", "/products/widget", "/products/gadget",
                           "/blog/launch", "/blog/how-we-count", "/docs/getting-started", "/about", "/contact"};
    const char *referrers[] = {"", "", "", "https://www.google.com/", "https://www.google.com/",
                               "https://news.ycombinator.com/", "https://duckduckgo.com/",
                               "https://www.reddit.com/", "https://github.com/", "https://t.co/"};
    const struct
    {
        const char *browser, *os, *device;
    } clients[] = {{"Chrome", "Windows", "desktop"}, {"Chrome", "Windows", "desktop"}, {"Chrome", "macOS", "desktop"},
                   {"Safari", "iOS", "mobile"},      {"Safari", "iOS", "mobile"},      {"Firefox", "Linux", "desktop"},
                   {"Chrome", "Android", "mobile"},  {"Edge", "Windows", "desktop"},   {"Safari", "iPadOS", "tablet"}};
    // People by country, as the demo database numbers them (US, DE, GB, FR, NL, CA, IN, BR,
    // JP, AU, SE, CH): a person's share of 2,400 by cumulative weight.
    const int weights[] = {30, 18, 12, 8, 6, 6, 6, 4, 3, 3, 2, 2};
    const auto addressOf = [&](int person) {
        int country = 0, bound = 0;
        for (int w : weights) {
            bound += w * 24;
            if (person < bound)
                break;
            ++country;
        }
        return u"100.64.%1.%2"_s.arg(qMin(country, int(std::size(weights)) - 1)).arg(1 + person % 250);
    };
    const qint64 today = now / Day * Day;
    int serial = 0;
    for (int d = 29; d >= 0; --d) {
        const qint64 dayStart = today - qint64(d) * Day;
        const qint64 dayEnd = d == 0 ? now - Minute : dayStart + Day - Minute;
        const QDate date = QDateTime::fromMSecsSinceEpoch(dayStart, Qt::UTC).date();
        const bool weekend = date.dayOfWeek() >= 6;
        const int visitsToday = int((weekend ? 90 : 150) * (1.0 + (29 - d) / 45.0)) + int(rng.bounded(30));
        QJsonArray batch;
        auto send = [&] {
            if (batch.isEmpty())
                return;
            s.external("POST", "/events", k.ci,
                       QJsonDocument(QJsonObject{{u"website_id"_s, k.websiteId}, {u"events"_s, batch}})
                           .toJson(QJsonDocument::Compact));
            batch = QJsonArray();
        };
        s.clock().setTimeMs(dayEnd + Minute / 2);
        for (int v = 0; v < visitsToday; ++v) {
            // Daytime-heavy start times, within the day and before "now".
            const double hour = qBound(0.0, 14.0 + 3.5 * (rng.generateDouble() + rng.generateDouble() - 1.0) * 2, 23.5);
            qint64 t = dayStart + qint64(hour * Hour);
            const auto &c = clients[rng.bounded(int(std::size(clients)))];
            const QString session = u"visit-%1"_s.arg(++serial, 6, 10, QLatin1Char('0'));
            const int person = int(rng.bounded(2400));
            const QString agent = u"Mozilla/5.0 (screenshots; person %1)"_s.arg(person);
            const int pages = 1 + int(rng.bounded(5)) * int(rng.bounded(2)); // many bounce
            const char *referrer = referrers[rng.bounded(int(std::size(referrers)))];
            // One visit in six arrives from a campaign link.
            const char *campaigns[] = {"?utm_source=newsletter&utm_medium=email&utm_campaign=december",
                                       "?utm_source=mastodon&utm_medium=social&utm_campaign=launch",
                                       "?utm_source=google&utm_medium=cpc&utm_campaign=widgets"};
            const char *campaign = serial % 6 == 0 ? campaigns[(serial / 6) % 3] : "";
            for (int p = 0; p < pages && t < dayEnd; ++p, t += qint64(20 + rng.bounded(200)) * 1000) {
                QJsonObject e{{u"event_type"_s, u"pageview"_s},
                              {u"url"_s, QString(u"https://shop.acme.example"_s +
                                                     QLatin1String(p == 0 ? paths[rng.bounded(5)]
                                                                          : paths[rng.bounded(int(std::size(paths)))]) +
                                                     QLatin1String(p == 0 ? campaign : ""))},
                              {u"session_id"_s, session},
                              {u"user_agent"_s, agent},
                              {u"client_ip"_s, addressOf(person)},
                              {u"device_type"_s, QLatin1String(c.device)},
                              {u"browser"_s, QLatin1String(c.browser)},
                              {u"os"_s, QLatin1String(c.os)},
                              {u"timestamp"_s, QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODateWithMs)}};
                if (p == 0 && *referrer)
                    e.insert(u"referrer"_s, QLatin1String(referrer));
                batch.append(e);
                // Longer visits sometimes do something worth counting.
                if (p == 2 && rng.bounded(3) == 0) {
                    QJsonObject custom = e;
                    custom.insert(u"event_type"_s, u"event"_s);
                    custom.insert(u"name"_s, rng.bounded(3) ? u"add_to_cart"_s : u"newsletter_signup"_s);
                    custom.remove(u"referrer"_s);
                    batch.append(custom);
                }
                if (batch.size() >= 499)
                    send();
            }
        }
        send();
    }
    // A few visitors right now, for the realtime panel.
    s.clock().setOffsetMs(0);
    QJsonArray live;
    for (int v = 0; v < 4; ++v)
        for (int p = 0; p <= v % 3; ++p)
            live.append(QJsonObject{
                {u"event_type"_s, u"pageview"_s},
                {u"url"_s, QString(u"https://shop.acme.example"_s + QLatin1String(paths[(v * 3 + p) % 6]))},
                {u"session_id"_s, u"live-visitor-%1"_s.arg(v)},
                {u"user_agent"_s, u"Mozilla/5.0 (screenshots)"_s},
                {u"client_ip"_s, addressOf(v * 500)},
                {u"device_type"_s, u"desktop"_s},
                {u"browser"_s, u"Firefox"_s},
                {u"os"_s, u"Linux"_s},
                {u"timestamp"_s, QDateTime::fromMSecsSinceEpoch(now - (3 - v) * 50'000 - p * 20'000, Qt::UTC)
                                     .toString(Qt::ISODateWithMs)}});
    const HttpResult r = httpRequest(s.port(), "POST", "/api/external/v1/events",
                                     {{"X-API-Key", k.ci.toLatin1()}, {"Content-Type", "application/json"}},
                                     QJsonDocument(QJsonObject{{u"website_id"_s, k.websiteId}, {u"events"_s, live}})
                                         .toJson(QJsonDocument::Compact));
    out() << "live events: HTTP " << r.status << " " << r.body << Qt::endl;
}

void settle(int ms = 400)
{
    QTest::qWait(ms);
}

bool waitIdle(Gui::ApiClient &client, int timeoutMs = 15000)
{
    return QTest::qWaitFor([&] { return !client.isBusy(); }, timeoutMs) && (settle(300), !client.isBusy());
}

void save(QWidget *w, const QString &dir, const QString &name)
{
    QApplication::processEvents();
    const QString path = QDir(dir).filePath(name);
    if (!w->grab().save(path))
        die(u"cannot write %1"_s.arg(path));
    out() << "wrote " << path << Qt::endl;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Mid, QColor(0x50, 0x53, 0x58));
    p.setColor(QPalette::Midlight, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x86, 0x8b));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x86, 0x8b));
    return p;
}

// NAME.png as the window is, then NAME-dark.png in a dark palette.
void saveLightAndDark(QWidget *w, const QString &dir, const QString &name)
{
    save(w, dir, name + u".png"_s);
    const QPalette light = QApplication::palette();
    QApplication::setPalette(darkPalette());
    settle();
    save(w, dir, name + u"-dark.png"_s);
    QApplication::setPalette(light);
    settle();
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"zenovay-screenshots"_s);
    QApplication::setApplicationName(u"zenovay-screenshots"_s);
    QApplication::setApplicationVersion(QStringLiteral(ZENOVAY_VERSION));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, u"Directory for the PNGs."_s, u"DIR"_s,
                                       u"docs/screenshots"_s);
    const QCommandLineOption langOption(u"lang"_s, u"Language of the app (en, de)."_s, u"LANG"_s, u"en"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Window size, WIDTHxHEIGHT (default 1280x820)."_s,
                                        u"SIZE"_s, u"1280x820"_s);
    parser.addOptions({outOption, langOption, sizeOption});
    parser.process(app);
    const QStringList wh = parser.value(sizeOption).split(u'x');
    const QSize windowSize = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (windowSize.width() < 400 || windowSize.height() < 300)
        die(u"--size wants WIDTHxHEIGHT, for example 1024x700"_s);
    const QString dir = parser.value(outOption);
    QDir().mkpath(dir);
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); // no saved window state
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QFont font(u"DejaVu Sans"_s, 9);
    QApplication::setFont(font);
    const QLocale locale(parser.value(langOption) == "de"_L1
                             ? QLocale(QLocale::German, QLocale::Germany)
                             : QLocale(QLocale::English, QLocale::UnitedStates));
    QLocale::setDefault(locale);
    Gui::installTranslations(&app, locale);

    auto clock = std::make_shared<ShiftClock>();
    // Countries from a demo database (tests/support/write_country_db.pl --demo).
    QTemporaryDir countryDir;
    QString countryError;
    const QString countries = TestSupport::writeCountryDatabase(countryDir.path(), &countryError, true);
    if (countries.isEmpty())
        die(countryError);
    TestServer server([clock, countries](Server::ServerConfig &c) {
        c.clock = clock;
        c.geoipDatabase = countries;
    });
    if (!server.isRunning())
        die(u"server: "_s + server.startError());

    if (httpRequest(server.port(), "POST", "/api/admin/v1/setup", {}, "{}").status == 404) {
        QTextStream(stderr) << "zenovay-screenshots: the server has no admin API yet; nothing to show\n";
        return 77;
    }

    Gui::ApiClient client;
    Gui::MemorySecretStore secrets;
    FixedConnector connector(QUrl(u"http://127.0.0.1:%1"_s.arg(server.port())), u"shots"_s);
    Gui::MainWindow window(&client, &secrets, &connector);
    window.resize(windowSize);
    window.show();
    window.start();
    Gui::WelcomePage *welcome = window.welcomePage();
    if (!QTest::qWaitFor([&] { return welcome->isShowingSetup(); }, 15000))
        die(u"the setup form did not appear"_s);
    welcome->findChild<QLineEdit *>(u"setupEmail"_s)->setText(AdminEmail);
    welcome->findChild<QLineEdit *>(u"setupName"_s)->setText(u"Ada Lovelace"_s);
    save(&window, dir, u"01-setup.png"_s);

    // Seed through the HTTP API, as another client would.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Seeder seeder(server.port(), *clock);
    const SeededKeys keys = seed(seeder, now);
    traffic(seeder, keys, now);
    visits(seeder, keys, now);
    {
        Seeder revoker(server.port(), *clock);
        revoker.login(AdminEmail, AdminPassword);
        const QJsonArray list =
            revoker.admin("GET", u"/keys?per_page=100"_s, {}, 200).json().value(u"data"_s).toArray();
        for (const QJsonValue &v : list)
            if (v.toObject().value(u"name"_s).toString() == "Legacy cron job"_L1) {
                clock->setTimeMs(now - 2 * Day);
                revoker.admin("POST", u"/keys/%1/revoke"_s.arg(v.toObject().value(u"id"_s).toString()), {},
                              200);
            }
        clock->setOffsetMs(0);
    }
    out() << "seeded: " << seeder.sent() << " external API requests" << Qt::endl;
    QTest::qWait(1500); // the server writes its books every second

    // Sign in through the form.
    window.start();
    if (!QTest::qWaitFor([&] { return welcome->isShowingSignIn(); }, 15000))
        die(u"the sign-in form did not appear"_s);
    welcome->findChild<QLineEdit *>(u"signInEmail"_s)->setText(AdminEmail);
    welcome->findChild<QLineEdit *>(u"signInPassword"_s)->setText(AdminPassword);
    save(&window, dir, u"02-sign-in.png"_s);
    welcome->findChild<QPushButton *>(u"signInButton"_s)->click();
    if (!QTest::qWaitFor([&] { return window.isSignedIn(); }, 15000))
        die(u"sign-in failed"_s);

    const struct
    {
        const char *page;
        const char *file;
    } pages[] = {{"overviewPage", "03-overview.png"}, {"teamsPage", "04-teams.png"},
                 {"websitesPage", "05-websites.png"}, {"keysPage", "06-api-keys.png"},
                 {"usagePage", "08-usage.png"},       {"requestsPage", "09-requests.png"},
                 {"serverPage", "10-server.png"}};
    for (const auto &p : pages) {
        window.showPage(QString::fromLatin1(p.page));
        waitIdle(client);
        if (QString::fromLatin1(p.page) == "serverPage"_L1) {
            // Two more samples for the ingest-rate chart.
            for (int i = 0; i < 2; ++i) {
                static_cast<Gui::Page *>(window.currentPage())->refresh();
                waitIdle(client);
                settle(600);
            }
        }
        save(&window, dir, QString::fromLatin1(p.file));
        if (QString::fromLatin1(p.page) == "overviewPage"_L1) {
            // The Analytics page: the shop's last 30 days, light and dark.
            window.showPage(u"analyticsPage"_s);
            waitIdle(client);
            auto *analytics = window.findChild<Gui::AnalyticsPage *>(u"analyticsPage"_s);
            analytics->selectWebsite(keys.websiteId);
            if (!waitIdle(client) || !analytics->report() || analytics->report()->totals.pageviews < 10000 ||
                analytics->report()->countries.size() < 10 ||
                analytics->report()->totals.visitors >= analytics->report()->totals.sessions)
                die(u"the Analytics page did not show the seeded visits"_s);
            saveLightAndDark(&window, dir, u"14-analytics"_s);
            // Its top lists, further down.
            auto *scroll = analytics->findChild<QScrollArea *>(u"analyticsScroll"_s);
            if (auto *lists = analytics->findChild<QWidget *>(u"topPages"_s); scroll && lists) {
                scroll->verticalScrollBar()->setValue(lists->mapTo(scroll->widget(), QPoint(0, 0)).y() - 8);
                settle();
                save(&window, dir, u"15-analytics-lists.png"_s);
                scroll->verticalScrollBar()->setValue(0);
            }
            // Filtered: one country's visitors on one browser (two filters: replayed from the
            // stored events on the server's worker), as clicking two rows gives.
            const qint64 all = analytics->report()->totals.pageviews;
            const QString country = analytics->report()->countries.value(0).value;
            const QString browser = analytics->report()->browsers.value(0).value;
            analytics->setFilter(u"country"_s, country);
            waitIdle(client);
            analytics->setFilter(u"browser"_s, browser);
            if (!waitIdle(client) || !analytics->report() || analytics->report()->filters.size() != 2 ||
                analytics->report()->totals.pageviews <= 0 || analytics->report()->totals.pageviews >= all)
                die(u"the filtered Analytics page did not narrow the figures"_s);
            save(&window, dir, u"16-analytics-filtered.png"_s);
            analytics->clearFilters();
            waitIdle(client);
        }
        if (QString::fromLatin1(p.page) == "keysPage"_L1) {
            Gui::KeysPage *keysPage = window.keysPage();
            const int row = keysPage->model()->rowOf(keys.ciId);
            if (row < 0)
                die(u"the CI key is not listed"_s);
            keysPage->openDetail(keys.ciId);
            (void)QTest::qWaitFor([&] { return keysPage->detail()->activity().has_value(); }, 15000);
            waitIdle(client);
            saveLightAndDark(&window, dir, u"07-key-detail"_s);
            // The create dialog and the show-once dialog.
            keysPage->detail()->backRequested();
            keysPage->createNew();
            auto *create = window.findChild<Gui::CreateKeyDialog *>(u"createKeyDialog"_s);
            if (!create || !QTest::qWaitForWindowExposed(create))
                die(u"the create-key dialog did not open"_s);
            create->findChild<QLineEdit *>(u"keyName"_s)->setText(u"Nightly backup"_s);
            save(create, dir, u"11-create-key.png"_s);
            create->findChild<QPushButton *>(u"createButton"_s)->click();
            Gui::ShowKeyDialog *shown = nullptr;
            (void)QTest::qWaitFor(
                [&] {
                    return (shown = window.findChild<Gui::ShowKeyDialog *>(u"showKeyDialog"_s)) &&
                           shown->isVisible();
                },
                15000);
            if (!shown)
                die(u"the show-once dialog did not open"_s);
            settle();
            save(shown, dir, u"12-key-shown-once.png"_s);
            shown->accept();
            settle();
            // The connection dialog, the built-in server's port being changed.
            Gui::ConnectionTarget current;
            current.embeddedPort = 8931;
            Gui::ConnectionDialog connection(current, &window);
            connection.show();
            if (!QTest::qWaitForWindowExposed(&connection))
                die(u"the connection dialog did not open"_s);
            connection.findChild<QSpinBox *>(u"embeddedPort"_s)->setValue(8932);
            settle();
            save(&connection, dir, u"13-connect-to-server.png"_s);
        }
    }
    out() << "done" << Qt::endl;
    return 0;
}
