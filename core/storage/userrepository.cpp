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
    Statement q =
        m_db.prepare(QStringLiteral("INSERT INTO users (id, email, email_key, email_skeleton, name, "
                                    "password_hash, is_server_admin, disabled, created_at) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(user.id);
    q.addBindValue(user.email.toLower());
    q.addBindValue(EmailAddress::normalised(user.email));
    q.addBindValue(EmailAddress::skeleton(user.email));
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
    if (auto user = findByEmail(typed.trimmed()))
        return user;
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM users WHERE email_key = ?"));
    q.addBindValue(EmailAddress::normalised(typed));
    exec(q);
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<User> UserRepository::findLookingLike(const QString &typed) const
{
    Statement q =
        m_db.prepare(QStringLiteral("SELECT ") + Columns +
                     QStringLiteral(" FROM users WHERE email_skeleton = ? ORDER BY created_at, id"));
    q.addBindValue(EmailAddress::skeleton(typed));
    exec(q);
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
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
