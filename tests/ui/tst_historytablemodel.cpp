#include "model/historytablemodel.h"

#include "results/runhistory.h"
#include "support/recording.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QTest>

using namespace ThreadLab;

namespace {

const QString kRecorded = QStringLiteral(THREADLAB_TEST_DATA "/recorded");

RunHistory historyOf(const QString& recording)
{
    RunHistory history;
    history.add(readRecording(kRecorded + QLatin1Char('/') + recording));
    return history;
}

} // namespace

class TestHistoryTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void elapsedRowsAreTheChartsBars()
    {
        const RunHistory history = historyOf(QStringLiteral("cpu-bound.json"));
        HistoryTableModel model(HistoryTableModel::Kind::Elapsed);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.summary().contains(QStringLiteral("no runs yet")));
        model.setHistory(history);
        const std::vector<ElapsedEntry> bars = history.elapsed();
        QCOMPARE(model.rowCount(), int(bars.size()));
        QCOMPARE(model.columnCount(), 8);
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("Elapsed"));
        for (int r = 0; r < model.rowCount(); ++r) {
            const ElapsedEntry& e = bars[std::size_t(r)];
            QCOMPARE(model.index(r, 1).data().toString(), e.variant);
            QCOMPARE(model.index(r, 3).data(Qt::UserRole).toDouble(), e.elapsedMs);
            QCOMPARE(model.index(r, 3).data().toString(), RunHistory::durationText(e.elapsedMs));
            QCOMPARE(model.index(r, 6).data().toString(), QStringLiteral("1"));
        }
        // The description names the variants and their times.
        const QString summary = model.summary();
        for (const ElapsedEntry& e : bars) {
            QVERIFY2(summary.contains(e.variant), qPrintable(summary));
            QVERIFY2(summary.contains(RunHistory::durationText(e.elapsedMs)), qPrintable(summary));
        }
    }

    void speedupRowsAreTheLinesPoints()
    {
        const RunHistory history = historyOf(QStringLiteral("cpu-scaling.json"));
        HistoryTableModel model(HistoryTableModel::Kind::Speedup);
        model.setHistory(history);
        int points = 0;
        int row = 0;
        for (const SpeedupSeries& s : history.speedupSeries())
            for (const SpeedupPoint& p : s.points) {
                QCOMPARE(model.index(row, 0).data().toString(), s.key);
                QCOMPARE(model.index(row, 1).data(Qt::UserRole).toInt(), p.workers);
                QCOMPARE(model.index(row, 3).data(Qt::UserRole).toDouble(), p.elapsedMs);
                ++row;
                ++points;
            }
        QVERIFY(points > 1);
        QCOMPARE(model.rowCount(), points);
    }

    void latencyRowsAreTheWorkers()
    {
        const RunHistory history = historyOf(QStringLiteral("cpu-bound.json"));
        HistoryTableModel model(HistoryTableModel::Kind::Latency);
        model.setHistory(history);
        int workers = 0;
        for (const LatencySeries& s : history.latencySeries())
            workers += int(s.latenciesUs.size());
        QVERIFY(workers > 0);
        QCOMPARE(model.rowCount(), workers);
        QCOMPARE(model.columnCount(), 3);
        QVERIFY(model.index(0, 2).data().toString().contains(QRegularExpression(QStringLiteral("µs|ms|s|—"))));
        model.setHistory(RunHistory {});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryTableModel)
#include "tst_historytablemodel.moc"
