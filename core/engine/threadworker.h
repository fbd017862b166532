#pragma once

#include "tasks/taskexecutor.h"
#include "scenario/variantplan.h"
#include "engine/worker.h"

#include <atomic>
#include <condition_variable>
#include <mutex>

class QThread;

namespace ThreadLab {

class StopToken;

// A worker on a real QThread, made in one of the three ways C1 teaches: a QThread subclass
// overriding run(), QThread::create() with a function, or a worker object moved to a thread.
class ThreadWorker final : public Worker
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadWorker)

public:
    // `context` carries the interpreter (GIL, shared memory), stop token, time scale and seed;
    // the sink is set up on the worker's own thread.
    ThreadWorker(Lane* lane, const PlannedWorker& plan, const ExecutionContext& context, QObject* parent = nullptr);
    ~ThreadWorker() override;

    void start() override;
    // Blocks until the new thread has taken the GIL for the first time (or could not), or
    // `stop` is requested: the other side of Thread.start()'s hand-shake.
    void waitUntilRunning(const StopToken& stop);

private:
    static constexpr unsigned workerStackBytes = 256 * 1024; // see the constructor

    void runJob(); // on the worker thread
    void onThreadFinished();

    PlannedWorker m_plan;
    ExecutionContext m_context;
    QThread* m_thread = nullptr;
    QObject* m_jobObject = nullptr; // ThreadStyle::Object only, lives on m_thread
    // The worker thread's last write. Qt's QThread::wait()/finished() order everything before
    // it, but inside Qt where sanitizers cannot see; this release/acquire pair says it in C++.
    std::atomic<bool> m_jobEnded {false};
    std::mutex m_runningMutex;
    std::condition_variable m_runningChanged;
    bool m_running = false; // under m_runningMutex
};

} // namespace ThreadLab
