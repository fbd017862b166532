#include "tasks/platform.h"

#include "tasks/monoclock.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <string>
#include <thread>

#if defined(__linux__)
#include <csignal>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(_WIN32)
#include <process.h>
#else
#include <csignal>
#include <pthread.h>
#include <unistd.h>
#endif

namespace ThreadLab {

std::int64_t Platform::currentPid()
{
#if defined(_WIN32)
    return _getpid();
#else
    return getpid();
#endif
}

namespace {

#if !defined(_WIN32)
// A POSIX CPU-time clock in ns; `otherwise` where it cannot be read.
std::int64_t cpuClockNs(clockid_t clock, std::int64_t otherwise)
{
    timespec ts {};
    if (clock_gettime(clock, &ts) == 0)
        return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    return otherwise;
}
#endif

} // namespace

std::int64_t Platform::threadCpuTimeNs()
{
#if defined(_POSIX_THREAD_CPUTIME) && !defined(_WIN32)
    return cpuClockNs(CLOCK_THREAD_CPUTIME_ID, MonoClock::nowNs());
#else
    return MonoClock::nowNs();
#endif
}

std::int64_t Platform::processCpuTimeNs()
{
#if defined(_POSIX_CPUTIME) && !defined(_WIN32)
    return cpuClockNs(CLOCK_PROCESS_CPUTIME_ID, 0);
#else
    return 0;
#endif
}

std::int64_t Platform::timerSlackNs()
{
#if defined(__linux__)
    const int slack = prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0);
    return slack > 0 ? slack : 0;
#else
    return 0;
#endif
}

void Platform::exitWithParent()
{
#if defined(__linux__)
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) // the parent died before prctl took effect
        std::_Exit(3);
#endif
    std::thread([] {
        char buf[256];
        while (std::fread(buf, 1, sizeof buf, stdin) > 0) {
        }
        std::_Exit(3); // stdin closed: the parent is gone
    }).detach();
}

void Platform::setCurrentThreadName(std::string_view name)
{
#if defined(__linux__)
    const std::string shortName(name.substr(0, 15));
    pthread_setname_np(pthread_self(), shortName.c_str());
#elif defined(__APPLE__)
    const std::string n(name);
    pthread_setname_np(n.c_str());
#else
    (void)name;
#endif
}

void Platform::setCurrentThreadTimerSlackNs(std::int64_t ns)
{
#if defined(__linux__)
    prctl(PR_SET_TIMERSLACK, static_cast<unsigned long>(std::max<std::int64_t>(ns, 1)), 0, 0, 0);
#else
    (void)ns;
#endif
}

void Platform::enterOwnGroupDyingWithParent(std::int64_t parentPid)
{
#if defined(__linux__)
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != static_cast<pid_t>(parentPid)) // the parent died before prctl took effect
        _exit(3);
#elif !defined(_WIN32)
    (void)parentPid;
    setpgid(0, 0);
#else
    (void)parentPid;
#endif
}

void Platform::killProcessGroup(std::int64_t leaderPid)
{
#if !defined(_WIN32)
    if (leaderPid > 0)
        kill(-static_cast<pid_t>(leaderPid), SIGKILL);
#else
    (void)leaderPid;
#endif
}

std::string Platform::signalName(int signal)
{
#if !defined(_WIN32)
    switch (signal) {
    case SIGSEGV: return "SIGSEGV";
    case SIGABRT: return "SIGABRT";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGILL: return "SIGILL";
    case SIGINT: return "SIGINT";
    default: break;
    }
#endif
    return "signal " + std::to_string(signal);
}

} // namespace ThreadLab
