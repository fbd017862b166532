#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace ThreadLab {

// Why a worker must stop early. Written by the runner, read by workers between small steps.
enum class StopReason : int { None = 0, Abandoned = 1, Cancelled = 2 };

// A stop request shared by the runner and its workers, with sleeps that wake at once on a stop.
class StopToken
{
public:
    StopToken() = default;
    StopToken(const StopToken&) = delete;
    StopToken& operator=(const StopToken&) = delete;

    void request(StopReason reason);
    StopReason reason() const noexcept { return static_cast<StopReason>(m_reason.load(std::memory_order_relaxed)); }
    bool stopRequested() const noexcept { return m_reason.load(std::memory_order_relaxed) != 0; }

    // Sleeps for durationNs or until a stop is requested; returns false when stopped.
    bool sleepFor(std::int64_t durationNs);

private:
    std::atomic<int> m_reason {0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace ThreadLab
