// A series in two engines: each repeat once per engine, interleaved; each engine combined on its
// own (medians, lesson verdict) and side by side (EngineComparison: pairs, fidelity).
#include "engine/engine.h"
#include "engine/seriesrunner.h"
#include "results/enginecomparison.h"
#include "results/resultwriter.h"
#include "results/runhistory.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "support/sanitizers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace ThreadLab;

namespace {

VariantResult variant(const QString& name, EngineKind engine, double elapsedMs)
{
    VariantResult v;
    v.name = name;
    v.scenarioName = name;
    v.engine = engine;
    v.gil = engine != EngineKind::Native;
    v.elapsedMs = elapsedMs;
    return v;
}

// cpu-bound's three variants as one engine ran them.
RunResult engineRun(EngineKind engine, double oneThreadMs, double fourThreadsMs, double processesMs)
{
    RunResult r;
    r.scenarioId = QStringLiteral("cpu-bound");
    r.cores = 2;
    r.settings.engine = engine;
    r.settings.gil = engine != EngineKind::Native;
    r.variants = {variant(QStringLiteral("1 thread"), engine, oneThreadMs),
                  variant(QStringLiteral("4 threads"), engine, fourThreadsMs),
                  variant(QStringLiteral("2 processes"), engine, processesMs)};
    return r;
}

Scenario cpuBound()
{
    std::optional<Scenario> s = ScenarioCatalog::builtin(QStringLiteral("cpu-bound"));
    return s ? *s : Scenario();
}

} // namespace

class TestSeriesEngines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsEachVariantAcrossEngines()
    {
        const RunResult both = EngineComparison::combined(
            {engineRun(EngineKind::Model, 100, 114, 60), engineRun(EngineKind::CPython, 100, 108, 55)},
            cpuBound().lessonChecks);
        QCOMPARE(both.engineRuns.size(), std::size_t(2));
        QCOMPARE(both.variants.size(), std::size_t(6));
        const QStringList names {QStringLiteral("1 thread · model"),    QStringLiteral("1 thread · CPython"),
                                 QStringLiteral("4 threads · model"),   QStringLiteral("4 threads · CPython"),
                                 QStringLiteral("2 processes · model"), QStringLiteral("2 processes · CPython")};
        for (std::size_t i = 0; i < both.variants.size(); ++i) {
            QCOMPARE(both.variants[i].name, names[int(i)]);
            QCOMPARE(both.variants[i].engine, i % 2 ? EngineKind::CPython : EngineKind::Model);
        }
        // Each variant against its baseline in its own engine.
        QCOMPARE(RunHistory::speedup(both, 3), 100.0 / 108);
        QCOMPARE(RunHistory::speedup(both, 2), 100.0 / 114);
    }

    // The charts: a bar per variant and engine; a sweep's speedup line per mode and engine.
    void chartsTellTheEnginesApart()
    {
        RunResult model = engineRun(EngineKind::Model, 100, 114, 60);
        RunResult cpython = engineRun(EngineKind::CPython, 100, 108, 55);
        for (RunResult* r : {&model, &cpython})
            for (std::size_t i = 0; i < 2; ++i)
                r->variants[i].sweepWorkers = int(i) * 3 + 1; // 1 and 4 workers
        WorkerResult worker;
        worker.name = QStringLiteral("Thread-1");
        worker.startLatencyUs = 80;
        for (RunResult* r : {&model, &cpython})
            for (VariantResult& v : r->variants)
                v.workers.push_back(worker);
        RunHistory history;
        history.add(EngineComparison::combined({model, cpython}, {}));
        const std::vector<ElapsedEntry> bars = history.elapsed();
        QCOMPARE(bars.size(), std::size_t(6));
        QCOMPARE(bars[1].label, QStringLiteral("1 thread · CPython · engines side by side"));
        // A row per variant, a bar set per engine.
        QCOMPARE(bars[1].category, QStringLiteral("1 thread"));
        QCOMPARE(bars[4].category, QStringLiteral("2 processes"));
        QCOMPARE(bars[0].set, 0);
        QCOMPARE(bars[1].set, 1);
        QCOMPARE(bars[1].engine, EngineKind::CPython);
        const std::vector<RunHistory::BarSet> sets = history.barSets();
        QCOMPARE(sets.size(), std::size_t(2));
        QCOMPARE(sets[0].name, QStringLiteral("Model"));
        QCOMPARE(sets[1].name, QStringLiteral("CPython"));
        QCOMPARE(history.barSetOf(0, EngineKind::CPython), 1);
        const std::vector<SpeedupSeries> lines = history.speedupSeries();
        QCOMPARE(lines.size(), std::size_t(2));
        QCOMPARE(lines[0].label, QStringLiteral("threads · model · engines side by side"));
        QCOMPARE(lines[1].label, QStringLiteral("threads · CPython · engines side by side"));
        QCOMPARE(lines[1].key, QStringLiteral("threads · CPython"));
        // The latency chart's key names the variant and its engine, no more.
        const std::vector<LatencySeries> latencies = history.latencySeries();
        QVERIFY(!latencies.empty());
        QVERIFY2(latencies.back().key.endsWith(QStringLiteral(" · CPython")), qPrintable(latencies.back().key));
        QVERIFY2(!latencies.back().key.contains(QStringLiteral("side by side")), qPrintable(latencies.back().key));
        QCOMPARE(lines[1].set, 1);
        QCOMPARE(lines[1].points.size(), std::size_t(2));
        QCOMPARE(lines[1].points[1].speedup, 100.0 / 108);
    }

    void fidelityOfEveryRatio()
    {
        const RunResult both = EngineComparison::combined(
            {engineRun(EngineKind::Model, 100, 114, 60), engineRun(EngineKind::CPython, 100, 108, 55)},
            cpuBound().lessonChecks);
        // cpu-bound checks 4 threads / 1 thread twice (GIL on, GIL off): one line for it.
        QCOMPARE(both.fidelity.size(), std::size_t(2));
        QCOMPARE(both.fidelity[0].check, QStringLiteral("4 threads / 1 thread"));
        QCOMPARE(both.fidelity[0].values.size(), std::size_t(2));
        QCOMPARE(*both.fidelity[0].values[0].value, 1.14);
        QCOMPARE(*both.fidelity[0].values[1].value, 1.08);
        QVERIFY(qAbs(*both.fidelity[0].difference - 0.06) < 1e-9);
        QCOMPARE(EngineComparison::line(both.fidelity[0]),
                 QStringLiteral("4 threads / 1 thread   model 1.14×   CPython 1.08×   difference +0.06"));
        QCOMPARE(both.fidelity[1].check, QStringLiteral("2 processes / 1 thread"));
        QVERIFY(EngineComparison::line(both.fidelity[1]).endsWith(QStringLiteral("difference +0.05")));
    }

    void differenceIsModelMinusCPython()
    {
        // Whatever order they ran in.
        const RunResult both = EngineComparison::combined(
            {engineRun(EngineKind::CPython, 100, 108, 55), engineRun(EngineKind::Model, 100, 114, 60)},
            cpuBound().lessonChecks);
        QVERIFY(qAbs(*both.fidelity[0].difference - 0.06) < 1e-9);
        QCOMPARE(both.variants.front().name, QStringLiteral("1 thread · CPython"));
    }

    void jsonHasEnginesAndFidelity()
    {
        RunResult model = engineRun(EngineKind::Model, 100, 114, 60);
        RunResult cpython = engineRun(EngineKind::CPython, 100, 108, 55);
        const Scenario s = cpuBound();
        model.lesson = LessonVerdict::evaluate(s.lessonChecks, model);
        cpython.lesson = LessonVerdict::evaluate(s.lessonChecks, cpython);
        const QJsonObject json = ResultWriter::toJson(EngineComparison::combined({model, cpython}, s.lessonChecks));
        const QJsonArray variants = json.value(QStringLiteral("variants")).toArray();
        QCOMPARE(variants.size(), 6);
        QCOMPARE(variants[0].toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("model"));
        QCOMPARE(variants[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("1 thread"));
        QCOMPARE(variants[3].toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("cpython"));
        const QJsonArray lessons = json.value(QStringLiteral("lessons")).toArray();
        QCOMPARE(lessons.size(), 2);
        QCOMPARE(lessons[1].toObject().value(QStringLiteral("engine")).toString(), QStringLiteral("cpython"));
        const QJsonObject first = json.value(QStringLiteral("fidelity")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("check")).toString(), QStringLiteral("4 threads / 1 thread"));
        QCOMPARE(first.value(QStringLiteral("model")).toDouble(), 1.14);
        QCOMPARE(first.value(QStringLiteral("cpython")).toDouble(), 1.08);
        QCOMPARE(first.value(QStringLiteral("difference")).toDouble(), 0.06);
    }

    // Model and native need no Python: the engines alternate within each repeat, and each
    // engine's runs are combined on their own.
    void seriesInterleavesTheEngines()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        Engine engine;
        SeriesRunner series(&engine);
        std::vector<EngineKind> ran;
        QObject::connect(&engine, &Engine::runFinished, &engine,
                         [&ran](const RunResult& r) { ran.push_back(r.settings.engine); });
        QSignalSpy finished(&series, &SeriesRunner::finished);
        RunSettings settings;
        settings.timeScale = 0.01;
        settings.variants = {QStringLiteral("1 thread"), QStringLiteral("4 threads")};
        settings.engines = {EngineKind::Model, EngineKind::Native};
        QVERIFY(series.start(cpuBound(), settings, 2));
        QCOMPARE(series.runCount(), 4);
        QVERIFY(finished.wait(30000));
        const std::vector<EngineKind> order {EngineKind::Model, EngineKind::Native, EngineKind::Model, EngineKind::Native};
        QVERIFY(ran == order);
        const RunResult result = finished.first().first().value<RunResult>();
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.engineRuns.size(), std::size_t(2));
        for (const RunResult& one : result.engineRuns) {
            QCOMPARE(one.repeats, 2);
            QCOMPARE(one.variants.size(), std::size_t(2));
            for (const VariantResult& v : one.variants) {
                QCOMPARE(v.engine, one.settings.engine);
                QCOMPARE(v.elapsedRunsMs.size(), std::size_t(2));
            }
        }
        QCOMPARE(result.engineRuns[1].variants.front().gil, false);
        QCOMPARE(result.variants.size(), std::size_t(4));
        QCOMPARE(result.variants[1].name, QStringLiteral("1 thread · native"));
        // Each engine's lesson on its own: the GIL-on check in the model, the GIL-off one natively.
        QVERIFY(result.engineRuns[0].lesson || result.engineRuns[0].cancelled);
        QCOMPARE(result.fidelity.size(), std::size_t(1));
        QVERIFY(result.fidelity[0].values[0].value.has_value());
        QVERIFY(result.fidelity[0].values[1].value.has_value());
    }
};

QTEST_GUILESS_MAIN(TestSeriesEngines)
#include "tst_seriesengines.moc"
