#pragma once

#include "tasks/workerstate.h"

#include <QObject>

#include <cstdint>

namespace ThreadLab {

class Lane;

// A thread or process worker as the runner sees it. Lives on the runner's thread; `done` is
// emitted there once the worker has recorded its terminal state and will write no more.
class Worker : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    explicit Worker(Lane* lane, QObject* parent = nullptr);
    ~Worker() override;

    Lane* lane() const noexcept { return m_lane; }
    bool isDone() const noexcept { return m_done; }
    bool isDaemon() const noexcept;
    bool isStarted() const noexcept { return m_started; }
    // A worker that never started (a cancelled loop) still gets a terminal state.
    void finishUnstarted(WorkerState terminal);

    // Records `starting` on the lane, then starts the worker.
    virtual void start() = 0;
    // Main has ended (daemon) or the run is cancelled: thread workers see the shared StopToken;
    // a process worker is killed here.
    virtual void stop(bool cancelled) { (void)cancelled; }

Q_SIGNALS:
    void done();

protected:
    void markDone();
    void markStarted() noexcept { m_started = true; }

private:
    Lane* m_lane;
    bool m_done = false;
    bool m_started = false;
};

} // namespace ThreadLab
