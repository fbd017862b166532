#pragma once

#include "model/timelineblock.h"

#include <climits>
#include <cstdint>
#include <vector>

namespace ThreadLab {

class TimelineViewport;

// Collects a lane's clipped state intervals (in ns since the origin, in time order) into screen
// blocks (see LaneFolder::fold). A narrow interval joins the block being built if that is narrow
// or a fold already and the fold stays within maxFoldPx; anything else starts a new block.
// Narrowness is decided on durations, not on rounded pixel positions, so that a run of intervals
// summed up by LaneSummary folds exactly as its intervals would one by one.
class BlockFolder
{
public:
    static constexpr double minBlockPx = 3; // narrower intervals fold with their neighbours
    static constexpr double maxFoldPx = 12; // a folded block ends after this width

    using StateTimes = std::array<double, workerStateCount>;

    BlockFolder(const TimelineViewport& viewport, std::vector<TimelineBlock>& out);

    // xForTime with the scale worked out once: a multiplication per edge instead of a division
    // (within a rounding step of it; both ways of folding use this one).
    double x(double tNs) const noexcept { return (tNs - m_t0Ns) * m_pxPerNs; }
    bool narrow(double startNs, double endNs) const noexcept { return endNs - startNs < m_narrowNs; }

    void add(double startNs, double endNs, WorkerState state, std::uint32_t arg);

    // What decides whether the next interval joins the block being built; probing a few intervals
    // ahead tells whether a summarised run would fold into one block, without adding anything.
    struct Probe
    {
        bool has = false;
        bool narrow = false;
        bool fold = false;
        double fx0 = 0;
    };
    Probe probe() const noexcept { return {m_has && !m_closing, m_narrow, m_fold, m_fx0}; }
    void probeAdd(Probe& p, double startNs, double endNs) const;
    // Whether addRun(startNs, endNs, …) after the probed intervals keeps the run in one block.
    bool runFits(const Probe& p, double startNs, double endNs) const;

    // A run of `count` narrow intervals (as runFits), with their time per state; the first one
    // has `state` and `arg`.
    void addRun(double startNs, double endNs, const StateTimes& ns, WorkerState state, std::uint32_t arg, int count);

    // At a dense block's first event: if the fold being built could not take the block whole
    // (its last change point at endNs lies past the fold's maxFoldPx), the fold ends here, before
    // the block, instead of inside it; the next interval starts a new block.
    void closeBefore(double endNs);
    bool wouldClose(double endNs) const noexcept;

    // How many blocks have been started: a new one means the fold before it has closed.
    int starts() const noexcept { return m_starts; }

    // Intervals of no length (clipped away, or two events at the same instant) still count.
    void addCount(int count);

    void flush();

private:
    void start(double startNs, double endNs, double fa, double fb, const StateTimes& ns, WorkerState state,
               std::uint32_t arg, int count);
    static void mergeInto(TimelineBlock& into, const TimelineBlock& b);

    std::vector<TimelineBlock>& m_out;
    const int m_maxX;
    const double m_narrowNs;
    const double m_t0Ns;
    const double m_pxPerNs;
    TimelineBlock m_pending;
    bool m_has = false;
    bool m_fold = false;    // the block being built holds more than one interval
    bool m_closing = false; // … and takes no more (closeBefore)
    bool m_narrow = false;  // … or one narrow interval, which narrow neighbours may join
    double m_fx0 = 0;
    double m_fx1 = 0;
    int m_prevX1 = INT_MIN;
    int m_starts = 0;
};

} // namespace ThreadLab
