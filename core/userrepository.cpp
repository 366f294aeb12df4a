#include "userrepository.h"

#include "database.h"
#include "emailaddress.h"

#include <algorithm>

namespace Core {

namespace {
const QString Columns = QStringLiteral("id, email, name, created_at, is_server_admin, disabled");

User fromRow(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toString();
    u.email = q.value(1).toString();
    u.name = q.value(2).toString();
    u.createdAt = q.value(3).toLongLong();
    u.isServerAdmin = q.value(4).toBool();
    u.disabled = q.value(5).toBool();
    return u;
}
} // namespace

void UserRepository::insert(const User &user, const QString &passwordHash)
{
    Statement q = m_db.prepare(QStringLiteral(
        "INSERT INTO users (id, email, name, password_hash, is_server_admin, disabled, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(user.id);
    q.addBindValue(user.email.toLower());
    q.addBindValue(user.name);
    q.addBindValue(passwordHash);
    q.addBindValue(user.isServerAdmin ? 1 : 0);
    q.addBindValue(user.disabled ? 1 : 0);
    q.addBindValue(user.createdAt);
    exec(q);
}

std::optional<User> UserRepository::findById(const QString &id) const
{
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE id = ?"));
    q.addBindValue(id);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<User> UserRepository::findByEmail(const QString &email) const
{
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE email = ?"));
    q.addBindValue(email.toLower());
    exec(q);
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<User> UserRepository::findForEmail(const QString &typed) const
{
    const QString asTyped = typed.trimmed().toLower();
    if (auto user = findByEmail(asTyped))
        return user;
    const QString wanted = EmailAddress::normalised(typed);
    if (wanted != asTyped)
        if (auto user = findByEmail(wanted))
            return user;
    // Addresses stored before normalisation: only non-ASCII ones can differ from their
    // normalised form (ASCII ones were stored trimmed and lower-cased).
    QString match;
    {
        Statement q = m_db.prepare(QStringLiteral("SELECT id, email FROM users ORDER BY created_at, id"));
        exec(q);
        while (match.isEmpty() && q.next()) {
            const QString stored = q.value(1).toString();
            const bool ascii =
                std::all_of(stored.cbegin(), stored.cend(), [](QChar c) { return c.unicode() < 0x80; });
            if (!ascii && EmailAddress::normalised(stored) == wanted)
                match = q.value(0).toString();
        }
    }
    return match.isEmpty() ? std::nullopt : findById(match);
}

std::optional<QString> UserRepository::passwordHashOf(const QString &userId) const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
    q.addBindValue(userId);
    exec(q);
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

QList<User> UserRepository::list() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT ") + Columns +
                               QStringLiteral(" FROM users ORDER BY created_at, email"));
    exec(q);
    QList<User> out;
    while (q.next())
        out << fromRow(q);
    return out;
}

qint64 UserRepository::count() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool UserRepository::update(const User &user)
{
    Statement q = m_db.prepare(
        QStringLiteral("UPDATE users SET name = ?, is_server_admin = ?, disabled = ? WHERE id = ?"));
    q.addBindValue(user.name);
    q.addBindValue(user.isServerAdmin ? 1 : 0);
    q.addBindValue(user.disabled ? 1 : 0);
    q.addBindValue(user.id);
    exec(q);
    return q.numRowsAffected() > 0;
}

} // namespace Core
