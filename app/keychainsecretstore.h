#pragma once

#include "ui/client/secretstore.h"

#include <QHash>

namespace App {

// Secrets in the OS keychain through QtKeychain (Secret Service, KWallet, macOS Keychain,
// Windows Credential Manager). QtKeychain's insecure plain-text fallback stays off: when no
// keychain answers, secrets live in memory for this session only, and the UI says so.
class KeychainSecretStore final : public Gui::SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);

    void read(const QString &key, QObject *context, ReadDone done) override;
    void write(const QString &key, const QString &value, QObject *context, WriteDone done) override;
    void remove(const QString &key) override;
    bool isPersistent() const override { return m_persistent; }
    QString unavailableReason() const override;

private:
    void markUnavailable(const QString &why);
    QString m_service;
    QHash<QString, QString> m_memory;
    bool m_persistent = true;
    QString m_why;
};

} // namespace App
