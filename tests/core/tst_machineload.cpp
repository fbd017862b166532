#include "results/machineload.h"

#include <QTest>

using namespace ThreadLab;

namespace {

MachineLoad::Sample sampleOf(std::uint64_t total, std::uint64_t busy, std::uint64_t steal, std::uint64_t own, double load)
{
    MachineLoad::Sample s;
    s.known = true;
    s.totalTicks = total;
    s.busyTicks = busy;
    s.stealTicks = steal;
    s.ownTicks = own;
    s.loadAverage = load;
    return s;
}

} // namespace

class TestMachineLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharesBetweenTwoSamples()
    {
        // 1000 ticks pass: 900 busy, of which 100 stolen and 300 ours, so 500 other programs'.
        const MachineLoad m = MachineLoad::between(sampleOf(5000, 1000, 50, 200, 0.5),
                                                   sampleOf(6000, 1900, 150, 500, 2.34), 2);
        QVERIFY(m.known());
        QCOMPARE(m.cores(), 2);
        QCOMPARE(m.loadAverage(), 2.34);
        QCOMPARE(m.stealShare(), 0.1);
        QCOMPARE(m.otherShare(), 0.5);
        QVERIFY(m.busy());
        QCOMPARE(m.text(), QStringLiteral("load 2.3 on 2 cores, 10% steal, other programs 50% of the CPU"));
    }

    void theRunAloneIsNotBusy()
    {
        // All the busy time is the app's own (its threads and children): nobody else's.
        const MachineLoad m = MachineLoad::between(sampleOf(0, 0, 0, 0, 0), sampleOf(1000, 950, 0, 1000, 4.0), 1);
        QCOMPARE(m.otherShare(), 0.0);
        QVERIFY(!m.busy()); // a load of 4 is the run's own workers
        QCOMPARE(m.text(), QStringLiteral("load 4.0 on 1 core, 0% steal, other programs 0% of the CPU"));
    }

    void unknownWithoutTwoSamples()
    {
        QVERIFY(!MachineLoad::between({}, sampleOf(10, 5, 0, 0, 1), 2).known());
        QVERIFY(!MachineLoad::between(sampleOf(10, 5, 0, 0, 1), sampleOf(10, 5, 0, 0, 1), 2).known());
        QVERIFY(!MachineLoad().busy());
        QCOMPARE(MachineLoad().text(), QStringLiteral("load unknown"));
    }

    void samplesThisMachine()
    {
#if defined(Q_OS_LINUX)
        const MachineLoad::Sample a = MachineLoad::sample();
        QVERIFY(a.known);
        QVERIFY(a.totalTicks >= a.busyTicks);
        QVERIFY(a.loadAverage >= 0);
        QTRY_VERIFY(MachineLoad::sample().totalTicks > a.totalTicks);
        const MachineLoad m = MachineLoad::between(a, MachineLoad::sample(), 2);
        QVERIFY(m.known());
        QVERIFY(m.stealShare() >= 0 && m.stealShare() <= 1);
        QVERIFY(m.otherShare() >= 0 && m.otherShare() <= 1);
#else
        QVERIFY(!MachineLoad::sample().known);
#endif
    }
};

QTEST_GUILESS_MAIN(TestMachineLoad)
#include "tst_machineload.moc"
