#include "tasks/taskcatalogue.h"

#include "tasks/taskexecutor.h"

#include <type_traits>

namespace ThreadLab {

namespace {

template<auto Member>
std::int64_t getMember(const TaskSpec& t)
{
    return static_cast<std::int64_t>(t.*Member);
}

template<auto Member>
void setMember(TaskSpec& t, std::int64_t v)
{
    using Value = std::remove_reference_t<decltype(t.*Member)>;
    t.*Member = static_cast<Value>(v);
}

template<typename E>
TaskChoices choicesOf()
{
    TaskChoices c;
    c.name = [](std::int64_t v) { return enumName(static_cast<E>(v)); };
    c.value = [](std::string_view name) -> std::optional<std::int64_t> {
        const std::optional<E> e = enumFromName<E>(name);
        return e ? std::optional<std::int64_t>(static_cast<std::int64_t>(*e)) : std::nullopt;
    };
    c.names = &enumNameList<E>;
    return c;
}

template<auto Member>
TaskFieldInfo scalar(TaskField field, std::string_view key, std::string_view wireKey, TaskFieldType type,
                     std::int64_t min, std::int64_t max)
{
    TaskFieldInfo f;
    f.field = field;
    f.key = key;
    f.wireKey = wireKey;
    f.type = type;
    f.min = min;
    f.max = max;
    f.get = &getMember<Member>;
    f.set = &setMember<Member>;
    return f;
}

template<auto Member>
TaskFieldInfo duration(TaskField field, std::string_view key, std::string_view wireKey)
{
    return scalar<Member>(field, key, wireKey, TaskFieldType::Whole, 0, Limits::maxDurationMs);
}

template<auto Member>
TaskFieldInfo flag(TaskField field, std::string_view key)
{
    return scalar<Member>(field, key, key, TaskFieldType::Flag, 0, 1);
}

template<auto Member, typename E>
TaskFieldInfo choice(TaskField field, std::string_view key)
{
    TaskFieldInfo f = scalar<Member>(field, key, key, TaskFieldType::Choice, 0, 0);
    f.choices = choicesOf<E>();
    return f;
}

std::vector<TaskFieldInfo> makeFields()
{
    std::vector<TaskFieldInfo> f {
        duration<&TaskSpec::ms>(TaskField::Ms, "ms", "ms"),
        duration<&TaskSpec::cpuMs>(TaskField::CpuMs, "cpuMs", "cpu"),
        duration<&TaskSpec::minMs>(TaskField::MinMs, "minMs", "min"),
        duration<&TaskSpec::maxMs>(TaskField::MaxMs, "maxMs", "max"),
        scalar<&TaskSpec::repeat>(TaskField::Repeat, "repeat", "rep", TaskFieldType::Whole, 1, Limits::maxRepeat),
        duration<&TaskSpec::gapMs>(TaskField::GapMs, "gapMs", "gap"),
        choice<&TaskSpec::op, ItemOp>(TaskField::Op, "op"),
        scalar<&TaskSpec::times>(TaskField::Times, "times", "times", TaskFieldType::Whole, 0, Limits::maxIncrements),
        flag<&TaskSpec::locked>(TaskField::Locked, "locked"),
        flag<&TaskSpec::yield>(TaskField::Yield, "yield"),
        choice<&TaskSpec::how, CrashHow>(TaskField::How, "how"),
        scalar<&TaskSpec::exitCode>(TaskField::Code, "code", "code", TaskFieldType::Whole, 0, Limits::maxExitCode),
        // Set by the planner when a group shares split work: never in a file.
        scalar<&TaskSpec::splitParts>(TaskField::SplitParts, {}, "parts", TaskFieldType::Whole, 1,
                                      Limits::maxWorkersPerVariant),
        scalar<&TaskSpec::splitIndex>(TaskField::SplitIndex, {}, "part", TaskFieldType::Whole, 0,
                                      Limits::maxWorkersPerVariant - 1),
    };
    f[static_cast<std::size_t>(TaskField::MaxMs)].atLeast = TaskField::MinMs;
    f[static_cast<std::size_t>(TaskField::SplitParts)].above = TaskField::SplitIndex;

    TaskFieldInfo text;
    text.field = TaskField::Text;
    text.key = text.wireKey = "text";
    text.type = TaskFieldType::Text;
    text.max = Limits::maxTextChars;
    f.push_back(text);

    TaskFieldInfo items;
    items.field = TaskField::Items;
    items.key = items.wireKey = "items";
    items.type = TaskFieldType::Items;
    items.min = -Limits::maxItemValue;
    items.max = Limits::maxItemValue;
    f.push_back(items);

    // "split": true in a file asks the planner to share the work; splitParts 0 marks it until then.
    TaskFieldInfo split;
    split.field = TaskField::Split;
    split.key = "split";
    split.type = TaskFieldType::Flag;
    split.max = 1;
    split.get = [](const TaskSpec& t) -> std::int64_t { return t.splitParts == 0 ? 1 : 0; };
    split.set = [](TaskSpec& t, std::int64_t v) { t.splitParts = v ? 0 : 1; };
    f.push_back(split);
    return f;
}

} // namespace

const std::vector<TaskFieldInfo>& TaskCatalogue::fields()
{
    static const std::vector<TaskFieldInfo> all = makeFields();
    return all;
}

const TaskFieldInfo& TaskCatalogue::field(TaskField field)
{
    // makeFields() lists them in the enum's order.
    return fields().at(static_cast<std::size_t>(field));
}

namespace {

TaskKey required(TaskField field, std::optional<std::int64_t> min = std::nullopt)
{
    TaskKey key;
    key.field = field;
    key.required = true;
    key.min = min;
    return key;
}

TaskKey optional(TaskField field)
{
    TaskKey key;
    key.field = field;
    return key;
}

TaskKey onlyWith(TaskField field, TaskField other, std::int64_t value)
{
    TaskKey key = optional(field);
    key.onlyWith = other;
    key.onlyWithValue = value;
    return key;
}

TaskKindInfo kind(TaskKind kind, std::vector<TaskKey> keys, TaskRun run, TaskEffect effect = TaskEffect::None)
{
    TaskKindInfo info;
    info.kind = kind;
    info.keys = std::move(keys);
    info.effect = effect;
    info.run = run;
    return info;
}

} // namespace

const std::vector<TaskKindInfo>& TaskCatalogue::kinds()
{
    static const std::vector<TaskKindInfo> all = [] {
        using F = TaskField;
        const std::vector<TaskKey> itemKeys {required(F::Items, 1), optional(F::Op), optional(F::Ms),
                                             optional(F::CpuMs), optional(F::Text)};
        std::vector<TaskKindInfo> k {
            kind(TaskKind::Cpu, {required(F::Ms, 1), optional(F::Split), optional(F::Text)}, &TaskExecutor::runCpu),
            kind(TaskKind::Wait, {required(F::Ms), optional(F::Text)}, &TaskExecutor::runWait),
            kind(TaskKind::RandomWait, {required(F::MinMs), required(F::MaxMs), optional(F::Text)},
                 &TaskExecutor::runRandomWait),
            kind(TaskKind::Print, {required(F::Text), optional(F::Repeat), optional(F::GapMs)}, &TaskExecutor::runPrint),
            kind(TaskKind::PerItem, itemKeys, &TaskExecutor::runPerItem),
            kind(TaskKind::Append, itemKeys, &TaskExecutor::runPerItem, TaskEffect::AppendsToList),
            kind(TaskKind::Send, itemKeys, &TaskExecutor::runPerItem, TaskEffect::SendsOverQueue),
            kind(TaskKind::Increment, {required(F::Times, 1), optional(F::Locked), optional(F::Yield), optional(F::Text)},
                 &TaskExecutor::runIncrement, TaskEffect::IncrementsCounter),
            kind(TaskKind::Crash,
                 {required(F::How), onlyWith(F::Code, F::How, static_cast<std::int64_t>(CrashHow::Exit)), optional(F::Ms)},
                 &TaskExecutor::runCrash),
        };
        k.back().processWorkersOnly = true; // a crash ends its process: never the app's own
        return k;
    }();
    return all;
}

const TaskKindInfo* TaskCatalogue::find(TaskKind kind)
{
    for (const TaskKindInfo& info : kinds())
        if (info.kind == kind)
            return &info;
    return nullptr;
}

} // namespace ThreadLab
