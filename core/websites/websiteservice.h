#pragma once

#include "core/model/domain.h"

#include <QJsonObject>
#include <QMap>

#include <optional>

namespace Core {

class Clock;
class Database;

// Websites. The admin API checks team membership with requireForMember(), the external
// API checks the key's reach (Core::KeyAuthenticator::website), before calling in.
class WebsiteService final
{
public:
    struct Fields
    {
        std::optional<QString> teamId;
        std::optional<QString> name;
        std::optional<QString> url;
        std::optional<QStringList> excludedIps; // as given; see AddressList
        // Reads team_id, name, url and excluded_ips (an array of strings); a wrong JSON
        // type throws INVALID_PARAMETER (400).
        static Fields fromJson(const QJsonObject &body);
    };
    struct Page
    {
        QList<Website> items;
        qint64 total = 0;
        int page = 1;
        int perPage = 50;
    };

    // The one set of website rules. Returns field -> message ("Name is required",
    // "Name too long (max 100 characters)", "Invalid URL format"); empty when valid.
    // When creating, name and url are required.
    static QMap<QString, QString> validate(const std::optional<QString> &name,
                                           const std::optional<QString> &url, bool creating,
                                           const std::optional<QStringList> &excludedIps = std::nullopt);
    // The host of a valid absolute http/https URL, lower-cased.
    static std::optional<QString> domainOf(const QString &url);

    WebsiteService(const Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // 404 when the team does not exist, 422 for invalid fields.
    Website create(const QString &teamId, const QString &name, const QString &url,
                   const std::optional<QStringList> &excludedIps = std::nullopt);
    Website update(const QString &id, const Fields &fields);
    // Deletes the website and its events; 404 when unknown.
    void remove(const QString &id);
    std::optional<Website> find(const QString &id) const;
    // The one "member may act on this website" rule of the admin API: the website, if
    // userId is a member of its team; otherwise 404 NOT_FOUND "Website not found" (never
    // 403, so the ids of other teams' websites are not confirmed).
    Website requireForMember(const QString &id, const QString &userId) const;
    // Deleting a website (and its events) takes an owner or admin of its team: 404 as
    // above for a non-member, 403 FORBIDDEN for a plain member.
    void removeAsMember(const QString &id, const QString &userId);
    // The websites of every team userId is a member of, newest first.
    Page listForMember(const QString &userId, int page, int perPage) const;
    // Newest first; page >= 1, perPage 1..100.
    Page list(const QStringList &teamIds, int page, int perPage) const;

private:
    const Database &m_db;
    const Clock &m_clock;
};

} // namespace Core
