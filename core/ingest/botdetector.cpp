#include "botdetector.h"

#include <QVarLengthArray>

#include <array>
#include <bit>
#include <cstring>
#include <string_view>

namespace Core::BotDetector {

namespace {
// Lower-case ASCII patterns, matched against the lower-cased user agent. The first one
// in this order that occurs is the answer.
constexpr std::string_view Patterns[] = {
    "bot",
    "crawl",
    "spider",
    "slurp",
    "headlesschrome",
    "phantomjs",
    "lighthouse",
    "pingdom",
    "uptimerobot",
    "facebookexternalhit",
    "embedly",
    "scrapy",
    "python-requests",
    "python-urllib",
    "go-http-client",
    "okhttp",
    "curl/",
    "wget/",
    "libwww-perl",
    "apache-httpclient",
    "node-fetch",
    "axios/",
    "feedfetcher",
    "mediapartners",
    "bingpreview",
    "yandex",
    "semrush",
    "ahrefs",
    "petalsearch",
    "chatgpt-user",
    "ccbot",
    "bytespider",
    "google-inspectiontool",
    "selenium",
    "puppeteer",
    "playwright",
    "electron-prerender",
    "prerender",
    "httrack",
    "archive.org_",
};
constexpr size_t PatternCount = std::size(Patterns);
static_assert(PatternCount <= 64, "one bit per pattern");
constexpr int FilterBytes = 3; // every pattern is at least this long
constexpr size_t Bot = 0;      // "bot", with the "cubot" exception
static_assert(Patterns[Bot] == "bot");

// Masks[k][b]: the patterns whose byte k is b. A position can only start the patterns
// in Masks[0][ua[i]] & Masks[1][ua[i + 1]] & Masks[2][ua[i + 2]]: one pass over the user
// agent with three table look-ups per byte instead of one search per pattern.
using Masks = std::array<std::array<quint64, 256>, FilterBytes>;
constexpr Masks makeMasks()
{
    Masks m{};
    for (size_t p = 0; p < PatternCount; ++p) {
        if (Patterns[p].size() < size_t(FilterBytes))
            throw "pattern shorter than FilterBytes"; // not a constant expression: fails the build
        for (int k = 0; k < FilterBytes; ++k)
            m[size_t(k)][uchar(Patterns[p][size_t(k)])] |= quint64(1) << p;
    }
    return m;
}
constexpr Masks ByteMasks = makeMasks();
static_assert(ByteMasks[0][0] == 0, "no pattern holds a NUL byte: it pads the end");
} // namespace

QList<QByteArray> patterns()
{
    QList<QByteArray> out;
    for (const std::string_view p : Patterns)
        out.append(QByteArray(p.data(), qsizetype(p.size())));
    return out;
}

std::optional<QString> match(const QString &userAgent)
{
    // ASCII lower-cased; every other character becomes NUL, which no pattern holds (as
    // before, when non-Latin-1 became '?' and Latin-1 letters stayed as they were).
    const qsizetype n = userAgent.size();
    QVarLengthArray<char, 600> ua(n + FilterBytes - 1);
    const QChar *in = userAgent.constData();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = in[i].unicode();
        ua[i] = c >= u'A' && c <= u'Z' ? char(c - u'A' + 'a') : c < 0x80 ? char(c) : '\0';
    }
    for (qsizetype i = n; i < ua.size(); ++i)
        ua[i] = '\0';

    quint64 found = 0; // matched patterns: only the first in list order matters
    quint64 wanted = ~quint64(0) >> (64 - PatternCount);
    for (qsizetype i = 0; i < n && wanted; ++i) {
        quint64 candidates = ByteMasks[0][uchar(ua[i])] & wanted;
        if (!candidates)
            continue;
        candidates &= ByteMasks[1][uchar(ua[i + 1])] & ByteMasks[2][uchar(ua[i + 2])];
        while (candidates) {
            const int p = std::countr_zero(candidates);
            candidates &= candidates - 1;
            const std::string_view pattern = Patterns[p];
            if (qsizetype(pattern.size()) > n - i ||
                std::memcmp(ua.constData() + i + FilterBytes, pattern.data() + FilterBytes,
                            pattern.size() - FilterBytes) != 0)
                continue;
            // "Cubot" (a phone maker) is a browser, not a bot.
            if (size_t(p) == Bot && i >= 2 && ua[i - 2] == 'c' && ua[i - 1] == 'u')
                continue;
            found |= quint64(1) << p;
            wanted = (found & -found) - 1; // only patterns listed earlier can still win
            break;                         // later candidates here are listed later still
        }
    }
    if (!found)
        return std::nullopt;
    const std::string_view first = Patterns[std::countr_zero(found)];
    return QString::fromLatin1(first.data(), qsizetype(first.size()));
}

} // namespace Core::BotDetector
