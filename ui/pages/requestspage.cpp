#include "requestspage.h"

#include "ui/client/apiclient.h"
#include "ui/models/models.h"
#include "ui/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Gui {

RequestsPage::RequestsPage(Workspace *workspace, QWidget *parent)
    : Page(workspace, tr("Requests"), parent), m_model(new RequestLogModel(this)),
      m_table(makeTable(u"requestsTable"_s, this, tr("No requests with your API keys yet."))), m_key(new QComboBox(this)),
      m_errorsOnly(new QCheckBox(tr("&Errors only"), this))
{
    setObjectName(u"requestsPage"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    m_table->setModel(proxy);
    m_table->sortByColumn(RequestLogModel::Time, Qt::DescendingOrder);
    // Columns as wide as their contents, the path taking what is left; the request ID,
    // long and needed only to quote it, is shortened in the middle (whole in its tooltip
    // and in the key page's diagnostic report), so the table fits from 1024 px up.
    fitColumns(m_table, RequestLogModel::Path, 220);
    m_table->horizontalHeader()->setSectionResizeMode(RequestLogModel::RequestId, QHeaderView::Interactive);
    m_table->setColumnWidth(RequestLogModel::RequestId, 130);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_key->setObjectName(u"requestsKeyFilter"_s);
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_errorsOnly->setObjectName(u"requestsErrorsOnly"_s);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Key:"), this));
    bar->addWidget(m_key);
    bar->addWidget(m_errorsOnly);
    bar->addStretch(1);
    contentLayout()->addLayout(bar);
    contentLayout()->addWidget(m_table, 1);
    connect(m_key, &QComboBox::currentIndexChanged, this, &RequestsPage::reload);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &RequestsPage::reload);
}

void RequestsPage::refresh()
{
    loadKeys([this](const QList<Core::ApiKey> &keys, int generation) {
        const QString current = m_key->currentData().toString();
        m_key->blockSignals(true);
        m_key->clear();
        m_key->addItem(tr("All keys"), QString());
        for (const Core::ApiKey &k : keys)
            m_key->addItem(u"%1 (%2…)"_s.arg(k.name, k.prefix), k.id);
        m_key->setCurrentIndex(qMax(0, m_key->findData(current)));
        m_key->blockSignals(false);
        m_all.clear();
        auto remaining = std::make_shared<int>(int(keys.size()));
        if (keys.isEmpty())
            reload();
        for (const Core::ApiKey &k : keys) {
            const QString name = k.name;
            const QString id = k.id;
            client()->keyRequests(
                id, 50, this,
                [this, name, id, generation, remaining](QList<RequestLogEntry> entries) {
                    if (!isCurrent(generation))
                        return;
                    for (RequestLogEntry &e : entries) {
                        e.keyId = id;
                        e.keyName = name;
                        m_all << e;
                    }
                    if (--*remaining == 0)
                        reload();
                },
                [this, generation, remaining](const ApiFailure &f) {
                    if (!isCurrent(generation))
                        return;
                    showFailure(tr("Could not load a key's requests."), f);
                    if (--*remaining == 0)
                        reload();
                });
        }
    });
}

void RequestsPage::reload()
{
    const QString keyId = m_key->currentData().toString();
    QList<RequestLogEntry> shown;
    for (const RequestLogEntry &e : std::as_const(m_all)) {
        if (!keyId.isEmpty() && e.keyId != keyId)
            continue;
        if (m_errorsOnly->isChecked() && e.status < 400)
            continue;
        shown << e;
    }
    std::sort(shown.begin(), shown.end(),
              [](const RequestLogEntry &a, const RequestLogEntry &b) { return a.at > b.at; });
    m_model->setRows(shown);
    if (isVisible())
        Q_EMIT statusMessage(tr("%n request(s)", nullptr, int(shown.size())));
}

} // namespace Gui
