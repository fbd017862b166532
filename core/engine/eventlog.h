#pragma once

#include "engine/lane.h"
#include "tasks/taskspec.h"

#include <array>
#include <atomic>
#include <cstdint>

namespace ThreadLab {

// The events of one variant run: a lane per worker, main's first, in creation order. Lanes are
// added only by the runner thread; any thread may read a consistent prefix of lanes and events.
// Every interpreter of the run (the app, each child process) has a GIL, or none of them has.
class EventLog
{
public:
    static constexpr int maxLanes = Limits::maxWorkersPerVariant + 1;

    explicit EventLog(std::int64_t originNs, bool gilEnabled = true);
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    Lane* addLane(LaneInfo info);
    // Real CPython: the GIL of the interpreter main's threads live in, as observed from outside
    // (GilSampler), kept apart from the worker lanes. One writer (the sampler's thread); each
    // event is a change: `Running` with arg = the holder's native thread id, which names its
    // lane once the lane knows it (Lane::nativeThreadId; a thread that is no lane, such as a
    // queue's feeder thread, holds as unknownHolder), or `WaitingGil` when nobody holds it;
    // value is the interpreter's hand-over count (switch_number) at that reading. Absent for
    // the model, whose GIL shows in the lanes' own states.
    static constexpr std::uint32_t unknownHolder = 0xffff;
    Lane* addObservedGil();
    const Lane* observedGil() const noexcept { return m_observedGil.load(std::memory_order_acquire); }
    // Real CPython: what the app's GIL strip says instead of holds, when there are none to show
    // ("GIL not observed: <reason>", "free-threaded: no GIL, …"). Set by the engine before the
    // log is shared, never after.
    void setGilNote(const QString& note) { m_gilNote = note; }
    const QString& gilNote() const noexcept { return m_gilNote; }
    // Observed: how often a second the GIL is read (a change is seen up to one period late).
    void setGilSamplingHz(int hz) { m_gilSamplingHz = hz; }
    int gilSamplingHz() const noexcept { return m_gilSamplingHz; }
    int laneCount() const noexcept { return m_count.load(std::memory_order_acquire); }
    Lane* lane(int i) const noexcept { return m_lanes[static_cast<std::size_t>(i)].load(std::memory_order_acquire); }

    std::int64_t originNs() const noexcept { return m_originNs; }
    // Python mode: each interpreter's threads take turns holding its GIL; off, native C++.
    bool gilEnabled() const noexcept { return m_gilEnabled; }
    std::size_t eventCount() const noexcept;
    // Bytes held by all lanes' event chunks (for the ≤ 48 bytes per event budget).
    std::size_t memoryBytes() const noexcept;
    // The latest timestamp recorded so far in any lane (originNs when empty).
    std::int64_t lastEventNs() const noexcept;

private:
    const std::int64_t m_originNs;
    const bool m_gilEnabled;
    std::array<std::atomic<Lane*>, maxLanes> m_lanes {};
    std::atomic<int> m_count {0};
    std::atomic<Lane*> m_observedGil {nullptr};
    QString m_gilNote;
    int m_gilSamplingHz = 0;
};

} // namespace ThreadLab
