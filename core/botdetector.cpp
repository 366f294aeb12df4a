#include "botdetector.h"

#include <QByteArray>
#include <QByteArrayView>

namespace Core::BotDetector {

namespace {
// Lower-case ASCII patterns, matched against the lower-cased user agent: one
// case-folding pass per event instead of one per pattern and character.
constexpr const char *Patterns[] = {
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
} // namespace

std::optional<QString> match(const QString &userAgent)
{
    QByteArray ua = userAgent.toLatin1();
    for (char &c : ua)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    const QByteArrayView view(ua);
    for (const char *p : Patterns) {
        const QByteArrayView pattern(p);
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = view.indexOf(pattern, from);
            if (at < 0)
                break;
            // "Cubot" (a phone maker) is a browser, not a bot.
            if (pattern == "bot" && at >= 2 && view.sliced(at - 2, 5) == "cubot") {
                from = at + 1;
                continue;
            }
            return QString::fromLatin1(p);
        }
    }
    return std::nullopt;
}

} // namespace Core::BotDetector
