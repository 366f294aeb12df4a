#pragma once

#include "ui/client/serverconnector.h"

namespace TestSupport {

// Points the app at a server the test started itself.
class FixedConnector final : public Gui::ServerConnector
{
    Q_OBJECT
public:
    FixedConnector(QUrl url, QString accountKey, QObject *parent = nullptr)
        : Gui::ServerConnector(parent), m_url(std::move(url)), m_accountKey(std::move(accountKey))
    {}
    void connectTo(const Gui::ConnectionTarget &target) override
    {
        m_target = target;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT connected(m_url, QStringLiteral("Test server"), m_accountKey); },
            Qt::QueuedConnection);
    }
    Gui::ConnectionTarget target() const override { return m_target; }

private:
    QUrl m_url;
    QString m_accountKey;
    Gui::ConnectionTarget m_target;
};

} // namespace TestSupport
