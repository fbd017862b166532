#include "engine/gilholders.h"

#include "engine/eventlog.h"
#include "engine/lane.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <utility>

namespace ThreadLab {

bool GilHolders::inAppInterpreter(const LaneInfo& info)
{
    return info.kind != LaneKind::Process;
}

GilHolders GilHolders::ofApp(const EventLog& log)
{
    GilHolders holders;
    for (int i = 0; i < log.laneCount(); ++i)
        if (inAppInterpreter(log.lane(i)->info()))
            holders.addLane(i);
    holders.setObserved(log.observedGil() != nullptr);
    holders.extend(log);
    return holders;
}

std::int64_t GilHolders::appHandOvers(const EventLog& log)
{
    return ofApp(log).handOvers();
}

void GilHolders::addLane(int lane)
{
    m_laneIds.push_back(lane);
    LaneCursor c;
    c.lane = lane;
    m_cursors.push_back(std::move(c));
}

void GilHolders::extend(const EventLog& log, std::int64_t horizonNs)
{
    m_log = &log;
    if (m_observed && log.observedGil())
        commitObserved(*log.observedGil(), horizonNs);
    else
        commit(horizonNs);
}

std::int64_t GilHolders::timeOf(int lane, std::uint32_t event) const
{
    if (m_observed)
        return m_log->observedGil()->at(event).tNs;
    return m_log->lane(lane)->at(event).tNs;
}

int GilHolders::laneOfThread(std::int64_t tid)
{
    for (const auto& [known, lane] : m_threadLanes)
        if (known == tid)
            return lane;
    for (int i = 0; i < m_log->laneCount(); ++i)
        if (m_log->lane(i)->nativeThreadId() == tid) {
            m_threadLanes.emplace_back(tid, i);
            return i;
        }
    return -1;
}

// Observed holds: each change in the observed lane ends the hold before it. A thread tells its
// lane its native id as it starts, which can reach us a little after the sampler saw it take
// the GIL: while live, a hold by a thread not known yet waits (up to a grace) for its lane.
void GilHolders::commitObserved(const Lane& observed, std::int64_t horizonNs)
{
    constexpr std::int64_t namingGraceNs = 250'000'000;
    const std::size_t n = observed.size();
    for (; m_observedScanned < n; ++m_observedScanned) {
        const Event& e = observed.at(m_observedScanned);
        if (e.tNs >= horizonNs)
            break;
        const bool held = e.kind == EventKind::State && e.state == WorkerState::Running;
        int lane = held ? laneOfThread(e.arg) : -1;
        if (held && lane < 0) {
            if (horizonNs != everything && e.tNs > horizonNs - namingGraceNs)
                break;
            lane = static_cast<int>(EventLog::unknownHolder);
        }
        if (m_firstSwitch < 0)
            m_firstSwitch = e.value;
        m_handOvers = e.value - m_firstSwitch;
        if (held) {
            m_starts.push_back(static_cast<std::uint32_t>(m_observedScanned));
            m_lanes.push_back(static_cast<std::uint16_t>(lane));
        }
    }
}

std::int64_t GilHolders::endOf(int laneIndex, std::uint32_t start) const
{
    if (m_observed) {
        const Lane* observed = m_log->observedGil();
        return start + 1 < observed->size() ? observed->at(start + 1).tNs : openEnd;
    }
    const Lane* lane = m_log->lane(laneIndex);
    const std::size_t n = lane->size();
    std::int64_t endNs = openEnd;
    for (std::size_t k = start + 1; k < n; ++k) {
        const Event& e = lane->at(k);
        if (e.kind != EventKind::State)
            continue;
        if (e.state != WorkerState::Running) {
            if (endNs == openEnd)
                endNs = e.tNs;
        } else if (endNs != openEnd) {
            if (e.tNs != endNs)
                return endNs;
            endNs = openEnd; // took it back at once
        }
    }
    return endNs;
}

GilHolders::Span GilHolders::span(std::size_t i) const
{
    const int lane = m_lanes[i];
    return Span {timeOf(lane, m_starts[i]), endOf(lane, m_starts[i]), lane};
}

void GilHolders::findNext(LaneCursor& c) const
{
    const Lane* lane = m_log->lane(c.lane);
    const std::size_t n = lane->size();
    while (c.next == noEvent && c.scanned < n) {
        const Event& e = lane->at(c.scanned);
        if (e.kind == EventKind::State) {
            if (e.state == WorkerState::Running && !c.running)
                c.next = static_cast<std::uint32_t>(c.scanned);
            c.running = e.state == WorkerState::Running;
        }
        ++c.scanned;
    }
}

// Merges the lanes' holds in time order, the earliest that began before the horizon first: a
// heap of each lane's next hold, so that a whole log of a run with many threads merges in
// O(holds · log lanes).
void GilHolders::commit(std::int64_t horizonNs)
{
    using Next = std::pair<std::int64_t, std::size_t>; // the hold's start, its lane's cursor
    std::priority_queue<Next, std::vector<Next>, std::greater<Next>> heap;
    auto offer = [this, &heap](std::size_t i) {
        LaneCursor& c = m_cursors[i];
        findNext(c);
        if (c.next != noEvent)
            heap.emplace(timeOf(c.lane, c.next), i);
    };
    for (std::size_t i = 0; i < m_cursors.size(); ++i)
        offer(i);
    while (!heap.empty() && heap.top().first < horizonNs) {
        const auto [start, i] = heap.top();
        heap.pop();
        LaneCursor& c = m_cursors[i];
        const bool sameHolder = !m_lanes.empty() && m_lanes.back() == c.lane;
        // The same holder taking the lock back at the very time it let it go goes on holding:
        // endOf() already counts that in the hold before.
        if (!sameHolder || start > endOf(c.lane, m_starts.back())) {
            if (!m_lanes.empty() && !sameHolder)
                ++m_handOvers;
            m_starts.push_back(c.next);
            m_lanes.push_back(static_cast<std::uint16_t>(c.lane));
        }
        c.next = noEvent;
        offer(i);
    }
}

std::size_t GilHolders::firstEndingAfter(std::int64_t tNs) const
{
    // Holds never overlap, so their ends are in order too.
    std::size_t lo = 0;
    std::size_t hi = m_starts.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (endOf(m_lanes[mid], m_starts[mid]) <= tNs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

std::size_t GilHolders::memoryBytes() const
{
    return m_starts.size() * sizeof(std::uint32_t) + m_lanes.size() * sizeof(std::uint16_t)
        + m_cursors.capacity() * sizeof(LaneCursor);
}

} // namespace ThreadLab
