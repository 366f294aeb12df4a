#pragma once

#include "externalauth.h"

#include "core/keys/keyauthcache.h"
#include "core/keys/keybookkeeping.h"

#include <QObject>
#include <QTimer>

namespace Server {

class HttpEngine;
struct AppContext;

// The external REST API (/api/external/v1): key authentication, limits and the routes.
// It writes into the per-key books (which the composition root owns and the admin API
// reads through Core::KeyReports) and flushes them about once a second and at shutdown.
class ExternalApi final : public QObject
{
    Q_OBJECT
public:
    ExternalApi(AppContext &context, HttpEngine &engine, Core::KeyAuthCache &cache,
                Core::KeyBookkeeping &books, QObject *parent = nullptr);
    ~ExternalApi() override;

    ExternalAuth &auth() { return m_auth; }
    Core::KeyBookkeeping &books() { return m_books; }
    Core::KeyAuthCache &cache() { return m_cache; }
    void flush();
    // The /api/external/v1 routes and the key guard (Access::ApiKey).
    void registerRoutes(HttpEngine &engine);

    static constexpr int FlushIntervalMs = 1000;

private:
    AppContext &m_context;
    Core::KeyAuthCache &m_cache;
    Core::KeyBookkeeping &m_books;
    ExternalAuth m_auth;
    QTimer m_flushTimer;
};

} // namespace Server
