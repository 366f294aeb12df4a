#pragma once

#include "page.h"

class QLabel;

namespace Gui {

class StatCard;

// Who I am, what I have, and how to start.
class OverviewPage final : public Page
{
    Q_OBJECT
public:
    explicit OverviewPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;

Q_SIGNALS:
    void goTo(const QString &pageObjectName);

private:
    QLabel *m_greeting;
    StatCard *m_teams;
    StatCard *m_websites;
    StatCard *m_keys;
    StatCard *m_events;
    QLabel *m_steps;
};

} // namespace Gui
