#pragma once

#include "tasks/workerstate.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace ThreadLab {

// Where a running task reports what it does. In the app a sink writes into a lane of the
// EventLog; in threadlab-worker it encodes onto stdout for the parent. Called only from the
// thread that executes the task.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void state(WorkerState s, std::uint32_t arg = 0) = 0;
    virtual void output(std::string_view line) = 0;
    virtual void queuePut(std::int64_t value) = 0;
    // The two steps of counter = counter + 1, each with the counter's value: what was read, and
    // what was written back. One event each, like an output mark.
    virtual void counterRead(std::int64_t value) { (void)value; }
    virtual void counterWrite(std::int64_t value) { (void)value; }
    // End-of-job report of this interpreter's own shared list and counter (process workers).
    virtual void ownState(const std::vector<std::int64_t>& list, std::int64_t counter)
    {
        (void)list;
        (void)counter;
    }
    // Called before the executor blocks (sleep, lock): a buffered sink flushes here.
    virtual void aboutToBlock() { }
    // Called between small steps of CPU work (every ~25 µs): a buffered sink may flush here so
    // that a busy worker still shows up live.
    virtual void checkpoint() { }
};

} // namespace ThreadLab
