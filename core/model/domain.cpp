#include "domain.h"

#include <QUuid>

namespace Core {

namespace {
// The wire names of the enumerations, one table each, read both ways.
template <typename E>
struct Named
{
    E value;
    QLatin1StringView name;
};
constexpr Named<Plan> PlanNames[] = {{Plan::Free, QLatin1StringView("free")},
                                     {Plan::Pro, QLatin1StringView("pro")},
                                     {Plan::Scale, QLatin1StringView("scale")},
                                     {Plan::Enterprise, QLatin1StringView("enterprise")}};
constexpr Named<Role> RoleNames[] = {{Role::Member, QLatin1StringView("member")},
                                     {Role::Admin, QLatin1StringView("admin")},
                                     {Role::Owner, QLatin1StringView("owner")}};
constexpr Named<Permissions::Flag> PermissionNames[] = {{Permissions::Read, QLatin1StringView("read")},
                                                        {Permissions::Write, QLatin1StringView("write")},
                                                        {Permissions::Admin, QLatin1StringView("admin")}};

template <typename E, size_t N>
QString nameOf(const Named<E> (&table)[N], E value)
{
    for (const Named<E> &entry : table)
        if (entry.value == value)
            return entry.name.toString();
    return {};
}

template <typename E, size_t N>
std::optional<E> valueOf(const Named<E> (&table)[N], QStringView name)
{
    for (const Named<E> &entry : table)
        if (name == entry.name)
            return entry.value;
    return std::nullopt;
}
} // namespace

QString planName(Plan plan)
{
    return nameOf(PlanNames, plan);
}

std::optional<Plan> planFromName(const QString &name)
{
    return valueOf(PlanNames, name);
}

QString roleName(Role role)
{
    return nameOf(RoleNames, role);
}

std::optional<Role> roleFromName(const QString &name)
{
    return valueOf(RoleNames, name);
}

QStringList Permissions::names() const
{
    QStringList out;
    for (const auto &entry : PermissionNames)
        if (has(entry.value))
            out << entry.name.toString();
    return out;
}

std::optional<Permissions> Permissions::fromNames(const QStringList &names)
{
    Permissions p;
    for (const QString &n : names) {
        const auto flag = valueOf(PermissionNames, n);
        if (!flag)
            return std::nullopt;
        p.bits |= *flag;
    }
    return p;
}

QList<PlanLimits> defaultPlanLimits()
{
    return {{Plan::Free, 0, 0},
            {Plan::Pro, 30, 10'000},
            {Plan::Scale, 60, 100'000},
            {Plan::Enterprise, 120, 1'000'000}};
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Core
