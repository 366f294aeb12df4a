#include "keydialogs.h"

#include "ui/client/apiclient.h"
#include "ui/format.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QTimeZone>
#include <QVBoxLayout>

#include "fielderror.h"

using namespace Qt::StringLiterals;

namespace Gui {

CreateKeyDialog::CreateKeyDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_name(new QLineEdit(this)),
      m_fullAccess(new QRadioButton(tr("&Full access"), this)),
      m_customAccess(new QRadioButton(tr("&Only:"), this)), m_read(new QCheckBox(tr("&Read"), this)),
      m_write(new QCheckBox(tr("&Write"), this)), m_admin(new QCheckBox(tr("A&dmin"), this)),
      m_allTeams(new QRadioButton(tr("&All teams I belong to"), this)),
      m_selectedTeams(new QRadioButton(tr("Only &selected teams:"), this)), m_teamList(new QListWidget(this)),
      m_billingTeam(new QComboBox(this)), m_billingNote(new QLabel(this)),
      m_expires(new QCheckBox(tr("&Expires on"), this)), m_expiryDate(new QDateEdit(this)),
      m_error(createFieldError(u"formError"_s, this)), m_nameError(createFieldError(u"nameError"_s, this)),
      m_teamsError(createFieldError(u"teamsError"_s, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"createKeyDialog"_s);
    setWindowTitle(tr("Create personal API key"));
    m_name->setObjectName(u"keyName"_s);
    m_name->setPlaceholderText(tr("e.g. Reporting script"));
    m_name->setMaxLength(100);
    m_fullAccess->setObjectName(u"fullAccess"_s);
    m_customAccess->setObjectName(u"customAccess"_s);
    m_read->setObjectName(u"permRead"_s);
    m_write->setObjectName(u"permWrite"_s);
    m_admin->setObjectName(u"permAdmin"_s);
    m_allTeams->setObjectName(u"allTeams"_s);
    m_selectedTeams->setObjectName(u"selectedTeams"_s);
    m_teamList->setObjectName(u"teamList"_s);
    m_billingTeam->setObjectName(u"billingTeam"_s);
    m_expires->setObjectName(u"expires"_s);
    m_expiryDate->setObjectName(u"expiryDate"_s);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create key"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"createButton"_s);

    auto *permissions = new QGroupBox(tr("Permissions"), this);
    auto *permLayout = new QVBoxLayout(permissions);
    permLayout->addWidget(m_fullAccess);
    auto *custom = new QHBoxLayout;
    custom->addWidget(m_customAccess);
    custom->addWidget(m_read);
    custom->addWidget(m_write);
    custom->addWidget(m_admin);
    custom->addStretch(1);
    permLayout->addLayout(custom);
    auto *permHint = new QLabel(tr("Read: GET requests. Write: create and change websites, send events. "
                                   "Admin: delete and team-level changes."),
                                permissions);
    permHint->setWordWrap(true);
    permHint->setForegroundRole(QPalette::PlaceholderText);
    permLayout->addWidget(permHint);
    auto *permGroup = new QButtonGroup(this);
    permGroup->addButton(m_fullAccess);
    permGroup->addButton(m_customAccess);
    m_fullAccess->setChecked(true);
    m_read->setChecked(true);

    auto *teams = new QGroupBox(tr("Team access"), this);
    auto *teamLayout = new QVBoxLayout(teams);
    teamLayout->addWidget(m_allTeams);
    teamLayout->addWidget(m_selectedTeams);
    teamLayout->addWidget(m_teamList);
    teamLayout->addWidget(m_teamsError);
    auto *teamGroup = new QButtonGroup(this);
    teamGroup->addButton(m_allTeams);
    teamGroup->addButton(m_selectedTeams);
    m_allTeams->setChecked(true);
    m_teamList->setMaximumHeight(110);

    for (const TeamInfo &t : workspace->teams()) {
        auto *item = new QListWidgetItem(t.team.name, m_teamList);
        item->setData(Qt::UserRole, t.team.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        m_billingTeam->addItem(tr("%1 (%2 plan)").arg(t.team.name, Format::plan(t.team.plan)), t.team.id);
    }
    // Default billing team: the first one on a paid plan.
    for (int i = 0; i < workspace->teams().size(); ++i) {
        if (workspace->teams().at(i).team.plan != Core::Plan::Free) {
            m_billingTeam->setCurrentIndex(i);
            break;
        }
    }
    m_billingNote->setWordWrap(true);
    m_billingNote->setObjectName(u"billingNote"_s);

    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setMinimumDate(QDate::currentDate().addDays(1));
    m_expiryDate->setDate(QDate::currentDate().addDays(90));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiryDate);
    expiry->addStretch(1);
    auto *billing = new QVBoxLayout;
    billing->addWidget(m_billingTeam);
    billing->addWidget(m_billingNote);
    form->addRow(tr("&Billing team:"), billing);
    form->addRow(tr("Expiry:"), expiry);
    qobject_cast<QLabel *>(form->labelForField(billing))->setBuddy(m_billingTeam);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(permissions);
    layout->addWidget(teams);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateKeyDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QAbstractButton *b :
         {static_cast<QAbstractButton *>(m_fullAccess), static_cast<QAbstractButton *>(m_customAccess),
          static_cast<QAbstractButton *>(m_allTeams), static_cast<QAbstractButton *>(m_selectedTeams),
          static_cast<QAbstractButton *>(m_expires)})
        connect(b, &QAbstractButton::toggled, this, &CreateKeyDialog::updateState);
    connect(m_billingTeam, &QComboBox::currentIndexChanged, this, &CreateKeyDialog::updateState);
    updateState();
    resize(520, sizeHint().height());
}

void CreateKeyDialog::updateState()
{
    const bool custom = m_customAccess->isChecked();
    m_read->setEnabled(custom && !m_busy);
    m_write->setEnabled(custom && !m_busy);
    m_admin->setEnabled(custom && !m_busy);
    m_teamList->setEnabled(m_selectedTeams->isChecked() && !m_busy);
    m_expiryDate->setEnabled(m_expires->isChecked() && !m_busy);
    const auto team = m_workspace->team(m_billingTeam->currentData().toString());
    if (team && team->team.plan == Core::Plan::Free) {
        m_billingNote->setText(
            tr("This team is on the Free plan: requests with this key will be refused "
               "(403 API_PAID_PLAN_REQUIRED) until the team is upgraded to Pro or higher."));
        m_billingNote->show();
    } else {
        m_billingNote->setText(tr("Rate limits and the monthly quota come from this team's plan."));
        m_billingNote->setVisible(team.has_value());
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy);
    m_name->setEnabled(!m_busy);
}

std::optional<KeyRequest> CreateKeyDialog::request(QString *problem) const
{
    KeyRequest r;
    r.name = m_name->text().trimmed();
    if (m_fullAccess->isChecked()) {
        r.permissions.bits = Core::Permissions::Read | Core::Permissions::Write | Core::Permissions::Admin;
    } else {
        if (m_read->isChecked())
            r.permissions.bits |= Core::Permissions::Read;
        if (m_write->isChecked())
            r.permissions.bits |= Core::Permissions::Write;
        if (m_admin->isChecked())
            r.permissions.bits |= Core::Permissions::Admin;
    }
    r.teamAccess.all = m_allTeams->isChecked();
    if (!r.teamAccess.all) {
        for (int i = 0; i < m_teamList->count(); ++i)
            if (m_teamList->item(i)->checkState() == Qt::Checked)
                r.teamAccess.teamIds << m_teamList->item(i)->data(Qt::UserRole).toString();
    }
    r.billingTeamId = m_billingTeam->currentData().toString();
    if (m_expires->isChecked())
        r.expiresAt = QDateTime(m_expiryDate->date(), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch();
    auto fail = [problem](const QString &text) {
        if (problem)
            *problem = text;
        return std::nullopt;
    };
    if (r.name.isEmpty())
        return fail(tr("Give the key a name."));
    if (r.permissions.isEmpty())
        return fail(tr("Choose at least one permission."));
    if (!r.teamAccess.all && r.teamAccess.teamIds.isEmpty())
        return fail(tr("Choose at least one team, or allow all teams."));
    if (r.billingTeamId.isEmpty())
        return fail(tr("Choose the team the key's requests are billed to."));
    return r;
}

void CreateKeyDialog::submit()
{
    setFieldError(m_error, {});
    setFieldError(m_nameError, {});
    setFieldError(m_teamsError, {});
    QString problem;
    const auto req = request(&problem);
    if (!req) {
        setFieldError(m_error, problem);
        return;
    }
    m_busy = true;
    updateState();
    m_workspace->client()->createKey(
        *req, this,
        [this](const CreatedKey &key) {
            m_busy = false;
            Q_EMIT created(key);
            accept();
        },
        [this](const ApiFailure &f) {
            m_busy = false;
            updateState();
            showFieldErrors(f);
        });
}

void CreateKeyDialog::showFieldErrors(const ApiFailure &f)
{
    showFailure(f, {{u"name"_s, m_nameError}, {u"team_access"_s, m_teamsError}}, m_error);
}

ShowKeyDialog::ShowKeyDialog(const CreatedKey &key, const QUrl &baseUrl, QWidget *parent)
    : QDialog(parent), m_key(new QLineEdit(key.secret, this)), m_copiedLabel(new QLabel(this))
{
    setObjectName(u"showKeyDialog"_s);
    setWindowTitle(tr("Your new API key"));
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    auto *warning = new QLabel(tr("<b>Copy this key now. It will not be shown again.</b><br>Zenovay keeps "
                                  "only its prefix (%1) and a "
                                  "one-way hash. If you lose it, revoke it and create a new one.")
                                   .arg(key.key.prefix.toHtmlEscaped()),
                               this);
    warning->setObjectName(u"showOnceWarning"_s);
    warning->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(warning, 1);

    m_key->setObjectName(u"fullKey"_s);
    m_key->setReadOnly(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::TypeWriter);
    m_key->setFont(mono);
    m_key->setMinimumWidth(m_key->fontMetrics().horizontalAdvance(key.secret) + 24);
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(u"copyKeyButton"_s);
    copy->setDefault(true);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(copy);
    m_copiedLabel->setObjectName(u"copiedLabel"_s);

    auto *tryIt = new QLabel(tr("Try it:"), this);
    auto *curl = new QPlainTextEdit(this);
    curl->setObjectName(u"tryCurl"_s);
    curl->setReadOnly(true);
    curl->setFont(mono);
    curl->setPlainText(u"curl -H \"X-API-Key: $ZENOVAY_API_KEY\" \\\n     %1/api/external/v1/usage"_s.arg(
        baseUrl.toString(QUrl::RemoveUserInfo)));
    curl->setMaximumHeight(curl->fontMetrics().lineSpacing() * 3 + 12);

    auto *buttons = new QDialogButtonBox(this);
    auto *doneButton = buttons->addButton(tr("I have copied the key"), QDialogButtonBox::AcceptRole);
    doneButton->setObjectName(u"doneButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_key->text());
        m_copied = true;
        m_copiedLabel->setText(tr("Copied to the clipboard."));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(keyRow);
    layout->addWidget(m_copiedLabel);
    layout->addWidget(tryIt);
    layout->addWidget(curl);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

void ShowKeyDialog::reject()
{
    if (m_copied) {
        QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Close without copying?"),
                                tr("You have not copied the key. It will not be shown again: if you close "
                                   "now, revoke it and create a new one when you need it."),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"closeUncopiedConfirm"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *back = box->addButton(tr("Go back"), QMessageBox::RejectRole);
    back->setObjectName(u"goBack"_s);
    QPushButton *close = box->addButton(tr("Close anyway"), QMessageBox::DestructiveRole);
    close->setObjectName(u"closeAnyway"_s);
    box->setDefaultButton(back);
    connect(close, &QPushButton::clicked, this, [this] { QDialog::reject(); });
    box->open();
}

void ShowKeyDialog::done(int result)
{
    // Leave no copy of the secret in the widget tree once the dialog is closed.
    m_key->clear();
    QDialog::done(result);
}

} // namespace Gui
