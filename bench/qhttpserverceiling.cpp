// zenovay-qhttpserver-ceiling: the smallest QHttpServer 6.4 application — one route
// answering GET /healthz with a fixed body, nothing of ours in between. bench/run.sh
// measures it with the same load generator as our server, so the report can show
// what QHttpServer itself costs per request on this machine.
//
//   zenovay-qhttpserver-ceiling PORT     (listens on 127.0.0.1 only)
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const quint16 port = args.size() == 2 ? args.at(1).toUShort(&ok) : 0;
    if (!ok) {
        std::fprintf(stderr, "usage: zenovay-qhttpserver-ceiling PORT\n");
        return 2;
    }
    QHttpServer server;
    server.route(QStringLiteral("/healthz"), [] { return QStringLiteral("{\"status\":\"ok\"}"); });
    if (server.listen(QHostAddress::LocalHost, port) != port) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    return app.exec();
}
