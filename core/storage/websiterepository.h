#pragma once

#include "core/model/domain.h"

#include <optional>

namespace Core {

class Database;

class WebsiteRepository final
{
public:
    explicit WebsiteRepository(const Database &db) : m_db(db) {}

    void insert(const Website &website);
    std::optional<Website> findById(const QString &id) const;
    std::optional<Website> findByTrackingCode(const QString &code) const;
    // Websites of the given teams, newest first, one page of them, and how many there are.
    QList<Website> listForTeams(const QStringList &teamIds, int offset, int limit) const;
    qint64 countForTeams(const QStringList &teamIds) const;
    bool update(const Website &website);
    bool remove(const QString &id);

private:
    const Database &m_db;
};

// A fresh random tracking code ("ZV-" + 12 base32 characters).
QString newTrackingCode();

} // namespace Core
