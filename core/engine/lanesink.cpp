#include "engine/lanesink.h"

#include "engine/lane.h"
#include "tasks/monoclock.h"

namespace ThreadLab {

void LaneSink::state(WorkerState s, std::uint32_t arg)
{
    m_lane->appendState(s, MonoClock::nowNs(), arg);
}

void LaneSink::output(std::string_view line)
{
    m_lane->appendOutput(MonoClock::nowNs(), line);
}

void LaneSink::queuePut(std::int64_t value)
{
    m_lane->append(Event {MonoClock::nowNs(), EventKind::QueuePut, WorkerState::Running, 0, 0, value});
}

void LaneSink::counterRead(std::int64_t value)
{
    m_lane->append(Event {MonoClock::nowNs(), EventKind::CounterRead, WorkerState::Running, 0, 0, value});
}

void LaneSink::counterWrite(std::int64_t value)
{
    m_lane->append(Event {MonoClock::nowNs(), EventKind::CounterWrite, WorkerState::Running, 0, 0, value});
}

} // namespace ThreadLab
