#pragma once

#include "tasks/workerstate.h"

#include <array>
#include <cstdint>

namespace ThreadLab {

// A screen block of a lane: pixel columns [x0, x1) of the plot, standing for one state interval
// or for a fold of narrow intervals (LaneFolder makes them, the lane painter draws them).
struct TimelineBlock
{
    int x0 = 0;
    int x1 = 0;
    WorkerState state = WorkerState::Running; // the dominant state (most time)
    int count = 1;                             // intervals folded in (1 = one plain interval)
    std::int64_t startNs = 0;                  // since the origin, clipped to the window
    std::int64_t endNs = 0;
    std::uint32_t arg = 0;                     // of the first interval (the joined lane)
    std::array<double, workerStateCount> stateNs {}; // time spent in each state

    int width() const noexcept { return x1 - x0; }
    // More than one state inside: a fold of narrow intervals of different states.
    bool mixed() const noexcept
    {
        int states = 0;
        for (double ns : stateNs)
            states += ns > 0 ? 1 : 0;
        return states > 1;
    }
};

} // namespace ThreadLab
