#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

namespace ThreadLab {

// The memory one interpreter shares between its threads: Python's module-level list, a global
// counter with its threading.Lock, and the receiving end of a queue from workers to main.
// Thread workers of the app share one instance; each child process has its own.
class InterpreterState
{
public:
    struct QueueItem
    {
        std::int64_t value = 0;
        std::uint32_t fromLane = 0;
        std::int64_t putNs = 0; // when it was put, on the shared clock
    };

    InterpreterState() = default;
    InterpreterState(const InterpreterState&) = delete;
    InterpreterState& operator=(const InterpreterState&) = delete;

    void append(std::int64_t value);
    std::vector<std::int64_t> list() const;

    // The counter is read and written in two steps on purpose (the race in C9). Relaxed atomics
    // make the lost updates real without a data race in the C++ sense.
    std::int64_t readCounter() const noexcept { return m_counter.load(std::memory_order_relaxed); }
    void writeCounter(std::int64_t v) noexcept { m_counter.store(v, std::memory_order_relaxed); }
    std::mutex& counterLock() noexcept { return m_counterLock; }

    void put(std::int64_t value, std::uint32_t fromLane, std::int64_t putNs);
    bool tryGet(QueueItem& item);
    std::size_t queueSize() const;
    // Called (from the putting thread) after every put, so main can wake up.
    void setQueueNotifier(std::function<void()> notifier);

private:
    mutable std::mutex m_listMutex;
    std::vector<std::int64_t> m_list;
    std::atomic<std::int64_t> m_counter {0};
    std::mutex m_counterLock;
    mutable std::mutex m_queueMutex;
    std::deque<QueueItem> m_queue;
    std::function<void()> m_notifier;
};

} // namespace ThreadLab
