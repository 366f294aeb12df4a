#include "teamspage.h"

#include "ui/client/apiclient.h"
#include "ui/models/models.h"
#include "ui/workspace.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
void fillRoles(QComboBox *box)
{
    for (Core::Role r : {Core::Role::Member, Core::Role::Admin, Core::Role::Owner})
        box->addItem(Format::role(r), int(r));
}
} // namespace

TeamsPage::TeamsPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Teams"), parent), m_teams(new TeamModel(this)), m_members(new MemberModel(this)),
      m_teamTable(makeTable(u"teamTable"_s, this, tr("No teams yet. Create one with New team… (Ctrl+N)."))),
      m_memberTable(makeTable(u"memberTable"_s, this, tr("Select a team to see its members."))),
      m_membersTitle(new QLabel(this)), m_plan(new QComboBox(this)),
      m_applyPlan(new QPushButton(tr("Set plan"), this)), m_rename(new QPushButton(tr("Re&name…"), this)),
      m_delete(new QPushButton(tr("Delete…"), this)), m_addMember(new QPushButton(tr("&Add member…"), this)),
      m_changeRole(new QPushButton(tr("Change role…"), this)),
      m_removeMember(new QPushButton(tr("Remove…"), this))
{
    setObjectName(u"teamsPage"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_teams);
    proxy->setSortRole(SortRole);
    m_teamTable->setModel(proxy);
    m_teamTable->sortByColumn(TeamModel::Name, Qt::AscendingOrder);
    fitColumns(m_teamTable, TeamModel::Name);
    auto *memberProxy = new QSortFilterProxyModel(this);
    memberProxy->setSourceModel(m_members);
    memberProxy->setSortRole(SortRole);
    m_memberTable->setModel(memberProxy);
    m_memberTable->sortByColumn(MemberModel::Name, Qt::AscendingOrder);
    fitColumns(m_memberTable, MemberModel::Email);

    auto *create = new QPushButton(tr("&New team…"), this);
    create->setObjectName(u"newTeamButton"_s);
    m_rename->setObjectName(u"renameTeamButton"_s);
    m_delete->setObjectName(u"deleteTeamButton"_s);
    m_plan->setObjectName(u"teamPlan"_s);
    m_applyPlan->setObjectName(u"applyPlanButton"_s);
    m_addMember->setObjectName(u"addMemberButton"_s);
    m_changeRole->setObjectName(u"changeRoleButton"_s);
    m_removeMember->setObjectName(u"removeMemberButton"_s);
    for (Core::Plan p : {Core::Plan::Free, Core::Plan::Pro, Core::Plan::Scale, Core::Plan::Enterprise})
        m_plan->addItem(Format::plan(p), Core::planName(p));
    m_plan->setToolTip(tr("Only server admins can change a team's plan."));

    auto *teamsBox = new QWidget(this);
    auto *teamsLayout = new QVBoxLayout(teamsBox);
    teamsLayout->setContentsMargins(0, 0, 0, 0);
    auto *teamBar = new QHBoxLayout;
    teamBar->addWidget(new QLabel(tr("Plan:"), this));
    teamBar->addWidget(m_plan);
    teamBar->addWidget(m_applyPlan);
    teamBar->addStretch(1);
    teamBar->addWidget(m_rename);
    teamBar->addWidget(m_delete);
    teamBar->addWidget(create);
    teamsLayout->addLayout(teamBar);
    teamsLayout->addWidget(m_teamTable);

    auto *membersBox = new QWidget(this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->setContentsMargins(0, 8, 0, 0);
    auto *memberBar = new QHBoxLayout;
    memberBar->addWidget(m_membersTitle, 1);
    memberBar->addWidget(m_changeRole);
    memberBar->addWidget(m_removeMember);
    memberBar->addWidget(m_addMember);
    membersLayout->addLayout(memberBar);
    membersLayout->addWidget(m_memberTable);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"teamsSplitter"_s);
    split->addWidget(teamsBox);
    split->addWidget(membersBox);
    split->setChildrenCollapsible(false);
    contentLayout()->addWidget(split);

    connect(create, &QPushButton::clicked, this, &TeamsPage::createNew);
    connect(m_rename, &QPushButton::clicked, this, &TeamsPage::renameTeam);
    connect(m_delete, &QPushButton::clicked, this, &TeamsPage::deleteTeam);
    connect(m_applyPlan, &QPushButton::clicked, this, &TeamsPage::applyPlan);
    connect(m_addMember, &QPushButton::clicked, this, &TeamsPage::addMember);
    connect(m_changeRole, &QPushButton::clicked, this, &TeamsPage::changeRole);
    connect(m_removeMember, &QPushButton::clicked, this, &TeamsPage::removeMember);
    connect(m_teamTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        loadMembers();
        updateButtons();
    });
    connect(m_memberTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TeamsPage::updateButtons);
    connect(workspace, &Workspace::teamsChanged, this, [this] {
        // A team just created is selected, so its plan and members are at hand.
        const QString selected = m_selectAfterReload.isEmpty() ? selectedTeamId() : m_selectAfterReload;
        m_selectAfterReload.clear();
        m_teams->setRows(this->workspace()->teams());
        for (int r = 0; r < m_teamTable->model()->rowCount(); ++r)
            if (m_teamTable->model()->index(r, 0).data(IdRole).toString() == selected)
                m_teamTable->selectRow(r);
        if (selectedTeamId().isEmpty() && m_teamTable->model()->rowCount() > 0)
            m_teamTable->selectRow(0);
        markLoaded();
        updateButtons();
    });
    connect(workspace, &Workspace::teamsFailed, this,
            [this](const ApiFailure &f) { showFailure(tr("Could not load your teams."), f); });
    updateButtons();
}

void TeamsPage::refresh()
{
    workspace()->reloadTeams();
}

QString TeamsPage::selectedTeamId() const
{
    const QModelIndexList rows = m_teamTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(IdRole).toString();
}

QString TeamsPage::selectedMemberId() const
{
    const QModelIndexList rows = m_memberTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(IdRole).toString();
}

void TeamsPage::updateButtons()
{
    const QString teamId = selectedTeamId();
    const auto role = workspace()->roleIn(teamId);
    const bool manager = role && *role != Core::Role::Member;
    const bool owner = role && *role == Core::Role::Owner;
    const auto team = workspace()->team(teamId);
    m_rename->setEnabled(manager);
    m_delete->setEnabled(owner);
    m_addMember->setEnabled(manager);
    const bool memberSelected = !selectedMemberId().isEmpty();
    m_changeRole->setEnabled(manager && memberSelected);
    m_removeMember->setEnabled(manager && memberSelected);
    const bool admin = workspace()->isServerAdmin();
    m_plan->setEnabled(admin && team.has_value());
    m_applyPlan->setEnabled(admin && team.has_value());
    m_plan->setVisible(true);
    if (team)
        m_plan->setCurrentIndex(m_plan->findData(Core::planName(team->team.plan)));
    m_membersTitle->setText(team ? tr("<b>Members of %1</b>").arg(team->team.name.toHtmlEscaped())
                                 : tr("<b>Members</b>"));
}

void TeamsPage::loadMembers()
{
    const QString teamId = selectedTeamId();
    m_members->setRows({});
    const auto role = workspace()->roleIn(teamId);
    if (teamId.isEmpty())
        return;
    if (role && *role == Core::Role::Member && !workspace()->isServerAdmin()) {
        m_membersTitle->setText(tr("<b>Members</b> (visible to owners and admins of the team)"));
        return;
    }
    client()->members(
        teamId, this,
        [this, teamId](const QList<MemberInfo> &members) {
            if (teamId == selectedTeamId())
                m_members->setRows(members);
            updateButtons();
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load the team's members."), f); });
}

void TeamsPage::createNew()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"newTeamDialog"_s);
    dialog->setWindowTitle(tr("New team"));
    dialog->setLabelText(tr("Team name:"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        client()->createTeam(
            name.trimmed(), this,
            [this](const Core::Team &team) {
                clearFailure();
                Q_EMIT statusMessage(tr("Team “%1” created.").arg(team.name));
                m_selectAfterReload = team.id;
                workspace()->reloadTeams();
            },
            [this](const ApiFailure &f) { showFailure(tr("Could not create the team."), f); });
    });
    dialog->open();
}

void TeamsPage::renameTeam()
{
    const auto team = workspace()->team(selectedTeamId());
    if (!team)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"renameTeamDialog"_s);
    dialog->setWindowTitle(tr("Rename team"));
    dialog->setLabelText(tr("New name:"));
    dialog->setTextValue(team->team.name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = team->team.id;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &name) {
        client()->updateTeam(
            id, QJsonObject{{u"name"_s, name.trimmed()}}, this,
            [this](const Core::Team &) {
                clearFailure();
                workspace()->reloadTeams();
            },
            [this](const ApiFailure &f) { showFailure(tr("Could not rename the team."), f); });
    });
    dialog->open();
}

void TeamsPage::deleteTeam()
{
    const auto team = workspace()->team(selectedTeamId());
    if (!team)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete team"),
                                tr("Delete the team “%1”?").arg(team->team.name), QMessageBox::Cancel, this);
    box->setObjectName(u"deleteTeamConfirm"_s);
    box->setInformativeText(tr("Its websites and their events are deleted too. This cannot be undone."));
    auto *confirm = box->addButton(tr("Delete team"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = team->team.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, id](QAbstractButton *clicked) {
        if (clicked != confirm)
            return;
        client()->deleteTeam(
            id, this, [this](bool) { workspace()->reloadTeams(); },
            [this](const ApiFailure &f) { showFailure(tr("Could not delete the team."), f); });
    });
    box->open();
}

void TeamsPage::applyPlan()
{
    const QString id = selectedTeamId();
    if (id.isEmpty())
        return;
    client()->updateTeam(
        id, QJsonObject{{u"plan"_s, m_plan->currentData().toString()}}, this,
        [this](const Core::Team &team) {
            clearFailure();
            Q_EMIT statusMessage(tr("“%1” is now on the %2 plan.").arg(team.name, Format::plan(team.plan)));
            workspace()->reloadTeams();
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not change the plan."), f); });
}

void TeamsPage::addMember()
{
    const QString teamId = selectedTeamId();
    if (teamId.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"addMemberDialog"_s);
    dialog->setWindowTitle(tr("Add member"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *email = new QLineEdit(dialog);
    email->setObjectName(u"memberEmail"_s);
    email->setPlaceholderText(tr("name@example.com"));
    auto *role = new QComboBox(dialog);
    role->setObjectName(u"memberRole"_s);
    fillRoles(role);
    auto *error = new QLabel(dialog);
    error->setObjectName(u"memberError"_s);
    error->setWordWrap(true);
    error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    auto *form = new QFormLayout(dialog);
    form->addRow(tr("&Email:"), email);
    form->addRow(tr("&Role:"), role);
    form->addRow(error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, email, role, error, teamId] {
        client()->addMember(
            teamId, email->text().trimmed(), Core::Role(role->currentData().toInt()), dialog,
            [this, dialog](const MemberInfo &) {
                dialog->accept();
                loadMembers();
            },
            [error](const ApiFailure &f) {
                QString text = f.details.value(u"email"_s, f.message);
                if (!f.requestId.isEmpty())
                    text +=
                        u"\n"_s + tr("HTTP %1 · %2 · request ID %3").arg(f.status).arg(f.code, f.requestId);
                error->setText(text);
                error->show();
            });
    });
    dialog->open();
}

void TeamsPage::changeRole()
{
    const QString teamId = selectedTeamId();
    const QString userId = selectedMemberId();
    if (teamId.isEmpty() || userId.isEmpty())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"changeRoleDialog"_s);
    dialog->setWindowTitle(tr("Change role"));
    dialog->setLabelText(tr("Role:"));
    dialog->setComboBoxItems(
        {Format::role(Core::Role::Member), Format::role(Core::Role::Admin), Format::role(Core::Role::Owner)});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, teamId, userId](const QString &text) {
        Core::Role role = Core::Role::Member;
        for (Core::Role r : {Core::Role::Member, Core::Role::Admin, Core::Role::Owner})
            if (Format::role(r) == text)
                role = r;
        client()->setMemberRole(
            teamId, userId, role, this, [this](const MemberInfo &) { loadMembers(); },
            [this](const ApiFailure &f) { showFailure(tr("Could not change the role."), f); });
    });
    dialog->open();
}

void TeamsPage::removeMember()
{
    const QString teamId = selectedTeamId();
    const QString userId = selectedMemberId();
    if (teamId.isEmpty() || userId.isEmpty())
        return;
    const QModelIndexList rows = m_memberTable->selectionModel()->selectedRows(MemberModel::Email);
    const QString who = rows.isEmpty() ? userId : rows.first().data().toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove member"),
                                tr("Remove %1 from the team?").arg(who), QMessageBox::Cancel, this);
    box->setObjectName(u"removeMemberConfirm"_s);
    box->setInformativeText(tr("Their API keys lose access to this team's websites at once."));
    auto *confirm = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, teamId, userId](QAbstractButton *clicked) {
                if (clicked != confirm)
                    return;
                client()->removeMember(
                    teamId, userId, this, [this](bool) { loadMembers(); },
                    [this](const ApiFailure &f) { showFailure(tr("Could not remove the member."), f); });
            });
    box->open();
}

} // namespace Gui
