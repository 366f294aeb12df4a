#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

namespace Gui {

enum ModelRole {
    SortRole = Qt::UserRole + 1, // a raw value that sorts right (numbers, epoch ms)
    IdRole,                      // the row's object id
    FilterRole,                  // text the search box matches
};

// A read-only table over a list of value objects; each column is a function of a row.
template <typename Row>
class RowTableModel : public QAbstractTableModel
{
public:
    struct Column
    {
        QString header;
        std::function<QVariant(const Row &, int role)> data;
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    void updateRow(int row, Row value)
    {
        if (row < 0 || row >= m_rows.size())
            return;
        m_rows[row] = std::move(value);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    void appendRow(Row value)
    {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(std::move(value));
        endInsertRows();
    }
    void removeRowAt(int row)
    {
        if (row < 0 || row >= m_rows.size())
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // Every cell may read the clock or lookup tables: tell views to redraw them.
    void refreshAll()
    {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    const QList<Row> &rows() const { return m_rows; }
    const Row &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_columns.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Column &column = m_columns.at(index.column());
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(column.alignment);
        return column.data(m_rows.at(index.row()), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_columns.at(section).header;
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(m_columns.at(section).alignment);
        return {};
    }

protected:
    QList<Column> m_columns;

private:
    QList<Row> m_rows;
};

} // namespace Gui
