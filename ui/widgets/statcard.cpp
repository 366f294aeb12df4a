#include "statcard.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

StatCard::StatCard(const QString &objectName, const QString &caption, QWidget *parent)
    : QFrame(parent), m_value(new QLabel(u"—"_s, this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_value->setObjectName(u"value"_s);
    QFont f = m_value->font();
    f.setPointSizeF(f.pointSizeF() * 1.7);
    f.setBold(true);
    m_value->setFont(f);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *label = new QLabel(caption, this);
    label->setObjectName(u"caption"_s);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    m_caption = label;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(label);
    layout->addStretch(1);
    // Cards in a row share one height, whatever their captions wrap to.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void StatCard::setValue(const QString &value, const QString &toolTip)
{
    m_value->setText(value);
    setToolTip(toolTip);
}

void StatCard::setCaption(const QString &caption)
{
    m_caption->setText(caption);
}

QString StatCard::value() const
{
    return m_value->text();
}

} // namespace Gui
