#include "engine/engine.h"
#include "support/procfs.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "support/sanitizers.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

#include <unistd.h>

using namespace ThreadLab;

namespace {

// Resident set size in bytes, from /proc/self/statm (pages).
qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// A short soak in the everyday suite; CI sets THREADLAB_SOAK_RUNS=300.
int soakRuns()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("THREADLAB_SOAK_RUNS", &ok);
    return ok && n > 0 ? n : 10;
}

} // namespace

// Many consecutive runs of each built-in scenario in this one process: memory stays flat, and
// after every run the thread and descriptor counts are back where they were and no child is left.
class TestSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!ProcFs::available())
            QSKIP("needs /proc");
    }

    void repeatedRunsLeakNothing_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString& id : ScenarioCatalog::builtinIds())
            QTest::newRow(qPrintable(id)) << id;
    }
    void repeatedRunsLeakNothing()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QString, id);
        const auto scenario = ScenarioCatalog::builtin(id);
        QVERIFY(scenario);
        const int runs = soakRuns();
        const int warmUp = std::clamp(runs / 2, 1, 10); // at least one: growth is measured from its end
        const pid_t self = getpid();
        Engine engine;
        RunSettings settings;
        settings.timeScale = 0.01;
        int threadsBaseline = -1;
        int fdsBaseline = -1;
        qint64 rssAfterWarmUp = 0;
        for (int i = 0; i < runs; ++i) {
            {
                QSignalSpy finished(&engine, &Engine::runFinished);
                QVERIFY(engine.start(*scenario, settings));
                QVERIFY2(finished.wait(60'000), qPrintable(QStringLiteral("run %1 did not finish").arg(i)));
                const RunResult r = finished.at(0).at(0).value<RunResult>();
                QVERIFY(!r.cancelled && r.error.isEmpty());
            }
            QTRY_VERIFY(ProcFs::livingChildren(self).isEmpty());
            if (i == 0) {
                threadsBaseline = ProcFs::threadCount(self);
                fdsBaseline = ProcFs::fdCount(self);
            } else {
                QTRY_VERIFY2(ProcFs::threadCount(self) <= threadsBaseline,
                             qPrintable(QStringLiteral("run %1: %2 threads, baseline %3")
                                            .arg(i)
                                            .arg(ProcFs::threadCount(self))
                                            .arg(threadsBaseline)));
                QTRY_VERIFY2(ProcFs::fdCount(self) <= fdsBaseline,
                             qPrintable(QStringLiteral("run %1: %2 descriptors, baseline %3")
                                            .arg(i)
                                            .arg(ProcFs::fdCount(self))
                                            .arg(fdsBaseline)));
            }
            if (i + 1 == warmUp)
                rssAfterWarmUp = residentBytes();
        }
        const qint64 growth = residentBytes() - rssAfterWarmUp;
        qInfo("%s: %d runs, resident memory grew by %.2f MB after %d warm-up runs", qPrintable(id), runs,
              static_cast<double>(growth) / (1024.0 * 1024.0), warmUp);
        if (residentMemoryIsMeaningful)
            QVERIFY2(growth < 10 * 1024 * 1024, qPrintable(QStringLiteral("grew by %1 bytes").arg(growth)));
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
