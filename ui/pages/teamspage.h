#pragma once

#include "page.h"

class QComboBox;
class QPushButton;
class QTableView;
class QLabel;

namespace Gui {

class MemberModel;
class TeamModel;

// Teams: list, create, rename, delete; members (add by email, role, remove); the plan
// (server admins only).
class TeamsPage final : public Page
{
    Q_OBJECT
public:
    explicit TeamsPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;
    void createNew() override;

    QString selectedTeamId() const;
    TeamModel *teamModel() const { return m_teams; }
    MemberModel *memberModel() const { return m_members; }

private:
    void renameTeam();
    void deleteTeam();
    void applyPlan();
    void addMember();
    void changeRole();
    void removeMember();
    void loadMembers();
    void updateButtons();
    QString selectedMemberId() const;

    TeamModel *m_teams;
    MemberModel *m_members;
    QTableView *m_teamTable;
    QTableView *m_memberTable;
    QLabel *m_membersTitle;
    QComboBox *m_plan;
    QPushButton *m_applyPlan;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_addMember;
    QPushButton *m_changeRole;
    QPushButton *m_removeMember;
    QString m_selectAfterReload; // a team just created: selected once the list has it
};

} // namespace Gui
