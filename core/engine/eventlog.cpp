#include "engine/eventlog.h"

#include <algorithm>

namespace ThreadLab {

EventLog::EventLog(std::int64_t originNs, bool gilEnabled)
    : m_originNs(originNs)
    , m_gilEnabled(gilEnabled)
{
}

EventLog::~EventLog()
{
    for (auto& lane : m_lanes)
        delete lane.load(std::memory_order_relaxed);
    delete m_observedGil.load(std::memory_order_relaxed);
}

Lane* EventLog::addObservedGil()
{
    if (Lane* existing = m_observedGil.load(std::memory_order_relaxed))
        return existing;
    auto* lane = new Lane(unknownHolder, LaneInfo {QStringLiteral("GIL"), LaneKind::Main, false, {}});
    m_observedGil.store(lane, std::memory_order_release);
    return lane;
}

Lane* EventLog::addLane(LaneInfo info)
{
    const int n = m_count.load(std::memory_order_relaxed);
    if (n >= maxLanes)
        return nullptr;
    auto* lane = new Lane(static_cast<std::uint32_t>(n), std::move(info));
    m_lanes[static_cast<std::size_t>(n)].store(lane, std::memory_order_release);
    m_count.store(n + 1, std::memory_order_release);
    return lane;
}

std::size_t EventLog::eventCount() const noexcept
{
    std::size_t total = 0;
    for (int i = 0; i < laneCount(); ++i)
        total += lane(i)->size();
    return total;
}

std::size_t EventLog::memoryBytes() const noexcept
{
    std::size_t bytes = 0;
    for (int i = 0; i < laneCount(); ++i)
        bytes += lane(i)->memoryBytes();
    return bytes;
}

std::int64_t EventLog::lastEventNs() const noexcept
{
    std::int64_t last = m_originNs;
    for (int i = 0; i < laneCount(); ++i) {
        const Lane* l = lane(i);
        const std::size_t n = l->size();
        if (n)
            last = std::max(last, l->at(n - 1).tNs);
    }
    return last;
}

} // namespace ThreadLab
