#pragma once

#include "results/variantresult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <vector>

namespace ThreadLab {

// One bar of the elapsed-time chart: one variant of one run (in one engine).
struct ElapsedEntry
{
    int run = 0;            // index in the history, oldest first
    QString variant;
    // The chart's row: the variant as its engine's run names it ("4 threads", also for
    // "4 threads · CPython" of a run in two engines), so that a row holds the variant in each.
    QString category;
    int set = 0;            // RunHistory::barSets: the run, or the run's engine, the bar belongs to
    EngineKind engine = EngineKind::Model;
    QString label;          // "4 threads · GIL on"
    double elapsedMs = 0;
    double speedup = 0;     // RunHistory::speedup of this variant in its run
    bool cancelled = false;
    bool cutOff = false;    // daemon workers were cut off: it ended sooner, it was not faster
    double cutOffMs = 0;    // when they were cut off, from the variant's start
    std::vector<double> runsMs; // each run's elapsed time when repeated (RunSeries), else empty
};

struct SpeedupPoint
{
    int workers = 0;
    double speedup = 0;     // RunHistory::speedup: the 1-worker variant of the same mode ÷ this one
    double elapsedMs = 0;
};

// One line of the speedup chart: the sweep variants of one mode in one run.
struct SpeedupSeries
{
    int run = 0;
    VariantMode mode = VariantMode::Threads;
    EngineKind engine = EngineKind::Model;
    int set = 0;            // RunHistory::barSets: the run, or the run's engine
    QString label;          // "threads · GIL on"
    QString key;            // for a chart's key: the label, or "threads · CPython" in two engines
    std::vector<SpeedupPoint> points; // by worker count, ascending
};

// The start latencies of the workers of one variant (main excluded), in creation order.
struct LatencySeries
{
    int run = 0;
    VariantMode mode = VariantMode::Threads;
    QString label;          // "100 processes · GIL on"
    QString key;            // for a chart's key: the label, or "100 processes · CPython" in two engines
    std::vector<double> latenciesUs; // -1 for a worker that never started
};

// How one variant compares with its baseline, as the run goes.
struct Comparison
{
    double speedup = 0;     // baseline ÷ this one; 0 when undefined
    QString baseline;       // the baseline variant's name
};

// The runs of the current scenario, kept so that the charts can compare them side by side
// (GIL on beside GIL off, 4 workers beside 16). Plain data: it knows nothing of widgets.
class RunHistory
{
    Q_DECLARE_TR_FUNCTIONS(RunHistory)

public:
    static constexpr int defaultMaxRuns = 6;

    // Runs that could not start (an error) or produced no variant are ignored. Beyond maxRuns
    // the oldest run is dropped so that the charts stay readable.
    void add(const RunResult& run);
    void clear();
    void setMaxRuns(int maxRuns);
    int maxRuns() const noexcept { return m_maxRuns; }

    int runCount() const noexcept { return static_cast<int>(m_runs.size()); }
    bool isEmpty() const noexcept { return m_runs.empty(); }
    const RunResult& run(int index) const { return m_runs.at(static_cast<std::size_t>(index)); }
    const RunResult* lastRun() const noexcept { return m_runs.empty() ? nullptr : &m_runs.back(); }

    // What tells this run apart from the others: "GIL on", and the workers, switch interval or
    // time scale when they differ between runs; "run 3" when two runs would read the same.
    QString runTag(int index) const;
    QString variantLabel(int runIndex, std::size_t variantIndex) const;
    // What the charts give a colour and a legend entry: one per run, and one per engine of a run
    // in two or three engines ("Model", "CPython", with what else tells the run apart from the
    // history's others), oldest run first, its engines in the order they ran.
    struct BarSet
    {
        int run = 0;
        EngineKind engine = EngineKind::Model;
        QString name;
    };
    std::vector<BarSet> barSets() const;
    // The index in barSets() of run `runIndex`'s variants in `engine` (any, for a run of one engine).
    int barSetOf(int runIndex, EngineKind engine) const;
    // Whether any run of the history ran in more than one engine.
    bool hasEngines() const;

    std::vector<ElapsedEntry> elapsed() const;
    std::vector<SpeedupSeries> speedupSeries() const;
    bool hasSweep() const;
    int maxSweepWorkers() const;
    std::vector<LatencySeries> latencySeries() const;

    // The one speedup rule, which the summary table, results JSON, CSV, charts and observations
    // all follow. `variants` are a run's variants in the order they ran, possibly only those
    // finished so far. A sweep step is compared with the 1-worker step of its mode that ran before
    // it. Any other variant: with the run's first variant when the scenario states no lesson
    // (`meaningful` unset); else only as its lesson compares it (`meaningful`'s pair naming it,
    // whose baseline has run), and a baseline of such a pair with itself. Null otherwise. Always
    // within the variant's own engine (a series in two engines holds each variant twice).
    static const VariantResult* baseline(const std::vector<VariantResult>& variants, std::size_t index,
                                         const std::optional<VariantPairs>& meaningful = std::nullopt);
    static const VariantResult* baseline(const RunResult& run, std::size_t index);
    // Baseline ÷ variant `index` (1 for the baseline itself); 0 when undefined: no baseline, or a
    // cancelled variant or baseline, whose time says nothing about speed.
    static double speedup(const std::vector<VariantResult>& variants, std::size_t index,
                          const std::optional<VariantPairs>& meaningful = std::nullopt);
    static double speedup(const RunResult& run, std::size_t index);
    // Whether the run speaks of a speedup for variant `index` at all: every variant of a run whose
    // scenario states no lesson, else only the meaningful comparisons (speedup() may still be 0).
    static bool compared(const RunResult& run, std::size_t index);
    // The same, as the observations word it: no speedup for the baseline itself.
    static Comparison comparison(const std::vector<VariantResult>& variants, std::size_t index,
                                 const std::optional<VariantPairs>& meaningful = std::nullopt);
    // What a scenario's lesson compares: its ratio checks as (variant, baseline); unset when it
    // states no lesson (a teacher's file), so that every comparison is shown.
    static std::optional<VariantPairs> meaningfulComparisons(const Scenario& scenario);
    // "1.86×"; empty when the speedup is undefined (0).
    static QString speedupText(double speedup);
    // "2.31 s" or "412 ms".
    static QString durationText(double ms);
    // The spread of repeated runs in one unit: "0.98–1.10 s", "398–430 ms".
    static QString rangeText(double fastestMs, double slowestMs);
    // The lesson in words: "1.86× faster than 1 thread", "about as fast as 1 thread",
    // "25× slower than 100 threads"; empty when the speedup is undefined.
    static QString comparisonText(double speedup, const QString& baseline);
    // A variant whose daemon workers were cut off at main's end did less work: it is never
    // "faster" nor "sooner", it was "cut off after 0.13 s" (cutOffMs, as measured).
    static QString cutOffText(double cutOffMs);

private:
    QStringList baseTag(const RunResult& run) const;
    QStringList tagParts(int index) const;

    std::vector<RunResult> m_runs;
    int m_maxRuns = defaultMaxRuns;
};

} // namespace ThreadLab
