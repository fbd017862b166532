// Fuzz target for ScenarioLoader::loadJson: scenario files come from anywhere (a colleague, a
// download), so the loader must refuse anything outside the contract with one clear line, and a
// scenario it accepts must be safe to run. Invariants checked (a broken one traps):
//   - a refusal is one printable line (no control or line-separator characters), starts with
//     "<file name>: " and is at most 1000 characters;
//   - an accepted scenario respects every bound of the format and of Limits: ids, names and
//     texts, variants, groups, tasks, durations, items, counts, the worker total per variant
//     (scalable groups counted as defaults.workers), crash tasks only in process workers, …;
//   - every task list a worker could be given survives the trip to a child: a WorkerJob built as
//     the runner builds one (split CPU work shared out as the planner does) encodes, decodes and
//     gives back equal tasks.

#include "scenario/scenario.h"
#include "scenario/scenarioloader.h"
#include "tasks/taskspec.h"
#include "wire/workerjob.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <string>

using namespace ThreadLab;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

const QString kFileName = QStringLiteral("fuzz-input.json");

bool lengthIn(const QString& s, qsizetype min, qsizetype max)
{
    const qsizetype n = ScenarioLoader::characterCount(s);
    return n >= min && n <= max;
}

bool isOneLine(const QString& s)
{
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029)
            return false;
    }
    return true;
}

bool inRange(std::int64_t v, std::int64_t lo, std::int64_t hi)
{
    return v >= lo && v <= hi;
}

void checkTask(const TaskSpec& t, bool inGroup, bool crashAllowed)
{
    check(withinLimits(t));
    check(t.splitIndex == 0);
    // splitParts 0 marks "split" CPU work, which only a group can share out.
    check(t.splitParts == 1 || (t.splitParts == 0 && inGroup && t.kind == TaskKind::Cpu));

    switch (t.kind) {
    case TaskKind::Cpu: check(t.ms >= 1); break;
    case TaskKind::PerItem:
    case TaskKind::Append:
    case TaskKind::Send: check(!t.items.empty()); break;
    case TaskKind::Increment: check(t.times >= 1); break;
    case TaskKind::Crash: check(crashAllowed); break;
    case TaskKind::Wait:
    case TaskKind::RandomWait:
    case TaskKind::Print: break;
    }
}

bool sameJob(const WorkerJob& a, const WorkerJob& b)
{
    return a.name == b.name && a.number == b.number && a.gil == b.gil && a.switchIntervalNs == b.switchIntervalNs
        && a.timeScale == b.timeScale && a.cpuIterationsPerMs == b.cpuIterationsPerMs && a.seed == b.seed
        && a.tasks == b.tasks;
}

// The job a child gets, as Runner builds it, must arrive intact.
void checkJobRoundTrip(const QString& name, int number, int count, std::vector<TaskSpec> tasks, const Scenario& s)
{
    for (TaskSpec& t : tasks) {
        if (t.kind == TaskKind::Cpu && t.splitParts == 0) { // as VariantPlanner shares split work
            t.splitParts = count;
            t.splitIndex = number - 1;
        }
    }
    WorkerJob job;
    job.name = name.toStdString();
    job.number = number;
    job.gil = number % 2 == 1;
    job.switchIntervalNs = std::int64_t(Limits::maxSwitchIntervalMs) * 1'000'000;
    job.timeScale = s.defaultTimeScale;
    job.cpuIterationsPerMs = 123456.789;
    job.seed = 0xFFFF'FFFF'FFFF'FFFFull - static_cast<std::uint64_t>(number);
    job.tasks = std::move(tasks);

    std::string error;
    const auto decoded = WorkerJob::decode(job.encode(), &error);
    check(decoded.has_value());
    check(sameJob(*decoded, job));
}

void checkScenario(const Scenario& s)
{
    check(lengthIn(s.id, 1, 40) && s.id[0] >= u'a' && s.id[0] <= u'z');
    for (const QChar c : s.id)
        check((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-');
    check(lengthIn(s.title, 1, 80));
    bool conceptOk = false;
    for (int i = 1; i <= 14; ++i)
        conceptOk = conceptOk || s.conceptId == QStringLiteral("C%1").arg(i);
    check(conceptOk);
    check(lengthIn(s.group, 1, 60));
    check(lengthIn(s.explanation, 1, 2000));
    check(lengthIn(s.pythonCode, 1, 4000) && lengthIn(s.cppCode, 1, 4000));
    check(s.vocabulary.size() <= 20);
    for (const QString& term : s.vocabulary)
        check(lengthIn(term, 1, 40));
    check(inRange(s.defaultWorkers, 0, Limits::maxWorkersPerVariant));
    check(s.defaultTimeScale >= Limits::minTimeScale && s.defaultTimeScale <= Limits::maxTimeScale);
    check(s.sourcePath == kFileName);

    check(!s.variants.empty() && s.variants.size() <= static_cast<std::size_t>(Limits::maxVariants));
    QSet<QString> names;
    for (const VariantSpec& v : s.variants) {
        check(lengthIn(v.name, 1, 40) && !names.contains(v.name));
        names.insert(v.name);
        check(ScenarioLoader::characterCount(v.description) <= 300);
        check(v.mainTasks.size() <= static_cast<std::size_t>(Limits::maxTasksPerWorker));
        for (const TaskSpec& t : v.mainTasks)
            checkTask(t, false, false);
        if (!v.mainTasks.empty())
            checkJobRoundTrip(QStringLiteral("main"), 1, 1, v.mainTasks, s);

        check(!v.groups.empty() && v.groups.size() <= 64);
        std::int64_t total = 0;
        bool sends = false;
        for (const WorkerGroup& g : v.groups) {
            check(lengthIn(g.name, 1, Limits::maxNameChars));
            check(inRange(g.count, 1, Limits::maxWorkersPerVariant));
            total += g.scalable && s.defaultWorkers > 0 ? s.defaultWorkers : g.count;
            check(!g.tasks.empty() && g.tasks.size() <= static_cast<std::size_t>(Limits::maxTasksPerWorker));
            bool split = false;
            for (const TaskSpec& t : g.tasks) {
                checkTask(t, true, v.mode == VariantMode::Processes);
                split = split || t.splitParts == 0;
                sends = sends || t.kind == TaskKind::Send;
            }
            check(split == g.splitCpu);
            // The first and the last worker of the group (names with {n} = 1 and = count).
            const int count = g.scalable && s.defaultWorkers > 0 ? s.defaultWorkers : g.count;
            for (const int n : {1, count}) {
                QString name = g.name;
                name.replace(QStringLiteral("{n}"), QString::number(n));
                checkJobRoundTrip(name, n, count, g.tasks, s);
            }
        }
        check(total <= Limits::maxWorkersPerVariant);
        check(!v.receive || sends);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error = QStringLiteral("stale");
    const std::optional<Scenario> scenario = ScenarioLoader::loadJson(json, kFileName, &error);
    if (!scenario) {
        check(error.startsWith(kFileName + QStringLiteral(": ")));
        check(error.size() > kFileName.size() + 2 && error.size() <= 1000);
        check(isOneLine(error));
        return 0;
    }
    check(error.isEmpty());
    checkScenario(*scenario);
    return 0;
}
