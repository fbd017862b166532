#include "results/enginecomparison.h"

#include "results/lessonverdict.h"
#include "scenario/scenario.h"

#include <algorithm>
#include <utility>

namespace ThreadLab {

namespace {

const FidelityLine::Value* valueOf(const FidelityLine& line, EngineKind engine)
{
    const auto found = std::find_if(line.values.begin(), line.values.end(),
                                    [engine](const FidelityLine::Value& v) { return v.engine == engine; });
    return found == line.values.end() ? nullptr : &*found;
}

// The model's value minus CPython's when both ran, else the first engine's minus the second's.
std::optional<double> differenceOf(const FidelityLine& line)
{
    const FidelityLine::Value* a = valueOf(line, EngineKind::Model);
    const FidelityLine::Value* b = valueOf(line, EngineKind::CPython);
    if (!a || !b) {
        a = &line.values[0];
        b = &line.values[1];
    }
    if (!a->value || !b->value)
        return std::nullopt;
    return *a->value - *b->value;
}

} // namespace

std::vector<FidelityLine> EngineComparison::fidelity(const std::vector<LessonCheck>& checks,
                                                     const std::vector<RunResult>& perEngine)
{
    std::vector<FidelityLine> out;
    if (perEngine.size() < 2)
        return out;
    for (const LessonCheck& check : checks) {
        const QString label = tr("%1 / %2").arg(check.variant, check.baseline);
        // One line per ratio: a check for the GIL on and one for off may name the same pair.
        if (check.kind != LessonCheckKind::Ratio
            || std::any_of(out.begin(), out.end(), [&label](const FidelityLine& l) { return l.check == label; }))
            continue;
        FidelityLine line;
        line.check = label;
        bool applies = false;
        for (const RunResult& run : perEngine) {
            // The first check of this ratio that applies to the engine (its GIL mode, its cores).
            const auto own = std::find_if(checks.begin(), checks.end(), [&check, &run](const LessonCheck& c) {
                return c.kind == LessonCheckKind::Ratio && c.variant == check.variant && c.baseline == check.baseline
                    && LessonVerdict::applies(c, run);
            });
            std::optional<double> value;
            if (own != checks.end() && !run.cancelled)
                value = LessonVerdict::evaluateOne(*own, run).value;
            applies = applies || own != checks.end();
            line.values.push_back({run.settings.engine, value});
        }
        line.difference = differenceOf(line);
        if (applies)
            out.push_back(std::move(line));
    }
    return out;
}

RunResult EngineComparison::combined(std::vector<RunResult> perEngine, const std::vector<LessonCheck>& checks)
{
    if (perEngine.empty())
        return {};
    RunResult out = perEngine.front();
    out.variants.clear();
    out.lesson.reset();
    for (const RunResult& run : perEngine) {
        out.cancelled = out.cancelled || run.cancelled;
        if (run.python && !out.python)
            out.python = run.python;
    }
    // A variant in each engine, one after the other, by the first engine's order.
    for (const VariantResult& first : perEngine.front().variants)
        for (const RunResult& run : perEngine)
            for (const VariantResult& v : run.variants)
                if (v.name == first.name) {
                    VariantResult paired = v;
                    paired.name = pairedName(v);
                    if (paired.scenarioName.isEmpty())
                        paired.scenarioName = v.name;
                    out.variants.push_back(std::move(paired));
                }
    out.fidelity = fidelity(checks, perEngine);
    out.engineRuns = std::move(perEngine);
    return out;
}

QString EngineComparison::pairedName(const VariantResult& variant)
{
    return tr("%1 · %2").arg(variant.name, engineTitle(variant.engine));
}

QString EngineComparison::plainName(const RunResult& combined, const VariantResult& variant)
{
    for (const RunResult& run : combined.engineRuns)
        for (const VariantResult& v : run.variants)
            if (v.engine == variant.engine && pairedName(v) == variant.name)
                return v.name;
    return variant.name;
}

QString EngineComparison::line(const FidelityLine& fidelity)
{
    QString text = fidelity.check;
    for (const FidelityLine::Value& v : fidelity.values)
        text += tr("   %1 %2").arg(engineTitle(v.engine),
                                   v.value ? tr("%1×").arg(*v.value, 0, 'f', 2) : tr("not measured"));
    if (fidelity.difference)
        text += tr("   difference %1%2").arg(*fidelity.difference >= 0 ? QStringLiteral("+") : QString())
                    .arg(*fidelity.difference, 0, 'f', 2);
    return text;
}

QStringList EngineComparison::lines(const std::vector<FidelityLine>& fidelity)
{
    if (fidelity.empty())
        return {};
    QStringList out {tr("Fidelity (each ratio of the lesson in every engine):")};
    for (const FidelityLine& f : fidelity)
        out << QStringLiteral("  ") + line(f);
    return out;
}

} // namespace ThreadLab
