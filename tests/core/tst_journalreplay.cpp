// What the start-up replay does with journal records it cannot or must not apply (issue 11,
// review findings 2 and 5), over a real database and real segment files: an intact record
// whose payload cannot be read is counted and its segment kept, a record in a newer event
// format refuses the start and changes nothing, and events of a website the database does
// not have are dropped and counted instead of becoming orphan rows.
#include "core/ingest/eventpipeline.h"
#include "core/model/clock.h"
#include "core/model/domain.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/websiterepository.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Core;

namespace {
TrackedEvent eventFor(const QString &websiteId, const QString &path)
{
    TrackedEvent e;
    e.websiteId = websiteId;
    e.type = TrackedEvent::Type::Pageview;
    e.path = path;
    e.url = QStringLiteral("https://example.com") + path;
    e.sessionId = QStringLiteral("replay-session-1");
    e.userAgent = QStringLiteral("Mozilla/5.0");
    e.browser = QStringLiteral("Firefox");
    e.os = QStringLiteral("Linux");
    e.deviceType = QStringLiteral("desktop");
    e.occurredAt = e.receivedAt = QDateTime::currentMSecsSinceEpoch();
    return e;
}

QString createWebsite(const Database &db)
{
    Team team{newId(), QStringLiteral("Team"), Plan::Pro, QDateTime::currentMSecsSinceEpoch()};
    TeamRepository(db).insert(team);
    Website w;
    w.id = newId();
    w.teamId = team.id;
    w.name = QStringLiteral("Example");
    w.url = QStringLiteral("https://example.com");
    w.domain = QStringLiteral("example.com");
    w.trackingCode = newTrackingCode();
    w.createdAt = team.createdAt;
    WebsiteRepository(db).insert(w);
    return w.id;
}

qint64 countEvents(const Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next() ? q.value(0).toLongLong() : -1;
}

// Names and contents of the journal's files.
QMap<QString, QByteArray> journalFiles(const QString &dir)
{
    QMap<QString, QByteArray> out;
    for (const QString &name : QDir(dir).entryList(QDir::Files)) {
        QFile f(QDir(dir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.insert(name, QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256));
    }
    return out;
}

// Writes the payloads as journal records 1..n, as a crashed server would have left them.
void writeJournal(const QString &dir, const QList<QByteArray> &payloads)
{
    EventJournal j({dir});
    QVERIFY(!j.open(0, {}));
    for (const QByteArray &p : payloads)
        j.append({p});
}
} // namespace

class TestJournalReplay : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{QDateTime::currentMSecsSinceEpoch()};
    QString m_site;

    QString journalDir() const { return m_dir.filePath(QStringLiteral("journal")); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(journalDir()).removeRecursively();
        QFile::remove(m_dir.filePath(QStringLiteral("z.db")));
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("z.db")));
        QVERIFY(!m_db->open());
        m_site = createWebsite(*m_db);
    }
    void cleanup()
    {
        m_db->releaseThreadConnection();
        m_db.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("z.db")));
    }

    void unreadableRecordIsCountedAndItsSegmentKept()
    {
        writeJournal(journalDir(),
                     {eventFor(m_site, QStringLiteral("/a")).serialize(), QByteArray("\x01not an event", 13),
                      eventFor(m_site, QStringLiteral("/c")).serialize()});
        const QString segment =
            QDir(journalDir()).filePath(QDir(journalDir()).entryList(QDir::Files).first());
        {
            EventPipeline pipeline(*m_db, m_clock, {journalDir()});
            const auto error = pipeline.start();
            QVERIFY2(!error, qPrintable(error.value_or(QString())));
            QCOMPARE(pipeline.replayedAtStart(), 2);
            const JournalScan::Recovery r = pipeline.journalRecovery();
            QCOMPARE(r.unreadableRecords, 1);
            QVERIFY2(r.lastDamage.contains(QStringLiteral("record 2")), qPrintable(r.lastDamage));
            pipeline.stop();
        }
        QCOMPARE(countEvents(*m_db), 2);
        QVERIFY(!QFile::exists(segment));
        QVERIFY(QFile::exists(segment + QStringLiteral(".damaged")));
    }

    // A downgrade: the journal holds events this build cannot read. Refused, nothing changed.
    void newerFormatRefusesTheStart()
    {
        QByteArray newer = eventFor(m_site, QStringLiteral("/b")).serialize();
        newer[0] = char(TrackedEvent::FormatVersion + 1);
        writeJournal(journalDir(), {eventFor(m_site, QStringLiteral("/a")).serialize(), newer});
        const auto before = journalFiles(journalDir());
        EventPipeline pipeline(*m_db, m_clock, {journalDir()});
        const auto error = pipeline.start();
        QVERIFY(error);
        QVERIFY2(error->contains(QStringLiteral("newer Zenovay")), qPrintable(*error));
        QVERIFY2(error->contains(QStringLiteral("event format %1").arg(TrackedEvent::FormatVersion + 1)),
                 qPrintable(*error));
        QCOMPARE(countEvents(*m_db), 0);
        QCOMPARE(journalFiles(journalDir()), before);
    }

    void eventsOfAMissingWebsiteAreDroppedAndCounted()
    {
        const QString gone = newId();
        writeJournal(journalDir(), {eventFor(m_site, QStringLiteral("/a")).serialize(),
                                    eventFor(gone, QStringLiteral("/x")).serialize(),
                                    eventFor(gone, QStringLiteral("/y")).serialize(),
                                    eventFor(m_site, QStringLiteral("/b")).serialize()});
        {
            EventPipeline pipeline(*m_db, m_clock, {journalDir()});
            QVERIFY(!pipeline.start());
            QCOMPARE(pipeline.replayedAtStart(), 2);
            QCOMPARE(pipeline.journalRecovery().droppedNoWebsite, 2);
            QVERIFY(pipeline.journalRecovery().lastDamage.contains(gone));
            pipeline.stop();
        }
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(
            QStringLiteral("SELECT COUNT(*) FROM events WHERE website_id NOT IN (SELECT id FROM websites)")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
        QCOMPARE(countEvents(*m_db), 2);
        // Applied as far as the journal goes: the next start replays nothing.
        EventPipeline again(*m_db, m_clock, {journalDir()});
        QVERIFY(!again.start());
        QCOMPARE(again.replayedAtStart(), 0);
        QCOMPARE(again.journalRecovery().droppedNoWebsite, 0);
        again.stop();
    }
};

QTEST_GUILESS_MAIN(TestJournalReplay)
#include "tst_journalreplay.moc"
