#pragma once

#include "ui/client/apitypes.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Gui {

// An inline, dismissable error: what failed, the HTTP status, the server's message and
// code, and the request id (copyable) the user can quote to support.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    void showFailure(const QString &action, const ApiFailure &failure);
    void showMessage(const QString &text);
    QString text() const;
    const ApiFailure &failure() const { return m_failure; }
    static QString describe(const QString &action, const ApiFailure &failure);

private:
    void restyle();
    bool event(QEvent *e) override;
    QLabel *m_label;
    QToolButton *m_copy;
    ApiFailure m_failure;
};

} // namespace Gui
