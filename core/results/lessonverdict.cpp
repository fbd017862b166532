#include "results/lessonverdict.h"

#include "i18n/translations.h"

#include "results/runhistory.h"
#include "results/variantresult.h"
#include "scenario/scenario.h"

#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace ThreadLab {

namespace {

const VariantResult* variantNamed(const RunResult& run, const QString& name)
{
    // By the scenario's own name ("4 threads"), which stays when --workers renames the run's
    // ("8 threads"); recorded and hand-made results may only carry the run's name.
    for (const VariantResult& v : run.variants)
        if (v.scenarioName == name || (v.scenarioName.isEmpty() && v.name == name))
            return &v;
    return nullptr;
}

// The check's words name variants as the scenario does; say them as this run ran them.
QString retitled(QString text, const LessonCheck& check, const RunResult& run)
{
    for (const QString& name : {check.variant, check.baseline}) {
        const VariantResult* v = name.isEmpty() ? nullptr : variantNamed(run, name);
        if (v && !v->scenarioName.isEmpty() && v->name != v->scenarioName)
            text.replace(v->scenarioName, v->name);
    }
    return text;
}

bool withinBounds(const LessonCheck& check, double value)
{
    return (!check.atLeast || value >= *check.atLeast) && (!check.atMost || value <= *check.atMost);
}

// A worker named as the check says: its own name, or a group's template ("worker-{n}").
bool chosen(const LessonCheck& check, const WorkerResult& worker)
{
    if (worker.kind == LaneKind::Main)
        return false;
    if (check.workers.isEmpty())
        return true;
    for (const QString& name : check.workers) {
        if (name == worker.name)
            return true;
        if (!name.contains(QStringLiteral("{n}")))
            continue;
        const QString pattern = QRegularExpression::escape(name).replace(QStringLiteral("\\{n\\}"), QStringLiteral("[0-9]+"));
        if (QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(worker.name).hasMatch())
            return true;
    }
    return false;
}

std::optional<double> observed(ObservedValue what, const Observations& o)
{
    switch (what) {
    case ObservedValue::UpdatesLost:
        if (const auto lost = o.updatesLost())
            return double(*lost);
        return std::nullopt;
    case ObservedValue::ParentListLength:
        return o.parentList ? std::optional<double>(double(o.parentList->size())) : std::nullopt;
    case ObservedValue::ChildListLength: {
        // The shortest: every child must have its own copy filled.
        if (!o.childLists || o.childLists->empty())
            return std::nullopt;
        std::size_t shortest = o.childLists->begin()->second.size();
        for (const auto& [name, list] : *o.childLists)
            shortest = std::min(shortest, list.size());
        return double(shortest);
    }
    case ObservedValue::ItemsMissing:
        return o.items ? std::optional<double>(double(o.items->expected - o.items->received)) : std::nullopt;
    case ObservedValue::CutOff: return double(o.cutOff.size());
    case ObservedValue::Crashed: return double(o.crashed.size());
    }
    return std::nullopt;
}

} // namespace

bool LessonVerdict::applies(const LessonCheck& check, const RunResult& run)
{
    const VariantResult* variant = variantNamed(run, check.variant);
    const VariantResult* baseline =
        check.kind == LessonCheckKind::Ratio ? variantNamed(run, check.baseline) : variant;
    if (!variant || !baseline || run.cores < check.minCores)
        return false;
    return !check.gil || (variant->gil == *check.gil && baseline->gil == *check.gil);
}

std::optional<LessonVerdict> LessonVerdict::evaluate(const std::vector<LessonCheck>& checks, const RunResult& run,
                                                     const MachineLoad& load)
{
    if (run.cancelled)
        return std::nullopt;
    LessonVerdict verdict;
    verdict.m_load = load;
    for (const LessonCheck& check : checks)
        if (applies(check, run)) {
            Check c = evaluateOne(check, run);
            c.text = retitled(c.text, check, run);
            c.shown = retitled(c.shown, check, run);
            verdict.m_checks.push_back(std::move(c));
        }
    if (verdict.m_checks.empty())
        return std::nullopt;
    return verdict;
}

LessonVerdict::Check LessonVerdict::evaluateOne(const LessonCheck& check, const RunResult& run)
{
    const VariantResult* variant = variantNamed(run, check.variant);
    if (!variant || variant->cancelled)
        return checked(check, std::nullopt, false, tr("not measured"));
    switch (check.kind) {
    case LessonCheckKind::Ratio: {
        const VariantResult* baseline = variantNamed(run, check.baseline);
        if (!baseline || baseline->cancelled)
            return checked(check, std::nullopt, false, tr("not measured"));
        return ratio(check, *variant, *baseline);
    }
    case LessonCheckKind::Observation: return observation(check, *variant);
    case LessonCheckKind::Outcome: return outcome(check, *variant);
    case LessonCheckKind::Overlap: return overlap(check, *variant);
    }
    return checked(check, std::nullopt, false, tr("not measured"));
}

LessonVerdict::Check LessonVerdict::ratio(const LessonCheck& check, const VariantResult& variant,
                                          const VariantResult& baseline)
{
    if (baseline.elapsedMs <= 0)
        return checked(check, std::nullopt, false, tr("not measured"));
    const double r = variant.elapsedMs / baseline.elapsedMs;
    return checked(check, r, withinBounds(check, r), RunHistory::speedupText(r)); // a factor, worded alike
}

LessonVerdict::Check LessonVerdict::observation(const LessonCheck& check, const VariantResult& variant)
{
    const std::optional<double> value = observed(check.observation, variant.observations);
    if (!value)
        return checked(check, std::nullopt, false, tr("not observed"));
    return checked(check, value, withinBounds(check, *value), QString::number(qint64(*value)));
}

LessonVerdict::Check LessonVerdict::outcome(const LessonCheck& check, const VariantResult& variant)
{
    const WorkerOutcome wanted = outcomeOf(check.outcome);
    int matching = 0;
    int total = 0;
    for (const WorkerResult& w : variant.workers) {
        if (!chosen(check, w))
            continue;
        ++total;
        matching += w.outcome == wanted ? 1 : 0;
    }
    bool holds = false;
    switch (check.quota) {
    case WorkerQuota::All: holds = total > 0 && matching == total; break;
    case WorkerQuota::Some: holds = matching > 0; break;
    case WorkerQuota::None: holds = total > 0 && matching == 0; break;
    }
    return checked(check, matching, holds, tr("%1 of %2").arg(matching).arg(total));
}

LessonVerdict::Check LessonVerdict::overlap(const LessonCheck& check, const VariantResult& variant)
{
    // Each worker is alive from its first state after "created" to its end. Sweep the starts and
    // ends in time order (an end before a start at the same instant: touching is not overlapping)
    // and keep the most alive at once.
    std::vector<std::pair<double, int>> edges;
    for (const WorkerResult& w : variant.workers) {
        if (w.kind == LaneKind::Main)
            continue;
        const auto first = std::find_if(w.intervals.begin(), w.intervals.end(),
                                        [](const StateInterval& s) { return s.state != WorkerState::Created; });
        if (first == w.intervals.end())
            continue;
        edges.emplace_back(first->startMs, +1);
        edges.emplace_back(std::max(first->startMs, w.endMs), -1);
    }
    std::sort(edges.begin(), edges.end());
    int alive = 0;
    int most = 0;
    for (const auto& [t, step] : edges) {
        alive += step;
        most = std::max(most, alive);
    }
    const bool holds = check.overlap ? most >= 2 : most <= 1;
    return checked(check, most, holds, most <= 1 ? tr("one at a time") : tr("up to %1 at once").arg(most));
}

LessonVerdict::Check LessonVerdict::checked(const LessonCheck& check, std::optional<double> value, bool holds,
                                            const QString& valueText)
{
    QString text = check.text;
    text.replace(QStringLiteral("{value}"), valueText);
    QString shown = textIn(check.text, check.textTranslations, Translations::current());
    shown.replace(QStringLiteral("{value}"), valueText);
    return Check {text, shown, holds, value};
}

bool LessonVerdict::holds() const
{
    return std::all_of(m_checks.begin(), m_checks.end(), [](const Check& c) { return c.holds; });
}

QString LessonVerdict::cause() const
{
    if (holds())
        return {};
    if (!m_load.known())
        return tr("the machine's load could not be measured here, so the cause is unknown");
    if (m_load.busy())
        return tr("the machine was busy (%1)").arg(m_load.text());
    return tr("the machine was not busy (%1), so the cause lies elsewhere").arg(m_load.text());
}

QStringList LessonVerdict::lines() const
{
    QStringList lines;
    QStringList failed;
    for (const Check& c : m_checks) {
        lines << (c.holds ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + c.shown;
        if (!c.holds)
            failed << c.shown;
    }
    if (!failed.isEmpty())
        lines << tr("✗ this run did not show the lesson: %1; %2").arg(failed.join(QStringLiteral("; ")), cause());
    return lines;
}

} // namespace ThreadLab
