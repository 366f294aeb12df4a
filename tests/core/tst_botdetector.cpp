// Bot detection: the one-pass matcher answers exactly what the original algorithm
// (one case-insensitive substring search per pattern, in list order, "cubot" excepted)
// answers, on real browser and bot user agents, edge cases and generated strings.
#include "core/ingest/botdetector.h"

#include <QByteArrayView>
#include <QRandomGenerator>
#include <QTest>

using namespace Core;

namespace {
// The original algorithm, kept as the reference.
std::optional<QString> referenceMatch(const QString &userAgent)
{
    QByteArray ua = userAgent.toLatin1();
    for (char &c : ua)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    const QByteArrayView view(ua);
    for (const QByteArray &p : BotDetector::patterns()) {
        const QByteArrayView pattern(p);
        qsizetype from = 0;
        for (;;) {
            const qsizetype at = view.indexOf(pattern, from);
            if (at < 0)
                break;
            if (pattern == "bot" && at >= 2 && view.sliced(at - 2, 5) == "cubot") {
                from = at + 1;
                continue;
            }
            return QString::fromLatin1(p);
        }
    }
    return std::nullopt;
}

const char *const RealAgents[] = {
    // Browsers
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 "
    "Safari/605.1.15",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 "
    "Safari/537.36 Edg/119.0.2151.97",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 "
    "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 10; CUBOT X30) Chrome/99.0 Mobile",
    "Mozilla/5.0 (Linux; Android 11; CUBOT_NOTE_20) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/96.0 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "CriOS/120.0.6099.119 Mobile/15E148 Safari/604.1",
    "Opera/9.80 (Windows NT 6.1; WOW64) Presto/2.12.388 Version/12.18",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36 OPR/105.0.0.0",
    "MyServer/1.0",
    // Bots, tools, headless browsers
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html) Chrome/120.0.6099.199 Safari/537.36",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "Mozilla/5.0 (Linux; Android 7.0;) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
    "(compatible; PetalBot;+https://webmaster.petalsearch.com/site/petalbot)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ChatGPT-User/1.0; "
    "+https://openai.com/bot",
    "CCBot/2.0 (https://commoncrawl.org/faq/)",
    "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 "
    "(compatible; Bytespider; spider-feedback@bytedance.com)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 "
    "Safari/537.36",
    "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
    "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse",
    "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
    "Scrapy/2.11.0 (+https://scrapy.org)",
    "python-requests/2.31.0",
    "Python-urllib/3.11",
    "Go-http-client/1.1",
    "Go-http-client/2.0",
    "okhttp/4.12.0",
    "curl/8.4.0",
    "Wget/1.21.4",
    "libwww-perl/6.72",
    "Apache-HttpClient/4.5.14 (Java/17.0.9)",
    "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
    "axios/1.6.2",
    "FeedFetcher-Google; (+http://www.google.com/feedfetcher.html)",
    "Mediapartners-Google",
    "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b",
    "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 "
    "Selenium",
    "Mozilla/5.0 Puppeteer",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Playwright/1.40",
    "Mozilla/5.0 Electron-Prerender",
    "Mozilla/5.0 (compatible; Prerender; +https://github.com/prerender/prerender)",
    "Mozilla/4.5 (compatible; HTTrack 3.0x; Windows 98)",
    "Mozilla/5.0 (compatible; archive.org_bot +http://archive.org/details/archive.org_bot)",
    "ia_archiver (+http://www.alexa.com/site/help/webmasters; crawler@alexa.com)",
    "Mozilla/5.0 (compatible; DotBot/1.2; +https://opensiteexplorer.org/dotbot)",
    "Twitterbot/1.0",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "WhatsApp/2.23.20.0",
    "Mozilla/5.0 (compatible; MJ12bot/v1.4.8; http://mj12bot.com/)",
};

const char *const EdgeCases[] = {
    "",
    "b",
    "bo",
    "bot",
    "BOT",
    "cubot",
    "CUBOT",
    "cuBot",
    "ubot",
    "cbot",
    "xcubot",
    "cubotbot",
    "botcubot",
    "cubocubot",
    "cu bot",
    "cucubot",
    "ccubot",
    "cubottom",
    "cubot crawler",
    "cubot ccbot",
    "cubot uptimerobot",
    "cubot/curl/",
    "curl",
    "curl/",
    "wget",
    "axios",
    "pingdo",
    "pingdom",
    "xpingdom",
    "prerende",
    "electron-prerende",
    "electron-prerender",
    "archive.org",
    "archive.org_",
    "google-inspectiontoo",
    "facebookexternalhi",
    "python-",
    "python-urllib",
    "python-requests",
    "crawlspider",
    "spidercrawl",
    "slurpbot",
    "yandexbot",
    "headlesschromebot",
    "lighthousecrawl",
    "ahrefsyandexsemrush",
    "Mozilla/5.0 (compatible)",
};

// '~' stands for U+0000.
QString withNul(const char *s)
{
    return QString::fromLatin1(s).replace(u'~', QChar(0));
}

QString answer(const std::optional<QString> &pattern)
{
    return pattern.value_or(QStringLiteral("(browser)"));
}
} // namespace

class TestBotDetector : public QObject
{
    Q_OBJECT
private slots:
    void sameAnswersAsTheOriginal_data()
    {
        QTest::addColumn<QString>("ua");
        int i = 0;
        for (const char *ua : RealAgents)
            QTest::addRow("real %d", i++) << QString::fromLatin1(ua);
        i = 0;
        for (const char *ua : EdgeCases)
            QTest::addRow("edge %d", i++) << QString::fromLatin1(ua);
        // Every pattern alone, upper-cased, inside text, cut short, after "cu".
        for (const QByteArray &p : BotDetector::patterns()) {
            const QString s = QString::fromLatin1(p);
            QTest::addRow("%s alone", p.constData()) << s;
            QTest::addRow("%s upper", p.constData()) << s.toUpper();
            QTest::addRow("%s inside", p.constData()) << QStringLiteral("Mozilla/5.0 (") + s + u')';
            QTest::addRow("%s cut", p.constData()) << s.chopped(1);
            QTest::addRow("%s at end", p.constData()) << QStringLiteral("x") + s;
            QTest::addRow("%s after cu", p.constData()) << QStringLiteral("cu") + s;
        }
        // Characters outside ASCII: not letters of any pattern, and never upper-case ASCII.
        QTest::newRow("latin1 letters") << QStringLiteral("B\u00d6T b\u00f6t \u00c7rawl crawl");
        QTest::newRow("latin1 only") << QStringLiteral("b\u00f6t \u00e7rawl");
        QTest::newRow("kelvin sign") << QStringLiteral("\u212aelvin cubot \u0130bot");
        QTest::newRow("dotless i before bot") << QStringLiteral("\u0131bot");
        QTest::newRow("surrogate pair") << QStringLiteral("cu\U0001F916bot");
        QTest::newRow("emoji then bot") << QStringLiteral("\U0001F916 bot");
        QTest::newRow("nul inside") << withNul("bo~t cub~ot curl~/ cu~bot");
        QTest::newRow("nul before bot") << withNul("~~bot");
        QTest::newRow("fullwidth") << QStringLiteral("\uff42\uff4f\uff54");
        QTest::newRow("long browser")
            << QStringLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64) ").repeated(12) +
                   QStringLiteral("spider");
    }
    void sameAnswersAsTheOriginal()
    {
        QFETCH(QString, ua);
        QCOMPARE(answer(BotDetector::match(ua)), answer(referenceMatch(ua)));
    }

    // Strings built from pieces of the patterns, "cu", upper case and noise: where the
    // list order and the "cubot" exception matter most.
    void sameAnswersOnGeneratedAgents()
    {
        QList<QByteArray> pieces = BotDetector::patterns();
        for (const QByteArray &p : BotDetector::patterns()) {
            pieces.append(p.left(p.size() / 2));
            pieces.append(p.mid(p.size() / 2));
        }
        pieces << "cu"
               << "CU"
               << "c"
               << "u"
               << "b"
               << "o"
               << "t"
               << " "
               << "/"
               << "_"
               << "-"
               << "Mozilla/5.0";
        QRandomGenerator rng(20260613);
        int bots = 0;
        for (int n = 0; n < 20000; ++n) {
            QString ua;
            const int parts = int(rng.bounded(1, 7));
            for (int k = 0; k < parts; ++k) {
                QString piece = QString::fromLatin1(pieces.at(rng.bounded(pieces.size())));
                if (rng.bounded(4) == 0)
                    piece = piece.toUpper();
                if (rng.bounded(8) == 0 && !piece.isEmpty())
                    piece[rng.bounded(piece.size())] = QChar(u'\u00e9');
                ua += piece;
            }
            const auto expected = referenceMatch(ua);
            bots += expected.has_value();
            QVERIFY2(answer(BotDetector::match(ua)) == answer(expected), qPrintable(ua));
        }
        QVERIFY2(bots > 5000 && bots < 19000, qPrintable(QString::number(bots))); // both answers exercised
    }

    void answersThePatternName()
    {
        QCOMPARE(answer(BotDetector::match(QStringLiteral("curl/8.4.0"))), QStringLiteral("curl/"));
        QCOMPARE(answer(BotDetector::match(QStringLiteral("CCBot/2.0"))), QStringLiteral("bot"));
        QCOMPARE(answer(BotDetector::match(QStringLiteral("Cubot Spider"))), QStringLiteral("spider"));
        QCOMPARE(answer(BotDetector::match(QStringLiteral("prerender electron-prerender"))),
                 QStringLiteral("electron-prerender"));
        QCOMPARE(answer(BotDetector::match(QStringLiteral("Mozilla/5.0 (Linux; Android 10; CUBOT X30)"))),
                 QStringLiteral("(browser)"));
    }
};

QTEST_GUILESS_MAIN(TestBotDetector)
#include "tst_botdetector.moc"
