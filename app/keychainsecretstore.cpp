#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeychain, "zenovay.app.keychain")

using namespace Qt::StringLiterals;

namespace App {

namespace {
bool isBackendFailure(QKeychain::Error e)
{
    return e != QKeychain::NoError && e != QKeychain::EntryNotFound;
}
} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent), m_service(service)
{
    // Probe once, so the UI can say up front whether a session will survive a restart.
    auto *probe = new QKeychain::ReadPasswordJob(m_service, this);
    probe->setInsecureFallback(false);
    probe->setKey(u"probe"_s);
    connect(probe, &QKeychain::Job::finished, this, [this](QKeychain::Job *job) {
        if (isBackendFailure(job->error()))
            markUnavailable(job->errorString());
    });
    probe->start();
}

void KeychainSecretStore::markUnavailable(const QString &why)
{
    qCInfo(lcKeychain) << "no usable keychain:" << why << "- sessions stay in memory";
    m_why = why;
    if (m_persistent) {
        m_persistent = false;
        Q_EMIT persistenceChanged(false);
    }
}

QString KeychainSecretStore::unavailableReason() const
{
    QString text =
        tr("No system keychain is available, so your session is kept in memory only: you stay signed in "
           "until the app closes, and nothing is written to disk.");
    if (!m_why.isEmpty())
        text += u" ("_s + m_why + u')';
    return text;
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadDone done)
{
    if (auto it = m_memory.constFind(key); it != m_memory.constEnd() || !m_persistent) {
        std::optional<QString> value;
        if (it != m_memory.constEnd())
            value = *it;
        QTimer::singleShot(0, context ? context : this, [done = std::move(done), value] { done(value); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    connect(job, &QKeychain::Job::finished, this, [this, key, guard, hadContext, done](QKeychain::Job *j) {
        std::optional<QString> value;
        if (j->error() == QKeychain::NoError) {
            value = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
            m_memory.insert(key, *value);
        } else if (isBackendFailure(j->error())) {
            markUnavailable(j->errorString());
        }
        if (!hadContext || guard)
            done(value);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, WriteDone done)
{
    m_memory.insert(key, value);
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    if (!m_persistent) {
        if (done)
            QTimer::singleShot(0, context ? context : this, [done] { done(false); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, guard, hadContext, done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError;
        if (!ok)
            markUnavailable(j->errorString());
        if (done && (!hadContext || guard))
            done(ok);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key)
{
    m_memory.remove(key);
    if (!m_persistent)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
}

} // namespace App
