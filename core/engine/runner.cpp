#include "engine/runner.h"

#include "engine/cpythonvariant.h"
#include "tasks/cpuwork.h"
#include "engine/eventlog.h"
#include "tasks/interpreterlock.h"
#include "tasks/interpreterstate.h"
#include "engine/lanesink.h"
#include "tasks/monoclock.h"
#include "engine/processworker.h"
#include "python/cpythoncosts.h"
#include "python/pythoninterpreter.h"
#include "python/runtimefiles.h"
#include "scenario/scenario.h"
#include "tasks/stoptoken.h"
#include "tasks/taskexecutor.h"
#include "engine/threadworker.h"
#include "scenario/variantplan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

Q_LOGGING_CATEGORY(lcRunner, "threadlab.runner", QtWarningMsg)

namespace ThreadLab {

struct Runner::VariantRun
{
    VariantRun(const PlannedVariant& plannedVariant, const RunSettings& runSettings, double scale, double ipm);

    const PlannedVariant& plan;
    const RunSettings& settings;
    const double timeScale;
    const double cpuIterationsPerMs;
    const ModelCosts costs; // CPython's own costs in the Python model; zero otherwise
    const std::shared_ptr<EventLog> log; // its origin is the variant's start, for every view
    Lane* const mainLane;
    StopToken stop;
    InterpreterLock gil;
    InterpreterState memory; // this interpreter's globals: the list, the counter, main's queue
    LaneSink mainSink;
    const int mainOwner = 0; // identifies main to the GIL
    ExecutionContext base;   // what every thread worker of this interpreter shares
    ExecutionContext mainCtx;
    bool mainHolds = false;
    bool mainFailed = false;
    bool cancelled = false;  // as main ended
    std::int64_t mainEndNs = 0;
    std::vector<std::unique_ptr<Worker>> workers;
    std::vector<ProcessWorker*> processes; // owned by workers
};

Runner::VariantRun::VariantRun(const PlannedVariant& plannedVariant, const RunSettings& runSettings, double scale,
                               double ipm)
    : plan(plannedVariant)
    , settings(runSettings)
    , timeScale(scale)
    , cpuIterationsPerMs(ipm)
    , costs(runSettings.pythonModel() && runSettings.modelCosts ? runSettings.modelCosts->modelCosts(runSettings.startMethod)
                                                                : ModelCosts {})
    , log(std::make_shared<EventLog>(MonoClock::nowNs(), runSettings.gil))
    , mainLane(log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}}))
    , gil(runSettings.gil, std::int64_t(runSettings.switchIntervalMs) * 1'000'000)
    , mainSink(mainLane)
{
    mainLane->setPid(QCoreApplication::applicationPid());
    base.gil = &gil;
    base.shared = &memory;
    base.stop = &stop;
    base.seed = settings.seed;
    base.timeScale = timeScale;
    base.cpuIterationsPerMs = cpuIterationsPerMs;
    base.costs = costs;
    mainCtx = base;
    mainCtx.sink = &mainSink;
    mainCtx.name = "MainThread";
    mainCtx.laneId = mainLane->id();
    mainCtx.owner = &mainOwner;
}

Runner::Runner(QObject* parent)
    : QObject(parent)
    , m_workerProgram(defaultWorkerProgram())
    , m_pythonRuntime(defaultPythonRuntime())
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

QString Runner::defaultPythonRuntime()
{
    return RuntimeFiles::pythonProgram(QStringLiteral("threadlab_runtime.py"));
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

RunResult Runner::run(const Scenario& scenario, const RunSettings& asked)
{
    Q_ASSERT(QThread::currentThread() == thread());
    RunSettings settings = asked;
    if (settings.pythonModel() && settings.loadModelCosts && !settings.modelCosts)
        settings.modelCosts = std::make_shared<const CPythonCosts>(
            CPythonCosts::load(PythonInterpreter::probe(settings.python), CPythonCosts::Options {}));
    RunResult result;
    result.scenarioId = scenario.id;
    result.scenarioTitle = scenario.title;
    result.scenarioTitleTranslations = scenario.titleTranslations;
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
    if (settings.engine == EngineKind::CPython) {
        m_python = PythonInterpreter::probe(settings.python);
        if (!m_python.usable() || !QFileInfo(m_pythonRuntime).isFile()) {
            result.error = m_python.usable()
                ? tr("ThreadLab's CPython runtime is missing: %1 (reinstall ThreadLab)").arg(m_pythonRuntime)
                : m_python.error();
            Q_EMIT runFinished(result);
            return result;
        }
        m_startMethod = settings.startMethod.isEmpty() ? m_python.defaultStartMethod() : settings.startMethod;
        m_pythonLoopIterationsPerMs = 0; // the run's first variant measures it, the others reuse it
        result.python = PythonRunInfo {m_python.path(), m_python.version(), m_python.gilEnabled(), m_startMethod,
                                       static_cast<double>(settings.switchIntervalMs)};
    }
    const double ipm = settings.engine == EngineKind::CPython ? 0.0 : CpuWork::iterationsPerMs();
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
    if (settings.engine == EngineKind::CPython)
        return runCPythonVariant(index, plan, settings, timeScale);
    VariantRun run(plan, settings, timeScale, cpuIterationsPerMs);
    beginVariant(index, run);
    if (plan.mode == VariantMode::Sequential) {
        runSequential(run);
    } else {
        createWorkers(run);
        if (plan.pattern == StartPattern::StartJoinInLoop)
            runStartJoinInLoop(run);
        else
            runStartAllThenJoin(run);
        joinNonDaemons(run);
    }
    endMain(run);
    shutDownWorkers(run);
    const VariantFacts f = facts(run);
    VariantResult r = collectResult(f);
    r.observations = observe(f, r);
    run.workers.clear();
    qCDebug(lcRunner) << "variant" << plan.name << "took" << r.elapsedMs << "ms";
    return r;
}

VariantResult Runner::runCPythonVariant(int index, const PlannedVariant& plan, const RunSettings& settings,
                                        double timeScale)
{
    CPythonVariant::Setup setup;
    setup.python = m_python.path();
    setup.runtime = m_pythonRuntime;
    setup.startMethod = m_startMethod;
    setup.gilEnabled = m_python.gilEnabled();
    setup.pythonMajor = m_python.majorVersion();
    setup.pythonMinor = m_python.minorVersion();
    setup.hangGraceMs = m_hangGraceMs;
    setup.maxEventsPerLane = m_maxEventsPerChild;
    setup.loopIterationsPerMs = m_pythonLoopIterationsPerMs;
    CPythonVariant variant(plan, settings, timeScale, setup);
    connect(&variant, &CPythonVariant::started, this, [this, index, &plan](const std::shared_ptr<const EventLog>& log) {
        Q_EMIT variantStarted(index, plan.name, log);
    });
    connect(&variant, &CPythonVariant::done, this, &Runner::wake);
    m_onCancel = [&variant] { variant.cancel(); };
    variant.start();
    if (m_cancel.load())
        variant.cancel();
    waitUntil([&variant] { return variant.isDone(); }, false);
    m_onCancel = nullptr;
    const VariantFacts f = variant.facts();
    // One amount of work for every variant of the run, as a tutorial's fixed N: measured once.
    if (m_pythonLoopIterationsPerMs <= 0)
        m_pythonLoopIterationsPerMs = f.loopIterationsPerMs;
    VariantResult r = collectResult(f);
    r.observations = observe(f, r);
    return r;
}

LaneInfo Runner::workerLaneInfo(const PlannedVariant& variant, const PlannedWorker& worker)
{
    const bool threads = variant.mode == VariantMode::Threads;
    LaneInfo info {worker.name, threads ? LaneKind::Thread : LaneKind::Process, worker.daemon, {}};
    if (threads)
        info.style = enumText(worker.style);
    return info;
}

void Runner::beginVariant(int index, VariantRun& run)
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = &run.stop;
        if (m_cancel.load())
            run.stop.request(StopReason::Cancelled);
    }
    run.memory.setQueueNotifier([this] { QMetaObject::invokeMethod(this, [this] { wake(); }, Qt::QueuedConnection); });
    m_onCancel = [&run] {
        run.gil.wakeWaiters();
        for (auto& w : run.workers)
            w->stop(true);
    };
    Q_EMIT variantStarted(index, run.plan.name, run.log);
    run.mainLane->appendState(WorkerState::Created, MonoClock::nowNs());
    run.gil.acquire(run.mainSink, &run.mainOwner, &run.stop);
    run.mainHolds = true;
}

void Runner::mainWait(VariantRun& run, WorkerState state, std::uint32_t arg, const std::function<bool()>& done)
{
    if (!done())
        mainBlocks(run, state, arg, [this, &done] { waitUntil(done); });
}

void Runner::mainBlocks(VariantRun& run, WorkerState state, std::uint32_t arg, const std::function<void()>& block)
{
    run.gil.release(run.mainSink, state, arg);
    run.mainHolds = false;
    block();
    if (!m_cancel.load())
        run.mainHolds = run.gil.acquire(run.mainSink, &run.mainOwner, &run.stop);
}

void Runner::join(VariantRun& run, Worker* worker)
{
    mainWait(run, WorkerState::WaitingJoin, worker->lane()->id(), [worker] { return worker->isDone(); });
}

void Runner::runSequential(VariantRun& run)
{
    for (const PlannedWorker& w : run.plan.workers) {
        if (m_cancel.load())
            break;
        ExecutionContext ctx = run.mainCtx;
        ctx.number = w.number;
        TaskExecutor executor(ctx);
        const ExecutionResult r = executor.runTasks(w.tasks);
        if (r == ExecutionResult::Failed) {
            run.mainLane->setOutcomeDetail(QString::fromStdString(executor.failure()));
            run.mainFailed = true;
            break;
        }
        if (r == ExecutionResult::Stopped)
            break;
    }
}

void Runner::createWorkers(VariantRun& run)
{
    for (const PlannedWorker& w : run.plan.workers) {
        std::unique_ptr<Worker> worker = createWorker(run, w);
        connect(worker.get(), &Worker::done, this, &Runner::wake);
        run.workers.push_back(std::move(worker));
    }
}

std::unique_ptr<Worker> Runner::createWorker(VariantRun& run, const PlannedWorker& planned)
{
    const bool threads = run.plan.mode == VariantMode::Threads;
    Lane* lane = run.log->addLane(workerLaneInfo(run.plan, planned));
    lane->appendState(WorkerState::Created, MonoClock::nowNs());
    if (!threads)
        return std::unique_ptr<Worker>(createProcessWorker(run, planned, lane));
    lane->setPid(QCoreApplication::applicationPid());
    return std::make_unique<ThreadWorker>(lane, planned, run.base);
}

ProcessWorker* Runner::createProcessWorker(VariantRun& run, const PlannedWorker& planned, Lane* lane)
{
    WorkerJob job;
    job.name = planned.name.toStdString();
    job.number = planned.number;
    job.gil = run.settings.gil;
    job.switchIntervalNs = std::int64_t(run.settings.switchIntervalMs) * 1'000'000;
    job.timeScale = run.timeScale;
    job.cpuIterationsPerMs = run.cpuIterationsPerMs;
    job.seed = run.settings.seed;
    job.tasks = planned.tasks;
    job.bootNs = run.costs.processBootNs;
    job.exitNs = run.costs.processExitNs;
    job.sleep0Ns = run.costs.sleep0Ns;
    // Hung: three times all its stated work and CPython's costs, plus time to start on a busy machine.
    const auto deadlineMs = static_cast<std::int64_t>(
        3.0 * (static_cast<double>(statedDurationMs(job.tasks)) * run.timeScale
               + static_cast<double>(job.bootNs + job.exitNs) / 1e6)) + m_hangGraceMs;
    auto* p = new ProcessWorker(lane, m_workerProgram, std::move(job), deadlineMs);
    p->setMaxEvents(m_maxEventsPerChild);
    InterpreterState* memory = &run.memory;
    connect(p, &ProcessWorker::itemSent, this,
            [memory](std::int64_t value, std::uint32_t from, std::int64_t putNs) { memory->put(value, from, putNs); });
    run.processes.push_back(p);
    return p;
}

void Runner::runStartJoinInLoop(VariantRun& run)
{
    for (auto& w : run.workers) {
        if (m_cancel.load())
            break;
        startWorker(run, *w);
        join(run, w.get());
    }
}

void Runner::runStartAllThenJoin(VariantRun& run)
{
    const PlannedVariant& plan = run.plan;
    if (plan.receive && plan.mode == VariantMode::Processes)
        spendMainCpu(run, run.costs.processQueueCreateNs); // q = multiprocessing.Queue()
    for (auto& w : run.workers)
        startWorker(run, *w);
    if (!plan.mainTasks.empty() && !m_cancel.load()) {
        TaskExecutor executor(run.mainCtx);
        if (executor.runTasks(plan.mainTasks) == ExecutionResult::Stopped)
            run.mainHolds = false;
    }
    if (plan.receive)
        receiveItems(run);
    for (auto& w : run.workers) {
        const bool joinIt = plan.join == JoinPolicy::All || (plan.join == JoinPolicy::NonDaemon && !w->isDaemon());
        if (joinIt && !m_cancel.load())
            join(run, w.get());
    }
}

void Runner::startWorker(VariantRun& run, Worker& worker)
{
    const std::int64_t beforeNs = MonoClock::nowNs();
    worker.start();
    if (!run.mainHolds)
        return;
    if (run.plan.mode == VariantMode::Processes) {
        // Process.start(): main forks or spawns while holding the GIL; our own start counts.
        spendMainCpu(run, run.costs.processStartParentNs - (MonoClock::nowNs() - beforeNs));
        return;
    }
    auto* thread = qobject_cast<ThreadWorker*>(&worker);
    if (!run.costs.threadStartHandOver || !run.gil.enabled() || !thread)
        return;
    // Thread.start() waits for the new thread's "started" event: main lets go of the GIL, the new
    // thread takes it and runs first, and main queues for the GIL again.
    mainBlocks(run, WorkerState::WaitingLock, 0, [thread, &run] { thread->waitUntilRunning(run.stop); });
}

void Runner::spendMainCpu(VariantRun& run, std::int64_t ns)
{
    if (ns <= 0 || !run.mainHolds)
        return;
    TaskExecutor executor(run.mainCtx);
    if (!executor.spendCpuNs(ns))
        run.mainHolds = false; // cancelled while it had let go of the GIL
}

void Runner::receiveItems(VariantRun& run)
{
    const bool processes = run.plan.mode == VariantMode::Processes;
    int received = 0;
    auto sendersDone = [&run] {
        return std::all_of(run.workers.begin(), run.workers.end(), [](const auto& w) { return w->isDone(); });
    };
    while (received < run.plan.expectedItems && !m_cancel.load()) {
        InterpreterState::QueueItem item;
        if (run.memory.tryGet(item)) {
            // q.get() returns no sooner than CPython's queue would deliver the item.
            const std::int64_t dueNs = item.putNs + (processes ? run.costs.processQueueLatencyNs : run.costs.threadQueueLatencyNs);
            if (run.mainHolds && dueNs > MonoClock::nowNs())
                mainBlocks(run, WorkerState::WaitingQueue, 0,
                           [&run, dueNs] { run.stop.sleepFor(dueNs - MonoClock::nowNs()); });
            run.mainLane->append(
                Event {MonoClock::nowNs(), EventKind::QueueGet, WorkerState::Running, 0, item.fromLane, item.value});
            run.memory.append(item.value); // results.append(q.get())
            ++received;
            continue;
        }
        if (sendersDone() && run.memory.queueSize() == 0)
            break; // a sender died: what it did not send will never come
        mainWait(run, WorkerState::WaitingQueue, 0, [&run, &sendersDone] { return run.memory.queueSize() > 0 || sendersDone(); });
    }
}

void Runner::joinNonDaemons(VariantRun& run)
{
    // Interpreter shutdown: Python waits for every non-daemon thread before it exits.
    for (auto& w : run.workers)
        if (!w->isDaemon() && !m_cancel.load())
            join(run, w.get());
}

void Runner::endMain(VariantRun& run)
{
    run.cancelled = m_cancel.load();
    const WorkerState mainEnd = run.cancelled ? WorkerState::Cancelled
        : run.mainFailed                      ? WorkerState::Crashed
                                              : WorkerState::Finished;
    if (run.mainHolds)
        run.gil.release(run.mainSink, mainEnd);
    else
        run.mainLane->appendState(mainEnd, MonoClock::nowNs());
    run.mainEndNs = MonoClock::nowNs();
}

void Runner::shutDownWorkers(VariantRun& run)
{
    // Daemon workers still running are cut off; on cancel, everything is.
    run.stop.request(run.cancelled ? StopReason::Cancelled : StopReason::Abandoned);
    run.gil.wakeWaiters();
    for (auto& w : run.workers)
        w->stop(run.cancelled);
    // Threads notice within one small step; killed children report through QProcess.
    for (auto& w : run.workers)
        if (!w->isStarted())
            w->finishUnstarted(run.cancelled ? WorkerState::Cancelled : WorkerState::Abandoned);
    const auto& workers = run.workers;
    waitUntil([&workers] { return std::all_of(workers.begin(), workers.end(), [](const auto& w) { return w->isDone(); }); },
              false);
    m_onCancel = nullptr;
    std::lock_guard lock(m_stopMutex);
    m_stop = nullptr;
}

VariantFacts Runner::facts(const VariantRun& run)
{
    VariantFacts f;
    f.plan = &run.plan;
    f.engine = run.settings.engine;
    f.gil = run.settings.gil;
    f.switchIntervalMs = run.settings.switchIntervalMs;
    f.timeScale = run.timeScale;
    f.log = run.log;
    f.mainEndNs = run.mainEndNs;
    f.cancelled = run.cancelled;
    for (const ProcessWorker* p : run.processes) {
        if (p->failedToStart())
            f.couldNotStart.push_back(p->lane()->id());
        if (p->reportedOwnState())
            f.children.push_back({p->lane()->info().name, p->ownList(), p->ownCounter()});
    }
    f.parentList = run.memory.list();
    f.counter = run.memory.readCounter();
    f.gilSwitches = static_cast<std::int64_t>(run.gil.switchCount());
    return f;
}

VariantResult Runner::collectResult(const VariantFacts& f)
{
    const PlannedVariant& plan = *f.plan;
    VariantResult r;
    r.name = plan.name;
    r.scenarioName = plan.scenarioName;
    r.mode = plan.mode;
    r.engine = f.engine;
    r.gil = f.gil;
    r.switchIntervalMs = f.switchIntervalMs;
    r.timeScale = f.timeScale;
    r.loopIterationsPerMs = f.loopIterationsPerMs;
    r.gilObservation = f.gilObservation;
    r.workerCount = static_cast<int>(plan.workers.size());
    r.sweepWorkers = plan.sweepWorkers;
    const std::int64_t startNs = f.log->originNs(); // one origin for results, timeline and exports
    r.elapsedMs = static_cast<double>(f.mainEndNs - startNs) / 1e6;
    r.cancelled = f.cancelled;
    const std::int64_t untilNs = std::max(f.mainEndNs, f.log->lastEventNs());
    for (int i = 0; i < f.log->laneCount(); ++i)
        r.workers.push_back(WorkerResult::fromLane(*f.log->lane(i), startNs, untilNs));
    for (WorkerResult& w : r.workers)
        for (StateInterval& s : w.intervals)
            s.startMs = std::max(0.0, s.startMs);
    for (const std::uint32_t lane : f.couldNotStart)
        r.workers.at(lane).failure = WorkerFailure::CouldNotStart;
    r.setLog(f.log);
    return r;
}

Observations Runner::observe(const VariantFacts& f, const VariantResult& r)
{
    const PlannedVariant& plan = *f.plan;
    const bool processes = plan.mode == VariantMode::Processes;
    Observations obs;
    if (plan.hasAppend || plan.receive)
        obs.parentList = f.parentList;
    if (processes && plan.hasAppend) {
        obs.childLists.emplace();
        for (const VariantFacts::OwnState& child : f.children)
            obs.childLists->insert_or_assign(child.name, child.list);
    }
    if (plan.hasIncrement) {
        obs.counter = f.counter;
        if (processes) {
            obs.childCounters.emplace();
            for (const VariantFacts::OwnState& child : f.children)
                obs.childCounters->insert_or_assign(child.name, child.counter);
        } else {
            obs.counterExpected = plan.expectedIncrements;
        }
    }
    if (plan.receive)
        obs.items = Observations::QueueItems {plan.expectedItems, static_cast<int>(f.parentList.size())};
    for (std::size_t i = 1; i < r.workers.size(); ++i) {
        const WorkerResult& w = r.workers[i];
        if (w.outcome == WorkerOutcome::Abandoned)
            obs.cutOff.push_back({w.name, r.elapsedMs});
        if (w.outcome == WorkerOutcome::Crashed)
            obs.crashed.push_back({w.name, w.outcomeDetail});
    }
    obs.gilSwitches = f.gilSwitches;
    return obs;
}

} // namespace ThreadLab
