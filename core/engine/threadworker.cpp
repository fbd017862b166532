#include "engine/threadworker.h"

#include "engine/lane.h"
#include "engine/lanesink.h"
#include "tasks/monoclock.h"
#include "tasks/stoptoken.h"

#include <QAbstractEventDispatcher>
#include <QThread>

#include <chrono>
#include <functional>

namespace ThreadLab {

namespace {

// Way 1: subclass QThread and override run().
class JobThread final : public QThread
{
public:
    explicit JobThread(std::function<void()> job)
        : m_job(std::move(job))
    {
    }

protected:
    void run() override { m_job(); }

private:
    std::function<void()> m_job;
};

// Way 3: a plain object whose slot does the work, moved to a QThread that runs an event loop.
class JobObject final : public QObject
{
public:
    explicit JobObject(std::function<void()> job)
        : m_job(std::move(job))
    {
    }
    void work()
    {
        m_job();
        thread()->quit();
    }

private:
    std::function<void()> m_job;
};

// The event dispatcher of a thread that never runs an event loop. Qt 6.4 builds one for every
// thread it starts, on the new thread before run(): with GLib a GMainContext, its sources and an
// eventfd, about half of what a new thread does before the worker's first event. Ways 1 and 2
// only run their job, so they are given this one instead, made before the start is requested.
class NoEventLoop final : public QAbstractEventDispatcher
{
public:
    bool processEvents(QEventLoop::ProcessEventsFlags) override { return false; }
    void registerSocketNotifier(QSocketNotifier*) override { unsupported(); }
    void unregisterSocketNotifier(QSocketNotifier*) override { }
    void registerTimer(int, qint64, Qt::TimerType, QObject*) override { unsupported(); }
    bool unregisterTimer(int) override { return false; }
    bool unregisterTimers(QObject*) override { return false; }
    QList<TimerInfo> registeredTimers(QObject*) const override { return {}; }
    int remainingTime(int) override { return -1; }
    void wakeUp() override { }
    void interrupt() override { }

private:
    static void unsupported()
    {
        qWarning("ThreadLab: a worker thread without an event loop was asked for a timer or socket notifier");
    }
};

} // namespace

ThreadWorker::ThreadWorker(Lane* lane, const PlannedWorker& plan, const ExecutionContext& context, QObject* parent)
    : Worker(lane, parent)
    , m_plan(plan)
    , m_context(context)
{
    // Everything but the sink is known now: less to do on the new thread before its first event.
    m_context.name = plan.name.toStdString();
    m_context.number = plan.number;
    m_context.laneId = lane->id();
    m_context.crashAllowed = false;
    m_context.onRunning = [this] {
        {
            std::lock_guard lock(m_runningMutex);
            m_running = true;
        }
        m_runningChanged.notify_all();
    };
    auto job = [this] { runJob(); };
    switch (plan.style) {
    case ThreadStyle::Subclass:
        m_thread = new JobThread(job);
        m_thread->setEventDispatcher(new NoEventLoop);
        break;
    case ThreadStyle::Function: // Way 2: QThread::create with a callable.
        m_thread = QThread::create(job);
        m_thread->setEventDispatcher(new NoEventLoop);
        break;
    case ThreadStyle::Object: {
        m_thread = new QThread;
        auto* object = new JobObject(job);
        object->moveToThread(m_thread);
        connect(m_thread, &QThread::started, object, &JobObject::work);
        connect(m_thread, &QThread::finished, object, &QObject::deleteLater);
        m_jobObject = object;
        break;
    }
    }
    // Qt names the thread after its object name as it starts it (Linux, macOS).
    m_thread->setObjectName(plan.name);
    // A job's code is shallow. Stacks of the 8 MiB default were mapped at each start (mmap and a
    // guard page's mprotect, after "starting") and unmapped at each end: glibc keeps only 40 MiB
    // of stacks for reuse, and a run holds up to 256 threads at once. At 256 KiB (macOS gives
    // 512 KiB, musl 128 KiB) the next run takes its stacks from that cache and maps nothing.
    m_thread->setStackSize(workerStackBytes);
    // finished is emitted on the worker thread; the queued slot runs on ours, after the thread's
    // last event was recorded.
    connect(m_thread, &QThread::finished, this, &ThreadWorker::onThreadFinished, Qt::QueuedConnection);
}

ThreadWorker::~ThreadWorker()
{
    m_thread->wait();
    (void)m_jobEnded.load(std::memory_order_acquire);
    delete m_thread;
}

void ThreadWorker::onThreadFinished()
{
    (void)m_jobEnded.load(std::memory_order_acquire);
    markDone();
}

void ThreadWorker::start()
{
    markStarted();
    lane()->appendState(WorkerState::Starting, MonoClock::nowNs());
    m_thread->start();
}

void ThreadWorker::waitUntilRunning(const StopToken& stop)
{
    std::unique_lock lock(m_runningMutex);
    // A stop is not signalled on our condition: look at it every millisecond.
    while (!m_running && !stop.stopRequested())
        m_runningChanged.wait_for(lock, std::chrono::milliseconds(1));
}

void ThreadWorker::runJob()
{
    LaneSink laneSink(lane());
    ExecutionContext ctx = m_context;
    ctx.sink = &laneSink;
    TaskExecutor executor(std::move(ctx));
    const ExecutionResult result = executor.runJob(m_plan.tasks);
    if (result == ExecutionResult::Failed)
        lane()->setOutcomeDetail(QString::fromStdString(executor.failure()));
    m_jobEnded.store(true, std::memory_order_release);
}

} // namespace ThreadLab
