#pragma once

#include "rowtablemodel.h"
#include "ui/client/apitypes.h"
#include "ui/format.h"

#include <QHash>
#include <QSortFilterProxyModel>

namespace Gui {

// Personal API keys: name, prefix, permissions, team access, created, last used
// (relative), expiry, status. Never holds a full key: the list has prefixes only.
class ApiKeyModel final : public RowTableModel<Core::ApiKey>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::ApiKeyModel)
public:
    enum Column { Name, Prefix, Permissions, TeamAccess, Created, LastUsed, Expires, Status };
    explicit ApiKeyModel(QObject *parent = nullptr);
    void setTeamNames(QHash<QString, QString> names);
    // The plans of the teams keys are billed to: a key billed to a Free team is inactive.
    void setTeamPlans(QHash<QString, Core::Plan> plans);
    KeyStatus statusOf(const Core::ApiKey &key) const;
    // The clock used for relative times and expiry (tests pin it).
    void setNow(std::function<qint64()> now);
    int rowOf(const QString &keyId) const;

private:
    QHash<QString, QString> m_teamNames;
    QHash<QString, Core::Plan> m_teamPlans;
    std::function<qint64()> m_now;
};

class TeamModel final : public RowTableModel<TeamInfo>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::TeamModel)
public:
    enum Column { Name, Plan, MyRole, Created };
    explicit TeamModel(QObject *parent = nullptr);
};

class MemberModel final : public RowTableModel<MemberInfo>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::MemberModel)
public:
    enum Column { Name, Email, Role, Joined };
    explicit MemberModel(QObject *parent = nullptr);
};

class WebsiteModel final : public RowTableModel<Core::Website>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::WebsiteModel)
public:
    enum Column { Name, Domain, Team, TrackingCode, Created };
    explicit WebsiteModel(QObject *parent = nullptr);
    void setTeamNames(QHash<QString, QString> names);
    int rowOf(const QString &websiteId) const;

private:
    QHash<QString, QString> m_teamNames;
};

class RequestLogModel final : public RowTableModel<RequestLogEntry>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::RequestLogModel)
public:
    enum Column { Time, Key, Method, Path, Status, Code, Latency, RequestId };
    explicit RequestLogModel(QObject *parent = nullptr);
};

// One row per key: this month's usage against its plan's quota.
struct UsageRow
{
    Core::ApiKey key;
    std::optional<KeyUsage> usage;
    QString error;
};

class UsageModel final : public RowTableModel<UsageRow>
{
    Q_DECLARE_TR_FUNCTIONS(Gui::UsageModel)
public:
    enum Column { Key, Prefix, Plan, Used, Limit, Percent, PerMinute, Resets };
    explicit UsageModel(QObject *parent = nullptr);
    int rowOf(const QString &keyId) const;
};

// Search box + status filter over the key table.
class KeyFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class StatusFilter { All, Active, Inactive };
    explicit KeyFilterModel(QObject *parent = nullptr);
    void setSearchText(const QString &text);
    void setStatusFilter(StatusFilter filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    StatusFilter m_status = StatusFilter::All;
};

} // namespace Gui
