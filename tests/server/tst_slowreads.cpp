// Server::SlowReads, the worker for reads too slow for the server thread (reports with
// several filters, CSV exports): its bound in all and per user, and that every read,
// answered or failed, gives its slot back.
#include "server/analytics/slowreads.h"
#include "server/http/apierror.h"

#include "core/storage/database.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <stdexcept>

using Server::ApiError;
using Server::HttpResponse;
using Server::SlowReads;

class TestSlowReads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Core::Database> m_db;

    // The status a run is refused with, or 0 when it was taken.
    static int refusal(SlowReads &reads, const QString &caller, std::function<HttpResponse()> work,
                       QByteArray *retryAfter = nullptr)
    {
        try {
            const HttpResponse r = reads.run(caller, std::move(work));
            return r.deferred ? 0 : -1;
        } catch (const ApiError &e) {
            for (const auto &[name, value] : e.headers)
                if (name == "Retry-After" && retryAfter)
                    *retryAfter = value;
            return e.status;
        }
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<Core::Database>(m_dir.filePath(QStringLiteral("z.db")));
        QVERIFY(!m_db->open());
    }

    void oneUserCannotTakeEverySlot()
    {
        // Declared before the reads: their destructor waits for running work.
        QSemaphore gate;
        std::atomic<int> done{0};
        SlowReads reads(*m_db, 1, 3, 2);
        const auto blocked = [&] {
            return [&] {
                gate.acquire();
                ++done;
                return HttpResponse::empty(204);
            };
        };
        const QString alice = QStringLiteral("alice"), bob = QStringLiteral("bob"), carol = QStringLiteral("carol");
        QCOMPARE(refusal(reads, alice, blocked()), 0);
        QCOMPARE(refusal(reads, alice, blocked()), 0);
        QByteArray retryAfter;
        QCOMPARE(refusal(reads, alice, blocked(), &retryAfter), 503); // her third
        QCOMPARE(retryAfter, QByteArray("1"));
        QCOMPARE(refusal(reads, bob, blocked()), 0); // someone else still gets in
        QCOMPARE(refusal(reads, carol, blocked()), 503); // every slot taken
        QCOMPARE(reads.pending(), 3);
        gate.release(3);
        QTRY_COMPARE(done.load(), 3);
        QTRY_COMPARE(reads.pending(), 0);
        // The slots come back with the answers (on this, the server thread).
        QTRY_COMPARE(reads.pendingFor(alice), 0);
        QTRY_COMPARE(reads.pendingFor(bob), 0);
        QCOMPARE(refusal(reads, alice, [] { return HttpResponse::empty(204); }), 0);
        QCOMPARE(refusal(reads, alice, [] { return HttpResponse::empty(204); }), 0);
        QCOMPARE(reads.pendingFor(alice), 2);
        QTRY_COMPARE(reads.pendingFor(alice), 0);
    }

    void aFailedReadGivesItsSlotBack()
    {
        std::atomic<int> ran{0};
        SlowReads reads(*m_db, 1, 8, 2);
        const auto failing = [&] {
            return [&]() -> HttpResponse {
                ++ran;
                throw std::runtime_error("replay failed");
            };
        };
        const QString dave = QStringLiteral("dave");
        QCOMPARE(refusal(reads, dave, failing()), 0);
        QCOMPARE(refusal(reads, dave, failing()), 0);
        QCOMPARE(refusal(reads, dave, failing()), 503);
        QTRY_COMPARE(ran.load(), 2);
        // Both answers are in (as failures): dave has his two slots again.
        QTRY_COMPARE(reads.pendingFor(dave), 0);
        QCOMPARE(refusal(reads, dave, failing()), 0);
        QCOMPARE(refusal(reads, dave, failing()), 0);
        QTRY_COMPARE(ran.load(), 4);
        QTRY_COMPARE(reads.pendingFor(dave), 0);
    }
};

QTEST_GUILESS_MAIN(TestSlowReads)
#include "tst_slowreads.moc"
