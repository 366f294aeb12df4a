#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Core {

// Distinct-visitor counting that merges across buckets (a 30-day range is the union of
// 30 day sketches, not a sum of daily counts).
//
// Exact while small: up to SparseLimit distinct 64-bit hashes are kept as a sorted set,
// so counts are exact (barring a 64-bit hash collision). Beyond that the sketch becomes
// a HyperLogLog with 2^14 registers (standard error about 0.8%), 16 KiB. Merging two
// sparse sketches stays exact as long as the union fits in the sparse form.
class VisitorSketch final
{
public:
    static constexpr int Precision = 14;
    static constexpr qsizetype Registers = qsizetype(1) << Precision;
    static constexpr qsizetype SparseLimit = 1024;

    static quint64 hashOf(QByteArrayView sessionId);

    // Returns true if the sketch changed.
    bool add(quint64 hash);
    void merge(const VisitorSketch &other);
    qint64 estimate() const;
    bool isExact() const { return m_dense.isEmpty(); }
    bool isEmpty() const { return m_dense.isEmpty() && m_sparse.isEmpty(); }

    // Storage form: 'S' + little-endian u64 hashes, or 'D' + one byte per register.
    QByteArray toBytes() const;
    static VisitorSketch fromBytes(const QByteArray &bytes);

private:
    void toDense();
    void addDense(quint64 hash);

    QList<quint64> m_sparse; // sorted, unique
    QByteArray m_dense;      // Registers bytes when dense
};

} // namespace Core
