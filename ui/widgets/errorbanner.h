#pragma once

#include "ui/client/apitypes.h"

#include <QFrame>

class QLabel;
class QToolButton;

namespace Gui {

// An inline, dismissable error: a plain sentence saying what failed and why (the
// server's message in the user's language, or what its status means), and under
// "Details" the HTTP status, the error code and the request id (copyable) the user can
// quote to support.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    void showFailure(const QString &action, const ApiFailure &failure);
    void showMessage(const QString &text);
    // Everything it says, details included.
    QString text() const;
    QString summaryText() const;
    bool detailsShown() const;
    const ApiFailure &failure() const { return m_failure; }
    // "Could not load the websites. The server had a problem…" (fields to correct as
    // bullets); then the technical lines: "HTTP 500 · INTERNAL_ERROR", "Request ID: …".
    static QString summary(const QString &action, const ApiFailure &failure);
    static QString details(const ApiFailure &failure);
    // summary and details in one text (the status bar takes its first line).
    static QString describe(const QString &action, const ApiFailure &failure);

private:
    void restyle();
    bool event(QEvent *e) override;
    QLabel *m_label;
    QLabel *m_details;
    QToolButton *m_toggle;
    QToolButton *m_copy;
    ApiFailure m_failure;
};

} // namespace Gui
