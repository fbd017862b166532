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
    // The CPU time of the whole process since it was created (exec does not reset it).
    static std::int64_t processCpuTimeNs();
    // Child side: make sure this process ends soon after its parent does. Linux asks the kernel
    // (PR_SET_PDEATHSIG); everywhere a thread also watches stdin, which the parent holds open
    // and the system closes when the parent dies.
    static void exitWithParent();
    // How late the kernel may end a timed sleep of the calling thread (Linux's timer slack,
    // 50 µs by default); 0 where it is not known.
    static std::int64_t timerSlackNs();
    // Names the calling thread for debuggers and `top -H` (at most 15 bytes on Linux).
    static void setCurrentThreadName(std::string_view name);
    // Linux: how much later than asked the kernel may wake this thread from a timed sleep, to
    // group wake-ups (50 µs by default). Elsewhere: nothing.
    static void setCurrentThreadTimerSlackNs(std::int64_t ns);
    // Parent side, run in a new child between fork and exec (async-signal-safe): the child
    // leads a process group of its own, so that everything it starts can be ended at once, and
    // on Linux it dies with the thread that started it. Elsewhere: nothing.
    static void enterOwnGroupDyingWithParent(std::int64_t parentPid);
    // Kills every process of the group that `leaderPid` leads (SIGKILL); where groups are not
    // known, nothing (the caller kills the leader itself).
    static void killProcessGroup(std::int64_t leaderPid);
    // "SIGSEGV" for 11 on Linux; "signal N" where the name is not known.
    static std::string signalName(int signal);
};

} // namespace ThreadLab
