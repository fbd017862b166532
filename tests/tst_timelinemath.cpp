#include "timelinemath.h"

#include "lane.h"

#include <QTest>

#include <cmath>
#include <memory>
#include <numeric>
#include <vector>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t us = 1'000;

std::unique_ptr<Lane> makeLane()
{
    return std::make_unique<Lane>(0, LaneInfo {QStringLiteral("w"), LaneKind::Thread, false, {}});
}

std::vector<TimelineMath::Block> foldAll(const TimelineMath& math, const Lane& lane, std::int64_t originNs,
                                         std::int64_t untilNs)
{
    std::vector<TimelineMath::Block> blocks;
    const auto [first, last] = math.visibleRange(lane, lane.size(), originNs);
    math.foldLane(lane, first, last, originNs, untilNs, blocks);
    return blocks;
}

// Blocks never overlap, are at least a pixel wide and stay inside the plot.
bool wellFormed(const std::vector<TimelineMath::Block>& blocks, double widthPx)
{
    int prev = 0;
    for (const auto& b : blocks) {
        if (b.x0 < prev || b.x1 <= b.x0 || b.x1 > static_cast<int>(std::ceil(widthPx)))
            return false;
        prev = b.x1;
    }
    return true;
}

} // namespace

class TestTimelineMath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timePixelRoundTrip_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("t1");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("expectedX");
        QTest::newRow("1 s on 1000 px, middle") << 0.0 << 1e9 << 1000.0 << 5e8 << 500.0;
        QTest::newRow("1 s on 1000 px, start") << 0.0 << 1e9 << 1000.0 << 0.0 << 0.0;
        QTest::newRow("offset window") << 2e9 << 4e9 << 800.0 << 3e9 << 400.0;
        QTest::newRow("left of the window") << 1e6 << 2e6 << 100.0 << 0.0 << -100.0;
        QTest::newRow("microseconds") << 0.0 << 10e3 << 1234.0 << 2.5e3 << 308.5;
        QTest::newRow("negative start") << -5e7 << 9.5e8 << 1000.0 << 0.0 << 50.0;
    }
    void timePixelRoundTrip()
    {
        QFETCH(double, t0);
        QFETCH(double, t1);
        QFETCH(double, width);
        QFETCH(double, t);
        QFETCH(double, expectedX);
        const TimelineMath math(t0, t1, width);
        QCOMPARE(math.xForTime(t), expectedX);
        QVERIFY(std::abs(math.timeForX(math.xForTime(t)) - t) < 1e-6 * (t1 - t0));
        for (double x : {0.0, 1.0, width / 3, width})
            QVERIFY(std::abs(math.xForTime(math.timeForX(x)) - x) < 1e-9 * width);
        QCOMPARE(math.nsPerPx(), (t1 - t0) / width);
    }

    void zoomKeepsTimeUnderCursor_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("factor");
        QTest::newRow("in at left quarter") << 250.0 << 2.0;
        QTest::newRow("in at centre") << 500.0 << 1.5;
        QTest::newRow("out at right edge") << 1000.0 << 0.5;
        QTest::newRow("in a lot at 123 px") << 123.0 << 1000.0;
        QTest::newRow("wheel notch") << 777.0 << std::pow(1.0015, 120);
    }
    void zoomKeepsTimeUnderCursor()
    {
        QFETCH(double, x);
        QFETCH(double, factor);
        TimelineMath math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        const double before = math.timeForX(x);
        const double span = math.spanNs();
        math.zoomAt(x, factor);
        QVERIFY2(std::abs(math.timeForX(x) - before) < 1e-3, qPrintable(QString::number(math.timeForX(x) - before)));
        QVERIFY(std::abs(math.spanNs() - span / factor) < 1e-6 * span);
    }

    void zoomClampsSpan()
    {
        TimelineMath math(0, 1e9, 1000);
        math.setLimitNs(1e9);
        math.zoomAt(500, 1e12);
        QCOMPARE(math.spanNs(), TimelineMath::minSpanNs);
        math.zoomAt(500, 1e-12);
        QCOMPARE(math.spanNs(), math.maxSpanNs());
        // Zoomed out fully, the data stays in view.
        QVERIFY(math.t0Ns() <= 0);
        QVERIFY(math.t1Ns() >= 1e9);
    }

    void pan()
    {
        TimelineMath math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        math.panByPx(100);
        QCOMPARE(math.t0Ns(), 2.2e9);
        QCOMPARE(math.t1Ns(), 4.2e9);
        math.panByPx(-50);
        QCOMPARE(math.t0Ns(), 2.1e9);
        QCOMPARE(math.spanNs(), 2e9);
    }

    void panClampsToTheData()
    {
        TimelineMath math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        math.panByPx(-1e6);
        QCOMPARE(math.t0Ns(), -0.05 * 2e9); // a little room before the start, no more
        QCOMPARE(math.spanNs(), 2e9);
        math.panByPx(1e6);
        QCOMPARE(math.t1Ns(), 10e9 + 0.05 * 2e9);
        QCOMPARE(math.spanNs(), 2e9);
    }

    void fit()
    {
        TimelineMath math(5e9, 6e9, 1000);
        math.fit(2e9);
        QCOMPARE(math.t0Ns(), 0.0);
        QCOMPARE(math.t1Ns(), 2e9);
        QCOMPARE(math.limitNs(), 2e9);
        math.fit(2e9, 100); // keep 100 px free on the right
        QCOMPARE(math.t0Ns(), 0.0);
        QVERIFY(std::abs(math.xForTime(2e9) - 900) < 1e-9);
        math.fit(0);
        QCOMPARE(math.spanNs(), TimelineMath::minSpanNs);
    }

    void followUsesRoundSpans()
    {
        TimelineMath math(0, 1, 1000);
        math.follow(1.23e9);
        QCOMPARE(math.t0Ns(), 0.0);
        QCOMPARE(math.t1Ns(), 1.5e9);
        math.follow(1.4e9);
        QCOMPARE(math.t1Ns(), 1.5e9); // unchanged: no rescale every frame
        math.follow(1.6e9);
        QCOMPARE(math.t1Ns(), 2e9);
        math.follow(0);
        QCOMPARE(math.t1Ns(), TimelineMath::minMaxSpanNs);
    }

    void niceNumbers_data()
    {
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("step");
        QTest::addColumn<double>("ceil");
        QTest::newRow("1") << 1.0 << 1.0 << 1.0;
        QTest::newRow("3") << 3.0 << 5.0 << 3.0;
        QTest::newRow("7") << 7.0 << 10.0 << 8.0;
        QTest::newRow("12") << 12.0 << 20.0 << 15.0;
        QTest::newRow("150") << 150.0 << 200.0 << 150.0;
        QTest::newRow("4 ms") << 4e6 << 5e6 << 4e6;
        QTest::newRow("1 s") << 1e9 << 1e9 << 1e9;
        QTest::newRow("2.01 s") << 2.01e9 << 5e9 << 3e9;
    }
    void niceNumbers()
    {
        QFETCH(double, raw);
        QFETCH(double, step);
        QFETCH(double, ceil);
        QCOMPARE(TimelineMath::niceStep(raw), step);
        QCOMPARE(TimelineMath::niceCeil(raw), ceil);
    }

    void tickLabels_data()
    {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("zero in s") << 0.0 << 1e8 << QStringLiteral("0.0 s");
        QTest::newRow("tenths of s") << 3e8 << 1e8 << QStringLiteral("0.3 s");
        QTest::newRow("whole s") << 2e9 << 1e9 << QStringLiteral("2 s");
        QTest::newRow("half s") << 1.5e9 << 5e8 << QStringLiteral("1.5 s");
        QTest::newRow("ms") << 2.5e8 << 5e7 << QStringLiteral("250 ms");
        QTest::newRow("tenths of ms") << 1.5e6 << 5e5 << QStringLiteral("1.5 ms");
        QTest::newRow("µs") << 20e3 << 10e3 << QStringLiteral("20 µs");
        QTest::newRow("fractional µs") << 1500.0 << 500.0 << QStringLiteral("1.5 µs");
        QTest::newRow("ns") << 250.0 << 50.0 << QStringLiteral("250 ns");
        QTest::newRow("no minus zero") << -1e-7 << 1e8 << QStringLiteral("0.0 s");
    }
    void tickLabels()
    {
        QFETCH(double, t);
        QFETCH(double, step);
        QFETCH(QString, label);
        QCOMPARE(TimelineMath::formatTick(t, step), label);
    }

    void durations_data()
    {
        QTest::addColumn<double>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("ns") << 999.0 << QStringLiteral("999 ns");
        QTest::newRow("µs") << 512e3 << QStringLiteral("512 µs");
        QTest::newRow("ms") << 1.234e6 << QStringLiteral("1.23 ms");
        QTest::newRow("tens of ms") << 12.5e6 << QStringLiteral("12.5 ms");
        QTest::newRow("s") << 2.5e9 << QStringLiteral("2.50 s");
    }
    void durations()
    {
        QFETCH(double, ns);
        QFETCH(QString, text);
        QCOMPARE(TimelineMath::formatDuration(ns), text);
    }

    void ticksCoverTheWindow()
    {
        const TimelineMath math(0, 1e9, 1000);
        QCOMPARE(math.tickStepNs(100), 1e8);
        const QList<TimelineMath::Tick> ticks = math.ticks(100);
        QCOMPARE(ticks.size(), 11);
        QCOMPARE(ticks.first().x, 0.0);
        QCOMPARE(ticks.first().label, QStringLiteral("0.0 s"));
        QCOMPARE(ticks.at(5).label, QStringLiteral("0.5 s"));
        QVERIFY(std::abs(ticks.last().x - 1000) < 1e-9);
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks.at(i).x - ticks.at(i - 1).x >= 100 - 1e-9);

        const TimelineMath fine(1.2e6, 1.7e6, 1000); // 0.5 ms window, ticks every 50 µs
        const QList<TimelineMath::Tick> fineTicks = fine.ticks(100);
        QCOMPARE(fine.tickStepNs(100), 5e4);
        QCOMPARE(fineTicks.first().label, QStringLiteral("1200 µs"));
        QVERIFY(fineTicks.first().x >= 0);
        QVERIFY(fineTicks.last().x <= 1000);
    }

    void visibleRangeBinarySearches()
    {
        auto lane = makeLane();
        const std::int64_t origin = 7 * ms;
        for (int i = 0; i < 100'000; ++i) {
            lane->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, origin + i * 10 * us);
            if (i % 1000 == 500)
                lane->appendOutput(origin + i * 10 * us + 1, "x");
        }
        const TimelineMath math(100 * ms + 5 * us, 200 * ms, 1000);
        const auto [first, last] = math.visibleRange(*lane, lane->size(), origin);
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
        const TimelineMath math(0, 1000 * ms, 1000);
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
        const TimelineMath math(0, 1000 * ms, 1000);
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
        const TimelineMath math(0, 1000 * ms, 1000);
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
        const TimelineMath math(0, 1000 * ms, 1000);
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

        const TimelineMath math(0, 1000 * us, 1000);
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
            QVERIFY(b.width() <= TimelineMath::maxFoldPx + 1);
            QVERIFY(b.count > 1);
            QVERIFY(b.state == WorkerState::Running || b.state == WorkerState::WaitingGil);
        }
        const int foldPx = static_cast<int>((foldEnd - foldStart) / us);
        QVERIFY(foldedBlocks >= foldPx / static_cast<int>(TimelineMath::maxFoldPx));
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
        const TimelineMath math(0, 1000 * ms, 1000);
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
        const TimelineMath math(0, 1000 * ms, 1000);
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
        TimelineMath math(0, 1000 * ms, 1000);
        math.setLimitNs(1000 * ms);
        math.zoomAt(500, 100); // 10 ms around 500 ms
        const auto blocks = foldAll(math, *lane, 0, 1000 * ms);
        QCOMPARE(blocks.size(), std::size_t(10));
        for (const auto& b : blocks) {
            QCOMPARE(b.width(), 100);
            QVERIFY(b.startNs >= 495 * ms && b.endNs <= 505 * ms);
        }
    }

    void emptyLane()
    {
        auto lane = makeLane();
        const TimelineMath math(0, 1000 * ms, 1000);
        QVERIFY(foldAll(math, *lane, 0, 1000 * ms).empty());
    }
};

QTEST_GUILESS_MAIN(TestTimelineMath)
#include "tst_timelinemath.moc"
