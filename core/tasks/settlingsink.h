#pragma once

#include "tasks/eventsink.h"

#include <utility>

namespace ThreadLab {

// A worker's sink while it starts: every event goes on to the real sink unchanged, and right
// after the worker's first state is recorded `settle` runs once. That first state ends the
// worker's start latency (from "starting" to its first event), so whatever a worker does to
// settle in without needing it before its work — naming itself, watching for its parent's
// end — belongs after it, not before. (Lowering a worker's priority, done here once, made the
// kernel reschedule the thread at once, which put a wait for the CPU into every start.)
template<typename Settle>
class SettlingSink final : public EventSink
{
public:
    SettlingSink(EventSink& inner, Settle settle)
        : m_inner(inner)
        , m_settle(std::move(settle))
    {
    }

    // For a job that ends without any state: whatever was left to do is done now.
    void settle()
    {
        if (m_settled)
            return;
        m_settled = true;
        m_settle();
    }

    void state(WorkerState s, std::uint32_t arg = 0) override
    {
        m_inner.state(s, arg);
        if (!m_settled) [[unlikely]]
            settle();
    }
    void output(std::string_view line) override { m_inner.output(line); }
    void queuePut(std::int64_t value) override { m_inner.queuePut(value); }
    void counterRead(std::int64_t value) override { m_inner.counterRead(value); }
    void counterWrite(std::int64_t value) override { m_inner.counterWrite(value); }
    void ownState(const std::vector<std::int64_t>& list, std::int64_t counter) override
    {
        m_inner.ownState(list, counter);
    }
    void aboutToBlock() override { m_inner.aboutToBlock(); }
    void checkpoint() override { m_inner.checkpoint(); }

private:
    EventSink& m_inner;
    Settle m_settle;
    bool m_settled = false;
};

} // namespace ThreadLab
