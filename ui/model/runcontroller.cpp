#include "model/runcontroller.h"

#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/seriesrunner.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRunController, "threadlab.ui.run", QtInfoMsg)

namespace ThreadLab {

RunController::RunController(QObject* parent)
    : QObject(parent)
    , m_engine(new Engine(this))
    , m_series(new SeriesRunner(m_engine, this))
{
    m_frameTimer.setInterval(frameIntervalMs);
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_frameTimer, &QTimer::timeout, this, &RunController::onFrame);
    connect(m_engine, &Engine::variantStarted, this, &RunController::onVariantStarted);
    connect(m_engine, &Engine::variantFinished, this, &RunController::onVariantFinished);
    connect(m_series, &SeriesRunner::runStarted, this, &RunController::onSeriesRunStarted);
    connect(m_series, &SeriesRunner::finished, this, &RunController::onRunFinished);
}

RunController::~RunController() = default;

void RunController::setScenario(const Scenario& scenario)
{
    if (m_running) {
        m_discard = true;
        m_series->cancel();
        m_frameTimer.stop();
        m_reader.clear();
    }
    m_scenario = scenario;
    m_meaningful = RunHistory::meaningfulComparisons(scenario);
    m_history.clear();
    m_lastRun.reset();
    m_finished.clear();
    Q_EMIT scenarioChanged(*m_scenario);
    Q_EMIT historyChanged();
}

bool RunController::start(const RunSettings& settings, int runs)
{
    if (!m_scenario || m_running)
        return false;
    m_settings = settings;
    m_discard = false;
    // Busy before the first run's runStarted(), which the series emits from start().
    m_running = true;
    Q_EMIT runningChanged(true);
    if (!m_series->start(*m_scenario, settings, runs)) {
        m_running = false;
        Q_EMIT runningChanged(false);
        return false;
    }
    qCDebug(lcRunController) << "run" << m_scenario->id << "started," << runs << "run(s)";
    m_frameTimer.start();
    return true;
}

void RunController::cancel()
{
    if (m_running)
        m_series->cancel();
}

int RunController::seriesRun() const noexcept
{
    return m_series->runIndex();
}

int RunController::seriesRuns() const noexcept
{
    return m_series->runCount();
}

void RunController::onSeriesRunStarted(int index, int count)
{
    if (m_discard)
        return;
    if (m_reader.isActive()) {
        emitOutput(m_reader.readRest());
        m_reader.clear();
    }
    m_finished.clear();
    Q_EMIT runStarted(m_series->settingsOf(index)); // in two engines, the engine of this run
    Q_EMIT seriesProgress(index, count);
}

void RunController::clearHistory()
{
    m_history.clear();
    Q_EMIT historyChanged();
}

void RunController::showRun(const RunResult& run)
{
    if (m_running)
        return;
    // Worded as a run of the current scenario would be: what its lesson compares.
    RunResult shown = run;
    if (m_scenario && m_scenario->id == run.scenarioId)
        shown.meaningfulComparisons = m_meaningful;
    m_finished.clear();
    Q_EMIT runStarted(shown.settings);
    for (std::size_t i = 0; i < shown.variants.size(); ++i) {
        const VariantResult& v = shown.variants[i];
        const int index = static_cast<int>(i);
        Q_EMIT variantStarted(index, v.name, v.log);
        emitOutput(LiveOutputReader::fromResult(index, v));
        onVariantFinished(index, v);
    }
    m_lastRun = shown;
    m_history.add(shown);
    Q_EMIT runFinished(shown);
    Q_EMIT historyChanged();
}

void RunController::onVariantStarted(int index, const QString& name, const std::shared_ptr<const EventLog>& log)
{
    if (m_discard)
        return;
    m_reader.reset(index, log);
    Q_EMIT variantStarted(index, name, log);
}

void RunController::onVariantFinished(int index, const VariantResult& result)
{
    if (m_discard)
        return;
    if (m_reader.isActive()) {
        emitOutput(m_reader.readRest());
        m_reader.clear();
    }
    m_finished.push_back(result);
    const Comparison c = RunHistory::comparison(m_finished, m_finished.size() - 1, m_meaningful);
    Q_EMIT variantFinished(index, result, c.speedup, c.baseline);
}

void RunController::onRunFinished(const RunResult& finished)
{
    // The series judged the lesson as the command line does: the scenario's checks on the
    // medians, with how busy the machine was meanwhile as the likely cause when it did not show.
    const RunResult& result = finished;
    m_frameTimer.stop();
    m_running = false;
    Q_EMIT runningChanged(false);
    if (m_discard) {
        m_discard = false;
        return;
    }
    if (m_reader.isActive()) {
        emitOutput(m_reader.readRest());
        m_reader.clear();
    }
    qCDebug(lcRunController) << "run" << result.scenarioId << "finished" << (result.cancelled ? "(cancelled)" : "");
    if (result.error.isEmpty() && !result.variants.empty()) {
        m_lastRun = result;
        m_history.add(result);
    }
    Q_EMIT runFinished(result);
    Q_EMIT historyChanged();
}

void RunController::onFrame()
{
    emitOutput(m_reader.readNew(outputHoldBackNs));
    Q_EMIT frameTicked();
}

void RunController::emitOutput(std::vector<ConsoleLine> lines)
{
    if (!lines.empty())
        Q_EMIT outputRead(lines);
}

} // namespace ThreadLab
