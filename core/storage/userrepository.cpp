#include "userrepository.h"

#include "core/accounts/emailaddress.h"
#include "database.h"

#include <QSet>

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
    run(m_db,
        QStringLiteral("INSERT INTO users (id, email, email_key, email_skeleton, name, "
                       "password_hash, is_server_admin, disabled, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        user.id, user.email.toLower(), EmailAddress::normalised(user.email),
        EmailAddress::skeleton(user.email), user.name, passwordHash, user.isServerAdmin ? 1 : 0,
        user.disabled ? 1 : 0, user.createdAt);
}

std::optional<User> UserRepository::findById(const QString &id) const
{
    return firstRow(
        run(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE id = ?"), id),
        fromRow);
}

std::optional<User> UserRepository::findByEmail(const QString &email) const
{
    return firstRow(run(m_db,
                        QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE email = ?"),
                        email.toLower()),
                    fromRow);
}

std::optional<User> UserRepository::findForEmail(const QString &typed) const
{
    if (auto user = findByEmail(typed.trimmed()))
        return user;
    return firstRow(
        run(m_db, QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE email_key = ?"),
            EmailAddress::normalised(typed)),
        fromRow);
}

std::optional<User> UserRepository::findLookingLike(const QString &typed) const
{
    return firstRow(run(m_db,
                        QStringLiteral("SELECT ") + Columns +
                            QStringLiteral(" FROM users WHERE email_skeleton = ? ORDER BY created_at, id"),
                        EmailAddress::skeleton(typed)),
                    fromRow);
}

qsizetype UserRepository::refreshEmailKeys()
{
    struct Row
    {
        QString id;
        std::optional<QString> key, storedKey;
        QString skeleton;
    };
    QList<Row> changed;
    {
        Statement q = m_db.prepare(
            QStringLiteral("SELECT id, email, email_key, email_skeleton FROM users ORDER BY created_at, id"));
        exec(q);
        QSet<QString> taken;
        while (q.next()) {
            const QString email = q.value(1).toString();
            const QString key = EmailAddress::normalised(email);
            Row row{q.value(0).toString(), taken.contains(key) ? std::nullopt : std::optional(key),
                    q.isNull(2) ? std::nullopt : std::optional(q.value(2).toString()),
                    EmailAddress::skeleton(email)};
            taken.insert(key);
            if (row.key != row.storedKey || q.isNull(3) || row.skeleton != q.value(3).toString())
                changed.append(row);
        }
    }
    if (changed.isEmpty())
        return 0;
    Transaction tx(m_db);
    // Changed keys are cleared first, so no row's new key collides with another's old one.
    for (const Row &r : std::as_const(changed)) {
        if (!r.storedKey || r.key == r.storedKey)
            continue;
        Statement q = m_db.prepare(QStringLiteral("UPDATE users SET email_key = NULL WHERE id = ?"));
        q.addBindValue(r.id);
        exec(q);
    }
    for (const Row &r : std::as_const(changed)) {
        Statement q =
            m_db.prepare(QStringLiteral("UPDATE users SET email_key = ?, email_skeleton = ? WHERE id = ?"));
        q.addBindValue(r.key ? QVariant(*r.key) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(r.skeleton);
        q.addBindValue(r.id);
        exec(q);
    }
    tx.commit();
    return changed.size();
}

std::optional<QString> UserRepository::passwordHashOf(const QString &userId) const
{
    Statement q = run(m_db, QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), userId);
    if (!q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool UserRepository::replacePasswordHash(const QString &userId, const QString &expected,
                                         const QString &replacement)
{
    Statement q =
        run(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?"),
            replacement, userId, expected);
    return q.numRowsAffected() > 0;
}

QList<std::pair<QString, QString>> UserRepository::pbkdf2Hashes() const
{
    Statement q = run(m_db, QStringLiteral("SELECT id, password_hash FROM users WHERE password_hash LIKE "
                                           "'pbkdf2-sha256%' ORDER BY id"));
    QList<std::pair<QString, QString>> rows;
    while (q.next())
        rows.append({q.value(0).toString(), q.value(1).toString()});
    return rows;
}

QStringList UserRepository::passwordHashes() const
{
    Statement q = run(m_db, QStringLiteral("SELECT password_hash FROM users"));
    QStringList hashes;
    while (q.next())
        hashes << q.value(0).toString();
    return hashes;
}

QList<User> UserRepository::list() const
{
    return allRows(run(m_db, QStringLiteral("SELECT ") + Columns +
                                 QStringLiteral(" FROM users ORDER BY created_at, email")),
                   fromRow);
}

qint64 UserRepository::count() const
{
    Statement q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM users"));
    exec(q);
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool UserRepository::update(const User &user)
{
    Statement q =
        run(m_db, QStringLiteral("UPDATE users SET name = ?, is_server_admin = ?, disabled = ? WHERE id = ?"),
            user.name, user.isServerAdmin ? 1 : 0, user.disabled ? 1 : 0, user.id);
    return q.numRowsAffected() > 0;
}

} // namespace Core
