#include "toplist.h"

#include "ui/format.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
constexpr int ShareRole = Qt::UserRole + 1;
constexpr int ValueRole = Qt::UserRole + 2;

// Paints the row's share as a tinted bar behind the value, then the value as usual.
class BarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double share = index.data(ShareRole).toDouble();
        if (share > 0) {
            QColor bar = option.palette.color(QPalette::Highlight);
            bar.setAlpha(option.palette.color(QPalette::Base).lightness() < 128 ? 90 : 45);
            QRect r = option.rect.adjusted(1, 3, -1, -3);
            r.setWidth(qMax(2, int(r.width() * share)));
            painter->fillRect(r, bar);
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};
} // namespace

TopList::TopList(const QString &objectName, const QString &title, const QString &valueHeader, QWidget *parent)
    : QFrame(parent), m_table(new QTableWidget(0, 2, this)), m_empty(new QLabel(tr("Nothing in this range."), this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    auto *heading = new QLabel(u"<b>%1</b>"_s.arg(title.toHtmlEscaped()), this);
    m_table->setObjectName(objectName + u"Table"_s);
    m_table->setHorizontalHeaderLabels({valueHeader, tr("Count")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setFrameShape(QFrame::NoFrame);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setItemDelegateForColumn(0, new BarDelegate(m_table));
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    layout->addStretch(0);
    setRows({});
}

void TopList::setRows(const QList<AnalyticsCount> &rows)
{
    m_table->setRowCount(int(rows.size()));
    qint64 top = 1;
    for (const AnalyticsCount &r : rows)
        top = qMax(top, r.count);
    for (int i = 0; i < rows.size(); ++i) {
        const AnalyticsCount &r = rows.at(i);
        const QString shown = r.value.isEmpty() ? tr("(none)") : m_valueText ? m_valueText(r.value) : r.value;
        auto *value = new QTableWidgetItem(shown);
        // Values come from visitors' browsers: never let one be read as rich text.
        value->setToolTip(m_hint.isEmpty() ? u"<p>%1</p>"_s.arg(shown.toHtmlEscaped())
                                           : u"<p>%1</p><p><i>%2</i></p>"_s.arg(shown.toHtmlEscaped(),
                                                                               m_hint.toHtmlEscaped()));
        value->setData(ShareRole, double(r.count) / double(top));
        value->setData(ValueRole, r.value);
        auto *count = new QTableWidgetItem(Format::number(r.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(i, 0, value);
        m_table->setItem(i, 1, count);
    }
    // Tall enough for every row (ten at most): the page scrolls, not each list.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            m_table->verticalHeader()->defaultSectionSize() * qMax(1, int(rows.size())) + 4);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setVisible(!rows.isEmpty());
    m_empty->setVisible(rows.isEmpty());
}

int TopList::rowCount() const
{
    return m_table->rowCount();
}

void TopList::setActivatable(const QString &hint)
{
    m_hint = hint;
    m_table->viewport()->setCursor(Qt::PointingHandCursor);
    m_table->setFocusPolicy(Qt::StrongFocus);
    const auto activate = [this](int row) {
        if (const QTableWidgetItem *item = m_table->item(row, 0))
            Q_EMIT valueActivated(item->data(ValueRole).toString());
    };
    connect(m_table, &QTableWidget::cellClicked, this, [activate](int row, int) { activate(row); });
    connect(m_table, &QTableWidget::cellActivated, this, [activate](int row, int) { activate(row); });
}

} // namespace Gui
