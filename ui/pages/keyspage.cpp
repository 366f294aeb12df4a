#include "keyspage.h"

#include "keydetailpage.h"
#include "ui/client/apiclient.h"
#include "ui/models/models.h"
#include "ui/widgets/keydialogs.h"
#include "ui/workspace.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

KeysPage::KeysPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Personal API keys"), parent), m_model(new ApiKeyModel(this)),
      m_filter(new KeyFilterModel(this)), m_stack(new QStackedWidget(this)),
      m_table(makeTable(u"keyTable"_s, this,
                        tr("No keys yet. Create one with “New key…”: you will need a team on the Pro plan or "
                           "higher to use it."))), m_search(new QLineEdit(this)), m_status(new QComboBox(this)),
      m_create(new QPushButton(tr("&New key…"), this)), m_revoke(new QPushButton(tr("&Revoke…"), this)),
      m_open(new QPushButton(tr("&Details"), this)), 
      m_detail(new KeyDetailPage(workspace, this))
{
    setObjectName(u"keysPage"_s);
    setNavTitle(tr("API keys")); // the sidebar stays narrow, the table gets the room
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->sortByColumn(ApiKeyModel::Created, Qt::DescendingOrder);
    // Every column in view from 1024 px wide up, in any language: each as wide as its
    // contents (capped; longer text is elided, the whole of it in the tooltip), the name
    // taking what is left. The status comes right after the name, with its coloured mark,
    // so a revoked key never looks active however narrow the window.
    fitColumns(m_table, ApiKeyModel::Name);
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(ApiKeyModel::Status), 1);

    m_search->setObjectName(u"keySearch"_s);
    m_search->setPlaceholderText(tr("Search by name or prefix (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(u"keyStatusFilter"_s);
    m_status->addItem(tr("All keys"), int(KeyFilterModel::StatusFilter::All));
    m_status->addItem(tr("Active"), int(KeyFilterModel::StatusFilter::Active));
    m_status->addItem(tr("Inactive"), int(KeyFilterModel::StatusFilter::Inactive));
    m_create->setObjectName(u"newKeyButton"_s);
    m_revoke->setObjectName(u"revokeKeyButton"_s);
    m_open->setObjectName(u"openKeyButton"_s);
    m_create->setToolTip(tr("Create a personal API key (Ctrl+N)"));
    m_revoke->setToolTip(tr("Revoke the selected key (Delete)"));
    m_open->setToolTip(tr("Open the selected key's activity (Enter)"));

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Keys authenticate requests to the external API with the <tt>X-API-Key</tt> "
                                "header. The full key is shown once, when it is created; afterwards only its "
                                "prefix is kept."),
                             list);
    intro->setWordWrap(true);
    listLayout->addWidget(intro);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_status);
    bar->addSpacing(12);
    bar->addWidget(m_open);
    bar->addWidget(m_revoke);
    bar->addWidget(m_create);
    listLayout->addLayout(bar);
    listLayout->addWidget(m_table, 1);
    m_stack->addWidget(list);
    m_stack->addWidget(m_detail);
    contentLayout()->addWidget(m_stack);

    connect(m_search, &QLineEdit::textChanged, m_filter, &KeyFilterModel::setSearchText);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatusFilter(KeyFilterModel::StatusFilter(m_status->currentData().toInt()));
    });
    connect(m_create, &QPushButton::clicked, this, &KeysPage::createNew);
    connect(m_revoke, &QPushButton::clicked, this, &KeysPage::revokeSelected);
    connect(m_open, &QPushButton::clicked, this, [this] { openDetail(selectedKeyId()); });
    connect(m_table, &QTableView::activated, this, [this] { openDetail(selectedKeyId()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysPage::updateButtons);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &KeysPage::updateButtons);
    connect(m_detail, &KeyDetailPage::backRequested, this, &KeysPage::showList);
    connect(m_detail, &KeyDetailPage::revokeRequested, this,
            [this](const Core::ApiKey &key) { revoke(key); });
    connect(workspace, &Workspace::teamsChanged, this, [this] {
        m_model->setTeamNames(this->workspace()->teamNames());
        m_model->setTeamPlans(this->workspace()->teamPlans());
    });

    auto *revokeShortcut = new QAction(this);
    revokeShortcut->setShortcut(QKeySequence::Delete);
    revokeShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(revokeShortcut);
    connect(revokeShortcut, &QAction::triggered, this, &KeysPage::revokeSelected);
    auto *back = new QAction(this);
    back->setShortcuts({QKeySequence::Back, QKeySequence(Qt::Key_Escape)});
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_detail->addAction(back);
    connect(back, &QAction::triggered, this, &KeysPage::showList);
    updateButtons();
}

void KeysPage::refresh()
{
    m_model->setTeamNames(workspace()->teamNames());
    m_model->setTeamPlans(workspace()->teamPlans());
    const QString selected = selectedKeyId();
    client()->keys(
        this,
        [this, selected](const QList<Core::ApiKey> &keys) {
            clearFailure();
            markLoaded();
            m_model->setRows(keys);
            if (const int row = m_model->rowOf(selected); row >= 0)
                m_table->selectRow(m_filter->mapFromSource(m_model->index(row, 0)).row());
            updateButtons();
            if (isVisible())
                Q_EMIT statusMessage(tr("%n key(s)", nullptr, int(keys.size())));
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load your API keys."), f); });
    if (m_stack->currentWidget() == m_detail)
        m_detail->refresh();
}

void KeysPage::createNew()
{
    if (workspace()->teams().isEmpty()) {
        showNotice(tr("Create a team first: every key is billed to a team."));
        return;
    }
    auto *dialog = new CreateKeyDialog(workspace(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateKeyDialog::created, this, [this](const CreatedKey &created) {
        Core::ApiKey listed = created.key;
        m_model->appendRow(listed);
        const int row = m_model->rowOf(listed.id);
        m_table->selectRow(m_filter->mapFromSource(m_model->index(row, 0)).row());
        auto *show = new ShowKeyDialog(created, workspace()->publicBaseUrl(), this);
        show->setAttribute(Qt::WA_DeleteOnClose);
        show->open();
        Q_EMIT statusMessage(tr("Key “%1” created.").arg(created.key.name));
    });
    dialog->open();
}

void KeysPage::focusSearch()
{
    showList();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QString KeysPage::selectedKeyId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(IdRole).toString();
}

void KeysPage::updateButtons()
{
    const int row = m_model->rowOf(selectedKeyId());
    m_open->setEnabled(row >= 0);
    m_revoke->setEnabled(row >= 0 && Format::keyStatus(m_model->rowAt(row)) != KeyStatus::Revoked);
}

void KeysPage::openDetail(const QString &keyId)
{
    const int row = m_model->rowOf(keyId);
    if (row < 0)
        return;
    m_detail->setKey(m_model->rowAt(row), workspace()->teamNames());
    m_stack->setCurrentWidget(m_detail);
    m_detail->setFocus();
}

void KeysPage::showList()
{
    m_detail->stopWatching();
    m_stack->setCurrentIndex(0);
    m_table->setFocus();
}

void KeysPage::revokeSelected()
{
    const int row = m_model->rowOf(selectedKeyId());
    if (row >= 0)
        revoke(m_model->rowAt(row));
}

void KeysPage::revoke(const Core::ApiKey &key)
{
    if (key.revokedAt)
        return;
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Revoke key"),
                        tr("Revoke “%1” (%2…)?").arg(key.name, key.prefix), QMessageBox::Cancel, this);
    box->setObjectName(u"revokeConfirm"_s);
    box->setInformativeText(tr("Requests with this key will be refused at once with 401 API_KEY_REVOKED. "
                               "This cannot be undone."));
    auto *confirm = box->addButton(tr("Revoke key"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmRevoke"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, key](QAbstractButton *clicked) {
        if (clicked != confirm)
            return;
        client()->revokeKey(
            key.id, this,
            [this, key](const Core::ApiKey &revoked) {
                clearFailure();
                Core::ApiKey updated = revoked.id.isEmpty() ? key : revoked;
                const int r = m_model->rowOf(updated.id);
                if (!updated.revokedAt) // a server answering {} still revoked it
                    updated.revokedAt = Format::nowMs();
                if (r >= 0)
                    m_model->updateRow(r, updated);
                m_detail->keyChanged(updated);
                updateButtons();
                Q_EMIT statusMessage(tr("Key “%1” revoked.").arg(updated.name));
            },
            [this](const ApiFailure &f) { showFailure(tr("Could not revoke the key."), f); });
    });
    box->open();
}

} // namespace Gui
