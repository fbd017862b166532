#include "engine/cpythonvariant.h"

#include "engine/childprocess.h"
#include "engine/eventlog.h"
#include "engine/recordevents.h"
#include "engine/runner.h"
#include "scenario/variantplan.h"
#include "tasks/monoclock.h"
#include "tasks/platform.h"
#include "tasks/taskexecutor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

QString runtimeError(const QString& what) { return QCoreApplication::translate("CPythonVariant", "CPython runtime: %1").arg(what); }

QJsonObject taskJson(const TaskSpec& t, double timeScale, std::uint64_t seed, int number, int index)
{
    auto seconds = [timeScale](std::int64_t ms) { return static_cast<double>(ms) * timeScale / 1000.0; };
    QJsonArray items;
    for (const std::int64_t item : t.items)
        items.append(static_cast<qint64>(item));
    // A random wait is picked here, as the model picks it: the runtime then simply waits.
    const bool random = t.kind == TaskKind::RandomWait;
    const std::int64_t ms = random ? TaskExecutor::randomWaitMs(t, seed, number, index) : t.ms;
    return QJsonObject {
        {QStringLiteral("kind"), random ? QStringLiteral("wait") : QString::fromLatin1(enumName(t.kind).data())},
        {QStringLiteral("ms"), static_cast<qint64>(ms)},
        {QStringLiteral("seconds"), seconds(ms)},
        {QStringLiteral("cpu_seconds"), seconds(t.cpuMs)},
        {QStringLiteral("repeat"), t.repeat},
        {QStringLiteral("gap_ms"), static_cast<qint64>(t.gapMs)},
        {QStringLiteral("gap_seconds"), seconds(t.gapMs)},
        {QStringLiteral("text"), QString::fromStdString(t.text)},
        {QStringLiteral("items"), items},
        {QStringLiteral("op"), QString::fromLatin1(enumName(t.op).data())},
        {QStringLiteral("times"), static_cast<qint64>(t.times)},
        {QStringLiteral("locked"), t.locked},
        {QStringLiteral("yield"), t.yield},
        {QStringLiteral("how"), QString::fromLatin1(enumName(t.how).data())},
        {QStringLiteral("exit_code"), t.exitCode},
        {QStringLiteral("split_parts"), t.splitParts},
        {QStringLiteral("split_index"), t.splitIndex},
    };
}

QJsonArray tasksJson(const std::vector<TaskSpec>& tasks, double timeScale, std::uint64_t seed, int number)
{
    QJsonArray out;
    for (std::size_t i = 0; i < tasks.size(); ++i)
        out.append(taskJson(tasks[i], timeScale, seed, number, static_cast<int>(i)));
    return out;
}

} // namespace

CPythonVariant::CPythonVariant(const PlannedVariant& plan, const RunSettings& settings, double timeScale, Setup setup,
                               QObject* parent)
    : QObject(parent)
    , m_plan(plan)
    , m_settings(settings)
    , m_timeScale(timeScale)
    , m_setup(std::move(setup))
    , m_deadline(new QTimer(this))
    , m_demux(plan.mode == VariantMode::Sequential ? 1u : static_cast<std::uint32_t>(plan.workers.size() + 1),
              [this](std::uint32_t lane, const WireRecord& r) { onRecord(lane, r); })
    , m_lanes(plan.mode == VariantMode::Sequential ? 1u : plan.workers.size() + 1)
{
    ChildProcess::configureChannels(m_process);
    ChildProcess::leadOwnGroupDyingWithParent(m_process);
    ChildProcess::connect(m_process, m_deadline, this, &CPythonVariant::readOutput, &CPythonVariant::onFinished,
                          &CPythonVariant::onError, &CPythonVariant::onDeadline);
    connect(&m_process, &QProcess::started, this, &CPythonVariant::attachGilReader);
}

CPythonVariant::~CPythonVariant()
{
    if (m_gilObserver)
        m_gilObserver->stop();
    ChildProcess::killAndReap(m_process, m_groupLeader);
}

std::int64_t CPythonVariant::clockOffsetNs()
{
    // The pair read closest together wins: a preemption between two reads only widens a pair.
    std::int64_t best = 0;
    std::int64_t bestSpan = -1;
    for (int i = 0; i < 5; ++i) {
        const std::int64_t a = MonoClock::nowNs();
        const std::int64_t mono = MonoClock::steadyNs(); // CLOCK_MONOTONIC, as Python reads it
        const std::int64_t b = MonoClock::nowNs();
        if (bestSpan < 0 || b - a < bestSpan) {
            bestSpan = b - a;
            best = a + (b - a) / 2 - mono;
        }
    }
    return best;
}

QJsonObject CPythonVariant::planJson(const PlannedVariant& plan, const RunSettings& settings, double timeScale,
                                     const QString& startMethod, std::int64_t clockOffsetNs,
                                     double loopIterationsPerMs)
{
    QJsonArray workers;
    for (std::size_t i = 0; i < plan.workers.size(); ++i) {
        const PlannedWorker& w = plan.workers[i];
        workers.append(QJsonObject {
            {QStringLiteral("lane"), static_cast<int>(i + 1)}, // 0 is main, as in the model's log
            {QStringLiteral("name"), w.name},
            {QStringLiteral("number"), w.number},
            {QStringLiteral("daemon"), w.daemon},
            {QStringLiteral("tasks"), tasksJson(w.tasks, timeScale, settings.seed, w.number)},
        });
    }
    return QJsonObject {
        {QStringLiteral("threadlab_plan"), 1},
        {QStringLiteral("mode"), QString::fromLatin1(enumName(plan.mode).data())},
        {QStringLiteral("pattern"), QString::fromLatin1(enumName(plan.pattern).data())},
        {QStringLiteral("join"), QString::fromLatin1(enumName(plan.join).data())},
        {QStringLiteral("receive"), plan.receive},
        {QStringLiteral("expected_items"), plan.expectedItems},
        {QStringLiteral("main_tasks"), tasksJson(plan.mainTasks, timeScale, settings.seed, 1)},
        {QStringLiteral("workers"), workers},
        {QStringLiteral("switch_interval_s"), settings.switchIntervalMs / 1000.0},
        {QStringLiteral("start_method"), startMethod},
        {QStringLiteral("clock_offset_ns"), QString::number(clockOffsetNs)},
        {QStringLiteral("calibrate_s"), 0.03},
        // Per second, whole: the runtime reports the rate it measured as an integer, and
        // handing it back as a double could come back one iteration short.
        {QStringLiteral("loop_rate"), static_cast<qint64>(std::llround(loopIterationsPerMs * 1000.0))}, // 0: measure
    };
}

std::int64_t CPythonVariant::deadlineMs() const
{
    // Hung: three times all the work stated anywhere in the variant (threads share one core
    // under the GIL), plus the grace for a busy machine and the interpreter's boot.
    std::int64_t stated = statedDurationMs(m_plan.mainTasks);
    for (const PlannedWorker& w : m_plan.workers)
        stated += statedDurationMs(w.tasks);
    return static_cast<std::int64_t>(3.0 * static_cast<double>(stated) * m_timeScale) + m_setup.hangGraceMs;
}

void CPythonVariant::start()
{
    m_startNs = MonoClock::nowNs();
    const QJsonObject plan =
        planJson(m_plan, m_settings, m_timeScale, m_setup.startMethod, clockOffsetNs(), m_setup.loopIterationsPerMs);
    m_deadline->start(static_cast<int>(std::min<std::int64_t>(deadlineMs(), 24 * 3600 * 1000)));
    m_process.start(m_setup.python, {QStringLiteral("-I"), m_setup.runtime});
    m_groupLeader = m_process.processId(); // 0 when it could not start
    m_process.write(QJsonDocument(plan).toJson(QJsonDocument::Compact));
    m_process.closeWriteChannel();
}

void CPythonVariant::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    killAll();
}

void CPythonVariant::killAll()
{
    m_deadline->stop();
    Platform::killProcessGroup(m_groupLeader);
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void CPythonVariant::fail(const QString& detail)
{
    if (!m_failed)
        m_failure = detail;
    m_failed = true;
    killAll();
}

void CPythonVariant::onDeadline()
{
    if (m_process.state() != QProcess::NotRunning)
        fail(runtimeError(QCoreApplication::translate("CPythonVariant", "hung: still running %1 s after it started, longer than its work could take")
                              .arg(static_cast<double>(deadlineMs()) / 1000.0, 0, 'f', 1)));
}

void CPythonVariant::readOutput()
{
    const QByteArray bytes = m_process.readAllStandardOutput();
    if (m_failed || m_demux.failed() || bytes.isEmpty())
        return;
    if (!m_demux.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
        fail(runtimeError(QString::fromStdString(m_demux.error())));
}

void CPythonVariant::makeLog(std::int64_t originNs, bool observe)
{
    m_log = std::make_shared<EventLog>(originNs, m_setup.gilEnabled);
    Lane* main = m_log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    main->setPid(m_pid);
    main->appendState(WorkerState::Created, originNs);
    if (m_plan.mode != VariantMode::Sequential) {
        for (const PlannedWorker& w : m_plan.workers) {
            Lane* lane = m_log->addLane(Runner::workerLaneInfo(m_plan, w));
            if (m_plan.mode == VariantMode::Threads)
                lane->setPid(m_pid);
            lane->appendState(WorkerState::Created, originNs);
        }
    }
    for (LaneState& l : m_lanes)
        l.lastNs = originNs;
    m_lanes[0].started = true;
    if (observe)
        observeGil();
    Q_EMIT started(m_log);
}

void CPythonVariant::attachGilReader()
{
    // The interpreter we started (the runtime's word for its pid is not needed); a free-threaded
    // one has no GIL to read.
    if (m_setup.gilEnabled && m_process.processId() > 0)
        m_gilReader = GilReader::attach(m_process.processId(), m_setup.pythonMajor, m_setup.pythonMinor);
}

void CPythonVariant::observeGil()
{
    m_gilObservation.rateHz = m_setup.gilRateHz;
    if (!m_setup.gilEnabled) {
        m_gilObservation.reason = QCoreApplication::translate("CPythonVariant", "a free-threaded interpreter has no GIL");
        m_log->setGilNote(QCoreApplication::translate("CPythonVariant", "free-threaded: no GIL, threads run in parallel"));
        return;
    }
    m_gilObserver = std::make_unique<GilObserver>(m_log.get(), m_setup.gilRateHz);
    // A wrapper (a pyenv shim, a script) may have become the interpreter only since it started.
    if (!m_gilReader || !m_gilReader->attached())
        attachGilReader();
    if (m_gilReader && m_gilObserver->observe(std::move(*m_gilReader))) {
        m_gilObservation.observed = true;
        m_log->setGilSamplingHz(m_setup.gilRateHz);
        return;
    }
    m_gilObservation.reason = m_gilReader ? m_gilObserver->error() : QCoreApplication::translate("CPythonVariant", "the interpreter is not running");
    m_log->setGilNote(QCoreApplication::translate("CPythonVariant", "GIL not observed: %1").arg(m_gilObservation.reason));
}

void CPythonVariant::stopObservingGil()
{
    if (!m_gilObserver || !m_gilObservation.observed)
        return;
    m_gilObserver->stop();
    const GilSampler::Stats stats = m_gilObserver->stats();
    m_gilObservation.achievedHz = stats.achievedHz();
    m_gilObservation.coreShare = stats.coreShare();
    m_gilObservation.latenessMeanMs = stats.latenessMeanNs / 1e6;
    m_gilObservation.latenessP99Ms = static_cast<double>(stats.latenessP99Ns) / 1e6;
}

void CPythonVariant::onRecordBeforeStart(std::uint32_t lane, const WireRecord& r)
{
    if (lane == 0 && r.type == 'K') {
        m_loopIterationsPerMs = static_cast<double>(r.value) / 1000.0;
    } else if (lane == 0 && r.type == 'H') {
        m_pid = r.value;
        makeLog(std::clamp(r.tNs, m_startNs, MonoClock::nowNs()), true); // a lying runtime cannot move it
    } else {
        fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane %1 sent a record before the variant started").arg(lane)));
    }
}

void CPythonVariant::onRecord(std::uint32_t lane, const WireRecord& r)
{
    if (m_failed)
        return;
    if (!m_log) {
        onRecordBeforeStart(lane, r);
        return;
    }
    LaneState& state = m_lanes[lane];
    Lane* l = m_log->lane(static_cast<int>(lane));
    // After its end a lane still reports its own memory (L, C) and failure (X), nothing more.
    if (state.closed && r.type != 'L' && r.type != 'C' && r.type != 'X' && r.type != 'E')
        return;
    if (l->size() >= m_setup.maxEventsPerLane) {
        fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane %1 sent more than %2 events").arg(lane).arg(m_setup.maxEventsPerLane)));
        return;
    }
    const std::int64_t t = std::max(r.tNs, state.lastNs);
    if (appendRecordEvent(*l, r, t)) {
        state.lastNs = t;
        return;
    }
    switch (r.type) {
    case 'H': l->setPid(r.value); return;
    case 'N':
        // Main's thread and each thread worker's, once, after its start: what names the GIL's holder.
        if ((lane != 0 && m_plan.mode != VariantMode::Threads) || l->nativeThreadId() != 0 || !state.started) {
            fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane %1 cannot report a thread id now").arg(lane)));
            return;
        }
        l->setNativeThreadId(r.value);
        return;
    case 'S':
        if (!onState(lane, r, t))
            return;
        break;
    case 'G':
        if (lane != 0 || r.arg == 0 || r.arg >= m_lanes.size()) {
            fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane %1 reported an item from lane %2").arg(lane).arg(r.arg)));
            return;
        }
        l->append(Event {t, EventKind::QueueGet, WorkerState::Running, 0, r.arg, r.value});
        break;
    case 'L':
    case 'C': onOwnState(lane, r); return;
    case 'X':
        state.failure = QString::fromUtf8(r.text.data(), static_cast<qsizetype>(r.text.size()));
        if (state.closed) // it reports why after its end
            l->setOutcomeDetail(state.failure);
        return;
    case 'E':
        if (lane != 0) {
            fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane %1 reported a process's exit").arg(lane)));
            return;
        }
        onWorkerExit(r, t);
        return;
    default: return; // K after the start says nothing new
    }
    state.lastNs = t;
}

bool CPythonVariant::onState(std::uint32_t lane, const WireRecord& r, std::int64_t t)
{
    LaneState& state = m_lanes[lane];
    const auto s = static_cast<WorkerState>(r.value);
    // Only main records a worker's `starting` (from start() on), and only once.
    const bool badStart = s == WorkerState::Starting && (lane == 0 || state.started);
    if (s == WorkerState::Created || badStart || (lane != 0 && !state.started && s != WorkerState::Starting)) {
        fail(runtimeError(
            QCoreApplication::translate("CPythonVariant", "lane %1 cannot report \"%2\" now").arg(lane).arg(QString::fromLatin1(workerStateName(s).data()))));
        return false;
    }
    state.started = true;
    m_log->lane(static_cast<int>(lane))->appendState(s, t, r.arg);
    if (isTerminal(s)) {
        state.closed = true;
        if (lane == 0)
            m_mainEndNs = t;
        if (!state.failure.isEmpty())
            m_log->lane(static_cast<int>(lane))->setOutcomeDetail(state.failure);
    }
    return true;
}

void CPythonVariant::onOwnState(std::uint32_t lane, const WireRecord& r)
{
    LaneState& state = m_lanes[lane];
    if (r.type == 'L') {
        state.list = *r.list;
        state.reportedOwnState = true;
    } else {
        state.counter = r.value;
    }
}

void CPythonVariant::onWorkerExit(const WireRecord& r, std::int64_t t)
{
    if (m_plan.mode != VariantMode::Processes || r.arg == 0 || r.arg >= m_lanes.size()) {
        fail(runtimeError(QCoreApplication::translate("CPythonVariant", "lane 0 reported the exit of lane %1, which is no process").arg(r.arg)));
        return;
    }
    LaneState& state = m_lanes[r.arg];
    const std::int64_t when = std::max(t, state.lastNs);
    if (r.value == 0) {
        if (!state.closed)
            closeLane(r.arg, WorkerState::Crashed, when, QCoreApplication::translate("CPythonVariant", "ended without reporting its end"));
        return;
    }
    QString detail;
    if (r.value < 0) {
        const int signal = static_cast<int>(-r.value);
        detail = QCoreApplication::translate("CPythonVariant", "killed by signal %1 (%2)").arg(signal).arg(QString::fromStdString(Platform::signalName(signal)));
    } else {
        detail = QCoreApplication::translate("CPythonVariant", "exited with code %1").arg(r.value);
        if (!state.failure.isEmpty())
            detail += QStringLiteral(": ") + state.failure;
    }
    // A non-zero exit overrules a "finished" the process may have reported before.
    Lane* l = m_log->lane(static_cast<int>(r.arg));
    if (state.closed && l->at(l->size() - 1).state != WorkerState::Crashed)
        state.closed = false;
    if (!state.closed)
        closeLane(r.arg, WorkerState::Crashed, when, detail);
}

void CPythonVariant::closeLane(std::uint32_t lane, WorkerState terminal, std::int64_t tNs, const QString& detail)
{
    LaneState& state = m_lanes[lane];
    Lane* l = m_log->lane(static_cast<int>(lane));
    if (!detail.isEmpty())
        l->setOutcomeDetail(detail);
    state.lastNs = std::max(tNs, state.lastNs);
    l->appendState(terminal, state.lastNs);
    state.closed = true;
    if (lane == 0)
        m_mainEndNs = state.lastNs;
}

void CPythonVariant::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_done)
        return; // crashes arrive through finished()
    m_failedToStart = true;
    m_failed = true;
    m_failure = runtimeError(QCoreApplication::translate("CPythonVariant", "could not start %1: %2").arg(m_setup.python, m_process.errorString()));
    finish(m_failure);
}

QString CPythonVariant::mainEndDetail(int exitCode, QProcess::ExitStatus status) const
{
    if (m_failed)
        return m_failure;
    if (status == QProcess::CrashExit)
        return runtimeError(QCoreApplication::translate("CPythonVariant", "the interpreter was killed by signal %1 (%2)")
                                .arg(exitCode)
                                .arg(QString::fromStdString(Platform::signalName(exitCode))));
    if (exitCode != 0 && m_lanes[0].failure.isEmpty())
        return runtimeError(QCoreApplication::translate("CPythonVariant", "the interpreter exited with code %1").arg(exitCode));
    return m_lanes[0].failure.isEmpty() ? runtimeError(QCoreApplication::translate("CPythonVariant", "ended without reporting main's end")) : m_lanes[0].failure;
}

void CPythonVariant::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    if (!m_failed && !m_cancelled && !m_demux.finish())
        fail(runtimeError(QString::fromStdString(m_demux.error())));
    finish(mainEndDetail(exitCode, status));
}

void CPythonVariant::finish(const QString& mainDetail)
{
    stopObservingGil();
    killAll(); // whatever the interpreter left behind in its group
    const std::int64_t now = MonoClock::nowNs();
    if (!m_log)
        makeLog(std::min(m_startNs, now), false);
    // A failed runtime broke the rules: whatever main claimed, the last word is ours.
    if (m_failed && m_lanes[0].closed && m_log->lane(0)->at(m_log->lane(0)->size() - 1).state != WorkerState::Crashed)
        m_lanes[0].closed = false;
    if (!m_lanes[0].closed)
        closeLane(0, m_cancelled ? WorkerState::Cancelled : WorkerState::Crashed, now,
                  m_cancelled ? QString() : mainDetail);
    const bool mainFinished = m_log->lane(0)->at(m_log->lane(0)->size() - 1).state == WorkerState::Finished;
    for (std::uint32_t i = 1; i < m_lanes.size(); ++i) {
        if (m_lanes[i].closed)
            continue;
        const bool daemon = m_plan.workers[i - 1].daemon;
        if (m_cancelled)
            closeLane(i, WorkerState::Cancelled, now, {});
        else if (m_failed)
            closeLane(i, WorkerState::Crashed, now, m_failure);
        else if (daemon && mainFinished) // cut off at main's end, as the model's Runner does
            closeLane(i, WorkerState::Abandoned, m_mainEndNs, {});
        else
            closeLane(i, WorkerState::Crashed, now, QCoreApplication::translate("CPythonVariant", "ended without reporting its end"));
    }
    m_done = true;
    Q_EMIT done();
}

VariantFacts CPythonVariant::facts() const
{
    VariantFacts f;
    f.plan = &m_plan;
    f.engine = EngineKind::CPython;
    f.gil = m_setup.gilEnabled;
    f.switchIntervalMs = m_settings.switchIntervalMs;
    f.timeScale = m_timeScale;
    f.log = m_log;
    f.mainEndNs = m_mainEndNs;
    f.cancelled = m_cancelled;
    if (m_failedToStart)
        f.couldNotStart.push_back(0);
    f.parentList = m_lanes[0].list;
    f.counter = m_lanes[0].counter;
    for (std::uint32_t i = 1; i < m_lanes.size(); ++i)
        if (m_lanes[i].reportedOwnState)
            f.children.push_back({m_plan.workers[i - 1].name, m_lanes[i].list, m_lanes[i].counter});
    f.loopIterationsPerMs = m_loopIterationsPerMs;
    if (m_gilObservation.rateHz > 0)
        f.gilObservation = m_gilObservation;
    return f;
}

} // namespace ThreadLab
