#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <utility>
#include <vector>

namespace ThreadLab {

class EventLog;
class Lane;
struct LaneInfo;

// Who held one interpreter's GIL when, from its lanes' state events: the holder at a time is the
// lane that is running (the emulated GIL records running intervals of one interpreter that never
// overlap). A span per stretch one lane held the lock, merged where it continues without a gap,
// in time order; a hand-over is a change of holder between two different threads (a thread that
// releases for I/O and takes the lock back is no hand-over).
//
// Extended incrementally like the timeline's indices: each call reads only the events appended
// since the last one. Engine threads keep appending while it reads, and a frame reads the lanes'
// counts one after another, so a hold recorded in a lane read early can be missing while a later
// one in a lane read after it is there; only holds that began before `horizonNs` (a clock reading
// taken before the counts) are committed, and under the GIL everything before those is published
// already (the next holder's running event is recorded after the lock is taken, and the previous
// holder's release before it is freed).
class GilHolders
{
public:
    static constexpr std::int64_t openEnd = std::numeric_limits<std::int64_t>::max();
    static constexpr std::int64_t everything = std::numeric_limits<std::int64_t>::max();

    struct Span
    {
        std::int64_t startNs = 0;    // absolute
        std::int64_t endNs = openEnd; // absolute; openEnd while the lane still holds the lock
        int lane = 0;
    };

    // Main and the app's threads share the app's interpreter; every child process is its own.
    static bool inAppInterpreter(const LaneInfo& info);
    // The holds of the app's interpreter over a whole (finished) log: observed where the log
    // has an observed GIL (real CPython), else from its lanes' running states.
    static GilHolders ofApp(const EventLog& log);
    // The hand-overs of the app's interpreter over a whole (finished) log.
    static std::int64_t appHandOvers(const EventLog& log);

    void addLane(int lane);
    const std::vector<int>& lanes() const noexcept { return m_laneIds; }
    // Reads the events appended to this interpreter's lanes since the last call (always the
    // same log). When the log has an observed GIL (real CPython) and this is the app's
    // interpreter (observed()), the holds are read from that instead, and the hand-over count
    // is the interpreter's own.
    void extend(const EventLog& log, std::int64_t horizonNs = everything);
    void setObserved(bool observed) { m_observed = observed; }
    bool observed() const noexcept { return m_observed; }

    std::size_t spanCount() const noexcept { return m_starts.size(); }
    Span span(std::size_t i) const;
    std::int64_t handOvers() const noexcept { return m_handOvers; }
    // Index of the first span that ends after tNs (absolute): spans [result, …) can touch tNs on.
    std::size_t firstEndingAfter(std::int64_t tNs) const;
    std::size_t memoryBytes() const;

    // Real CPython: a thread's lane says `running` for as long as the thread wants to compute,
    // but while another thread held the GIL it was in fact waiting for it. Cuts [startNs, endNs)
    // (absolute), a stretch where `lane` said it was running, at the holds of other threads:
    // piece(fromNs, toNs, waiting) for each part in time order. The holds are sampled, so each
    // wait's ends are known to about one sampling period.
    template<typename Piece>
    void splitRunning(int lane, std::int64_t startNs, std::int64_t endNs, Piece&& piece) const
    {
        std::int64_t t = startNs; // running from here, as far as the holds known so far say
        for (std::size_t i = firstEndingAfter(startNs); i < spanCount(); ++i) {
            const Span s = span(i);
            const std::int64_t from = std::max(s.startNs, startNs);
            if (from >= endNs)
                break;
            const std::int64_t to = std::min(s.endNs, endNs); // an open hold ends at openEnd
            if (s.lane == lane || to <= from)
                continue;
            if (from > t)
                piece(t, from, false);
            piece(from, to, true);
            t = to;
        }
        if (t < endNs)
            piece(t, endNs, false);
    }

private:
    static constexpr std::uint32_t noEvent = std::numeric_limits<std::uint32_t>::max();
    // Where the merge stands in one lane: events before `scanned` are read; `next` is the
    // running event that begins the lane's next hold not yet merged (noEvent: none found yet).
    struct LaneCursor
    {
        int lane = 0;
        std::size_t scanned = 0;
        bool running = false;
        std::uint32_t next = noEvent;
    };

    std::int64_t timeOf(int lane, std::uint32_t event) const;
    void commitObserved(const Lane& observed, std::int64_t horizonNs);
    // The lane whose thread has this native id; -1 if none has said so (yet).
    int laneOfThread(std::int64_t tid);
    // The hold that began at `start` in lane ends at its next state event that is not running,
    // unless it takes the lock back at the very same time (the same holder goes on).
    std::int64_t endOf(int lane, std::uint32_t start) const;
    void findNext(LaneCursor& c) const;
    void commit(std::int64_t horizonNs);

    const EventLog* m_log = nullptr;
    std::vector<int> m_laneIds;
    std::vector<LaneCursor> m_cursors;
    // The merged holds, kept as what begins them: millions in a long live run, 6 bytes each,
    // in blocks that never move (no doubling).
    std::deque<std::uint32_t> m_starts; // the running event in its lane
    std::deque<std::uint16_t> m_lanes;
    std::int64_t m_handOvers = 0;
    bool m_observed = false;
    std::size_t m_observedScanned = 0;
    std::int64_t m_firstSwitch = -1;
    std::vector<std::pair<std::int64_t, int>> m_threadLanes; // native id → lane, as learnt
};

} // namespace ThreadLab
