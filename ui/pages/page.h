#pragma once

#include "ui/client/apitypes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QVBoxLayout;
class QHBoxLayout;
class QTableView;

namespace Gui {

class ApiClient;
class ErrorBanner;
class Workspace;

// One sidebar page: a title row, an inline error banner, its content.
class Page : public QWidget
{
    Q_OBJECT
public:
    // What a table made by makeTable() says while it shows no rows (else, and for other
    // views, nothing).
    static QString emptyStateText(const QTableView *view);
    Page(Workspace *workspace, const QString &title, QWidget *parent = nullptr);

    QString title() const { return m_title; }
    // The page's name in the sidebar and the Go menu: its title, or a shorter one.
    QString navTitle() const { return m_navTitle.isEmpty() ? m_title : m_navTitle; }
    void setNavTitle(const QString &text) { m_navTitle = text; }
    // Reloads from the server (F5); pages reload when first shown.
    virtual void refresh() = 0;
    // Ctrl+N: "new" for what the page lists (a key, a website, a team).
    virtual void createNew() {}
    // Ctrl+F: focus the page's search box, if it has one.
    virtual void focusSearch() {}
    bool hasLoaded() const { return m_loaded; }
    ErrorBanner *errorBanner() const { return m_banner; }

Q_SIGNALS:
    void statusMessage(const QString &text);

protected:
    void showFailure(const QString &action, const ApiFailure &failure);
    void showNotice(const QString &text);
    void clearFailure();
    void markLoaded() { m_loaded = true; }
    ApiClient *client() const;
    Workspace *workspace() const { return m_workspace; }
    QVBoxLayout *contentLayout() const { return m_content; }
    QHBoxLayout *headerLayout() const { return m_header; }
    // Starts a refresh that begins with the signed-in user's API keys: `loaded` runs
    // with them unless a later refresh started meanwhile, after the error banner is
    // cleared and the page marked loaded; a failure shows "Could not load your API
    // keys.". Answers of requests made for this refresh check isCurrent(generation).
    void loadKeys(std::function<void(const QList<Core::ApiKey> &keys, int generation)> loaded);
    bool isCurrent(int generation) const { return generation == m_generation; }
    // Starts a new round of requests: answers of earlier rounds then fail isCurrent().
    int nextGeneration() { return ++m_generation; }
    // A sortable, row-selecting table view with the app's defaults. While it has no rows
    // it says so in its middle: `emptyText` when there is nothing at all ("No API keys
    // yet…"), or that nothing matches when a filter hides every row.
    static QTableView *makeTable(const QString &objectName, QWidget *parent, const QString &emptyText = {});
    // Columns as wide as their contents (at most maxWidth; longer text is elided, whole in
    // its tooltip), `stretchColumn` taking what is left: the table fits from 1024 px up,
    // in German too, with no column pushed off-screen.
    static void fitColumns(QTableView *view, int stretchColumn, int maxWidth = 240);

private:
    Workspace *m_workspace;
    QString m_title;
    QString m_navTitle;
    ErrorBanner *m_banner;
    QVBoxLayout *m_content;
    QHBoxLayout *m_header;
    bool m_loaded = false;
    int m_generation = 0;
};

} // namespace Gui
