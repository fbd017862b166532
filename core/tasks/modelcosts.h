#pragma once

#include <cstdint>

namespace ThreadLab {

// What the model charges for the parts of Python it does not run itself, for one run's start
// method. All zero is the uncalibrated model and native C++: a process costs what starting
// threadlab-worker costs, time.sleep(0) only yields, Thread.start() hands nothing over.
// Figures come from CPythonCosts (measured, or the development machine's), never from a guess.
struct ModelCosts
{
    std::int64_t processStartParentNs = 0; // Process.start() blocks the parent (CPU, GIL held)
    std::int64_t processBootNs = 0;        // start() returning to the child's first line (CPU)
    std::int64_t processExitNs = 0;        // the target's last line to join() returning (CPU)
    std::int64_t sleep0Ns = 0;             // one time.sleep(0); 0: a plain yield
    std::int64_t processQueueLatencyNs = 0; // multiprocessing.Queue put -> get
    std::int64_t threadQueueLatencyNs = 0;  // queue.Queue put -> get
    std::int64_t processQueueCreateNs = 0;  // multiprocessing.Queue() (CPU, GIL held)
    bool threadStartHandOver = false;       // Thread.start() lets the new thread run first

    bool any() const noexcept
    {
        return processStartParentNs || processBootNs || processExitNs || sleep0Ns || processQueueLatencyNs
            || threadQueueLatencyNs || processQueueCreateNs || threadStartHandOver;
    }
};

} // namespace ThreadLab
