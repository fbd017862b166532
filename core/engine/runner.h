#pragma once

#include "engine/runsettings.h"
#include "engine/variantfacts.h"
#include "python/pythoninterpreter.h"
#include "results/variantresult.h"

#include "engine/lane.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QEventLoop;

namespace ThreadLab {

class EventLog;
class ProcessWorker;
class StopToken;
class Worker;
struct PlannedVariant;
struct PlannedWorker;
struct Scenario;

// Runs a scenario's variants one after another on the thread it lives on (the engine thread,
// never the GUI's), playing the part of Python's main thread on its own lane. Waiting (joins,
// queue gets) spins a local event loop so that process workers' output keeps being read.
class Runner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Runner)

public:
    explicit Runner(QObject* parent = nullptr);
    ~Runner() override;

    // threadlab-worker, by default next to the running executable.
    void setWorkerProgram(const QString& path) { m_workerProgram = path; }
    static QString defaultWorkerProgram();
    // ThreadLab's CPython runtime, by default threadlab_runtime.py in RuntimeFiles::pythonDir().
    void setPythonRuntime(const QString& path) { m_pythonRuntime = path; }
    static QString defaultPythonRuntime();
    // Slack added to a child's stated work before it counts as hung.
    void setHangGraceMs(std::int64_t ms) { m_hangGraceMs = ms; }
    void setMaxEventsPerChild(std::size_t n) { m_maxEventsPerChild = n; }

    // Blocks the calling thread (which must be this object's) until the run ends or is cancelled.
    RunResult run(const Scenario& scenario, const RunSettings& settings);
    // Any thread: ends the current run as soon as possible.
    void requestCancel();
    // Any thread: hands a run over to this object's thread, which starts it from its event
    // loop (runQueued). Forgets an earlier cancel.
    void queueRun(const Scenario& scenario, const RunSettings& settings);

    // The lane a planned worker gets (after main's), whichever engine runs it.
    static LaneInfo workerLaneInfo(const PlannedVariant& variant, const PlannedWorker& worker);
    // A variant's result and observations from what its engine knew at its end.
    static VariantResult collectResult(const VariantFacts& facts);
    static Observations observe(const VariantFacts& facts, const VariantResult& result);

Q_SIGNALS:
    void variantStarted(int index, const QString& name, std::shared_ptr<const ThreadLab::EventLog> log);
    void variantFinished(int index, const ThreadLab::VariantResult& result);
    void runFinished(const ThreadLab::RunResult& result);

private:
    struct VariantRun; // what one variant's steps share, from set-up to results

    Q_INVOKABLE void runQueued();
    VariantResult runVariant(int index, const PlannedVariant& variant, const RunSettings& settings,
                             double timeScale, double cpuIterationsPerMs);
    // The steps of runVariant, in the order they happen.
    void beginVariant(int index, VariantRun& run);
    void runSequential(VariantRun& run);
    void createWorkers(VariantRun& run);
    std::unique_ptr<Worker> createWorker(VariantRun& run, const PlannedWorker& planned);
    ProcessWorker* createProcessWorker(VariantRun& run, const PlannedWorker& planned, Lane* lane);
    // worker.start(), with what CPython's start costs main in the Python model.
    void startWorker(VariantRun& run, Worker& worker);
    // Main computes for `ns` while holding the GIL (CPython's own work in the Python model).
    void spendMainCpu(VariantRun& run, std::int64_t ns);
    void runStartJoinInLoop(VariantRun& run);
    void runStartAllThenJoin(VariantRun& run);
    void receiveItems(VariantRun& run);
    void joinNonDaemons(VariantRun& run);
    void endMain(VariantRun& run);
    void shutDownWorkers(VariantRun& run);
    static VariantFacts facts(const VariantRun& run);
    VariantResult runCPythonVariant(int index, const PlannedVariant& variant, const RunSettings& settings,
                                    double timeScale);
    // Main waits in `state` (arg: the lane it joins) until done(), without the GIL meanwhile.
    void mainWait(VariantRun& run, WorkerState state, std::uint32_t arg, const std::function<bool()>& done);
    // Main lets go of the GIL in `state` while block() runs, then queues for it again.
    void mainBlocks(VariantRun& run, WorkerState state, std::uint32_t arg, const std::function<void()>& block);
    void join(VariantRun& run, Worker* worker);
    // Spins a local event loop until done() holds (or, if interruptible, the run is cancelled).
    void waitUntil(const std::function<bool()>& done, bool interruptible = true);
    void wake();

    QString m_workerProgram;
    QString m_pythonRuntime;
    PythonInterpreter m_python; // the current run's, when it runs in CPython…
    QString m_startMethod;      // …and the start method its process workers use
    double m_pythonLoopIterationsPerMs = 0; // the CPython loop's rate, measured once per run
    std::int64_t m_hangGraceMs = 10'000;
    std::size_t m_maxEventsPerChild = 4'000'000;
    QEventLoop* m_loop = nullptr;
    std::atomic<bool> m_cancel {false};
    std::mutex m_stopMutex;
    StopToken* m_stop = nullptr;          // the current variant's, under m_stopMutex
    std::function<void()> m_onCancel;     // kills the current variant's children (runner thread)
    // The hand-over from queueRun() to runQueued(), under a mutex that sanitizers can see.
    std::mutex m_queuedMutex;
    std::unique_ptr<Scenario> m_queuedScenario;
    RunSettings m_queuedSettings;
};

} // namespace ThreadLab
