#include "results/lostupdatefinder.h"

#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/gilholders.h"
#include "engine/lane.h"
#include "results/lineorder.h"
#include "results/resultwriter.h"
#include "results/variantresult.h"
#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "support/sanitizers.h"
#include "support/recording.h"
#include "support/runresults.h"
#include "support/timelinelogs.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;

struct Step
{
    int lane;
    bool write;
    std::int64_t value;
};

} // namespace

Q_DECLARE_METATYPE(std::vector<Step>)

namespace {

// A log of thread lanes (or process lanes) whose counter steps happen in the listed order, 1 µs apart.
std::shared_ptr<EventLog> logOf(const std::vector<Step>& steps, int lanes, LaneKind kind = LaneKind::Thread)
{
    auto log = std::make_shared<EventLog>(1'000'000);
    for (int i = 0; i < lanes; ++i)
        log->addLane({QStringLiteral("Thread-%1").arg(i + 1), kind, false, {}});
    std::int64_t t = 2'000'000;
    for (const Step& s : steps)
        log->lane(s.lane)->append(Event {t += 1000, s.write ? EventKind::CounterWrite : EventKind::CounterRead,
                                         WorkerState::Running, 0, 0, s.value});
    return log;
}

RunResult run(const Scenario& scenario, RunSettings settings = {})
{
    Engine engine;
    QSignalSpy finished(&engine, &Engine::runFinished);
    engine.start(scenario, settings);
    if (!finished.wait(120'000))
        return {};
    return finished.at(0).at(0).value<RunResult>();
}

// Each lane's writes are its previous read plus one.
bool writesFollowReads(const EventLog& log)
{
    for (int i = 0; i < log.laneCount(); ++i) {
        std::int64_t read = -1;
        for (std::size_t k = 0; k < log.lane(i)->size(); ++k) {
            const Event& e = log.lane(i)->at(k);
            if (e.kind == EventKind::CounterRead)
                read = e.value;
            else if (e.kind == EventKind::CounterWrite && (read < 0 || e.value != read + 1))
                return false;
        }
    }
    return true;
}

std::int64_t countOf(const EventLog& log, EventKind kind)
{
    std::int64_t n = 0;
    for (int i = 0; i < log.laneCount(); ++i)
        for (std::size_t k = 0; k < log.lane(i)->size(); ++k)
            n += log.lane(i)->at(k).kind == kind;
    return n;
}

} // namespace

class TestLostUpdateFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheUpdateLostBetweenTwoLanes()
    {
        const auto log = lostUpdateTimelineLog();
        const LostUpdateFinder::Found found = LostUpdateFinder::find(*log);
        QVERIFY(found.counted);
        QCOMPARE(found.lost, 1);
        QCOMPARE(found.updates.size(), std::size_t(1));
        const LostUpdate& u = found.updates.front();
        QCOMPARE(u.firstLane, 1);
        QCOMPARE(u.secondLane, 2);
        QCOMPARE(u.read, 17);
        QCOMPARE(u.firstReadNs, sampleLogOriginNs + 10 * ms);
        QCOMPARE(u.secondReadNs, sampleLogOriginNs + 11 * ms);
        QCOMPARE(u.firstWriteNs, sampleLogOriginNs + 12 * ms);
        QCOMPARE(u.secondWriteNs, sampleLogOriginNs + 13 * ms);
        QCOMPARE(LostUpdateFinder::sentence(*log, u), QStringLiteral("Thread-1 read 17, Thread-2 read 17, both wrote 18"));
    }

    // Hand-made logs: what is lost, and the pairs that show it.
    void handMadeLogs_data()
    {
        QTest::addColumn<std::vector<Step>>("steps");
        QTest::addColumn<int>("lanes");
        QTest::addColumn<bool>("processes");
        QTest::addColumn<qint64>("lost");
        QTest::addColumn<QStringList>("sentences");
        QTest::newRow("one after another")
            << std::vector<Step> {{0, false, 0}, {0, true, 1}, {1, false, 1}, {1, true, 2}} << 2 << false << qint64(0)
            << QStringList();
        QTest::newRow("both read 0")
            << std::vector<Step> {{0, false, 0}, {1, false, 0}, {0, true, 1}, {1, true, 1}} << 2 << false << qint64(1)
            << QStringList {QStringLiteral("Thread-1 read 0, Thread-2 read 0, both wrote 1")};
        // Thread-1 reads 0 and writes late, over two of Thread-2's updates: two lost, one pair.
        QTest::newRow("a late write undoes two")
            << std::vector<Step> {{0, false, 0}, {1, false, 0}, {1, true, 1}, {1, false, 1}, {1, true, 2}, {0, true, 1}}
            << 2 << false << qint64(2) << QStringList {QStringLiteral("Thread-2 read 0, Thread-1 read 0, both wrote 1")};
        QTest::newRow("three read the same")
            << std::vector<Step> {{0, false, 0}, {1, false, 0}, {2, false, 0}, {0, true, 1}, {1, true, 1}, {2, true, 1}}
            << 3 << false << qint64(2)
            << QStringList {QStringLiteral("Thread-1 read 0, Thread-2 read 0, both wrote 1"),
                            QStringLiteral("Thread-2 read 0, Thread-3 read 0, both wrote 1")};
        // Each process has a counter of its own: the same values are no loss.
        QTest::newRow("processes") << std::vector<Step> {{0, false, 0}, {1, false, 0}, {0, true, 1}, {1, true, 1}} << 2
                                   << true << qint64(0) << QStringList();
    }
    void handMadeLogs()
    {
        QFETCH(std::vector<Step>, steps);
        QFETCH(int, lanes);
        QFETCH(bool, processes);
        QFETCH(qint64, lost);
        QFETCH(QStringList, sentences);
        const auto log = logOf(steps, lanes, processes ? LaneKind::Process : LaneKind::Thread);
        const LostUpdateFinder::Found found = LostUpdateFinder::find(*log);
        QCOMPARE(found.lost, lost);
        QStringList said;
        for (const LostUpdate& u : found.updates)
            said << LostUpdateFinder::sentence(*log, u);
        QCOMPARE(said, sentences);
    }

    void onlyTheSnapshotsEvents()
    {
        const auto log = lostUpdateTimelineLog();
        std::vector<std::size_t> sizes;
        for (int i = 0; i < log->laneCount(); ++i)
            sizes.push_back(log->lane(i)->size());
        sizes[2] = 2; // Thread-2 had only started and read 17
        QVERIFY(LostUpdateFinder::find(*log, sizes).updates.empty());
    }

    void nearestToATime()
    {
        const auto log = logOf({{0, false, 0}, {1, false, 0}, {0, true, 1}, {1, true, 1}, {0, false, 1}, {1, false, 1},
                                {0, true, 2}, {1, true, 2}, {0, false, 2}, {1, false, 2}, {0, true, 3}, {1, true, 3}},
                               2);
        const LostUpdateFinder::Found found = LostUpdateFinder::find(*log);
        QCOMPARE(found.updates.size(), std::size_t(3));
        QCOMPARE(LostUpdateFinder::nearest(found, 0)->read, 0);
        QCOMPARE(LostUpdateFinder::nearest(found, 2'000'000'000)->read, 2);
        QVERIFY(!LostUpdateFinder::nearest(LostUpdateFinder::Found(), 0));
        // The example lies in the middle of the lost updates' time.
        QCOMPARE(LostUpdateFinder::example(found)->read, 1);
        QVERIFY(!LostUpdateFinder::example(LostUpdateFinder::Found()));
    }

    // The real thing: the executor records every read and write with its value; without a lock
    // the finder's count is the observations' updates lost, with a lock there is none.
    void executorRecordsReadsAndWrites()
    {
        const RunResult r = run(*ScenarioCatalog::builtin(QStringLiteral("race-condition")));
        QVERIFY2(r.error.isEmpty() && !r.variants.empty(), qPrintable(r.error));
        for (const QString& name : {QStringLiteral("no lock"), QStringLiteral("with a lock")}) {
            const VariantResult* v = variantNamed(r, name);
            QVERIFY(v && v->log);
            const std::int64_t expected = v->observations.counterExpected.value_or(0);
            QCOMPARE(countOf(*v->log, EventKind::CounterRead), expected);
            QCOMPARE(countOf(*v->log, EventKind::CounterWrite), expected);
            QVERIFY(writesFollowReads(*v->log));
            const LostUpdateFinder::Found found = LostUpdateFinder::find(*v->log);
            QCOMPARE(found.lost, v->observations.updatesLost().value_or(-1));
            QCOMPARE(found.updates.empty(), found.lost == 0);
        }
        QCOMPARE(LostUpdateFinder::find(*variantNamed(r, QStringLiteral("with a lock"))->log).lost, 0);
        // "What happened" names one of them in the same words.
        const VariantResult& noLock = *variantNamed(r, QStringLiteral("no lock"));
        if (const auto example = LostUpdateFinder::example(LostUpdateFinder::find(*noLock.log)))
            QVERIFY(ResultWriter::observationLines(noLock).contains(
                QStringLiteral("for example: ") + LostUpdateFinder::sentence(*noLock.log, *example)));
    }

    // A child process reports its reads and writes over the wire, on its own lane.
    void childProcessesReportThemToo()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QString error;
        const auto scenario = ScenarioLoader::loadJson(R"({"format": 1, "id": "counting-children", "title": "t",
            "concept": "C9", "group": "Correctness", "explanation": "e", "vocabulary": ["process"],
            "code": {"python": "import multiprocessing", "cpp": "#include <QProcess>"}, "variants": [{"name": "processes", "mode": "processes",
            "workers": [{"name": "Process-{n}", "count": 2, "tasks": [{"kind": "increment", "times": 30, "yield": true}]}]}]})",
                                                       QStringLiteral("counting.json"), &error);
        QVERIFY2(scenario, qPrintable(error));
        const RunResult r = run(*scenario);
        QVERIFY2(r.error.isEmpty() && r.variants.size() == 1, qPrintable(r.error));
        const EventLog& log = *r.variants.front().log;
        QCOMPARE(countOf(log, EventKind::CounterWrite), 60);
        QVERIFY(writesFollowReads(log));
        const LostUpdateFinder::Found found = LostUpdateFinder::find(log);
        QVERIFY(found.counted);
        QCOMPARE(found.lost, 0); // each child counts on its own copy
    }

    // Recordings made before reads and writes were recorded hold none: nothing changes for them.
    void olderRecordingsHaveNone()
    {
        const RunResult r = readRecording(QStringLiteral(THREADLAB_TEST_DATA "/recorded/race-condition.json"));
        QVERIFY(!r.variants.empty());
        for (const VariantResult& v : r.variants) {
            QVERIFY(v.log);
            QVERIFY(!LostUpdateFinder::find(*v.log).counted);
            QVERIFY(!ResultWriter::observationLines(v).join(QLatin1Char(' ')).contains(QStringLiteral("for example")));
        }
    }

    // Interleaving's "What happened" tells the order the lines came out in, not GIL hand-overs;
    // elsewhere the GIL line stays.
    void whatHappenedTellsTheOrder()
    {
        VariantResult v;
        v.name = QStringLiteral("threads");
        v.gil = true;
        v.workerCount = 3;
        v.gilHandOvers = 40;
        v.workers.resize(4);
        v.workers[0].name = QStringLiteral("MainThread");
        const double at[3][2] = {{1, 5}, {2, 4}, {3, 6}};
        for (int w = 1; w <= 3; ++w) {
            v.workers[w].name = QStringLiteral("Thread-%1").arg(w);
            for (const double t : at[w - 1])
                v.workers[w].output.push_back({t, QStringLiteral("hello")});
        }
        QCOMPARE(LineOrder::of(v), (std::vector<int> {1, 2, 3, 2, 1, 3}));
        const QStringList lines = ResultWriter::whatHappenedLines(v);
        QCOMPARE(lines, QStringList {QStringLiteral("the lines came out in the order 1 2 3 2 1 3: the scheduler decides "
                                                    "who prints next, so the order differs from run to run")});
        // One line per worker (cpu-bound): the GIL's hand-overs, as before.
        for (int w = 1; w <= 3; ++w)
            v.workers[w].output.resize(1);
        QCOMPARE(ResultWriter::whatHappenedLines(v), QStringList {QStringLiteral("the GIL changed hands 40 times")});
    }

    // The GIL's hand-overs are counted once, from the log, as the timeline's strip counts them,
    // and both the results JSON and What happened say that count; without a log, nothing (the
    // GIL's acquisitions, gilSwitches, are another measure).
    void gilHandOversCountedOnce()
    {
        constexpr std::int64_t origin = 3'000'000'000;
        VariantResult v;
        v.name = QStringLiteral("2 threads");
        v.gil = true;
        v.workerCount = 2;
        v.observations.gilSwitches = 99;
        const auto log = alternatingGilTimelineLog(origin, 4);
        v.setLog(log);
        QCOMPARE(v.gilHandOvers, std::optional<std::int64_t>(GilHolders::appHandOvers(*log)));
        v.gilHandOvers = 7; // what is said is the count kept, not one made again
        QVERIFY(ResultWriter::whatHappenedLines(v).contains(QStringLiteral("the GIL changed hands 7 times")));
        RunResult run;
        run.variants.push_back(v);
        const QJsonObject json = ResultWriter::toJson(run)[QStringLiteral("variants")].toArray().at(0).toObject();
        QCOMPARE(json[QStringLiteral("gil_hand_overs")].toInteger(), 7);
        // With the GIL off, and without a log: no count, and no line from gilSwitches.
        v.setLog(alternatingGilTimelineLog(origin, 4, false));
        QVERIFY(!v.gilHandOvers);
        v.setLog(nullptr);
        QVERIFY(!v.gilHandOvers);
        for (const QString& line : ResultWriter::whatHappenedLines(v))
            QVERIFY2(!line.contains(QLatin1String("GIL")), qPrintable(line));
        run.variants = {v};
        QVERIFY(!ResultWriter::toJson(run)[QStringLiteral("variants")].toArray().at(0).toObject().contains(QStringLiteral("gil_hand_overs")));
    }

    // The same on a real run of interleaving's threads.
    void interleavingSaysTheOrder()
    {
        RunSettings settings;
        settings.variants = QStringList {QStringLiteral("threads")};
        settings.timeScale = 0.25;
        const RunResult r = run(*ScenarioCatalog::builtin(QStringLiteral("interleaving")), settings);
        QVERIFY2(r.error.isEmpty() && r.variants.size() == 1, qPrintable(r.error));
        const QString said = ResultWriter::whatHappenedLines(r.variants.front()).join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("the lines came out in the order ")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("differs from run to run")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("GIL")), qPrintable(said));
    }

    void shortNames_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("numbered") << QStringList {"MainThread", "Thread-1", "Thread-2"}
                                  << QStringList {"MainThread", "Thread-1", "Thread-2"};
        QTest::newRow("same prefix") << QStringList {"Thread-1", "Thread-2", "Thread-10"} << QStringList {"1", "2", "10"};
        QTest::newRow("initials") << QStringList {"square", "cube"} << QStringList {"S", "C"};
        QTest::newRow("same initial") << QStringList {"calc", "cube"} << QStringList {"calc", "cube"};
    }
    void shortNames()
    {
        QFETCH(QStringList, names);
        QFETCH(QStringList, labels);
        QCOMPARE(LineOrder::shortNames(names), labels);
    }

    void interleaves_data()
    {
        QTest::addColumn<std::vector<int>>("order");
        QTest::addColumn<bool>("interleaves");
        QTest::newRow("alternating") << std::vector<int> {1, 2, 1, 2} << true;
        QTest::newRow("blocks") << std::vector<int> {1, 1, 2, 2} << false;
        QTest::newRow("one line each") << std::vector<int> {1, 2, 3} << false;
        QTest::newRow("one printer") << std::vector<int> {1, 1, 1} << false;
        QTest::newRow("empty") << std::vector<int> {} << false;
    }
    void interleaves()
    {
        QFETCH(std::vector<int>, order);
        QFETCH(bool, interleaves);
        QCOMPARE(LineOrder::interleaves(order), interleaves);
    }
};

QTEST_GUILESS_MAIN(TestLostUpdateFinder)
#include "tst_lostupdatefinder.moc"
