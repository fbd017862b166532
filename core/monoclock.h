#pragma once

#include <chrono>
#include <cstdint>

namespace ThreadLab {

// The one clock of ThreadLab. std::chrono::steady_clock is CLOCK_MONOTONIC on Linux,
// QueryPerformanceCounter on Windows and mach_continuous/absolute time on macOS: all of them
// system-wide, so timestamps taken in a child process line up with the parent's.
class MonoClock
{
public:
    static std::int64_t nowNs() noexcept
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace ThreadLab
