#pragma once

#include "model/liveoutputreader.h"
#include "results/runhistory.h"
#include "engine/runsettings.h"
#include "scenario/scenario.h"
#include "results/variantresult.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace ThreadLab {

class Engine;
class EventLog;
class SeriesRunner;

// Between the engine and the views: starts and cancels runs of the current scenario, keeps the
// run history for the charts, and turns the engine's many events into a steady ~30 Hz beat
// while a run goes (a batch of new console lines and a frameTicked() per frame) so that no view
// sees a signal per event. The one coalescing timer of the window: the live timeline repaints on
// its beat too. Lives on the GUI thread; the engine does the work on its own thread.
class RunController : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    // 40 beats/s: a 33 ms beat capped the live timeline at 30 frames/s, the very floor the window
    // must keep with 16 CPU-bound workers (bench_gui); 25 ms leaves a margin.
    static constexpr int frameIntervalMs = 25;
    // Console lines younger than this wait one more frame so that late lanes sort in.
    static constexpr std::int64_t outputHoldBackNs = 60'000'000;

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    // A new scenario resets everything: a run still going is cancelled and its results dropped.
    void setScenario(const Scenario& scenario);
    const Scenario* scenario() const noexcept { return m_scenario ? &*m_scenario : nullptr; }

    // Runs the checked variants `runs` times, interleaved (Runs 1 / 3 / 5): each run plays live
    // into the views; runFinished() carries the series combined (medians, spread, lesson).
    bool start(const RunSettings& settings, int runs = 1);
    // Stops the run going and the rest of the series.
    void cancel();
    bool isRunning() const noexcept { return m_running; }
    // The run of the series going (from 0) and how many it has.
    int seriesRun() const noexcept;
    int seriesRuns() const noexcept;

    const RunHistory& history() const noexcept { return m_history; }
    void clearHistory();
    // The last run that finished (for CSV, trace and picture exports); null before the first.
    const RunResult* lastRun() const noexcept { return m_lastRun ? &*m_lastRun : nullptr; }

    // Plays a finished run into the views as if it had just happened (the command line's
    // --export-window-png, and tests). Ignored while a run is going.
    void showRun(const RunResult& run);

Q_SIGNALS:
    void scenarioChanged(const ThreadLab::Scenario& scenario);
    // The engine became busy or idle (idle also after a dropped run).
    void runningChanged(bool running);
    // Each run of a series starts afresh in the live views.
    void runStarted(const ThreadLab::RunSettings& settings);
    // Run `index` (from 0) of `count` of the series started (after runStarted).
    void seriesProgress(int index, int count);
    void variantStarted(int index, const QString& name, std::shared_ptr<const ThreadLab::EventLog> log);
    void outputRead(const std::vector<ThreadLab::ConsoleLine>& lines);
    // A frame of the run went by (every frameIntervalMs while running): live views repaint.
    void frameTicked();
    // speedup: the baseline's time ÷ this one's (0 for the baseline, when undefined, or when the
    // scenario's lesson does not compare this variant: RunHistory::comparison).
    void variantFinished(int index, const ThreadLab::VariantResult& result, double speedup, const QString& baseline);
    void runFinished(const ThreadLab::RunResult& result);
    void historyChanged();

private:
    void onVariantStarted(int index, const QString& name, const std::shared_ptr<const EventLog>& log);
    void onVariantFinished(int index, const VariantResult& result);
    void onSeriesRunStarted(int index, int count);
    void onRunFinished(const RunResult& result);
    void onFrame();
    void emitOutput(std::vector<ConsoleLine> lines);

    Engine* m_engine = nullptr; // owned through QObject parenting
    SeriesRunner* m_series = nullptr; // likewise
    QTimer m_frameTimer;
    LiveOutputReader m_reader;
    RunHistory m_history;
    std::optional<Scenario> m_scenario;
    std::optional<RunResult> m_lastRun;
    std::vector<VariantResult> m_finished; // variants of the run in progress, for speedups
    std::optional<VariantPairs> m_meaningful; // the scenario's meaningful comparisons
    RunSettings m_settings;                   // of the series going
    bool m_running = false;
    bool m_discard = false; // the scenario changed under a run: drop what it still reports
};

} // namespace ThreadLab
