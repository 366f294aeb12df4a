#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace TestSupport {

// A tiny scripted HTTP/1.1 server for client-side tests: one request per connection,
// answered by `handler`. Records every request it saw.
class StubHttpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;                     // path and query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hangUp = false; // close without answering
    };
    using Handler = std::function<Response(const Request &)>;

    explicit StubHttpServer(Handler handler, QObject *parent = nullptr);
    QUrl baseUrl() const;
    const QList<Request> &requests() const { return m_requests; }
    static Response json(int status, const QByteArray &body, const QByteArray &requestId = {});

private:
    void onConnection();
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace TestSupport
