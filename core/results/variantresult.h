#pragma once

#include "engine/gilobservation.h"
#include "engine/lane.h"
#include "engine/runsettings.h"
#include "results/lessonverdict.h"
#include "results/observations.h"
#include "scenario/scenario.h"
#include "tasks/workerstate.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ThreadLab {

class EventLog;
class GilHolders;

struct StateInterval
{
    WorkerState state = WorkerState::Running;
    double startMs = 0; // from the variant's start
    double endMs = 0;
    std::uint32_t arg = 0;
};

struct OutputLine
{
    double tMs = 0;
    QString text;
};

// How a worker ended: its terminal state, or Running when it recorded none. The values are the
// states' own, so that the states' names serve for outcomes too.
enum class WorkerOutcome : std::uint8_t {
    Running = static_cast<std::uint8_t>(WorkerState::Running),
    Finished = static_cast<std::uint8_t>(WorkerState::Finished),
    Crashed = static_cast<std::uint8_t>(WorkerState::Crashed),
    Abandoned = static_cast<std::uint8_t>(WorkerState::Abandoned),
    Cancelled = static_cast<std::uint8_t>(WorkerState::Cancelled),
};

// Why a worker failed where the reason matters beyond its words (the command line's exit status).
enum class WorkerFailure : std::uint8_t { None, CouldNotStart };

struct WorkerResult
{
    QString name;
    LaneKind kind = LaneKind::Thread;
    bool daemon = false;
    QString style;
    WorkerOutcome outcome = WorkerOutcome::Running;
    QString outcomeDetail;  // e.g. "killed by signal 11 (SIGSEGV)"
    WorkerFailure failure = WorkerFailure::None;
    double startLatencyUs = -1;
    qint64 pid = 0;
    double endMs = 0;
    std::vector<StateInterval> intervals;
    std::vector<OutputLine> output;

    // Intervals run from one state event to the next; the last open one ends at untilNs.
    static WorkerResult fromLane(const Lane& lane, std::int64_t originNs, std::int64_t untilNs);
};

struct VariantResult
{
    QString name;
    QString scenarioName;   // as the scenario file names it; lesson checks refer to it
    VariantMode mode = VariantMode::Threads;
    EngineKind engine = EngineKind::Model;
    bool gil = true;
    int switchIntervalMs = 5;
    double timeScale = 1;
    int workerCount = 0;    // workers besides main
    int sweepWorkers = 0;
    double elapsedMs = 0;   // of repeated runs, the median (RunSeries)
    std::vector<double> elapsedRunsMs; // each run's, in the order they ran; empty when not counted
    double loopIterationsPerMs = 0; // CPython: its CPU loop's rate, measured before the variant
    std::optional<GilObservation> gilObservation; // CPython: how its GIL was observed, or why not
    bool cancelled = false;
    std::vector<WorkerResult> workers; // main first, then in creation order
    Observations observations;
    std::shared_ptr<const EventLog> log;
    // How often the app's interpreter's GIL went from one thread to another, as its timeline
    // strip counts them: counted once from the log (setLog); unset without a log or with the
    // GIL off. Not observations.gilSwitches, which counts every acquisition.
    std::optional<std::int64_t> gilHandOvers;

    // The variant's event log, and what is counted from it once (set `engine` and `workers`
    // first). In real CPython with its GIL observed, each thread's running intervals are also
    // cut where another thread held the GIL: those parts were waits for the GIL (the log keeps
    // what the runtime reported; the timeline derives the same waits when it paints).
    void setLog(std::shared_ptr<const EventLog> eventLog);

private:
    void splitRunningAtOtherHolds(const GilHolders& holders);
};

// Two variants whose elapsed times a lesson compares, by the scenario's variant names:
// (variant, baseline).
using VariantPairs = std::vector<std::pair<QString, QString>>;

// The CPython interpreter a run used (results JSON's "python").
struct PythonRunInfo
{
    QString path;
    QString version;
    bool gilEnabled = true;
    QString startMethod;
    double switchIntervalMs = 5;
};

// One ratio of a scenario's lesson as each engine measured it ("4 threads / 1 thread": model
// 1.14, CPython 1.08), when a series ran in two or three engines.
struct FidelityLine
{
    struct Value
    {
        EngineKind engine = EngineKind::Model;
        std::optional<double> value; // none when that engine did not measure it
    };
    QString check;                    // "4 threads / 1 thread"
    std::vector<Value> values;        // in the order the engines ran
    // The model's value minus CPython's (else the first engine's minus the second's); none when
    // either is missing.
    std::optional<double> difference;
};

struct RunResult
{
    QString scenarioId;
    QString scenarioTitle;
    TranslatedText scenarioTitleTranslations; // pictures' captions in the interface's language
    RunSettings settings;
    double timeScale = 1;
    int cores = 1;
    std::vector<VariantResult> variants;
    bool cancelled = false;
    QString error;          // set when the run could not start
    std::optional<PythonRunInfo> python; // set when the run ran in CPython
    int repeats = 1;        // runs of every variant combined into this one (RunSeries)
    std::optional<LessonVerdict> lesson; // when the scenario's checks were evaluated and one applies
    // The comparisons the scenario calls meaningful (RunHistory::meaningfulComparisons); unset for
    // a scenario that states no lesson, whose every variant is compared with its baseline.
    std::optional<VariantPairs> meaningfulComparisons;
    // A series in two or three engines (EngineComparison): each engine's own combined result,
    // with its lesson verdict, in the order they ran; `variants` then holds every engine's
    // variants in pairs (a variant in each engine, one after the other). Empty for one engine.
    std::vector<RunResult> engineRuns;
    std::vector<FidelityLine> fidelity; // every ratio check of the lesson, per engine
};

QString laneKindName(LaneKind kind);
// "model", "cpython", "native": the words of the command line and results JSON.
QString engineName(EngineKind engine);
// "model", "CPython", "native": how band headers, tables and charts name an engine.
QString engineTitle(EngineKind engine);
// The outcome a terminal state stands for (Running for any other state).
WorkerOutcome outcomeOf(WorkerState terminal);
// "finished", "crashed", …: the words of results JSON and CSV.
QString outcomeName(WorkerOutcome outcome);

} // namespace ThreadLab

Q_DECLARE_METATYPE(ThreadLab::VariantResult)
Q_DECLARE_METATYPE(ThreadLab::RunResult)
