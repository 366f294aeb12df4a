#include "fielderror.h"

#include "ui/client/apitypes.h"
#include "ui/client/servermessages.h"

#include <QColor>
#include <QCoreApplication>
#include <QLabel>
#include <QPalette>

namespace Gui {

QLabel *createFieldError(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    label->setPalette(p);
    label->hide();
    return label;
}

void setFieldError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void showFailure(const ApiFailure &f, const QHash<QString, QLabel *> &fieldLabels, QLabel *summary)
{
    QStringList rest;
    for (auto it = f.details.begin(); it != f.details.end(); ++it) {
        if (QLabel *label = fieldLabels.value(it.key()))
            setFieldError(label, localizedServerMessage(it.value()));
        else
            rest << it.key() + QStringLiteral(": ") + localizedServerMessage(it.value());
    }
    if (!f.details.isEmpty() && rest.isEmpty())
        return;
    // A sentence first (the server's message in the user's language), then the
    // technical line for support: status, code, request id.
    QString text = f.isNetworkError()
                       ? QCoreApplication::translate("Gui::FieldError", "The server could not be reached: %1")
                             .arg(f.message)
                       : localizedServerMessage(f.message);
    if (!rest.isEmpty())
        text += QLatin1Char('\n') + rest.join(QLatin1Char('\n'));
    if (!f.isNetworkError())
        text += QLatin1Char('\n') + QCoreApplication::translate("Gui::FieldError", "HTTP %1 · %2").arg(f.status).arg(f.code);
    if (!f.requestId.isEmpty())
        text += QCoreApplication::translate("Gui::FieldError", " · request ID %1").arg(f.requestId);
    setFieldError(summary, text);
}

} // namespace Gui
