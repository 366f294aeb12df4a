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
// "GET /api/admin/v1/teams/{id}" for every operation under `paths:`. Reads the
// block-style layout the file uses: paths indented by 2, methods by 4.
QSet<QString> documentedOperations(const QByteArray &yaml)
{
    static const QRegularExpression pathLine(QStringLiteral(R"(^  (/[^\s:]*):\s*$)"));
    static const QRegularExpression methodLine(
        QStringLiteral(R"(^    (get|put|post|patch|delete|head|options):)"));
    QSet<QString> out;
    bool inPaths = false;
    QString current;
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
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            current = m.captured(1);
        } else if (const auto op = methodLine.match(line); op.hasMatch() && !current.isEmpty()) {
            out.insert(op.captured(1).toUpper() + QLatin1Char(' ') + current);
        }
    }
    return out;
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
