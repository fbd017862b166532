#pragma once

#include "tasks/enumnames.h"
#include "tasks/taskspec.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ThreadLab {

class TaskExecutor;

// The fields of TaskSpec as scenario files, the child's job argument and the bounds check see them.
enum class TaskField : std::uint8_t {
    Ms, CpuMs, MinMs, MaxMs, Repeat, GapMs, Op, Times, Locked, Yield, How, Code, SplitParts, SplitIndex, Text, Items,
    Split
};

enum class TaskFieldType : std::uint8_t {
    Whole,  // an integer from min to max
    Flag,   // true or false (1 or 0)
    Choice, // one of an enum's names
    Text,   // a string of at most max characters (code points; up to 4 bytes each in UTF-8)
    Items,  // up to Limits::maxItems integers, each from min to max
};

// A Choice field's enum, seen through its EnumNames table.
struct TaskChoices
{
    std::string_view (*name)(std::int64_t value) = nullptr;
    std::optional<std::int64_t> (*value)(std::string_view name) = nullptr;
    std::vector<std::string_view> (*names)() = nullptr;
};

// A field's default (when a file leaves its key out) is TaskSpec's member initializer.
struct TaskFieldInfo
{
    TaskField field = TaskField::Ms;
    std::string_view key;     // in scenario files; empty: only the planner sets it
    std::string_view wireKey; // in the child's job argument; empty: never sent
    TaskFieldType type = TaskFieldType::Whole;
    std::int64_t min = 0;     // Whole: the value; Items: each item
    std::int64_t max = 0;     // Whole: the value; Items: each item; Text: characters
    std::int64_t (*get)(const TaskSpec&) = nullptr;  // Whole, Flag, Choice
    void (*set)(TaskSpec&, std::int64_t) = nullptr; // Whole, Flag, Choice
    TaskChoices choices;
    std::optional<TaskField> atLeast; // may not be below that field (maxMs ≥ minMs)
    std::optional<TaskField> above;   // must be above that field (split parts > split index)
};

// A key a task kind takes in scenario files.
struct TaskKey
{
    TaskField field = TaskField::Ms;
    bool required = false;
    std::optional<std::int64_t> min; // this kind's lowest value (Items: fewest items) when above the field's
    // Allowed only while another field holds one value: crash's "code" only with "how": "exit".
    std::optional<TaskField> onlyWith;
    std::int64_t onlyWithValue = 0;
};

// What a kind does to state shared beyond its worker: the planner counts it, the executor does it.
enum class TaskEffect : std::uint8_t { None, AppendsToList, SendsOverQueue, IncrementsCounter };

using TaskRun = bool (TaskExecutor::*)(const TaskSpec& task, int taskIndex);

struct TaskKindInfo
{
    TaskKind kind = TaskKind::Wait;
    std::vector<TaskKey> keys;       // besides "kind", in the order messages list them
    bool processWorkersOnly = false; // refused in main, in thread workers and in sequential variants
    TaskEffect effect = TaskEffect::None;
    TaskRun run = nullptr;           // the executor's function for it
};

// The placeholders of a task's output template ("text"): {name}, {n}, …
enum class Placeholder : std::uint8_t { Name, Number, Iteration, Item, Value, Ms, Op };

template<>
struct EnumNames<Placeholder>
{
    static constexpr std::array<EnumName<Placeholder>, 7> table {{
        {Placeholder::Name, "name"},
        {Placeholder::Number, "n"},
        {Placeholder::Iteration, "i"},
        {Placeholder::Item, "item"},
        {Placeholder::Value, "value"},
        {Placeholder::Ms, "ms"},
        {Placeholder::Op, "op"},
    }};
};

// The task catalogue: one entry per task kind, read by the scenario loader, the bounds check,
// the child's job codec, the variant planner and the executor's dispatch. A new kind needs its
// TaskKind value and name (taskspec.h), its entry here and its executor function — nothing else.
class TaskCatalogue
{
public:
    static const std::vector<TaskKindInfo>& kinds();
    // Null for a value outside the enum.
    static const TaskKindInfo* find(TaskKind kind);
    // In the job argument's order.
    static const std::vector<TaskFieldInfo>& fields();
    static const TaskFieldInfo& field(TaskField field);
};

} // namespace ThreadLab
