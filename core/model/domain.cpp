#include "domain.h"

#include <QUuid>

namespace Core {

QString planName(Plan plan)
{
    switch (plan) {
    case Plan::Free:
        return QStringLiteral("free");
    case Plan::Pro:
        return QStringLiteral("pro");
    case Plan::Scale:
        return QStringLiteral("scale");
    case Plan::Enterprise:
        return QStringLiteral("enterprise");
    }
    return {};
}

std::optional<Plan> planFromName(const QString &name)
{
    for (Plan p : {Plan::Free, Plan::Pro, Plan::Scale, Plan::Enterprise})
        if (planName(p) == name)
            return p;
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Member:
        return QStringLiteral("member");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Owner:
        return QStringLiteral("owner");
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role r : {Role::Member, Role::Admin, Role::Owner})
        if (roleName(r) == name)
            return r;
    return std::nullopt;
}

QStringList Permissions::names() const
{
    QStringList out;
    if (has(Read))
        out << QStringLiteral("read");
    if (has(Write))
        out << QStringLiteral("write");
    if (has(Admin))
        out << QStringLiteral("admin");
    return out;
}

std::optional<Permissions> Permissions::fromNames(const QStringList &names)
{
    Permissions p;
    for (const QString &n : names) {
        if (n == QLatin1String("read"))
            p.bits |= Read;
        else if (n == QLatin1String("write"))
            p.bits |= Write;
        else if (n == QLatin1String("admin"))
            p.bits |= Admin;
        else
            return std::nullopt;
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
