#include "model/giltrack.h"

#include "engine/eventlog.h"
#include "engine/gilholders.h"
#include "engine/lane.h"
#include "model/gilwaits.h"
#include "model/timelineviewport.h"
#include "tasks/monoclock.h"

#include "support/timelinelogs.h"

#include <QTest>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = 7'000'000'000;

using Span = GilHolders::Span;

std::vector<Span> spansOf(const GilHolders& holders)
{
    std::vector<Span> spans;
    for (std::size_t i = 0; i < holders.spanCount(); ++i)
        spans.push_back(holders.span(i));
    return spans;
}

} // namespace

class TestGilTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoThreadsAlternating()
    {
        const auto log = alternatingGilTimelineLog(origin, 4);
        GilTrack track;
        track.sync(log.get(), false);
        QVERIFY(track.gilEnabled());
        QCOMPARE(track.interpreters().size(), std::size_t(1));
        const GilTrack::Interpreter& app = track.interpreters()[0];
        QVERIFY(app.app);
        QVERIFY(app.contends());
        QCOMPARE(app.holders.lanes(), (std::vector<int> {0, 1, 2}));
        const std::vector<Span> spans = spansOf(app.holders);
        QCOMPARE(spans.size(), std::size_t(6)); // main, 1, 2, 1, 2, main
        const int holders[] = {0, 1, 2, 1, 2, 0};
        for (std::size_t i = 0; i < spans.size(); ++i)
            QCOMPARE(spans[i].lane, holders[i]);
        QCOMPARE(spans[1].startNs, origin + 1 * ms);
        QCOMPARE(spans[1].endNs, origin + 6 * ms);
        QCOMPARE(spans[4].endNs, origin + 21 * ms);
        QCOMPARE(app.holders.handOvers(), 5);
        QCOMPARE(GilHolders::appHandOvers(*log), 5);
    }

    // The same holder going on without a gap is one span and no hand-over.
    void sameHolderMerges()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        main->appendState(WorkerState::Running, origin);
        main->appendState(WorkerState::WaitingGil, origin + 5 * ms); // a drop request nobody took up
        main->appendState(WorkerState::Running, origin + 5 * ms);
        main->appendState(WorkerState::Finished, origin + 9 * ms);
        GilTrack track;
        track.sync(log.get(), false);
        const std::vector<Span> spans = spansOf(track.interpreters()[0].holders);
        QCOMPARE(spans.size(), std::size_t(1));
        QCOMPARE(spans[0].endNs, origin + 9 * ms);
        QCOMPARE(track.interpreters()[0].holders.handOvers(), 0);
    }

    void noHolderDuringAnIoWait()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        Lane* t = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        main->appendState(WorkerState::Running, origin);
        main->appendState(WorkerState::WaitingJoin, origin + 1 * ms, 1);
        t->appendState(WorkerState::Running, origin + 1 * ms);
        t->appendState(WorkerState::WaitingIo, origin + 2 * ms);
        t->appendState(WorkerState::Running, origin + 12 * ms);
        t->appendState(WorkerState::Finished, origin + 13 * ms);
        main->appendState(WorkerState::Running, origin + 13 * ms);
        main->appendState(WorkerState::Finished, origin + 14 * ms);
        GilTrack track;
        track.sync(log.get(), false);
        const std::vector<Span> spans = spansOf(track.interpreters()[0].holders);
        QCOMPARE(spans.size(), std::size_t(4));
        QCOMPARE(spans[1].endNs, origin + 2 * ms);
        QCOMPARE(spans[2].startNs, origin + 12 * ms); // nobody between 2 and 12 ms
        QVERIFY(!track.spanAt(0, origin + 7 * ms, 0));
        QCOMPARE(track.spanAt(0, origin + 12 * ms + 500'000, 0)->lane, 1);
        // Taking the lock back after I/O is no hand-over: main → 1, 1 → main.
        QCOMPARE(track.interpreters()[0].holders.handOvers(), 2);
    }

    void gilOffHasNoHolders()
    {
        const auto log = alternatingGilTimelineLog(origin, 4, false);
        GilTrack track;
        track.sync(log.get(), false);
        QVERIFY(!track.gilEnabled());
        QCOMPARE(track.interpreters().size(), std::size_t(1));
        QVERIFY(track.interpreters()[0].contends());
        QCOMPARE(track.interpreters()[0].holders.spanCount(), std::size_t(0));
        QCOMPARE(track.interpreters()[0].holders.handOvers(), 0);
    }

    void eachChildProcessIsAnInterpreter()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        Lane* p1 = log->addLane({QStringLiteral("Process-1"), LaneKind::Process, false, {}});
        Lane* p2 = log->addLane({QStringLiteral("Process-2"), LaneKind::Process, false, {}});
        main->appendState(WorkerState::Running, origin);
        main->appendState(WorkerState::WaitingJoin, origin + 1 * ms, 1);
        p1->appendState(WorkerState::Running, origin + 2 * ms);
        p2->appendState(WorkerState::Running, origin + 2 * ms); // both at once: a GIL each
        p1->appendState(WorkerState::Finished, origin + 10 * ms);
        p2->appendState(WorkerState::Finished, origin + 11 * ms);
        GilTrack track;
        track.sync(log.get(), false);
        QCOMPARE(track.interpreters().size(), std::size_t(3));
        QVERIFY(track.interpreters()[0].app);
        QVERIFY(!track.interpreters()[0].contends()); // main alone
        for (int i = 1; i < 3; ++i) {
            const GilTrack::Interpreter& child = track.interpreters()[static_cast<std::size_t>(i)];
            QVERIFY(!child.app);
            QCOMPARE(child.holders.lanes(), std::vector<int> {i});
            QCOMPARE(child.holders.spanCount(), std::size_t(1));
            QCOMPARE(child.holders.handOvers(), 0);
            QCOMPARE(track.interpreterOf(i), i);
        }
        QCOMPARE(track.interpreterOf(0), 0);
        QCOMPARE(GilHolders::appHandOvers(*log), 0);
    }

    // Syncing as the log grows gives what one sync of the whole log gives; an open hold is a span
    // that ends when the lane's next state comes.
    void extendsIncrementally()
    {
        const auto whole = alternatingGilTimelineLog(origin, 9);
        auto log = std::make_shared<EventLog>(origin);
        for (int i = 0; i < whole->laneCount(); ++i)
            log->addLane(whole->lane(i)->info());
        GilTrack track;
        track.sync(log.get(), false);
        // Replay the events in time order, syncing after each.
        std::vector<std::size_t> next(static_cast<std::size_t>(whole->laneCount()), 0);
        for (;;) {
            int pick = -1;
            for (int i = 0; i < whole->laneCount(); ++i) {
                const std::size_t k = next[static_cast<std::size_t>(i)];
                if (k < whole->lane(i)->size()
                    && (pick < 0 || whole->lane(i)->at(k).tNs < whole->lane(pick)->at(next[std::size_t(pick)]).tNs))
                    pick = i;
            }
            if (pick < 0)
                break;
            log->lane(pick)->append(whole->lane(pick)->at(next[static_cast<std::size_t>(pick)]++));
            track.sync(log.get(), false);
            const std::vector<Span> spans = spansOf(track.interpreters()[0].holders);
            if (!spans.empty() && log->lane(spans.back().lane)->at(log->lane(spans.back().lane)->size() - 1).state
                    == WorkerState::Running)
                QCOMPARE(spans.back().endNs, GilHolders::openEnd);
        }
        GilTrack once;
        once.sync(whole.get(), false);
        const std::vector<Span> a = spansOf(track.interpreters()[0].holders);
        const std::vector<Span> b = spansOf(once.interpreters()[0].holders);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].lane, b[i].lane);
            QCOMPARE(a[i].startNs, b[i].startNs);
            QCOMPARE(a[i].endNs, b[i].endNs);
        }
        QCOMPARE(track.interpreters()[0].holders.handOvers(), once.interpreters()[0].holders.handOvers());
    }

    // While live, a hold is taken only once the clock has passed its start: a frame reads the
    // lanes' counts one after another, and a hold of a lane read earlier may still be coming.
    void liveSyncTakesOnlyHoldsBeforeNow()
    {
        const std::int64_t now = MonoClock::nowNs();
        auto log = std::make_shared<EventLog>(now - 10 * ms);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        Lane* t = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        main->appendState(WorkerState::Running, now - 10 * ms);
        main->appendState(WorkerState::WaitingJoin, now - 5 * ms, 1);
        t->appendState(WorkerState::Running, now + 3'600'000 * ms); // an hour from now
        GilTrack track;
        track.sync(log.get(), true);
        QCOMPARE(track.interpreters()[0].holders.spanCount(), std::size_t(1));
        QCOMPARE(track.interpreters()[0].holders.handOvers(), 0);
        track.sync(log.get(), false); // the run is over: everything counts
        QCOMPARE(track.interpreters()[0].holders.spanCount(), std::size_t(2));
        QCOMPARE(track.interpreters()[0].holders.handOvers(), 1);
    }

    // Holds narrower than a few pixels fold into blocks with a count and each holder's share.
    void foldsNarrowHolds()
    {
        const auto log = alternatingGilTimelineLog(origin, 200); // 1 s of 5 ms turns
        GilTrack track;
        track.sync(log.get(), false);
        const double untilNs = 1002.0 * ms;
        std::vector<GilTrack::Block> wide;
        track.fold(0, TimelineViewport(0, untilNs, 20'000), origin, 1002 * ms, wide); // 100 px per turn
        QCOMPARE(wide.size(), std::size_t(202));
        QCOMPARE(wide[1].count, 1);
        QCOMPARE(wide[1].lane(), 1);
        std::vector<GilTrack::Block> narrow;
        track.fold(0, TimelineViewport(0, untilNs, 100), origin, 1002 * ms, narrow); // half a pixel per turn
        QVERIFY(narrow.size() <= 40);
        int count = 0;
        int lastX1 = 0;
        for (const GilTrack::Block& b : narrow) {
            count += b.count;
            QVERIFY(b.x0 >= lastX1);
            QVERIFY(b.x1 > b.x0);
            lastX1 = b.x1;
        }
        QCOMPARE(count, 202);
        const GilTrack::Block& mid = narrow[narrow.size() / 2];
        QVERIFY(mid.count > 1);
        QCOMPARE(mid.holders, 2); // both threads, about half each
        QVERIFY(mid.heldNs[1] > 0.5 * mid.heldNs[0]);
    }

    // Real CPython: three lanes that say running throughout, and an observed GIL held by 1, then
    // nobody, then 2, then 1. Lane 1 waits only where 2 held it; nowhere else.
    void observedWaitsAreDerivedWhereAnotherHeld()
    {
        const auto log = observedGilTimelineLog(origin, true);
        GilTrack track;
        track.sync(log.get(), false);
        const GilHolders* holders = track.observedHoldersOf(1);
        QVERIFY(holders);
        QCOMPARE(track.observedHoldersOf(0), holders);
        QCOMPARE(spansOf(*holders).size(), std::size_t(3));
        QCOMPARE(holders->handOvers(), 2); // the interpreter's own count: 7 → 9
        QCOMPARE(track.samplingHz(), 2000);

        const TimelineViewport viewport(0, 40.0 * ms, 400); // 10 px a millisecond
        std::vector<TimelineBlock> blocks {plainRunning(viewport, 0, 40 * ms)};
        std::vector<TimelineBlock> scratch;
        GilWaits::derive(*holders, 1, viewport, origin, blocks, scratch);
        // running (held 0–10, nobody 10–15), waiting 15–30 (2 held it), running 30–40 (held again)
        QCOMPARE(pieces(blocks), (Pieces {{WorkerState::Running, 0}, {WorkerState::WaitingGil, 15 * ms},
                                          {WorkerState::Running, 30 * ms}}));
        QCOMPARE(blocks[1].endNs, 30 * ms);
        QCOMPARE(blocks[2].x1, 400);
        QVERIFY(!GilWaits::otherHolderAt(*holders, 1, origin + 12 * ms)); // nobody held it
        QVERIFY(!GilWaits::otherHolderAt(*holders, 1, origin + 5 * ms));  // it held it itself
        QCOMPARE(GilWaits::otherHolderAt(*holders, 1, origin + 20 * ms)->lane, 2);

        // Lane 2 waits where 1 held it: before 10 and from 30 on; runs 10–30 (nobody, then itself).
        blocks = {plainRunning(viewport, 0, 40 * ms)};
        GilWaits::derive(*holders, 2, viewport, origin, blocks, scratch);
        QCOMPARE(pieces(blocks), (Pieces {{WorkerState::WaitingGil, 0}, {WorkerState::Running, 10 * ms},
                                          {WorkerState::WaitingGil, 30 * ms}}));

        // A block that is no plain running block is left as it is.
        TimelineBlock io = plainRunning(viewport, 0, 40 * ms);
        io.state = WorkerState::WaitingIo;
        blocks = {io};
        GilWaits::derive(*holders, 1, viewport, origin, blocks, scratch);
        QCOMPARE(blocks.size(), std::size_t(1));
        QCOMPARE(blocks[0].state, WorkerState::WaitingIo);
    }

    // Not observed (or free-threaded): the app's strip has a note instead of holds, and no lane's
    // waits are derived; the model's logs have no note and derive nothing.
    void aNoteReplacesTheHolds()
    {
        const auto log = observedGilTimelineLog(origin, false);
        GilTrack track;
        track.sync(log.get(), false);
        QVERIFY(track.showsNote(0));
        QCOMPARE(track.note(), QStringLiteral("GIL not observed: no reason"));
        QCOMPARE(track.interpreters()[0].holders.spanCount(), std::size_t(0));
        QVERIFY(!track.observedHoldersOf(1));
        const auto model = alternatingGilTimelineLog(origin, 4);
        track.sync(model.get(), false);
        QVERIFY(!track.showsNote(0));
        QVERIFY(!track.observedHoldersOf(1));
        QCOMPARE(track.samplingHz(), 0);
    }

private:
    // Each block's state and where it starts.
    using Pieces = std::vector<std::pair<WorkerState, std::int64_t>>;
    static Pieces pieces(const std::vector<TimelineBlock>& blocks)
    {
        Pieces out;
        for (const TimelineBlock& b : blocks)
            out.emplace_back(b.state, b.startNs);
        return out;
    }

    static TimelineBlock plainRunning(const TimelineViewport& viewport, std::int64_t startNs, std::int64_t endNs)
    {
        TimelineBlock b;
        b.startNs = startNs;
        b.endNs = endNs;
        b.x0 = static_cast<int>(viewport.xForTime(static_cast<double>(startNs)));
        b.x1 = static_cast<int>(viewport.xForTime(static_cast<double>(endNs)));
        b.stateNs[static_cast<std::size_t>(WorkerState::Running)] = static_cast<double>(endNs - startNs);
        return b;
    }
};

QTEST_GUILESS_MAIN(TestGilTrack)
#include "tst_giltrack.moc"
