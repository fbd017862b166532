#include "scenario/variantplan.h"

#include "tasks/taskcatalogue.h"

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

PlannedVariant expand(const VariantSpec& spec, const Scenario& scenario, int workersOverride, int sweepN)
{
    PlannedVariant v;
    v.name = sweepN > 0 ? spec.name + QStringLiteral("×%1").arg(sweepN) : spec.name;
    v.mode = spec.mode;
    v.pattern = spec.pattern;
    v.join = spec.join;
    v.receive = spec.receive;
    v.mainTasks = spec.mainTasks;
    v.sweepWorkers = sweepN;
    for (const WorkerGroup& g : spec.groups) {
        int count = g.count;
        if (g.scalable) {
            if (sweepN > 0)
                count = sweepN;
            else if (workersOverride > 0)
                count = workersOverride;
            else if (scenario.defaultWorkers > 0)
                count = scenario.defaultWorkers;
        }
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
