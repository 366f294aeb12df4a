#include "websiteingest.h"

#include "server/appcontext.h"
#include "server/http/apierror.h"

#include "core/ingest/ingestservice.h"

#include <QJsonArray>

namespace Server::WebsiteIngest {

HttpResponse ingestEvents(AppContext &context, const Core::Website &website, const QString &keyId,
                          const QJsonObject &body)
{
    const QString &websiteId = website.id;
    // Stored canonical; a damaged value excludes nothing rather than refusing events.
    const Core::AddressList excluded = Core::AddressList::fromText(website.excludedIps).value_or(Core::AddressList());
    const QJsonValue events = body.value(QLatin1String("events"));
    if (events.isUndefined()) {
        const auto result = context.ingest.ingest(websiteId, body, keyId, {}, excluded);
        QJsonObject out{{QStringLiteral("status"), result.status == Core::IngestService::Status::Accepted
                                                       ? QStringLiteral("accepted")
                                                       : QStringLiteral("dropped")}};
        if (!result.reason.isEmpty())
            out.insert(QStringLiteral("reason"), result.reason);
        return HttpResponse::json(202, out);
    }
    if (!events.isArray())
        throw ApiError::invalidParameter(QStringLiteral("events"),
                                         QStringLiteral("must be an array of events"));
    const auto results = context.ingest.ingestBatch(websiteId, events.toArray(), keyId, excluded);
    const QJsonObject out = Core::IngestService::batchResultJson(results);
    if (out.value(QLatin1String("rejected")).toInteger() == results.size()) {
        QJsonObject details;
        for (qsizetype i = 0; i < results.size(); ++i) {
            const auto &e = *results.at(i).error;
            if (e.details().isEmpty() || e.kind() != Core::ServiceError::Kind::Validation)
                details.insert(QStringLiteral("events[%1]").arg(i), e.message());
            for (auto it = e.details().cbegin();
                 it != e.details().cend() && e.kind() == Core::ServiceError::Kind::Validation; ++it)
                details.insert(QStringLiteral("events[%1].%2").arg(i).arg(it.key()), it.value());
        }
        throw ApiError::validation(details);
    }
    return HttpResponse::json(202, out);
}

HttpResponse ingestStats(AppContext &context, const QString &websiteId)
{
    HttpResponse r = HttpResponse::json(200, context.ingest.statsJson(websiteId));
    r.setHeader("Cache-Control", "no-store");
    return r;
}

} // namespace Server::WebsiteIngest
