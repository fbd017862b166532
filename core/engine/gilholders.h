#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace ThreadLab {

class EventLog;
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
    // The hand-overs of the app's interpreter over a whole (finished) log.
    static std::int64_t appHandOvers(const EventLog& log);

    void addLane(int lane);
    const std::vector<int>& lanes() const noexcept { return m_laneIds; }
    // Reads the events appended to this interpreter's lanes since the last call.
    void extend(const EventLog& log, std::int64_t horizonNs = everything);

    const std::vector<Span>& spans() const noexcept { return m_spans; }
    std::int64_t handOvers() const noexcept { return m_handOvers; }
    // Index of the first span that ends after tNs (absolute): spans [result, …) can touch tNs on.
    std::size_t firstEndingAfter(std::int64_t tNs) const;
    std::size_t memoryBytes() const;

private:
    struct LaneCursor
    {
        int lane = 0;
        std::size_t scanned = 0;
        std::int64_t openStartNs = -1;          // running since, -1 when not running
        std::size_t committedOpen = noSpan;     // the open hold's span once committed
        std::vector<Span> pending;              // ended holds not yet committed, in time order
        std::size_t pendingFront = 0;
    };
    static constexpr std::size_t noSpan = std::numeric_limits<std::size_t>::max();

    void scan(const EventLog& log, LaneCursor& c);
    void closeHold(LaneCursor& c, std::int64_t endNs);
    void commit(std::int64_t horizonNs);
    // Appends span (or continues the last one); returns the index of the span it went into.
    std::size_t append(const Span& span);

    std::vector<int> m_laneIds;
    std::vector<LaneCursor> m_cursors;
    std::vector<Span> m_spans;
    std::int64_t m_handOvers = 0;
};

} // namespace ThreadLab
