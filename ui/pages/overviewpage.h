#pragma once

#include "page.h"

#include "ui/client/apitypes.h"

#include <array>
#include <optional>

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

public:
    // The getting-started steps done so far (tests): a website, a paid team, a key, a
    // request made with a key.
    int stepsDone() const;

private:
    std::array<bool, 4> stepState() const;
    void showSteps();
    QLabel *m_greeting;
    StatCard *m_teams;
    StatCard *m_websites;
    StatCard *m_keys;
    StatCard *m_events;
    QLabel *m_steps;
    std::optional<qsizetype> m_siteCount;
    std::optional<QList<Core::ApiKey>> m_keyList;
};

} // namespace Gui
