#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Gui {

// Where the app keeps secrets (session tokens). Asynchronous, because OS keychains are:
// every call returns at once and runs its callback later on the caller's thread.
// A store that cannot persist (no keychain) still works for the session, in memory only.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadDone = std::function<void(std::optional<QString> value)>;
    using WriteDone = std::function<void(bool persisted)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, ReadDone done) = 0;
    // `persisted` is false when the secret is held in memory only.
    virtual void write(const QString &key, const QString &value, QObject *context, WriteDone done) = 0;
    virtual void remove(const QString &key) = 0;

    // Whether secrets survive a restart; false when no keychain is available.
    virtual bool isPersistent() const = 0;
    // Shown to the user when isPersistent() is false.
    virtual QString unavailableReason() const { return {}; }

Q_SIGNALS:
    void persistenceChanged(bool persistent);
};

// Secrets in memory only: for tests, and the fallback when no keychain is available.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr, bool reportPersistent = false);

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteDone done) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return m_reportPersistent; }
    QString unavailableReason() const override;

    bool contains(const QString &key) const { return m_values.contains(key); }

private:
    QHash<QString, QString> m_values;
    bool m_reportPersistent;
};

} // namespace Gui
