#include "engine/runner.h"

#include "tasks/cpuwork.h"
#include "engine/eventlog.h"
#include "tasks/interpreterlock.h"
#include "tasks/interpreterstate.h"
#include "engine/lanesink.h"
#include "tasks/monoclock.h"
#include "engine/processworker.h"
#include "scenario/scenario.h"
#include "tasks/stoptoken.h"
#include "tasks/taskexecutor.h"
#include "engine/threadworker.h"
#include "scenario/variantplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcRunner, "threadlab.runner", QtWarningMsg)

namespace ThreadLab {

namespace {

QJsonArray toJsonArray(const std::vector<std::int64_t>& values)
{
    QJsonArray a;
    for (const std::int64_t v : values)
        a.append(static_cast<qint64>(v));
    return a;
}

} // namespace

Runner::Runner(QObject* parent)
    : QObject(parent)
    , m_workerProgram(defaultWorkerProgram())
{
}

Runner::~Runner() = default;

QString Runner::defaultWorkerProgram()
{
#if defined(Q_OS_WIN)
    const QString name = QStringLiteral("threadlab-worker.exe");
#else
    const QString name = QStringLiteral("threadlab-worker");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

void Runner::requestCancel()
{
    m_cancel.store(true);
    {
        std::lock_guard lock(m_stopMutex);
        if (m_stop)
            m_stop->request(StopReason::Cancelled);
    }
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_onCancel)
                m_onCancel();
            wake();
        },
        Qt::QueuedConnection);
}

void Runner::queueRun(const Scenario& scenario, const RunSettings& settings)
{
    {
        std::lock_guard lock(m_queuedMutex);
        m_queuedScenario = std::make_unique<Scenario>(scenario);
        m_queuedSettings = settings;
        m_cancel.store(false);
    }
    QMetaObject::invokeMethod(this, "runQueued", Qt::QueuedConnection);
}

void Runner::runQueued()
{
    std::unique_ptr<Scenario> scenario;
    RunSettings settings;
    {
        std::lock_guard lock(m_queuedMutex);
        scenario = std::move(m_queuedScenario);
        settings = m_queuedSettings;
    }
    if (scenario)
        run(*scenario, settings);
}

void Runner::wake()
{
    if (m_loop)
        m_loop->quit();
}

void Runner::waitUntil(const std::function<bool()>& done, bool interruptible)
{
    Q_ASSERT(QThread::currentThread() == thread());
    while (!done() && !(interruptible && m_cancel.load())) {
        QEventLoop loop;
        QEventLoop* outer = m_loop;
        m_loop = &loop;
        loop.exec();
        m_loop = outer;
    }
}

RunResult Runner::run(const Scenario& scenario, const RunSettings& settings)
{
    Q_ASSERT(QThread::currentThread() == thread());
    RunResult result;
    result.scenarioId = scenario.id;
    result.scenarioTitle = scenario.title;
    result.settings = settings;
    result.cores = std::max(1, QThread::idealThreadCount());
    result.timeScale = settings.timeScale > 0 ? settings.timeScale : scenario.defaultTimeScale;

    QString error;
    const std::vector<PlannedVariant> plan = VariantPlanner::plan(scenario, settings, result.cores, &error);
    if (plan.empty()) {
        result.error = error;
        Q_EMIT runFinished(result);
        return result;
    }
    const double ipm = CpuWork::iterationsPerMs();
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (m_cancel.load()) {
            result.cancelled = true;
            break;
        }
        VariantResult v = runVariant(static_cast<int>(i), plan[i], settings, result.timeScale, ipm);
        const bool cancelled = v.cancelled;
        result.variants.push_back(v);
        Q_EMIT variantFinished(static_cast<int>(i), v);
        if (cancelled) {
            result.cancelled = true;
            break;
        }
    }
    Q_EMIT runFinished(result);
    return result;
}

VariantResult Runner::runVariant(int index, const PlannedVariant& plan, const RunSettings& settings,
                                 double timeScale, double cpuIterationsPerMs)
{
    auto log = std::make_shared<EventLog>(MonoClock::nowNs());
    Lane* mainLane = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    mainLane->setPid(QCoreApplication::applicationPid());
    StopToken stop;
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = &stop;
        if (m_cancel.load())
            stop.request(StopReason::Cancelled);
    }
    InterpreterLock gil(settings.gil, std::int64_t(settings.switchIntervalMs) * 1'000'000);
    InterpreterState memory; // this interpreter's globals: the list, the counter, main's queue
    memory.setQueueNotifier([this] { QMetaObject::invokeMethod(this, [this] { wake(); }, Qt::QueuedConnection); });

    LaneSink mainSink(mainLane);
    const int mainOwner = 0; // identifies main to the GIL
    ExecutionContext base;
    base.gil = &gil;
    base.shared = &memory;
    base.stop = &stop;
    base.seed = settings.seed;
    base.timeScale = timeScale;
    base.cpuIterationsPerMs = cpuIterationsPerMs;
    ExecutionContext mainCtx = base;
    mainCtx.sink = &mainSink;
    mainCtx.name = "MainThread";
    mainCtx.laneId = mainLane->id();
    mainCtx.owner = &mainOwner;

    Q_EMIT variantStarted(index, plan.name, log);
    const std::int64_t startNs = log->originNs(); // one origin for results, timeline and exports
    mainLane->appendState(WorkerState::Created, MonoClock::nowNs());
    gil.acquire(mainSink, &mainOwner, &stop);
    bool mainHolds = true;
    bool mainFailed = false;

    auto cancelled = [this] { return m_cancel.load(); };
    auto mainWait = [&](WorkerState state, std::uint32_t arg, const std::function<bool()>& done) {
        if (done())
            return;
        gil.release(mainSink, state, arg); // arg: the lane main joins
        mainHolds = false;
        waitUntil(done);
        if (!cancelled())
            mainHolds = gil.acquire(mainSink, &mainOwner, &stop);
    };

    std::vector<std::unique_ptr<Worker>> workers;
    std::vector<ProcessWorker*> processes;
    m_onCancel = [&workers, &gil] {
        gil.wakeWaiters();
        for (auto& w : workers)
            w->stop(true);
    };

    if (plan.mode == VariantMode::Sequential) {
        for (const PlannedWorker& w : plan.workers) {
            if (cancelled())
                break;
            ExecutionContext ctx = mainCtx;
            ctx.number = w.number;
            TaskExecutor executor(ctx);
            const ExecutionResult r = executor.runTasks(w.tasks);
            if (r == ExecutionResult::Failed) {
                mainLane->setOutcomeDetail(QString::fromStdString(executor.failure()));
                mainFailed = true;
                break;
            }
            if (r == ExecutionResult::Stopped)
                break;
        }
    } else {
        for (const PlannedWorker& w : plan.workers) {
            LaneInfo info {w.name, plan.mode == VariantMode::Processes ? LaneKind::Process : LaneKind::Thread, w.daemon, {}};
            if (plan.mode == VariantMode::Threads) {
                static const char* const styles[] = {"subclass", "function", "object"};
                info.style = QString::fromLatin1(styles[static_cast<int>(w.style)]);
            }
            Lane* lane = log->addLane(info);
            lane->appendState(WorkerState::Created, MonoClock::nowNs());
            if (plan.mode == VariantMode::Threads)
                lane->setPid(QCoreApplication::applicationPid());
            std::unique_ptr<Worker> worker;
            if (plan.mode == VariantMode::Threads) {
                worker = std::make_unique<ThreadWorker>(lane, w, base);
            } else {
                WorkerJob job;
                job.name = w.name.toStdString();
                job.number = w.number;
                job.gil = settings.gil;
                job.switchIntervalNs = std::int64_t(settings.switchIntervalMs) * 1'000'000;
                job.timeScale = timeScale;
                job.cpuIterationsPerMs = cpuIterationsPerMs;
                job.seed = settings.seed;
                job.tasks = w.tasks;
                // Hung: three times all its stated work, plus time to start on a busy machine.
                const auto deadlineMs = static_cast<std::int64_t>(
                    3.0 * static_cast<double>(statedDurationMs(job.tasks)) * timeScale) + m_hangGraceMs;
                auto* p = new ProcessWorker(lane, m_workerProgram, std::move(job), deadlineMs);
                p->setMaxEvents(m_maxEventsPerChild);
                connect(p, &ProcessWorker::itemSent, this,
                        [&memory](std::int64_t value, std::uint32_t from) { memory.put(value, from); });
                processes.push_back(p);
                worker.reset(p);
            }
            connect(worker.get(), &Worker::done, this, &Runner::wake);
            workers.push_back(std::move(worker));
        }

        auto join = [&](Worker* w) {
            mainWait(WorkerState::WaitingJoin, w->lane()->id(), [w] { return w->isDone(); });
        };
        if (plan.pattern == StartPattern::StartJoinInLoop) {
            for (auto& w : workers) {
                if (cancelled())
                    break;
                w->start();
                join(w.get());
            }
        } else {
            for (auto& w : workers)
                w->start();
            if (!plan.mainTasks.empty() && !cancelled()) {
                TaskExecutor executor(mainCtx);
                if (executor.runTasks(plan.mainTasks) == ExecutionResult::Stopped)
                    mainHolds = false;
            }
            if (plan.receive) {
                int received = 0;
                auto sendersDone = [&workers] {
                    return std::all_of(workers.begin(), workers.end(), [](const auto& w) { return w->isDone(); });
                };
                while (received < plan.expectedItems && !cancelled()) {
                    InterpreterState::QueueItem item;
                    if (memory.tryGet(item)) {
                        mainLane->append(Event {MonoClock::nowNs(), EventKind::QueueGet, WorkerState::Running, 0,
                                                item.fromLane, item.value});
                        memory.append(item.value); // results.append(q.get())
                        ++received;
                        continue;
                    }
                    if (sendersDone() && memory.queueSize() == 0)
                        break; // a sender died: what it did not send will never come
                    mainWait(WorkerState::WaitingQueue, 0,
                             [&] { return memory.queueSize() > 0 || sendersDone(); });
                }
            }
            for (auto& w : workers) {
                const bool joinIt = plan.join == JoinPolicy::All || (plan.join == JoinPolicy::NonDaemon && !w->isDaemon());
                if (joinIt && !cancelled())
                    join(w.get());
            }
        }
        // Interpreter shutdown: Python waits for every non-daemon thread before it exits.
        for (auto& w : workers)
            if (!w->isDaemon() && !cancelled())
                join(w.get());
    }

    // Main ends here.
    const bool wasCancelled = cancelled();
    const WorkerState mainEnd = wasCancelled ? WorkerState::Cancelled
        : mainFailed                        ? WorkerState::Crashed
                                            : WorkerState::Finished;
    if (mainHolds)
        gil.release(mainSink, mainEnd);
    else
        mainLane->appendState(mainEnd, MonoClock::nowNs());
    const std::int64_t mainEndNs = MonoClock::nowNs();

    // Daemon workers still running are cut off; on cancel, everything is.
    stop.request(wasCancelled ? StopReason::Cancelled : StopReason::Abandoned);
    gil.wakeWaiters();
    for (auto& w : workers)
        w->stop(wasCancelled);
    // Threads notice within one small step; killed children report through QProcess.
    for (auto& w : workers)
        if (!w->isStarted())
            w->finishUnstarted(wasCancelled ? WorkerState::Cancelled : WorkerState::Abandoned);
    waitUntil([&workers] { return std::all_of(workers.begin(), workers.end(), [](const auto& w) { return w->isDone(); }); },
              false);
    m_onCancel = nullptr;
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = nullptr;
    }

    VariantResult r;
    r.name = plan.name;
    r.mode = variantModeName(plan.mode);
    r.gil = settings.gil;
    r.switchIntervalMs = settings.switchIntervalMs;
    r.timeScale = timeScale;
    r.workerCount = static_cast<int>(plan.workers.size());
    r.sweepWorkers = plan.sweepWorkers;
    r.elapsedMs = static_cast<double>(mainEndNs - startNs) / 1e6;
    r.cancelled = wasCancelled;
    const std::int64_t untilNs = std::max(mainEndNs, log->lastEventNs());
    for (int i = 0; i < log->laneCount(); ++i)
        r.workers.push_back(WorkerResult::fromLane(*log->lane(i), startNs, untilNs));
    for (WorkerResult& w : r.workers)
        for (StateInterval& s : w.intervals)
            s.startMs = std::max(0.0, s.startMs);

    // Observations: what the lesson is about, in numbers.
    QJsonObject obs;
    if (plan.hasAppend || plan.receive)
        obs.insert(QStringLiteral("parent_list"), toJsonArray(memory.list()));
    if (plan.mode == VariantMode::Processes && plan.hasAppend) {
        QJsonObject lists;
        for (ProcessWorker* p : processes)
            if (p->reportedOwnState())
                lists.insert(p->lane()->info().name, toJsonArray(p->ownList()));
        obs.insert(QStringLiteral("child_lists"), lists);
    }
    if (plan.hasIncrement) {
        if (plan.mode == VariantMode::Processes) {
            QJsonObject counters;
            for (ProcessWorker* p : processes)
                if (p->reportedOwnState())
                    counters.insert(p->lane()->info().name, static_cast<qint64>(p->ownCounter()));
            obs.insert(QStringLiteral("child_counters"), counters);
            obs.insert(QStringLiteral("counter"), static_cast<qint64>(memory.readCounter()));
        } else {
            const std::int64_t counter = memory.readCounter();
            obs.insert(QStringLiteral("counter"), static_cast<qint64>(counter));
            obs.insert(QStringLiteral("counter_expected"), static_cast<qint64>(plan.expectedIncrements));
            obs.insert(QStringLiteral("updates_lost"), static_cast<qint64>(plan.expectedIncrements - counter));
        }
    }
    if (plan.receive) {
        obs.insert(QStringLiteral("items_expected"), plan.expectedItems);
        obs.insert(QStringLiteral("items_received"), static_cast<int>(memory.list().size()));
    }
    QJsonArray cutOff;
    QJsonArray crashed;
    for (std::size_t i = 1; i < r.workers.size(); ++i) {
        const WorkerResult& w = r.workers[i];
        if (w.outcome == QLatin1String("abandoned"))
            cutOff.append(QJsonObject {{QStringLiteral("name"), w.name}, {QStringLiteral("at_ms"), r.elapsedMs}});
        if (w.outcome == QLatin1String("crashed"))
            crashed.append(QJsonObject {{QStringLiteral("name"), w.name}, {QStringLiteral("how"), w.outcomeDetail}});
    }
    if (!cutOff.isEmpty())
        obs.insert(QStringLiteral("cut_off"), cutOff);
    if (!crashed.isEmpty())
        obs.insert(QStringLiteral("crashed"), crashed);
    obs.insert(QStringLiteral("gil_switches"), static_cast<qint64>(gil.switchCount()));
    r.observations = obs;
    r.log = log;
    workers.clear();
    qCDebug(lcRunner) << "variant" << plan.name << "took" << r.elapsedMs << "ms";
    return r;
}

} // namespace ThreadLab
