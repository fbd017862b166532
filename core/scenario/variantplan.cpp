#include "scenario/variantplan.h"

#include "tasks/taskcatalogue.h"

#include <QRegularExpression>

#include <algorithm>

namespace ThreadLab {

int VariantPlanner::sweepMax(int cores)
{
    return std::clamp(2 * cores, 2, 16);
}

namespace {

// What the run is to expect from the task's effect on shared state.
void expectEffect(PlannedVariant& v, const TaskSpec& t)
{
    switch (TaskCatalogue::find(t.kind)->effect) {
    case TaskEffect::None: break;
    case TaskEffect::AppendsToList: v.hasAppend = true; break;
    case TaskEffect::SendsOverQueue: v.expectedItems += static_cast<int>(t.items.size()); break;
    case TaskEffect::IncrementsCounter:
        v.expectedIncrements += t.times;
        v.hasIncrement = true;
        break;
    }
}

// How many workers a scalable group has in this run.
int scaledCount(const WorkerGroup& g, const Scenario& scenario, int workersOverride, int sweepN)
{
    if (!g.scalable)
        return g.count;
    if (sweepN > 0)
        return sweepN;
    if (workersOverride > 0)
        return workersOverride;
    return scenario.defaultWorkers > 0 ? scenario.defaultWorkers : g.count;
}

// "threads" ↔ "thread", "processes" ↔ "process": scenario names are English words.
QString withNumber(const QString& noun, int count)
{
    static const QStringList sibilants {QStringLiteral("s"), QStringLiteral("x"), QStringLiteral("ch"), QStringLiteral("sh")};
    auto endsWithSibilant = [](const QString& word) {
        return std::any_of(sibilants.begin(), sibilants.end(), [&word](const QString& e) { return word.endsWith(e); });
    };
    if (count == 1 && noun.endsWith(u's')) {
        const QString stem = noun.chopped(2);
        return noun.endsWith(QLatin1String("es")) && endsWithSibilant(stem) ? stem : noun.chopped(1);
    }
    if (count != 1 && !noun.endsWith(u's'))
        return noun + (endsWithSibilant(noun) ? QStringLiteral("es") : QStringLiteral("s"));
    return noun;
}

PlannedVariant expand(const VariantSpec& spec, const Scenario& scenario, int workersOverride, int sweepN)
{
    PlannedVariant v;
    v.name = VariantPlanner::plannedName(scenario, spec, workersOverride, sweepN);
    v.scenarioName = sweepN > 0 ? v.name : spec.name;
    v.mode = spec.mode;
    v.pattern = spec.pattern;
    v.join = spec.join;
    v.receive = spec.receive;
    v.mainTasks = spec.mainTasks;
    v.sweepWorkers = sweepN;
    for (const WorkerGroup& g : spec.groups) {
        const int count = scaledCount(g, scenario, workersOverride, sweepN);
        for (int i = 0; i < count; ++i) {
            PlannedWorker w;
            w.number = i + 1;
            w.name = g.name;
            w.name.replace(QStringLiteral("{n}"), QString::number(i + 1));
            w.daemon = g.daemon;
            w.style = g.style;
            w.tasks = g.tasks;
            for (TaskSpec& t : w.tasks) {
                if (t.splitParts == 0) { // "split": share among the group
                    t.splitParts = count;
                    t.splitIndex = i;
                }
                expectEffect(v, t);
            }
            v.workers.push_back(std::move(w));
        }
    }
    return v;
}

} // namespace

QString VariantPlanner::plannedName(const Scenario& scenario, const VariantSpec& spec, int workersOverride, int sweepN)
{
    if (sweepN > 0)
        return spec.name + QStringLiteral("×%1").arg(sweepN);
    // The scalable groups' count as written, and as this run has it; groups that disagree say
    // nothing the name could follow.
    int declared = 0;
    int planned = 0;
    for (const WorkerGroup& g : spec.groups) {
        if (!g.scalable)
            continue;
        if (declared > 0 && g.count != declared)
            return spec.name;
        declared = g.count;
        planned = scaledCount(g, scenario, workersOverride, 0);
    }
    if (declared == 0 || planned == declared)
        return spec.name;
    // The declared number, standing alone and only once in the name, with the word after it.
    static const QRegularExpression number(QStringLiteral("(?<![\\d.])(\\d+)(?![\\d.])(\\s+(\\w+))?"));
    QRegularExpressionMatch found;
    int matches = 0;
    for (QRegularExpressionMatchIterator it = number.globalMatch(spec.name); it.hasNext();) {
        QRegularExpressionMatch m = it.next();
        if (m.captured(1).toInt() == declared) {
            found = m;
            ++matches;
        }
    }
    if (matches != 1)
        return spec.name;
    QString replacement = QString::number(planned);
    if (found.hasCaptured(3))
        replacement += found.captured(2).left(found.captured(2).size() - found.captured(3).size())
            + withNumber(found.captured(3), planned);
    QString name = spec.name;
    name.replace(found.capturedStart(0), found.capturedLength(0), replacement);
    return name;
}

std::vector<PlannedVariant> VariantPlanner::plan(const Scenario& scenario, const RunSettings& settings, int cores,
                                                 QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::vector<PlannedVariant> {};
    };
    QStringList known;
    for (const VariantSpec& spec : scenario.variants)
        known << spec.name;
    QStringList unmatched = settings.variants;
    std::vector<PlannedVariant> out;
    for (const VariantSpec& spec : scenario.variants) {
        std::vector<int> steps;
        if (spec.sweep) {
            for (int n = 1; n <= sweepMax(cores); ++n)
                steps.push_back(n);
        } else {
            steps.push_back(0);
        }
        for (const int n : steps) {
            PlannedVariant v = expand(spec, scenario, settings.workers, n);
            if (!settings.variants.isEmpty() && !settings.variants.contains(spec.name)
                && !settings.variants.contains(v.name))
                continue;
            unmatched.removeAll(spec.name);
            unmatched.removeAll(v.name);
            if (v.workers.size() > static_cast<std::size_t>(Limits::maxWorkersPerVariant))
                return fail(QStringLiteral("variant \"%1\" would have %2 workers; at most %3 are allowed")
                                .arg(v.name)
                                .arg(v.workers.size())
                                .arg(Limits::maxWorkersPerVariant));
            out.push_back(std::move(v));
        }
    }
    if (!unmatched.isEmpty())
        return fail(QStringLiteral("scenario \"%1\" has no variant \"%2\" (it has: %3)")
                        .arg(scenario.id, unmatched.first(), known.join(QStringLiteral(", "))));
    if (out.empty())
        return fail(QStringLiteral("scenario \"%1\" has no variant to run").arg(scenario.id));
    return out;
}

} // namespace ThreadLab
