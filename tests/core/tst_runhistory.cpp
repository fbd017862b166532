#include "results/runhistory.h"

#include "results/resultwriter.h"
#include "scenario/scenariocatalog.h"

#include <QJsonArray>
#include <QTest>

#include <cmath>

using namespace ThreadLab;

namespace {

VariantResult variant(const QString& name, VariantMode mode, double elapsedMs, int sweepWorkers = 0)
{
    VariantResult v;
    v.name = name;
    v.mode = mode;
    v.elapsedMs = elapsedMs;
    v.sweepWorkers = sweepWorkers;
    WorkerResult main;
    main.name = QStringLiteral("MainThread");
    main.kind = LaneKind::Main;
    main.startLatencyUs = -1;
    v.workers.push_back(main);
    return v;
}

void addWorkers(VariantResult& v, LaneKind kind, const std::vector<double>& latenciesUs)
{
    int n = 0;
    for (const double us : latenciesUs) {
        WorkerResult w;
        w.name = QStringLiteral("Worker-%1").arg(++n);
        w.kind = kind;
        w.startLatencyUs = us;
        v.workers.push_back(w);
    }
    v.workerCount = static_cast<int>(latenciesUs.size());
}

RunResult cpuBound(bool gil, double oneMs, double fourMs, double processesMs)
{
    RunResult r;
    r.scenarioId = QStringLiteral("cpu-bound");
    r.settings.gil = gil;
    r.timeScale = 0.25;
    r.variants = {variant(QStringLiteral("1 thread"), VariantMode::Threads, oneMs),
                  variant(QStringLiteral("4 threads"), VariantMode::Threads, fourMs),
                  variant(QStringLiteral("2 processes"), VariantMode::Processes, processesMs)};
    return r;
}

RunResult sweep(bool gil, const std::vector<double>& threadsMs, const std::vector<double>& processesMs)
{
    RunResult r;
    r.scenarioId = QStringLiteral("cpu-scaling");
    r.settings.gil = gil;
    for (std::size_t i = 0; i < threadsMs.size(); ++i)
        r.variants.push_back(variant(QStringLiteral("threads×%1").arg(i + 1), VariantMode::Threads, threadsMs[i],
                                     static_cast<int>(i) + 1));
    for (std::size_t i = 0; i < processesMs.size(); ++i)
        r.variants.push_back(variant(QStringLiteral("processes×%1").arg(i + 1), VariantMode::Processes,
                                     processesMs[i], static_cast<int>(i) + 1));
    return r;
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        RunHistory h;
        QVERIFY(h.isEmpty());
        QCOMPARE(h.runCount(), 0);
        QVERIFY(h.lastRun() == nullptr);
        QVERIFY(h.elapsed().empty());
        QVERIFY(h.speedupSeries().empty());
        QVERIFY(h.latencySeries().empty());
        QVERIFY(!h.hasSweep());
    }

    void ignoresFailedAndEmptyRuns()
    {
        RunHistory h;
        RunResult failed = cpuBound(true, 100, 100, 50);
        failed.error = QStringLiteral("no variant \"x\"");
        h.add(failed);
        h.add(RunResult {});
        QVERIFY(h.isEmpty());
    }

    void elapsedPerVariantWithSpeedupAgainstFirst()
    {
        RunHistory h;
        h.add(cpuBound(true, 2000, 2100, 1000));
        const auto bars = h.elapsed();
        QCOMPARE(bars.size(), std::size_t(3));
        QCOMPARE(bars[0].label, QStringLiteral("1 thread · GIL on"));
        QCOMPARE(bars[1].label, QStringLiteral("4 threads · GIL on"));
        QCOMPARE(bars[2].label, QStringLiteral("2 processes · GIL on"));
        QCOMPARE(bars[0].speedup, 1.0);
        QVERIFY(qFuzzyCompare(bars[1].speedup, 2000.0 / 2100.0));
        QCOMPARE(bars[2].speedup, 2.0);
        QCOMPARE(bars[2].elapsedMs, 1000.0);
    }

    void runsAccumulateSideBySide()
    {
        RunHistory h;
        h.add(cpuBound(true, 2000, 2100, 1000));
        h.add(cpuBound(false, 2000, 1000, 1000));
        QCOMPARE(h.runCount(), 2);
        const auto bars = h.elapsed();
        QCOMPARE(bars.size(), std::size_t(6));
        QCOMPARE(bars[1].label, QStringLiteral("4 threads · GIL on"));
        QCOMPARE(bars[4].label, QStringLiteral("4 threads · GIL off"));
        QCOMPARE(bars[4].run, 1);
        QCOMPARE(bars[4].speedup, 2.0); // relative to the first variant of its own run
        QCOMPARE(h.lastRun()->settings.gil, false);
    }

    void tagsNameWhatDiffers_data()
    {
        QTest::addColumn<int>("secondWorkers");
        QTest::addColumn<int>("secondSwitchMs");
        QTest::addColumn<double>("secondScale");
        QTest::addColumn<QString>("firstTag");
        QTest::addColumn<QString>("secondTag");
        QTest::newRow("same settings") << 0 << 5 << 0.25 << QStringLiteral("GIL on · run 1") << QStringLiteral("GIL on · run 2");
        QTest::newRow("workers") << 16 << 5 << 0.25 << QStringLiteral("GIL on · default workers")
                                 << QStringLiteral("GIL on · 16 workers");
        QTest::newRow("switch interval") << 0 << 20 << 0.25 << QStringLiteral("GIL on · switch 5 ms")
                                         << QStringLiteral("GIL on · switch 20 ms");
        QTest::newRow("time scale") << 0 << 5 << 0.5 << QStringLiteral("GIL on · time ×0.25")
                                    << QStringLiteral("GIL on · time ×0.5");
    }

    void tagsNameWhatDiffers()
    {
        QFETCH(int, secondWorkers);
        QFETCH(int, secondSwitchMs);
        QFETCH(double, secondScale);
        QFETCH(QString, firstTag);
        QFETCH(QString, secondTag);
        RunHistory h;
        h.add(cpuBound(true, 2000, 2100, 1000));
        RunResult second = cpuBound(true, 2000, 2100, 1000);
        second.settings.workers = secondWorkers;
        second.settings.switchIntervalMs = secondSwitchMs;
        second.timeScale = secondScale;
        h.add(second);
        QCOMPARE(h.runTag(0), firstTag);
        QCOMPARE(h.runTag(1), secondTag);
        QCOMPARE(h.variantLabel(1, 1), QStringLiteral("4 threads · ") + secondTag);
    }

    void dropsOldestBeyondMaximum()
    {
        RunHistory h;
        h.setMaxRuns(2);
        h.add(cpuBound(true, 1, 1, 1));
        h.add(cpuBound(true, 2, 2, 2));
        h.add(cpuBound(false, 3, 3, 3));
        QCOMPARE(h.runCount(), 2);
        QCOMPARE(h.run(0).variants.front().elapsedMs, 2.0);
        QCOMPARE(h.run(1).variants.front().elapsedMs, 3.0);
    }

    void clearEmpties()
    {
        RunHistory h;
        h.add(cpuBound(true, 2000, 2100, 1000));
        h.clear();
        QVERIFY(h.isEmpty());
        QVERIFY(h.elapsed().empty());
    }

    void cancelledVariantHasNoSpeedup()
    {
        RunHistory h;
        RunResult r = cpuBound(true, 2000, 300, 0);
        r.variants[1].cancelled = true;
        r.variants.pop_back();
        r.cancelled = true;
        h.add(r);
        const auto bars = h.elapsed();
        QCOMPARE(bars.size(), std::size_t(2));
        QVERIFY(bars[1].cancelled);
        QCOMPARE(bars[1].speedup, 0.0);
        QVERIFY(RunHistory::speedupText(bars[1].speedup).isEmpty());
    }

    void sweepSpeedupRelativeToOneWorkerOfSameMode()
    {
        RunHistory h;
        h.add(sweep(true, {1000, 1050, 1100, 1150}, {1200, 600, 450, 400}));
        QVERIFY(h.hasSweep());
        QCOMPARE(h.maxSweepWorkers(), 4);
        const auto series = h.speedupSeries();
        QCOMPARE(series.size(), std::size_t(2));
        QCOMPARE(series[0].mode, VariantMode::Threads);
        QCOMPARE(series[0].label, QStringLiteral("threads · GIL on"));
        QCOMPARE(series[0].points.size(), std::size_t(4));
        QCOMPARE(series[0].points[0].workers, 1);
        QCOMPARE(series[0].points[0].speedup, 1.0);
        QVERIFY(qFuzzyCompare(series[0].points[3].speedup, 1000.0 / 1150.0));
        QCOMPARE(series[1].mode, VariantMode::Processes);
        QCOMPARE(series[1].points[1].speedup, 2.0); // 1200 / 600, not 1000 / 600
        QCOMPARE(series[1].points[3].speedup, 3.0);
        QCOMPARE(series[1].points[3].elapsedMs, 400.0);
    }

    void sweepRunsCompareGilOnAndOff()
    {
        RunHistory h;
        h.add(sweep(true, {1000, 1000}, {}));
        h.add(sweep(false, {1000, 500}, {}));
        const auto series = h.speedupSeries();
        QCOMPARE(series.size(), std::size_t(2));
        QCOMPARE(series[0].label, QStringLiteral("threads · GIL on"));
        QCOMPARE(series[1].label, QStringLiteral("threads · GIL off"));
        QCOMPARE(series[1].points[1].speedup, 2.0);
        QCOMPARE(series[1].run, 1);
    }

    void sweepWithoutBaselineIsSkipped()
    {
        RunHistory h;
        RunResult r = sweep(true, {1000, 500}, {});
        r.variants[0].cancelled = true;
        h.add(r);
        QVERIFY(h.speedupSeries().empty());
    }

    void nonSweepRunsGiveNoSpeedupSeries()
    {
        RunHistory h;
        h.add(cpuBound(true, 2000, 2100, 1000));
        QVERIFY(!h.hasSweep());
        QVERIFY(h.speedupSeries().empty());
        QCOMPARE(h.maxSweepWorkers(), 0);
    }

    void latenciesPerWorkerThreadsVersusProcesses()
    {
        RunHistory h;
        RunResult r;
        r.scenarioId = QStringLiteral("spawn-cost");
        VariantResult threads = variant(QStringLiteral("100 threads"), VariantMode::Threads, 40);
        addWorkers(threads, LaneKind::Thread, {50, 60, 70});
        VariantResult processes = variant(QStringLiteral("100 processes"), VariantMode::Processes, 900);
        addWorkers(processes, LaneKind::Process, {2000, 2500, -1});
        VariantResult sequential = variant(QStringLiteral("sequential"), VariantMode::Sequential, 10);
        r.variants = {threads, processes, sequential};
        h.add(r);
        const auto series = h.latencySeries();
        QCOMPARE(series.size(), std::size_t(2)); // main is no worker; sequential has none
        QCOMPARE(series[0].mode, VariantMode::Threads);
        QCOMPARE(series[0].label, QStringLiteral("100 threads · GIL on"));
        QCOMPARE(series[0].latenciesUs, (std::vector<double> {50, 60, 70}));
        QCOMPARE(series[1].mode, VariantMode::Processes);
        QCOMPARE(series[1].latenciesUs, (std::vector<double> {2000, 2500, -1}));
    }

    void texts_data()
    {
        QTest::addColumn<double>("ms");
        QTest::addColumn<QString>("duration");
        QTest::newRow("seconds") << 2310.0 << QStringLiteral("2.31 s");
        QTest::newRow("milliseconds") << 412.4 << QStringLiteral("412 ms");
        QTest::newRow("short") << 4.24 << QStringLiteral("4.2 ms");
    }

    void texts()
    {
        QFETCH(double, ms);
        QFETCH(QString, duration);
        QCOMPARE(RunHistory::durationText(ms), duration);
        QCOMPARE(RunHistory::speedupText(1.857), QStringLiteral("1.86×"));
        QCOMPARE(RunHistory::speedupText(0), QString());
    }

    // What the observations say as a run goes: against the first variant, and for a sweep step
    // against the 1-worker step of its own mode; nothing for a baseline or a cancelled variant.
    void comparisonWithTheBaseline()
    {
        std::vector<VariantResult> vs {variant(QStringLiteral("sequential"), VariantMode::Sequential, 1000),
                                       variant(QStringLiteral("2 threads"), VariantMode::Threads, 500),
                                       variant(QStringLiteral("1 process"), VariantMode::Processes, 1200, 1),
                                       variant(QStringLiteral("2 processes"), VariantMode::Processes, 600, 2),
                                       variant(QStringLiteral("4 threads"), VariantMode::Threads, 250)};
        vs[4].cancelled = true;
        QCOMPARE(RunHistory::comparison(vs, 0).speedup, 0.0);
        QCOMPARE(RunHistory::comparison(vs, 0).baseline, QStringLiteral("sequential"));
        QCOMPARE(RunHistory::comparison(vs, 1).speedup, 2.0);
        QCOMPARE(RunHistory::comparison(vs, 1).baseline, QStringLiteral("sequential"));
        QCOMPARE(RunHistory::comparison(vs, 2).speedup, 0.0);
        QCOMPARE(RunHistory::comparison(vs, 3).speedup, 2.0); // 1200 / 600, not 1000 / 600
        QCOMPARE(RunHistory::comparison(vs, 3).baseline, QStringLiteral("1 process"));
        QCOMPARE(RunHistory::comparison(vs, 4).speedup, 0.0);
        QCOMPARE(RunHistory::comparison(vs, 5).speedup, 0.0); // out of range
        // A sweep step whose 1-worker step has not run (yet): no baseline.
        std::vector<VariantResult> noBase {variant(QStringLiteral("2 threads"), VariantMode::Threads, 500, 2)};
        QCOMPARE(RunHistory::comparison(noBase, 0).baseline, QString());
    }

    // One speedup rule: what results JSON (and so the CSV and the summary table) says of each
    // variant is what the elapsed chart, the speedup chart and the observations say.
    void resultsAndViewsAgreeOnSpeedup_data()
    {
        QTest::addColumn<RunResult>("run");
        QTest::newRow("plain") << cpuBound(true, 2000, 2100, 1000);
        QTest::newRow("sweep") << sweep(false, {1000, 520, 400, 380}, {1300, 700, 500, 420});
    }

    void resultsAndViewsAgreeOnSpeedup()
    {
        QFETCH(RunResult, run);
        const auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
        const QJsonArray json = ResultWriter::toJson(run).value(QStringLiteral("variants")).toArray();
        RunHistory h;
        h.add(run);
        const auto bars = h.elapsed();
        const auto series = h.speedupSeries();
        QCOMPARE(json.size(), qsizetype(run.variants.size()));
        QCOMPARE(bars.size(), run.variants.size());
        for (std::size_t i = 0; i < run.variants.size(); ++i) {
            const VariantResult& v = run.variants[i];
            const double written = json.at(qsizetype(i)).toObject().value(QStringLiteral("speedup")).toDouble();
            QVERIFY(written > 0);
            QCOMPARE(round3(bars[i].speedup), written);
            // The observations, as the run goes: only the variants finished so far.
            const std::vector<VariantResult> sofar(run.variants.begin(), run.variants.begin() + qsizetype(i) + 1);
            const Comparison c = RunHistory::comparison(sofar, i);
            if (c.baseline == v.name)
                QCOMPARE(written, 1.0); // the baseline itself: nothing to say in words
            else
                QCOMPARE(round3(c.speedup), written);
            if (v.sweepWorkers == 0)
                continue;
            const auto line = std::find_if(series.begin(), series.end(),
                                           [&v](const SpeedupSeries& s) { return s.mode == v.mode; });
            QVERIFY(line != series.end());
            const auto point = std::find_if(line->points.begin(), line->points.end(),
                                            [&v](const SpeedupPoint& p) { return p.workers == v.sweepWorkers; });
            QVERIFY(point != line->points.end());
            QCOMPARE(round3(point->speedup), written);
        }
        QCOMPARE(series.size(), std::size_t(run.variants.front().sweepWorkers > 0 ? 2 : 0));
    }

    void comparisons_data()
    {
        QTest::addColumn<double>("speedup");
        QTest::addColumn<QString>("text");
        QTest::newRow("faster") << 1.857 << QStringLiteral("1.86× faster than 1 thread");
        QTest::newRow("same") << 0.95 << QStringLiteral("about as fast as 1 thread");
        QTest::newRow("slower") << 0.04 << QStringLiteral("25.0× slower than 1 thread");
        QTest::newRow("undefined") << 0.0 << QString();
    }

    void comparisons()
    {
        QFETCH(double, speedup);
        QFETCH(QString, text);
        QCOMPARE(RunHistory::comparisonText(speedup, QStringLiteral("1 thread")), text);
    }

    void aCutOffRunWasCutOffNeverFasterNorSooner()
    {
        // Its work was not done: the words give the measured moment, never a speedup.
        QCOMPARE(RunHistory::cutOffText(130), QStringLiteral("cut off after 0.13 s"));
        // Without a cut-off nothing changes.
        QCOMPARE(RunHistory::comparisonText(1.0, QStringLiteral("x")), QStringLiteral("about as fast as x"));
        QCOMPARE(RunHistory::comparisonText(4.02, QStringLiteral("x")), QStringLiteral("4.02× faster than x"));
        // The elapsed chart's entry knows it too, with when.
        RunResult run;
        run.scenarioId = QStringLiteral("daemon");
        VariantResult kept;
        kept.name = QStringLiteral("non-daemon worker");
        kept.elapsedMs = 500;
        VariantResult cut = kept;
        cut.name = QStringLiteral("daemon worker");
        cut.elapsedMs = 125;
        cut.observations.cutOff.push_back({QStringLiteral("worker"), 125});
        run.variants = {kept, cut};
        RunHistory history;
        history.add(run);
        const std::vector<ElapsedEntry> entries = history.elapsed();
        QCOMPARE(entries.size(), std::size_t(2));
        QVERIFY(!entries[0].cutOff);
        QVERIFY(entries[1].cutOff);
        QCOMPARE(entries[1].cutOffMs, 125.0);
    }

    // The comparisons a scenario calls meaningful: its lesson's ratio checks, and a sweep's steps
    // against their 1-worker step; a scenario without a lesson compares every variant.
    void onlyMeaningfulComparisonsHaveASpeedup()
    {
        const std::optional<Scenario> cpu = ScenarioCatalog::builtin(QStringLiteral("cpu-bound"));
        const std::optional<Scenario> daemon = ScenarioCatalog::builtin(QStringLiteral("daemon"));
        QVERIFY(cpu && daemon);
        const std::optional<VariantPairs> cpuPairs = RunHistory::meaningfulComparisons(*cpu);
        QVERIFY(cpuPairs);
        QVERIFY(std::find(cpuPairs->begin(), cpuPairs->end(),
                          std::pair(QStringLiteral("4 threads"), QStringLiteral("1 thread")))
                != cpuPairs->end());
        QCOMPARE(RunHistory::meaningfulComparisons(*daemon), std::optional<VariantPairs>(VariantPairs {}));
        Scenario teachers = *daemon;
        teachers.lessonChecks.clear();
        QVERIFY(!RunHistory::meaningfulComparisons(teachers));

        auto variant = [](const char* name, double ms) {
            VariantResult v;
            v.name = QString::fromUtf8(name);
            v.scenarioName = v.name;
            v.elapsedMs = ms;
            return v;
        };
        RunResult run;
        run.variants = {variant("1 thread", 1000), variant("4 threads", 1000), variant("2 processes", 500)};
        run.variants[1].name = QStringLiteral("8 threads"); // --workers 8: still the scenario's "4 threads"
        run.meaningfulComparisons = cpuPairs;
        QCOMPARE(RunHistory::speedup(run, 0), 1.0); // the baseline of the lesson's comparisons
        QCOMPARE(RunHistory::speedup(run, 1), 1.0);
        QCOMPARE(RunHistory::speedup(run, 2), 2.0);
        QCOMPARE(RunHistory::comparison(run.variants, 1, cpuPairs).baseline, QStringLiteral("1 thread"));

        RunResult cut;
        cut.variants = {variant("non-daemon worker", 500), variant("daemon worker", 125), variant("join the daemon", 500)};
        cut.meaningfulComparisons = RunHistory::meaningfulComparisons(*daemon);
        for (std::size_t i = 0; i < cut.variants.size(); ++i) {
            QVERIFY(!RunHistory::compared(cut, i));
            QCOMPARE(RunHistory::speedup(cut, i), 0.0);
            QVERIFY(RunHistory::comparison(cut.variants, i, cut.meaningfulComparisons).baseline.isEmpty());
        }
        // Without a lesson, every variant against the first, as before.
        cut.meaningfulComparisons.reset();
        QVERIFY(RunHistory::compared(cut, 1));
        QCOMPARE(RunHistory::speedup(cut, 1), 4.0);
    }

    void sweepStepsAreComparedWithTheirOneWorkerStep()
    {
        auto step = [](int workers, double ms) {
            VariantResult v;
            v.name = QStringLiteral("threads×%1").arg(workers);
            v.sweepWorkers = workers;
            v.elapsedMs = ms;
            return v;
        };
        RunResult run;
        run.variants = {step(1, 1000), step(2, 500)};
        run.meaningfulComparisons = VariantPairs {};
        QCOMPARE(RunHistory::speedup(run, 1), 2.0);
        QVERIFY(RunHistory::compared(run, 1));
    }

    void theSpreadOfRepeatedRunsReadsInOneUnit()
    {
        QCOMPARE(RunHistory::rangeText(980, 1100), QStringLiteral("0.98–1.10 s"));
        QCOMPARE(RunHistory::rangeText(398, 430), QStringLiteral("398–430 ms"));
        QCOMPARE(RunHistory::rangeText(3.2, 4.4), QStringLiteral("3.2–4.4 ms"));
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
