#pragma once

#include "tasks/taskspec.h"

#include <QString>
#include <QStringList>

#include <array>
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
    QString sourcePath;     // ":/scenarios/io-bound.json" or a teacher's file
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

} // namespace ThreadLab
