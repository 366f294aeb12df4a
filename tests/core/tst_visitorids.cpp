// VisitorIds: one id per (website, address, user agent) and UTC day, unrelated across
// days and websites, the day's salt kept across restarts, old salts deleted.
#include "core/ingest/visitorids.h"
#include "core/model/clock.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Core;

namespace {
constexpr qint64 DayMs = 86'400'000;
const qint64 Noon = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
const QString Site = QStringLiteral("w1");
const QString Address = QStringLiteral("203.0.113.7");
const QString Agent = QStringLiteral("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
} // namespace

class TestVisitorIds : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    QList<qint64> storedSaltDays() const
    {
        Statement q = m_db->prepare(QStringLiteral("SELECT day FROM visitor_salts ORDER BY day"));
        exec(q);
        QList<qint64> days;
        while (q.next())
            days << q.value(0).toLongLong();
        return days;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("z.db")));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("z.db")));
        QVERIFY(!m_db->open());
    }
    void cleanup() { m_db.reset(); }

    void oneVisitorPerPersonAndDay()
    {
        ManualClock clock(Noon);
        VisitorIds ids(*m_db, clock);
        const QByteArray a = ids.forAddress(Site, Address, Agent);
        QCOMPARE(a.size(), VisitorIds::Bytes);
        // Three tabs (three sessions) of one browser: one visitor, all day long.
        clock.setMs(Noon - 12 * 3'600'000);
        QCOMPARE(ids.forAddress(Site, Address, Agent), a);
        clock.setMs(Noon + 12 * 3'600'000 - 1);
        QCOMPARE(ids.forAddress(Site, Address, Agent), a);
        clock.setMs(Noon);
        // Anything else is someone else.
        const QSet<QByteArray> others{
            ids.forAddress(Site, QStringLiteral("203.0.113.8"), Agent),
            ids.forAddress(Site, Address, Agent + QLatin1Char(' ')),
            ids.forAddress(QStringLiteral("w2"), Address, Agent),
            // Fields are length-prefixed: moving text from one to the next changes the id.
            ids.forAddress(Site, Address + QStringLiteral("M"), Agent.mid(1)),
            ids.forSession(Site, Address),
        };
        QCOMPARE(others.size(), 5);
        QVERIFY(!others.contains(a));
        // Nothing of the address is in the id.
        QVERIFY(!a.contains(Address.toLatin1()));
    }

    void newDayNewIds()
    {
        ManualClock clock(Noon);
        VisitorIds ids(*m_db, clock);
        const QByteArray today = ids.forAddress(Site, Address, Agent);
        clock.advanceMs(DayMs);
        const QByteArray tomorrow = ids.forAddress(Site, Address, Agent);
        QVERIFY(tomorrow != today);
        QCOMPARE(ids.forSession(Site, QStringLiteral("session-1")).size(), VisitorIds::Bytes);
    }

    void restartKeepsTheDaysSalt()
    {
        ManualClock clock(Noon);
        QByteArray before;
        {
            VisitorIds ids(*m_db, clock);
            before = ids.forAddress(Site, Address, Agent);
        }
        VisitorIds again(*m_db, clock);
        QCOMPARE(again.forAddress(Site, Address, Agent), before);
    }

    void saltsAreDeletedTwoDaysLater()
    {
        ManualClock clock(Noon);
        VisitorIds ids(*m_db, clock);
        const qint64 day0 = Noon - 12 * 3'600'000;
        const QByteArray day0Id = ids.forAddress(Site, Address, Agent);
        clock.advanceMs(DayMs);
        ids.forAddress(Site, Address, Agent);
        // Today's and tomorrow's salts are made ahead, so a new day needs no database.
        QCOMPARE(storedSaltDays(), (QList<qint64>{day0, day0 + DayMs, day0 + 2 * DayMs}));
        clock.advanceMs(DayMs);
        ids.forAddress(Site, Address, Agent);
        // Day 0's salt is gone: its ids cannot be made again, not even by this server.
        QCOMPARE(storedSaltDays(), (QList<qint64>{day0 + DayMs, day0 + 2 * DayMs, day0 + 3 * DayMs}));
        clock.setMs(Noon);
        VisitorIds fresh(*m_db, clock);
        QVERIFY(fresh.forAddress(Site, Address, Agent) != day0Id);
    }
};

QTEST_GUILESS_MAIN(TestVisitorIds)
#include "tst_visitorids.moc"
