#include "results/lessonverdict.h"

#include "results/resultwriter.h"
#include "scenario/scenariocatalog.h"
#include "support/recording.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <map>

using namespace ThreadLab;

namespace {

const QString kRecorded = QStringLiteral(THREADLAB_TEST_DATA "/recorded");

// A quiet machine: a lesson that does not hold on it is not the machine's fault.
MachineLoad quiet()
{
    return MachineLoad::measured(0.3, 2, 0, 0.02);
}

// A worker alive from startMs to endMs: starting, then running; finished.
WorkerResult worker(const QString& name, double startMs, double endMs, LaneKind kind = LaneKind::Thread)
{
    WorkerResult w;
    w.name = name;
    w.kind = kind;
    w.outcome = WorkerOutcome::Finished;
    w.intervals = {{WorkerState::Created, 0, startMs}, {WorkerState::Starting, startMs, startMs + 0.1},
                   {WorkerState::Running, startMs + 0.1, endMs}};
    w.endMs = endMs;
    return w;
}

// A variant whose workers (named `prefix`1, 2, …) live over the given spans, after main.
VariantResult variant(const QString& name, double elapsedMs, const std::vector<std::pair<double, double>>& spans = {},
                      const QString& prefix = QStringLiteral("Thread-"), LaneKind kind = LaneKind::Thread)
{
    VariantResult v;
    v.name = name;
    v.elapsedMs = elapsedMs;
    v.workers.push_back(worker(QStringLiteral("MainThread"), 0, elapsedMs, LaneKind::Main));
    for (std::size_t i = 0; i < spans.size(); ++i)
        v.workers.push_back(worker(prefix + QString::number(i + 1), spans[i].first, spans[i].second, kind));
    v.workerCount = static_cast<int>(spans.size());
    return v;
}

RunResult runOf(const QString& id, std::vector<VariantResult> variants)
{
    RunResult run;
    run.scenarioId = id;
    run.cores = 2;
    run.variants = std::move(variants);
    return run;
}

VariantResult& named(RunResult& run, const QString& name)
{
    for (VariantResult& v : run.variants)
        if (v.name == name)
            return v;
    qFatal("no variant %s", qPrintable(name));
}

WorkerResult& workerNamed(VariantResult& v, const QString& name)
{
    for (WorkerResult& w : v.workers)
        if (w.name == name)
            return w;
    qFatal("no worker %s", qPrintable(name));
}

// Good runs of the scenarios without a recording, as a quiet 2-core machine runs them, and a
// way to spoil each.
struct Synthetic
{
    std::function<RunResult()> good;
    std::function<void(RunResult&)> doctor;
};

std::map<QString, Synthetic> synthetic()
{
    const QString three = QStringLiteral("three ways");
    std::map<QString, Synthetic> m;
    m[QStringLiteral("ways-to-create")] = {
        [three] {
            VariantResult v = variant(three, 60);
            v.workers.push_back(worker(QStringLiteral("subclass"), 1, 50));
            v.workers.push_back(worker(QStringLiteral("function"), 2, 55));
            v.workers.push_back(worker(QStringLiteral("object"), 3, 58));
            return runOf(QStringLiteral("ways-to-create"), {v});
        },
        [three](RunResult& r) { workerNamed(named(r, three), QStringLiteral("function")).outcome = WorkerOutcome::Cancelled; }};
    m[QStringLiteral("interleaving")] = {
        [] {
            return runOf(QStringLiteral("interleaving"),
                         {variant(QStringLiteral("threads"), 100, {{1, 90}, {2, 95}, {3, 99}}),
                          variant(QStringLiteral("processes"), 140, {{5, 120}, {8, 130}, {9, 139}},
                                  QStringLiteral("Process-"), LaneKind::Process)});
        },
        [](RunResult& r) {
            named(r, QStringLiteral("threads")) = variant(QStringLiteral("threads"), 100, {{0, 30}, {30, 60}, {60, 99}});
        }};
    m[QStringLiteral("io-bound")] = {
        [] {
            return runOf(QStringLiteral("io-bound"), {variant(QStringLiteral("sequential"), 2000),
                                                      variant(QStringLiteral("threads"), 1010, {{1, 1005}, {1, 1008}})});
        },
        [](RunResult& r) { named(r, QStringLiteral("threads")).elapsedMs = 1900; }};
    const QString loop = QStringLiteral("start+join in loop");
    const QString all = QStringLiteral("start all, then join all");
    m[QStringLiteral("start-join-loop")] = {
        [loop, all] {
            return runOf(QStringLiteral("start-join-loop"),
                         {variant(loop, 1004, {{0, 250}, {250, 501}, {501, 752}, {752, 1003}}),
                          variant(all, 253, {{0, 250}, {0.2, 251}, {0.4, 251}, {0.6, 252}})});
        },
        [loop](RunResult& r) {
            VariantResult& v = named(r, loop);
            workerNamed(v, QStringLiteral("Thread-2")).intervals[1].startMs = 200; // starts before Thread-1 ends
        }};
    m[QStringLiteral("spawn-cost")] = {
        [] {
            return runOf(QStringLiteral("spawn-cost"), {variant(QStringLiteral("100 threads"), 40),
                                                        variant(QStringLiteral("100 processes"), 900)});
        },
        // What the model shows today: processes about as fast as threads.
        [](RunResult& r) { named(r, QStringLiteral("100 processes")).elapsedMs = 44; }};
    m[QStringLiteral("random-jobs")] = {
        [] {
            return runOf(QStringLiteral("random-jobs"),
                         {variant(QStringLiteral("sequential"), 2200), variant(QStringLiteral("threads"), 700),
                          variant(QStringLiteral("processes"), 780)});
        },
        [](RunResult& r) { named(r, QStringLiteral("processes")).elapsedMs = 2100; }};
    return m;
}

// How each recording is spoiled: the numbers a run that did not show the lesson would have.
std::map<QString, std::function<void(RunResult&)>> doctors()
{
    std::map<QString, std::function<void(RunResult&)>> m;
    m[QStringLiteral("cpu-bound")] = [](RunResult& r) {
        named(r, QStringLiteral("4 threads")).elapsedMs = named(r, QStringLiteral("1 thread")).elapsedMs * 0.5;
    };
    m[QStringLiteral("cpu-scaling")] = [](RunResult& r) {
        named(r, QStringLiteral("processes×2")).elapsedMs = named(r, QStringLiteral("processes×1")).elapsedMs;
    };
    m[QStringLiteral("crash-isolation")] = [](RunResult& r) {
        workerNamed(named(r, QStringLiteral("processes, one crashes each way")), QStringLiteral("worker-2")).outcome =
            WorkerOutcome::Crashed;
    };
    m[QStringLiteral("daemon")] = [](RunResult& r) {
        workerNamed(named(r, QStringLiteral("daemon worker")), QStringLiteral("worker")).outcome = WorkerOutcome::Finished;
    };
    m[QStringLiteral("memory-isolation")] = [](RunResult& r) {
        named(r, QStringLiteral("processes")).observations.parentList = std::vector<std::int64_t> {4, 9, 64, 81};
    };
    m[QStringLiteral("queue-ipc")] = [](RunResult& r) {
        named(r, QStringLiteral("processes + queue")).observations.items->received = 3;
    };
    m[QStringLiteral("race-condition")] = [](RunResult& r) {
        Observations& o = named(r, QStringLiteral("no lock")).observations;
        o.counter = o.counterExpected;
    };
    return m;
}

std::vector<LessonCheck> checksOf(const QString& id)
{
    return ScenarioCatalog::builtin(id)->lessonChecks;
}

LessonCheck ratioCheck(const QString& variantName, const QString& baseline, std::optional<double> atLeast,
                       std::optional<double> atMost)
{
    LessonCheck c;
    c.kind = LessonCheckKind::Ratio;
    c.variant = variantName;
    c.baseline = baseline;
    c.atLeast = atLeast;
    c.atMost = atMost;
    c.text = QStringLiteral("ratio ({value})");
    return c;
}

} // namespace

class TestLessonVerdict : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltinHasChecks();
    void goodRunsShowTheLesson_data();
    void goodRunsShowTheLesson();
    void doctoredRunsDoNot_data() { goodRunsShowTheLesson_data(); }
    void doctoredRunsDoNot();

    void wordsOfTheVerdict();
    void causeNamesTheMachinesLoad();
    void onlyChecksThatApply();
    void processesMustBeClearlyFaster();
    void ratioBounds();
    void overlapTouchingIsNotOverlap();
    void outcomeByGroupTemplate();
    void missingObservationDoesNotHold();
    void resultsJsonAndSummary();

private:
    static RunResult goodRun(const QString& id);
    static void doctor(const QString& id, RunResult& run);
};

RunResult TestLessonVerdict::goodRun(const QString& id)
{
    const auto made = synthetic();
    if (const auto it = made.find(id); it != made.end())
        return it->second.good();
    return readRecording(kRecorded + QLatin1Char('/') + id + QStringLiteral(".json"));
}

void TestLessonVerdict::doctor(const QString& id, RunResult& run)
{
    const auto made = synthetic();
    if (const auto it = made.find(id); it != made.end())
        return it->second.doctor(run);
    doctors().at(id)(run);
}

void TestLessonVerdict::everyBuiltinHasChecks()
{
    const auto made = synthetic();
    const auto doctored = doctors();
    for (const Scenario& s : ScenarioCatalog::builtins()) {
        QVERIFY2(!s.lessonChecks.empty(), qPrintable(s.id));
        // Every built-in is covered below by a recording or a synthetic run.
        QVERIFY2(made.count(s.id) + doctored.count(s.id) == 1, qPrintable(s.id));
        for (const LessonCheck& c : s.lessonChecks)
            QVERIFY2(c.text.contains(QStringLiteral("{value}")), qPrintable(s.id + QStringLiteral(": ") + c.text));
    }
}

void TestLessonVerdict::goodRunsShowTheLesson_data()
{
    QTest::addColumn<QString>("id");
    for (const QString& id : ScenarioCatalog::builtinIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestLessonVerdict::goodRunsShowTheLesson()
{
    QFETCH(QString, id);
    const RunResult run = goodRun(id);
    QVERIFY(!run.variants.empty());
    const std::optional<LessonVerdict> verdict =
        LessonVerdict::evaluate(checksOf(id), run, quiet());
    QVERIFY(verdict);
    QVERIFY(!verdict->checks().empty());
    for (const LessonVerdict::Check& c : verdict->checks()) {
        QVERIFY2(c.holds, qPrintable(c.text));
        QVERIFY2(!c.text.contains(QStringLiteral("{value}")), qPrintable(c.text));
    }
    QVERIFY(verdict->holds());
    QVERIFY(verdict->cause().isEmpty());
    for (const QString& line : verdict->lines())
        QVERIFY2(line.startsWith(QStringLiteral("✓ ")), qPrintable(line));
}

void TestLessonVerdict::doctoredRunsDoNot()
{
    QFETCH(QString, id);
    RunResult run = goodRun(id);
    doctor(id, run);
    const std::optional<LessonVerdict> verdict =
        LessonVerdict::evaluate(checksOf(id), run, quiet());
    QVERIFY(verdict);
    QVERIFY(!verdict->holds());
    const QStringList lines = verdict->lines();
    QVERIFY2(lines.last().startsWith(QStringLiteral("✗ this run did not show the lesson: ")), qPrintable(lines.last()));
    QVERIFY2(lines.last().contains(QStringLiteral("the machine was not busy (load 0.3 on 2 cores")),
             qPrintable(lines.last()));
}

void TestLessonVerdict::wordsOfTheVerdict()
{
    // The recorded cpu-bound run: 1 thread 198.0 ms, 4 threads 170.6 ms, 2 processes 113.4 ms.
    const RunResult run = goodRun(QStringLiteral("cpu-bound"));
    const auto verdict =
        LessonVerdict::evaluate(checksOf(QStringLiteral("cpu-bound")), run, quiet());
    QVERIFY(verdict);
    QCOMPARE(verdict->lines(),
             (QStringList {QStringLiteral("✓ 4 threads were no faster than 1 thread: they took 0.86× its time"),
                           QStringLiteral("✓ 2 processes were faster than 1 thread: they took 0.57× its time")}));
    // The value is the ratio itself, unrounded.
    const double ratio = run.variants[1].elapsedMs / run.variants[0].elapsedMs;
    QVERIFY(qAbs(*verdict->checks().front().value - ratio) < 1e-12);

    RunResult race = goodRun(QStringLiteral("race-condition"));
    const auto raceVerdict =
        LessonVerdict::evaluate(checksOf(QStringLiteral("race-condition")), race, quiet());
    QCOMPARE(raceVerdict->lines(), (QStringList {QStringLiteral("✓ without a lock, 1500 updates were lost"),
                                                 QStringLiteral("✓ with a lock, no update was lost (0 lost)")}));
    QCOMPARE(raceVerdict->checks().front().value, std::optional<double>(1500));

    RunResult daemon = goodRun(QStringLiteral("daemon"));
    const auto daemonVerdict =
        LessonVerdict::evaluate(checksOf(QStringLiteral("daemon")), daemon, quiet());
    QVERIFY(daemonVerdict->lines().contains(QStringLiteral("✓ the daemon worker was cut off when main ended (1 of 1)")));
}

void TestLessonVerdict::causeNamesTheMachinesLoad()
{
    RunResult run = goodRun(QStringLiteral("cpu-bound"));
    doctor(QStringLiteral("cpu-bound"), run);
    const std::vector<LessonCheck> checks = checksOf(QStringLiteral("cpu-bound"));

    const auto busy = LessonVerdict::evaluate(checks, run, MachineLoad::measured(2.3, 2, 0.12, 0.05));
    QCOMPARE(busy->cause(), QStringLiteral("the machine was busy (load 2.3 on 2 cores, 12% steal, other programs 5% of the CPU)"));
    QCOMPARE(busy->lines(),
             (QStringList {QStringLiteral("✗ 4 threads were no faster than 1 thread: they took 0.50× its time"),
                           QStringLiteral("✓ 2 processes were faster than 1 thread: they took 0.57× its time"),
                           QStringLiteral("✗ this run did not show the lesson: 4 threads were no faster than 1 thread: "
                                          "they took 0.50× its time; the machine was busy (load 2.3 on 2 cores, 12% steal, other "
                                          "programs 5% of the CPU)")}));
    // Other programs alone make it busy.
    QVERIFY(LessonVerdict::evaluate(checks, run, MachineLoad::measured(1.4, 2, 0, 0.45))->load().busy());
    QVERIFY(!LessonVerdict::evaluate(checks, run, MachineLoad::measured(1.4, 2, 0.05, 0.1))->load().busy());

    const auto unknown = LessonVerdict::evaluate(checks, run);
    QVERIFY(!unknown->load().known());
    QVERIFY(!unknown->load().busy());
    QCOMPARE(unknown->cause(), QStringLiteral("the machine's load could not be measured here, so the cause is unknown"));

    // A lesson that holds names no cause, whatever the load.
    const auto holds = LessonVerdict::evaluate(checks, goodRun(QStringLiteral("cpu-bound")),
                                               MachineLoad::measured(2.3, 2, 0.12, 0.5));
    QVERIFY(holds->holds());
    QVERIFY(holds->cause().isEmpty());
}

// cpu-bound's processes check asks for at most 0.9× of one thread, not 0.8×: with one CPU-bound
// program beside the run on 2 cores, the two children share them with it and the best ratio is
// 0.75 (measured: real CPython 0.75–0.83, the model 0.78–0.87, --repeat 3 beside `yes`).
void TestLessonVerdict::processesMustBeClearlyFaster()
{
    const std::vector<LessonCheck> checks = checksOf(QStringLiteral("cpu-bound"));
    RunResult run = goodRun(QStringLiteral("cpu-bound"));
    const double oneThreadMs = named(run, QStringLiteral("1 thread")).elapsedMs;
    named(run, QStringLiteral("2 processes")).elapsedMs = oneThreadMs * 0.87;
    QVERIFY(LessonVerdict::evaluate(checks, run, quiet())->holds());
    named(run, QStringLiteral("2 processes")).elapsedMs = oneThreadMs * 0.93;
    const auto slower = LessonVerdict::evaluate(checks, run, quiet());
    QVERIFY(!slower->holds());
    QCOMPARE(slower->lines().at(1), QStringLiteral("✗ 2 processes were faster than 1 thread: they took 0.93× its time"));
}

void TestLessonVerdict::onlyChecksThatApply()
{
    const std::vector<LessonCheck> checks = checksOf(QStringLiteral("cpu-bound"));
    RunResult run = goodRun(QStringLiteral("cpu-bound"));
    // GIL on: the "without the GIL" check does not apply.
    QCOMPARE(LessonVerdict::evaluate(checks, run, quiet())->checks().size(), std::size_t(2));
    // GIL off: the two that do not ask for the GIL on.
    for (VariantResult& v : run.variants)
        v.gil = false;
    const auto off = LessonVerdict::evaluate(checks, run, quiet());
    QCOMPARE(off->checks().size(), std::size_t(2));
    QCOMPARE(off->checks().front().text.left(19), QStringLiteral("2 processes were fa"));
    QVERIFY(!off->holds()); // 4 threads at 0.86× of 1 thread are not faster without the GIL
    // One core: no check that needs two.
    run.cores = 1;
    QCOMPARE(LessonVerdict::evaluate(checks, run, quiet()).has_value(), false);
    // Only some variants ran (--variant): checks naming the others do not apply.
    RunResult some = goodRun(QStringLiteral("cpu-bound"));
    some.variants.erase(some.variants.begin() + 2);
    QCOMPARE(LessonVerdict::evaluate(checks, some, quiet())->checks().size(), std::size_t(1));
    some.variants.erase(some.variants.begin());
    QVERIFY(!LessonVerdict::evaluate(checks, some, quiet()));
    // A cancelled run has no verdict.
    RunResult cancelled = goodRun(QStringLiteral("cpu-bound"));
    cancelled.cancelled = true;
    QVERIFY(!LessonVerdict::evaluate(checks, cancelled, quiet()));
}

void TestLessonVerdict::ratioBounds()
{
    const RunResult run = runOf(QStringLiteral("t"), {variant(QStringLiteral("a"), 50), variant(QStringLiteral("b"), 100)});
    const auto holds = [&run](std::optional<double> least, std::optional<double> most) {
        return LessonVerdict::evaluateOne(ratioCheck(QStringLiteral("a"), QStringLiteral("b"), least, most), run).holds;
    };
    QVERIFY(holds(0.5, std::nullopt));   // bounds are inclusive
    QVERIFY(!holds(0.51, std::nullopt));
    QVERIFY(holds(std::nullopt, 0.5));
    QVERIFY(!holds(std::nullopt, 0.49));
    QVERIFY(holds(0.4, 0.6));            // between
    QVERIFY(!holds(0.6, 0.9));
    QCOMPARE(LessonVerdict::evaluateOne(ratioCheck(QStringLiteral("a"), QStringLiteral("b"), 0.4, 0.6), run).text,
             QStringLiteral("ratio (0.50×)"));
    // A cancelled variant measured nothing.
    RunResult cancelled = run;
    cancelled.variants[1].cancelled = true;
    const LessonVerdict::Check c = LessonVerdict::evaluateOne(ratioCheck(QStringLiteral("a"), QStringLiteral("b"), 0.4, 0.6), cancelled);
    QVERIFY(!c.holds);
    QVERIFY(!c.value);
    QCOMPARE(c.text, QStringLiteral("ratio (not measured)"));
}

void TestLessonVerdict::overlapTouchingIsNotOverlap()
{
    LessonCheck none;
    none.kind = LessonCheckKind::Overlap;
    none.variant = QStringLiteral("v");
    none.overlap = false;
    none.text = QStringLiteral("{value}");
    // One ends exactly when the next starts: one after another.
    RunResult run = runOf(QStringLiteral("t"), {variant(QStringLiteral("v"), 30, {{0, 10}, {10, 20}, {20, 30}})});
    LessonVerdict::Check c = LessonVerdict::evaluateOne(none, run);
    QVERIFY(c.holds);
    QCOMPARE(c.value, std::optional<double>(1));
    QCOMPARE(c.text, QStringLiteral("one at a time"));
    // Created long before starting (start+join in a loop) is not alive yet.
    run.variants[0].workers[3].intervals[0] = {WorkerState::Created, 0, 20};
    QVERIFY(LessonVerdict::evaluateOne(none, run).holds);
    run = runOf(QStringLiteral("t"), {variant(QStringLiteral("v"), 30, {{0, 10}, {9, 20}, {0, 30}})});
    c = LessonVerdict::evaluateOne(none, run);
    QVERIFY(!c.holds);
    QCOMPARE(c.text, QStringLiteral("up to 3 at once"));
    none.overlap = true;
    QVERIFY(LessonVerdict::evaluateOne(none, run).holds);
}

void TestLessonVerdict::outcomeByGroupTemplate()
{
    LessonCheck check;
    check.kind = LessonCheckKind::Outcome;
    check.variant = QStringLiteral("v");
    check.outcome = WorkerState::Crashed;
    check.workers = QStringList {QStringLiteral("worker-{n}")};
    check.text = QStringLiteral("{value}");
    RunResult run = runOf(QStringLiteral("t"), {variant(QStringLiteral("v"), 30, {{0, 10}, {0, 10}}, QStringLiteral("worker-"))});
    run.variants[0].workers.push_back(worker(QStringLiteral("worker-x"), 0, 10));
    run.variants[0].workers.push_back(worker(QStringLiteral("aworker-1"), 0, 10));
    for (WorkerResult& w : run.variants[0].workers)
        w.outcome = WorkerOutcome::Crashed;
    run.variants[0].workers[1].outcome = WorkerOutcome::Finished; // worker-1
    LessonVerdict::Check c = LessonVerdict::evaluateOne(check, run);
    QCOMPARE(c.text, QStringLiteral("1 of 2")); // worker-1 and worker-2 only; main never counts
    QVERIFY(!c.holds);
    check.quota = WorkerQuota::Some;
    QVERIFY(LessonVerdict::evaluateOne(check, run).holds);
    check.quota = WorkerQuota::None;
    QVERIFY(!LessonVerdict::evaluateOne(check, run).holds);
    check.workers.clear(); // every worker but main
    check.quota = WorkerQuota::All;
    QCOMPARE(LessonVerdict::evaluateOne(check, run).text, QStringLiteral("3 of 4"));
}

void TestLessonVerdict::missingObservationDoesNotHold()
{
    LessonCheck check;
    check.kind = LessonCheckKind::Observation;
    check.variant = QStringLiteral("v");
    check.observation = ObservedValue::UpdatesLost;
    check.atMost = 0;
    check.text = QStringLiteral("lost: {value}");
    const RunResult run = runOf(QStringLiteral("t"), {variant(QStringLiteral("v"), 30)});
    const LessonVerdict::Check c = LessonVerdict::evaluateOne(check, run);
    QVERIFY(!c.holds);
    QVERIFY(!c.value);
    QCOMPARE(c.text, QStringLiteral("lost: not observed"));
}

void TestLessonVerdict::resultsJsonAndSummary()
{
    RunResult run = goodRun(QStringLiteral("race-condition"));
    doctor(QStringLiteral("race-condition"), run);
    run.lesson = LessonVerdict::evaluate(checksOf(QStringLiteral("race-condition")), run,
                                         MachineLoad::measured(2.3, 2, 0.12, 0.05));
    const QJsonObject lesson = ResultWriter::toJson(run)[QStringLiteral("lesson")].toObject();
    QCOMPARE(lesson[QStringLiteral("holds")].toBool(true), false);
    const QJsonArray checks = lesson[QStringLiteral("checks")].toArray();
    QCOMPARE(checks.size(), 2);
    QCOMPARE(checks[0].toObject(), (QJsonObject {{QStringLiteral("text"), QStringLiteral("without a lock, 0 updates were lost")},
                                                 {QStringLiteral("holds"), false},
                                                 {QStringLiteral("value"), 0}}));
    QCOMPARE(checks[1][QStringLiteral("holds")].toBool(), true);
    QVERIFY(lesson[QStringLiteral("cause")].toString().startsWith(QStringLiteral("the machine was busy (load 2.3")));
    QCOMPARE(lesson[QStringLiteral("machine")][QStringLiteral("busy")].toBool(), true);

    const QStringList summary = ResultWriter::summaryTable(run).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(summary.mid(summary.size() - 3), run.lesson->lines());

    run.lesson.reset();
    QVERIFY(!ResultWriter::toJson(run).contains(QStringLiteral("lesson")));
}

QTEST_GUILESS_MAIN(TestLessonVerdict)
#include "tst_lessonverdict.moc"
