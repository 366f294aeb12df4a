#include "page.h"

#include "ui/client/apiclient.h"
#include "ui/widgets/errorbanner.h"
#include "ui/workspace.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

Page::Page(Workspace *workspace, const QString &title, QWidget *parent)
    : QWidget(parent), m_workspace(workspace), m_title(title), m_banner(new ErrorBanner(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 12, 16, 12);
    outer->setSpacing(10);
    m_header = new QHBoxLayout;
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.45);
    f.setBold(true);
    heading->setFont(f);
    heading->setAccessibleName(title);
    m_header->addWidget(heading);
    m_header->addStretch(1);
    outer->addLayout(m_header);
    outer->addWidget(m_banner);
    m_content = new QVBoxLayout;
    m_content->setSpacing(8);
    outer->addLayout(m_content, 1);
}

ApiClient *Page::client() const
{
    return m_workspace->client();
}

void Page::loadKeys(std::function<void(const QList<Core::ApiKey> &, int)> loaded)
{
    const int generation = nextGeneration();
    client()->keys(
        this,
        [this, generation, loaded = std::move(loaded)](const QList<Core::ApiKey> &keys) {
            if (!isCurrent(generation))
                return;
            clearFailure();
            markLoaded();
            loaded(keys, generation);
        },
        [this, generation](const ApiFailure &f) {
            if (isCurrent(generation))
                showFailure(tr("Could not load your API keys."), f);
        });
}

void Page::showFailure(const QString &action, const ApiFailure &failure)
{
    m_banner->showFailure(action, failure);
    Q_EMIT statusMessage(ErrorBanner::describe(action, failure).section(u'\n', 0, 0));
}

void Page::showNotice(const QString &text)
{
    m_banner->showMessage(text);
}

void Page::clearFailure()
{
    m_banner->hide();
}

namespace {
class TableView final : public QTableView
{
public:
    TableView(const QString &emptyText, QWidget *parent) : QTableView(parent), m_emptyText(emptyText) {}

    QString stateText() const
    {
        if (!model() || model()->rowCount() > 0)
            return {};
        const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(model());
        if (proxy && proxy->sourceModel() && proxy->sourceModel()->rowCount() > 0)
            return Page::tr("Nothing matches the search or filter.");
        return m_emptyText;
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QTableView::paintEvent(event);
        const QString text = stateText();
        if (text.isEmpty())
            return;
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                         text);
    }

private:
    QString m_emptyText;
};
} // namespace

QString Page::emptyStateText(const QTableView *view)
{
    const auto *table = dynamic_cast<const TableView *>(view);
    return table ? table->stateText() : QString();
}

void Page::fitColumns(QTableView *view, int stretchColumn, int maxWidth)
{
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMaximumSectionSize(maxWidth);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
}

QTableView *Page::makeTable(const QString &objectName, QWidget *parent, const QString &emptyText)
{
    auto *view = new TableView(emptyText, parent);
    view->setObjectName(objectName);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->setTabKeyNavigation(false);
    return view;
}

} // namespace Gui
