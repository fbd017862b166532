#include "results/runseries.h"

#include "results/resultwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ThreadLab;

namespace {

VariantResult variant(const QString& name, double elapsedMs, int tag)
{
    VariantResult v;
    v.name = name;
    v.elapsedMs = elapsedMs;
    WorkerResult w;
    w.name = QStringLiteral("run-%1").arg(tag); // which run the details come from
    v.workers.push_back(w);
    v.observations.counter = tag;
    return v;
}

RunResult run(double aMs, double bMs, int tag)
{
    RunResult r;
    r.scenarioId = QStringLiteral("s");
    r.cores = 2;
    r.variants = {variant(QStringLiteral("a"), aMs, tag), variant(QStringLiteral("b"), bMs, tag)};
    return r;
}

} // namespace

class TestRunSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void medianIndex_data()
    {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<int>("index");
        QTest::newRow("one") << std::vector<double> {7} << 0;
        QTest::newRow("odd") << std::vector<double> {30, 10, 20} << 2;
        QTest::newRow("even: the lower middle") << std::vector<double> {40, 10, 30, 20} << 3;
        QTest::newRow("two") << std::vector<double> {5, 3} << 1;
        QTest::newRow("ties: the first of them") << std::vector<double> {2, 2, 2} << 1;
        QTest::newRow("five") << std::vector<double> {9, 1, 8, 2, 5} << 4;
    }

    void medianIndex()
    {
        QFETCH(std::vector<double>, values);
        QFETCH(int, index);
        QCOMPARE(RunSeries::medianIndex(values), std::size_t(index));
    }

    void eachVariantFromItsMedianRun()
    {
        RunSeries series;
        series.add(run(100, 300, 1));
        series.add(run(120, 200, 2));
        series.add(run(90, 250, 3));
        QCOMPARE(series.count(), 3);
        const RunResult r = series.combined();
        QCOMPARE(r.repeats, 3);
        QVERIFY(!r.cancelled);
        QCOMPARE(r.variants.size(), std::size_t(2));
        // a: 100, 120, 90 → median 100 (run 1); b: 300, 200, 250 → median 250 (run 3).
        QCOMPARE(r.variants[0].elapsedMs, 100.0);
        QCOMPARE(r.variants[0].elapsedRunsMs, (std::vector<double> {100, 120, 90}));
        QCOMPARE(r.variants[0].workers[0].name, QStringLiteral("run-1"));
        QCOMPARE(*r.variants[0].observations.counter, std::int64_t(1));
        QCOMPARE(r.variants[1].elapsedMs, 250.0);
        QCOMPARE(r.variants[1].elapsedRunsMs, (std::vector<double> {300, 200, 250}));
        QCOMPARE(r.variants[1].workers[0].name, QStringLiteral("run-3"));
    }

    void cancelledRunsDoNotCount()
    {
        RunSeries series;
        series.add(run(100, 300, 1));
        RunResult second = run(10, 200, 2);
        second.cancelled = true;
        second.variants[0].cancelled = true;
        series.add(second);
        const RunResult r = series.combined();
        QVERIFY(r.cancelled);
        QCOMPARE(r.variants[0].elapsedRunsMs, (std::vector<double> {100}));
        QCOMPARE(r.variants[1].elapsedRunsMs, (std::vector<double> {300, 200}));
        QCOMPARE(r.variants[1].elapsedMs, 200.0); // the lower middle of two
    }

    void oneRunIsItself()
    {
        RunSeries series;
        series.add(run(100, 300, 1));
        const RunResult r = series.combined();
        QCOMPARE(r.repeats, 1);
        QCOMPARE(r.variants[0].elapsedMs, 100.0);
        QCOMPARE(r.variants[0].elapsedRunsMs, (std::vector<double> {100}));
        QVERIFY(!ResultWriter::toJson(r).contains(QStringLiteral("repeat")));
        QVERIFY(!ResultWriter::summaryTable(r).contains(QStringLiteral("median")));
        QVERIFY(RunSeries().combined().variants.empty());
    }

    void medianAndSpreadInTheFiles()
    {
        RunSeries series;
        series.add(run(100, 300, 1));
        series.add(run(120, 200, 2));
        series.add(run(90.5, 250, 3));
        const RunResult r = series.combined();
        const QJsonObject json = ResultWriter::toJson(r);
        QCOMPARE(json[QStringLiteral("repeat")].toInt(), 3);
        const QJsonObject a = json[QStringLiteral("variants")].toArray()[0].toObject();
        QCOMPARE(a[QStringLiteral("elapsed_ms")].toDouble(), 100.0);
        QCOMPARE(a[QStringLiteral("elapsed_runs_ms")].toArray(), (QJsonArray {100.0, 120.0, 90.5}));
        QCOMPARE(a[QStringLiteral("elapsed_min_ms")].toDouble(), 90.5);
        QCOMPARE(a[QStringLiteral("elapsed_max_ms")].toDouble(), 120.0);

        const QString table = ResultWriter::summaryTable(r);
        QVERIFY2(table.contains(QStringLiteral("median of 3 runs (min–max)")), qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("100.0 ms (90.5–120.0)")), qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("250.0 ms (200.0–300.0)")), qPrintable(table));
    }
};

QTEST_GUILESS_MAIN(TestRunSeries)
#include "tst_runseries.moc"
