#include "healthcontroller.h"

#include "appcontext.h"
#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/storage/database.h"

namespace Server {

void registerHealthRoutes(HttpEngine &engine, AppContext &context)
{
    engine.router().add({"GET", QStringLiteral("/healthz")}, [&context](Request &) {
        Core::Statement q = context.db.prepare(QStringLiteral("SELECT 1"));
        if (!q.exec() || !q.next())
            throw ApiError::unavailable(QStringLiteral("The database is not answering"), 5);
        HttpResponse r = HttpResponse::json(
            200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                             {QStringLiteral("version"), QStringLiteral(ZENOVAY_VERSION)}});
        r.setHeader("Cache-Control", "no-store");
        return r;
    });
}

} // namespace Server
