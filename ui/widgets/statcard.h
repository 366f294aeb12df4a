#pragma once

#include <QFrame>

class QLabel;

namespace Gui {

// A figure with a caption ("1,204" / "Accepted, last 24 hours").
class StatCard final : public QFrame
{
    Q_OBJECT
public:
    StatCard(const QString &objectName, const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &toolTip = {});
    QString value() const;
    void setCaption(const QString &caption);

private:
    QLabel *m_value;
    QLabel *m_caption;
};

} // namespace Gui
