#include "engine.h"
#include "scenario.h"
#include "sanitizers.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace ThreadLab;

namespace {

// One processes variant whose workers are named after the misdeeds of threadlab-fakeworker.
Scenario misbehaving(const QStringList& names)
{
    Scenario s;
    s.id = QStringLiteral("faults");
    s.title = QStringLiteral("Faults");
    VariantSpec v;
    v.name = QStringLiteral("processes");
    v.mode = VariantMode::Processes;
    for (const QString& name : names) {
        WorkerGroup g;
        g.name = name;
        TaskSpec wait;
        wait.kind = TaskKind::Wait;
        wait.ms = 10;
        g.tasks.push_back(wait);
        v.groups.push_back(g);
    }
    s.variants.push_back(v);
    s.defaultTimeScale = 1;
    return s;
}

RunResult run(const Scenario& s, const QString& program)
{
    Engine engine;
    engine.setWorkerProgram(program);
    engine.setHangGraceMs(1500);
    engine.setMaxEventsPerChild(20'000);
    QSignalSpy finished(&engine, &Engine::runFinished);
    engine.start(s, RunSettings {});
    if (!finished.wait(60'000))
        return {};
    return finished.at(0).at(0).value<RunResult>();
}

} // namespace

class TestProcessWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultsAreNamedAndIsolated_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("detail");
        QTest::newRow("garbage") << "garbage" << "sent garbage (record 1: no sequence number)";
        QTest::newRow("truncated stream") << "truncated" << "ends in the middle of a line";
        QTest::newRow("endless line") << "endless" << "a line longer than";
        QTest::newRow("time backwards") << "backwards" << "timestamp goes backwards";
        QTest::newRow("claims to be starting") << "starting" << "cannot report";
        QTest::newRow("silent") << "silent" << "ended without reporting its end";
        QTest::newRow("hang") << "hang" << "hung";
        QTest::newRow("flood") << "flood" << "sent more than 20000 events";
        QTest::newRow("exit 5 after finishing") << "finished-then-exit-5" << "exited with code 5";
    }
    void faultsAreNamedAndIsolated()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QString, mode);
        QFETCH(QString, detail);
        // A well-behaved sibling on each side: their results must come through intact.
        const RunResult r = run(misbehaving({QStringLiteral("good"), mode, QStringLiteral("good")}),
                                QStringLiteral(THREADLAB_BIN_DIR "/threadlab-fakeworker"));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        QCOMPARE(v.workers.size(), std::size_t(4));
        const WorkerResult& bad = v.workers[2];
        QCOMPARE(bad.name, mode);
        QCOMPARE(bad.outcome, QStringLiteral("crashed"));
        QVERIFY2(bad.outcomeDetail.contains(detail), qPrintable(bad.outcomeDetail));
        for (const std::size_t i : {std::size_t(1), std::size_t(3)}) {
            QCOMPARE(v.workers[i].outcome, QStringLiteral("finished"));
            QCOMPARE(v.workers[i].output.size(), std::size_t(1));
            QCOMPARE(v.workers[i].output.front().text, QStringLiteral("fine"));
        }
        QCOMPARE(v.workers.front().outcome, QStringLiteral("finished")); // main carried on
    }

    void missingWorkerProgram()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const RunResult r = run(misbehaving({QStringLiteral("good")}), QStringLiteral("/nonexistent/threadlab-worker"));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const WorkerResult& w = r.variants.front().workers[1];
        QCOMPARE(w.outcome, QStringLiteral("crashed"));
        QVERIFY2(w.outcomeDetail.startsWith(QStringLiteral("could not start")), qPrintable(w.outcomeDetail));
    }

    void realWorkerRejectsABadJob()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QProcess p;
        p.start(QStringLiteral(THREADLAB_BIN_DIR "/threadlab-worker"),
                {QStringLiteral("--job"), QStringLiteral("v1;name=x;program=/bin/sh")});
        QVERIFY(p.waitForFinished(10'000));
        QCOMPARE(p.exitCode(), 65);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.contains(" X ") && out.contains("unknown%20job%20field"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestProcessWorker)
#include "tst_processworker.moc"
