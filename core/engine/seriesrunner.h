#pragma once

#include "engine/runsettings.h"
#include "results/machineload.h"
#include "results/runseries.h"
#include "results/variantresult.h"
#include "scenario/scenario.h"

#include <QObject>

#include <optional>
#include <vector>

namespace ThreadLab {

class Engine;

// Runs a scenario N times with the same settings, each run all its variants in order, so that
// the variants interleave (v1 v2 v3 v1 v2 v3 …), and combines the runs (RunSeries) into each
// variant's median run, with the lesson checked on the medians and the machine's load measured
// over the whole series. The one "run N times and combine" of the command line's --repeat and
// the window's Runs 1 / 3 / 5. Stops early at a run that could not start, was cancelled, or had a
// worker that could not start. Lives on the thread of the engine it drives (not owned).
// In two or three engines (model, CPython, native), each repeat runs once per engine, the
// engines interleaved too (model run 1, CPython run 1, model run 2, …), and each engine's runs
// are combined on their own (medians, lesson verdict each), then side by side (EngineComparison).
class SeriesRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeriesRunner)

public:
    explicit SeriesRunner(Engine* engine, QObject* parent = nullptr);
    ~SeriesRunner() override;

    // False when a series or the engine is still busy.
    // Each run in every one of settings.engines (when none: settings.engine alone).
    bool start(const Scenario& scenario, const RunSettings& settings, int runs);
    // Stops the run going and starts no other; finished() follows with what ran.
    void cancel();
    bool isRunning() const noexcept { return m_running; }
    // Runs counted once per engine: run 1 in the model and in CPython are two.
    int runIndex() const noexcept { return m_index; }
    int runCount() const noexcept { return m_count; }
    // The settings run `index` (from 0) of the series runs with: the engine of its turn.
    RunSettings settingsOf(int index) const;
    // A worker of some run could not start (the command line's exit status).
    bool workerFailedToStart() const noexcept { return m_failedToStart; }

Q_SIGNALS:
    // Run `index` (from 0) of `count` is about to start.
    void runStarted(int index, int count);
    // The series is over: the combined result, or the error of a run that could not start.
    void finished(const ThreadLab::RunResult& result);

private:
    void onRunFinished(const RunResult& run);
    void finish();

    Engine* m_engine = nullptr;
    std::optional<Scenario> m_scenario;
    RunSettings m_settings;
    std::vector<EngineKind> m_engines;
    std::vector<RunSeries> m_series; // one per engine
    MachineLoad::Sample m_loadAtStart;
    int m_index = 0;
    int m_count = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_failedToStart = false;
};

} // namespace ThreadLab
