#pragma once

#include "tasks/workerstate.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace ThreadLab {

class EventSink;
class StopToken;

// The emulated GIL of one interpreter (the app is one, every child process is its own).
// It mirrors CPython's "new GIL" (Python 3.2+): a thread that wants the lock waits on a condition
// for one switch interval; if the holder has not changed meanwhile it sets a drop request. The
// holder polls that request between small steps of work, releases, and then waits until another
// thread has taken the lock (forced switching) before it queues again. A thread about to block
// releases the lock first. Every acquire and release is recorded as a state event, and the
// releasing thread records its new state before the lock is free, the acquiring one after it is
// taken, so recorded running intervals of one interpreter never overlap.
// With enabled == false (native C++) acquire/release only record the state change.
class InterpreterLock
{
public:
    InterpreterLock(bool enabled, std::int64_t switchIntervalNs);
    InterpreterLock(const InterpreterLock&) = delete;
    InterpreterLock& operator=(const InterpreterLock&) = delete;

    bool enabled() const noexcept { return m_enabled; }

    // Takes the lock for `owner`, recording waiting-for-GIL (when it must wait) and running.
    // Returns false, without the lock, if `stop` is requested while waiting.
    bool acquire(EventSink& sink, const void* owner, const StopToken* stop);
    // Records `nextState`, then releases the lock.
    void release(EventSink& sink, WorkerState nextState, std::uint32_t arg = 0);
    // Between small steps of work: honour a drop request (forced switch). Returns false if stopped
    // while waiting to get the lock back.
    bool checkpoint(EventSink& sink, const void* owner, const StopToken* stop)
    {
        if (!m_dropRequest.load(std::memory_order_relaxed))
            return true;
        return forcedSwitch(sink, owner, stop);
    }

    // After a stop request: wake every thread waiting for the lock so it sees the stop now
    // rather than at the end of its timed wait.
    void wakeWaiters();

    std::uint64_t switchCount() const noexcept { return m_switchNumber.load(std::memory_order_relaxed); }

private:
    bool forcedSwitch(EventSink& sink, const void* owner, const StopToken* stop);
    bool takeLocked(std::unique_lock<std::mutex>& lock, EventSink& sink, const void* owner,
                    const StopToken* stop, bool recordWaiting);

    const bool m_enabled;
    const std::int64_t m_switchIntervalNs;
    std::mutex m_mutex;
    std::condition_variable m_lockFreed;     // CPython's gil->cond
    std::condition_variable m_switchDone;    // CPython's gil->switch_cond
    bool m_locked = false;
    const void* m_lastHolder = nullptr;
    int m_waiters = 0;
    std::atomic<std::uint64_t> m_switchNumber {0};
    std::atomic<bool> m_dropRequest {false};
};

} // namespace ThreadLab
