#include "model/intervaltablemodel.h"

#include "support/recording.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ThreadLab;

namespace {

const QString kRecorded = QStringLiteral(THREADLAB_TEST_DATA "/recorded");

qint64 intervalsOf(const VariantResult& v)
{
    qint64 n = 0;
    for (const WorkerResult& w : v.workers)
        n += static_cast<qint64>(w.intervals.size());
    return n;
}

} // namespace

class TestIntervalTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAreTheVariantsIntervals()
    {
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        QVERIFY(run.variants.size() >= 2);
        IntervalTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setRun(&run, 1);
        QCOMPARE(model.columnCount(), int(IntervalTableModel::ColumnCount));
        QCOMPARE(model.rowCount(), int(intervalsOf(run.variants[1])));
        QCOMPARE(model.hiddenRows(), 0);
        // Worker by worker, interval by interval, in the result's order.
        int row = 0;
        for (const WorkerResult& w : run.variants[1].workers)
            for (const StateInterval& s : w.intervals) {
                auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
                QCOMPARE(cell(IntervalTableModel::VariantColumn).toString(), run.variants[1].name);
                QCOMPARE(cell(IntervalTableModel::WorkerColumn).toString(), w.name);
                QCOMPARE(cell(IntervalTableModel::StateColumn).toString(), QString::fromLatin1(workerStateName(s.state)));
                QCOMPARE(cell(IntervalTableModel::StartColumn, Qt::UserRole).toDouble(), s.startMs);
                QCOMPARE(cell(IntervalTableModel::EndColumn, Qt::UserRole).toDouble(), s.endMs);
                QCOMPARE(cell(IntervalTableModel::DurationColumn, Qt::UserRole).toDouble(), s.endMs - s.startMs);
                QVERIFY(cell(IntervalTableModel::StartColumn).toString().endsWith(QStringLiteral(" ms")));
                ++row;
            }
        QCOMPARE(model.headerData(IntervalTableModel::StateColumn, Qt::Horizontal).toString(), QStringLiteral("State"));
    }

    void everyVariantWithoutOne()
    {
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        IntervalTableModel model;
        model.setRun(&run);
        qint64 all = 0;
        for (const VariantResult& v : run.variants)
            all += intervalsOf(v);
        QCOMPARE(model.totalRows(), all);
        QCOMPARE(model.rowCount(), int(all));
        // The last row is the last variant's last worker's last interval.
        const WorkerResult& last = run.variants.back().workers.back();
        const QModelIndex end = model.index(model.rowCount() - 1, IntervalTableModel::EndColumn);
        QCOMPARE(end.data(Qt::UserRole).toDouble(), last.intervals.back().endMs);
        QCOMPARE(model.index(model.rowCount() - 1, IntervalTableModel::WorkerColumn).data().toString(), last.name);
        model.setRun(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void quotesWhatTheWorkerPrinted()
    {
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        IntervalTableModel model;
        model.setRun(&run, 0);
        int row = 0;
        int quoted = 0;
        for (const WorkerResult& w : run.variants[0].workers)
            for (const StateInterval& s : w.intervals) {
                const QString text = model.index(row++, IntervalTableModel::OutputColumn).data().toString();
                for (const OutputLine& line : w.output)
                    if (line.tMs >= s.startMs && line.tMs < s.endMs) {
                        QVERIFY2(text.contains(line.text), qPrintable(text));
                        ++quoted;
                    }
            }
        QVERIFY(quoted > 0);
    }

    void capsHugeRunsAndSaysHowMany()
    {
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        IntervalTableModel model;
        model.setRun(&run);
        const qint64 all = model.totalRows();
        model.setMaxRows(5);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.hiddenRows(), all - 5);
    }

    void labelsStatesInTheGivenWords()
    {
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        IntervalTableModel model;
        model.setStateLabel([](WorkerState s, std::uint32_t) { return QStringLiteral("<%1>").arg(int(s)); });
        model.setRun(&run, 0);
        const WorkerState first = run.variants[0].workers[0].intervals[0].state;
        QCOMPARE(model.index(0, IntervalTableModel::StateColumn).data().toString(), QStringLiteral("<%1>").arg(int(first)));
    }
};

QTEST_GUILESS_MAIN(TestIntervalTableModel)
#include "tst_intervaltablemodel.moc"
