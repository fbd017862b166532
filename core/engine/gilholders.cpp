#include "engine/gilholders.h"

#include "engine/eventlog.h"
#include "engine/lane.h"

#include <algorithm>

namespace ThreadLab {

bool GilHolders::inAppInterpreter(const LaneInfo& info)
{
    return info.kind != LaneKind::Process;
}

std::int64_t GilHolders::appHandOvers(const EventLog& log)
{
    GilHolders holders;
    for (int i = 0; i < log.laneCount(); ++i)
        if (inAppInterpreter(log.lane(i)->info()))
            holders.addLane(i);
    holders.extend(log);
    return holders.handOvers();
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
    for (LaneCursor& c : m_cursors)
        scan(log, c);
    commit(horizonNs);
}

void GilHolders::scan(const EventLog& log, LaneCursor& c)
{
    const Lane* lane = log.lane(c.lane);
    const std::size_t n = lane->size();
    for (std::size_t k = c.scanned; k < n; ++k) {
        const Event& e = lane->at(k);
        if (e.kind != EventKind::State)
            continue;
        if (e.state == WorkerState::Running) {
            if (c.openStartNs < 0)
                c.openStartNs = e.tNs;
        } else if (c.openStartNs >= 0) {
            closeHold(c, e.tNs);
        }
    }
    c.scanned = std::max(c.scanned, n);
}

void GilHolders::closeHold(LaneCursor& c, std::int64_t endNs)
{
    if (c.committedOpen != noSpan) {
        m_spans[c.committedOpen].endNs = endNs;
        c.committedOpen = noSpan;
    } else {
        c.pending.push_back(Span {c.openStartNs, endNs, c.lane});
    }
    c.openStartNs = -1;
}

// Merges the lanes' holds in time order: the earliest that began before the horizon first.
void GilHolders::commit(std::int64_t horizonNs)
{
    for (;;) {
        LaneCursor* next = nullptr;
        std::int64_t nextStart = horizonNs;
        for (LaneCursor& c : m_cursors) {
            std::int64_t start = -1;
            if (c.pendingFront < c.pending.size())
                start = c.pending[c.pendingFront].startNs;
            else if (c.openStartNs >= 0 && c.committedOpen == noSpan)
                start = c.openStartNs;
            if (start >= 0 && start < nextStart) {
                next = &c;
                nextStart = start;
            }
        }
        if (!next)
            return;
        if (next->pendingFront < next->pending.size()) {
            append(next->pending[next->pendingFront++]);
            if (next->pendingFront == next->pending.size()) {
                next->pending.clear();
                next->pendingFront = 0;
            }
        } else {
            next->committedOpen = append(Span {next->openStartNs, openEnd, next->lane});
        }
    }
}

std::size_t GilHolders::append(const Span& span)
{
    if (!m_spans.empty()) {
        Span& last = m_spans.back();
        if (last.lane == span.lane && last.endNs == span.startNs) {
            last.endNs = span.endNs; // the same holder goes on
            return m_spans.size() - 1;
        }
        if (last.lane != span.lane)
            ++m_handOvers;
    }
    m_spans.push_back(span);
    return m_spans.size() - 1;
}

std::size_t GilHolders::firstEndingAfter(std::int64_t tNs) const
{
    const auto it = std::partition_point(m_spans.begin(), m_spans.end(),
                                         [tNs](const Span& s) { return s.endNs <= tNs; });
    return static_cast<std::size_t>(it - m_spans.begin());
}

std::size_t GilHolders::memoryBytes() const
{
    std::size_t bytes = m_spans.capacity() * sizeof(Span) + m_cursors.capacity() * sizeof(LaneCursor);
    for (const LaneCursor& c : m_cursors)
        bytes += c.pending.capacity() * sizeof(Span);
    return bytes;
}

} // namespace ThreadLab
