#pragma once

#include "externalauth.h"
#include "server/keyreports.h"

#include "core/keys/keyauthcache.h"
#include "core/keys/keybookkeeping.h"

#include <QObject>
#include <QTimer>

namespace Server {

class HttpEngine;
struct AppContext;

// The external REST API (/api/external/v1): key authentication, limits, the routes,
// and the per-key books (flushed about once a second and at shutdown).
class ExternalApi final : public QObject, public KeyReports
{
    Q_OBJECT
public:
    ExternalApi(AppContext &context, HttpEngine &engine, QObject *parent = nullptr);
    ~ExternalApi() override;

    ExternalAuth &auth() { return m_auth; }
    Core::KeyBookkeeping &books() { return m_books; }
    Core::KeyAuthCache &cache() { return m_cache; }
    void flush();

    Core::KeyActivityReport activity(const QString &keyId, int hours) override;
    Core::KeyUsageReport usage(const QString &keyId, int minutes) override;
    Core::RequestLogPage requests(const QString &keyId, int limit) override;

    static constexpr int FlushIntervalMs = 1000;

private:
    void registerRoutes(HttpEngine &engine);

    AppContext &m_context;
    Core::KeyAuthCache m_cache;
    Core::KeyBookkeeping m_books;
    ExternalAuth m_auth;
    QTimer m_flushTimer;
};

} // namespace Server
