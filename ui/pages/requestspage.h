#pragma once

#include "page.h"
#include "ui/client/apitypes.h"

class QCheckBox;
class QComboBox;
class QTableView;

namespace Gui {

class RequestLogModel;

// Recent requests across my keys, newest first.
class RequestsPage final : public Page
{
    Q_OBJECT
public:
    explicit RequestsPage(Workspace *workspace, QWidget *parent = nullptr);
    void refresh() override;

private:
    void reload();
    RequestLogModel *m_model;
    QTableView *m_table;
    QComboBox *m_key;
    QCheckBox *m_errorsOnly;
    QList<RequestLogEntry> m_all;
};

} // namespace Gui
