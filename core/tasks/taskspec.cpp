#include "tasks/taskspec.h"

#include "tasks/taskcatalogue.h"

namespace ThreadLab {

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

namespace {

bool fieldWithinLimits(const TaskFieldInfo& f, const TaskSpec& t)
{
    const auto in = [&f](std::int64_t v) { return v >= f.min && v <= f.max; };
    switch (f.type) {
    case TaskFieldType::Whole:
    case TaskFieldType::Flag:
        if (!in(f.get(t)))
            return false;
        break;
    case TaskFieldType::Choice:
        if (f.choices.name(f.get(t)) == "?")
            return false;
        break;
    case TaskFieldType::Text:
        if (t.text.size() > static_cast<std::size_t>(f.max) * 4) // UTF-8 of f.max code points
            return false;
        break;
    case TaskFieldType::Items:
        if (t.items.size() > static_cast<std::size_t>(Limits::maxItems))
            return false;
        for (const std::int64_t item : t.items)
            if (!in(item))
                return false;
        break;
    }
    return !f.atLeast || f.get(t) >= TaskCatalogue::field(*f.atLeast).get(t);
}

} // namespace

bool withinLimits(const TaskSpec& t)
{
    if (!TaskCatalogue::find(t.kind))
        return false;
    for (const TaskFieldInfo& f : TaskCatalogue::fields())
        if (!f.key.empty() && !fieldWithinLimits(f, t))
            return false;
    return true;
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
