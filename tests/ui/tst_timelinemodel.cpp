#include "model/timelinemodel.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "support/timelinelogs.h"
#include "tasks/monoclock.h"

#include <QTest>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = sampleLogOriginNs;

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void indexesHowLanesEnd()
    {
        TimelineModel model;
        model.setLog(sampleTimelineLog());
        model.sync();
        QCOMPARE(model.laneCount(), 4);
        QCOMPARE(model.index(0).outcome, WorkerState::Finished);
        QCOMPARE(model.index(0).endNs, origin + 100 * ms);
        QCOMPARE(model.index(1).endNs, origin + 50 * ms);
        QCOMPARE(model.index(2).outcome, WorkerState::Abandoned);
        // Main's join returned when main ran again.
        QCOMPARE(model.index(0).joins.size(), std::size_t(1));
        QCOMPARE(model.index(0).joins[0].event, 1u);
        QCOMPARE(model.index(0).joins[0].endNs, origin + 60 * ms);
        // The worker's output and queue put are its marks.
        QCOMPARE(model.index(1).marks, (std::vector<std::uint32_t> {1, 2}));
        QVERIFY(model.index(0).marks.empty());
        QCOMPARE(model.index(2).marks, (std::vector<std::uint32_t> {1}));
        QCOMPARE(model.index(3).endNs, -1); // still going
    }

    void seesWhatOccurs()
    {
        TimelineModel model;
        model.setLog(sampleTimelineLog());
        model.sync();
        const auto bit = [](auto v) { return 1u << static_cast<int>(v); };
        QCOMPARE(model.statesSeen(), bit(WorkerState::Running) | bit(WorkerState::WaitingJoin)
                                         | bit(WorkerState::Finished) | bit(WorkerState::Abandoned));
        QCOMPARE(model.kindsSeen(), bit(EventKind::State) | bit(EventKind::Output) | bit(EventKind::QueuePut)
                                        | bit(EventKind::QueueGet));
    }

    // Indices grow with the log: only new events are visited, and the layout's inputs (lanes,
    // kinds of event) are what moves the shape revision.
    void growsWithTheLog()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        main->appendState(WorkerState::Running, origin);
        TimelineModel model;
        model.setLog(log);
        model.sync();
        const std::uint64_t first = model.shapeRevision();
        QCOMPARE(model.index(0).scanned, std::size_t(1));
        main->appendState(WorkerState::Running, origin + ms);
        model.sync();
        QCOMPARE(model.index(0).scanned, std::size_t(2));
        QCOMPARE(model.shapeRevision(), first); // nothing new to show in the legend
        main->appendOutput(origin + 2 * ms, "x");
        model.sync();
        QVERIFY(model.shapeRevision() > first);
        const std::uint64_t second = model.shapeRevision();
        log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        model.sync();
        QVERIFY(model.shapeRevision() > second);
        QCOMPARE(model.index(1).scanned, std::size_t(0));
        // Marks after the lane's end are not the lane's any more.
        main->appendState(WorkerState::Finished, origin + 3 * ms);
        main->appendOutput(origin + 4 * ms, "late");
        model.sync();
        QCOMPARE(model.index(0).marks.size(), std::size_t(1));
        QVERIFY(model.memoryBytes() > 0);
    }

    void snapshotsTheLog()
    {
        const auto log = sampleTimelineLog();
        TimelineModel model;
        QCOMPARE(model.snapshot(false).log, nullptr);
        model.setLog(log);
        const TimelineModel::Snapshot s = model.snapshot(false);
        QCOMPARE(s.log, log.get());
        QCOMPARE(s.laneCount, 4);
        QCOMPARE(s.sizes, (std::vector<std::size_t> {4, 4, 3, 1}));
        QCOMPARE(s.originNs, origin);
        QCOMPARE(s.untilNs, 100 * ms);
        // Live, open intervals last until now.
        const std::int64_t before = MonoClock::nowNs();
        QVERIFY(model.snapshot(true).untilNs >= before - origin);
    }

    void describesLanes()
    {
        TimelineModel model;
        model.setLog(sampleTimelineLog());
        QCOMPARE(model.laneDetail(0, false), QStringLiteral("main thread"));
        QCOMPARE(model.laneDetail(1, false), QStringLiteral("thread · subclass"));
        QCOMPARE(model.laneDetail(2, false), QStringLiteral("process · pid 4242 · daemon"));
        QCOMPARE(model.laneDetail(2, true), QStringLiteral("process · pid 0000000 · daemon"));
        QCOMPARE(model.laneName(1), QStringLiteral("Thread-1"));
        QCOMPARE(model.laneName(7), QStringLiteral("7"));
    }

    void findsMarks()
    {
        TimelineModel model;
        model.setLog(sampleTimelineLog());
        const TimelineModel::Snapshot s = model.snapshot(false);
        const std::size_t n = s.sizes[1];
        QCOMPARE(model.markFrom(1, 0, origin), std::size_t(0));
        QCOMPARE(model.markFrom(1, 0, origin + 21 * ms), std::size_t(1));
        QCOMPARE(model.markFrom(1, 1, origin + 31 * ms), std::size_t(2)); // past the last
        const Event* near = model.markNear(1, n, origin + 29 * ms, 2 * ms);
        QVERIFY(near);
        QCOMPARE(near->kind, EventKind::QueuePut);
        QCOMPARE(near->value, 42);
        QVERIFY(!model.markNear(1, n, origin + 25 * ms, 2 * ms));
        QVERIFY(!model.markNear(1, 1, origin + 20 * ms, ms)); // not among the snapshot's events
    }

    // The counter's reads and writes have an index of their own: output and queue marks keep
    // theirs unchanged, and a dense run of increments never hides them.
    void indexesCounterMarksApart()
    {
        TimelineModel model;
        model.setLog(lostUpdateTimelineLog());
        const TimelineModel::Snapshot s = model.snapshot(false);
        QVERIFY(model.index(1).marks.empty());
        QCOMPARE(model.index(1).counterMarks.size(), std::size_t(2 * 17 + 2));
        QCOMPARE(model.index(2).counterMarks.size(), std::size_t(4));
        QVERIFY(model.index(0).counterMarks.empty());
        QVERIFY(model.kindsSeen() & (1u << static_cast<int>(EventKind::CounterRead)));
        QVERIFY(model.kindsSeen() & (1u << static_cast<int>(EventKind::CounterWrite)));
        const Event* read = model.counterMarkNear(2, s.sizes[2], origin + 11 * ms, ms / 4);
        QVERIFY(read);
        QCOMPARE(read->kind, EventKind::CounterRead);
        QCOMPARE(read->value, 17);
        QCOMPARE(model.counterMarkFrom(2, 0, origin + 12 * ms), std::size_t(1));
        QVERIFY(!model.markNear(2, s.sizes[2], origin + 11 * ms, ms / 4));
    }

    void findsTheStateAtATime()
    {
        TimelineModel model;
        model.setLog(sampleTimelineLog());
        const TimelineModel::Snapshot s = model.snapshot(false);
        QCOMPARE(model.stateAt(s, 1, origin + 5 * ms).kind, TimelineModel::StateAt::NotCreated);
        const TimelineModel::StateAt join = model.stateAt(s, 0, origin + 30 * ms);
        QCOMPARE(join.kind, TimelineModel::StateAt::Interval);
        QCOMPARE(join.event->state, WorkerState::WaitingJoin);
        QCOMPARE(join.event->tNs, origin + 10 * ms);
        QCOMPARE(join.endNs, origin + 60 * ms);
        QVERIFY(!join.open);
        QCOMPARE(model.stateAt(s, 1, origin + 70 * ms).kind, TimelineModel::StateAt::Ended);
        // Output and queue marks do not end an interval.
        const TimelineModel::StateAt running = model.stateAt(s, 1, origin + 25 * ms);
        QCOMPARE(running.event->state, WorkerState::Running);
        QCOMPARE(running.endNs, origin + 50 * ms);
        // An interval still going lasts until the snapshot's end.
        auto log = std::make_shared<EventLog>(origin);
        log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}})
            ->appendState(WorkerState::Running, origin);
        model.setLog(log);
        const TimelineModel::StateAt open = model.stateAt(model.snapshot(false), 0, origin);
        QVERIFY(open.open);
        QCOMPARE(open.endNs, origin);
    }

    // What a screen reader hears for the timeline: every lane by name and kind, how and when it
    // ended, or that it is still going.
    void describesTheLanes()
    {
        TimelineModel model;
        QVERIFY(model.describe(false).startsWith(QStringLiteral("Empty")));
        model.setLog(sampleTimelineLog());
        const QString text = model.describe(false);
        QVERIFY2(text.startsWith(QStringLiteral("Lanes: 4, over 100 ms: ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("MainThread (main thread) finished at 100 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Thread-1 (thread · subclass) finished at 50 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Process-1 (process · pid 4242 · daemon) abandoned at 100 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Thread-2 (thread) still going")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("running")), qPrintable(text));
        QVERIFY(model.describe(true).contains(QStringLiteral(", running")));
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
