// The window's runs: Runs 1 / 3 / 5 through the controller (interleaved, combined, stoppable),
// the spread reaching the chart and the panel, and which comparisons speak of a speedup.

#include "model/runcontroller.h"

#include "charts/elapsedchart.h"
#include "panes/observationspanel.h"
#include "results/runhistory.h"
#include "scenario/scenariocatalog.h"
#include "support/recording.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ThreadLab;

namespace {

// A thread-only scenario at a small time scale: a run takes a few tens of ms.
RunSettings quick()
{
    RunSettings s;
    s.timeScale = 0.01;
    return s;
}

RunResult recorded(const QString& id)
{
    QFile f(QStringLiteral(THREADLAB_TEST_DATA "/recorded/") + id + QStringLiteral(".json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return recordingFromJson(QJsonDocument::fromJson(f.readAll()).object());
}

Scenario builtin(const char* id)
{
    return *ScenarioCatalog::builtin(QString::fromLatin1(id));
}

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeRunsInterleavedGiveMediansAndSpread()
    {
        RunController controller;
        controller.setScenario(builtin("io-bound"));
        QSignalSpy started(&controller, &RunController::variantStarted);
        QSignalSpy progress(&controller, &RunController::seriesProgress);
        QSignalSpy finished(&controller, &RunController::runFinished);
        QVERIFY(controller.start(quick(), 3));
        QVERIFY(finished.wait(60'000));
        // Run after run, every variant in order: sequential threads sequential threads …
        QCOMPARE(progress.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(progress.at(i).at(0).toInt(), i);
            QCOMPARE(progress.at(i).at(1).toInt(), 3);
        }
        QStringList order;
        for (const QList<QVariant>& s : std::as_const(started))
            order << s.at(1).toString();
        const QStringList one {QStringLiteral("sequential"), QStringLiteral("threads")};
        QCOMPARE(order, one + one + one);

        const RunResult result = finished.takeFirst().at(0).value<RunResult>();
        QCOMPARE(result.repeats, 3);
        QVERIFY(result.lesson.has_value()); // checked on the medians
        QVERIFY(result.meaningfulComparisons.has_value());
        for (const VariantResult& v : result.variants) {
            QCOMPARE(v.elapsedRunsMs.size(), std::size_t(3));
            std::vector<double> sorted = v.elapsedRunsMs;
            std::sort(sorted.begin(), sorted.end());
            QCOMPARE(v.elapsedMs, sorted[1]);
        }

        QVERIFY2(controller.history().runTag(0).contains(QStringLiteral("median of 3 runs")),
                 qPrintable(controller.history().runTag(0)));
        // The chart's whiskers run from the fastest run to the slowest.
        ElapsedChart chart;
        chart.resize(800, 500);
        chart.setHistory(controller.history());
        const auto whiskers = chart.whiskersMs();
        QCOMPARE(whiskers.size(), result.variants.size());
        for (std::size_t i = 0; i < whiskers.size(); ++i) {
            const std::vector<double>& runs = result.variants[i].elapsedRunsMs;
            QCOMPARE(whiskers[i].first, *std::min_element(runs.begin(), runs.end()));
            QCOMPARE(whiskers[i].second, *std::max_element(runs.begin(), runs.end()));
        }

        // The panel gives the median and the range, and the verdict first.
        ObservationsPanel panel;
        panel.showSeries(result);
        const QString text = panel.plainText();
        const std::vector<double>& runs = result.variants[0].elapsedRunsMs;
        const QString range = RunHistory::rangeText(*std::min_element(runs.begin(), runs.end()),
                                                    *std::max_element(runs.begin(), runs.end()));
        QVERIFY2(text.contains(QStringLiteral("sequential: median %1, runs %2")
                                   .arg(RunHistory::durationText(result.variants[0].elapsedMs), range)),
                 qPrintable(text));
        QVERIFY2(text.startsWith(result.lesson->lines().first()), qPrintable(text));
    }

    void stopEndsTheSeries()
    {
        RunController controller;
        controller.setScenario(builtin("io-bound"));
        QSignalSpy progress(&controller, &RunController::seriesProgress);
        QSignalSpy finished(&controller, &RunController::runFinished);
        connect(&controller, &RunController::seriesProgress, &controller, [&controller](int index, int) {
            if (index == 1)
                controller.cancel();
        });
        QVERIFY(controller.start(quick(), 5));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(progress.size(), 2); // no third run started
        const RunResult result = finished.takeFirst().at(0).value<RunResult>();
        QVERIFY(result.cancelled);
        QVERIFY(!controller.isRunning());
        QVERIFY(!result.lesson); // a stopped series says nothing of the lesson
        // The next series starts as usual.
        QVERIFY(controller.start(quick(), 1));
        QVERIFY(finished.wait(60'000));
        QCOMPARE(finished.takeFirst().at(0).value<RunResult>().repeats, 1);
    }

    void cpuBoundComparesFourThreadsWithOne()
    {
        RunController controller;
        controller.setScenario(builtin("cpu-bound"));
        QSignalSpy finishedVariants(&controller, &RunController::variantFinished);
        controller.showRun(recorded(QStringLiteral("cpu-bound")));
        QCOMPARE(finishedVariants.size(), 3);
        QCOMPARE(finishedVariants.at(1).at(3).toString(), QStringLiteral("1 thread"));
        QVERIFY(finishedVariants.at(1).at(2).toDouble() > 0);
        ElapsedChart chart;
        chart.resize(800, 500);
        chart.setHistory(controller.history());
        for (const QString& text : chart.barTexts())
            QVERIFY2(text.contains(QStringLiteral("×")), qPrintable(text));
    }

    void daemonHasNoSpeedupButACutOff()
    {
        RunController controller;
        controller.setScenario(builtin("daemon"));
        ObservationsPanel panel;
        connect(&controller, &RunController::variantFinished, &panel,
                [&panel](int, const VariantResult& v, double speedup, const QString& baseline) {
                    panel.addVariant(v, speedup, baseline);
                });
        controller.showRun(recorded(QStringLiteral("daemon")));
        ElapsedChart chart;
        chart.resize(800, 500);
        chart.setHistory(controller.history());
        const QStringList bars = chart.barTexts();
        QCOMPARE(bars.size(), 3);
        for (const QString& text : bars)
            QVERIFY2(!text.contains(QStringLiteral("×")), qPrintable(text));
        QVERIFY2(bars[1].contains(QStringLiteral("cut off after 0.03 s")), qPrintable(bars[1]));
        const QString text = panel.plainText();
        QVERIFY2(text.contains(QStringLiteral("daemon worker: 25 ms — cut off after 0.03 s")), qPrintable(text));
        for (const char* word : {"faster", "sooner", "slower", "×"})
            QVERIFY2(!text.contains(QString::fromUtf8(word)), qPrintable(text));
    }

    void aTeachersFileWithoutLessonKeepsEverySpeedup()
    {
        Scenario teachers = builtin("daemon");
        teachers.lessonChecks.clear();
        RunController controller;
        controller.setScenario(teachers);
        controller.showRun(recorded(QStringLiteral("daemon")));
        ElapsedChart chart;
        chart.resize(800, 500);
        chart.setHistory(controller.history());
        const QStringList bars = chart.barTexts();
        QVERIFY2(bars[0].contains(QStringLiteral("1.00×")), qPrintable(bars[0]));
        QVERIFY2(bars[2].contains(QStringLiteral("×")), qPrintable(bars[2]));
        // A cut-off is never a speedup, lesson or not.
        QVERIFY2(bars[1].contains(QStringLiteral("cut off after")) && !bars[1].contains(QStringLiteral("×")),
                 qPrintable(bars[1]));
        QVERIFY(controller.lastRun() && !controller.lastRun()->meaningfulComparisons);
    }
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
