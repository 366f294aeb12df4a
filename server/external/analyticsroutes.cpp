#include "analyticsroutes.h"

#include "externalauth.h"
#include "server/analytics/websiteanalytics.h"
#include "server/http/apierror.h"
#include "server/http/request.h"
#include "server/http/router.h"
#include "server/ingest/websiteingest.h"

#include "core/model/serviceerror.h"

namespace Server {

void registerAnalyticsRoutes(Router &router, AppContext &context, ExternalAuth &auth)
{
    router.add(ExternalAuth::route("GET", QStringLiteral("/analytics/{websiteId}"), Core::Permissions::Read),
               [&](Request &request) {
                   const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
                   const Core::Website site =
                       auth.requireWebsite(principal, request.param(QStringLiteral("websiteId")));
                   return WebsiteAnalytics::analytics(context, site.id, request, principal.key.userId);
               });

    router.add(
        ExternalAuth::route("GET", QStringLiteral("/analytics/{websiteId}/realtime"), Core::Permissions::Read),
        [&](Request &request) {
            const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
            const Core::Website site = auth.requireWebsite(principal, request.param(QStringLiteral("websiteId")));
            return WebsiteAnalytics::realtime(context, site.id, request);
        });

    router.add(ExternalAuth::route("GET", QStringLiteral("/analytics/{websiteId}/event-properties"),
                                   Core::Permissions::Read),
               [&](Request &request) {
                   const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
                   const Core::Website site =
                       auth.requireWebsite(principal, request.param(QStringLiteral("websiteId")));
                   return WebsiteAnalytics::eventProperties(context, site.id, request);
               });

    router.add(
        ExternalAuth::route("GET", QStringLiteral("/analytics/{websiteId}/export"), Core::Permissions::Read),
        [&](Request &request) {
            const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
            const Core::Website site = auth.requireWebsite(principal, request.param(QStringLiteral("websiteId")));
            return WebsiteAnalytics::exportCsv(context, site.id, request, principal.key.userId);
        });

    router.add(
        ExternalAuth::route("POST", QStringLiteral("/events"), Core::Permissions::Write, BodyClass::Batch),
        [&](Request &request) {
            const Core::KeyPrincipal &principal = ExternalAuth::principalOf(request);
            const QJsonObject body = request.jsonObject();
            const QJsonValue id = body.value(QLatin1String("website_id"));
            if (!id.isUndefined() && !id.isNull() && !id.isString())
                throw ApiError::invalidParameter(QStringLiteral("website_id"),
                                                 QStringLiteral("must be a string"));
            if (id.toString().isEmpty())
                throw Core::ServiceError::validation(
                    {{QStringLiteral("website_id"), QStringLiteral("Required")}});
            const Core::Website site = auth.requireWebsite(principal, id.toString());
            return WebsiteIngest::ingestEvents(context, site, principal.key.id, body);
        });
}

} // namespace Server
