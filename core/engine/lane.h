#pragma once

#include "tasks/event.h"

#include <QString>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ThreadLab {

enum class LaneKind : std::uint8_t { Main, Thread, Process };

struct LaneInfo
{
    QString name;
    LaneKind kind = LaneKind::Thread;
    bool daemon = false;
    QString style; // how a thread was created (C1), empty otherwise
};

// One worker's append-only event history. Exactly one thread writes at a time (the worker
// itself, or the runner for main and for process lanes, with a happens-before hand-over), and any
// thread may read concurrently without locks: events live in chunks that never move (256, 512,
// 1024, … events), and the count is published with release/acquire. Appending allocates only
// when a chunk fills, so about once every few thousand events.
class Lane
{
public:
    Lane(std::uint32_t id, LaneInfo info);
    ~Lane();
    Lane(const Lane&) = delete;
    Lane& operator=(const Lane&) = delete;

    std::uint32_t id() const noexcept { return m_id; }
    const LaneInfo& info() const noexcept { return m_info; }

    // Writer side. The common case stays inline: the event is written straight into the current
    // chunk (not built elsewhere and copied: a copy would read back narrow stores as one wide
    // load, which the CPU cannot forward) and the count is published with a release store; a
    // new chunk is allocated out of line when the current one is full.
    void append(const Event& e)
    {
        if (m_writeLeft == 0) [[unlikely]] {
            appendToNewChunk(e);
            return;
        }
        *m_writeCursor = e;
        publishOne();
    }
    void appendState(WorkerState s, std::int64_t tNs, std::uint32_t arg = 0)
    {
        if (m_writeLeft == 0) [[unlikely]] {
            appendToNewChunk(Event {tNs, EventKind::State, s, 0, arg, 0});
            return;
        }
        Event& e = *m_writeCursor;
        e.tNs = tNs;
        e.kind = EventKind::State;
        e.state = s;
        e.reserved = 0;
        e.arg = arg;
        e.value = 0;
        publishOne();
    }
    void appendOutput(std::int64_t tNs, std::string_view text);
    void setPid(std::int64_t pid) noexcept { m_pid.store(pid, std::memory_order_relaxed); }
    // Real CPython: the worker's native thread id (threading.get_native_id()), by which an
    // observed GIL names its holder.
    void setNativeThreadId(std::int64_t tid) noexcept { m_nativeTid.store(tid, std::memory_order_release); }
    void setOutcomeDetail(const QString& detail);

    // Reader side, any thread.
    std::size_t size() const noexcept { return m_count.load(std::memory_order_acquire); }
    const Event& at(std::size_t i) const noexcept;
    // Index of the first event with tNs >= t among the first n (binary search).
    std::size_t lowerBound(std::int64_t tNs, std::size_t n) const noexcept;
    QString text(std::uint32_t index) const;
    std::int64_t pid() const noexcept { return m_pid.load(std::memory_order_relaxed); }
    std::int64_t nativeThreadId() const noexcept { return m_nativeTid.load(std::memory_order_acquire); }
    QString outcomeDetail() const;
    std::size_t memoryBytes() const noexcept;

    static constexpr int firstChunkBits = 8;
    static constexpr int maxChunks = 26;

private:
    static void locate(std::size_t i, std::size_t& chunk, std::size_t& offset) noexcept;
    void appendToNewChunk(const Event& e);
    void publishOne() noexcept
    {
        ++m_writeCursor;
        --m_writeLeft;
        m_count.store(++m_written, std::memory_order_release);
    }

    const std::uint32_t m_id;
    const LaneInfo m_info;
    std::array<std::atomic<Event*>, maxChunks> m_chunks {};
    std::atomic<std::size_t> m_count {0};
    // The writer's own position (whoever writes now; hand-overs between writers happen-before).
    Event* m_writeCursor = nullptr;
    std::size_t m_writeLeft = 0;
    std::size_t m_written = 0;
    std::atomic<std::int64_t> m_pid {0};
    std::atomic<std::int64_t> m_nativeTid {0};
    mutable std::mutex m_textMutex; // output lines are rare next to state events
    std::vector<std::string> m_texts;
    QString m_outcomeDetail;
};

} // namespace ThreadLab
