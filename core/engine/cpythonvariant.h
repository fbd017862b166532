#pragma once

#include "engine/gilobservation.h"
#include "engine/runsettings.h"
#include "engine/variantfacts.h"
#include "python/gilobserver.h"
#include "tasks/workerstate.h"
#include "wire/wiredemux.h"

#include <QJsonObject>
#include <QObject>
#include <QProcess>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace ThreadLab {

class EventLog;
struct PlannedVariant;

// One variant run by the real CPython: ThreadLab's runtime (threadlab_runtime.py) started as
// `<python> -I <runtime>` in a process group of its own, given the variant's plan as JSON on
// stdin. Its one stdout carries every Python thread's and process's records, split by lane
// (WireDemux); this object writes them into the variant's lanes on the runner's thread. The
// variant starts when the runtime is ready (its interpreter booted and its CPU loop measured):
// the log is made then, with that moment as its origin, and announced by started(). At the end
// the whole process group is killed, so nothing of the variant outlives it. From the start to the
// end the interpreter's GIL is observed from outside (GilObserver) into the log, by the native
// thread ids that main and each thread worker report on their lanes.
class CPythonVariant final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CPythonVariant)

public:
    struct Setup
    {
        QString python; // the interpreter, probed
        QString runtime; // threadlab_runtime.py
        QString startMethod; // fork, spawn or forkserver
        bool gilEnabled = true;
        int pythonMajor = 3; // what the GIL reader must know of the interpreter
        int pythonMinor = 11;
        int gilRateHz = GilSampler::defaultRateHz;
        std::int64_t hangGraceMs = 10'000;
        std::size_t maxEventsPerLane = 4'000'000;
        // The pure-Python loop's rate measured by an earlier variant of the run; 0: measure it.
        double loopIterationsPerMs = 0;
    };

    CPythonVariant(const PlannedVariant& plan, const RunSettings& settings, double timeScale, Setup setup,
                   QObject* parent = nullptr);
    ~CPythonVariant() override;

    void start();
    // Stop, Ctrl+C: kills the process group; the lanes still open end cancelled.
    void cancel();
    bool isDone() const noexcept { return m_done; }
    // After done(): what the runner makes the result from.
    VariantFacts facts() const;

    // The plan the runtime reads (public for tests).
    static QJsonObject planJson(const PlannedVariant& plan, const RunSettings& settings, double timeScale,
                                const QString& startMethod, std::int64_t clockOffsetNs,
                                double loopIterationsPerMs = 0);
    // ThreadLab's clock minus CLOCK_MONOTONIC (Python's time.monotonic_ns()), read back to back.
    static std::int64_t clockOffsetNs();

Q_SIGNALS:
    void started(std::shared_ptr<const ThreadLab::EventLog> log);
    void done();

private:
    struct LaneState
    {
        bool started = false;
        bool closed = false;
        std::int64_t lastNs = 0;
        QString failure; // its X report
        bool reportedOwnState = false;
        std::vector<std::int64_t> list;
        std::int64_t counter = 0;
    };

    void readOutput();
    void onRecord(std::uint32_t lane, const WireRecord& r);
    void onRecordBeforeStart(std::uint32_t lane, const WireRecord& r);
    bool onState(std::uint32_t lane, const WireRecord& r, std::int64_t t);
    void onOwnState(std::uint32_t lane, const WireRecord& r);
    void onWorkerExit(const WireRecord& r, std::int64_t t);
    void makeLog(std::int64_t originNs, bool observe);
    // As soon as the interpreter runs: finds its GIL, ready to be read from the variant's start.
    void attachGilReader();
    // Starts observing the interpreter's GIL into the new log, or says in it why not.
    void observeGil();
    // Stops observing: the log's observed GIL is complete afterwards.
    void stopObservingGil();
    void closeLane(std::uint32_t lane, WorkerState terminal, std::int64_t tNs, const QString& detail);
    void fail(const QString& detail);
    // Kills the interpreter and everything of its process group, and stops the deadline.
    void killAll();
    void onDeadline();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    QString mainEndDetail(int exitCode, QProcess::ExitStatus status) const;
    void finish(const QString& mainDetail);
    std::int64_t deadlineMs() const;

    const PlannedVariant& m_plan;
    const RunSettings m_settings;
    const double m_timeScale;
    const Setup m_setup;
    QProcess m_process;
    QTimer* m_deadline = nullptr;
    WireDemux m_demux;
    std::shared_ptr<EventLog> m_log;
    std::unique_ptr<GilObserver> m_gilObserver; // writes m_log's observed GIL: ends before it
    GilObservation m_gilObservation;
    std::optional<GilReader> m_gilReader; // attached while the interpreter boots
    std::vector<LaneState> m_lanes;
    std::int64_t m_startNs = 0;
    std::int64_t m_mainEndNs = 0;
    std::int64_t m_pid = 0; // as the runtime reported it
    std::int64_t m_groupLeader = 0; // the interpreter's pid, which its process group is named by
    double m_loopIterationsPerMs = 0;
    bool m_cancelled = false;
    bool m_failed = false; // garbage, a flood, a hang, a start failure: we ended it
    bool m_failedToStart = false;
    bool m_done = false;
    QString m_failure;
};

} // namespace ThreadLab
