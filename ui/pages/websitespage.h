#pragma once

#include "page.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Gui {

class WebsiteModel;

// Create or edit a website. Sends the request itself; the server's 422 messages appear
// next to the fields they are about.
class WebsiteDialog final : public QDialog
{
    Q_OBJECT
public:
    // An empty website.id means "create".
    WebsiteDialog(Workspace *workspace, const Core::Website &website, QWidget *parent = nullptr);

Q_SIGNALS:
    void saved(const Core::Website &website);

private:
    void submit();
    Workspace *m_workspace;
    Core::Website m_website;
    QComboBox *m_team;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_excluded; // "203.0.113.7, 10.0.0.0/8"
    QLabel *m_teamError;
    QLabel *m_nameError;
    QLabel *m_urlError;
    QLabel *m_urlHint; // the https:// the app proposed for an address typed without it
    QLabel *m_excludedError;
    QLabel *m_error;
    QPushButton *m_save;
};

// Websites per team, with the tracking snippet ready to copy.
class WebsitesPage final : public Page
{
    Q_OBJECT
public:
    explicit WebsitesPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;
    void createNew() override;
    void focusSearch() override;

    WebsiteModel *model() const { return m_model; }
    QString snippetFor(const Core::Website &website) const;
    // Where a snippet's script loads from can be reached by visitors' browsers on the
    // internet: not loopback, not a private or link-local address, not a bare host name.
    static bool reachableByVisitors(const QUrl &base);
    QString selectedWebsiteId() const;

private:
    void editSelected();
    void deleteSelected();
    void updateSelection();
    void fillTeams();

    WebsiteModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_teamFilter;
    QLineEdit *m_search;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPlainTextEdit *m_snippet;
    QPushButton *m_copySnippet;
    QCheckBox *m_doNotTrack; // the snippet honours the browser's Do-Not-Track setting
    QLabel *m_snippetTitle;
    QLabel *m_reachWarning;
    QLabel *m_websiteId;   // the id the external analytics route takes
    QPushButton *m_copyId;
    QUrl m_publicUrl; // the server's public_url (status), else empty: the address we talk to
};

} // namespace Gui
