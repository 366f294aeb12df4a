#include "stubhttpserver.h"

#include <QTcpSocket>

namespace TestSupport {

StubHttpServer::StubHttpServer(Handler handler, QObject *parent)
    : QTcpServer(parent), m_handler(std::move(handler))
{
    connect(this, &QTcpServer::newConnection, this, &StubHttpServer::onConnection);
    listen(QHostAddress::LocalHost, 0);
}

QUrl StubHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(serverPort());
    return url;
}

StubHttpServer::Response StubHttpServer::json(int status, const QByteArray &body, const QByteArray &requestId)
{
    Response r;
    r.status = status;
    r.body = body;
    r.headers << qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    if (!requestId.isEmpty())
        r.headers << qMakePair(QByteArrayLiteral("X-Request-Id"), requestId);
    return r;
}

void StubHttpServer::onConnection()
{
    while (QTcpSocket *socket = nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.insert(line.left(colon).trimmed().toLower(),
                                           line.mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < headEnd + 4 + length)
                return;
            request.body = buffer->mid(headEnd + 4, length);
            buffer->clear();
            m_requests << request;
            const Response response = m_handler(request);
            if (response.hangUp) {
                socket->abort();
                return;
            }
            QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Stub\r\n";
            for (const auto &h : response.headers)
                out += h.first + ": " + h.second + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) +
                   "\r\nConnection: close\r\n\r\n";
            out += response.body;
            socket->write(out);
            socket->disconnectFromHost();
        });
    }
}

} // namespace TestSupport
