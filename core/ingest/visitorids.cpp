#include "visitorids.h"

#include "core/model/clock.h"
#include "core/model/timeutil.h"
#include "core/storage/database.h"
#include "core/storage/storageerror.h"

#include <QLoggingCategory>
#include <QMutexLocker>

#include <sodium.h>

Q_DECLARE_LOGGING_CATEGORY(lcIngest)

namespace Core {

namespace {
constexpr qint64 DayMs = 86'400'000;
constexpr qsizetype SaltBytes = crypto_generichash_KEYBYTES; // 32
static_assert(VisitorIds::Bytes >= crypto_generichash_BYTES_MIN);

void feed(crypto_generichash_state &state, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const quint32 size = quint32(utf8.size()); // length-prefixed: ("ab","c") != ("a","bc")
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(&size), sizeof size);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(utf8.constData()),
                              size_t(utf8.size()));
}
} // namespace

QByteArray VisitorIds::forAddress(const QString &websiteId, const QString &address, const QString &userAgent)
{
    return hash(websiteId, 'a', address, userAgent);
}

QByteArray VisitorIds::forSession(const QString &websiteId, const QString &sessionId)
{
    return hash(websiteId, 's', sessionId, QString());
}

QByteArray VisitorIds::hash(const QString &websiteId, char kind, const QString &a, const QString &b)
{
    const QByteArray salt = saltOfToday();
    crypto_generichash_state state;
    crypto_generichash_init(&state, reinterpret_cast<const unsigned char *>(salt.constData()),
                            size_t(salt.size()), size_t(Bytes));
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(&kind), 1);
    feed(state, websiteId);
    feed(state, a);
    feed(state, b);
    QByteArray out(Bytes, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()), size_t(Bytes));
    return out;
}

void VisitorIds::prepare()
{
    QMutexLocker lock(&m_mutex);
    load(Time::startOfDay(m_clock.nowMs()));
}

QByteArray VisitorIds::saltOfToday()
{
    const qint64 now = m_clock.nowMs();
    const qint64 day = Time::startOfDay(now);
    QMutexLocker lock(&m_mutex);
    const auto it = m_salts.constFind(day);
    if (it == m_salts.cend()) {
        load(day); // throws: no id can be made without the day's salt
        return m_salts.value(day);
    }
    const QByteArray salt = it.value();
    if (!m_salts.contains(day + DayMs) && now >= m_retryAt) {
        try {
            load(day); // a new day began: tomorrow's salt, and the old ones deleted
        } catch (const StorageError &e) {
            m_retryAt = now + 60'000;
            qCWarning(lcIngest) << "loading tomorrow's visitor salt failed (retried in a minute):" << e.what();
        }
    }
    return salt;
}

void VisitorIds::load(qint64 day)
{
    if (sodium_init() < 0)
        throw std::bad_alloc();
    // Another process (or an earlier start) may have made a day's salt: the stored one wins.
    Transaction tx(m_db);
    Statement insert = m_db.prepare(
        QStringLiteral("INSERT INTO visitor_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING"));
    QByteArray fresh(SaltBytes, Qt::Uninitialized);
    for (const qint64 d : {day, day + DayMs}) {
        randombytes_buf(fresh.data(), size_t(fresh.size()));
        insert.addBindValue(d);
        insert.addBindValue(fresh);
        exec(insert);
    }
    sodium_memzero(fresh.data(), size_t(fresh.size()));
    // A day's salt lives through the next day and is deleted on the one after.
    Statement prune = m_db.prepare(QStringLiteral("DELETE FROM visitor_salts WHERE day < ?"));
    prune.addBindValue(day - DayMs);
    exec(prune);
    Statement select = m_db.prepare(QStringLiteral("SELECT day, salt FROM visitor_salts WHERE day >= ?"));
    select.addBindValue(day);
    exec(select);
    QHash<qint64, QByteArray> salts;
    while (select.next()) {
        const QByteArray salt = select.value(1).toByteArray();
        if (salt.size() != SaltBytes)
            throw StorageError(
                QStringLiteral("The visitor salt of %1 is damaged").arg(Time::toIso(select.value(0).toLongLong())));
        salts.insert(select.value(0).toLongLong(), salt);
    }
    select.finish();
    tx.commit();
    if (!salts.contains(day) || !salts.contains(day + DayMs))
        throw StorageError(QStringLiteral("The visitor salts were not stored"));
    m_salts = salts;
}

} // namespace Core
