// Event validation (spec section 4), bot detection and the journal payload format.
#include "core/ingest/botdetector.h"
#include "core/ingest/eventvalidator.h"
#include "core/model/timeutil.h"

#include <QDataStream>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>

using namespace Core;

namespace {
constexpr qint64 Now = 1'781'352'000'000; // 2026-06-13T12:00:00Z

// The original URL rule: QUrl in strict mode, then the FullyEncoded path ("/" when empty).
std::optional<QString> referenceUrlPath(const QString &text)
{
    if (text.isEmpty() || text.size() > EventValidation::MaxUrlLength)
        return std::nullopt;
    for (const QChar c : text)
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return std::nullopt;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty())
        return std::nullopt;
    const QString path = url.path(QUrl::FullyEncoded);
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QString describe(const std::optional<QString> &path)
{
    return path ? QStringLiteral("accepted, path ") + *path : QStringLiteral("rejected");
}

// The original payload writer (QDataStream), kept as the reference for the format.
QByteArray referenceSerialize(const TrackedEvent &e)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << quint8(2) << e.websiteId << quint8(e.type) << e.name << e.url << e.path << e.referrer << e.sessionId
      << e.userAgent << e.deviceType << e.browser << e.os << e.props << e.occurredAt << e.receivedAt
      << e.keyId << e.visitorId << e.country;
    return out;
}

// The original payload reader (QDataStream), kept as the reference.
std::optional<TrackedEvent> referenceDeserialize(const QByteArray &bytes)
{
    QDataStream s(bytes);
    s.setVersion(QDataStream::Qt_6_4);
    quint8 version = 0;
    quint8 type = 0;
    TrackedEvent e;
    s >> version;
    if (version != 1 && version != 2)
        return std::nullopt;
    s >> e.websiteId >> type >> e.name >> e.url >> e.path >> e.referrer >> e.sessionId >> e.userAgent >>
        e.deviceType >> e.browser >> e.os >> e.props >> e.occurredAt >> e.receivedAt >> e.keyId;
    if (version >= 2)
        s >> e.visitorId >> e.country;
    if (s.status() != QDataStream::Ok || type > 1)
        return std::nullopt;
    e.type = TrackedEvent::Type(type);
    return e;
}

TrackedEvent fullEvent()
{
    TrackedEvent e;
    e.websiteId = QStringLiteral("w1");
    e.type = TrackedEvent::Type::Custom;
    e.name = QStringLiteral("sign-up \u00e9\U0001F600");
    e.url = QStringLiteral("https://e.x/");
    e.path = QStringLiteral("/");
    e.referrer = QString(); // null
    e.sessionId = QStringLiteral("sess-123");
    e.userAgent = QStringLiteral("UA");
    e.deviceType = QStringLiteral("desktop");
    e.browser = QStringLiteral("Firefox");
    e.os = QStringLiteral("Linux");
    e.props = QByteArray("{\"a\":1}");
    e.occurredAt = 1'781'352'000'000;
    e.receivedAt = -5;
    e.keyId = QLatin1String(""); // empty, not null
    return e;
}

void compareEvents(const TrackedEvent &a, const TrackedEvent &b)
{
    for (const auto field :
         {&TrackedEvent::websiteId, &TrackedEvent::name, &TrackedEvent::url, &TrackedEvent::path,
          &TrackedEvent::referrer, &TrackedEvent::sessionId, &TrackedEvent::userAgent,
          &TrackedEvent::deviceType, &TrackedEvent::browser, &TrackedEvent::os, &TrackedEvent::keyId,
          &TrackedEvent::country}) {
        QCOMPARE(a.*field, b.*field);
        QCOMPARE((a.*field).isNull(), (b.*field).isNull());
    }
    QCOMPARE(int(a.type), int(b.type));
    QCOMPARE(a.props, b.props);
    QCOMPARE(a.props.isNull(), b.props.isNull());
    QCOMPARE(a.visitorId, b.visitorId);
    QCOMPARE(a.visitorId.isNull(), b.visitorId.isNull());
    QCOMPARE(a.occurredAt, b.occurredAt);
    QCOMPARE(a.receivedAt, b.receivedAt);
}

QJsonObject validEvent()
{
    return QJsonObject{{QStringLiteral("event_type"), QStringLiteral("pageview")},
                       {QStringLiteral("url"), QStringLiteral("https://example.com/home?x=1#top")},
                       {QStringLiteral("session_id"), QStringLiteral("srv-session-abcdef")},
                       {QStringLiteral("user_agent"), QStringLiteral("MyServer/1.0")},
                       {QStringLiteral("device_type"), QStringLiteral("desktop")},
                       {QStringLiteral("browser"), QStringLiteral("Server")},
                       {QStringLiteral("os"), QStringLiteral("Linux")}};
}
} // namespace

class TestEventValidation : public QObject
{
    Q_OBJECT
private slots:
    void table_data()
    {
        QTest::addColumn<QByteArray>("patch"); // JSON object merged over a valid event; null removes
        QTest::addColumn<QString>("expected"); // "ok", "422:<field>" or "400:<field>"

        QTest::newRow("guide example") << QByteArray("{}") << "ok";
        QTest::newRow("custom event") << QByteArray("{\"event_type\":\"event\",\"name\":\"signup\"}") << "ok";
        QTest::newRow("event needs name") << QByteArray("{\"event_type\":\"event\"}") << "422:name";
        QTest::newRow("event name too long")
            << QByteArray("{\"event_type\":\"event\",\"name\":\"" + QByteArray(101, 'n') + "\"}")
            << "422:name";
        QTest::newRow("missing event_type") << QByteArray("{\"event_type\":null}") << "422:event_type";
        QTest::newRow("unknown event_type") << QByteArray("{\"event_type\":\"click\"}") << "422:event_type";
        QTest::newRow("event_type number") << QByteArray("{\"event_type\":1}") << "400:event_type";
        QTest::newRow("missing url") << QByteArray("{\"url\":null}") << "422:url";
        QTest::newRow("relative url") << QByteArray("{\"url\":\"/home\"}") << "422:url";
        QTest::newRow("ftp url") << QByteArray("{\"url\":\"ftp://example.com/\"}") << "422:url";
        QTest::newRow("url without host") << QByteArray("{\"url\":\"https://\"}") << "422:url";
        QTest::newRow("url with space") << QByteArray("{\"url\":\"https://exa mple.com/\"}") << "422:url";
        QTest::newRow("url too long")
            << QByteArray("{\"url\":\"https://example.com/" + QByteArray(2100, 'a') + "\"}") << "422:url";
        QTest::newRow("url with port") << QByteArray("{\"url\":\"https://example.com:8443/x\"}") << "ok";
        QTest::newRow("url with user") << QByteArray("{\"url\":\"https://me@example.com/x\"}") << "ok";
        QTest::newRow("upper-case url") << QByteArray("{\"url\":\"HTTPS://EXAMPLE.COM/Home\"}") << "ok";
        QTest::newRow("ipv6 url") << QByteArray("{\"url\":\"http://[::1]:8080/x\"}") << "ok";
        QTest::newRow("url bad percent") << QByteArray("{\"url\":\"https://example.com/%zz\"}") << "422:url";
        QTest::newRow("url with brace") << QByteArray("{\"url\":\"https://example.com/{x}\"}") << "422:url";
        QTest::newRow("url query pipe") << QByteArray("{\"url\":\"https://example.com/?a|b\"}") << "422:url";
        QTest::newRow("referrer with port")
            << QByteArray("{\"referrer\":\"https://news.example.org:8443/a?b#c\"}") << "ok";
        QTest::newRow("referrer bad percent")
            << QByteArray("{\"referrer\":\"https://a.example/%g0\"}") << "422:referrer";
        QTest::newRow("url object") << QByteArray("{\"url\":{}}") << "400:url";
        QTest::newRow("session 7 chars") << QByteArray("{\"session_id\":\"1234567\"}") << "422:session_id";
        QTest::newRow("session 8 chars") << QByteArray("{\"session_id\":\"12345678\"}") << "ok";
        QTest::newRow("session 128 chars")
            << QByteArray("{\"session_id\":\"" + QByteArray(128, 's') + "\"}") << "ok";
        QTest::newRow("session 129 chars")
            << QByteArray("{\"session_id\":\"" + QByteArray(129, 's') + "\"}") << "422:session_id";
        QTest::newRow("session with space")
            << QByteArray("{\"session_id\":\"abc defgh\"}") << "422:session_id";
        QTest::newRow("session number") << QByteArray("{\"session_id\":12345678}") << "400:session_id";
        QTest::newRow("missing user_agent") << QByteArray("{\"user_agent\":null}") << "422:user_agent";
        QTest::newRow("blank user_agent") << QByteArray("{\"user_agent\":\"  \"}") << "422:user_agent";
        QTest::newRow("device phone") << QByteArray("{\"device_type\":\"phone\"}") << "422:device_type";
        QTest::newRow("device tablet") << QByteArray("{\"device_type\":\"tablet\"}") << "ok";
        QTest::newRow("missing browser") << QByteArray("{\"browser\":null}") << "422:browser";
        QTest::newRow("missing os") << QByteArray("{\"os\":\"\"}") << "422:os";
        QTest::newRow("os too long") << QByteArray("{\"os\":\"" + QByteArray(65, 'o') + "\"}") << "422:os";
        QTest::newRow("empty referrer") << QByteArray("{\"referrer\":\"\"}") << "ok";
        QTest::newRow("bad referrer") << QByteArray("{\"referrer\":\"not a url\"}") << "422:referrer";
        QTest::newRow("flat props") << QByteArray(
                                           "{\"props\":{\"plan\":\"pro\",\"n\":3,\"ok\":true,\"x\":null}}")
                                    << "ok";
        QTest::newRow("nested props") << QByteArray("{\"props\":{\"a\":{\"b\":1}}}") << "422:props";
        QTest::newRow("array props value") << QByteArray("{\"props\":{\"a\":[1]}}") << "422:props";
        QTest::newRow("props array") << QByteArray("{\"props\":[1,2]}") << "400:props";
        QTest::newRow("props string too long")
            << QByteArray("{\"props\":{\"a\":\"" + QByteArray(501, 'a') + "\"}}") << "422:props";
        QByteArray many = "{\"props\":{";
        for (int i = 0; i < 26; ++i)
            many += (i ? ",\"k" : "\"k") + QByteArray::number(i) + "\":1";
        QTest::newRow("too many props") << many + "}}"
                                        << "422:props";
        QTest::newRow("iso timestamp") << QByteArray("{\"timestamp\":\"2026-06-13T11:00:00.000Z\"}") << "ok";
        QTest::newRow("ms timestamp") << QByteArray("{\"timestamp\":1781348400000}") << "ok";
        QTest::newRow("future timestamp")
            << QByteArray("{\"timestamp\":\"2026-06-13T12:06:00Z\"}") << "422:timestamp";
        QTest::newRow("ancient timestamp")
            << QByteArray("{\"timestamp\":\"2020-01-01T00:00:00Z\"}") << "422:timestamp";
        QTest::newRow("zone-less timestamp")
            << QByteArray("{\"timestamp\":\"2026-06-13T11:00:00\"}") << "422:timestamp";
        QTest::newRow("bool timestamp") << QByteArray("{\"timestamp\":true}") << "400:timestamp";
        QTest::newRow("unknown field ignored") << QByteArray("{\"colour\":\"blue\"}") << "ok";
    }

    void table()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, expected);
        QJsonObject json = validEvent();
        const QJsonObject p = QJsonDocument::fromJson(patch).object();
        QVERIFY2(!p.isEmpty() || patch == "{}", patch.constData());
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (it.value().isNull())
                json.remove(it.key());
            else
                json.insert(it.key(), it.value());
        }
        auto result = EventValidation::parse(json, QStringLiteral("site-1"), Now);
        if (expected == QLatin1String("ok")) {
            const auto *error = std::get_if<ServiceError>(&result);
            QVERIFY2(!error, error ? qPrintable(error->details().keys().join(u',') + error->message()) : "");
            return;
        }
        QVERIFY2(std::holds_alternative<ServiceError>(result), qPrintable(expected));
        const ServiceError &e = std::get<ServiceError>(result);
        const QString field = expected.mid(4);
        if (expected.startsWith(QLatin1String("422"))) {
            QCOMPARE(e.kind(), ServiceError::Kind::Validation);
            QVERIFY2(e.details().contains(field), qPrintable(e.details().keys().join(u',')));
            QCOMPARE(e.details().size(), 1);
        } else {
            QCOMPARE(e.kind(), ServiceError::Kind::InvalidArgument);
            QCOMPARE(e.code(), QByteArray("INVALID_PARAMETER"));
            QCOMPARE(e.details().value(QStringLiteral("parameter")), field);
            QVERIFY(e.message().contains(field));
        }
    }

    // The quick URL check gives exactly QUrl's decisions and paths: real URLs, odd ones,
    // and every one-character change (replaced or inserted) of them.
    void urlRuleMatchesQUrl()
    {
        const QStringList bases = {
            QStringLiteral("https://shop.example/products/item-0042?ref=00000000000a1b2c"),
            QStringLiteral("https://news.example.org/article"),
            QStringLiteral("https://example.com/home?x=1#top"),
            QStringLiteral("http://a.b-c.d/x_y.z~w/"),
            QStringLiteral("https://example.com"),
            QStringLiteral("http://localhost?q"),
            QStringLiteral("https://x.co/a//b/../c/./d#f?g"),
            QStringLiteral("https://sub.example.co.uk/?q=a&r=b:c@d/e?f#g"),
            QStringLiteral("https://1.2.3.4/ip"),
            QStringLiteral("https://[::1]:8080/v6"),
            QStringLiteral("https://user:pw@example.com:8443/u"),
            QStringLiteral("https://xn--bcher-kva.example/"),
            QStringLiteral("HTTPS://EXAMPLE.com/A"),
            QStringLiteral("https://example.com./dot"),
            QStringLiteral("https://a--b.example/"),
            QStringLiteral("https://ex\u00e4mple.de/\u00fc?\u00f6#\u00e9"),
            QStringLiteral("https://example.com/%41%7e?%zz"),
            QStringLiteral("ftp://example.com/"),
            QStringLiteral("https:/example.com"),
            QStringLiteral("//example.com/x"),
        };
        QString alphabet;
        for (char16_t c = 0x21; c < 0x7f; ++c)
            alphabet += QChar(c);
        alphabet += QStringLiteral("\u00e9\u00a0\u200b");
        int accepted = 0, total = 0;
        const auto check = [&](const QString &url) {
            const auto expected = referenceUrlPath(url);
            ++total;
            accepted += expected.has_value();
            QCOMPARE(describe(EventValidation::httpUrlPath(url)), describe(expected));
            QCOMPARE(EventValidation::isHttpUrl(url), expected.has_value());
        };
        for (const QString &base : bases) {
            check(base);
            if (QTest::currentTestFailed())
                return;
            for (qsizetype i = 0; i <= base.size(); ++i) {
                for (const QChar c : alphabet) {
                    if (i < base.size()) {
                        QString changed = base;
                        changed[i] = c;
                        check(changed);
                    }
                    check(base.left(i) + c + base.mid(i));
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }
        // Both answers are well exercised.
        QVERIFY2(accepted > total / 4 && accepted < total,
                 qPrintable(QStringLiteral("%1 of %2").arg(accepted).arg(total)));
    }

    void messagesFollowTheGuide()
    {
        QJsonObject json = validEvent();
        json.insert(QStringLiteral("url"), QStringLiteral("nope"));
        json.insert(QStringLiteral("event_type"), QStringLiteral("event"));
        json.insert(QStringLiteral("name"), QString(101, u'x'));
        json.remove(QStringLiteral("session_id"));
        const auto e = std::get<ServiceError>(EventValidation::parse(json, QStringLiteral("s"), Now));
        QCOMPARE(e.details().value(QStringLiteral("url")), QStringLiteral("Invalid URL format"));
        QCOMPARE(e.details().value(QStringLiteral("name")),
                 QStringLiteral("Name too long (max 100 characters)"));
        QCOMPARE(e.details().value(QStringLiteral("session_id")), QStringLiteral("Required"));
        QCOMPARE(e.details().size(), 3); // every failing field at once
    }

    void fieldsAreNormalised()
    {
        QJsonObject json = validEvent();
        json.insert(QStringLiteral("timestamp"), QStringLiteral("2026-06-13T13:30:00+02:00"));
        json.insert(QStringLiteral("props"), QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}});
        const TrackedEvent e = EventValidation::parseOrThrow(json, QStringLiteral("site-1"), Now);
        QCOMPARE(e.path, QStringLiteral("/home"));
        json.insert(QStringLiteral("url"), QStringLiteral("https://Example.com?x=1"));
        QCOMPARE(EventValidation::parseOrThrow(json, QStringLiteral("site-1"), Now).path,
                 QStringLiteral("/"));
        json.insert(QStringLiteral("url"),
                    QString(QStringLiteral("https://example.com/") + QString(600, u'p')));
        QCOMPARE(EventValidation::parseOrThrow(json, QStringLiteral("site-1"), Now).path.size(),
                 EventValidation::MaxPathLength);
        json.insert(QStringLiteral("url"), QStringLiteral("https://example.com/home?x=1#top"));
        QCOMPARE(e.occurredAt, *Time::parseIso(QStringLiteral("2026-06-13T11:30:00.000Z")));
        QCOMPARE(e.receivedAt, Now);
        QCOMPARE(e.props, QByteArray("{\"plan\":\"pro\"}"));
        QCOMPARE(e.websiteId, QStringLiteral("site-1"));

        const auto back = TrackedEvent::deserialize(e.serialize());
        QVERIFY(back);
        QCOMPARE(back->url, e.url);
        QCOMPARE(back->props, e.props);
        QCOMPARE(back->occurredAt, e.occurredAt);
        QCOMPARE(int(back->type), int(e.type));
        QVERIFY(!TrackedEvent::deserialize(QByteArray("garbage")));
    }

    // Journals written by earlier builds must replay: the payload is byte for byte what
    // the original QDataStream writer produced, and such payloads read back.
    void payloadFormatIsStable()
    {
        const TrackedEvent e = fullEvent();
        // Format 1, as journals of earlier builds hold it: still read, with no visitor id.
        const QByteArray version1 = QByteArray::fromHex(
            "0100000004007700310100000016007300690067006e002d00750070002000e9d83dde0000000018"
            "00680074007400700073003a002f002f0065002e0078002f00000002002fffffffff0000001000"
            "73006500730073002d00310032003300000004005500410000000e006400650073006b0074006f"
            "00700000000e00460069007200650066006f00780000000a004c0069006e00750078000000077b"
            "2261223a317d0000019ec0da6a00fffffffffffffffb00000000");
        QVERIFY(TrackedEvent::deserialize(version1));
        QVERIFY(referenceDeserialize(version1));
        compareEvents(*TrackedEvent::deserialize(version1), e);
        compareEvents(*referenceDeserialize(version1), e);
        // Format 2 appends the visitor id and the country (both null here).
        QCOMPARE(e.serialize(), QByteArray("\x02") + version1.mid(1) + QByteArray(8, '\xff'));
        TrackedEvent withVisitor = e;
        withVisitor.visitorId = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        withVisitor.country = QStringLiteral("DE");
        QCOMPARE(withVisitor.serialize(), referenceSerialize(withVisitor));
        QVERIFY(TrackedEvent::deserialize(withVisitor.serialize()));
        compareEvents(*TrackedEvent::deserialize(withVisitor.serialize()), withVisitor);
        QCOMPARE(e.serialize(), referenceSerialize(e));
        const auto back = TrackedEvent::deserialize(referenceSerialize(e));
        QVERIFY(back);
        compareEvents(*back, e);

        TrackedEvent empty; // every string null, props null
        QCOMPARE(empty.serialize(), referenceSerialize(empty));
        compareEvents(*TrackedEvent::deserialize(empty.serialize()), empty);

        TrackedEvent parsed = EventValidation::parseOrThrow(validEvent(), QStringLiteral("site-1"), Now);
        parsed.keyId = QStringLiteral("key-1");
        QCOMPARE(parsed.serialize(), referenceSerialize(parsed));
        compareEvents(*TrackedEvent::deserialize(parsed.serialize()), parsed);

        // Damaged payloads: refused exactly when the original reader refused them, and
        // otherwise read the same (every truncation, and every byte set to a few values).
        for (const TrackedEvent &sample : {e, empty, parsed, withVisitor}) {
            const QByteArray good = sample.serialize();
            for (qsizetype n = 0; n < good.size(); ++n)
                QVERIFY2(!TrackedEvent::deserialize(good.first(n)), qPrintable(QString::number(n)));
            for (qsizetype i = 0; i < good.size(); ++i) {
                for (const char value : {'\x00', '\x01', '\x02', '\x7f', '\x80', '\xfe', '\xff'}) {
                    QByteArray bad = good;
                    bad[i] = value;
                    const auto mine = TrackedEvent::deserialize(bad);
                    const auto reference = referenceDeserialize(bad);
                    QCOMPARE(mine.has_value(), reference.has_value());
                    if (mine)
                        compareEvents(*mine, *reference);
                    if (QTest::currentTestFailed())
                        return;
                }
            }
        }

        QByteArray future = e.serialize();
        future[0] = char(TrackedEvent::FormatVersion + 1); // a later format version is not misread
        QVERIFY(!TrackedEvent::deserialize(future));
        QVERIFY(!TrackedEvent::deserialize(e.serialize().chopped(1)));
    }

    void bots_data()
    {
        QTest::addColumn<QString>("ua");
        QTest::addColumn<bool>("bot");
        QTest::newRow("googlebot")
            << "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" << true;
        QTest::newRow("bingbot") << "Mozilla/5.0 (compatible; bingbot/2.0)" << true;
        QTest::newRow("headless") << "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36"
                                  << true;
        QTest::newRow("curl") << "curl/8.1.2" << true;
        QTest::newRow("python") << "python-requests/2.31" << true;
        QTest::newRow("facebook") << "facebookexternalhit/1.1" << true;
        QTest::newRow("chrome")
            << "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/120.0 Safari/537.36"
            << false;
        QTest::newRow("iphone")
            << "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
               "Version/17.0 Mobile/15E148 Safari/604.1"
            << false;
        QTest::newRow("cubot phone") << "Mozilla/5.0 (Linux; Android 10; CUBOT X30) Chrome/99.0 Mobile"
                                     << false;
        QTest::newRow("guide server") << "MyServer/1.0" << false;
    }
    void bots()
    {
        QFETCH(QString, ua);
        QFETCH(bool, bot);
        QCOMPARE(BotDetector::match(ua).has_value(), bot);
    }
};

QTEST_GUILESS_MAIN(TestEventValidation)
#include "tst_eventvalidation.moc"
