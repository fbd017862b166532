#include "model/lanefolder.h"

#include "engine/lane.h"
#include "model/lanesummary.h"
#include "model/timelineviewport.h"

#include <QTest>

#include <climits>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>
#include <vector>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t us = 1'000;

std::unique_ptr<Lane> makeLane()
{
    return std::make_unique<Lane>(0, LaneInfo {QStringLiteral("w"), LaneKind::Thread, false, {}});
}

std::vector<TimelineBlock> foldAll(const TimelineViewport& math, const Lane& lane, std::int64_t originNs,
                                   std::int64_t untilNs)
{
    std::vector<TimelineBlock> blocks;
    const auto [first, last] = LaneFolder::visibleRange(math, lane, lane.size(), originNs);
    LaneFolder::fold(math, lane, first, last, originNs, untilNs, blocks);
    return blocks;
}

// Blocks never overlap, are at least a pixel wide and stay inside the plot.
bool wellFormed(const std::vector<TimelineBlock>& blocks, double widthPx)
{
    int prev = 0;
    for (const auto& b : blocks) {
        if (b.x0 < prev || b.x1 <= b.x0 || b.x1 > static_cast<int>(std::ceil(widthPx)))
            return false;
        prev = b.x1;
    }
    return true;
}

std::vector<TimelineBlock> foldWith(const TimelineViewport& math, const Lane& lane, std::size_t n,
                                    std::int64_t originNs, std::int64_t untilNs, const LaneSummary* summary)
{
    std::vector<TimelineBlock> blocks;
    const auto [first, last] = LaneFolder::visibleRange(math, lane, n, originNs);
    LaneFolder::fold(math, lane, first, last, originNs, untilNs, blocks, summary);
    return blocks;
}

// A lane of GIL-like traffic with everything that makes folding tricky: bursts far denser than a
// pixel, long waits, repeated states, joins of different lanes back to back, two changes at the
// same instant, output and queue marks in between, and (if `ends`) a terminal state followed by
// a straggler.
void appendRandomEvents(Lane& lane, std::mt19937_64& rng, int count, std::int64_t& t, bool ends)
{
    static constexpr WorkerState states[] = {WorkerState::Running, WorkerState::WaitingGil, WorkerState::WaitingIo,
                                             WorkerState::WaitingLock, WorkerState::WaitingJoin};
    std::uniform_int_distribution<int> pick(0, 99);
    for (int k = 0; k < count; ++k) {
        const int gapKind = pick(rng);
        if (gapKind < 60)
            t += 1 + static_cast<std::int64_t>(rng() % 200); // dense
        else if (gapKind < 90)
            t += static_cast<std::int64_t>(rng() % (20 * us));
        else if (gapKind < 99)
            t += static_cast<std::int64_t>(rng() % (2 * ms));
        else
            t += 0; // two events at the same instant
        const int what = pick(rng);
        if (what < 4) {
            lane.appendOutput(t, "line");
        } else if (what < 7) {
            lane.append(Event {t, what < 5 ? EventKind::QueuePut : EventKind::QueueGet, WorkerState::Running, 0, 1, 7});
        } else {
            const WorkerState st = states[rng() % std::size(states)];
            lane.appendState(st, t, st == WorkerState::WaitingJoin ? static_cast<std::uint32_t>(1 + rng() % 2) : 0);
        }
    }
    if (ends) {
        t += 1 + static_cast<std::int64_t>(rng() % us);
        lane.appendState(WorkerState::Finished, t);
        lane.appendState(WorkerState::Running, t + us); // a late straggler must not revive it
    }
}

// Windows from the whole run down to a few events, at plot widths with and without a fraction.
QList<TimelineViewport> windowsOver(std::int64_t durationNs, std::mt19937_64& rng)
{
    QList<TimelineViewport> windows;
    const double d = static_cast<double>(durationNs);
    for (double width : {1700.0, 1000.0, 333.5}) {
        TimelineViewport fit(0, d, width);
        fit.fit(d, 37);
        windows.append(fit);
        for (double span = d / 3; span > 2 * us; span /= 4.7) {
            const double t0 = std::uniform_real_distribution<double>(-0.05 * span, d - span)(rng);
            windows.append(TimelineViewport(t0, t0 + span, width));
        }
    }
    return windows;
}

QString describe(const TimelineBlock& b)
{
    QStringList ns;
    for (double v : b.stateNs)
        ns << QString::number(v, 'f', 0);
    return QStringLiteral("[%1, %2) %3 ×%4 arg %5 %6–%7 ns {%8}")
        .arg(b.x0)
        .arg(b.x1)
        .arg(static_cast<int>(b.state))
        .arg(b.count)
        .arg(b.arg)
        .arg(b.startNs)
        .arg(b.endNs)
        .arg(ns.join(QLatin1Char(',')));
}

// The same blocks: pixels, dominant state, counts, ends, and time per state within rounding.
bool sameBlocks(const std::vector<TimelineBlock>& a, const std::vector<TimelineBlock>& b, QString* why)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t k = 0; k <= n; ++k) {
        if (k == n) {
            if (a.size() == b.size())
                return true;
            *why = QStringLiteral("%1 blocks vs %2").arg(a.size()).arg(b.size());
            return false;
        }
        const auto& x = a[k];
        const auto& y = b[k];
        bool same = x.x0 == y.x0 && x.x1 == y.x1 && x.state == y.state && x.count == y.count && x.arg == y.arg
            && x.startNs == y.startNs && x.endNs == y.endNs;
        for (std::size_t s = 0; s < x.stateNs.size(); ++s)
            same = same && std::abs(x.stateNs[s] - y.stateNs[s]) <= 1e-9 * std::max(1.0, std::abs(x.stateNs[s]));
        if (!same) {
            *why = QStringLiteral("block %1: %2 vs %3").arg(k).arg(describe(x), describe(y));
            return false;
        }
    }
    return true;
}

int foldedIntervals(const std::vector<TimelineBlock>& blocks)
{
    int n = 0;
    for (const auto& b : blocks)
        n += b.mixed() ? b.count : 0;
    return n;
}

} // namespace

class TestLaneFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void visibleRangeBinarySearches()
    {
        auto lane = makeLane();
        const std::int64_t origin = 7 * ms;
        for (int i = 0; i < 100'000; ++i) {
            lane->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, origin + i * 10 * us);
            if (i % 1000 == 500)
                lane->appendOutput(origin + i * 10 * us + 1, "x");
        }
        const TimelineViewport math(100 * ms + 5 * us, 200 * ms, 1000);
        const auto [first, last] = LaneFolder::visibleRange(math, *lane, lane->size(), origin);
        // first: the state event in effect at t0 (the one at 100 ms); last: first at/after t1.
        QCOMPARE(lane->at(first).kind, EventKind::State);
        QCOMPARE(lane->at(first).tNs, origin + 100 * ms);
        QCOMPARE(lane->at(last).tNs, origin + 200 * ms);
        QVERIFY(last > first);
    }

    void wideIntervalsMapToExactPixels()
    {
        auto lane = makeLane();
        lane->appendState(WorkerState::Running, 0);
        lane->appendState(WorkerState::WaitingGil, 500 * ms);
        lane->appendState(WorkerState::WaitingIo, 750 * ms);
        lane->appendState(WorkerState::Finished, 1000 * ms);
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(3));
        QCOMPARE(blocks[0].x0, 0);
        QCOMPARE(blocks[0].x1, 500);
        QCOMPARE(blocks[0].state, WorkerState::Running);
        QCOMPARE(blocks[1].x0, 500);
        QCOMPARE(blocks[1].x1, 750);
        QCOMPARE(blocks[1].state, WorkerState::WaitingGil);
        QCOMPARE(blocks[2].x1, 1000);
        QCOMPARE(blocks[2].state, WorkerState::WaitingIo);
        for (const auto& b : blocks) {
            QCOMPARE(b.count, 1);
            QVERIFY(!b.mixed());
        }
    }

    void openIntervalLastsUntilNow()
    {
        auto lane = makeLane();
        lane->appendState(WorkerState::Running, 100 * ms);
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 400 * ms);
        QCOMPARE(blocks.size(), std::size_t(1));
        QCOMPARE(blocks[0].x0, 100);
        QCOMPARE(blocks[0].x1, 400);
    }

    void terminalStateEndsTheLane()
    {
        auto lane = makeLane();
        lane->appendState(WorkerState::Running, 0);
        lane->appendState(WorkerState::Abandoned, 300 * ms);
        lane->appendState(WorkerState::Running, 400 * ms); // a late straggler must not revive it
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(1));
        QCOMPARE(blocks[0].x1, 300);
    }

    void repeatedStatesMerge()
    {
        // 50 000 "running" events then 50 000 "waiting for GIL" ones: two plain blocks.
        auto lane = makeLane();
        for (int i = 0; i < 100'000; ++i)
            lane->appendState(i < 50'000 ? WorkerState::Running : WorkerState::WaitingGil, i * 10 * us);
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(2));
        QCOMPARE(blocks[0].state, WorkerState::Running);
        QVERIFY(!blocks[0].mixed());
        QCOMPARE(blocks[0].x0, 0);
        QCOMPARE(blocks[0].x1, 500);
        QCOMPARE(blocks[1].state, WorkerState::WaitingGil);
        QVERIFY(!blocks[1].mixed());
        QCOMPARE(blocks[1].x1, 1000);
    }

    void manyTinyIntervalsFoldIntoCountedBlocks_data()
    {
        QTest::addColumn<int>("intervals");
        QTest::addColumn<std::int64_t>("intervalNs");
        // 1000 px over 1 ms: 1 µs per pixel.
        QTest::newRow("5 per pixel (walked)") << 300 << std::int64_t(200);
        // 1000 px over 1 ms with 10 ns intervals: 100 per pixel, the walk jumps pixel by pixel.
        QTest::newRow("100 per pixel (skipped)") << 6000 << std::int64_t(10);
    }
    void manyTinyIntervalsFoldIntoCountedBlocks()
    {
        QFETCH(int, intervals);
        QFETCH(std::int64_t, intervalNs);
        auto lane = makeLane();
        const std::int64_t origin = 1'000'000'000;
        lane->appendState(WorkerState::Running, origin);
        const std::int64_t foldStart = 100 * us;
        lane->appendState(WorkerState::WaitingIo, origin + foldStart - 20 * us);
        for (int i = 0; i < intervals; ++i)
            lane->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, origin + foldStart + i * intervalNs);
        const std::int64_t foldEnd = foldStart + intervals * intervalNs;
        lane->appendState(WorkerState::WaitingIo, origin + foldEnd);
        lane->appendState(WorkerState::Finished, origin + 1000 * us);

        const TimelineViewport math(0, 1000 * us, 1000);
        const auto blocks = foldAll(math, *lane, origin, 1000 * us);
        QVERIFY(wellFormed(blocks, 1000));

        int folded = 0;
        double runningNs = 0;
        double gilNs = 0;
        int foldedBlocks = 0;
        for (const auto& b : blocks) {
            if (!b.mixed())
                continue;
            ++foldedBlocks;
            folded += b.count;
            runningNs += b.stateNs[static_cast<std::size_t>(WorkerState::Running)];
            gilNs += b.stateNs[static_cast<std::size_t>(WorkerState::WaitingGil)];
            QVERIFY(b.x0 >= 100 && b.x1 <= static_cast<int>(foldEnd / us) + 1);
            QVERIFY(b.width() <= BlockFolder::maxFoldPx + 1);
            QVERIFY(b.count > 1);
            QVERIFY(b.state == WorkerState::Running || b.state == WorkerState::WaitingGil);
        }
        const int foldPx = static_cast<int>((foldEnd - foldStart) / us);
        QVERIFY(foldedBlocks >= foldPx / static_cast<int>(BlockFolder::maxFoldPx));
        QVERIFY(static_cast<int>(blocks.size()) < foldPx); // far fewer blocks than intervals or pixels
        // Every interval is accounted for, and the time is shared about evenly.
        QCOMPARE(folded, intervals);
        const double share = runningNs / (runningNs + gilNs);
        QVERIFY2(share > 0.4 && share < 0.6, qPrintable(QString::number(share)));
        // Around the fold: plain I/O blocks.
        QCOMPARE(blocks.front().state, WorkerState::Running);
        QCOMPARE(blocks.back().state, WorkerState::WaitingIo);
        QVERIFY(!blocks.back().mixed());
        QCOMPARE(blocks.back().x1, 1000);
    }

    void intervalsOnOnePixelMerge()
    {
        // 1 ms per pixel; five intervals of 0.1 ms inside pixel 100.
        auto lane = makeLane();
        lane->appendState(WorkerState::Running, 0);
        const std::int64_t t = 100'200 * us;
        const WorkerState tiny[] = {WorkerState::WaitingGil, WorkerState::Running, WorkerState::WaitingGil,
                                    WorkerState::WaitingLock, WorkerState::WaitingGil};
        for (int i = 0; i < 5; ++i)
            lane->appendState(tiny[i], t + i * 100 * us);
        lane->appendState(WorkerState::WaitingIo, t + 500 * us);
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QVERIFY(wellFormed(blocks, 1000));
        QCOMPARE(blocks.size(), std::size_t(3));
        QCOMPARE(blocks[0].x1, 100);
        QCOMPARE(blocks[1].x0, 100);
        QCOMPARE(blocks[1].x1, 101);
        QCOMPARE(blocks[1].count, 5);
        QVERIFY(blocks[1].mixed());
        QCOMPARE(blocks[1].state, WorkerState::WaitingGil); // 0.3 ms of the 0.5 ms
        QCOMPARE(blocks[2].x0, 101);
        QCOMPARE(blocks[2].state, WorkerState::WaitingIo);
    }

    void lonelyNarrowIntervalKeepsAPixel()
    {
        // A 0.2 ms GIL wait between two long runs is still drawn, one pixel wide, unfolded.
        auto lane = makeLane();
        lane->appendState(WorkerState::Running, 0);
        lane->appendState(WorkerState::WaitingGil, 400 * ms);
        lane->appendState(WorkerState::Running, 400 * ms + 200 * us);
        const TimelineViewport math(0, 1000 * ms, 1000);
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(3));
        QCOMPARE(blocks[1].state, WorkerState::WaitingGil);
        QCOMPARE(blocks[1].count, 1);
        QCOMPARE(blocks[1].width(), 1);
    }

    void onlyTheWindowIsFolded()
    {
        auto lane = makeLane();
        for (int i = 0; i < 1000; ++i)
            lane->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, i * ms);
        TimelineViewport math(0, 1000 * ms, 1000);
        math.setLimitNs(1000 * ms);
        math.zoomAt(500, 100); // 10 ms around 500 ms
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(10));
        for (const auto& b : blocks) {
            QCOMPARE(b.width(), 100);
            QVERIFY(b.startNs >= 495 * ms && b.endNs <= 505 * ms);
        }
    }

    void summaryFoldsLikeTheEvents_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<bool>("ends");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("short, no whole block") << 20 << true << quint64(1);
        QTest::newRow("ended") << 30'000 << true << quint64(2);
        QTest::newRow("still going") << 30'000 << false << quint64(3);
        QTest::newRow("long") << 150'000 << true << quint64(4);
    }
    // The fold taken through the summary is the fold of every event, at every zoom level.
    void summaryFoldsLikeTheEvents()
    {
        QFETCH(int, events);
        QFETCH(bool, ends);
        QFETCH(quint64, seed);
        std::mt19937_64 rng(seed);
        auto lane = makeLane();
        const std::int64_t origin = 3'000 * ms;
        std::int64_t t = origin;
        appendRandomEvents(*lane, rng, events, t, ends);
        LaneSummary summary;
        summary.extend(*lane, lane->size());
        QCOMPARE(summary.summarisedEvents(), lane->size() / LaneSummary::blockEvents * LaneSummary::blockEvents);
        const std::int64_t until = t - origin + 5 * ms; // live: the open interval lasts until now
        int folded = 0;
        for (const TimelineViewport& math : windowsOver(t - origin, rng)) {
            const auto walked = foldWith(math, *lane, lane->size(), origin, until, nullptr);
            const auto summed = foldWith(math, *lane, lane->size(), origin, until, &summary);
            QString why;
            QVERIFY2(sameBlocks(summed, walked, &why),
                     qPrintable(QStringLiteral("window [%1, %2) ns on %3 px: %4")
                                    .arg(math.t0Ns(), 0, 'f', 0)
                                    .arg(math.t1Ns(), 0, 'f', 0)
                                    .arg(math.widthPx())
                                    .arg(why)));
            QVERIFY(wellFormed(summed, math.widthPx()));
            folded += foldedIntervals(summed);
        }
        if (events > 1000)
            QVERIFY(folded > events / 10); // the lanes are dense enough to fold (and so to skip)
    }

    // Frame by frame while the lane grows: the summary extended with the new events only folds
    // like the events, the open interval reaching beyond the last event.
    void summaryGrowsWithTheLane()
    {
        std::mt19937_64 rng(11);
        auto lane = makeLane();
        const std::int64_t origin = 0;
        std::int64_t t = origin;
        LaneSummary summary;
        for (int frame = 0; frame < 40; ++frame) {
            appendRandomEvents(*lane, rng, 1 + static_cast<int>(rng() % 3000), t, frame == 39);
            const std::size_t n = lane->size();
            summary.extend(*lane, n);
            QVERIFY(summary.summarisedEvents() <= n);
            QVERIFY(n - summary.summarisedEvents() < LaneSummary::blockEvents);
            const std::int64_t until = t - origin + static_cast<std::int64_t>(rng() % ms);
            TimelineViewport math(0, 1, 1500);
            math.follow(static_cast<double>(until), 120);
            QList<TimelineViewport> windows {math};
            math.setLimitNs(static_cast<double>(until));
            math.zoomAt(std::uniform_real_distribution<double>(0, 1500)(rng), 30);
            windows.append(math);
            for (const TimelineViewport& w : windows) {
                QString why;
                QVERIFY2(sameBlocks(foldWith(w, *lane, n, origin, until, &summary),
                                    foldWith(w, *lane, n, origin, until, nullptr), &why),
                         qPrintable(QStringLiteral("frame %1: %2").arg(frame).arg(why)));
            }
        }
        // Built in one go, the summary is the same.
        LaneSummary once;
        once.extend(*lane, lane->size());
        for (int level = 0; level < LaneSummary::levels; ++level) {
            QCOMPARE(once.blocks(level).size(), summary.blocks(level).size());
            for (std::size_t k = 0; k < once.blocks(level).size(); ++k) {
                const auto& a = once.blocks(level)[k];
                const auto& b = summary.blocks(level)[k];
                QCOMPARE(a.changes, b.changes);
                QCOMPARE(a.lastNs, b.lastNs);
                QVERIFY(a.innerNs == b.innerNs);
            }
        }
    }

    // The summary is what the fold reads: one of another lane gives other blocks.
    void summaryIsConsulted()
    {
        std::mt19937_64 rng(5);
        auto lane = makeLane();
        auto other = makeLane();
        std::int64_t t = 0;
        appendRandomEvents(*lane, rng, 20'000, t, true);
        std::int64_t t2 = 0;
        appendRandomEvents(*other, rng, 20'000, t2, true);
        LaneSummary wrong;
        wrong.extend(*other, other->size());
        TimelineViewport math(0, 1, 1700);
        math.fit(static_cast<double>(t));
        QString why;
        QVERIFY(!sameBlocks(foldWith(math, *lane, lane->size(), 0, t, &wrong),
                            foldWith(math, *lane, lane->size(), 0, t, nullptr), &why));
    }

    void summaryTotals()
    {
        // 64 events alternating every 10 ns, then a wait: level-0 blocks hold 31 and 32 changes.
        auto lane = makeLane();
        for (int i = 0; i < 64; ++i)
            lane->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, i * 10);
        LaneSummary summary;
        summary.extend(*lane, 63);
        QCOMPARE(summary.blocks(0).size(), std::size_t(1)); // the second block is not whole yet
        summary.extend(*lane, lane->size());
        QCOMPARE(summary.blocks(0).size(), std::size_t(2));
        const auto& b = summary.blocks(0)[1];
        QCOMPARE(b.firstNs, 320);
        QCOMPARE(b.changes, 31u); // the first event's change is the walk's to decide
        QCOMPARE(b.c1Ns, 330);
        QCOMPARE(b.lastNs, 630);
        QCOMPARE(b.c1Offset, 1u);
        QCOMPARE(b.maxInnerNs, 10);
        // Inner intervals [330, 630): 15 of "waiting for GIL", 15 of "running".
        QCOMPARE(b.innerNs[static_cast<std::size_t>(WorkerState::WaitingGil)], 150);
        QCOMPARE(b.innerNs[static_cast<std::size_t>(WorkerState::Running)], 150);
        QCOMPARE(b.lastState, WorkerState::WaitingGil);
        QVERIFY(summary.blocks(1).empty());
        summary.reset();
        QCOMPARE(summary.summarisedEvents(), std::size_t(0));
        QVERIFY(summary.blocks(0).empty());
    }

    // Evenly dense traffic, as in bench_timeline: nearly every fold edge falls inside a
    // level-0 block, which the fold walks only up to the edge and takes the rest of from the
    // block's totals. Still exactly the fold of every event, at densities from a few events per
    // pixel (level-0 blocks split) to hundreds (level-1 blocks taken whole, level 0 split).
    void summarySplitsBlocksAtFoldEdges_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<double>("widthPx");
        QTest::newRow("8 per pixel") << 15'000 << 1800.0;
        QTest::newRow("3 per pixel") << 6'000 << 2000.0;
        QTest::newRow("80 per pixel") << 150'000 << 1800.0;
    }
    void summarySplitsBlocksAtFoldEdges()
    {
        QFETCH(int, events);
        QFETCH(double, widthPx);
        auto lane = makeLane();
        const std::int64_t origin = 7'000 * ms;
        const std::int64_t runNs = 10'000 * ms;
        const std::int64_t slotNs = runNs / events;
        std::mt19937_64 rng(11);
        static constexpr WorkerState states[] = {WorkerState::Running, WorkerState::WaitingGil, WorkerState::WaitingIo};
        lane->appendState(WorkerState::Starting, origin);
        for (int k = 1; k + 1 < events; ++k)
            lane->appendState(states[rng() % 3], origin + k * slotNs + static_cast<std::int64_t>(rng() % (slotNs / 2)));
        lane->appendState(WorkerState::Finished, origin + runNs);
        LaneSummary summary;
        summary.extend(*lane, lane->size());
        int folds = 0;
        for (double zoom : {1.0, 1.3, 2.0, 3.7, 8.0}) {
            TimelineViewport math(0, static_cast<double>(runNs), widthPx);
            math.setLimitNs(static_cast<double>(runNs));
            math.zoomAt(widthPx * 0.37, zoom);
            const auto walked = foldWith(math, *lane, lane->size(), origin, runNs, nullptr);
            const auto summed = foldWith(math, *lane, lane->size(), origin, runNs, &summary);
            QString why;
            QVERIFY2(sameBlocks(summed, walked, &why), qPrintable(QStringLiteral("zoom %1: %2").arg(zoom).arg(why)));
            for (const auto& b : summed)
                folds += b.count > 1;
        }
        QVERIFY(folds > 100);
    }

    // Folds that end at level-0 block boundaries (dense lanes) are still an honest picture: every
    // block at least a pixel wide and at most maxFoldPx (+ rounding) if folded, its pixel edges
    // within one pixel of the true times of its first and last interval, and the time per state
    // of all blocks exactly that of the intervals in the window.
    void foldsStayHonest_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<bool>("even");
        QTest::newRow("random, 30k") << 30'000 << false;
        QTest::newRow("even, 8 per pixel") << 15'000 << true;
        QTest::newRow("even, 80 per pixel") << 150'000 << true;
    }
    void foldsStayHonest()
    {
        QFETCH(int, events);
        QFETCH(bool, even);
        std::mt19937_64 rng(17);
        auto lane = makeLane();
        const std::int64_t origin = 2'000 * ms;
        std::int64_t t = origin;
        if (even) {
            const std::int64_t slotNs = 10'000 * ms / events;
            static constexpr WorkerState states[] = {WorkerState::Running, WorkerState::WaitingGil, WorkerState::WaitingIo};
            for (int k = 0; k < events; ++k)
                lane->appendState(states[rng() % 3], origin + k * slotNs + static_cast<std::int64_t>(rng() % (slotNs / 2)));
            t = origin + 10'000 * ms;
        } else {
            appendRandomEvents(*lane, rng, events, t, false);
        }
        LaneSummary summary;
        summary.extend(*lane, lane->size());
        const std::int64_t until = t - origin;
        int dense = 0;
        for (const TimelineViewport& math : windowsOver(until, rng)) {
            const auto blocks = foldWith(math, *lane, lane->size(), origin, until, &summary);
            QVERIFY(wellFormed(blocks, math.widthPx()));
            const int maxX = static_cast<int>(std::ceil(math.widthPx()));
            std::array<double, workerStateCount> folded {};
            int prevX1 = INT_MIN;
            for (const auto& b : blocks) {
                const QString where = QStringLiteral("%1 on [%2, %3) ns").arg(describe(b)).arg(math.t0Ns()).arg(math.t1Ns());
                QVERIFY2(b.width() >= 1, qPrintable(where));
                // Rounded, or pushed right by a neighbour that needed its pixel (never further than
                // a pixel and a half; one-pixel neighbours in a row are rare and fold when narrow).
                const double dx0 = b.x0 - math.xForTime(static_cast<double>(b.startNs));
                QVERIFY2(std::abs(dx0) <= 0.5 + 1e-9 || (b.x0 == prevX1 && dx0 > 0 && dx0 <= 1.5 + 1e-9), qPrintable(where));
                const double dx1 = b.x1 - math.xForTime(static_cast<double>(b.endNs));
                QVERIFY2(b.x1 == maxX || std::abs(dx1) <= 0.5 + 1e-9 || (b.width() == 1 && dx1 > 0 && dx1 <= 1.5 + 1e-9),
                         qPrintable(where));
                prevX1 = b.x1;
                if (b.count > 1 && b.mixed() && b.x1 < maxX) {
                    QVERIFY2(math.xForTime(static_cast<double>(b.endNs)) - math.xForTime(static_cast<double>(b.startNs))
                                 <= BlockFolder::maxFoldPx + 1e-9,
                             qPrintable(where));
                    dense += b.count > 100;
                }
                for (std::size_t st = 0; st < folded.size(); ++st)
                    folded[st] += b.stateNs[st];
            }
            // The intervals' own time per state inside the window, event by event.
            const auto w0 = origin + static_cast<std::int64_t>(std::floor(math.t0Ns()));
            const auto w1 = origin + static_cast<std::int64_t>(std::ceil(math.t1Ns()));
            std::array<double, workerStateCount> truth {};
            bool open = false;
            WorkerState cur = WorkerState::Created;
            std::int64_t start = 0;
            auto account = [&](std::int64_t end) {
                const std::int64_t a = std::max(start, w0);
                const std::int64_t e = std::min(end, w1);
                if (open && e > a)
                    truth[static_cast<std::size_t>(cur)] += static_cast<double>(e - a);
            };
            for (std::size_t k = 0; k < lane->size(); ++k) {
                const Event& e = lane->at(k);
                if (e.kind != EventKind::State)
                    continue;
                account(e.tNs);
                cur = e.state;
                start = e.tNs;
                open = true;
            }
            account(origin + until);
            for (std::size_t st = 0; st < truth.size(); ++st)
                QVERIFY2(std::abs(folded[st] - truth[st]) <= 1e-9 * std::max(1.0, truth[st]),
                         qPrintable(QStringLiteral("state %1: %2 vs %3 ns").arg(st).arg(folded[st], 0, 'f', 0).arg(truth[st], 0, 'f', 0)));
        }
        if (events > 100'000)
            QVERIFY(dense > 0);
    }

    void summaryMemoryStaysSmall()
    {
        // Part of issue 5's 48 bytes per stored event: the summary takes a few of them.
        std::mt19937_64 rng(9);
        auto lane = makeLane();
        std::int64_t t = 0;
        appendRandomEvents(*lane, rng, 200'000, t, false);
        LaneSummary summary;
        summary.extend(*lane, lane->size());
        const double perEvent = static_cast<double>(summary.memoryBytes()) / static_cast<double>(lane->size());
        QVERIFY2(perEvent < 6, qPrintable(QString::number(perEvent)));
    }

    void emptyLane()
    {
        auto lane = makeLane();
        const TimelineViewport math(0, 1000 * ms, 1000);
        QVERIFY(foldAll(math, *lane, 0, 1000 * ms).empty());
    }
};

QTEST_GUILESS_MAIN(TestLaneFolder)
#include "tst_lanefolder.moc"
