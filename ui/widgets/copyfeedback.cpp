#include "copyfeedback.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Gui {

void copyWithFeedback(QAbstractButton *button, const QString &text, int showMs)
{
    QApplication::clipboard()->setText(text);
    if (!button)
        return;
    // The label it had before the first of several quick copies.
    if (!button->property("zenovayCopyLabel").isValid()) {
        button->setProperty("zenovayCopyLabel", button->text());
        button->setProperty("zenovayCopyTip", button->toolTip());
    }
    button->setText(QApplication::translate("Gui::CopyFeedback", "Copied ✓"));
    button->setToolTip(QApplication::translate("Gui::CopyFeedback", "Copied to the clipboard"));
    const QPointer<QAbstractButton> target(button);
    const int serial = button->property("zenovayCopySerial").toInt() + 1;
    button->setProperty("zenovayCopySerial", serial);
    QTimer::singleShot(showMs, button, [target, serial] {
        if (!target || target->property("zenovayCopySerial").toInt() != serial)
            return; // a later copy restores it
        target->setText(target->property("zenovayCopyLabel").toString());
        target->setToolTip(target->property("zenovayCopyTip").toString());
        target->setProperty("zenovayCopyLabel", QVariant());
    });
}

} // namespace Gui
