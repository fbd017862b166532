#include "engine/seriesrunner.h"

#include "engine/engine.h"
#include "results/lessonverdict.h"
#include "results/runhistory.h"

#include <algorithm>

namespace ThreadLab {

namespace {

bool aWorkerCouldNotStart(const RunResult& run)
{
    for (const VariantResult& v : run.variants)
        for (const WorkerResult& w : v.workers)
            if (w.failure == WorkerFailure::CouldNotStart)
                return true;
    return false;
}

} // namespace

SeriesRunner::SeriesRunner(Engine* engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
    connect(m_engine, &Engine::runFinished, this, &SeriesRunner::onRunFinished);
}

SeriesRunner::~SeriesRunner() = default;

bool SeriesRunner::start(const Scenario& scenario, const RunSettings& settings, int runs)
{
    if (m_running)
        return false;
    m_scenario = scenario;
    m_settings = settings;
    m_series = RunSeries();
    m_index = 0;
    m_count = std::max(1, runs);
    m_cancelled = false;
    m_failedToStart = false;
    m_loadAtStart = MachineLoad::sample();
    if (!m_engine->start(*m_scenario, m_settings))
        return false;
    m_running = true;
    Q_EMIT runStarted(m_index, m_count);
    return true;
}

void SeriesRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_engine->cancel();
}

void SeriesRunner::onRunFinished(const RunResult& run)
{
    if (!m_running)
        return; // a run started by someone else
    if (!run.error.isEmpty()) {
        m_running = false;
        Q_EMIT finished(run);
        return;
    }
    m_series.add(run);
    if (!m_settings.modelCosts)
        m_settings.modelCosts = run.settings.modelCosts; // every run of a series charges the same figures
    m_failedToStart = m_failedToStart || aWorkerCouldNotStart(run);
    if (run.cancelled || m_cancelled || m_failedToStart || ++m_index >= m_count) {
        finish();
        return;
    }
    Q_EMIT runStarted(m_index, m_count);
    if (m_cancelled || !m_engine->start(*m_scenario, m_settings)) // stopped in between
        finish();
}

void SeriesRunner::finish()
{
    m_running = false;
    RunResult result = m_series.combined();
    result.cancelled = result.cancelled || m_cancelled; // also when stopped between two runs
    result.lesson = LessonVerdict::evaluate(m_scenario->lessonChecks, result,
                                            MachineLoad::between(m_loadAtStart, MachineLoad::sample(), result.cores));
    result.meaningfulComparisons = RunHistory::meaningfulComparisons(*m_scenario);
    Q_EMIT finished(result);
}

} // namespace ThreadLab
