#include "websiteservice.h"

#include "core/accounts/validation.h"
#include "core/json/jsoninput.h"
#include "core/model/clock.h"
#include "core/model/serviceerror.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/websiterepository.h"
#include "addresslist.h"

#include <QUrl>

namespace Core {

namespace {
constexpr qsizetype MaxUrlLength = 2048;
}

WebsiteService::Fields WebsiteService::Fields::fromJson(const QJsonObject &body)
{
    return {JsonInput::optionalString(body, QStringLiteral("team_id")),
            JsonInput::optionalString(body, QStringLiteral("name")),
            JsonInput::optionalString(body, QStringLiteral("url")),
            JsonInput::optionalStringList(body, QStringLiteral("excluded_ips"))};
}

std::optional<QString> WebsiteService::domainOf(const QString &text)
{
    if (text.isEmpty() || text.size() > MaxUrlLength || text != text.trimmed())
        return std::nullopt;
    for (const QChar c : text)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return std::nullopt;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return std::nullopt;
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.isEmpty() || !text.contains(QLatin1String("://")))
        return std::nullopt;
    return host;
}

QMap<QString, QString> WebsiteService::validate(const std::optional<QString> &name,
                                                const std::optional<QString> &url, bool creating,
                                                const std::optional<QStringList> &excludedIps)
{
    QMap<QString, QString> details;
    QString problem;
    if (excludedIps && !AddressList::parse(*excludedIps, &problem))
        details.insert(QStringLiteral("excluded_ips"), problem);
    if (name || creating)
        if (auto e = Validation::checkName(name.value_or(QString())))
            details.insert(QStringLiteral("name"), *e);
    if (url || creating) {
        if (url.value_or(QString()).isEmpty())
            details.insert(QStringLiteral("url"), QStringLiteral("URL is required"));
        else if (url->size() > MaxUrlLength)
            details.insert(QStringLiteral("url"),
                           QStringLiteral("URL too long (max %1 characters)").arg(MaxUrlLength));
        else if (!domainOf(*url))
            details.insert(QStringLiteral("url"), QStringLiteral("Invalid URL format"));
    }
    return details;
}

Website WebsiteService::create(const QString &teamId, const QString &name, const QString &url,
                               const std::optional<QStringList> &excludedIps)
{
    const QMap<QString, QString> details = validate(name, url, true, excludedIps);
    if (!details.isEmpty())
        throw ServiceError::validation(details);
    if (!TeamRepository(m_db).findById(teamId))
        throw ServiceError::notFound(QStringLiteral("Team not found"));
    Website w;
    w.id = newId();
    w.teamId = teamId;
    w.name = name.trimmed();
    w.url = url;
    w.domain = *domainOf(url);
    w.trackingCode = newTrackingCode();
    w.createdAt = m_clock.nowMs();
    if (excludedIps)
        w.excludedIps = AddressList::parse(*excludedIps, nullptr)->toText();
    WebsiteRepository(m_db).insert(w);
    return w;
}

Website WebsiteService::update(const QString &id, const Fields &fields)
{
    WebsiteRepository repo(m_db);
    auto w = repo.findById(id);
    if (!w)
        throw ServiceError::notFound(QStringLiteral("Website not found"));
    const QMap<QString, QString> details = validate(fields.name, fields.url, false, fields.excludedIps);
    if (!details.isEmpty())
        throw ServiceError::validation(details);
    if (fields.name)
        w->name = fields.name->trimmed();
    if (fields.url) {
        w->url = *fields.url;
        w->domain = *domainOf(*fields.url);
    }
    if (fields.excludedIps)
        w->excludedIps = AddressList::parse(*fields.excludedIps, nullptr)->toText();
    repo.update(*w);
    return *w;
}

void WebsiteService::remove(const QString &id)
{
    Transaction tx(m_db);
    if (!WebsiteRepository(m_db).remove(id))
        throw ServiceError::notFound(QStringLiteral("Website not found"));
    tx.commit();
}

std::optional<Website> WebsiteService::find(const QString &id) const
{
    return WebsiteRepository(m_db).findById(id);
}

Website WebsiteService::requireForMember(const QString &id, const QString &userId) const
{
    auto website = WebsiteRepository(m_db).findById(id);
    if (!website || !TeamRepository(m_db).membership(website->teamId, userId))
        throw ServiceError::notFound(QStringLiteral("Website not found"));
    return std::move(*website);
}

void WebsiteService::removeAsMember(const QString &id, const QString &userId)
{
    const Website website = requireForMember(id, userId);
    const auto membership = TeamRepository(m_db).membership(website.teamId, userId);
    if (!membership || membership->role < Role::Admin)
        throw ServiceError::forbidden(
            "FORBIDDEN", QStringLiteral("Only an owner or admin of the team may delete its websites"));
    remove(website.id);
}

WebsiteService::Page WebsiteService::listForMember(const QString &userId, int page, int perPage) const
{
    QStringList teamIds;
    for (const Membership &m : TeamRepository(m_db).membershipsOfUser(userId))
        teamIds << m.teamId;
    return list(teamIds, page, perPage);
}

WebsiteService::Page WebsiteService::list(const QStringList &teamIds, int page, int perPage) const
{
    page = qMax(1, page);
    perPage = qBound(1, perPage, 100);
    WebsiteRepository repo(m_db);
    Page out;
    out.page = page;
    out.perPage = perPage;
    out.total = repo.countForTeams(teamIds);
    const qint64 offset = qint64(page - 1) * perPage;
    if (offset < out.total)
        out.items = repo.listForTeams(teamIds, int(offset), perPage);
    return out;
}

} // namespace Core
