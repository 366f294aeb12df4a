// docs/openapi.yaml and the routes the server registers stay in step: every registered
// route is documented, and every documented operation exists.
#include "testserver.h"

#include "server/http/httpengine.h"
#include "server/serverinstance.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace TestSupport;

namespace {
// The security of every documented operation: "none" for `security: []`, else the
// scheme it names ("ApiKey", "session"), else the file's global default ("session").
// Reads the block-style layout the file uses: paths indented by 2, methods by 4.
QHash<QString, QString> documentedSecurity(const QByteArray &yaml)
{
    static const QRegularExpression pathLine(QStringLiteral(R"(^  (/[^\s:]*):\s*$)"));
    static const QRegularExpression methodLine(
        QStringLiteral(R"(^    (get|put|post|patch|delete|head|options):)"));
    static const QRegularExpression securityLine(QStringLiteral(R"(^      security:\s*(.*)$)"));
    static const QRegularExpression scheme(QStringLiteral(R"(\b(ApiKey|session)\b)"));
    QHash<QString, QString> out;
    bool inPaths = false;
    bool readingSecurity = false;
    QString path;
    QString op;
    for (const QByteArray &raw : yaml.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (!line.startsWith(QLatin1Char(' '))) {
            inPaths = line.startsWith(QLatin1String("paths:"));
            continue;
        }
        if (!inPaths)
            continue;
        if (readingSecurity) {
            readingSecurity = false;
            if (const auto m = scheme.match(line);
                line.startsWith(QLatin1String("        -")) && m.hasMatch()) {
                out.insert(op, m.captured(1));
                continue;
            }
        }
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            path = m.captured(1);
            op.clear();
        } else if (const auto mm = methodLine.match(line); mm.hasMatch() && !path.isEmpty()) {
            op = mm.captured(1).toUpper() + QLatin1Char(' ') + path;
            out.insert(op, QStringLiteral("session"));
        } else if (const auto sm = securityLine.match(line); sm.hasMatch() && !op.isEmpty()) {
            const QString value = sm.captured(1).trimmed();
            if (value == QLatin1String("[]"))
                out.insert(op, QStringLiteral("none"));
            else if (const auto vm = scheme.match(value); vm.hasMatch())
                out.insert(op, vm.captured(1));
            else
                readingSecurity = value.isEmpty(); // a block list follows
        }
    }
    return out;
}

// "GET /api/admin/v1/teams/{id}" for every operation under `paths:`.
QSet<QString> documentedOperations(const QByteArray &yaml)
{
    const QList<QString> ops = documentedSecurity(yaml).keys();
    return QSet<QString>(ops.cbegin(), ops.cend());
}

QString schemeOf(Server::Access access)
{
    switch (access) {
    case Server::Access::Public:
        return QStringLiteral("none");
    case Server::Access::Session:
        return QStringLiteral("session");
    case Server::Access::ApiKey:
        return QStringLiteral("ApiKey");
    }
    return {};
}
} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void parserReadsTheLayout()
    {
        const QByteArray sample =
            "openapi: 3.0.3\npaths:\n  /a/{id}:\n    parameters: []\n    get:\n      summary: x\n"
            "    delete:\n      summary: y\n  /b:\n    post: {}\ncomponents:\n  /c:\n    get: {}\n";
        QCOMPARE(documentedOperations(sample),
                 (QSet<QString>{QStringLiteral("GET /a/{id}"), QStringLiteral("DELETE /a/{id}"),
                                QStringLiteral("POST /b")}));
    }

    void securityParserReadsTheLayout()
    {
        const QByteArray sample = "security:\n  - session: []\npaths:\n  /a:\n    get:\n      security: []\n"
                                  "    post:\n      summary: x\n  /b:\n    get:\n      security:\n"
                                  "        - ApiKey: []\n    put:\n      security: [{ApiKey: []}]\n";
        const QHash<QString, QString> expected{{QStringLiteral("GET /a"), QStringLiteral("none")},
                                               {QStringLiteral("POST /a"), QStringLiteral("session")},
                                               {QStringLiteral("GET /b"), QStringLiteral("ApiKey")},
                                               {QStringLiteral("PUT /b"), QStringLiteral("ApiKey")}};
        QCOMPARE(documentedSecurity(sample), expected);
    }

    // What each route declares it needs (Access) is what the document says it needs.
    void documentedSecurityIsTheRoutesDeclaredAccess()
    {
        QFile file(QStringLiteral(ZENOVAY_OPENAPI_YAML));
        QVERIFY2(file.open(QIODevice::ReadOnly), ZENOVAY_OPENAPI_YAML);
        const QHash<QString, QString> documented = documentedSecurity(file.readAll());
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.startError()));
        QList<Server::RouteSpec> routes;
        server.runOnServerThread([&](Server::ServerInstance &s) { routes = s.engine().router().routes(); });
        QStringList mismatched;
        int checked = 0;
        for (const Server::RouteSpec &route : routes) {
            const QString op = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            if (!documented.contains(op))
                continue; // the other test names it
            ++checked;
            if (documented.value(op) != schemeOf(route.access))
                mismatched << QStringLiteral("%1 (declared %2, documented %3)")
                                  .arg(op, schemeOf(route.access), documented.value(op));
        }
        QVERIFY(checked > 20);
        QVERIFY2(mismatched.isEmpty(), qPrintable(mismatched.join(QStringLiteral("; "))));
    }

    void everyRouteIsDocumentedAndEveryDocumentedRouteExists()
    {
        QFile file(QStringLiteral(ZENOVAY_OPENAPI_YAML));
        QVERIFY2(file.open(QIODevice::ReadOnly), ZENOVAY_OPENAPI_YAML);
        const QSet<QString> documented = documentedOperations(file.readAll());
        QVERIFY(documented.size() > 20);

        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.startError()));
        QStringList routes;
        server.runOnServerThread([&](Server::ServerInstance &s) { routes = s.engine().router().describe(); });
        QVERIFY(routes.contains(QStringLiteral("GET /api/admin/v1/teams/{id}")));

        QStringList undocumented;
        for (const QString &route : routes)
            if (!documented.contains(route))
                undocumented << route;
        QVERIFY2(undocumented.isEmpty(),
                 qPrintable(QStringLiteral("routes missing from docs/openapi.yaml: ") +
                            undocumented.join(QStringLiteral(", "))));

        const QSet<QString> registered(routes.cbegin(), routes.cend());
        QStringList phantom;
        for (const QString &op : documented)
            if (!registered.contains(op))
                phantom << op;
        QVERIFY2(phantom.isEmpty(), qPrintable(QStringLiteral("documented but not served: ") +
                                               phantom.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
