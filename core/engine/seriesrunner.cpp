#include "engine/seriesrunner.h"

#include "engine/engine.h"
#include "results/enginecomparison.h"
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
    m_engines = settings.engines.empty() ? std::vector<EngineKind> {settings.engine} : settings.engines;
    m_settings.engines.clear();
    m_series.assign(m_engines.size(), RunSeries());
    m_index = 0;
    m_count = std::max(1, runs) * static_cast<int>(m_engines.size());
    m_cancelled = false;
    m_failedToStart = false;
    m_loadAtStart = MachineLoad::sample();
    if (!m_engine->start(*m_scenario, settingsOf(m_index)))
        return false;
    m_running = true;
    Q_EMIT runStarted(m_index, m_count);
    return true;
}

RunSettings SeriesRunner::settingsOf(int index) const
{
    RunSettings s = m_settings;
    if (m_engines.size() < 2)
        return s; // one engine: the settings as given (--gil off keeps its own words)
    s.engine = m_engines[static_cast<std::size_t>(index) % m_engines.size()];
    s.gil = s.engine != EngineKind::Native;
    return s;
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
    m_series[static_cast<std::size_t>(m_index) % m_engines.size()].add(run);
    if (!m_settings.modelCosts)
        m_settings.modelCosts = run.settings.modelCosts; // every run of a series charges the same figures
    m_failedToStart = m_failedToStart || aWorkerCouldNotStart(run);
    if (run.cancelled || m_cancelled || m_failedToStart || ++m_index >= m_count) {
        finish();
        return;
    }
    Q_EMIT runStarted(m_index, m_count);
    if (m_cancelled || !m_engine->start(*m_scenario, settingsOf(m_index))) // stopped in between
        finish();
}

void SeriesRunner::finish()
{
    m_running = false;
    std::vector<RunResult> perEngine; // the engines that ran at least once; the first always
    for (std::size_t e = 0; e < m_engines.size(); ++e) {
        if (e > 0 && m_series[e].isEmpty())
            continue;
        perEngine.push_back(m_series[e].combined());
        perEngine.back().cancelled = perEngine.back().cancelled || m_cancelled; // also when stopped between two runs
        perEngine.back().meaningfulComparisons = RunHistory::meaningfulComparisons(*m_scenario);
    }
    const MachineLoad load = MachineLoad::between(m_loadAtStart, MachineLoad::sample(), perEngine.front().cores);
    for (RunResult& result : perEngine)
        result.lesson = LessonVerdict::evaluate(m_scenario->lessonChecks, result, load);
    if (perEngine.size() == 1) {
        Q_EMIT finished(perEngine.front());
        return;
    }
    RunResult result = EngineComparison::combined(std::move(perEngine), m_scenario->lessonChecks);
    result.meaningfulComparisons = RunHistory::meaningfulComparisons(*m_scenario);
    Q_EMIT finished(result);
}

} // namespace ThreadLab
