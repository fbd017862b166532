#pragma once

#include "tasks/enumnames.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ThreadLab {

// The task catalogue: the only things a scenario can ask a worker to do. There is no kind that
// names a program, a path or a command.
// What each kind takes and does is its entry in TaskCatalogue (tasks/taskcatalogue.h).
enum class TaskKind : std::uint8_t { Cpu, Wait, RandomWait, Print, PerItem, Append, Send, Increment, Crash };
enum class ItemOp : std::uint8_t { Identity, Square, Cube, Double };
enum class CrashHow : std::uint8_t { Segfault, Abort, Exit };

// The names scenario files, the child's job argument and the results use.
template<>
struct EnumNames<TaskKind>
{
    static constexpr std::array<EnumName<TaskKind>, 9> table {{
        {TaskKind::Cpu, "cpu"},
        {TaskKind::Wait, "wait"},
        {TaskKind::RandomWait, "random-wait"},
        {TaskKind::Print, "print"},
        {TaskKind::PerItem, "per-item"},
        {TaskKind::Append, "append"},
        {TaskKind::Send, "send"},
        {TaskKind::Increment, "increment"},
        {TaskKind::Crash, "crash"},
    }};
};

template<>
struct EnumNames<ItemOp>
{
    static constexpr std::array<EnumName<ItemOp>, 4> table {{
        {ItemOp::Identity, "identity"},
        {ItemOp::Square, "square"},
        {ItemOp::Cube, "cube"},
        {ItemOp::Double, "double"},
    }};
};

template<>
struct EnumNames<CrashHow>
{
    static constexpr std::array<EnumName<CrashHow>, 3> table {{
        {CrashHow::Segfault, "segfault"},
        {CrashHow::Abort, "abort"},
        {CrashHow::Exit, "exit"},
    }};
};

// Upper bounds for everything a scenario or a worker argument can ask for, so that a shared file
// can neither fork-bomb the machine nor fill the disk. The loader and the worker both check them.
struct Limits
{
    static constexpr int maxWorkersPerVariant = 256;
    static constexpr int maxVariants = 64;
    static constexpr int maxTasksPerWorker = 32;
    static constexpr std::int64_t maxDurationMs = 60'000;
    static constexpr int maxItems = 64;
    static constexpr std::int64_t maxItemValue = 1'000'000;
    static constexpr int maxRepeat = 1'000;
    static constexpr std::int64_t maxIncrements = 1'000'000;
    static constexpr int maxTextChars = 200;
    static constexpr int maxNameChars = 64;
    static constexpr int maxExitCode = 255;
    static constexpr double minTimeScale = 0.01;
    static constexpr double maxTimeScale = 10.0;
    static constexpr int minSwitchIntervalMs = 1;
    static constexpr int maxSwitchIntervalMs = 100;

    // Scenario files beyond their tasks (ScenarioLoader).
    static constexpr int scenarioFormat = 1;
    static constexpr std::int64_t maxScenarioFileBytes = 1024 * 1024;
    static constexpr int conceptCount = 14; // "C1" … "C14"
    static constexpr int maxIdChars = 40;
    static constexpr int maxTitleChars = 80;
    static constexpr int maxLanguages = 16; // languages of one text given per language
    static constexpr int maxHeadingChars = 60; // "group": a heading in the scenario browser
    static constexpr int maxExplanationChars = 2000;
    static constexpr int maxVocabularyTerms = 20;
    static constexpr int maxTermChars = 40;
    static constexpr int maxCodeChars = 4000;
    static constexpr int maxVariantNameChars = 40;
    static constexpr int maxDescriptionChars = 300;
    static constexpr int maxGroupsPerVariant = 64;
    static constexpr int maxLessonChecks = 16;
    static constexpr int maxCheckTextChars = 200;
    static constexpr double maxCheckBound = 1'000'000;
    // --repeat N: runs of every variant, for the median and the spread.
    static constexpr int maxRepeatRuns = 20;
};

struct TaskSpec
{
    TaskKind kind = TaskKind::Wait;
    std::int64_t ms = 0;             // cpu: work; wait: duration; per-item/append/send: wait per item
    std::int64_t cpuMs = 0;          // per-item/append/send: CPU work per item
    std::int64_t minMs = 0;          // random-wait
    std::int64_t maxMs = 0;          // random-wait
    int repeat = 1;                  // print
    std::int64_t gapMs = 0;          // print: wait between lines
    std::string text;                // print / per-item / random-wait / cpu: output template
    std::vector<std::int64_t> items; // per-item, append, send
    ItemOp op = ItemOp::Identity;
    std::int64_t times = 0;          // increment
    bool locked = false;             // increment
    bool yield = true;               // increment: let other threads in between read and write
    CrashHow how = CrashHow::Exit;   // crash
    int exitCode = 1;                // crash with how == Exit
    int splitParts = 1;              // cpu: the stated work is shared by this many workers…
    int splitIndex = 0;              // …and this one does part splitIndex

    bool operator==(const TaskSpec&) const = default;
};

std::int64_t applyItemOp(ItemOp op, std::int64_t v);
// Every field a scenario file can set within its bounds in TaskCatalogue (the planner's split
// fields aside). What the loader and the worker both guarantee; the fuzzers check it.
bool withinLimits(const TaskSpec& task);
// The longest a task list can take at time scale 1 (every wait and all CPU work, in ms).
std::int64_t statedDurationMs(const std::vector<TaskSpec>& tasks);

} // namespace ThreadLab
