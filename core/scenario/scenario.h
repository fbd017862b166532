#pragma once

#include "tasks/taskspec.h"
#include "tasks/workerstate.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <vector>

namespace ThreadLab {

enum class VariantMode { Sequential, Threads, Processes };
enum class StartPattern { StartAllThenJoinAll, StartJoinInLoop };
enum class JoinPolicy { All, NonDaemon, None };
enum class ThreadStyle { Subclass, Function, Object }; // C1: three ways to create a QThread

// The words scenario files, results and the command line use for them.
template<>
struct EnumNames<VariantMode>
{
    static constexpr std::array<EnumName<VariantMode>, 3> table {{
        {VariantMode::Sequential, "sequential"},
        {VariantMode::Threads, "threads"},
        {VariantMode::Processes, "processes"},
    }};
};

template<>
struct EnumNames<StartPattern>
{
    static constexpr std::array<EnumName<StartPattern>, 2> table {{
        {StartPattern::StartAllThenJoinAll, "start-all-then-join-all"},
        {StartPattern::StartJoinInLoop, "start-join-in-loop"},
    }};
};

template<>
struct EnumNames<JoinPolicy>
{
    static constexpr std::array<EnumName<JoinPolicy>, 3> table {{
        {JoinPolicy::All, "all"},
        {JoinPolicy::NonDaemon, "non-daemon"},
        {JoinPolicy::None, "none"},
    }};
};

template<>
struct EnumNames<ThreadStyle>
{
    static constexpr std::array<EnumName<ThreadStyle>, 3> table {{
        {ThreadStyle::Subclass, "subclass"},
        {ThreadStyle::Function, "function"},
        {ThreadStyle::Object, "object"},
    }};
};

// What a lesson check compares (scenario files' "lesson": {"checks": [...]}).
enum class LessonCheckKind { Ratio, Observation, Outcome, Overlap };
// The typed observations a check can read (results/observations.h), as numbers.
enum class ObservedValue { UpdatesLost, ParentListLength, ChildListLength, ItemsMissing, CutOff, Crashed };
// How many of the chosen workers must have ended with a check's outcome.
enum class WorkerQuota { All, Some, None };

template<>
struct EnumNames<LessonCheckKind>
{
    static constexpr std::array<EnumName<LessonCheckKind>, 4> table {{
        {LessonCheckKind::Ratio, "ratio"},
        {LessonCheckKind::Observation, "observation"},
        {LessonCheckKind::Outcome, "outcome"},
        {LessonCheckKind::Overlap, "overlap"},
    }};
};

template<>
struct EnumNames<ObservedValue>
{
    static constexpr std::array<EnumName<ObservedValue>, 6> table {{
        {ObservedValue::UpdatesLost, "updates-lost"},
        {ObservedValue::ParentListLength, "parent-list-length"},
        {ObservedValue::ChildListLength, "child-list-length"},
        {ObservedValue::ItemsMissing, "items-missing"},
        {ObservedValue::CutOff, "cut-off"},
        {ObservedValue::Crashed, "crashed"},
    }};
};

template<>
struct EnumNames<WorkerQuota>
{
    static constexpr std::array<EnumName<WorkerQuota>, 3> table {{
        {WorkerQuota::All, "all"},
        {WorkerQuota::Some, "some"},
        {WorkerQuota::None, "none"},
    }};
};

// A piece of a scenario's prose in languages other than English, by language code ("de"). The
// English text stays in the scenario's own field, which everything that does not translate reads.
using TranslatedText = QHash<QString, QString>;

// The text in `language`, or the English when the file has none in it.
inline QString textIn(const QString& english, const TranslatedText& translations, const QString& language)
{
    return translations.value(language, english);
}

// One thing a scenario's lesson expects a run to show, in data: the scenario names variants,
// never code. Evaluated by LessonVerdict after a run (or on the medians of repeated runs).
struct LessonCheck
{
    LessonCheckKind kind = LessonCheckKind::Ratio;
    QString text;                 // plain words; "{value}" is replaced by what the run measured
    TranslatedText textTranslations;
    QString variant;              // the variant looked at (a sweep step as "threads×2")
    QString baseline;             // ratio: elapsed(variant) / elapsed(baseline)
    std::optional<double> atLeast;  // ratio and observation: the bounds, one or both
    std::optional<double> atMost;
    ObservedValue observation = ObservedValue::UpdatesLost;
    WorkerState outcome = WorkerState::Finished; // outcome: a terminal state
    QStringList workers;          // outcome: worker names or group templates ("worker-{n}"); empty: all
    WorkerQuota quota = WorkerQuota::All;
    bool overlap = true;          // overlap: some workers alive at once (true) or one after another
    std::optional<bool> gil;      // applies only with the GIL on (true) or off (false)
    int minCores = 1;             // applies only on a machine with at least this many cores

    bool operator==(const LessonCheck&) const = default;
};

// A group of identical workers: `count` of them, named from `name` with {n} = 1, 2, …
struct WorkerGroup
{
    QString name;                 // e.g. "Thread-{n}" or "square"
    int count = 1;
    bool scalable = false;        // --workers N (and sweeps) set count to N
    bool daemon = false;
    ThreadStyle style = ThreadStyle::Subclass;
    std::vector<TaskSpec> tasks;  // a cpu task with split shares its work among the group
    bool splitCpu = false;        // true when any cpu task of the group is marked "split"

    bool operator==(const WorkerGroup&) const = default;
};

// One way of running the scenario's work; the variants of a scenario run one after another and
// are compared (elapsed time, speedup against the first).
struct VariantSpec
{
    QString name;
    VariantMode mode = VariantMode::Threads;
    StartPattern pattern = StartPattern::StartAllThenJoinAll;
    JoinPolicy join = JoinPolicy::All;
    bool receive = false;               // main takes every item sent over the queue before joining
    std::vector<TaskSpec> mainTasks;    // what main does after starting the workers
    std::vector<WorkerGroup> groups;
    bool sweep = false;                 // expand to 1 … 2×cores workers (scalable groups)
    QString description;
    TranslatedText descriptionTranslations;

    bool operator==(const VariantSpec&) const = default;
};

struct Scenario
{
    QString id;
    QString title;
    QString conceptId;      // "C1" … "C14" (`concept` is a C++20 keyword)
    QString group;          // heading in the scenario browser
    QString explanation;    // a few plain sentences; the vocabulary (C13) lives here
    QString pythonCode;
    QString cppCode;
    QStringList vocabulary; // terms explained in the text
    int defaultWorkers = 0; // 0: as the groups say
    double defaultTimeScale = 0.25;
    std::vector<VariantSpec> variants;
    std::vector<LessonCheck> lessonChecks; // what a run must show (may be empty)
    QStringList focus;      // the variants the lesson is about, as the file names them (may be empty)
    QString sourcePath;     // ":/scenarios/io-bound.json" or a teacher's file
    TranslatedText titleTranslations;
    TranslatedText groupTranslations;
    TranslatedText explanationTranslations;
    QHash<QString, QStringList> vocabularyTranslations; // the terms as the translations use them

    // Every field, sourcePath too: compare a copy with the same sourcePath to ask whether two
    // files hold the same lesson.
    bool operator==(const Scenario&) const = default;
};

// An enum's name from its EnumNames table, as a QString.
template<typename E>
QString enumText(E value)
{
    const std::string_view name = enumName(value);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

inline QString variantModeName(VariantMode mode)
{
    return enumText(mode);
}

// The variants the compare view shows first: the file's "focus", else the variants its first
// lesson check names (variant, then baseline), else none.
inline QStringList focusVariants(const Scenario& scenario)
{
    if (!scenario.focus.isEmpty() || scenario.lessonChecks.empty())
        return scenario.focus;
    const LessonCheck& check = scenario.lessonChecks.front();
    QStringList names {check.variant};
    if (!check.baseline.isEmpty() && check.baseline != check.variant)
        names << check.baseline;
    return names;
}

} // namespace ThreadLab
