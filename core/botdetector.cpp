#include "botdetector.h"

#include <QStringMatcher>

#include <vector>

namespace Core::BotDetector {

namespace {
const std::vector<QStringMatcher> &matchers()
{
    static const std::vector<QStringMatcher> all = [] {
        const char *const patterns[] = {
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
        std::vector<QStringMatcher> out;
        for (const char *p : patterns)
            out.emplace_back(QString::fromLatin1(p), Qt::CaseInsensitive);
        return out;
    }();
    return all;
}
} // namespace

std::optional<QString> match(const QString &userAgent)
{
    for (const QStringMatcher &m : matchers()) {
        const qsizetype at = m.indexIn(userAgent);
        if (at < 0)
            continue;
        // "Cubot" (a phone maker) is a browser, not a bot.
        if (m.pattern() == QLatin1String("bot") && at >= 2 &&
            userAgent.mid(at - 2, 5).compare(QLatin1String("cubot"), Qt::CaseInsensitive) == 0)
            continue;
        return m.pattern();
    }
    return std::nullopt;
}

} // namespace Core::BotDetector
