#include "visitorsketch.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace Core {

quint64 VisitorSketch::hashOf(QByteArrayView sessionId)
{
    // FNV-1a 64 then the splitmix64 finaliser: stable across runs and Qt versions
    // (sketches are stored), and well mixed in every bit the registers use.
    quint64 h = 14695981039346656037ULL;
    for (const char c : sessionId) {
        h ^= quint8(c);
        h *= 1099511628211ULL;
    }
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

void VisitorSketch::addDense(quint64 hash)
{
    const quint64 index = hash >> (64 - Precision);
    const quint64 rest = (hash << Precision) | (quint64(1) << (Precision - 1)); // never all zero
    const auto rank = quint8(std::countl_zero(rest) + 1);
    auto &reg = reinterpret_cast<quint8 &>(m_dense.data()[index]);
    if (rank > reg)
        reg = rank;
}

void VisitorSketch::toDense()
{
    m_dense = QByteArray(Registers, '\0');
    for (const quint64 h : std::as_const(m_sparse))
        addDense(h);
    m_sparse.clear();
    m_sparse.squeeze();
}

bool VisitorSketch::add(quint64 hash)
{
    if (!m_dense.isEmpty()) {
        const quint64 index = hash >> (64 - Precision);
        const quint8 before = quint8(m_dense.at(index));
        addDense(hash);
        return quint8(m_dense.at(index)) != before;
    }
    const auto it = std::lower_bound(m_sparse.begin(), m_sparse.end(), hash);
    if (it != m_sparse.end() && *it == hash)
        return false;
    m_sparse.insert(it, hash);
    if (m_sparse.size() > SparseLimit)
        toDense();
    return true;
}

void VisitorSketch::merge(const VisitorSketch &other)
{
    if (other.isEmpty())
        return;
    if (m_dense.isEmpty() && other.m_dense.isEmpty()) {
        QList<quint64> out;
        out.reserve(m_sparse.size() + other.m_sparse.size());
        std::set_union(m_sparse.cbegin(), m_sparse.cend(), other.m_sparse.cbegin(), other.m_sparse.cend(),
                       std::back_inserter(out));
        m_sparse = std::move(out);
        if (m_sparse.size() > SparseLimit)
            toDense();
        return;
    }
    if (m_dense.isEmpty())
        toDense();
    if (!other.m_dense.isEmpty()) {
        auto *mine = reinterpret_cast<quint8 *>(m_dense.data());
        const auto *theirs = reinterpret_cast<const quint8 *>(other.m_dense.constData());
        for (qsizetype i = 0; i < Registers; ++i)
            mine[i] = std::max(mine[i], theirs[i]);
    } else {
        for (const quint64 h : other.m_sparse)
            addDense(h);
    }
}

qint64 VisitorSketch::estimate() const
{
    if (m_dense.isEmpty())
        return m_sparse.size();
    const double m = double(Registers);
    static const std::array<double, 66> inversePowers = [] {
        std::array<double, 66> t{};
        for (size_t i = 0; i < t.size(); ++i)
            t[i] = std::ldexp(1.0, -int(i));
        return t;
    }();
    double sum = 0;
    int zeros = 0;
    for (const char c : m_dense) {
        const auto r = quint8(c);
        sum += inversePowers[std::min<size_t>(r, inversePowers.size() - 1)];
        zeros += r == 0;
    }
    const double alpha = 0.7213 / (1.0 + 1.079 / m);
    double e = alpha * m * m / sum;
    if (e <= 2.5 * m && zeros > 0)
        e = m * std::log(m / double(zeros)); // linear counting for the small range
    return qint64(std::llround(e));
}

QByteArray VisitorSketch::toBytes() const
{
    if (!m_dense.isEmpty())
        return QByteArray(1, 'D') + m_dense;
    QByteArray out(1 + m_sparse.size() * 8, Qt::Uninitialized);
    out[0] = 'S';
    for (qsizetype i = 0; i < m_sparse.size(); ++i)
        qToLittleEndian<quint64>(m_sparse[i], out.data() + 1 + i * 8);
    return out;
}

VisitorSketch VisitorSketch::fromBytes(const QByteArray &bytes)
{
    VisitorSketch s;
    if (bytes.size() == 1 + Registers && bytes.at(0) == 'D') {
        s.m_dense = bytes.mid(1);
    } else if (!bytes.isEmpty() && bytes.at(0) == 'S' && (bytes.size() - 1) % 8 == 0) {
        const qsizetype n = (bytes.size() - 1) / 8;
        s.m_sparse.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            s.m_sparse.append(qFromLittleEndian<quint64>(bytes.constData() + 1 + i * 8));
    }
    return s;
}

} // namespace Core
