#pragma once

#include "engine/runsettings.h"
#include "scenario/scenario.h"

#include <QString>

#include <vector>

namespace ThreadLab {

struct PlannedWorker
{
    QString name;
    int number = 1; // 1-based within its group
    bool daemon = false;
    ThreadStyle style = ThreadStyle::Subclass;
    std::vector<TaskSpec> tasks;
};

// A variant made concrete for one run: groups expanded into named workers, --workers and
// sweeps applied, split CPU work divided.
struct PlannedVariant
{
    QString name;         // as it runs: "8 threads" with --workers 8, "threads×3" for a sweep step
    QString scenarioName; // as the scenario file names it ("4 threads"; a sweep step as name)
    VariantMode mode = VariantMode::Threads;
    StartPattern pattern = StartPattern::StartAllThenJoinAll;
    JoinPolicy join = JoinPolicy::All;
    bool receive = false;
    std::vector<TaskSpec> mainTasks;
    std::vector<PlannedWorker> workers;
    int sweepWorkers = 0;            // N of a sweep step, 0 otherwise
    int expectedItems = 0;           // items the workers send over the queue
    std::int64_t expectedIncrements = 0;
    bool hasAppend = false;
    bool hasIncrement = false;
};

class VariantPlanner
{
public:
    // Largest worker count of a sweep: 2 × cores, at least 2, at most 16.
    static int sweepMax(int cores);
    // The name a variant runs under: a sweep step's "threads×3", else its own name with the count
    // of its scalable workers made what the run has: "4 threads" with --workers 8 is "8 threads",
    // with 1 "1 thread". --variant accepts the scenario's name as well as this one.
    static QString plannedName(const Scenario& scenario, const VariantSpec& spec, int workersOverride, int sweepN = 0);
    // Returns an empty list and sets *error (one sentence) when the settings do not fit.
    static std::vector<PlannedVariant> plan(const Scenario& scenario, const RunSettings& settings, int cores,
                                            QString* error);
};

} // namespace ThreadLab
