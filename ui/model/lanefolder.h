#pragma once

#include "model/blockfolder.h"
#include "model/lanesummary.h"
#include "model/timelineblock.h"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace ThreadLab {

class Lane;
class TimelineViewport;
struct Event;

// Level of detail (Hotspot/Tracy style): a lane's state intervals turned into the few screen
// blocks worth drawing in a viewport, visiting only the events of the visible window.
class LaneFolder
{
public:
    static constexpr double denseBlockPx = 6; // level-0 summary blocks this narrow are not split

    // Events [first, last) of `lane` that can touch the window: first is the state event in
    // effect at t0, last the first event at or after t1. Two binary searches.
    static std::pair<std::size_t, std::size_t> visibleRange(const TimelineViewport& viewport, const Lane& lane,
                                                            std::size_t n, std::int64_t originNs);

    // Turns the state intervals of events [first, last) into blocks (appended to out): same-state
    // neighbours merge; runs of intervals narrower than BlockFolder::minBlockPx fold into one
    // block (at most maxFoldPx wide) with a count and the time per state; every block is at
    // least one pixel wide. The interval of the last state event lasts until untilNs (since the
    // origin); a terminal state ends the lane.
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
    static void fold(const TimelineViewport& viewport, const Lane& lane, std::size_t first, std::size_t last,
                     std::int64_t originNs, std::int64_t untilNs, std::vector<TimelineBlock>& out,
                     const LaneSummary* summary = nullptr);

private:
    using SummaryBlock = LaneSummary::Block;

    LaneFolder(const TimelineViewport& viewport, const Lane& lane, std::size_t last, std::int64_t originNs,
               std::vector<TimelineBlock>& out, const LaneSummary* summary);

    void walk(std::size_t first);
    void finish(std::int64_t untilNs);
    // Whether the walk reached a summary block boundary at i and dealt with events from i on;
    // advances i past them.
    bool takeSummarised(std::size_t& i);
    // Events [i, the next level-0 block boundary or last) one by one; false once the lane ended.
    bool walkEvents(std::size_t& i);

    double rel(std::int64_t t) const noexcept { return static_cast<double>(t - m_originNs); }
    void addInterval(std::int64_t s, std::int64_t e, WorkerState state, std::uint32_t arg);
    void probeInterval(BlockFolder::Probe& p, std::int64_t s, std::int64_t e) const;
    void moveTo(WorkerState state, std::uint32_t arg, std::int64_t startNs);
    bool step(const Event& e);

    bool takeBlock(const SummaryBlock& b);
    std::size_t takeBlocksAt(std::size_t i);
    bool splitBlock(const SummaryBlock& b, const Event* events);
    void prefetchNextEdge(std::size_t k) const;
    bool splittable(const SummaryBlock& b) const;
    void closeBeforeDense(const SummaryBlock& b);
    bool cannotClose(std::size_t i) const;

    const TimelineViewport& m_viewport;
    const Lane& m_lane;
    const LaneSummary* m_summary;
    const std::size_t m_last;
    const std::int64_t m_originNs;
    const std::int64_t m_t0;
    const std::int64_t m_t1;
    const double m_narrowNs;
    const double m_denseNs;
    BlockFolder m_folder;

    // The walk: the open interval started at m_curStart in state m_cur.
    bool m_open = false;
    WorkerState m_cur = WorkerState::Created;
    std::uint32_t m_curArg = 0;
    std::int64_t m_curStart = 0;
};

} // namespace ThreadLab
