#include "tasks/taskspec.h"

#include <array>
#include <utility>

namespace ThreadLab {

namespace {

constexpr std::array kTaskKinds {
    std::pair {TaskKind::Cpu, std::string_view("cpu")},
    std::pair {TaskKind::Wait, std::string_view("wait")},
    std::pair {TaskKind::RandomWait, std::string_view("random-wait")},
    std::pair {TaskKind::Print, std::string_view("print")},
    std::pair {TaskKind::PerItem, std::string_view("per-item")},
    std::pair {TaskKind::Append, std::string_view("append")},
    std::pair {TaskKind::Send, std::string_view("send")},
    std::pair {TaskKind::Increment, std::string_view("increment")},
    std::pair {TaskKind::Crash, std::string_view("crash")},
};
constexpr std::array kItemOps {
    std::pair {ItemOp::Identity, std::string_view("identity")},
    std::pair {ItemOp::Square, std::string_view("square")},
    std::pair {ItemOp::Cube, std::string_view("cube")},
    std::pair {ItemOp::Double, std::string_view("double")},
};
constexpr std::array kCrashHows {
    std::pair {CrashHow::Segfault, std::string_view("segfault")},
    std::pair {CrashHow::Abort, std::string_view("abort")},
    std::pair {CrashHow::Exit, std::string_view("exit")},
};

template<typename Table, typename E>
std::string_view nameOf(const Table& table, E value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "?";
}

template<typename Table>
auto valueOf(const Table& table, std::string_view name) -> std::optional<typename Table::value_type::first_type>
{
    for (const auto& [v, n] : table)
        if (n == name)
            return v;
    return std::nullopt;
}

} // namespace

std::string_view taskKindName(TaskKind kind) { return nameOf(kTaskKinds, kind); }
std::optional<TaskKind> taskKindFromName(std::string_view name) { return valueOf(kTaskKinds, name); }
std::string_view itemOpName(ItemOp op) { return nameOf(kItemOps, op); }
std::optional<ItemOp> itemOpFromName(std::string_view name) { return valueOf(kItemOps, name); }
std::string_view crashHowName(CrashHow how) { return nameOf(kCrashHows, how); }
std::optional<CrashHow> crashHowFromName(std::string_view name) { return valueOf(kCrashHows, name); }

std::int64_t applyItemOp(ItemOp op, std::int64_t v)
{
    // |v| <= Limits::maxItemValue (1e6), so a cube fits in 64 bits.
    switch (op) {
    case ItemOp::Identity: return v;
    case ItemOp::Square: return v * v;
    case ItemOp::Cube: return v * v * v;
    case ItemOp::Double: return 2 * v;
    }
    return v;
}

bool withinLimits(const TaskSpec& t)
{
    auto in = [](std::int64_t v, std::int64_t lo, std::int64_t hi) { return v >= lo && v <= hi; };
    constexpr std::int64_t maxMs = Limits::maxDurationMs;
    if (!in(t.ms, 0, maxMs) || !in(t.cpuMs, 0, maxMs) || !in(t.minMs, 0, maxMs) || !in(t.maxMs, 0, maxMs)
        || !in(t.gapMs, 0, maxMs) || t.minMs > t.maxMs)
        return false;
    if (!in(t.repeat, 1, Limits::maxRepeat) || !in(t.times, 0, Limits::maxIncrements)
        || !in(t.exitCode, 0, Limits::maxExitCode))
        return false;
    if (t.text.size() > static_cast<std::size_t>(Limits::maxTextChars) * 4 // UTF-8 of maxTextChars code points
        || t.items.size() > static_cast<std::size_t>(Limits::maxItems))
        return false;
    for (const std::int64_t item : t.items)
        if (!in(item, -Limits::maxItemValue, Limits::maxItemValue))
            return false;
    return taskKindName(t.kind) != "?" && itemOpName(t.op) != "?" && crashHowName(t.how) != "?";
}

std::int64_t statedDurationMs(const std::vector<TaskSpec>& tasks)
{
    std::int64_t total = 0;
    for (const TaskSpec& t : tasks) {
        const auto items = static_cast<std::int64_t>(t.items.size());
        total += t.ms + t.maxMs + t.gapMs * t.repeat + items * (t.ms + t.cpuMs);
    }
    return total;
}

} // namespace ThreadLab
