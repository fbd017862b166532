#include "model/orderhistory.h"

#include "results/variantresult.h"
#include "support/runresults.h"

#include <QTest>

using namespace ThreadLab;

namespace {

// A run of `scenario` whose variant "threads" printed in `order` (worker indices, main is 0).
RunResult runOf(const QString& scenario, const std::vector<int>& order, int workers = 0)
{
    RunResult run = printingRun(scenario, order, 3);
    run.settings.workers = workers;
    VariantResult quiet = run.variants.front(); // one line each, one after another: nothing to compare
    quiet.name = QStringLiteral("sequential");
    for (WorkerResult& w : quiet.workers)
        w.output.resize(std::min<std::size_t>(w.output.size(), 1));
    run.variants.push_back(quiet);
    return run;
}

} // namespace

class TestOrderHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheOrderOfEachRun()
    {
        OrderHistory h;
        QVERIFY(h.isEmpty());
        h.add(runOf(QStringLiteral("interleaving"), {1, 2, 3, 1, 2, 3}));
        h.add(runOf(QStringLiteral("interleaving"), {2, 1, 3, 3, 1, 2}));
        QCOMPARE(h.variants().size(), std::size_t(1)); // "sequential" does not interleave
        const OrderHistory::Variant& v = h.variants().front();
        QCOMPARE(v.name, QStringLiteral("threads"));
        QCOMPARE(v.labels, (QStringList {"MainThread", "1", "2", "3"}));
        QCOMPARE(v.runs.size(), std::size_t(2));
        QCOMPARE(v.runs[0].number, 1);
        QCOMPARE(v.runs[0].order, (std::vector<int> {1, 2, 3, 1, 2, 3}));
        QCOMPARE(v.runs[1].number, 2);
        QCOMPARE(v.runs[1].order, (std::vector<int> {2, 1, 3, 3, 1, 2}));
    }

    void keepsOnlyTheLastFew()
    {
        OrderHistory h;
        for (int i = 0; i < OrderHistory::maxRuns + 3; ++i)
            h.add(runOf(QStringLiteral("interleaving"), {1, 2, 1, 2}));
        const std::vector<OrderHistory::Run>& runs = h.variants().front().runs;
        QCOMPARE(static_cast<int>(runs.size()), OrderHistory::maxRuns);
        QCOMPARE(runs.front().number, 4);
        QCOMPARE(runs.back().number, OrderHistory::maxRuns + 3);
    }

    void startsOverForAnotherScenarioOrSettings()
    {
        OrderHistory h;
        h.add(runOf(QStringLiteral("interleaving"), {1, 2, 1, 2}));
        h.add(runOf(QStringLiteral("interleaving"), {1, 2, 1, 2}));
        h.add(runOf(QStringLiteral("io-bound"), {2, 1, 2, 1}));
        QCOMPARE(h.variants().front().runs.size(), std::size_t(1));
        QCOMPARE(h.variants().front().runs.front().number, 1);
        QCOMPARE(h.variants().front().runs.front().order, (std::vector<int> {2, 1, 2, 1}));
        h.add(runOf(QStringLiteral("io-bound"), {2, 1, 2, 1}, 3)); // other settings
        QCOMPARE(h.variants().front().runs.size(), std::size_t(1));
        h.clear();
        QVERIFY(h.isEmpty());
    }

    void leavesOutRunsThatDidNotFinish()
    {
        OrderHistory h;
        RunResult cancelled = runOf(QStringLiteral("interleaving"), {1, 2, 1, 2});
        cancelled.cancelled = true;
        h.add(cancelled);
        RunResult failed = runOf(QStringLiteral("interleaving"), {1, 2, 1, 2});
        failed.error = QStringLiteral("no");
        h.add(failed);
        QVERIFY(h.isEmpty());
        QCOMPARE(h.runsSeen(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrderHistory)
#include "tst_orderhistory.moc"
