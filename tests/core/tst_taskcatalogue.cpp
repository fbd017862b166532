#include "tasks/taskcatalogue.h"

#include <QTest>

#include <set>
#include <string>

using namespace ThreadLab;

// The catalogue is what the loader, the job codec, the bounds check, the planner and the executor
// read: these checks keep its entries whole and consistent with one another.
class TestTaskCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasOneEntry()
    {
        QCOMPARE(TaskCatalogue::kinds().size(), EnumNames<TaskKind>::table.size());
        for (const EnumName<TaskKind>& entry : EnumNames<TaskKind>::table) {
            const TaskKindInfo* info = TaskCatalogue::find(entry.value);
            QVERIFY2(info, entry.name.data());
            QCOMPARE(info->kind, entry.value);
            QVERIFY2(info->run, entry.name.data());
            QCOMPARE(enumFromName<TaskKind>(entry.name), entry.value);
        }
        QVERIFY(!TaskCatalogue::find(static_cast<TaskKind>(200)));
    }

    void fieldsAreInTheirEnumOrder()
    {
        const auto& fields = TaskCatalogue::fields();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            QCOMPARE(fields[i].field, static_cast<TaskField>(i));
            QCOMPARE(TaskCatalogue::field(static_cast<TaskField>(i)).field, static_cast<TaskField>(i));
        }
        QCOMPARE(fields.back().field, TaskField::Split);
    }

    void keysAreUniqueAndNamed()
    {
        std::set<std::string_view> fileKeys;
        std::set<std::string_view> wireKeys;
        for (const TaskFieldInfo& f : TaskCatalogue::fields()) {
            QVERIFY(!f.key.empty() || !f.wireKey.empty());
            QVERIFY(f.key != "kind" && f.wireKey != "kind");
            if (!f.key.empty())
                QVERIFY2(fileKeys.insert(f.key).second, f.key.data());
            if (!f.wireKey.empty())
                QVERIFY2(wireKeys.insert(f.wireKey).second, f.wireKey.data());
            if (f.type == TaskFieldType::Choice)
                QVERIFY(f.choices.name && f.choices.value && f.choices.names);
            else if (f.type != TaskFieldType::Text && f.type != TaskFieldType::Items)
                QVERIFY(f.get && f.set && f.min <= f.max);
        }
        for (const TaskKindInfo& kind : TaskCatalogue::kinds()) {
            std::set<TaskField> seen;
            for (const TaskKey& key : kind.keys) {
                QVERIFY2(!TaskCatalogue::field(key.field).key.empty(), enumName(kind.kind).data());
                QVERIFY(seen.insert(key.field).second);
                if (key.min)
                    QVERIFY(*key.min >= TaskCatalogue::field(key.field).min || key.field == TaskField::Items);
                if (key.onlyWith) {
                    const TaskFieldInfo& with = TaskCatalogue::field(*key.onlyWith);
                    QCOMPARE(with.type, TaskFieldType::Choice);
                    QVERIFY(with.choices.name(key.onlyWithValue) != "?");
                    QVERIFY(seen.count(*key.onlyWith)); // read before the key it governs
                }
            }
        }
    }

    void choicesRoundTrip()
    {
        for (const TaskFieldInfo& f : TaskCatalogue::fields()) {
            if (f.type != TaskFieldType::Choice)
                continue;
            for (const std::string_view name : f.choices.names()) {
                const std::optional<std::int64_t> value = f.choices.value(name);
                QVERIFY(value.has_value());
                QCOMPARE(f.choices.name(*value), name);
            }
            QVERIFY(!f.choices.value("no-such-name"));
        }
    }

    // withinLimits takes its bounds from the field table: each bound holds, one past it does not.
    void withinLimitsFollowsTheFields()
    {
        for (const TaskFieldInfo& f : TaskCatalogue::fields()) {
            if (f.key.empty() || f.type != TaskFieldType::Whole)
                continue;
            TaskSpec t;
            f.set(t, f.max);
            if (f.field == TaskField::MinMs)
                t.maxMs = f.max;
            QVERIFY2(withinLimits(t), f.key.data());
            f.set(t, f.max + 1);
            QVERIFY2(!withinLimits(t), f.key.data());
            f.set(t, f.min - 1);
            QVERIFY2(!withinLimits(t), f.key.data());
        }
        TaskSpec t;
        t.minMs = 5;
        t.maxMs = 4;
        QVERIFY(!withinLimits(t));
        t.maxMs = 5;
        QVERIFY(withinLimits(t));
        t.text = std::string(static_cast<std::size_t>(Limits::maxTextChars) * 4 + 1, 'x');
        QVERIFY(!withinLimits(t));
    }

    void placeholdersHaveNames()
    {
        for (const EnumName<Placeholder>& p : EnumNames<Placeholder>::table)
            QCOMPARE(enumFromName<Placeholder>(p.name), p.value);
    }
};

QTEST_GUILESS_MAIN(TestTaskCatalogue)
#include "tst_taskcatalogue.moc"
