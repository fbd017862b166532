#include "engine/eventlog.h"
#include "engine/gilholders.h"
#include "results/variantresult.h"

#include <QTest>

#include <cmath>

using namespace ThreadLab;

// GilHolders from an observed GIL (real CPython, read from outside): holds come from the observed
// changes, not from the lanes' running states, and hand-overs are the interpreter's own count.
class TestGilHolders : public QObject
{
    Q_OBJECT

private:
    static void change(Lane* observed, std::int64_t tNs, std::uint32_t holder, std::int64_t switchNumber)
    {
        const bool held = holder != noHolder;
        observed->append(Event {tNs, EventKind::State, held ? WorkerState::Running : WorkerState::WaitingGil, 0,
                                held ? holder : 0, switchNumber});
    }
    static constexpr std::uint32_t noHolder = 0xfffffffe;

    static std::unique_ptr<EventLog> threeLanes()
    {
        auto log = std::make_unique<EventLog>(0, true);
        log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        for (int i = 1; i <= 2; ++i) {
            Lane* t = log->addLane({QStringLiteral("Thread-%1").arg(i), LaneKind::Thread, false, {}});
            t->setNativeThreadId(7000 + i);
            // What the runtime reports: both threads "running" all along (they want to compute).
            t->appendState(WorkerState::Running, 5);
        }
        return log;
    }

private Q_SLOTS:
    void holdsComeFromTheObservedChanges()
    {
        auto log = threeLanes();
        Lane* observed = log->addObservedGil();
        QCOMPARE(log->addObservedGil(), observed); // one per log
        QCOMPARE(log->laneCount(), 3);             // not a worker lane
        change(observed, 10, 7001, 100);
        change(observed, 20, 7002, 101);
        change(observed, 25, noHolder, 101);
        change(observed, 30, 7001, 103); // a turn of Thread-2 fell between two readings
        change(observed, 40, 4242, 104); // a thread that is no lane (a queue's feeder)

        GilHolders holders;
        holders.addLane(0);
        holders.addLane(1);
        holders.addLane(2);
        holders.setObserved(true);
        holders.extend(*log, 21); // live: only what began before the horizon
        QCOMPARE(holders.spanCount(), std::size_t(2));
        QCOMPARE(holders.handOvers(), std::int64_t(1));
        holders.extend(*log);
        QCOMPARE(holders.spanCount(), std::size_t(4));
        const GilHolders::Span first = holders.span(0);
        QCOMPARE(first.startNs, std::int64_t(10));
        QCOMPARE(first.endNs, std::int64_t(20));
        QCOMPARE(first.lane, 1);
        QCOMPARE(holders.span(1).endNs, std::int64_t(25)); // nobody held it from 25 to 30
        QCOMPARE(holders.span(2).startNs, std::int64_t(30));
        QCOMPARE(holders.span(3).lane, int(EventLog::unknownHolder));
        QCOMPARE(holders.span(3).endNs, GilHolders::openEnd);
        // The interpreter's own count, the missed turn included.
        QCOMPARE(holders.handOvers(), std::int64_t(4));
        QCOMPARE(GilHolders::appHandOvers(*log), std::int64_t(4));
        QCOMPARE(holders.firstEndingAfter(26), std::size_t(2));
    }

    void waitsForAThreadToSayWhichLaneItIs()
    {
        auto log = threeLanes();
        Lane* late = log->addLane({QStringLiteral("Thread-3"), LaneKind::Thread, false, {}});
        Lane* observed = log->addObservedGil();
        change(observed, 1'000'000'000, 7001, 1);
        change(observed, 1'100'000'000, 7003, 2); // Thread-3 has not told its id yet
        GilHolders holders;
        for (int i = 0; i < 4; ++i)
            holders.addLane(i);
        holders.setObserved(true);
        holders.extend(*log, 1'200'000'000); // live, within the grace: wait
        QCOMPARE(holders.spanCount(), std::size_t(1));
        late->setNativeThreadId(7003);
        holders.extend(*log, 1'200'000'000);
        QCOMPARE(holders.spanCount(), std::size_t(2));
        QCOMPARE(holders.span(1).lane, 3);

        // Never named: after the grace, or at the end, it holds as a thread that is no lane.
        auto other = threeLanes();
        change(other->addObservedGil(), 1'000'000'000, 9999, 1);
        GilHolders unnamed;
        unnamed.addLane(0);
        unnamed.setObserved(true);
        unnamed.extend(*other, 1'100'000'000);
        QCOMPARE(unnamed.spanCount(), std::size_t(0));
        unnamed.extend(*other, 1'300'000'000);
        QCOMPARE(unnamed.spanCount(), std::size_t(1));
        QCOMPARE(unnamed.span(0).lane, int(EventLog::unknownHolder));
    }

    // A real CPython variant's results carry the waits the observed GIL shows: a thread's
    // "running" is cut where another thread held the lock; where nobody did, it stays running.
    void resultsCutRunningAtOtherHolds()
    {
        const std::shared_ptr<EventLog> log = threeLanes();
        constexpr std::int64_t ms = 1'000'000;
        Lane* observed = log->addObservedGil();
        change(observed, 10 * ms, 7001, 1);
        change(observed, 20 * ms, 7002, 2);
        change(observed, 25 * ms, noHolder, 2);
        change(observed, 30 * ms, 7001, 3);
        for (int lane = 1; lane <= 2; ++lane)
            log->lane(lane)->appendState(WorkerState::Finished, 40 * ms);
        VariantResult v;
        v.engine = EngineKind::CPython;
        for (int lane = 0; lane < log->laneCount(); ++lane)
            v.workers.push_back(WorkerResult::fromLane(*log->lane(lane), log->originNs(), 40 * ms));
        v.setLog(log);
        auto pieces = [&v](int lane) {
            QStringList out;
            for (const StateInterval& s : v.workers[static_cast<std::size_t>(lane)].intervals)
                out << QStringLiteral("%1 %2-%3").arg(QLatin1String(workerStateName(s.state))).arg(std::round(s.startMs)).arg(s.endMs);
            return out;
        };
        QCOMPARE(pieces(1), (QStringList {QStringLiteral("running 0-20"), QStringLiteral("waiting-for-GIL 20-25"),
                                          QStringLiteral("running 25-40")}));
        QCOMPARE(pieces(2), (QStringList {QStringLiteral("running 0-10"), QStringLiteral("waiting-for-GIL 10-20"),
                                          QStringLiteral("running 20-30"), QStringLiteral("waiting-for-GIL 30-40")}));
        QCOMPARE(v.gilHandOvers, std::optional<std::int64_t>(2)); // the interpreter's own count

        // The model's lanes record their own waits: its results are left as they are.
        VariantResult model = v;
        model.engine = EngineKind::Model;
        for (int lane = 0; lane < log->laneCount(); ++lane)
            model.workers[static_cast<std::size_t>(lane)] = WorkerResult::fromLane(*log->lane(lane), log->originNs(), 40 * ms);
        model.setLog(log);
        QCOMPARE(model.workers[1].intervals.size(), std::size_t(1));
    }

    void withoutAnObservedGilTheLanesStatesCount()
    {
        // The model: the GIL shows in the lanes' own states, and the merge reads those.
        EventLog log(0, true);
        log.addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        Lane* t1 = log.addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        Lane* t2 = log.addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
        t1->appendState(WorkerState::Running, 5);
        t2->appendState(WorkerState::WaitingGil, 5);
        t1->appendState(WorkerState::WaitingGil, 8);
        t2->appendState(WorkerState::Running, 8);
        t2->appendState(WorkerState::WaitingGil, 12);
        t1->appendState(WorkerState::Running, 12);
        QCOMPARE(GilHolders::appHandOvers(log), std::int64_t(2));
    }
};

QTEST_GUILESS_MAIN(TestGilHolders)
#include "tst_gilholders.moc"
