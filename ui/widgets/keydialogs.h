#pragma once

#include "ui/client/apitypes.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;

namespace Gui {

class Workspace;

// Personal API keys page > New key: name, Full access
// or Read/Write/Admin, all teams or selected teams, the billing team, an optional expiry.
// Sends POST /keys itself and stays open (with the server's messages) until it succeeds.
class CreateKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CreateKeyDialog(Workspace *workspace, QWidget *parent = nullptr);
    // The request the form describes, or a message saying what is missing.
    std::optional<KeyRequest> request(QString *problem = nullptr) const;

Q_SIGNALS:
    void created(const Gui::CreatedKey &key);

private:
    void submit();
    void updateState();
    void showFieldErrors(const ApiFailure &failure);

    Workspace *m_workspace;
    QLineEdit *m_name;
    QRadioButton *m_fullAccess;
    QRadioButton *m_customAccess;
    QCheckBox *m_read;
    QCheckBox *m_write;
    QCheckBox *m_admin;
    QRadioButton *m_allTeams;
    QRadioButton *m_selectedTeams;
    QListWidget *m_teamList;
    QComboBox *m_billingTeam;
    QLabel *m_billingNote;
    QCheckBox *m_expires;
    QDateEdit *m_expiryDate;
    QLabel *m_error;
    QLabel *m_nameError;
    QLabel *m_teamsError;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

// The full key, exactly once: a copy button and a clear warning that it cannot be shown
// again. The key is wiped from the widget when the dialog closes.
class ShowKeyDialog final : public QDialog
{
    Q_OBJECT
public:
    ShowKeyDialog(const CreatedKey &key, const QUrl &baseUrl, QWidget *parent = nullptr);
    bool wasCopied() const { return m_copied; }

    // Esc or closing the window before Copy was pressed asks first (the key is never
    // shown again); "I have copied the key" closes at once.
    void reject() override;

protected:
    void done(int result) override;

private:
    QLineEdit *m_key;
    QLabel *m_copiedLabel;
    bool m_copied = false;
};

} // namespace Gui
