#pragma once

// TaskSpec builders shared by the tests and benchmarks that run jobs directly (TaskExecutor,
// the engine with a hand-made scenario).

#include "tasks/taskspec.h"

#include <cstdint>

namespace ThreadLab {

// `ms` of CPU-bound work (the GIL is held while it runs).
inline TaskSpec cpuTask(std::int64_t ms)
{
    TaskSpec t;
    t.kind = TaskKind::Cpu;
    t.ms = ms;
    return t;
}

// A sleep of `ms`, as I/O would wait (the GIL is released while it lasts).
inline TaskSpec waitTask(std::int64_t ms)
{
    TaskSpec t;
    t.kind = TaskKind::Wait;
    t.ms = ms;
    return t;
}

} // namespace ThreadLab
