#include "engine/processworker.h"

#include "engine/childprocess.h"
#include "engine/lane.h"
#include "engine/recordevents.h"
#include "tasks/monoclock.h"
#include "tasks/platform.h"

#include <algorithm>

namespace ThreadLab {

namespace {

// Every child reads the parent's clock (see MonoClock): one mapping for all processes of a run.
const QProcessEnvironment& childEnvironment()
{
    static const QProcessEnvironment environment = [] {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QString::fromLatin1(MonoClock::environmentVariable),
                 QString::fromStdString(MonoClock::mapping().encode()));
        return e;
    }();
    return environment;
}

} // namespace

ProcessWorker::ProcessWorker(Lane* lane, const QString& program, WorkerJob job, std::int64_t deadlineMs,
                             QObject* parent)
    : Worker(lane, parent)
    , m_program(program)
    , m_deadlineMs(deadlineMs)
    , m_deadline(new QTimer(this))
    , m_job(std::move(job))
    , m_decoder([this](const WireRecord& r) { onRecord(r); })
{
    ChildProcess::configureChannels(m_process);
    m_process.setProcessEnvironment(childEnvironment());
    ChildProcess::connect(m_process, m_deadline, this, &ProcessWorker::readOutput, &ProcessWorker::onFinished,
                          &ProcessWorker::onError, &ProcessWorker::onDeadline);
}

ProcessWorker::~ProcessWorker() { ChildProcess::killAndReap(m_process); }

void ProcessWorker::start()
{
    markStarted();
    m_lastNs = MonoClock::nowNs();
    lane()->appendState(WorkerState::Starting, m_lastNs);
    m_deadline->start(static_cast<int>(std::min<std::int64_t>(m_deadlineMs, 24 * 3600 * 1000)));
    // stdin stays open: the child watches it to notice this process's death.
    m_process.start(m_program, {QStringLiteral("--job"), QString::fromStdString(m_job.encode())});
}

void ProcessWorker::stop(bool cancelled)
{
    if (isDone() || m_stopRequested)
        return;
    m_stopRequested = true;
    m_stopCancelled = cancelled;
    m_deadline->stop();
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void ProcessWorker::readOutput()
{
    const QByteArray bytes = m_process.readAllStandardOutput();
    if (m_decoder.failed() || m_killedForFailure || bytes.isEmpty())
        return;
    if (!m_decoder.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
        fail(tr("sent garbage (%1)").arg(QString::fromStdString(m_decoder.error())));
}

void ProcessWorker::onDeadline()
{
    if (m_process.state() != QProcess::NotRunning)
        fail(tr("hung: still running %1 s after it started, longer than its work could take")
                 .arg(static_cast<double>(m_deadlineMs) / 1000.0, 0, 'f', 1));
}

void ProcessWorker::fail(const QString& detail)
{
    if (!m_killedForFailure)
        m_failure = detail;
    m_killedForFailure = true;
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void ProcessWorker::onRecord(const WireRecord& r)
{
    // After its terminal state a child still reports its own memory (L, C) and failure (X),
    // but nothing more goes on its lane.
    if (m_laneClosed && r.type != 'L' && r.type != 'C' && r.type != 'X')
        return;
    Lane* l = lane();
    if (l->size() >= m_maxEvents) {
        fail(tr("sent more than %1 events").arg(m_maxEvents));
        return;
    }
    // The child's clock is ours, but a child could still lie: keep the lane in time order.
    const std::int64_t t = std::max(r.tNs, m_lastNs);
    if (appendRecordEvent(*l, r, t)) {
        if (r.type == 'P')
            Q_EMIT itemSent(r.value, l->id(), t);
        m_lastNs = t;
        return;
    }
    switch (r.type) {
    case 'H':
        l->setPid(r.value);
        return;
    case 'S': {
        const auto s = static_cast<WorkerState>(r.value);
        // A child may say it is starting its interpreter, first thing and only when it was told to.
        const bool bootReport = isStartingInterpreter(s, r.arg) && m_job.bootNs > 0 && !m_reportedState;
        m_reportedState = true;
        if ((s == WorkerState::Created || s == WorkerState::Starting) && !bootReport) {
            fail(tr("sent garbage (a child cannot report \"%1\")")
                     .arg(QString::fromUtf8(workerStateName(s).data())));
            return;
        }
        l->appendState(s, t, r.arg);
        if (isTerminal(s))
            m_laneClosed = true;
        break;
    }
    case 'L':
        m_ownList = *r.list;
        m_reportedOwnState = true;
        return;
    case 'C':
        m_ownCounter = r.value;
        return;
    case 'X':
        m_failure = QString::fromUtf8(r.text.data(), static_cast<qsizetype>(r.text.size()));
        return;
    default:
        return;
    }
    m_lastNs = t;
}

void ProcessWorker::finishLane(WorkerState terminal, const QString& detail)
{
    m_deadline->stop();
    if (!detail.isEmpty())
        lane()->setOutcomeDetail(detail);
    if (!m_laneClosed) {
        lane()->appendState(terminal, std::max(MonoClock::nowNs(), m_lastNs));
        m_laneClosed = true;
    }
    markDone();
}

void ProcessWorker::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readOutput();
    // After we killed it for a fault, its cut-off tail says nothing new.
    if (!m_killedForFailure && !m_decoder.failed() && !m_decoder.finish())
        m_failure = tr("sent garbage (%1)").arg(QString::fromStdString(m_decoder.error()));
    if (m_stopRequested && !m_killedForFailure) {
        // Killed by us: a daemon at main's end or a cancelled run, unless it had just finished.
        finishLane(m_stopCancelled ? WorkerState::Cancelled : WorkerState::Abandoned, QString());
        return;
    }
    if (m_decoder.failed() || m_killedForFailure) {
        m_laneClosed = false; // whatever it claimed before, it broke the rules: the last word is ours
        finishLane(WorkerState::Crashed, m_failure);
        return;
    }
    if (status == QProcess::CrashExit) {
        // On Unix QProcess reports the terminating signal as the exit code of a crash.
        finishLane(WorkerState::Crashed,
                   tr("killed by signal %1 (%2)")
                       .arg(exitCode)
                       .arg(QString::fromStdString(Platform::signalName(exitCode))));
        return;
    }
    if (exitCode != 0) {
        QString detail = tr("exited with code %1").arg(exitCode);
        if (!m_failure.isEmpty())
            detail += QStringLiteral(": ") + m_failure;
        // A non-zero exit overrules a "finished" the child may have reported before.
        const std::size_t n = lane()->size();
        if (m_laneClosed && n > 0 && lane()->at(n - 1).state != WorkerState::Crashed)
            m_laneClosed = false;
        finishLane(WorkerState::Crashed, detail);
        return;
    }
    if (!m_laneClosed) {
        finishLane(WorkerState::Crashed, tr("ended without reporting its end"));
        return;
    }
    finishLane(WorkerState::Finished, QString());
}

void ProcessWorker::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes arrive through finished()
    m_failedToStart = true;
    finishLane(WorkerState::Crashed,
               tr("could not start %1: %2").arg(m_program, m_process.errorString()));
}

} // namespace ThreadLab
