#pragma once

#include "ui/client/apitypes.h"

#include <QFrame>

#include <functional>

class QLabel;
class QTableWidget;

namespace Gui {

// A titled top list ("Pages", "Sources", ...): value and count per row, each row with a
// bar behind its value as long as its share of the largest count (as Plausible and Umami
// show them). Says so when the range has nothing.
class TopList final : public QFrame
{
    Q_OBJECT
public:
    TopList(const QString &objectName, const QString &title, const QString &valueHeader,
            QWidget *parent = nullptr);
    // How a value is shown (countries: their name for their code); as it is by default.
    void setValueText(std::function<QString(const QString &)> text) { m_valueText = std::move(text); }
    void setRows(const QList<AnalyticsCount> &rows);
    QTableWidget *table() const { return m_table; }
    int rowCount() const;
    // Rows become filters: a click (or Enter on the current row) emits valueActivated
    // with the row's value as the server sent it; `hint` is the rows' tooltip line.
    void setActivatable(const QString &hint);

Q_SIGNALS:
    void valueActivated(const QString &value);

private:
    QTableWidget *m_table;
    QLabel *m_empty;
    std::function<QString(const QString &)> m_valueText;
    QString m_hint;
};

} // namespace Gui
