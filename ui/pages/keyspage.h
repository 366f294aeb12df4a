#pragma once

#include "page.h"

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QMessageBox;

namespace Gui {

class ApiKeyModel;
class KeyDetailPage;
class KeyFilterModel;

// Personal API keys: the table, search and status filter, create (with the show-once
// dialog), revoke with confirmation, and the key detail view.
class KeysPage final : public Page
{
    Q_OBJECT
public:
    explicit KeysPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;
    void createNew() override;
    void focusSearch() override;

    void openDetail(const QString &keyId);
    void revokeSelected();
    QString selectedKeyId() const;
    ApiKeyModel *model() const { return m_model; }
    KeyDetailPage *detail() const { return m_detail; }

private:
    void updateButtons();
    void showList();
    void revoke(const Core::ApiKey &key);

    ApiKeyModel *m_model;
    KeyFilterModel *m_filter;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_status;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QPushButton *m_open;
    KeyDetailPage *m_detail;
};

} // namespace Gui
