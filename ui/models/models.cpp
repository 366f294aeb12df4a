#include "models.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr auto Right = Qt::AlignRight | Qt::AlignVCenter;

enum class TimeShown { DateTime, Date, Relative };

QVariant timeCell(std::optional<qint64> ms, int role, const QString &ifNone, TimeShown shown, qint64 now)
{
    switch (role) {
    case Qt::DisplayRole:
        return shown == TimeShown::Relative ? Format::relative(ms, now)
               : shown == TimeShown::Date   ? Format::date(ms, ifNone)
                                            : Format::dateTime(ms, ifNone);
    case Qt::ToolTipRole:
        return ms ? QVariant(Format::dateTime(ms)) : QVariant();
    case SortRole:
        return ms ? QVariant(*ms) : QVariant(qint64(-1));
    default:
        return {};
    }
}

// A coloured dot for a key's status: green active, amber inactive for its plan, grey
// expired, red revoked (the status text beside it says the same in words).
QIcon statusMark(KeyStatus status)
{
    static QHash<int, QIcon> cache;
    const auto found = cache.constFind(int(status));
    if (found != cache.cend())
        return *found;
    const QColor colour = status == KeyStatus::Active          ? QColor(0x2e, 0x7d, 0x32)
                          : status == KeyStatus::NeedsPaidPlan ? QColor(0xef, 0x6c, 0x00)
                          : status == KeyStatus::Expired       ? QColor(0x8a, 0x8a, 0x8a)
                                                               : QColor(0xc6, 0x28, 0x28);
    QIcon icon;
    for (const int size : {12, 16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const qreal inset = size / 4.0;
        painter.drawEllipse(QRectF(inset, inset, size - 2 * inset, size - 2 * inset));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(int(status), icon);
    return icon;
}

QVariant textCell(const QString &text, int role)
{
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
        return text;
    return {};
}

QFont monospace()
{
    QFont f(u"monospace"_s);
    f.setStyleHint(QFont::TypeWriter);
    return f;
}
} // namespace

ApiKeyModel::ApiKeyModel(QObject *parent) : RowTableModel(parent), m_now([] { return Format::nowMs(); })
{
    m_columns = {
        {tr("Name"),
         [](const Core::ApiKey &k, int role) -> QVariant {
             if (role == IdRole)
                 return k.id;
             if (role == FilterRole)
                 return QString(k.name + u' ' + k.prefix);
             if (role == SortRole)
                 return k.name.toLower();
             return textCell(k.name, role);
         }},
        {tr("Prefix"),
         [](const Core::ApiKey &k, int role) -> QVariant {
             if (role == Qt::FontRole)
                 return monospace();
             // A prefix only: the full key is never stored or shown after creation.
             if (role == Qt::DisplayRole)
                 return QString(k.prefix + u"…"_s);
             return textCell(k.prefix, role);
         }},
        {tr("Permissions"),
         [](const Core::ApiKey &k, int role) -> QVariant {
             if (role == SortRole)
                 return int(k.permissions.bits);
             return textCell(Format::permissions(k.permissions), role);
         }},
        {tr("Team access"),
         [this](const Core::ApiKey &k, int role) -> QVariant {
             return textCell(Format::teamAccess(k.teamAccess, m_teamNames), role);
         }},
        {tr("Created"),
         [this](const Core::ApiKey &k, int role) { return timeCell(k.createdAt, role, {}, TimeShown::Date, m_now()); }},
        {tr("Last used"),
         [this](const Core::ApiKey &k, int role) {
             return k.lastUsedAt ? timeCell(k.lastUsedAt, role, {}, TimeShown::Relative, m_now())
                                 : timeCell(k.lastUsedAt, role, tr("Never"), TimeShown::Date, m_now());
         }},
        {tr("Expires"),
         [this](const Core::ApiKey &k, int role) {
             return timeCell(k.expiresAt, role, tr("Never"), TimeShown::Date, m_now());
         }},
        {tr("Status"),
         [this](const Core::ApiKey &k, int role) -> QVariant {
             const KeyStatus s = statusOf(k);
             if (role == SortRole)
                 return int(s);
             if (role == Qt::ForegroundRole && s != KeyStatus::Active)
                 return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
             if (role == Qt::DecorationRole)
                 return statusMark(s);
             if (role == Qt::ToolTipRole && k.revokedAt)
                 return tr("Revoked %1").arg(Format::dateTime(k.revokedAt));
             if (role == Qt::ToolTipRole && s == KeyStatus::NeedsPaidPlan)
                 return tr("Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team "
                           "“%1” it is billed to is on the Free plan. A server admin can move the team "
                           "to a paid plan on the Teams page.")
                     .arg(m_teamNames.value(k.billingTeamId, k.billingTeamId));
             return textCell(Format::keyStatus(s), role);
         }},
    };
}

void ApiKeyModel::setTeamNames(QHash<QString, QString> names)
{
    m_teamNames = std::move(names);
    refreshAll();
}

void ApiKeyModel::setTeamPlans(QHash<QString, Core::Plan> plans)
{
    m_teamPlans = std::move(plans);
    refreshAll();
}

KeyStatus ApiKeyModel::statusOf(const Core::ApiKey &key) const
{
    const auto plan = m_teamPlans.constFind(key.billingTeamId);
    return Format::keyStatus(key, m_now(),
                             plan == m_teamPlans.cend() ? std::nullopt : std::optional<Core::Plan>(*plan));
}

void ApiKeyModel::setNow(std::function<qint64()> now)
{
    m_now = std::move(now);
    refreshAll();
}

int ApiKeyModel::rowOf(const QString &keyId) const
{
    for (int i = 0; i < rows().size(); ++i)
        if (rows().at(i).id == keyId)
            return i;
    return -1;
}

TeamModel::TeamModel(QObject *parent) : RowTableModel(parent)
{
    m_columns = {
        {tr("Name"),
         [](const TeamInfo &t, int role) -> QVariant {
             if (role == IdRole)
                 return t.team.id;
             if (role == SortRole)
                 return t.team.name.toLower();
             return textCell(t.team.name, role);
         }},
        {tr("Plan"),
         [](const TeamInfo &t, int role) -> QVariant {
             if (role == SortRole)
                 return int(t.team.plan);
             return textCell(Format::plan(t.team.plan), role);
         }},
        {tr("My role"),
         [](const TeamInfo &t, int role) -> QVariant {
             if (role == SortRole)
                 return t.myRole ? int(*t.myRole) : -1;
             return textCell(t.myRole ? Format::role(*t.myRole) : QString(), role);
         }},
        {tr("Created"),
         [](const TeamInfo &t, int role) { return timeCell(t.team.createdAt, role, {}, TimeShown::DateTime, 0); }},
    };
}

MemberModel::MemberModel(QObject *parent) : RowTableModel(parent)
{
    m_columns = {
        {tr("Name"),
         [](const MemberInfo &m, int role) -> QVariant {
             if (role == IdRole)
                 return m.membership.userId;
             return textCell(m.name, role);
         }},
        {tr("Email"), [](const MemberInfo &m, int role) { return textCell(m.email, role); }},
        {tr("Role"),
         [](const MemberInfo &m, int role) -> QVariant {
             if (role == SortRole)
                 return int(m.membership.role);
             return textCell(Format::role(m.membership.role), role);
         }},
        {tr("Joined"),
         [](const MemberInfo &m, int role) { return timeCell(m.membership.joinedAt, role, {}, TimeShown::DateTime, 0); }},
    };
}

WebsiteModel::WebsiteModel(QObject *parent) : RowTableModel(parent)
{
    m_columns = {
        {tr("Name"),
         [](const Core::Website &w, int role) -> QVariant {
             if (role == IdRole)
                 return w.id;
             if (role == SortRole)
                 return w.name.toLower();
             return textCell(w.name, role);
         }},
        {tr("Domain"),
         [](const Core::Website &w, int role) -> QVariant {
             if (role == Qt::ToolTipRole)
                 return w.url;
             return textCell(w.domain.isEmpty() ? w.url : w.domain, role);
         }},
        {tr("Team"),
         [this](const Core::Website &w, int role) { return textCell(m_teamNames.value(w.teamId), role); }},
        {tr("Tracking code"),
         [](const Core::Website &w, int role) -> QVariant {
             if (role == Qt::FontRole)
                 return monospace();
             return textCell(w.trackingCode, role);
         }},
        {tr("Created"),
         [](const Core::Website &w, int role) { return timeCell(w.createdAt, role, {}, TimeShown::DateTime, 0); }},
    };
}

void WebsiteModel::setTeamNames(QHash<QString, QString> names)
{
    m_teamNames = std::move(names);
    refreshAll();
}

int WebsiteModel::rowOf(const QString &websiteId) const
{
    for (int i = 0; i < rows().size(); ++i)
        if (rows().at(i).id == websiteId)
            return i;
    return -1;
}

RequestLogModel::RequestLogModel(QObject *parent) : RowTableModel(parent)
{
    m_columns = {
        {tr("Time"),
         [](const RequestLogEntry &e, int role) -> QVariant {
             if (role == Qt::DisplayRole)
                 return Format::dateTime(e.at);
             if (role == SortRole)
                 return e.at;
             return {};
         }},
        {tr("Key"), [](const RequestLogEntry &e, int role) { return textCell(e.keyName, role); }},
        {tr("Method"), [](const RequestLogEntry &e, int role) { return textCell(e.method, role); }},
        // Every path is under the external API's base: the cell says what differs
        // ("/websites"), its tooltip and the sort the whole path.
        {tr("Path"),
         [](const RequestLogEntry &e, int role) -> QVariant {
             static const QString Base = u"/api/external/v1"_s;
             if (role == Qt::DisplayRole && e.path.startsWith(Base + u'/'))
                 return e.path.mid(Base.size());
             return textCell(e.path, role);
         }},
        {tr("Status"),
         [](const RequestLogEntry &e, int role) -> QVariant {
             if (role == Qt::DisplayRole || role == SortRole)
                 return e.status;
             if (role == Qt::ForegroundRole && e.status >= 400)
                 return QBrush(e.status >= 500 ? QColor(0xc6, 0x28, 0x28) : QColor(0xd8, 0x43, 0x15));
             return {};
         },
         Right},
        {tr("Code"), [](const RequestLogEntry &e, int role) { return textCell(e.code, role); }},
        {tr("Latency"),
         [](const RequestLogEntry &e, int role) -> QVariant {
             if (role == Qt::DisplayRole)
                 return tr("%1 ms").arg(QLocale().toString(e.latencyMs, 'f', e.latencyMs < 10 ? 1 : 0));
             if (role == SortRole)
                 return e.latencyMs;
             return {};
         },
         Right},
        {tr("Request ID"),
         [](const RequestLogEntry &e, int role) -> QVariant {
             if (role == Qt::FontRole)
                 return monospace();
             return textCell(e.requestId, role);
         }},
    };
}

UsageModel::UsageModel(QObject *parent) : RowTableModel(parent)
{
    auto usageNumber = [](const UsageRow &r, int role, auto get) -> QVariant {
        if (!r.usage)
            return role == Qt::DisplayRole
                       ? QVariant(r.error.isEmpty() ? u"…"_s : u"—"_s)
                       : (role == Qt::ToolTipRole && !r.error.isEmpty() ? QVariant(r.error) : QVariant());
        const qint64 v = get(*r.usage);
        if (role == Qt::DisplayRole)
            return Format::number(v);
        if (role == SortRole)
            return v;
        return {};
    };
    m_columns = {
        {tr("Key"),
         [](const UsageRow &r, int role) -> QVariant {
             if (role == IdRole)
                 return r.key.id;
             return textCell(r.key.name, role);
         }},
        {tr("Prefix"),
         [](const UsageRow &r, int role) -> QVariant {
             if (role == Qt::FontRole)
                 return monospace();
             return textCell(r.key.prefix, role);
         }},
        {tr("Plan"),
         [](const UsageRow &r, int role) {
             return textCell(r.usage ? Format::plan(r.usage->plan) : QString(), role);
         }},
        {tr("Used this month"),
         [usageNumber](const UsageRow &r, int role) {
             return usageNumber(r, role, [](const KeyUsage &u) { return u.currentMonth.used; });
         },
         Right},
        {tr("Monthly limit"),
         [usageNumber](const UsageRow &r, int role) {
             return usageNumber(r, role, [](const KeyUsage &u) { return u.currentMonth.limit; });
         },
         Right},
        {tr("Used"),
         [](const UsageRow &r, int role) -> QVariant {
             if (!r.usage || r.usage->currentMonth.limit <= 0)
                 return role == SortRole ? QVariant(-1.0) : QVariant();
             const double pct =
                 100.0 * double(r.usage->currentMonth.used) / double(r.usage->currentMonth.limit);
             if (role == Qt::DisplayRole)
                 return tr("%1 %").arg(QLocale().toString(pct, 'f', pct < 10 ? 1 : 0));
             if (role == SortRole)
                 return pct;
             if (role == Qt::ForegroundRole && pct >= 90)
                 return QBrush(QColor(0xc6, 0x28, 0x28));
             return {};
         },
         Right},
        {tr("Per minute"),
         [usageNumber](const UsageRow &r, int role) {
             return usageNumber(r, role, [](const KeyUsage &u) { return u.perMinute; });
         },
         Right},
        {tr("Resets"),
         [](const UsageRow &r, int role) {
             return timeCell(r.usage ? r.usage->resetsAt : std::nullopt, role, {}, TimeShown::DateTime, 0);
         }},
    };
}

int UsageModel::rowOf(const QString &keyId) const
{
    for (int i = 0; i < rows().size(); ++i)
        if (rows().at(i).key.id == keyId)
            return i;
    return -1;
}

KeyFilterModel::KeyFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void KeyFilterModel::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void KeyFilterModel::setStatusFilter(StatusFilter filter)
{
    m_status = filter;
    invalidateFilter();
}

bool KeyFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_status != StatusFilter::All) {
        const auto status =
            KeyStatus(model->index(sourceRow, ApiKeyModel::Status, sourceParent).data(SortRole).toInt());
        const bool active = status == KeyStatus::Active;
        if ((m_status == StatusFilter::Active) != active)
            return false;
    }
    if (m_search.isEmpty())
        return true;
    for (int c = 0; c < model->columnCount(sourceParent); ++c) {
        const QModelIndex idx = model->index(sourceRow, c, sourceParent);
        const QVariant filterText = idx.data(FilterRole);
        const QString text =
            filterText.isValid() ? filterText.toString() : idx.data(Qt::DisplayRole).toString();
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Gui
