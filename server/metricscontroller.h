#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <array>
#include <functional>
#include <vector>

namespace Server {

class HttpEngine;
struct AppContext;
struct HttpResponse;
struct Request;

// GET /metrics (api-contract section 8): Prometheus text format 0.0.4, answered only to
// client addresses in [metrics] allow (403 otherwise). Counts every response the engine
// writes (a response hook: status, route pattern, latency; external API outcomes by
// code) and reads the rest when scraped: ingest counters and queue, database size,
// process figures. Lives on the server's thread, like the engine: no locks.
class MetricsController final
{
public:
    explicit MetricsController(AppContext &context);
    Q_DISABLE_COPY_MOVE(MetricsController)

    // The route and the response hook.
    void registerRoutes(HttpEngine &engine);
    // A gauge read at every scrape (parts of the server add theirs).
    void addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read);
    // The whole exposition, as GET /metrics answers it.
    QByteArray render() const;
    // Request latency buckets, in seconds (upper bounds; +Inf follows).
    static constexpr std::array<double, 13> Buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                       0.1,    0.25,  0.5,    1,     2.5,  10};

private:
    void record(const Request &request, const HttpResponse &response);

    struct Histogram
    {
        std::array<quint64, Buckets.size()> counts{}; // not cumulative; summed when rendered
        quint64 count = 0;
        double sum = 0;
    };
    struct Gauge
    {
        QByteArray name;
        QByteArray help;
        std::function<double()> read;
    };
    AppContext &m_context;
    QMap<std::tuple<QString, QByteArray, int>, quint64> m_requests; // route, method, status
    QMap<QString, Histogram> m_durations;                           // by route
    QMap<QByteArray, quint64> m_apiOutcomes;                        // external API, by code
    std::vector<Gauge> m_gauges;
};

} // namespace Server
