#pragma once

#include "tasks/workerstate.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ThreadLab {

class Lane;

// A lane's level of detail for the timeline: a pyramid of fixed-size blocks of events (32 events
// at level 0, eight children per block above), each summing up the state intervals inside it the
// way LaneFolder::fold walks them. With it a zoomed-out frame folds a whole block into a
// pixel's worth of timeline in O(1) instead of visiting its events, so a frame costs about
// O(pixels × lanes) however long the run.
//
// Built on the reader side, by the view: extend() visits only the events appended since the last
// call (events [0, Lane::size()) never change once published), and publishes a block when all of
// its events are there; the few events after the last whole block are walked one by one.
class LaneSummary
{
public:
    static constexpr std::size_t blockEvents = 32; // level 0
    static constexpr std::size_t fanOut = 8;
    static constexpr int levels = 4; // 32, 256, 2048 and 16384 events
    // States that can last: the terminal ones end the lane, they get no time.
    static constexpr int lastingStates = static_cast<int>(WorkerState::WaitingQueue) + 1;

    // What a block knows, in the walk's terms. A change point is a state event whose state (or
    // joined lane) differs from the previous state event's; the intervals between two change
    // points inside the block are its inner intervals. The first state event may or may not be
    // a change point, depending on what came before the block: the walk decides that.
    struct Block
    {
        enum Flag : std::uint8_t {
            HasState = 1,  // any state event at all (else only output and queue marks)
            Terminal = 2,  // a terminal state: the walk ends inside, never skip it whole
            ZeroInner = 4, // an inner interval of no length (two changes at the same instant)
        };

        std::int64_t firstNs = 0;    // the first state event
        std::int64_t c1Ns = 0;       // the first change point after it (changes > 0)
        std::int64_t lastNs = 0;     // the start of the final run: the last change point, or firstNs
        std::int64_t maxInnerNs = 0; // the longest inner interval
        std::array<std::int64_t, lastingStates> innerNs {}; // time per state over [c1Ns, lastNs]
        std::uint32_t changes = 0;     // change points after the first state event
        std::uint32_t firstOffset = 0; // event indices from the block's first event
        std::uint32_t c1Offset = 0;
        std::uint32_t firstArg = 0;
        std::uint32_t c1Arg = 0;
        std::uint32_t lastArg = 0;
        WorkerState firstState = WorkerState::Created;
        WorkerState c1State = WorkerState::Created;
        WorkerState lastState = WorkerState::Created;
        std::uint8_t flags = 0;

        bool has(Flag f) const noexcept { return flags & f; }
        // Appends `next`, which starts `offset` events after this block's first event.
        void append(const Block& next, std::uint32_t offset);
    };

    static constexpr std::size_t eventsPerBlock(int level) noexcept
    {
        std::size_t n = blockEvents;
        for (int k = 0; k < level; ++k)
            n *= fanOut;
        return n;
    }

    // The level-0 block of events [first, first + blockEvents) of `lane`, as extend() builds it
    // (for walks without a summary that follow the same rules).
    static Block blockAt(const Lane& lane, std::size_t first);

    // Summarises the events appended to `lane` since the last call, up to its first n.
    void extend(const Lane& lane, std::size_t n);
    void reset();

    // Whole blocks of a level, in event order: block k covers events [k, k + 1) × eventsPerBlock.
    const std::vector<Block>& blocks(int level) const noexcept { return m_levels[static_cast<std::size_t>(level)]; }
    std::size_t summarisedEvents() const noexcept { return m_summarised; }
    std::size_t memoryBytes() const noexcept;

private:
    std::array<std::vector<Block>, levels> m_levels;
    std::size_t m_summarised = 0;
};

} // namespace ThreadLab
