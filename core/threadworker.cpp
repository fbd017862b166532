#include "threadworker.h"

#include "lane.h"
#include "lanesink.h"
#include "monoclock.h"
#include "platform.h"
#include "settlingsink.h"

#include <QThread>

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

} // namespace

ThreadWorker::ThreadWorker(Lane* lane, const PlannedWorker& plan, const ExecutionContext& context, QObject* parent)
    : Worker(lane, parent)
    , m_plan(plan)
    , m_context(context)
{
    auto job = [this] { runJob(); };
    switch (plan.style) {
    case ThreadStyle::Subclass:
        m_thread = new JobThread(job);
        break;
    case ThreadStyle::Function: // Way 2: QThread::create with a callable.
        m_thread = QThread::create(job);
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

void ThreadWorker::runJob()
{
    LaneSink laneSink(lane());
    SettlingSink sink(laneSink, [] { Platform::lowerCurrentThreadPriority(); });
    ExecutionContext ctx = m_context;
    ctx.sink = &sink;
    ctx.name = m_plan.name.toStdString();
    ctx.number = m_plan.number;
    ctx.laneId = lane()->id();
    ctx.crashAllowed = false;
    TaskExecutor executor(ctx);
    const ExecutionResult result = executor.runJob(m_plan.tasks);
    if (result == ExecutionResult::Failed)
        lane()->setOutcomeDetail(QString::fromStdString(executor.failure()));
    m_jobEnded.store(true, std::memory_order_release);
}

} // namespace ThreadLab
