#include "metricscontroller.h"

#include "appcontext.h"
#include "server/http/apierror.h"
#include "server/http/httpengine.h"
#include "server/http/request.h"
#include "server/http/router.h"

#include "core/ingest/eventpipeline.h"
#include "core/ingest/ingestservice.h"
#include "core/storage/database.h"

#include <QDir>
#include <QFile>

#include <cmath>

#include <sys/resource.h>
#include <unistd.h>

namespace Server {

namespace {
const QString ExternalPrefix = QStringLiteral("/api/external/v1/");

// A label value: backslash, double quote and line feed escaped (text format 0.0.4).
QByteArray labelValue(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    if (std::isnan(v))
        return "NaN";
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QByteArray::number(qint64(v));
    return QByteArray::number(v, 'g', 12);
}

void header(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
}

// The methods a route can have; anything else is counted as OTHER (bounded labels).
QByteArray methodLabel(const QByteArray &method)
{
    static const QList<QByteArray> known = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? method : QByteArrayLiteral("OTHER");
}

// This process, from Linux's /proc (figures that cannot be read are left out).
struct ProcessFigures
{
    double cpuSeconds = -1;
    double residentBytes = -1;
    double virtualBytes = -1;
    double openFds = -1;
    double maxFds = -1;
    double startTimeSeconds = -1;
};

ProcessFigures processFigures()
{
    ProcessFigures p;
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        p.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    const double pageSize = double(sysconf(_SC_PAGESIZE));
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readAll().simplified().split(' ');
        if (fields.size() >= 2) {
            p.virtualBytes = fields[0].toDouble() * pageSize;
            p.residentBytes = fields[1].toDouble() * pageSize;
        }
    }
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (fds.exists())
        p.openFds = double(fds.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        p.maxFds = double(limit.rlim_cur);
    // Start: field 22 of /proc/self/stat (clock ticks after boot) plus the boot time.
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile system(QStringLiteral("/proc/stat"));
    if (stat.open(QIODevice::ReadOnly) && system.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        const QList<QByteArray> after = s.mid(s.lastIndexOf(')') + 2).split(' '); // fields 3...
        double bootTime = -1;
        for (const QByteArray &line : system.readAll().split('\n'))
            if (line.startsWith("btime "))
                bootTime = line.mid(6).trimmed().toDouble();
        if (after.size() > 19 && bootTime > 0)
            p.startTimeSeconds = bootTime + after[19].toDouble() / double(sysconf(_SC_CLK_TCK));
    }
    return p;
}
} // namespace

MetricsController::MetricsController(AppContext &context) : m_context(context) {}

void MetricsController::addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read)
{
    m_gauges.push_back({name, help, std::move(read)});
}

void MetricsController::registerRoutes(HttpEngine &engine)
{
    engine.addResponseHook([this](Request &request, HttpResponse &response) { record(request, response); });
    engine.router().add({"GET", QStringLiteral("/metrics")}, [this](Request &request) {
        // A forwarding header that named no client (unparseable, or "unix:" from a proxy on
        // a socket) leaves the proxy itself as the client: not good enough to let metrics out.
        const bool relayed =
            !request.header("X-Forwarded-For").isEmpty() || !request.header("Forwarded").isEmpty();
        if (relayed && !request.clientForwarded)
            throw ApiError::forbidden(
                "FORBIDDEN", QStringLiteral("Metrics are not answered to relayed requests whose forwarding "
                                            "header names no client address"));
        if (!m_context.config.metricsAllow.contains(request.clientIp))
            throw ApiError::forbidden(
                "FORBIDDEN", QStringLiteral("Metrics are answered only to addresses in [metrics] allow; this "
                                            "request came from %1")
                                 .arg(request.clientIp.toString()));
        HttpResponse r;
        r.status = 200;
        r.contentType = QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");
        r.body = render();
        r.setHeader("Cache-Control", "no-store");
        return r;
    });
}

void MetricsController::record(const Request &request, const HttpResponse &response)
{
    // Requests no route matched share one label: paths are the client's to choose.
    const QString route = request.routePattern.isEmpty() ? QStringLiteral("unmatched") : request.routePattern;
    ++m_requests[{route, methodLabel(request.method), response.status}];
    const double seconds = double(qMax<qint64>(0, request.elapsedNs())) / 1e9;
    Histogram &h = m_durations[route];
    size_t bucket = 0;
    while (bucket < Buckets.size() && seconds > Buckets[bucket])
        ++bucket;
    if (bucket < Buckets.size())
        ++h.counts[bucket];
    ++h.count;
    h.sum += seconds;
    if (request.path.startsWith(ExternalPrefix))
        ++m_apiOutcomes[response.errorCode.isEmpty() ? QByteArrayLiteral("OK") : response.errorCode];
}

QByteArray MetricsController::render() const
{
    QByteArray out;
    out.reserve(8192);
    header(out, "zenovay_build_info", "gauge", "The running version (always 1).");
    out += "zenovay_build_info{version=\"" + labelValue(ZENOVAY_VERSION) + "\"} 1\n";

    header(out, "zenovay_http_requests_total", "counter",
           "HTTP responses written, by route pattern (\"unmatched\": no route), method and status.");
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        const auto &[route, method, status] = it.key();
        out += "zenovay_http_requests_total{route=\"" + labelValue(route.toUtf8()) + "\",method=\"" + method +
               "\",status=\"" + QByteArray::number(status) + "\"} " + QByteArray::number(it.value()) + '\n';
    }

    header(out, "zenovay_http_request_duration_seconds", "histogram",
           "Time from reading a request to writing its response, by route pattern.");
    for (auto it = m_durations.cbegin(); it != m_durations.cend(); ++it) {
        const QByteArray route = labelValue(it.key().toUtf8());
        quint64 cumulative = 0;
        for (size_t i = 0; i < Buckets.size(); ++i) {
            cumulative += it->counts[i];
            out += "zenovay_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" +
                   number(Buckets[i]) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "zenovay_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"+Inf\"} " +
               QByteArray::number(it->count) + '\n';
        out += "zenovay_http_request_duration_seconds_sum{route=\"" + route + "\"} " + number(it->sum) + '\n';
        out += "zenovay_http_request_duration_seconds_count{route=\"" + route + "\"} " +
               QByteArray::number(it->count) + '\n';
    }

    header(out, "zenovay_api_requests_total", "counter",
           "External API (/api/external/v1) answers by outcome: OK, or the error code the guide lists.");
    for (auto it = m_apiOutcomes.cbegin(); it != m_apiOutcomes.cend(); ++it)
        out += "zenovay_api_requests_total{code=\"" + labelValue(it.key()) + "\"} " +
               QByteArray::number(it.value()) + '\n';

    header(out, "zenovay_ingest_events_total", "counter",
           "Tracking events since start: result=\"accepted\" (acknowledged, journaled), or the reason they "
           "were dropped.");
    QMap<QString, quint64> results = m_context.eventPipeline.droppedSinceStart();
    for (const auto reason :
         {Core::IngestService::DropReason::Bot, Core::IngestService::DropReason::Invalid,
          Core::IngestService::DropReason::RateLimited, Core::IngestService::DropReason::InvalidJson,
          Core::IngestService::DropReason::Excluded})
        results.insert(Core::IngestService::reasonName(reason),
                       results.value(Core::IngestService::reasonName(reason)));
    results.insert(QStringLiteral("accepted"), m_context.eventPipeline.acknowledgedSinceStart());
    for (auto it = results.cbegin(); it != results.cend(); ++it)
        out += "zenovay_ingest_events_total{result=\"" + labelValue(it.key().toUtf8()) + "\"} " +
               QByteArray::number(it.value()) + '\n';

    header(out, "zenovay_ingest_queue_depth", "gauge",
           "Events acknowledged but not yet committed to the database.");
    out += "zenovay_ingest_queue_depth " + QByteArray::number(m_context.eventPipeline.queueDepth()) + '\n';
    header(out, "zenovay_journal_segments", "gauge", "Segment files of the event journal.");
    out += "zenovay_journal_segments " + QByteArray::number(m_context.eventPipeline.journalSegments()) + '\n';
    header(out, "zenovay_db_size_bytes", "gauge", "Size of the database file and its write-ahead log.");
    out += "zenovay_db_size_bytes " + QByteArray::number(m_context.db.fileSizeBytes()) + '\n';
    for (const Gauge &g : m_gauges) {
        header(out, g.name.constData(), "gauge", g.help.constData());
        out += g.name + ' ' + number(g.read()) + '\n';
    }

    ProcessFigures p = processFigures();
    // /proc/stat is hidden under the unit's ProcSubset=pid: the server's start, milliseconds
    // after the process's, stands in.
    if (p.startTimeSeconds < 0)
        p.startTimeSeconds = double(m_context.startedAtMs) / 1000.0;
    const std::pair<const char *, std::tuple<double, const char *, const char *>> process[] = {
        {"process_cpu_seconds_total",
         {p.cpuSeconds, "counter", "Total user and system CPU time spent in seconds."}},
        {"process_resident_memory_bytes", {p.residentBytes, "gauge", "Resident memory size in bytes."}},
        {"process_virtual_memory_bytes", {p.virtualBytes, "gauge", "Virtual memory size in bytes."}},
        {"process_open_fds", {p.openFds, "gauge", "Number of open file descriptors."}},
        {"process_max_fds", {p.maxFds, "gauge", "Maximum number of open file descriptors."}},
        {"process_start_time_seconds",
         {p.startTimeSeconds, "gauge", "Start time of the process since unix epoch in seconds."}}};
    for (const auto &[name, figure] : process) {
        const auto &[value, type, help] = figure;
        if (value < 0)
            continue;
        header(out, name, type, help);
        out += QByteArray(name) + ' ' + number(value) + '\n';
    }
    return out;
}

} // namespace Server
