#pragma once

#include <cstdint>
#include <string_view>

namespace ThreadLab {

// The few things that differ per operating system, in one place, each with a portable fallback.
class Platform
{
public:
    static std::int64_t currentPid();
    // CPU time the calling thread has used, in ns; the monotonic clock where unavailable.
    static std::int64_t threadCpuTimeNs();
    // Child side: make sure this process ends soon after its parent does. Linux asks the kernel
    // (PR_SET_PDEATHSIG); everywhere a thread also watches stdin, which the parent holds open
    // and the system closes when the parent dies.
    static void exitWithParent();
    // The window's thread asks to be run soon after it wakes, without taking a larger share of
    // the CPU than any other thread: workers keep the priority they were started with, as
    // Python's threads and processes do, and the window still answers while they keep every
    // core busy. Linux 6.12 and later: a short time slice for the calling thread (sched_setattr's
    // slice request for normal threads; the scheduler picks a thread with a short slice first
    // when it wakes, and its weight is unchanged). Returns false where there is no such request
    // (older kernels accept and ignore it, other systems have none).
    static bool requestShortTimeSlices(std::int64_t sliceNs);
    // Names the calling thread for debuggers and `top -H` (at most 15 bytes on Linux).
    static void setCurrentThreadName(std::string_view name);
    // "SIGSEGV" for 11 on Linux; "signal N" where the name is not known.
    static std::string signalName(int signal);
};

} // namespace ThreadLab
