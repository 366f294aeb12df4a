#include "welcomepage.h"

#include "core/model/fieldlimits.h"

#include "ui/client/apiclient.h"
#include "ui/client/secretstore.h"
#include "ui/widgets/errorbanner.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

namespace {
QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xd3, 0x2f, 0x2f));
    label->setPalette(p);
    label->hide();
    return label;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    label->setFont(f);
    return label;
}

void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}
} // namespace

WelcomePage::WelcomePage(ApiClient *client, SecretStore *secrets, QWidget *parent)
    : QWidget(parent), m_client(client), m_secrets(secrets), m_stack(new QStackedWidget(this))
{
    setObjectName(u"welcomePage"_s);

    // Connecting / problems.
    auto *busy = new QWidget;
    auto *busyLayout = new QVBoxLayout(busy);
    m_busyText = new QLabel(busy);
    m_busyText->setObjectName(u"welcomeStatus"_s);
    m_busyText->setWordWrap(true);
    m_busyText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("Try again"), busy);
    m_retry->setObjectName(u"retryButton"_s);
    auto *other = new QPushButton(tr("Connect to another server…"), busy);
    busyLayout->addWidget(heading(tr("Zenovay"), busy));
    busyLayout->addWidget(m_busyText);
    auto *busyButtons = new QHBoxLayout;
    busyButtons->addWidget(m_retry);
    busyButtons->addWidget(other);
    busyButtons->addStretch(1);
    busyLayout->addLayout(busyButtons);
    m_busyPane = card(busy);
    connect(m_retry, &QPushButton::clicked, this, [this] { chooseForm(); });
    connect(other, &QPushButton::clicked, this, &WelcomePage::changeServerRequested);

    // First run.
    auto *setup = new QWidget;
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->addWidget(heading(tr("Set up this server"), setup));
    auto *setupIntro =
        new QLabel(tr("This server has no users yet. Create the first account: it becomes the server "
                      "admin and owns a first team."),
                   setup);
    setupIntro->setWordWrap(true);
    setupLayout->addWidget(setupIntro);
    m_setupEmail = new QLineEdit(setup);
    m_setupName = new QLineEdit(setup);
    m_setupPassword = new QLineEdit(setup);
    m_setupConfirm = new QLineEdit(setup);
    m_setupEmail->setObjectName(u"setupEmail"_s);
    m_setupName->setObjectName(u"setupName"_s);
    m_setupPassword->setObjectName(u"setupPassword"_s);
    m_setupConfirm->setObjectName(u"setupConfirm"_s);
    m_setupPassword->setEchoMode(QLineEdit::Password);
    m_setupConfirm->setEchoMode(QLineEdit::Password);
    m_setupEmail->setPlaceholderText(tr("you@example.com"));
    auto *setupForm = new QFormLayout;
    setupForm->addRow(tr("&Email:"), m_setupEmail);
    setupForm->addRow(tr("&Name:"), m_setupName);
    setupForm->addRow(tr("&Password:"), m_setupPassword);
    // The rule, before anyone fails it.
    auto *passwordRule = new QLabel(tr("At least %1 characters.").arg(Core::Validation::MinPasswordLength), setup);
    passwordRule->setObjectName(u"setupPasswordRule"_s);
    passwordRule->setEnabled(false); // the palette's muted text
    setupForm->addRow(QString(), passwordRule);
    setupForm->addRow(tr("&Confirm password:"), m_setupConfirm);
    setupLayout->addLayout(setupForm);
    m_setupError = errorLabel(u"setupError"_s, setup);
    setupLayout->addWidget(m_setupError);
    m_setupButton = new QPushButton(tr("Create account and sign in"), setup);
    m_setupButton->setObjectName(u"setupButton"_s);
    m_setupButton->setDefault(true);
    setupLayout->addWidget(m_setupButton, 0, Qt::AlignRight);
    m_setupPane = card(setup);
    connect(m_setupButton, &QPushButton::clicked, this, &WelcomePage::submitSetup);
    connect(m_setupConfirm, &QLineEdit::returnPressed, this, &WelcomePage::submitSetup);

    // Sign in.
    auto *signIn = new QWidget;
    auto *signInLayout = new QVBoxLayout(signIn);
    signInLayout->addWidget(heading(tr("Sign in"), signIn));
    m_signInNotice = new QLabel(signIn);
    m_signInNotice->setObjectName(u"signInNotice"_s);
    m_signInNotice->setWordWrap(true);
    m_signInNotice->hide();
    signInLayout->addWidget(m_signInNotice);
    m_email = new QLineEdit(signIn);
    m_password = new QLineEdit(signIn);
    m_email->setObjectName(u"signInEmail"_s);
    m_password->setObjectName(u"signInPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("&Stay signed in on this computer"), signIn);
    m_remember->setObjectName(u"rememberMe"_s);
    m_remember->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    signInLayout->addLayout(form);
    m_keychainNote = new QLabel(signIn);
    m_keychainNote->setObjectName(u"keychainNote"_s);
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setForegroundRole(QPalette::PlaceholderText);
    signInLayout->addWidget(m_keychainNote);
    m_signInError = errorLabel(u"signInError"_s, signIn);
    signInLayout->addWidget(m_signInError);
    auto *signInButtons = new QHBoxLayout;
    auto *otherServer = new QPushButton(tr("Other server…"), signIn);
    m_signInButton = new QPushButton(tr("Sign in"), signIn);
    m_signInButton->setObjectName(u"signInButton"_s);
    m_signInButton->setDefault(true);
    signInButtons->addWidget(otherServer);
    signInButtons->addStretch(1);
    signInButtons->addWidget(m_signInButton);
    signInLayout->addLayout(signInButtons);
    m_signInPane = card(signIn);
    connect(m_signInButton, &QPushButton::clicked, this, &WelcomePage::submitSignIn);
    connect(m_password, &QLineEdit::returnPressed, this, &WelcomePage::submitSignIn);
    connect(otherServer, &QPushButton::clicked, this, &WelcomePage::changeServerRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);
    showBusy(tr("Connecting…"));
}

QWidget *WelcomePage::card(QWidget *content)
{
    auto *outer = new QWidget;
    auto *frame = new QFrame(outer);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    frame->setMaximumWidth(480);
    frame->setMinimumWidth(400);
    auto *inner = new QVBoxLayout(frame);
    inner->setContentsMargins(24, 20, 24, 20);
    inner->addWidget(content);
    auto *grid = new QVBoxLayout(outer);
    grid->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(frame);
    row->addStretch(1);
    grid->addLayout(row);
    grid->addStretch(2);
    m_stack->addWidget(outer);
    return outer;
}

void WelcomePage::showBusy(const QString &text)
{
    m_busyText->setText(text);
    m_retry->hide();
    m_stack->setCurrentWidget(m_busyPane);
}

void WelcomePage::showConnectionProblem(const QString &text)
{
    m_busyText->setText(text);
    m_retry->show();
    m_stack->setCurrentWidget(m_busyPane);
}

void WelcomePage::chooseForm(const QString &notice)
{
    showBusy(tr("Contacting the server…"));
    m_client->needsSetup(
        this,
        [this, notice](bool needsSetup) {
            if (needsSetup)
                showSetup();
            else
                showSignIn(notice);
        },
        [this](const ApiFailure &f) {
            showConnectionProblem(ErrorBanner::describe(
                tr("Could not reach the server at %1.").arg(m_client->baseUrl().toString()), f));
        });
}

void WelcomePage::showSetup()
{
    showError(m_setupError, {});
    m_stack->setCurrentWidget(m_setupPane);
    m_setupEmail->setFocus();
}

void WelcomePage::showSignIn(const QString &notice)
{
    m_signInNotice->setText(notice);
    m_signInNotice->setVisible(!notice.isEmpty());
    showError(m_signInError, {});
    m_remember->setEnabled(m_secrets->isPersistent());
    m_keychainNote->setText(m_secrets->isPersistent() ? tr("Your session is kept in the system keychain.")
                                                      : m_secrets->unavailableReason());
    m_stack->setCurrentWidget(m_signInPane);
    (m_email->text().isEmpty() ? m_email : m_password)->setFocus();
}

bool WelcomePage::isShowingSetup() const
{
    return m_stack->currentWidget() == m_setupPane;
}

bool WelcomePage::isShowingSignIn() const
{
    return m_stack->currentWidget() == m_signInPane;
}

void WelcomePage::setBusy(bool busy)
{
    m_setupButton->setEnabled(!busy);
    m_signInButton->setEnabled(!busy);
}

void WelcomePage::submitSetup()
{
    const QString email = m_setupEmail->text().trimmed();
    const QString name = m_setupName->text().trimmed();
    const QString password = m_setupPassword->text();
    if (email.isEmpty() || name.isEmpty() || password.isEmpty()) {
        showError(m_setupError, tr("Fill in email, name and password."));
        return;
    }
    if (password != m_setupConfirm->text()) {
        showError(m_setupError, tr("The passwords do not match."));
        return;
    }
    showError(m_setupError, {});
    setBusy(true);
    m_client->setup(
        email, name, password, this,
        [this, email, password](const QJsonObject &) {
            m_client->login(
                email, password, this,
                [this](const LoginResult &login) {
                    setBusy(false);
                    m_setupPassword->clear();
                    m_setupConfirm->clear();
                    Q_EMIT signedIn(login, m_secrets->isPersistent());
                },
                [this](const ApiFailure &f) {
                    setBusy(false);
                    showSignIn(
                        ErrorBanner::describe(tr("The account was created, but signing in failed."), f));
                });
        },
        [this](const ApiFailure &f) {
            setBusy(false);
            if (f.status == 409) {
                m_email->setText(m_setupEmail->text());
                showSignIn(tr("This server is already set up: sign in."));
                return;
            }
            showError(m_setupError, ErrorBanner::summary(tr("Setup failed."), f));
            m_setupError->setToolTip(ErrorBanner::details(f));
        });
}

void WelcomePage::submitSignIn()
{
    const QString email = m_email->text().trimmed();
    if (email.isEmpty() || m_password->text().isEmpty()) {
        showError(m_signInError, tr("Enter your email and password."));
        return;
    }
    showError(m_signInError, {});
    setBusy(true);
    m_client->login(
        email, m_password->text(), this,
        [this](const LoginResult &login) {
            setBusy(false);
            m_password->clear();
            Q_EMIT signedIn(login, m_remember->isChecked() && m_remember->isEnabled());
        },
        [this](const ApiFailure &f) {
            setBusy(false);
            // A failed password is not left in the field to be sent again as it was.
            m_password->clear();
            m_password->setFocus(Qt::OtherFocusReason);
            if (f.status == 401) {
                showError(m_signInError, tr("Wrong email or password."));
            } else {
                showError(m_signInError, ErrorBanner::summary(tr("Signing in failed."), f));
                m_signInError->setToolTip(ErrorBanner::details(f));
            }
        });
}

} // namespace Gui
