#pragma once

#include "scenario/variantplan.h"
#include "wire/wiredecoder.h"
#include "engine/worker.h"
#include "wire/workerjob.h"

#include <QProcess>
#include <QTimer>

#include <memory>
#include <vector>

namespace ThreadLab {

// A worker in its own process: threadlab-worker started with QProcess and driven by QProcess's
// signals on the runner's thread. The child's stdout is decoded as it arrives; its events carry
// the child's own timestamps on the shared monotonic clock. The runner's thread is this lane's
// only writer.
class ProcessWorker final : public Worker
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessWorker)

public:
    // A child still running `deadlineMs` after its start is taken for hung and killed.
    ProcessWorker(Lane* lane, const QString& program, WorkerJob job, std::int64_t deadlineMs,
                  QObject* parent = nullptr);

    // A child may not make us store more than this many events (a flood is a failure).
    void setMaxEvents(std::size_t maxEvents) { m_maxEvents = maxEvents; }
    static constexpr std::size_t defaultMaxEvents = 4'000'000;
    ~ProcessWorker() override;

    void start() override;
    void stop(bool cancelled) override;

    // What the child reported of its own memory at its end (C7).
    bool reportedOwnState() const noexcept { return m_reportedOwnState; }
    const std::vector<std::int64_t>& ownList() const noexcept { return m_ownList; }
    std::int64_t ownCounter() const noexcept { return m_ownCounter; }
    // The program could not be started at all (missing, not executable).
    bool failedToStart() const noexcept { return m_failedToStart; }

Q_SIGNALS:
    void itemSent(std::int64_t value, std::uint32_t fromLane, std::int64_t putNs);

private:
    void onRecord(const WireRecord& record);
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void fail(const QString& detail);
    void finishLane(WorkerState terminal, const QString& detail);

    void onDeadline();

    QString m_program;
    std::int64_t m_deadlineMs = 0;
    std::size_t m_maxEvents = defaultMaxEvents;
    QTimer* m_deadline = nullptr;
    WorkerJob m_job;
    QProcess m_process;
    WireDecoder m_decoder;
    bool m_laneClosed = false;
    bool m_reportedState = false; // the child has sent a state
    bool m_stopRequested = false;
    bool m_stopCancelled = false;
    bool m_killedForFailure = false; // garbage, a flood or a hang: we killed it
    bool m_failedToStart = false;
    QString m_failure;      // garbage in the stream, or the child's own X report
    std::int64_t m_lastNs = 0;
    bool m_reportedOwnState = false;
    std::vector<std::int64_t> m_ownList;
    std::int64_t m_ownCounter = 0;
};

} // namespace ThreadLab
