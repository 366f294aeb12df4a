#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Core {

enum class Plan { Free, Pro, Scale, Enterprise };
enum class Role { Member, Admin, Owner };

QString planName(Plan plan);
std::optional<Plan> planFromName(const QString &name);
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

// Bit set of key permissions. All three together are "Full access".
struct Permissions
{
    enum Flag : quint8 { Read = 1, Write = 2, Admin = 4 };
    quint8 bits = 0;

    bool has(Flag f) const { return (bits & f) != 0; }
    bool isEmpty() const { return bits == 0; }
    bool isFullAccess() const { return bits == (Read | Write | Admin); }
    QStringList names() const;
    // Strict: every entry must be a known name; duplicates are fine.
    static std::optional<Permissions> fromNames(const QStringList &names);
    friend bool operator==(Permissions, Permissions) = default;
};

// Which teams a key may act on: every team the user belongs to at request time, or a list.
struct TeamAccess
{
    bool all = true;
    QStringList teamIds;
    bool allows(const QString &teamId) const { return all || teamIds.contains(teamId); }
    friend bool operator==(const TeamAccess &, const TeamAccess &) = default;
};

struct User
{
    QString id;
    QString email;
    QString name;
    qint64 createdAt = 0;
    bool isServerAdmin = false;
    bool disabled = false;
};

struct Team
{
    QString id;
    QString name;
    Plan plan = Plan::Free;
    qint64 createdAt = 0;
};

struct Membership
{
    QString teamId;
    QString userId;
    Role role = Role::Member;
    qint64 joinedAt = 0;
};

struct Website
{
    QString id;
    QString teamId;
    QString name;
    QString url;
    QString domain;
    QString trackingCode;
    qint64 createdAt = 0;
    // Addresses and CIDR ranges whose events are dropped ("excluded"): canonical entries
    // joined by ", " (Core::AddressList), empty for none.
    QString excludedIps;
};

struct ApiKey
{
    QString id;
    QString userId;
    QString name;
    QString prefix;
    QByteArray hash; // SHA-256 of the full key, 32 bytes
    Permissions permissions;
    TeamAccess teamAccess;
    QString billingTeamId;
    qint64 createdAt = 0;
    std::optional<qint64> expiresAt;
    std::optional<qint64> revokedAt;
    std::optional<qint64> lastUsedAt;
};

struct PlanLimits
{
    Plan plan = Plan::Free;
    qint64 perMinute = 0;
    qint64 perMonth = 0;
};

// The defaults of the public guide; a server admin may change them.
QList<PlanLimits> defaultPlanLimits();

QString newId();

} // namespace Core
