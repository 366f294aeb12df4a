#include "requesthead.h"

#include "route.h"

#include <algorithm>

namespace Server {

namespace {
char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    return true;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isTokenChar);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Control bytes other than HTAB are not allowed in a field value (RFC 9110 5.5).
bool isValidFieldValue(QByteArrayView v)
{
    return std::none_of(v.begin(), v.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

// Visible ASCII only: no controls, spaces or raw non-ASCII bytes in the target. No
// fragment ('#': a request target never has one, RFC 9112 3.2) and no origin-form
// starting with "//" (QHttpServer reads what follows as a host): the route the body
// limit is chosen for is then the route the request reaches.
bool isValidTarget(QByteArrayView t)
{
    return !t.isEmpty() && !t.startsWith("//") && std::all_of(t.begin(), t.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f && c != '#';
    });
}

// True when the comma-separated list `value` holds `token` (case-insensitive).
bool hasToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype pos = 0;
    while (pos <= value.size()) {
        qsizetype comma = value.indexOf(',', pos);
        if (comma < 0)
            comma = value.size();
        if (equalsIgnoreCase(value.sliced(pos, comma - pos).trimmed(), token))
            return true;
        pos = comma + 1;
    }
    return false;
}

ParsedHead refuse(int status, const char *code, QString message)
{
    ParsedHead p;
    p.status = status;
    p.code = QByteArray(code);
    p.message = std::move(message);
    return p;
}

ParsedHead badRequest(const char *message)
{
    return refuse(400, "BAD_REQUEST", QString::fromLatin1(message));
}
} // namespace

HeadScan scanHead(QByteArrayView head, qsizetype from)
{
    // A CR at the end of what was scanned before could not be judged then: look again.
    qsizetype i = qMax<qsizetype>(0, from - 1);
    for (; i < head.size(); ++i) {
        const char c = head[i];
        if (c == '\r') {
            if (i + 1 < head.size() && head[i + 1] != '\n')
                return {HeadScan::Outcome::BareLineEnd, 0};
        } else if (c == '\n') {
            if (i == 0 || head[i - 1] != '\r')
                return {HeadScan::Outcome::BareLineEnd, 0};
            if (i >= 3 && head[i - 2] == '\n' && head[i - 3] == '\r')
                return {HeadScan::Outcome::Complete, i + 1};
        }
    }
    return {};
}

ParsedHead parseHead(QByteArrayView head, const ListenerLimits &limits)
{
    // Views into the head only: no allocation on the accepting path.
    const qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0 || !head.endsWith("\r\n\r\n"))
        return badRequest("Malformed request head");
    const QByteArrayView line = head.first(lineEnd);
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || line.indexOf(' ', sp2 + 1) >= 0)
        return badRequest("Malformed request line");
    const QByteArrayView method = line.first(sp1);
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (!isToken(method))
        return badRequest("Malformed request method");
    if (target.size() > limits.maxUrlBytes)
        return refuse(414, "URI_TOO_LONG", QStringLiteral("The request target is too long"));
    if (!isValidTarget(target))
        return badRequest("Malformed request target");
    const bool versionWellFormed = version.size() == 8 && version.startsWith("HTTP/") &&
                                   isDigit(version[5]) && version[6] == '.' && isDigit(version[7]);
    if (!versionWellFormed)
        return badRequest("Malformed HTTP version");
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return refuse(505, "HTTP_VERSION_NOT_SUPPORTED",
                      QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are supported"));

    ParsedHead meta;
    meta.isHead = method == "HEAD";
    const bool http10 = version == "HTTP/1.0";
    bool connectionClose = false, connectionKeepAlive = false, haveLength = false;
    // Lines end in CRLF (scanHead refused anything else); the head ends with an empty line.
    const QByteArrayView fields = head.sliced(lineEnd + 2, head.size() - lineEnd - 4);
    qsizetype pos = 0;
    while (pos < fields.size()) {
        const qsizetype eol = fields.indexOf("\r\n", pos);
        const QByteArrayView h = fields.sliced(pos, (eol < 0 ? fields.size() : eol) - pos);
        pos = eol < 0 ? fields.size() : eol + 2;
        const qsizetype colon = h.indexOf(':');
        if (colon <= 0)
            return badRequest("Malformed header line");
        const QByteArrayView name = h.first(colon);
        if (!isToken(name)) // also refuses obs-fold and whitespace before the colon
            return badRequest("Malformed header name");
        const QByteArrayView value = h.sliced(colon + 1).trimmed();
        if (!isValidFieldValue(value))
            return badRequest("Malformed header value");
        if (equalsIgnoreCase(name, "Content-Length")) {
            if (haveLength)
                return badRequest("Repeated Content-Length");
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || value.isEmpty() || !std::all_of(value.begin(), value.end(), isDigit) || n < 0)
                return badRequest("Invalid Content-Length");
            meta.contentLength = n;
            haveLength = true;
        } else if (equalsIgnoreCase(name, "Transfer-Encoding")) {
            return refuse(411, "LENGTH_REQUIRED",
                          QStringLiteral("Chunked request bodies are not supported; send a Content-Length"));
        } else if (equalsIgnoreCase(name, "Connection")) {
            connectionClose = connectionClose || hasToken(value, "close");
            connectionKeepAlive = connectionKeepAlive || hasToken(value, "keep-alive");
        } else if (equalsIgnoreCase(name, "Upgrade")) {
            meta.upgrade = meta.upgrade || hasToken(value, "websocket");
        } else if (equalsIgnoreCase(name, "Expect")) {
            meta.expectContinue = equalsIgnoreCase(value, "100-continue");
        }
    }
    // Most requests (every GET, every tracked event) carry at most SmallestBodyLimit
    // bytes, which every route admits: only a larger body looks its route up.
    const qint64 limit = meta.contentLength <= SmallestBodyLimit ? SmallestBodyLimit
                         : limits.bodyLimit                      ? limits.bodyLimit(method, target)
                                                                 : bodyLimitBytes(BodyClass::Small);
    if (meta.contentLength > limit) {
        ParsedHead tooLarge =
            refuse(413, "PAYLOAD_TOO_LARGE",
                   QStringLiteral("Request body of %1 bytes exceeds the limit of %2 bytes for this endpoint")
                       .arg(meta.contentLength)
                       .arg(limit));
        tooLarge.contentLength = meta.contentLength;
        return tooLarge;
    }
    meta.bodyLimit = limit;
    // QHttpServer 6.4 takes a request asking for WebSocket down a path of its own that
    // ends by closing the connection; we offer no WebSocket: the request gets one
    // ordinary answer, which says the connection closes.
    meta.keepAlive = !meta.upgrade && (http10 ? (connectionKeepAlive && !connectionClose) : !connectionClose);
    meta.expectContinue = meta.expectContinue && meta.contentLength > 0 && !http10;
    return meta;
}

} // namespace Server
