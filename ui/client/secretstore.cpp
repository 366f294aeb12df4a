#include "secretstore.h"

#include <QPointer>
#include <QTimer>

namespace Gui {

MemorySecretStore::MemorySecretStore(QObject *parent, bool reportPersistent)
    : SecretStore(parent), m_reportPersistent(reportPersistent)
{}

void MemorySecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    std::optional<QString> value;
    if (auto it = m_values.constFind(key); it != m_values.constEnd())
        value = *it;
    // Same contract as a keychain: the callback never runs inside the call.
    QTimer::singleShot(0, context ? context : this, [done = std::move(done), value] { done(value); });
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, WriteDone done)
{
    m_values.insert(key, value);
    if (done)
        QTimer::singleShot(0, context ? context : this,
                           [this, done = std::move(done)] { done(m_reportPersistent); });
}

void MemorySecretStore::remove(const QString &key)
{
    m_values.remove(key);
}

QString MemorySecretStore::unavailableReason() const
{
    return tr("No system keychain is available: you stay signed in until the app closes, and the session is "
              "never written to disk.");
}

} // namespace Gui
