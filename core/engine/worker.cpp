#include "engine/worker.h"

#include "engine/lane.h"
#include "tasks/monoclock.h"

namespace ThreadLab {

Worker::Worker(Lane* lane, QObject* parent)
    : QObject(parent)
    , m_lane(lane)
{
}

Worker::~Worker() = default;

bool Worker::isDaemon() const noexcept
{
    return m_lane->info().daemon;
}

void Worker::finishUnstarted(WorkerState terminal)
{
    if (m_started || m_done)
        return;
    m_lane->appendState(terminal, MonoClock::nowNs());
    markDone();
}

void Worker::markDone()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT done();
}

} // namespace ThreadLab
