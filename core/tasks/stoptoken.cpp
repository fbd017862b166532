#include "tasks/stoptoken.h"

#include <chrono>

namespace ThreadLab {

void StopToken::request(StopReason reason)
{
    {
        std::lock_guard lock(m_mutex);
        int expected = 0;
        // The first reason wins: a cancelled run stays cancelled even if main then ends.
        m_reason.compare_exchange_strong(expected, static_cast<int>(reason));
    }
    m_wake.notify_all();
}

bool StopToken::sleepFor(std::int64_t durationNs)
{
    if (durationNs <= 0)
        return !stopRequested();
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::nanoseconds(durationNs), [this] { return stopRequested(); });
}

} // namespace ThreadLab
