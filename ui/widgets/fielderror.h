#pragma once

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace Gui {

// A red, word-wrapped label placed under a form field for the server's 422 message;
// hidden while empty.
QLabel *createFieldError(const QString &objectName, QWidget *parent);
void setFieldError(QLabel *label, const QString &text);

struct ApiFailure;
// A failed save shown on its form: each field message next to the field named in
// `fieldLabels`; everything else (other fields, or the status, code, message and
// request id when there are no field messages) in `summary`.
void showFailure(const ApiFailure &failure, const QHash<QString, QLabel *> &fieldLabels, QLabel *summary);

} // namespace Gui
