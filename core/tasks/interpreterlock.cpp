#include "tasks/interpreterlock.h"

#include "tasks/eventsink.h"
#include "tasks/stoptoken.h"

#include <chrono>

namespace ThreadLab {

InterpreterLock::InterpreterLock(bool enabled, std::int64_t switchIntervalNs)
    : m_enabled(enabled)
    , m_switchIntervalNs(switchIntervalNs > 0 ? switchIntervalNs : 5'000'000)
{
}

bool InterpreterLock::acquire(EventSink& sink, const void* owner, const StopToken* stop)
{
    if (!m_enabled) {
        sink.state(WorkerState::Running);
        return true;
    }
    std::unique_lock lock(m_mutex);
    return takeLocked(lock, sink, owner, stop, true);
}

bool InterpreterLock::takeLocked(std::unique_lock<std::mutex>& lock, EventSink& sink, const void* owner,
                                 const StopToken* stop, bool recordWaiting)
{
    if (m_locked) {
        if (recordWaiting)
            sink.state(WorkerState::WaitingGil);
        ++m_waiters;
        const auto interval = std::chrono::nanoseconds(m_switchIntervalNs);
        while (m_locked) {
            if (stop && stop->stopRequested()) {
                --m_waiters;
                m_switchDone.notify_all(); // a holder in forced switching must not wait for us
                return false;
            }
            const std::uint64_t saved = m_switchNumber.load(std::memory_order_relaxed);
            const bool timedOut = m_lockFreed.wait_for(lock, interval) == std::cv_status::timeout;
            if (timedOut && m_locked && m_switchNumber.load(std::memory_order_relaxed) == saved)
                m_dropRequest.store(true, std::memory_order_relaxed);
        }
        --m_waiters;
    }
    m_locked = true;
    m_lastHolder = owner;
    m_switchNumber.fetch_add(1, std::memory_order_relaxed);
    m_dropRequest.store(false, std::memory_order_relaxed);
    m_switchDone.notify_all();
    sink.state(WorkerState::Running);
    return true;
}

void InterpreterLock::release(EventSink& sink, WorkerState nextState, std::uint32_t arg)
{
    if (!m_enabled) {
        sink.state(nextState, arg);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        sink.state(nextState, arg);
        m_locked = false;
    }
    m_lockFreed.notify_one();
}

void InterpreterLock::wakeWaiters()
{
    {
        std::lock_guard lock(m_mutex); // pairs with the waiters' predicate checks
    }
    m_lockFreed.notify_all();
    m_switchDone.notify_all();
}

bool InterpreterLock::forcedSwitch(EventSink& sink, const void* owner, const StopToken* stop)
{
    std::unique_lock lock(m_mutex);
    if (!m_dropRequest.load(std::memory_order_relaxed))
        return true;
    sink.state(WorkerState::WaitingGil);
    m_locked = false;
    m_lockFreed.notify_one();
    // Forced switching: do not compete again until somebody else has had the lock.
    const auto interval = std::chrono::nanoseconds(m_switchIntervalNs);
    while (m_lastHolder == owner && m_waiters > 0 && !(stop && stop->stopRequested()))
        m_switchDone.wait_for(lock, interval);
    return takeLocked(lock, sink, owner, stop, false);
}

} // namespace ThreadLab
