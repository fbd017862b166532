#pragma once

#include "tasks/workerstate.h"

#include <QList>
#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ThreadLab {

class Lane;
class LaneSummary;

// The timeline's maths, with no widget: a visible window [t0, t1) in ns since the log's origin,
// mapped onto the plot's [0, widthPx) pixels; zoom, pan, fit and clamping; the time axis' ticks;
// and level of detail (Hotspot/Tracy style): a lane's state intervals turned into the few
// screen blocks worth drawing, visiting only the events of the visible window.
class TimelineMath
{
public:
    static constexpr double minSpanNs = 1'000;      // 1 µs across the plot at most zoom
    static constexpr double minMaxSpanNs = 1'000'000; // zooming out always reaches 1 ms
    static constexpr double minBlockPx = 3;           // narrower intervals fold with their neighbours
    static constexpr double maxFoldPx = 12;           // a folded block ends after this width
    static constexpr double denseBlockPx = 6;         // level-0 summary blocks this narrow are not split

    struct Tick
    {
        double tNs = 0;
        double x = 0;
        QString label;
    };

    // A screen block: pixel columns [x0, x1) of the plot.
    struct Block
    {
        int x0 = 0;
        int x1 = 0;
        WorkerState state = WorkerState::Running; // the dominant state (most time)
        int count = 1;                             // intervals folded in (1 = one plain interval)
        std::int64_t startNs = 0;                  // since the origin, clipped to the window
        std::int64_t endNs = 0;
        std::uint32_t arg = 0;                     // of the first interval (the joined lane)
        std::array<double, workerStateCount> stateNs {}; // time spent in each state

        int width() const noexcept { return x1 - x0; }
        // More than one state inside: a fold of narrow intervals of different states.
        bool mixed() const noexcept;
    };

    TimelineMath() = default;
    TimelineMath(double t0Ns, double t1Ns, double widthPx);

    double t0Ns() const noexcept { return m_t0Ns; }
    double t1Ns() const noexcept { return m_t1Ns; }
    double spanNs() const noexcept { return m_t1Ns - m_t0Ns; }
    double widthPx() const noexcept { return m_widthPx; }
    double nsPerPx() const noexcept { return spanNs() / m_widthPx; }
    // The data's duration so far; pan and zoom-out stay near [0, limit].
    double limitNs() const noexcept { return m_limitNs; }
    double maxSpanNs() const noexcept;

    void setWidthPx(double widthPx);   // keeps the time window
    void setLimitNs(double durationNs); // does not clamp by itself
    void setWindow(double t0Ns, double t1Ns); // clamps

    double xForTime(double tNs) const noexcept { return (tNs - m_t0Ns) * m_widthPx / spanNs(); }
    double timeForX(double x) const noexcept { return m_t0Ns + x * spanNs() / m_widthPx; }

    // factor > 1 zooms in; the time under pixel x stays under x (unless clamping must move it).
    void zoomAt(double x, double factor);
    // Moves the window right by dx pixels' worth of time (dx < 0: left).
    void panByPx(double dx);
    // Shows [0, duration], keeping rightMarginPx free on the right (for end-of-lane labels).
    void fit(double durationNs, double rightMarginPx = 0);
    // While a run is live: [0, a round span a bit beyond duration], so the scale changes only
    // now and then instead of every frame.
    void follow(double durationNs, double rightMarginPx = 0);
    void clamp();

    // 1, 2 or 5 × 10^k ns, at least raw.
    static double niceStep(double rawNs);
    // 1, 1.5, 2, 3, 4, 5, 6 or 8 × 10^k, at least v.
    static double niceCeil(double v);
    double tickStepNs(double minSpacingPx) const;
    QList<Tick> ticks(double minSpacingPx) const;
    // "250 ms", "1.5 s", "20 µs": the unit and decimals follow the step.
    static QString formatTick(double tNs, double stepNs);
    // Three significant digits in the best unit: "512 µs", "1.23 ms", "2.50 s".
    static QString formatDuration(double ns);

    // Events [first, last) of `lane` that can touch the window: first is the state event in
    // effect at t0, last the first event at or after t1. Two binary searches.
    std::pair<std::size_t, std::size_t> visibleRange(const Lane& lane, std::size_t n, std::int64_t originNs) const;
    // Turns the state intervals of events [first, last) into blocks (appended to out): same-state
    // neighbours merge; runs of intervals narrower than minBlockPx fold into one block (at most
    // maxFoldPx wide) with a count and the time per state; every block is at least one pixel
    // wide. The interval of the last state event lasts until untilNs (since the origin); a
    // terminal state ends the lane.
    // Where the events are dense, folds end between events blockEvents apart (LaneSummary's
    // level 0: events [32k, 32k + 32)): at the first event of a level-0 block whose intervals all
    // fold (narrow, in the window, no terminal, no zero-length interval) and whose state changes
    // span at most denseBlockPx, a fold that could not take the block whole (its last change
    // point lies more than maxFoldPx from the fold's start) ends there, before the block, instead
    // of where the block's intervals outgrow it; the block's intervals start the next block. So a
    // fold still spans at most maxFoldPx, and at least maxFoldPx - denseBlockPx minus the interval
    // reaching into the block when it ends this way. Blocks stay honest: every block is at least
    // one pixel wide; x0 and x1 are xForTime(startNs) and xForTime(endNs) rounded (within half a
    // pixel), but for x0 pushed right by a neighbour that needed its pixel, x1 of a one-pixel
    // block, and x1 at the plot's right edge (the pushed ones within 1.5 px); the dominant state,
    // count and time per state are exactly those of the intervals inside [startNs, endNs).
    // With the lane's summary, whole summary blocks whose intervals fold into one screen block
    // are taken in O(1), so a frame costs about O(pixels), not O(events), and at dense zoom
    // levels reads no event at all; the blocks are the same as without it (which visits every
    // event and summarises each level-0 block on the way to apply the rule above: for tests and
    // short lanes), provided the summary covers the events' whole level-0 blocks.
    void foldLane(const Lane& lane, std::size_t first, std::size_t last, std::int64_t originNs,
                  std::int64_t untilNs, std::vector<Block>& out, const LaneSummary* summary = nullptr) const;

private:
    double m_t0Ns = 0;
    double m_t1Ns = 1e9;
    double m_widthPx = 1000;
    double m_limitNs = 0;
};

} // namespace ThreadLab
