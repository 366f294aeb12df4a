// The listener's request-head framing (server/http/requesthead.*), the one decision taken
// before QHttpServer sees a byte: scanHead finds the same end whether the bytes arrive at
// once or in two pieces, never frames a bare LF or CR into a head, and parseHead gives a
// consistent verdict on every head scanHead completes. The body limit comes from the
// real Router (Router::bodyLimit reads the target like a route path), always one of the
// declared classes.
#include "fuzzsupport.h"

#include "server/http/requesthead.h"
#include "server/http/router.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Server::HeadScan;
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    const HeadScan whole = Server::scanHead(bytes);
    // The guard scans as bytes arrive: a first, partial scan resumed later must agree.
    const qsizetype split = size ? qsizetype((data[0] * 131u + size) % (size + 1)) : 0;
    const HeadScan early = Server::scanHead(bytes.first(split));
    if (early.outcome == HeadScan::Outcome::Incomplete) {
        const HeadScan resumed = Server::scanHead(bytes, split);
        FUZZ_CHECK(resumed.outcome == whole.outcome);
        FUZZ_CHECK(resumed.length == whole.length);
    } else {
        // What was decided on a prefix stays decided.
        FUZZ_CHECK(early.outcome == whole.outcome);
        FUZZ_CHECK(early.length == whole.length);
    }
    if (whole.outcome != HeadScan::Outcome::Complete)
        return 0;

    const QByteArrayView head = bytes.first(whole.length);
    FUZZ_CHECK(head.endsWith("\r\n\r\n"));
    for (qsizetype i = 0; i < head.size(); ++i) {
        if (head[i] == '\n')
            FUZZ_CHECK(i > 0 && head[i - 1] == '\r'); // no bare LF inside a framed head
        if (head[i] == '\r')
            FUZZ_CHECK(i + 1 < head.size() && head[i + 1] == '\n'); // no bare CR
    }
    // The head ends at the first blank line, not a later one.
    FUZZ_CHECK(head.indexOf("\r\n\r\n") == head.size() - 4);

    static const Server::Router router = [] {
        using namespace Server;
        Router r;
        const Handler none = [](Request &) { return HttpResponse::empty(204); };
        r.add({"POST", QStringLiteral("/e/{code}"), Access::Public, 0, BodyClass::Event}, none);
        r.add({"POST", QStringLiteral("/api/external/v1/events"), Access::ApiKey, 2, BodyClass::Batch}, none);
        r.add({"PATCH", QStringLiteral("/api/admin/v1/teams/{id}"), Access::Session, 0, BodyClass::Api},
              none);
        r.add({"GET", QStringLiteral("/healthz")}, none);
        return r;
    }();
    Server::ListenerLimits limits;
    limits.maxUrlBytes = 2048;
    limits.bodyLimit = [](QByteArrayView method, QByteArrayView target) {
        const qint64 limit = router.bodyLimit(method, target);
        FUZZ_CHECK(limit == 16 * 1024 || limit == 64 * 1024 || limit == 256 * 1024 || limit == 1024 * 1024);
        return limit;
    };
    const Server::ParsedHead parsed = Server::parseHead(head, limits);
    if (parsed.accepted()) {
        FUZZ_CHECK(parsed.contentLength >= 0 && parsed.contentLength <= parsed.bodyLimit);
        FUZZ_CHECK(!(parsed.upgrade && parsed.keepAlive)); // WebSocket: one answer, then close
        FUZZ_CHECK(!parsed.expectContinue || parsed.contentLength > 0);
    } else {
        const int s = parsed.status;
        FUZZ_CHECK(s == 400 || s == 411 || s == 413 || s == 414 || s == 505);
        FUZZ_CHECK(!parsed.code.isEmpty() && !parsed.message.isEmpty());
    }
    return 0;
}
