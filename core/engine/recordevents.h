#pragma once

#include "engine/lane.h"
#include "wire/wiredecoder.h"

namespace ThreadLab {

// The events a child's record puts on its lane as they are: output lines, queue puts, counter
// reads and writes (at tNs, already kept in the lane's time order). Returns false for the other
// record types, which each reader handles itself.
inline bool appendRecordEvent(Lane& lane, const WireRecord& r, std::int64_t tNs)
{
    switch (r.type) {
    case 'O': lane.appendOutput(tNs, r.text); return true;
    case 'P': lane.append(Event {tNs, EventKind::QueuePut, WorkerState::Running, 0, 0, r.value}); return true;
    case 'R':
    case 'W':
        lane.append(Event {tNs, r.type == 'R' ? EventKind::CounterRead : EventKind::CounterWrite, WorkerState::Running,
                           0, 0, r.value});
        return true;
    default: return false;
    }
}

} // namespace ThreadLab
