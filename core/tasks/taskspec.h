#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ThreadLab {

// The task catalogue: the only things a scenario can ask a worker to do. There is no kind that
// names a program, a path or a command.
enum class TaskKind : std::uint8_t { Cpu, Wait, RandomWait, Print, PerItem, Append, Send, Increment, Crash };
enum class ItemOp : std::uint8_t { Identity, Square, Cube, Double };
enum class CrashHow : std::uint8_t { Segfault, Abort, Exit };

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

std::string_view taskKindName(TaskKind kind);
std::optional<TaskKind> taskKindFromName(std::string_view name);
std::string_view itemOpName(ItemOp op);
std::optional<ItemOp> itemOpFromName(std::string_view name);
std::string_view crashHowName(CrashHow how);
std::optional<CrashHow> crashHowFromName(std::string_view name);
std::int64_t applyItemOp(ItemOp op, std::int64_t v);
// Every duration, count, size and code of the task within Limits (split fields aside: they are
// set by the planner). What the loader and the worker both guarantee; the fuzzers check it.
bool withinLimits(const TaskSpec& task);
// The longest a task list can take at time scale 1 (every wait and all CPU work, in ms).
std::int64_t statedDurationMs(const std::vector<TaskSpec>& tasks);

} // namespace ThreadLab
