#include "results/runhistory.h"

#include "results/enginecomparison.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace ThreadLab {

namespace {

const QString separator = QStringLiteral(" · ");

bool differs(const std::vector<RunResult>& runs, auto&& field)
{
    return std::any_of(runs.begin(), runs.end(), [&field, &runs](const RunResult& r) { return field(r) != field(runs.front()); });
}

// base ÷ v; 0 where a cancelled variant's time would say nothing about speed.
double speedupOver(const VariantResult& base, const VariantResult& v)
{
    return v.elapsedMs > 0 && !v.cancelled && !base.cancelled ? base.elapsedMs / v.elapsedMs : 0;
}

} // namespace

void RunHistory::add(const RunResult& run)
{
    if (!run.error.isEmpty() || run.variants.empty())
        return;
    m_runs.push_back(run);
    while (static_cast<int>(m_runs.size()) > m_maxRuns)
        m_runs.erase(m_runs.begin());
}

void RunHistory::clear()
{
    m_runs.clear();
}

void RunHistory::setMaxRuns(int maxRuns)
{
    m_maxRuns = std::max(1, maxRuns);
    while (static_cast<int>(m_runs.size()) > m_maxRuns)
        m_runs.erase(m_runs.begin());
}

QStringList RunHistory::baseTag(const RunResult& run) const
{
    QStringList parts {run.settings.gil ? tr("GIL on") : tr("GIL off")};
    if (!run.engineRuns.empty()) // each variant's name says its engine, whose GIL is its own
        parts = QStringList {tr("engines side by side")};
    // A worker override always shows: the variant's own name ("4 threads") would mislead.
    if (run.settings.workers > 0)
        parts << tr("%1 workers").arg(run.settings.workers);
    else if (differs(m_runs, [](const RunResult& r) { return r.settings.workers; }))
        parts << tr("default workers");
    if (run.settings.gil && differs(m_runs, [](const RunResult& r) { return r.settings.switchIntervalMs; }))
        parts << tr("switch %1 ms").arg(run.settings.switchIntervalMs);
    if (differs(m_runs, [](const RunResult& r) { return r.timeScale; }))
        parts << tr("time ×%1").arg(run.timeScale);
    // A bar of repeated runs is their median; its whisker is the spread.
    if (run.repeats > 1)
        parts << tr("median of %1 runs").arg(run.repeats);
    return parts;
}

QStringList RunHistory::tagParts(int index) const
{
    const RunResult& mine = run(index);
    QStringList parts = baseTag(mine);
    const bool twin = std::any_of(m_runs.begin(), m_runs.end(),
                                  [this, &mine, &parts](const RunResult& r) { return &r != &mine && baseTag(r) == parts; });
    if (twin)
        parts << tr("run %1").arg(index + 1);
    return parts;
}

QString RunHistory::runTag(int index) const
{
    return tagParts(index).join(separator);
}

QString RunHistory::variantLabel(int runIndex, std::size_t variantIndex) const
{
    return run(runIndex).variants.at(variantIndex).name + separator + runTag(runIndex);
}

namespace {

// An engine as a chart's legend names it.
QString engineLegend(EngineKind engine)
{
    switch (engine) {
    case EngineKind::Model: return RunHistory::tr("Model");
    case EngineKind::CPython: return RunHistory::tr("CPython");
    case EngineKind::Native: return RunHistory::tr("Native");
    }
    return RunHistory::tr("Model");
}

} // namespace

std::vector<RunHistory::BarSet> RunHistory::barSets() const
{
    std::vector<BarSet> out;
    for (int ri = 0; ri < runCount(); ++ri) {
        const RunResult& r = run(ri);
        if (r.engineRuns.empty()) {
            out.push_back({ri, r.settings.engine, runTag(ri)});
            continue;
        }
        // "engines side by side" gives way to the engine; the rest still tells the runs apart.
        // Alone in the history, the run's engines need no more (its bars' whiskers say "median").
        QStringList parts = tagParts(ri);
        if (runCount() == 1)
            parts.removeAll(tr("median of %1 runs").arg(r.repeats));
        for (const RunResult& e : r.engineRuns) {
            parts.first() = engineLegend(e.settings.engine);
            out.push_back({ri, e.settings.engine, parts.join(separator)});
        }
    }
    return out;
}

int RunHistory::barSetOf(int runIndex, EngineKind engine) const
{
    const bool engines = !run(runIndex).engineRuns.empty();
    const std::vector<BarSet> sets = barSets();
    for (std::size_t k = 0; k < sets.size(); ++k)
        if (sets[k].run == runIndex && (!engines || sets[k].engine == engine))
            return static_cast<int>(k);
    return 0;
}

bool RunHistory::hasEngines() const
{
    return std::any_of(m_runs.begin(), m_runs.end(), [](const RunResult& r) { return !r.engineRuns.empty(); });
}

std::vector<ElapsedEntry> RunHistory::elapsed() const
{
    std::vector<ElapsedEntry> out;
    for (int ri = 0; ri < runCount(); ++ri) {
        const RunResult& r = run(ri);
        const QString tag = runTag(ri);
        for (std::size_t vi = 0; vi < r.variants.size(); ++vi) {
            const VariantResult& v = r.variants[vi];
            ElapsedEntry e;
            e.run = ri;
            e.variant = v.name;
            e.category = EngineComparison::plainName(r, v);
            e.set = barSetOf(ri, v.engine);
            e.engine = v.engine;
            e.label = v.name + separator + tag;
            e.elapsedMs = v.elapsedMs;
            e.speedup = speedup(r, vi);
            e.cancelled = v.cancelled;
            e.cutOff = !v.observations.cutOff.empty();
            e.cutOffMs = e.cutOff ? v.observations.cutOff.front().atMs : 0;
            if (v.elapsedRunsMs.size() > 1)
                e.runsMs = v.elapsedRunsMs;
            out.push_back(e);
        }
    }
    return out;
}

std::vector<SpeedupSeries> RunHistory::speedupSeries() const
{
    std::vector<SpeedupSeries> out;
    for (int ri = 0; ri < runCount(); ++ri) {
        const RunResult& r = run(ri);
        // Modes in the order their first sweep variant ran; a line per engine of a mode.
        std::vector<std::pair<VariantMode, EngineKind>> modes;
        for (const VariantResult& v : r.variants)
            if (v.sweepWorkers > 0 && std::find(modes.begin(), modes.end(), std::pair(v.mode, v.engine)) == modes.end())
                modes.emplace_back(v.mode, v.engine);
        for (const auto& modeEngine : modes) {
            const VariantMode mode = modeEngine.first;
            const EngineKind engine = modeEngine.second;
            std::map<int, SpeedupPoint> byWorkers;
            for (std::size_t vi = 0; vi < r.variants.size(); ++vi) {
                const VariantResult& v = r.variants[vi];
                const double s = v.mode == mode && v.engine == engine && v.sweepWorkers > 0 ? speedup(r, vi) : 0;
                if (s > 0)
                    byWorkers[v.sweepWorkers] = {v.sweepWorkers, s, v.elapsedMs};
            }
            if (byWorkers.empty())
                continue; // no 1-worker baseline (cancelled early): nothing to compare against
            SpeedupSeries series;
            series.run = ri;
            series.mode = mode;
            series.engine = engine;
            series.label = variantModeName(mode) + separator
                + (r.engineRuns.empty() ? QString() : engineTitle(engine) + separator) + runTag(ri);
            series.set = barSetOf(ri, engine);
            series.key = r.engineRuns.empty() ? series.label
                                              : variantModeName(mode) + separator + barSets()[static_cast<std::size_t>(series.set)].name;
            for (const auto& entry : byWorkers)
                series.points.push_back(entry.second);
            out.push_back(std::move(series));
        }
    }
    return out;
}

bool RunHistory::hasSweep() const
{
    return std::any_of(m_runs.begin(), m_runs.end(), [](const RunResult& r) {
        return std::any_of(r.variants.begin(), r.variants.end(), [](const VariantResult& v) { return v.sweepWorkers > 0; });
    });
}

int RunHistory::maxSweepWorkers() const
{
    int most = 0;
    for (const RunResult& r : m_runs)
        for (const VariantResult& v : r.variants)
            most = std::max(most, v.sweepWorkers);
    return most;
}

std::vector<LatencySeries> RunHistory::latencySeries() const
{
    std::vector<LatencySeries> out;
    for (int ri = 0; ri < runCount(); ++ri) {
        const RunResult& r = run(ri);
        for (std::size_t vi = 0; vi < r.variants.size(); ++vi) {
            const VariantResult& v = r.variants[vi];
            LatencySeries s;
            s.run = ri;
            s.mode = v.mode;
            s.label = variantLabel(ri, vi);
            s.key = r.engineRuns.empty() ? s.label
                                         : EngineComparison::plainName(r, v) + separator
                        + barSets()[static_cast<std::size_t>(barSetOf(ri, v.engine))].name;
            for (const WorkerResult& w : v.workers)
                if (w.kind != LaneKind::Main)
                    s.latenciesUs.push_back(w.startLatencyUs);
            // Sequential variants run their work on main: there is no worker to start.
            if (!s.latenciesUs.empty())
                out.push_back(std::move(s));
        }
    }
    return out;
}

namespace {

// The variant as the scenario names it ("4 threads" even when --workers made it "8 threads");
// recorded and hand-made results may only carry the run's name.
bool named(const VariantResult& v, const QString& name)
{
    return v.scenarioName == name || (v.scenarioName.isEmpty() && v.name == name);
}

const VariantResult* meaningfulBaseline(const std::vector<VariantResult>& variants, std::size_t index,
                                        const VariantPairs& meaningful)
{
    const VariantResult& v = variants[index];
    bool isBaseline = false;
    for (const auto& pair : meaningful) {
        const auto& base = pair.second; // a plain reference: clang 14 cannot capture a structured binding
        isBaseline = isBaseline || named(v, base);
        if (!named(v, pair.first))
            continue;
        // In the same engine: a series in two engines holds each variant twice.
        const auto found = std::find_if(variants.begin(), variants.end(), [&base, &v](const VariantResult& b) {
            return named(b, base) && b.engine == v.engine;
        });
        if (found != variants.end())
            return &*found;
    }
    return isBaseline ? &v : nullptr;
}

} // namespace

const VariantResult* RunHistory::baseline(const std::vector<VariantResult>& variants, std::size_t index,
                                          const std::optional<VariantPairs>& meaningful)
{
    if (index >= variants.size())
        return nullptr;
    const VariantResult& v = variants[index];
    if (v.sweepWorkers <= 0 && meaningful)
        return meaningfulBaseline(variants, index, *meaningful);
    if (v.sweepWorkers <= 0) // the run's first variant in the same engine
        return &*std::find_if(variants.begin(), variants.end(),
                              [&v](const VariantResult& b) { return b.engine == v.engine; });
    const VariantResult* base = nullptr;
    for (std::size_t i = 0; i <= index; ++i)
        if (variants[i].mode == v.mode && variants[i].sweepWorkers == 1 && variants[i].engine == v.engine)
            base = &variants[i];
    return base;
}

const VariantResult* RunHistory::baseline(const RunResult& run, std::size_t index)
{
    return baseline(run.variants, index, run.meaningfulComparisons);
}

double RunHistory::speedup(const std::vector<VariantResult>& variants, std::size_t index,
                           const std::optional<VariantPairs>& meaningful)
{
    const VariantResult* base = baseline(variants, index, meaningful);
    return base ? speedupOver(*base, variants[index]) : 0;
}

double RunHistory::speedup(const RunResult& run, std::size_t index)
{
    return speedup(run.variants, index, run.meaningfulComparisons);
}

bool RunHistory::compared(const RunResult& run, std::size_t index)
{
    return !run.meaningfulComparisons || baseline(run, index);
}

Comparison RunHistory::comparison(const std::vector<VariantResult>& variants, std::size_t index,
                                  const std::optional<VariantPairs>& meaningful)
{
    const VariantResult* base = baseline(variants, index, meaningful);
    if (!base)
        return {};
    return {base == &variants[index] ? 0 : speedup(variants, index, meaningful), base->name};
}

std::optional<VariantPairs> RunHistory::meaningfulComparisons(const Scenario& scenario)
{
    if (scenario.lessonChecks.empty())
        return std::nullopt;
    VariantPairs pairs;
    for (const LessonCheck& check : scenario.lessonChecks)
        if (check.kind == LessonCheckKind::Ratio)
            pairs.emplace_back(check.variant, check.baseline);
    return pairs;
}

QString RunHistory::speedupText(double speedup)
{
    if (!(speedup > 0) || !std::isfinite(speedup))
        return {};
    return tr("%1×").arg(speedup, 0, 'f', speedup < 10 ? 2 : 1);
}

QString RunHistory::durationText(double ms)
{
    if (ms >= 1000)
        return tr("%1 s").arg(ms / 1000.0, 0, 'f', 2);
    if (ms >= 10)
        return tr("%1 ms").arg(ms, 0, 'f', 0);
    return tr("%1 ms").arg(ms, 0, 'f', 1);
}

QString RunHistory::rangeText(double fastestMs, double slowestMs)
{
    if (slowestMs >= 1000)
        return tr("%1–%2 s").arg(fastestMs / 1000.0, 0, 'f', 2).arg(slowestMs / 1000.0, 0, 'f', 2);
    const int decimals = slowestMs >= 10 ? 0 : 1;
    return tr("%1–%2 ms").arg(fastestMs, 0, 'f', decimals).arg(slowestMs, 0, 'f', decimals);
}

QString RunHistory::cutOffText(double cutOffMs)
{
    return tr("cut off after %1 s").arg(cutOffMs / 1000.0, 0, 'f', 2);
}

QString RunHistory::comparisonText(double speedup, const QString& baseline)
{
    if (!(speedup > 0) || !std::isfinite(speedup))
        return {};
    // Within 10 % is noise on a busy machine, not a lesson.
    if (speedup >= 0.9 && speedup <= 1.1)
        return tr("about as fast as %1").arg(baseline);
    if (speedup > 1)
        return tr("%1 faster than %2").arg(speedupText(speedup), baseline);
    return tr("%1 slower than %2").arg(speedupText(1.0 / speedup), baseline);
}

} // namespace ThreadLab
