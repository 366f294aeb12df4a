#include "keydetailpage.h"

#include "ui/charts/charts.h"
#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/models/models.h"
#include "ui/widgets/copyfeedback.h"
#include "ui/widgets/errorbanner.h"
#include "ui/widgets/statcard.h"
#include "ui/workspace.h"

#include "core/model/timeutil.h"

#include <QApplication>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr int UsageMinutes = 120;
constexpr int RecentRequests = 50;

QString redactedKey(const QString &prefix)
{
    return prefix + u"…[REDACTED]"_s;
}
} // namespace

KeyDetailPage::KeyDetailPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_banner(new ErrorBanner(this)), m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)), m_accepted24h(nullptr), m_accepted7d(nullptr), m_acceptedAll(nullptr),
      m_rejected24h(nullptr), m_lastUsed(nullptr), m_monthUsage(nullptr),
      m_requestModel(new RequestLogModel(this)), m_revoke(new QPushButton(tr("Revoke…"), this)),
      m_timer(new QTimer(this))
{
    setObjectName(u"keyDetail"_s);
    auto *back = new QPushButton(tr("← All keys"), this);
    back->setObjectName(u"backToKeys"_s);
    back->setToolTip(tr("Back to the key list (Esc)"));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(u"refreshDetail"_s);
    m_revoke->setObjectName(u"detailRevoke"_s);
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_title->setFont(tf);
    m_title->setObjectName(u"detailTitle"_s);
    m_subtitle->setWordWrap(true);
    m_subtitle->setObjectName(u"detailSubtitle"_s);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addSpacing(8);
    top->addWidget(m_title, 1);
    top->addWidget(refreshButton);
    top->addWidget(m_revoke);

    // One row of six cards where they fit, two rows of three where they do not (1024 px,
    // German captions): never a horizontal scroll bar.
    m_cardGrid = new QGridLayout;
    auto card = [this](const QString &name, const QString &caption) {
        auto *c = new StatCard(name, caption, this);
        m_cards << c;
        return c;
    };
    StatCard *accepted24h = card(u"accepted24h"_s, tr("Accepted, last 24 hours"));
    StatCard *accepted7d = card(u"accepted7d"_s, tr("Accepted, last 7 days"));
    StatCard *acceptedAll = card(u"acceptedAll"_s, tr("Accepted, all time"));
    StatCard *rejected24h = card(u"rejected24h"_s, tr("Rejected, last 24 hours"));
    StatCard *lastUsed = card(u"lastUsed"_s, tr("Last used"));
    StatCard *month = card(u"monthUsage"_s, tr("This month, of the monthly limit"));
    m_monthCard = month;
    // Keep the cards reachable through the label members' parents.
    m_accepted24h = accepted24h->findChild<QLabel *>(u"value"_s);
    m_accepted7d = accepted7d->findChild<QLabel *>(u"value"_s);
    m_acceptedAll = acceptedAll->findChild<QLabel *>(u"value"_s);
    m_rejected24h = rejected24h->findChild<QLabel *>(u"value"_s);
    m_lastUsed = lastUsed->findChild<QLabel *>(u"value"_s);
    m_monthUsage = month->findChild<QLabel *>(u"value"_s);

    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(u"activityRange"_s);
    m_rangeBox->addItem(tr("Last hour"), int(Charts::ActivityRange::LastHour));
    m_rangeBox->addItem(tr("Last 24 hours"), int(Charts::ActivityRange::Last24Hours));
    m_rangeBox->addItem(tr("Last 7 days"), int(Charts::ActivityRange::Last7Days));
    m_rangeBox->addItem(tr("Last 30 days"), int(Charts::ActivityRange::Last30Days));
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(m_range)));
    auto *rangeLabel = new QLabel(tr("&Activity over:"), this);
    rangeLabel->setBuddy(m_rangeBox);
    auto *rangeRow = new QHBoxLayout;
    rangeRow->addWidget(rangeLabel);
    rangeRow->addWidget(m_rangeBox);
    rangeRow->addStretch(1);

    m_hourlyChart = Charts::makeView(u"hourlyChart"_s, this);
    m_codesChart = Charts::makeView(u"codesChart"_s, this);
    m_monthlyChart = Charts::makeView(u"monthlyChart"_s, this);
    m_minuteChart = Charts::makeView(u"minuteChart"_s, this);
    auto *charts = new QGridLayout;
    charts->addWidget(m_hourlyChart, 0, 0);
    charts->addWidget(m_minuteChart, 0, 1);
    m_noRejections = new QLabel(tr("No rejected requests: every request with this key was accepted."), this);
    m_noRejections->setObjectName(u"noRejections"_s);
    m_noRejections->setWordWrap(true);
    m_noRejections->hide();
    charts->addWidget(m_codesChart, 1, 0);
    charts->addWidget(m_monthlyChart, 1, 1);
    charts->addWidget(m_noRejections, 2, 0, 1, 2);

    m_requests = new QTableView(this);
    m_requests->setObjectName(u"recentRequests"_s);
    m_requests->setModel(m_requestModel);
    m_requests->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requests->setSelectionMode(QAbstractItemView::SingleSelection);
    m_requests->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requests->setAlternatingRowColors(true);
    m_requests->verticalHeader()->hide();
    m_requests->horizontalHeader()->setStretchLastSection(true);
    m_requests->setMinimumHeight(200);
    m_requests->setColumnHidden(RequestLogModel::Key, true);
    m_requests->setColumnWidth(RequestLogModel::Time, 150);
    m_requests->setColumnWidth(RequestLogModel::Method, 70);
    m_requests->setColumnWidth(RequestLogModel::Path, 260);
    m_requests->setColumnWidth(RequestLogModel::Status, 60);
    m_requests->setColumnWidth(RequestLogModel::Code, 190);
    auto *copyCurl = new QPushButton(tr("Copy as c&URL"), this);
    copyCurl->setObjectName(u"copyCurlButton"_s);
    copyCurl->setToolTip(tr("A cURL command for the selected request (or GET /usage); the key comes from "
                            "$ZENOVAY_API_KEY"));
    auto *copyReport = new QPushButton(tr("Copy &diagnostic report"), this);
    copyReport->setObjectName(u"copyReportButton"_s);
    copyReport->setToolTip(
        tr("What support asks for: request and response details, timestamp and request ID, "
           "with the key redacted"));
    auto *requestsHeader = new QHBoxLayout;
    auto *requestsTitle = new QLabel(tr("<b>Recent requests</b>"), this);
    requestsHeader->addWidget(requestsTitle);
    requestsHeader->addStretch(1);
    requestsHeader->addWidget(copyCurl);
    requestsHeader->addWidget(copyReport);

    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(m_subtitle);
    bodyLayout->addLayout(m_cardGrid);
    bodyLayout->addLayout(rangeRow);
    bodyLayout->addLayout(charts);
    bodyLayout->addLayout(requestsHeader);
    bodyLayout->addWidget(m_requests);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"detailScroll"_s);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_scroll = scroll;
    scroll->viewport()->installEventFilter(this);
    layOutCards();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(scroll, 1);

    connect(m_rangeBox, &QComboBox::activated, this, [this](int index) {
        setActivityRange(Charts::ActivityRange(m_rangeBox->itemData(index).toInt()));
    });
    connect(back, &QPushButton::clicked, this, &KeyDetailPage::backRequested);
    connect(refreshButton, &QPushButton::clicked, this, &KeyDetailPage::refresh);
    connect(m_revoke, &QPushButton::clicked, this, [this] { Q_EMIT revokeRequested(m_key); });
    connect(copyCurl, &QPushButton::clicked, this,
            [this, copyCurl] { copyWithFeedback(copyCurl, curlCommand()); });
    connect(copyReport, &QPushButton::clicked, this,
            [this, copyReport] { copyWithFeedback(copyReport, diagnosticReport()); });
    m_timer->setInterval(10'000);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_pendingParts == 0)
            refresh();
    });
}

void KeyDetailPage::setActivityRange(Charts::ActivityRange range)
{
    if (range == m_range)
        return;
    m_range = range;
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
    // The hour view needs only the per-minute counts, which are here: draw it at once.
    // Longer ranges wait for their hours (drawing 30 days from 24 hours of data would show
    // 29 empty days for a moment).
    if (range == Charts::ActivityRange::LastHour)
        showActivityChart();
    refresh();
}

void KeyDetailPage::layOutCards()
{
    int needed = m_cardGrid->spacing() * int(m_cards.size() - 1);
    for (QWidget *c : std::as_const(m_cards))
        needed += c->minimumSizeHint().width();
    const int available = m_scroll->viewport()->width();
    const int columns = needed <= available ? int(m_cards.size()) : (int(m_cards.size()) + 1) / 2;
    if (columns == m_cardColumns)
        return;
    m_cardColumns = columns;
    for (QWidget *c : std::as_const(m_cards))
        m_cardGrid->removeWidget(c);
    for (int i = 0; i < m_cards.size(); ++i)
        m_cardGrid->addWidget(m_cards.at(i), i / columns, i % columns);
    for (int col = 0; col < int(m_cards.size()); ++col)
        m_cardGrid->setColumnStretch(col, col < columns ? 1 : 0);
}

bool KeyDetailPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        layOutCards();
    return QWidget::eventFilter(watched, event);
}

void KeyDetailPage::setRefreshIntervalMs(int ms)
{
    m_timer->setInterval(ms);
}

void KeyDetailPage::setKey(const Core::ApiKey &key, const QHash<QString, QString> &teamNames)
{
    const bool sameKey = key.id == m_key.id;
    m_key = key;
    m_teamNames = teamNames;
    if (!sameKey) {
        // Another key starts at its top: its stat cards, not where the last one was left.
        m_scroll->verticalScrollBar()->setValue(0);
        m_activity.reset();
        m_monthCard->setCaption(tr("This month, of the monthly limit"));
        m_usage.reset();
        m_requestModel->setRows({});
        for (QLabel *l :
             {m_accepted24h, m_accepted7d, m_acceptedAll, m_rejected24h, m_lastUsed, m_monthUsage})
            l->setText(u"…"_s);
        showActivityChart();
        Charts::setRejectedByCode(m_codesChart, {});
        Charts::setMonthlyUsage(m_monthlyChart, {});
        Charts::setMinuteRequests(m_minuteChart, {});
    }
    showHeader();
    refresh();
    if (isVisible())
        m_timer->start();
}

void KeyDetailPage::keyChanged(const Core::ApiKey &key)
{
    if (key.id != m_key.id)
        return;
    m_key = key;
    showHeader();
}

void KeyDetailPage::showHeader()
{
    const KeyStatus status = m_workspace->keyStatus(m_key);
    m_title->setText(tr("%1 — %2").arg(m_key.name, Format::keyStatus(status)));
    const QString billing = m_teamNames.value(m_key.billingTeamId, m_key.billingTeamId);
    m_subtitle->setText(tr("Prefix %1… · %2 · teams: %3 · billed to %4 · created %5 · expires %6")
                            .arg(m_key.prefix, Format::permissions(m_key.permissions),
                                 Format::teamAccess(m_key.teamAccess, m_teamNames), billing,
                                 Format::dateTime(m_key.createdAt),
                                 Format::dateTime(m_key.expiresAt, tr("never"))));
    m_title->setToolTip(status == KeyStatus::NeedsPaidPlan
                            ? tr("Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team "
                                 "it is billed to is on the Free plan.")
                            : QString());
    m_revoke->setEnabled(status != KeyStatus::Revoked);
}

void KeyDetailPage::refresh()
{
    if (m_key.id.isEmpty())
        return;
    const QString id = m_key.id;
    // Answers of an older refresh (another range, another key) are dropped: a late 24-hour
    // answer must not replace the 30-day one asked for after it.
    const int generation = ++m_generation;
    m_pendingParts = 3;
    auto failed = [this, generation](const QString &what) {
        return [this, what, generation](const ApiFailure &f) {
            if (generation != m_generation)
                return;
            m_banner->showFailure(what, f);
            partDone();
        };
    };
    m_workspace->client()->keyActivity(
        id, Charts::hoursOf(m_range), this,
        [this, id, generation](const KeyActivity &a) {
            if (generation != m_generation)
                return;
            if (id == m_key.id) {
                m_activity = a;
                showActivity();
            }
            partDone();
        },
        failed(tr("Could not load the key's activity.")));
    m_workspace->client()->keyUsage(
        id, UsageMinutes, this,
        [this, id, generation](const KeyUsage &u) {
            if (generation != m_generation)
                return;
            if (id == m_key.id) {
                m_usage = u;
                showUsage();
            }
            partDone();
        },
        failed(tr("Could not load the key's usage.")));
    m_workspace->client()->keyRequests(
        id, RecentRequests, this,
        [this, id, generation](const QList<RequestLogEntry> &entries) {
            if (generation != m_generation)
                return;
            if (id == m_key.id) {
                const auto selected = selectedRequest();
                m_requestModel->setRows(entries);
                if (selected) {
                    for (int i = 0; i < entries.size(); ++i)
                        if (entries.at(i).requestId == selected->requestId)
                            m_requests->selectRow(i);
                }
            }
            partDone();
        },
        failed(tr("Could not load the key's recent requests.")));
    if (m_serverVersion.isEmpty())
        m_workspace->client()->health(this, [this](const QString &v) { m_serverVersion = v; }, {});
}

void KeyDetailPage::partDone()
{
    if (--m_pendingParts == 0) {
        if (m_activity && m_usage)
            m_banner->hide();
        Q_EMIT loaded();
    }
}

void KeyDetailPage::showActivity()
{
    const KeyActivity &a = *m_activity;
    m_accepted24h->setText(Format::number(a.accepted.last24h));
    m_accepted7d->setText(Format::number(a.accepted.last7d));
    m_acceptedAll->setText(Format::number(a.accepted.allTime));
    m_rejected24h->setText(Format::number(a.rejected.last24h));
    m_rejected24h->parentWidget()->setToolTip(
        tr("Rejected: %1 in 7 days, %2 all time")
            .arg(Format::number(a.rejected.last7d), Format::number(a.rejected.allTime)));
    m_lastUsed->setText(Format::relative(a.lastUsedAt));
    m_lastUsed->parentWidget()->setToolTip(Format::dateTime(a.lastUsedAt, tr("never")));
    showActivityChart();
    Charts::setRejectedByCode(m_codesChart, a.rejectedByCode);
    // Nothing rejected: one line says so, instead of an empty chart taking a quarter of
    // the page.
    m_codesChart->setVisible(!a.rejectedByCode.isEmpty());
    m_noRejections->setVisible(a.rejectedByCode.isEmpty());
}

void KeyDetailPage::showUsage()
{
    const KeyUsage &u = *m_usage;
    // The figure is the requests; the caption puts them against the limit (a "1,330 /
    // 100,000" figure is too wide for a row of six cards).
    m_monthUsage->setText(Format::number(u.currentMonth.used));
    if (u.currentMonth.limit > 0) {
        const double pct = 100.0 * double(u.currentMonth.used) / double(u.currentMonth.limit);
        m_monthCard->setCaption(tr("This month, of %1 (%2 %)")
                                    .arg(Format::number(u.currentMonth.limit),
                                         QLocale().toString(pct, 'f', pct < 10 ? 1 : 0)));
    }
    m_monthUsage->parentWidget()->setToolTip(tr("%1 plan: %2 per minute, %3 per month; resets %4")
                                                 .arg(Format::plan(u.plan), Format::number(u.perMinute),
                                                      Format::number(u.perMonth),
                                                      Format::dateTime(u.resetsAt)));
    Charts::setMonthlyUsage(m_monthlyChart,
                            u.months.isEmpty() ? QList<MonthUsage>{u.currentMonth} : u.months);
    Charts::setMinuteRequests(m_minuteChart, u.minutes);
    if (m_range == Charts::ActivityRange::LastHour)
        showActivityChart();
}

void KeyDetailPage::showActivityChart()
{
    Charts::setActivity(m_hourlyChart, m_range, m_activity ? m_activity->hourly : QList<HourlyPoint>{},
                        m_usage ? m_usage->minutes : QList<MinutePoint>{}, Format::nowMs());
}

std::optional<RequestLogEntry> KeyDetailPage::selectedRequest() const
{
    const QModelIndexList rows = m_requests->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_requestModel->rowAt(rows.first().row());
}

QString KeyDetailPage::curlCommand() const
{
    const auto entry = selectedRequest();
    const QString method = entry ? entry->method : u"GET"_s;
    const QString path = entry ? entry->path : u"/api/external/v1/usage"_s;
    QUrl target = m_workspace->client()->baseUrl();
    const QString base = target.toString(QUrl::RemoveUserInfo);
    QString cmd = u"curl -i"_s;
    if (method != "GET"_L1)
        cmd += u" -X "_s + method;
    // The full key is never stored: the command reads it from the environment.
    cmd += u" -H \"X-API-Key: $ZENOVAY_API_KEY\""_s;
    if (method == "POST"_L1 || method == "PATCH"_L1)
        cmd += u" -H 'Content-Type: application/json' -d '{}'"_s;
    cmd += u" '"_s + base + path + u"'"_s;
    return u"# key %1 (%2…): export ZENOVAY_API_KEY=zv_... first\n"_s.arg(m_key.name, m_key.prefix) + cmd +
           u'\n';
}

QString KeyDetailPage::diagnosticReport() const
{
    const QString base = m_workspace->client()->baseUrl().toString(QUrl::RemoveUserInfo);
    QStringList lines;
    lines << u"Zenovay API diagnostic report"_s;
    lines << u"Generated: %1"_s.arg(Core::Time::toIso(Format::nowMs()));
    lines << u"Client: zenovay-admin %1 (Qt %2)"_s.arg(QCoreApplication::applicationVersion(),
                                                       QString::fromLatin1(qVersion()));
    lines << u"Server: %1 (version %2)"_s.arg(base,
                                              m_serverVersion.isEmpty() ? u"unknown"_s : m_serverVersion);
    lines << QString();
    lines << u"Key"_s;
    lines << u"  Name: %1"_s.arg(m_key.name);
    lines << u"  ID: %1"_s.arg(m_key.id);
    lines << u"  Prefix: %1 (the rest of the key is redacted)"_s.arg(m_key.prefix);
    lines << u"  Permissions: %1"_s.arg(m_key.permissions.names().join(u", "_s));
    lines << u"  Team access: %1"_s.arg(m_key.teamAccess.all ? u"all"_s
                                                             : m_key.teamAccess.teamIds.join(u", "_s));
    lines << u"  Billing team: %1"_s.arg(m_key.billingTeamId);
    const KeyStatus status = m_workspace->keyStatus(m_key);
    lines << u"  Status: %1"_s.arg(status == KeyStatus::Active          ? u"active"_s
                                   : status == KeyStatus::NeedsPaidPlan ? u"inactive (billed to a Free team)"_s
                                   : status == KeyStatus::Revoked       ? u"revoked"_s
                                                                        : u"expired"_s);
    lines << u"  Created: %1"_s.arg(Core::Time::toIso(m_key.createdAt));
    lines << u"  Expires: %1"_s.arg(m_key.expiresAt ? Core::Time::toIso(*m_key.expiresAt) : u"never"_s);
    if (m_usage) {
        lines << u"  Plan: %1 (%2 per minute, %3 per month)"_s.arg(m_usage->plan)
                     .arg(m_usage->perMinute)
                     .arg(m_usage->perMonth);
        lines << u"  This month: %1 of %2 (resets %3)"_s.arg(m_usage->currentMonth.used)
                     .arg(m_usage->currentMonth.limit)
                     .arg(m_usage->resetsAt ? Core::Time::toIso(*m_usage->resetsAt) : QString());
    }
    if (m_activity) {
        const KeyActivity &a = *m_activity;
        lines << u"  Last used: %1"_s.arg(a.lastUsedAt ? Core::Time::toIso(*a.lastUsedAt) : u"never"_s);
        lines << u"  Accepted: %1 (24 h), %2 (7 days), %3 (all time)"_s.arg(a.accepted.last24h)
                     .arg(a.accepted.last7d)
                     .arg(a.accepted.allTime);
        lines << u"  Rejected: %1 (24 h), %2 (7 days), %3 (all time)"_s.arg(a.rejected.last24h)
                     .arg(a.rejected.last7d)
                     .arg(a.rejected.allTime);
        for (const CodeCounts &c : a.rejectedByCode)
            lines << u"    %1: %2 (24 h), %3 (7 days), %4 (all time)"_s.arg(c.code)
                         .arg(c.counts.last24h)
                         .arg(c.counts.last7d)
                         .arg(c.counts.allTime);
    }
    auto requestBlock = [&lines, &base, this](const RequestLogEntry &e, const QString &heading) {
        lines << QString() << heading;
        lines << u"  Timestamp: %1"_s.arg(Core::Time::toIso(e.at));
        lines << u"  Endpoint URL: %1%2"_s.arg(base, e.path);
        lines << u"  HTTP method: %1"_s.arg(e.method);
        lines << u"  Request headers: X-API-Key: %1"_s.arg(redactedKey(m_key.prefix));
        lines << u"  Request body: not recorded by the server"_s;
        lines << u"  Status code: %1"_s.arg(e.status);
        lines << u"  Response body: %1"_s.arg(e.code.isEmpty() ? u"(success)"_s
                                                               : u"{\"code\": \"%1\"}"_s.arg(e.code));
        lines << u"  Request ID: %1"_s.arg(e.requestId);
        lines << u"  Latency: %1 ms"_s.arg(e.latencyMs);
    };
    const auto selected = selectedRequest();
    if (selected)
        requestBlock(*selected, u"Selected request"_s);
    const QList<RequestLogEntry> &rows = m_requestModel->rows();
    int shown = 0;
    for (const RequestLogEntry &e : rows) {
        if (e.status < 400 || (selected && e.requestId == selected->requestId))
            continue;
        requestBlock(e, u"Recent failed request"_s);
        if (++shown == 5)
            break;
    }
    if (!selected && shown == 0 && !rows.isEmpty())
        requestBlock(rows.first(), u"Most recent request"_s);
    lines << QString();
    return lines.join(u'\n');
}

void KeyDetailPage::stopWatching()
{
    m_timer->stop();
}

void KeyDetailPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_key.id.isEmpty())
        m_timer->start();
}

void KeyDetailPage::hideEvent(QHideEvent *event)
{
    m_timer->stop();
    QWidget::hideEvent(event);
}

void KeyDetailPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (QChartView *v : {m_hourlyChart, m_codesChart, m_monthlyChart, m_minuteChart})
            Charts::applyPalette(v->chart(), palette());
    }
    QWidget::changeEvent(event);
}

} // namespace Gui
