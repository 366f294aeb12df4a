// Core::TrackingCodes: the tracking-code cache of POST /e/{code}. A new website is found
// within UnknownTtlMs, a deleted one is forgotten within KnownTtlMs, and within those
// times the database is not asked again.
#include "core/model/clock.h"
#include "core/storage/database.h"
#include "core/storage/teamrepository.h"
#include "core/storage/websiterepository.h"
#include "core/websites/trackingcodes.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Core;

class TestTrackingCodes : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{1'780'000'020'000};
    QString m_team;

    Website site(const QString &code)
    {
        return {newId(),
                m_team,
                QStringLiteral("S"),
                QStringLiteral("https://s.example"),
                QStringLiteral("s.example"),
                code,
                1, {}};
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("t.db")));
        QVERIFY(!m_db->open());
        const Team t{newId(), QStringLiteral("T"), Plan::Pro, 1};
        TeamRepository(*m_db).insert(t);
        m_team = t.id;
    }

    void newAndDeletedWebsites()
    {
        // What docs/ingest.md promises: a new website within 2 s, a deleted one within 10 s.
        QCOMPARE(TrackingCodes::UnknownTtlMs, qint64(2'000));
        QCOMPARE(TrackingCodes::KnownTtlMs, qint64(10'000));
        TrackingCodes codes(*m_db, m_clock);
        const Website w = site(QStringLiteral("ZV-NEWSITE0001"));
        QVERIFY(!codes.websiteIdFor(w.trackingCode)); // unknown, remembered as such
        WebsiteRepository(*m_db).insert(w);
        m_clock.advanceMs(TrackingCodes::UnknownTtlMs - 1);
        QVERIFY(!codes.websiteIdFor(w.trackingCode)); // still the cached answer
        m_clock.advanceMs(1);
        QCOMPARE(codes.websiteIdFor(w.trackingCode).value_or(QString()), w.id);

        QVERIFY(WebsiteRepository(*m_db).remove(w.id));
        m_clock.advanceMs(TrackingCodes::KnownTtlMs - 1);
        QCOMPARE(codes.websiteIdFor(w.trackingCode).value_or(QString()), w.id); // cached
        m_clock.advanceMs(1);
        QVERIFY(!codes.websiteIdFor(w.trackingCode));
    }
};

QTEST_GUILESS_MAIN(TestTrackingCodes)
#include "tst_trackingcodes.moc"
