#include "websitespage.h"

#include "ui/client/apiclient.h"
#include "ui/models/models.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/widgets/copyfeedback.h"
#include "ui/widgets/fielderror.h"

using namespace Qt::StringLiterals;

namespace Gui {

namespace {

// Filters websites by team (IdRole of the team column is not needed: match the team id).
class WebsiteFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString teamId;
    QString search;
    void apply() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &) const override
    {
        const auto *model = static_cast<const WebsiteModel *>(sourceModel());
        const Core::Website &w = model->rowAt(row);
        if (!teamId.isEmpty() && w.teamId != teamId)
            return false;
        if (search.isEmpty())
            return true;
        return w.name.contains(search, Qt::CaseInsensitive) || w.url.contains(search, Qt::CaseInsensitive) ||
               w.trackingCode.contains(search, Qt::CaseInsensitive);
    }
};
} // namespace

WebsiteDialog::WebsiteDialog(Workspace *workspace, const Core::Website &website, QWidget *parent)
    : QDialog(parent), m_workspace(workspace), m_website(website), m_team(new QComboBox(this)),
      m_name(new QLineEdit(website.name, this)), m_url(new QLineEdit(website.url, this)),
      m_excluded(new QLineEdit(website.excludedIps, this)), m_teamError(createFieldError(u"teamError"_s, this)),
      m_nameError(createFieldError(u"nameError"_s, this)), m_urlError(createFieldError(u"urlError"_s, this)),
      m_urlHint(new QLabel(this)), m_excludedError(createFieldError(u"excludedError"_s, this)), m_error(createFieldError(u"formError"_s, this)), m_save(nullptr)
{
    const bool creating = website.id.isEmpty();
    setObjectName(u"websiteDialog"_s);
    setWindowTitle(creating ? tr("New website") : tr("Edit website"));
    m_team->setObjectName(u"websiteTeam"_s);
    m_name->setObjectName(u"websiteName"_s);
    m_url->setObjectName(u"websiteUrl"_s);
    m_name->setPlaceholderText(tr("My shop"));
    m_url->setPlaceholderText(tr("https://shop.example.com"));
    m_excluded->setObjectName(u"websiteExcludedIps"_s);
    m_excluded->setPlaceholderText(tr("203.0.113.7, 10.0.0.0/8"));
    m_excluded->setToolTip(tr("Addresses and ranges (CIDR) whose visits are not counted, such as your office's; "
                              "separated by commas"));
    m_urlHint->setObjectName(u"urlHint"_s);
    m_urlHint->setWordWrap(true);
    m_urlHint->hide();
    for (const TeamInfo &t : workspace->teams())
        m_team->addItem(t.team.name, t.team.id);
    if (!website.teamId.isEmpty())
        m_team->setCurrentIndex(m_team->findData(website.teamId));
    m_team->setEnabled(creating);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_save->setText(creating ? tr("Create") : tr("Save"));
    m_save->setObjectName(u"saveWebsite"_s);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Team:"), m_team);
    form->addRow(QString(), m_teamError);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(QString(), m_urlError);
    form->addRow(QString(), m_urlHint);
    form->addRow(tr("E&xcluded addresses:"), m_excluded);
    form->addRow(QString(), m_excludedError);
    form->addRow(m_error);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &WebsiteDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
}

void WebsiteDialog::submit()
{
    for (QLabel *l : {m_teamError, m_nameError, m_urlError, m_excludedError, m_error, m_urlHint})
        setFieldError(l, {});
    // "shop.example.com": the API wants the full address. Propose https:// and let the
    // user look at it before anything is sent (it may need to be http://).
    const QString typed = m_url->text().trimmed();
    const bool looksLikeHost = !typed.isEmpty() && !typed.contains(u"://"_s) && !typed.startsWith(u'/') &&
                               !typed.contains(QRegularExpression(u"\\s"_s));
    if (looksLikeHost) {
        m_url->setText(u"https://"_s + typed);
        setFieldError(m_urlHint, tr("A website's address starts with https:// or http://: https:// was added. "
                                    "Check it and press %1 again.")
                                     .arg(m_save->text().remove(u'&')));
        m_url->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_save->setEnabled(false);
    auto ok = [this](const Core::Website &w) {
        Q_EMIT saved(w);
        accept();
    };
    auto failed = [this](const ApiFailure &f) {
        m_save->setEnabled(true);
        showFailure(f,
                    {{u"name"_s, m_nameError},
                     {u"url"_s, m_urlError},
                     {u"team_id"_s, m_teamError},
                     {u"excluded_ips"_s, m_excludedError}},
                    m_error);
    };
    // Sent as typed: the server is the judge of what is valid, and says so per field.
    const QStringList excluded = m_excluded->text().split(QRegularExpression(u"[,;\\s]+"_s), Qt::SkipEmptyParts);
    if (m_website.id.isEmpty())
        m_workspace->client()->createWebsite(m_team->currentData().toString(), m_name->text(),
                                             m_url->text().trimmed(), excluded, this, ok, failed);
    else
        m_workspace->client()->updateWebsite(m_website.id, m_name->text(), m_url->text().trimmed(), excluded,
                                             this, ok, failed);
}

WebsitesPage::WebsitesPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Websites"), parent), m_model(new WebsiteModel(this)),
      m_proxy(new WebsiteFilter(this)), m_table(makeTable(u"websiteTable"_s, this, tr("No websites yet. Add one with New website… (Ctrl+N)."))),
      m_teamFilter(new QComboBox(this)), m_search(new QLineEdit(this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_delete(new QPushButton(tr("Delete…"), this)),
      m_snippet(new QPlainTextEdit(this)), m_copySnippet(new QPushButton(tr("&Copy snippet"), this)),
      m_doNotTrack(new QCheckBox(tr("Honour &Do Not Track"), this)),
      m_snippetTitle(new QLabel(this)), m_reachWarning(new QLabel(this)), m_websiteId(new QLabel(this)),
      m_copyId(new QPushButton(tr("Copy &ID"), this))
{
    setObjectName(u"websitesPage"_s);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_table->setModel(m_proxy);
    m_table->sortByColumn(WebsiteModel::Name, Qt::AscendingOrder);
    fitColumns(m_table, WebsiteModel::Name);
    m_teamFilter->setObjectName(u"websiteTeamFilter"_s);
    m_search->setObjectName(u"websiteSearch"_s);
    m_search->setPlaceholderText(tr("Search websites (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto *create = new QPushButton(tr("&New website…"), this);
    create->setObjectName(u"newWebsiteButton"_s);
    m_edit->setObjectName(u"editWebsiteButton"_s);
    m_delete->setObjectName(u"deleteWebsiteButton"_s);
    m_snippet->setObjectName(u"trackingSnippet"_s);
    m_snippet->setReadOnly(true);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::TypeWriter);
    m_snippet->setFont(mono);
    m_snippet->setMaximumHeight(m_snippet->fontMetrics().lineSpacing() * 4 + 16);
    m_copySnippet->setObjectName(u"copySnippetButton"_s);
    m_doNotTrack->setObjectName(u"snippetDoNotTrack"_s);
    m_doNotTrack->setToolTip(tr("Adds data-do-not-track=\"true\": browsers whose Do-Not-Track setting is on send "
                                "nothing"));
    connect(m_doNotTrack, &QCheckBox::toggled, this, &WebsitesPage::updateSelection);
    m_reachWarning->setObjectName(u"snippetReachWarning"_s);
    m_reachWarning->setWordWrap(true);
    m_reachWarning->setTextFormat(Qt::RichText);
    m_reachWarning->hide();
    m_websiteId->setObjectName(u"websiteIdLabel"_s);
    m_websiteId->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_websiteId->setToolTip(tr("What the external API's analytics route takes: "
                               "GET /api/external/v1/analytics/{websiteId}"));
    m_copyId->setObjectName(u"copyWebsiteIdButton"_s);
    m_copyId->setToolTip(m_websiteId->toolTip());

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Team:"), this));
    bar->addWidget(m_teamFilter);
    bar->addWidget(m_search, 1);
    bar->addSpacing(12);
    bar->addWidget(m_edit);
    bar->addWidget(m_delete);
    bar->addWidget(create);
    contentLayout()->addLayout(bar);
    contentLayout()->addWidget(m_table, 1);
    auto *snippetBar = new QHBoxLayout;
    snippetBar->addWidget(m_snippetTitle, 1);
    snippetBar->addWidget(m_doNotTrack);
    snippetBar->addWidget(m_copySnippet);
    contentLayout()->addLayout(snippetBar);
    contentLayout()->addWidget(m_snippet);
    contentLayout()->addWidget(m_reachWarning);
    auto *idBar = new QHBoxLayout;
    idBar->addWidget(m_websiteId, 1);
    idBar->addWidget(m_copyId);
    contentLayout()->addLayout(idBar);

    connect(create, &QPushButton::clicked, this, &WebsitesPage::createNew);
    connect(m_edit, &QPushButton::clicked, this, &WebsitesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &WebsitesPage::deleteSelected);
    connect(m_table, &QTableView::activated, this, &WebsitesPage::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WebsitesPage::updateSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WebsitesPage::updateSelection);
    connect(m_copySnippet, &QPushButton::clicked, this,
            [this] { copyWithFeedback(m_copySnippet, m_snippet->toPlainText()); });
    connect(m_copyId, &QPushButton::clicked, this, [this] {
        const int row = m_model->rowOf(selectedWebsiteId());
        if (row >= 0)
            copyWithFeedback(m_copyId, m_model->rowAt(row).id);
    });
    connect(m_teamFilter, &QComboBox::currentIndexChanged, this, [this] {
        static_cast<WebsiteFilter *>(m_proxy)->teamId = m_teamFilter->currentData().toString();
        static_cast<WebsiteFilter *>(m_proxy)->apply();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        static_cast<WebsiteFilter *>(m_proxy)->search = text.trimmed();
        static_cast<WebsiteFilter *>(m_proxy)->apply();
    });
    connect(workspace, &Workspace::teamsChanged, this, [this] {
        fillTeams();
        m_model->setTeamNames(this->workspace()->teamNames());
    });
    fillTeams();
    updateSelection();
}

void WebsitesPage::fillTeams()
{
    const QString current = m_teamFilter->currentData().toString();
    m_teamFilter->blockSignals(true);
    m_teamFilter->clear();
    m_teamFilter->addItem(tr("All teams"), QString());
    for (const TeamInfo &t : workspace()->teams())
        m_teamFilter->addItem(t.team.name, t.team.id);
    m_teamFilter->setCurrentIndex(qMax(0, m_teamFilter->findData(current)));
    m_teamFilter->blockSignals(false);
}

void WebsitesPage::refresh()
{
    m_model->setTeamNames(workspace()->teamNames());
    // The address visitors' browsers use: the server's public_url when it has one.
    client()->serverStatus(
        this,
        [this](const ServerStatus &s) {
            m_publicUrl = s.publicUrlConfigured ? QUrl(s.publicUrl) : QUrl();
            updateSelection();
        },
        [](const ApiFailure &) {});
    client()->websites(
        this,
        [this](const QList<Core::Website> &sites) {
            clearFailure();
            markLoaded();
            const QString selected = selectedWebsiteId();
            m_model->setRows(sites);
            if (m_proxy->rowCount() > 0) {
                int row = 0;
                for (int r = 0; r < m_proxy->rowCount(); ++r)
                    if (m_proxy->index(r, 0).data(IdRole).toString() == selected)
                        row = r;
                m_table->selectRow(row);
            }
            updateSelection();
        },
        [this](const ApiFailure &f) { showFailure(tr("Could not load the websites."), f); });
}

QString WebsitesPage::selectedWebsiteId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(IdRole).toString();
}

QString WebsitesPage::snippetFor(const Core::Website &website) const
{
    const QUrl url =
        m_publicUrl.isValid() && !m_publicUrl.isEmpty() ? m_publicUrl : workspace()->publicBaseUrl();
    const QString base = url.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    return u"<script src=\"%1/z.js\" data-tracking-code=\"%2\"%3></script>"_s.arg(
        base, website.trackingCode, m_doNotTrack->isChecked() ? u" data-do-not-track=\"true\""_s : QString());
}

void WebsitesPage::updateSelection()
{
    const int row = m_model->rowOf(selectedWebsiteId());
    m_edit->setEnabled(row >= 0);
    m_delete->setEnabled(row >= 0);
    m_copySnippet->setEnabled(row >= 0);
    m_copyId->setEnabled(row >= 0);
    if (row < 0) {
        m_snippetTitle->setText(tr("<b>Tracking snippet</b> — select a website"));
        m_snippet->clear();
        m_reachWarning->hide();
        m_websiteId->clear();
        return;
    }
    const Core::Website &w = m_model->rowAt(row);
    m_websiteId->setText(tr("Website ID (for the API's analytics route): <tt>%1</tt>").arg(w.id.toHtmlEscaped()));
    m_snippetTitle->setText(
        tr("<b>Tracking snippet for %1</b> — paste it before <tt>&lt;/body&gt;</tt> on every page")
            .arg(w.name.toHtmlEscaped()));
    m_snippet->setPlainText(snippetFor(w));
    const QUrl base =
        m_publicUrl.isValid() && !m_publicUrl.isEmpty() ? m_publicUrl : workspace()->publicBaseUrl();
    m_reachWarning->setVisible(!reachableByVisitors(base));
    m_reachWarning->setText(
        tr("⚠ Visitors' browsers cannot load this snippet: <tt>%1</tt> is only reachable from this computer "
           "or its local network. Run <tt>zenovay-server</tt> on a machine visitors can reach, set "
           "<tt>[server] public_url</tt> to its address (for example <tt>https://stats.example.com</tt>; "
           "see docs/deploy.md) and connect this app to it.")
            .arg(base.host().toHtmlEscaped()));
}

bool WebsitesPage::reachableByVisitors(const QUrl &base)
{
    const QString host = base.host();
    if (host.isEmpty() || host == u"localhost"_s || host.endsWith(u".localhost"_s) ||
        host.endsWith(u".local"_s))
        return false;
    QHostAddress address;
    if (!address.setAddress(host))
        return host.contains(QLatin1Char('.')); // a name visitors can resolve, not a bare machine name
    if (address.isLoopback() || address.isLinkLocal() || address.isSiteLocal() ||
        address.isUniqueLocalUnicast() || address.isNull() || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6)
        return false;
    for (const char *range : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"})
        if (address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(range))))
            return false; // private (RFC 1918) and carrier-grade NAT
    return true;
}

void WebsitesPage::createNew()
{
    if (workspace()->teams().isEmpty()) {
        showNotice(tr("Create a team first: every website belongs to a team."));
        return;
    }
    Core::Website blank;
    blank.teamId = m_teamFilter->currentData().toString();
    auto *dialog = new WebsiteDialog(workspace(), blank, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebsiteDialog::saved, this, [this](const Core::Website &w) {
        m_model->appendRow(w);
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            if (m_proxy->index(r, 0).data(IdRole).toString() == w.id)
                m_table->selectRow(r);
        updateSelection();
        Q_EMIT statusMessage(tr("Website “%1” created.").arg(w.name));
    });
    dialog->open();
}

void WebsitesPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void WebsitesPage::editSelected()
{
    const int row = m_model->rowOf(selectedWebsiteId());
    if (row < 0)
        return;
    auto *dialog = new WebsiteDialog(workspace(), m_model->rowAt(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WebsiteDialog::saved, this, [this](const Core::Website &w) {
        const int r = m_model->rowOf(w.id);
        if (r >= 0)
            m_model->updateRow(r, w);
        updateSelection();
    });
    dialog->open();
}

void WebsitesPage::deleteSelected()
{
    const int row = m_model->rowOf(selectedWebsiteId());
    if (row < 0)
        return;
    const Core::Website w = m_model->rowAt(row);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete website"), tr("Delete “%1”?").arg(w.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"deleteWebsiteConfirm"_s);
    box->setInformativeText(
        tr("Its events are deleted too, and its tracking code stops working. This cannot be "
           "undone."));
    auto *confirm = box->addButton(tr("Delete website"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, w](QAbstractButton *clicked) {
        if (clicked != confirm)
            return;
        client()->deleteWebsite(
            w.id, this,
            [this, w](bool) {
                m_model->removeRowAt(m_model->rowOf(w.id));
                updateSelection();
            },
            [this](const ApiFailure &f) { showFailure(tr("Could not delete the website."), f); });
    });
    box->open();
}

} // namespace Gui
