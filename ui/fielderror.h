#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace Gui {

// A red, word-wrapped label placed under a form field for the server's 422 message;
// hidden while empty.
QLabel *createFieldError(const QString &objectName, QWidget *parent);
void setFieldError(QLabel *label, const QString &text);

} // namespace Gui
