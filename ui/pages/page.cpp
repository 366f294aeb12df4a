#include "page.h"

#include "ui/client/apiclient.h"
#include "ui/widgets/errorbanner.h"
#include "ui/workspace.h"

#include <QHeaderView>
#include <QLabel>
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
    const int generation = ++m_generation;
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

QTableView *Page::makeTable(const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
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
