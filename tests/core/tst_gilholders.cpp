#include "engine/eventlog.h"
#include "engine/gilholders.h"

#include <QTest>

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
        change(observed, 10, 1, 100);
        change(observed, 20, 2, 101);
        change(observed, 25, noHolder, 101);
        change(observed, 30, 1, 103); // a turn of Thread-2 fell between two readings
        change(observed, 40, EventLog::unknownHolder, 104);

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
