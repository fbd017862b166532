#include "model/lanefolder.h"

#include "engine/lane.h"
#include "model/prefetch.h"
#include "model/timelineviewport.h"

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

constexpr std::size_t blockEvents = LaneSummary::blockEvents;

} // namespace

std::pair<std::size_t, std::size_t> LaneFolder::visibleRange(const TimelineViewport& viewport, const Lane& lane,
                                                             std::size_t n, std::int64_t originNs)
{
    std::size_t first = lane.lowerBound(viewport.startNsFrom(originNs), n);
    // Back to the state event in effect at t0 (usually one step; outputs are rare).
    if (first > 0) {
        std::size_t i = first - 1;
        while (i > 0 && lane.at(i).kind != EventKind::State)
            --i;
        first = i;
    }
    const std::size_t last = std::max(first, lane.lowerBound(viewport.endNsFrom(originNs), n));
    return {first, last};
}

void LaneFolder::fold(const TimelineViewport& viewport, const Lane& lane, std::size_t first, std::size_t last,
                      std::int64_t originNs, std::int64_t untilNs, std::vector<TimelineBlock>& out,
                      const LaneSummary* summary)
{
    LaneFolder folder(viewport, lane, last, originNs, out, summary);
    folder.walk(first);
    folder.finish(untilNs);
}

LaneFolder::LaneFolder(const TimelineViewport& viewport, const Lane& lane, std::size_t last, std::int64_t originNs,
                       std::vector<TimelineBlock>& out, const LaneSummary* summary)
    : m_viewport(viewport)
    , m_lane(lane)
    , m_summary(summary)
    , m_last(last)
    , m_originNs(originNs)
    , m_t0(viewport.startNsFrom(originNs))
    , m_t1(viewport.endNsFrom(originNs))
    , m_narrowNs(BlockFolder::minBlockPx * viewport.nsPerPx())
    , m_denseNs(denseBlockPx * viewport.nsPerPx())
    , m_folder(viewport, out)
{
}

// Events between two multiples of blockEvents are contiguous: the lane's chunks hold a multiple
// of 256 events each, so the walk reads them through a plain pointer.
void LaneFolder::walk(std::size_t first)
{
    static_assert((std::size_t(1) << Lane::firstChunkBits) % blockEvents == 0);
    std::size_t i = first;
    while (i < m_last) {
        if (!m_summary && i % blockEvents == 0 && i + blockEvents <= m_last)
            closeBeforeDense(LaneSummary::blockAt(m_lane, i));
        if (m_summary && i % blockEvents == 0 && takeSummarised(i))
            continue;
        if (!walkEvents(i))
            return;
    }
}

void LaneFolder::finish(std::int64_t untilNs)
{
    if (m_open)
        addInterval(m_curStart, std::max(m_originNs + untilNs, m_curStart), m_cur, m_curArg);
    m_folder.flush();
}

bool LaneFolder::takeSummarised(std::size_t& i)
{
    const std::vector<LaneSummary::Block>& blocks = m_summary->blocks(0);
    const std::size_t k = i / blockEvents;
    const bool whole = i + blockEvents <= m_last && k < blocks.size();
    if (whole && !cannotClose(i))
        closeBeforeDense(blocks[k]);
    if (const std::size_t taken = takeBlocksAt(i)) {
        i += taken;
        return true;
    }
    if (whole && splittable(blocks[k])) {
        if (splitBlock(blocks[k], &m_lane.at(i)))
            prefetchNextEdge(k);
        i += blockEvents;
        return true;
    }
    return false;
}

// The level-1 block starting at i bounds its first level-0 block's last change point: if even
// that fits the fold, closeBeforeDense would do nothing, and the level-0 block (a cache miss when
// the level-1 block is taken whole) need not be read.
bool LaneFolder::cannotClose(std::size_t i) const
{
    const std::size_t k1 = i / LaneSummary::eventsPerBlock(1);
    const std::vector<LaneSummary::Block>& level1 = m_summary->blocks(1);
    return i % LaneSummary::eventsPerBlock(1) == 0 && k1 < level1.size()
        && (!level1[k1].has(LaneSummary::Block::HasState) || !m_folder.wouldClose(rel(level1[k1].lastNs)));
}

bool LaneFolder::walkEvents(std::size_t& i)
{
    const std::size_t end = std::min(m_last, (i / blockEvents + 1) * blockEvents);
    const Event* events = &m_lane.at(i);
    for (const Event* e = events; e != events + (end - i); ++e)
        if (!step(*e))
            return false;
    i = end;
    return true;
}

// Intervals in absolute ns, clipped to the window; the block folder works in ns since the origin.
void LaneFolder::addInterval(std::int64_t s, std::int64_t e, WorkerState state, std::uint32_t arg)
{
    s = std::max(s, m_t0);
    e = std::min(e, m_t1);
    if (e > s)
        m_folder.add(rel(s), rel(e), state, arg);
    else if (s < m_t1 && e >= m_t0)
        m_folder.addCount(1);
}

void LaneFolder::probeInterval(BlockFolder::Probe& p, std::int64_t s, std::int64_t e) const
{
    s = std::max(s, m_t0);
    e = std::min(e, m_t1);
    if (e > s)
        m_folder.probeAdd(p, rel(s), rel(e));
}

void LaneFolder::moveTo(WorkerState state, std::uint32_t arg, std::int64_t startNs)
{
    m_cur = state;
    m_curArg = arg;
    m_curStart = startNs;
}

// One event of the walk; false once the lane has ended.
bool LaneFolder::step(const Event& e)
{
    if (e.kind != EventKind::State || (m_open && e.state == m_cur && e.arg == m_curArg))
        return true;
    if (m_open)
        addInterval(m_curStart, e.tNs, m_cur, m_curArg);
    m_open = false;
    if (isTerminal(e.state))
        return false;
    moveTo(e.state, e.arg, e.tNs);
    m_open = true;
    return true;
}

// Takes a whole summary block if it can stand for its events: no terminal inside, and its inner
// intervals all narrow, in the window, and folding into one block. Exactly what visiting its
// events would do, in O(1).
bool LaneFolder::takeBlock(const SummaryBlock& b)
{
    if (!b.has(SummaryBlock::HasState))
        return true; // output and queue marks only
    if (b.has(SummaryBlock::Terminal))
        return false;
    const bool changeAtFirst = !m_open || b.firstState != m_cur || b.firstArg != m_curArg;
    if (b.changes >= 2) {
        if (b.has(SummaryBlock::ZeroInner) || !(static_cast<double>(b.maxInnerNs) < m_narrowNs) || b.c1Ns < m_t0
            || b.lastNs > m_t1)
            return false;
        BlockFolder::Probe p = m_folder.probe();
        if (changeAtFirst && m_open)
            probeInterval(p, m_curStart, b.firstNs);
        probeInterval(p, changeAtFirst ? b.firstNs : m_curStart, b.c1Ns);
        if (!m_folder.runFits(p, rel(b.c1Ns), rel(b.lastNs)))
            return false;
    }
    if (changeAtFirst) {
        if (m_open)
            addInterval(m_curStart, b.firstNs, m_cur, m_curArg);
        moveTo(b.firstState, b.firstArg, b.firstNs);
        m_open = true;
    }
    if (b.changes >= 1) {
        addInterval(m_curStart, b.c1Ns, m_cur, m_curArg);
        moveTo(b.c1State, b.c1Arg, b.c1Ns);
    }
    if (b.changes >= 2) {
        BlockFolder::StateTimes ns {};
        for (std::size_t s = 0; s < b.innerNs.size(); ++s)
            ns[s] = static_cast<double>(b.innerNs[s]);
        m_folder.addRun(rel(b.c1Ns), rel(b.lastNs), ns, b.c1State, b.c1Arg, static_cast<int>(b.changes - 1));
        moveTo(b.lastState, b.lastArg, b.lastNs);
    }
    return true;
}

// The largest whole block starting at i that can be taken, if any: its size in events.
std::size_t LaneFolder::takeBlocksAt(std::size_t i)
{
    for (int level = LaneSummary::levels - 1; level >= 0; --level) {
        static_assert(LaneSummary::blockEvents == 32 && LaneSummary::fanOut == 8);
        const std::size_t size = std::size_t(32) << (3 * level); // eventsPerBlock, no loop
        if ((i & (size - 1)) != 0 || i + size > m_last)
            continue;
        const std::vector<LaneSummary::Block>& blocks = m_summary->blocks(level);
        const std::size_t k = i / size;
        if (k < blocks.size() && takeBlock(blocks[k]))
            return size;
    }
    return 0;
}

// A level-0 block whose intervals are all narrow and in the window but reach past the fold being
// built: a fold edge lies inside it. Walks its events only until the edge; from the first change
// point after which the rest of the block fits in one screen block, the rest is taken as a run,
// its time per state being the block's minus what was walked (exact: times are whole ns). The
// same blocks as walking every event; about half the events visited.
bool LaneFolder::splitBlock(const SummaryBlock& b, const Event* events)
{
    std::array<std::int64_t, LaneSummary::lastingStates> walkedNs {};
    std::uint32_t walkedInner = 0;
    int startsSeen = -1;
    for (std::uint32_t k = 0; k < blockEvents; ++k) {
        const Event& e = events[k];
        const bool change = e.kind == EventKind::State && (!m_open || e.state != m_cur || e.arg != m_curArg);
        if (change && k > b.c1Offset) {
            // An inner interval ends here (no terminal inside: the lane goes on).
            walkedNs[static_cast<std::size_t>(m_cur)] += e.tNs - m_curStart;
            ++walkedInner;
        }
        step(e);
        if (!change || k < b.c1Offset || m_curStart == b.lastNs || m_folder.starts() == startsSeen)
            continue;
        // A fold may have closed here: would the rest join what is being built now?
        startsSeen = m_folder.starts();
        if (!m_folder.runFits(m_folder.probe(), rel(m_curStart), rel(b.lastNs)))
            continue;
        BlockFolder::StateTimes ns {};
        for (std::size_t st = 0; st < b.innerNs.size(); ++st)
            ns[st] = static_cast<double>(b.innerNs[st] - walkedNs[st]);
        m_folder.addRun(rel(m_curStart), rel(b.lastNs), ns, m_cur, m_curArg,
                        static_cast<int>(b.changes - 1 - walkedInner));
        moveTo(b.lastState, b.lastArg, b.lastNs);
        return true;
    }
    return false;
}

// Reading the events of a split block is a cache miss (whole blocks are taken without touching
// their events, so the walk jumps a fold's worth of the log ahead each time), and waiting for
// memory was most of the fold's time. The next fold ends a maxFoldPx further on: find the block
// holding that time in the summary (whose blocks the fold reads in order anyway) and ask for its
// events up to about there now, while the blocks before it are taken.
void LaneFolder::prefetchNextEdge(std::size_t k) const
{
    const double edgeNs = m_viewport.timeForX(m_folder.probe().fx0 + BlockFolder::maxFoldPx);
    auto startsBefore = [this, edgeNs](const std::vector<LaneSummary::Block>& blocks, std::size_t j) {
        return j < blocks.size() && rel(blocks[j].firstNs) <= edgeNs;
    };
    const std::vector<LaneSummary::Block>& level1 = m_summary->blocks(1);
    std::size_t parent = k / LaneSummary::fanOut + 1;
    bool jumped = false;
    for (int steps = 0; steps < 64 && startsBefore(level1, parent); ++steps) {
        k = parent++ * LaneSummary::fanOut;
        jumped = true;
    }
    const std::vector<LaneSummary::Block>& level0 = m_summary->blocks(0);
    if (jumped) {
        // Denser than a level-1 block per fold: the fold takes level-1 blocks whole and reads the
        // level-0 blocks only where it ends. Those are as far from here as the events, so ask
        // for them instead of reading through them now.
        for (std::size_t j = k; j < std::min(level0.size(), k + LaneSummary::fanOut); ++j) {
            prefetchForRead(&level0[j]);
            prefetchForRead(reinterpret_cast<const char*>(&level0[j]) + 64);
        }
        return;
    }
    for (int steps = 0; steps < 2 * static_cast<int>(LaneSummary::fanOut) && startsBefore(level0, k + 1); ++steps)
        ++k;
    const std::size_t at = k * blockEvents;
    if (k >= level0.size() || at + blockEvents > m_last)
        return;
    // The walk reads from the block's start to the edge: guess where in the block that is.
    const LaneSummary::Block& b = level0[k];
    const double span = k + 1 < level0.size() ? rel(level0[k + 1].firstNs) - rel(b.firstNs) : 0;
    const double share = span > 0 ? std::clamp((edgeNs - rel(b.firstNs)) / span, 0.0, 1.0) : 1.0;
    const std::size_t bytes = std::min(blockEvents * sizeof(Event),
                                       static_cast<std::size_t>(share * blockEvents * sizeof(Event)) + 128);
    const char* events = reinterpret_cast<const char*>(&m_lane.at(at));
    for (std::size_t offset = 0; offset < bytes; offset += 64)
        prefetchForRead(events + offset);
}

bool LaneFolder::splittable(const SummaryBlock& b) const
{
    return b.has(SummaryBlock::HasState) && !b.has(SummaryBlock::Terminal) && !b.has(SummaryBlock::ZeroInner)
        && b.changes >= 2 && static_cast<double>(b.maxInnerNs) < m_narrowNs && b.c1Ns >= m_t0 && b.lastNs <= m_t1;
}

// Folds end at the start of a dense level-0 block rather than inside it (see fold's
// documentation): the same decision with and without the summary, at every block boundary.
void LaneFolder::closeBeforeDense(const SummaryBlock& b)
{
    if (splittable(b) && static_cast<double>(b.lastNs - b.firstNs) <= m_denseNs)
        m_folder.closeBefore(rel(b.lastNs));
}

} // namespace ThreadLab
