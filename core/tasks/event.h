#pragma once

#include "tasks/workerstate.h"

#include <cstdint>

namespace ThreadLab {

enum class EventKind : std::uint8_t {
    State,    // state = the new state; arg = the lane joined (WaitingJoin) or 0
    Output,   // arg = index of the line in the lane's text store
    QueuePut, // value = the item sent
    QueueGet, // value = the item received; arg = the sending lane
    CounterRead,  // value = the shared counter's value read (C9's read step)
    CounterWrite, // value = the value written back (the read value + 1)
};

// One stored event: 24 bytes, trivially copyable, written by exactly one thread per lane.
struct Event
{
    std::int64_t tNs = 0; // MonoClock::nowNs()
    EventKind kind = EventKind::State;
    WorkerState state = WorkerState::Created;
    std::uint16_t reserved = 0;
    std::uint32_t arg = 0;
    std::int64_t value = 0;
};
static_assert(sizeof(Event) == 24, "Event must stay small: it is stored by the million");

} // namespace ThreadLab
