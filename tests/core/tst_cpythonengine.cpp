#include "engine/cpythonvariant.h"
#include "engine/eventlog.h"
#include "engine/gilholders.h"
#include "engine/lane.h"
#include "engine/runner.h"
#include "python/pythoninterpreter.h"
#include "results/resultwriter.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "scenario/variantplan.h"
#include "support/procfs.h"
#include "support/sanitizers.h"
#include "support/shellscript.h"
#include "tasks/monoclock.h"
#include "wire/wiredemux.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <csignal>
#include <set>

using namespace ThreadLab;

namespace {

#define SKIP_WITHOUT_PYTHON()                                                                                          \
    do {                                                                                                               \
        SKIP_IF_SPAWNING_UNDER_TSAN();                                                                                 \
        if (PythonInterpreter::defaultPath().isEmpty())                                                                \
            QSKIP("no python3 on this machine: the CPython engine cannot run");                                        \
    } while (false)

const Scenario* builtin(const QString& id)
{
    static const std::vector<Scenario> all = ScenarioCatalog::builtins();
    for (const Scenario& s : all)
        if (s.id == id)
            return &s;
    return nullptr;
}

RunSettings cpython(double timeScale = 0.02)
{
    RunSettings s;
    s.engine = EngineKind::CPython;
    s.timeScale = timeScale;
    return s;
}

QStringList outcomes(const VariantResult& v)
{
    QStringList out;
    for (const WorkerResult& w : v.workers)
        out << w.name + QLatin1Char('=') + outcomeName(w.outcome);
    return out;
}

// Every worker's output lines, in the order each printed them.
QStringList outputTexts(const VariantResult& v)
{
    QStringList out;
    for (const WorkerResult& w : v.workers)
        for (const OutputLine& line : w.output)
            out << w.name + QStringLiteral(": ") + line.text;
    return out;
}

// An executable shell script `name` in dir.
QString script(const QTemporaryDir& dir, const QString& name, const QByteArray& body)
{
    return shellScript(dir, name, body);
}

// A stand-in "python": answers ThreadLab's probe as the real one does, then does `body`
// instead of running the runtime.
QString standIn(const QTemporaryDir& dir, const QString& name, const QByteArray& body)
{
    return script(dir, name,
                  "case \"$2\" in -c) exec /usr/bin/python3 \"$@\";; esac\n"
                  "cat > /dev/null\n"
                      + body);
}

// The fields a test sets in a token's environment entry.
QByteArray tokenEntry(const QString& token) { return "THREADLAB_RUN_TOKEN=" + token.toLatin1(); }

} // namespace

class TestCPythonEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demuxSplitsLanes_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("records");
        QTest::newRow("two lanes") << QByteArray("0 1 H 10 77\n1 1 S 11 1 0\n0 2 S 12 2 0\n1 2 S 13 2 0\n") << QString()
                                   << 4;
        QTest::newRow("runtime records") << QByteArray("0 1 K 10 5000\n0 2 G 11 9 1\n0 3 E 12 1 -11\n") << QString()
                                         << 3;
        QTest::newRow("no such lane") << QByteArray("0 1 H 10 77\n9 1 S 11 2 0\n")
                                      << QStringLiteral("lane 9 does not exist") << 1;
        QTest::newRow("no lane number") << QByteArray("garbage\n") << QStringLiteral("a line without a lane number")
                                        << 0;
        QTest::newRow("a lane's sequence")
            << QByteArray("1 1 S 10 1 0\n1 3 S 11 2 0\n")
            << QStringLiteral("lane 1 sent garbage (record 2: sequence number out of order") << 1;
        QTest::newRow("a child's grammar only")
            << QByteArray("0 1 Z 10 1\n") << QStringLiteral("lane 0 sent garbage (record 1: unknown record type)") << 0;
        QTest::newRow("bad exit") << QByteArray("0 1 E 10 1\n") << QStringLiteral("bad runtime record") << 0;
        QTest::newRow("thread id") << QByteArray("0 1 N 10 4242\n") << QString() << 1;
        QTest::newRow("no thread id") << QByteArray("0 1 N 10 0\n") << QStringLiteral("bad runtime record") << 0;
        QTest::newRow("thread id too large")
            << QByteArray("0 1 N 10 281474976710656\n") << QStringLiteral("bad runtime record") << 0;
        QTest::newRow("cut") << QByteArray("0 1 H 10 77\n0 2 S")
                             << QStringLiteral("the stream ends in the middle of a line") << 1;
    }

    void demuxSplitsLanes()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, error);
        QFETCH(int, records);
        int seen = 0;
        WireDemux demux(2, [&seen](std::uint32_t, const WireRecord&) { ++seen; });
        // In pieces of 3 bytes, as a pipe may deliver them.
        for (qsizetype i = 0; i < stream.size(); i += 3)
            demux.feed(std::string_view(stream.constData() + i,
                                        static_cast<std::size_t>(std::min<qsizetype>(3, stream.size() - i))));
        demux.finish();
        QCOMPARE(seen, records);
        if (error.isEmpty())
            QVERIFY2(!demux.failed(), demux.error().c_str());
        else
            QVERIFY2(QString::fromStdString(demux.error()).contains(error), demux.error().c_str());
    }

    void demuxRejectsLongLines()
    {
        WireDemux demux(1, [](std::uint32_t, const WireRecord&) {});
        const std::string line(WireDemux::maxLineBytes + 1, '7');
        QVERIFY(!demux.feed(line));
        QVERIFY(QString::fromStdString(demux.error()).startsWith(QLatin1String("a line longer than")));
    }

    // A run's later variants are handed the loop rate the first one measured, as the whole
    // number of iterations per second the runtime reported: 32812395 sent back as the double
    // 32812.395 * 1000 was read as 32812394, one short (seen in CI).
    void theLoopRateGoesBackWhole()
    {
        RunSettings settings;
        settings.engine = EngineKind::CPython;
        settings.variants = {QStringLiteral("1 thread")};
        QString error;
        const std::vector<PlannedVariant> plans =
            VariantPlanner::plan(*builtin(QStringLiteral("cpu-bound")), settings, 2, &error);
        QCOMPARE(plans.size(), std::size_t(1));
        const QJsonValue rate =
            CPythonVariant::planJson(plans.front(), settings, 1.0, QStringLiteral("fork"), 0, 32812.395)
                .value(QLatin1String("loop_rate"));
        QVERIFY(rate.isDouble());
        QCOMPARE(rate.toInteger(-1), 32812395);
        QCOMPARE(QJsonDocument(QJsonObject {{QStringLiteral("r"), rate}}).toJson(QJsonDocument::Compact),
                 QByteArray(R"({"r":32812395})"));
    }

    // Every built-in scenario, in real CPython, ends each lane as the model does and shows the
    // lesson's direction; every event lies within the variant on ThreadLab's clock.
    void everyBuiltInScenario_data()
    {
        QTest::addColumn<QString>("id");
        for (const Scenario& s : ScenarioCatalog::builtins())
            QTest::newRow(qPrintable(s.id)) << s.id;
    }

    void everyBuiltInScenario()
    {
        SKIP_WITHOUT_PYTHON();
        QFETCH(QString, id);
        const Scenario* scenario = builtin(id);
        QVERIFY(scenario);
        Runner runner;
        std::vector<std::int64_t> startedNs;
        connect(&runner, &Runner::variantStarted, this,
                [&startedNs](int, const QString&, const std::shared_ptr<const EventLog>&) {
                    startedNs.push_back(MonoClock::nowNs());
                });
        const std::int64_t beforeNs = MonoClock::nowNs();
        const RunResult real = runner.run(*scenario, cpython());
        const std::int64_t afterNs = MonoClock::nowNs();
        QVERIFY2(real.error.isEmpty(), qPrintable(real.error));
        QVERIFY(real.python);
        RunSettings modelSettings;
        modelSettings.timeScale = 0.02;
        const RunResult model = Runner().run(*scenario, modelSettings);
        QCOMPARE(real.variants.size(), model.variants.size());
        QCOMPARE(startedNs.size(), real.variants.size());
        for (std::size_t i = 0; i < real.variants.size(); ++i) {
            const VariantResult& v = real.variants[i];
            QCOMPARE(v.engine, EngineKind::CPython);
            QVERIFY(v.loopIterationsPerMs > 0);
            // Every variant does the same work: the loop's rate is measured once per run.
            QCOMPARE(v.loopIterationsPerMs, real.variants.front().loopIterationsPerMs);
            QCOMPARE(outcomes(v), outcomes(model.variants[i]));
            checkTimes(v, beforeNs, afterNs);
            for (std::size_t w = 0; w < v.workers.size(); ++w)
                if (v.workers[w].outcome == WorkerOutcome::Finished)
                    QCOMPARE(v.workers[w].output.size(), model.variants[i].workers[w].output.size());
        }
        checkLesson(id, real);
        if (id == QLatin1String("random-jobs")) // the same seed, the same waits as the model's
            for (std::size_t i = 0; i < real.variants.size(); ++i)
                QCOMPARE(outputTexts(real.variants[i]), outputTexts(model.variants[i]));
    }

    // cpu-bound's 4 threads in real CPython: the GIL observed from outside names every thread as
    // a holder, never two at once, and the hand-overs are the interpreter's own count, the same
    // in the results as in the log.
    void theGilIsObserved()
    {
        SKIP_WITHOUT_PYTHON();
        RunSettings settings = cpython(0.05);
        settings.variants = QStringList {QStringLiteral("4 threads")};
        const RunResult r = Runner().run(*builtin(QStringLiteral("cpu-bound")), settings);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        QVERIFY(v.gilObservation && v.gilObservation->observed);
        QCOMPARE(v.gilObservation->rateHz, 2000);
        QVERIFY(v.gilObservation->achievedHz > 0 && v.gilObservation->coreShare > 0);
        QVERIFY(v.log && v.log->observedGil() && v.log->gilNote().isEmpty());
        QCOMPARE(v.workers.size(), std::size_t(5));
        for (int lane = 0; lane < 5; ++lane) // main's and every thread's native id, each its own
            for (int other = 0; other < lane; ++other)
                QVERIFY(v.log->lane(lane)->nativeThreadId() > 0
                        && v.log->lane(lane)->nativeThreadId() != v.log->lane(other)->nativeThreadId());

        GilHolders holders;
        for (int i = 0; i < v.log->laneCount(); ++i)
            holders.addLane(i);
        holders.setObserved(true);
        holders.extend(*v.log);
        std::set<int> held;
        for (std::size_t i = 0; i < holders.spanCount(); ++i) {
            held.insert(holders.span(i).lane);
            if (i > 0) // no two holders at once
                QVERIFY(holders.span(i).startNs >= holders.span(i - 1).endNs);
        }
        for (int lane = 1; lane <= 4; ++lane)
            QVERIFY2(held.count(lane) == 1, qPrintable(QStringLiteral("Thread lane %1 never held the GIL").arg(lane)));
        QVERIFY(holders.handOvers() > 0);
        QVERIFY(v.gilHandOvers);
        QCOMPARE(*v.gilHandOvers, holders.handOvers());

        // The results carry the waits the observed GIL shows: threads waited for it (not every
        // one: the last to start may find the others done), and no two threads' running
        // intervals overlap once those waits are cut out.
        std::vector<std::pair<double, double>> running;
        int waited = 0;
        for (int lane = 1; lane <= 4; ++lane) {
            bool waits = false;
            for (const StateInterval& s : v.workers[static_cast<std::size_t>(lane)].intervals) {
                waits = waits || s.state == WorkerState::WaitingGil;
                if (s.state == WorkerState::Running)
                    running.emplace_back(s.startMs, s.endMs);
            }
            waited += waits ? 1 : 0;
        }
        QVERIFY2(waited >= 1, "no thread waited for the GIL in the results");
        // Two threads say running at once only where no sample saw anyone hold the lock (between
        // a release and the next sample that names the new holder).
        std::sort(running.begin(), running.end());
        const std::int64_t origin = v.log->originNs();
        for (std::size_t i = 0; i < running.size(); ++i)
            for (std::size_t j = i + 1; j < running.size() && running[j].first < running[i].second; ++j) {
                const auto from = origin + static_cast<std::int64_t>(running[j].first * 1e6) + 1000;
                const auto to = origin + static_cast<std::int64_t>(std::min(running[i].second, running[j].second) * 1e6) - 1000;
                const std::size_t k = holders.firstEndingAfter(from);
                QVERIFY2(from >= to || k >= holders.spanCount() || holders.span(k).startNs >= to,
                         qPrintable(QStringLiteral("running %1–%2 ms and %3–%4 ms overlap while lane %5 held the GIL")
                                        .arg(running[i].first).arg(running[i].second)
                                        .arg(running[j].first).arg(running[j].second).arg(holders.span(k).lane)));
            }

        const QJsonObject json = ResultWriter::toJson(r);
        QCOMPARE(json[QStringLiteral("variants")].toArray()[0].toObject()[QStringLiteral("gil_hand_overs")].toInteger(),
                 holders.handOvers());
        const QJsonObject python = json[QStringLiteral("python")].toObject();
        QCOMPARE(python[QStringLiteral("gil_observed")].toBool(), true);
        const QJsonObject observation = python[QStringLiteral("gil_observation")].toObject();
        QCOMPARE(observation[QStringLiteral("rate_hz")].toInt(), 2000);
        QVERIFY(observation[QStringLiteral("achieved_hz")].toDouble() > 0);
        QVERIFY(observation[QStringLiteral("error_bound_ms")].toDouble() > 0);
        QVERIFY(observation[QStringLiteral("lateness_mean_ms")].toDouble() >= 0);
        QVERIFY(observation[QStringLiteral("lateness_p99_ms")].toDouble() >= 0);
        QVERIFY(observation.contains(QStringLiteral("lateness_mean_ms")) && observation.contains(QStringLiteral("lateness_p99_ms")));
        QVERIFY(ResultWriter::whatHappenedLines(v).join(QLatin1Char('\n')).contains(
            QStringLiteral("the GIL changed hands %1 times (observed)").arg(holders.handOvers())));
    }

    // A wrapper that becomes the interpreter (exec, as pyenv's shims do) is observed all the same.
    void aWrapperThatExecsIsObserved()
    {
        SKIP_WITHOUT_PYTHON();
        QTemporaryDir dir;
        RunSettings settings = cpython();
        settings.python = script(dir, QStringLiteral("python"), "sleep 0.05\nexec /usr/bin/python3 \"$@\"");
        settings.variants = QStringList {QStringLiteral("4 threads")};
        const RunResult r = Runner().run(*builtin(QStringLiteral("cpu-bound")), settings);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        QVERIFY2(v.gilObservation && v.gilObservation->observed,
                 qPrintable(v.gilObservation ? v.gilObservation->reason : QString()));
        QVERIFY(v.gilHandOvers && *v.gilHandOvers > 0);
    }

    // An interpreter whose GIL cannot be read (here a wrapper that runs the real one as its
    // child, so the process ThreadLab started is no CPython) and a free-threaded one (a stand-in
    // that says so) still run the variant; the strip and the results say why no GIL is shown.
    void aGilNotObservedSaysWhy_data()
    {
        QTest::addColumn<QByteArray>("probe");
        QTest::addColumn<QByteArray>("run");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unreadable") << QByteArray("exec /usr/bin/python3 \"$@\"") << QByteArray("/usr/bin/python3 \"$@\"")
                                    << QStringLiteral("GIL not observed: ")
                                    << QStringLiteral("is not a CPython interpreter");
        QTest::newRow("free-threaded")
            << QByteArray("/usr/bin/python3 \"$@\" | sed 's/\"gil\": true/\"gil\": false/'")
            << QByteArray("exec /usr/bin/python3 \"$@\"")
            << QStringLiteral("free-threaded: no GIL, threads run in parallel")
            << QStringLiteral("a free-threaded interpreter has no GIL");
    }

    void aGilNotObservedSaysWhy()
    {
        SKIP_WITHOUT_PYTHON();
        QFETCH(QByteArray, probe);
        QFETCH(QByteArray, run);
        QFETCH(QString, note);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        RunSettings settings = cpython();
        settings.python = script(dir, QStringLiteral("python"), "case \"$2\" in -c) " + probe + "; exit;; esac\n" + run);
        settings.variants = QStringList {QStringLiteral("4 threads")};
        const RunResult r = Runner().run(*builtin(QStringLiteral("cpu-bound")), settings);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        for (const WorkerResult& w : v.workers) // the run went on
            QVERIFY2(w.outcome == WorkerOutcome::Finished, qPrintable(w.name + QLatin1Char(' ') + w.outcomeDetail));
        QVERIFY(v.log && !v.log->observedGil());
        QVERIFY2(v.log->gilNote().startsWith(note), qPrintable(v.log->gilNote()));
        QVERIFY(!v.log->gilNote().contains(QLatin1Char('\n')));
        QVERIFY(!v.gilHandOvers);
        const QJsonObject python = ResultWriter::toJson(r)[QStringLiteral("python")].toObject();
        QCOMPARE(python[QStringLiteral("gil_observed")].toBool(true), false);
        QVERIFY2(python[QStringLiteral("gil_not_observed_reason")].toString().contains(reason),
                 qPrintable(python[QStringLiteral("gil_not_observed_reason")].toString()));
        QVERIFY(!python.contains(QStringLiteral("gil_observation")));
    }

    // A stand-in python that misbehaves fails its variant with one line naming the fault, and
    // the run still ends.
    void faultsAreNamed_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("detail");
        const QString processes = QStringLiteral("2 processes");
        const QByteArray ready = "printf '0 1 K 5 1000\\n0 2 H 6 1\\n'; ";
        QTest::newRow("garbage") << processes << QByteArray("echo 'this is no record'")
                                 << QStringLiteral("CPython runtime: a line without a lane number");
        QTest::newRow("unknown lane") << processes << ready + "printf '9 1 S 7 2 0\\n'; sleep 5"
                                      << QStringLiteral("CPython runtime: lane 9 does not exist");
        QTest::newRow("hangs") << processes << QByteArray("sleep 30")
                               << QStringLiteral("CPython runtime: hung: still running");
        QTest::newRow("dies mid-run") << processes << ready + "printf '0 3 S 7 2 0\\n'; kill -9 $$"
                                      << QStringLiteral(
                                             "CPython runtime: the interpreter was killed by signal 9 (SIGKILL)");
        QTest::newRow("floods") << processes
                                << ready
                + "i=3; while [ $i -lt 400 ]; do printf \"0 $i O 7 x\\n\"; i=$((i+1)); done; sleep 5"
                                << QStringLiteral("CPython runtime: lane 0 sent more than 100 events");
        QTest::newRow("cut mid-line") << processes << QByteArray("printf '0 1 K 5 1000\\n0 2 H'")
                                      << QStringLiteral("CPython runtime: the stream ends in the middle of a line");
        QTest::newRow("a thread's exit")
            << QStringLiteral("1 thread") << ready + "printf '0 3 E 7 1 0\\n'; sleep 5"
            << QStringLiteral("CPython runtime: lane 0 reported the exit of lane 1, which is no process");
        QTest::newRow("a process's thread id")
            << processes << ready + "printf '0 3 N 7 42\\n1 1 S 8 1 0\\n1 2 N 9 43\\n'; sleep 5"
            << QStringLiteral("CPython runtime: lane 1 cannot report a thread id now");
        QTest::newRow("a thread id twice") << QStringLiteral("1 thread") << ready + "printf '0 3 N 7 42\\n0 4 N 8 42\\n'; sleep 5"
                                           << QStringLiteral("CPython runtime: lane 0 cannot report a thread id now");
        QTest::newRow("says nothing") << processes << QByteArray("exit 0")
                                      << QStringLiteral("CPython runtime: ended without reporting main's end");
    }

    void faultsAreNamed()
    {
        SKIP_WITHOUT_PYTHON();
        QFETCH(QString, variant);
        QFETCH(QByteArray, body);
        QFETCH(QString, detail);
        QTemporaryDir dir;
        RunSettings settings = cpython();
        settings.python = standIn(dir, QStringLiteral("python"), body);
        settings.variants = QStringList {variant};
        Runner runner;
        runner.setHangGraceMs(1500);
        runner.setMaxEventsPerChild(100);
        const RunResult r = runner.run(*builtin(QStringLiteral("cpu-bound")), settings);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        const WorkerResult& main = v.workers.front();
        QCOMPARE(main.outcome, WorkerOutcome::Crashed);
        QVERIFY2(main.outcomeDetail.startsWith(detail), qPrintable(main.outcomeDetail));
        QVERIFY(!main.outcomeDetail.contains(QLatin1Char('\n')));
        for (const WorkerResult& w : v.workers)
            QVERIFY2(w.outcome == WorkerOutcome::Crashed, qPrintable(w.name));
    }

    // What the interpreter leaves running in its process group ends with the variant, even when
    // the interpreter itself ended well.
    void theProcessGroupEndsWithTheVariant()
    {
        SKIP_WITHOUT_PYTHON();
        QTemporaryDir dir;
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        RunSettings settings = cpython();
        settings.python = standIn(dir, QStringLiteral("python"),
                                  "THREADLAB_RUN_TOKEN=" + token.toLatin1()
                                      + " sleep 30 &\n"
                                        "printf '0 1 K 5 1000\\n0 2 H 6 1\\n0 3 S 7 2 0\\n0 4 S 8 8 0\\n'");
        settings.variants = QStringList {QStringLiteral("1 thread")};
        const RunResult r = Runner().run(*builtin(QStringLiteral("cpu-bound")), settings);
        QCOMPARE(r.variants.size(), std::size_t(1));
        QCOMPARE(r.variants.front().workers.front().outcome, WorkerOutcome::Finished);
        QTRY_VERIFY_WITH_TIMEOUT(ProcFs::livingWithEnvironment(tokenEntry(token)).isEmpty(), 5000);
    }

    void aMissingPythonIsNamed()
    {
        RunSettings settings = cpython();
        settings.python = QStringLiteral("/nonexistent/python3");
        const RunResult r = Runner().run(*builtin(QStringLiteral("cpu-bound")), settings);
        QVERIFY(r.variants.empty());
        QCOMPARE(r.error, QStringLiteral("Python interpreter /nonexistent/python3: no such file"));
    }

    void aMissingRuntimeIsNamed()
    {
        SKIP_WITHOUT_PYTHON();
        Runner runner;
        runner.setPythonRuntime(QStringLiteral("/nonexistent/threadlab_runtime.py"));
        const RunResult r = runner.run(*builtin(QStringLiteral("cpu-bound")), cpython());
        QVERIFY(r.variants.empty());
        QCOMPARE(r.error,
                 QStringLiteral("ThreadLab's CPython runtime is missing: /nonexistent/threadlab_runtime.py "
                                "(reinstall ThreadLab)"));
    }

    // Nothing of a run outlives it: not after a normal run (daemon threads and processes, a
    // crashing process), not after a cancelled one, not when ThreadLab itself is killed.
    void nothingOutlivesARun_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("daemon") << QStringList {QStringLiteral("--run"), QStringLiteral("daemon")};
        QTest::newRow("crashes") << QStringList {QStringLiteral("--run"), QStringLiteral("crash-isolation")};
        QTest::newRow("spawn") << QStringList {QStringLiteral("--run"), QStringLiteral("queue-ipc"),
                                               QStringLiteral("--start-method"), QStringLiteral("spawn")};
        QTest::newRow("forkserver") << QStringList {QStringLiteral("--run"), QStringLiteral("memory-isolation"),
                                                    QStringLiteral("--start-method"), QStringLiteral("forkserver")};
    }

    void nothingOutlivesARun()
    {
        SKIP_WITHOUT_PYTHON();
        QFETCH(QStringList, args);
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcess app;
        startApp(app, token, args + QStringList {QStringLiteral("--time-scale"), QStringLiteral("0.05")});
        QVERIFY(app.waitForFinished(60'000));
        QCOMPARE(app.exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(ProcFs::livingWithEnvironment(tokenEntry(token)).isEmpty(), 5000);
    }

    void nothingOutlivesAStoppedOrKilledRun_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("signal");
        QTest::newRow("fork, Ctrl+C") << QStringLiteral("fork") << int(SIGINT);
        QTest::newRow("fork, SIGKILL") << QStringLiteral("fork") << int(SIGKILL);
        QTest::newRow("spawn, SIGTERM") << QStringLiteral("spawn") << int(SIGTERM);
        QTest::newRow("spawn, SIGKILL") << QStringLiteral("spawn") << int(SIGKILL);
    }

    void nothingOutlivesAStoppedOrKilledRun()
    {
        SKIP_WITHOUT_PYTHON();
        QFETCH(QString, method);
        QFETCH(int, signal);
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcess app;
        // Two CPU-bound processes for many seconds: killed long before they end.
        startApp(app, token,
                 {QStringLiteral("--run"), QStringLiteral("cpu-bound"), QStringLiteral("--variant"),
                  QStringLiteral("2 processes"), QStringLiteral("--time-scale"), QStringLiteral("10"),
                  QStringLiteral("--start-method"), method});
        // ThreadLab, the interpreter and its two workers at least.
        QTRY_VERIFY_WITH_TIMEOUT(ProcFs::livingWithEnvironment(tokenEntry(token)).size() >= 4, 20'000);
        ::kill(static_cast<pid_t>(app.processId()), signal);
        QVERIFY(app.waitForFinished(10'000));
        if (signal != SIGKILL)
            QCOMPARE(app.exitCode(), 3); // cancelled
        QTRY_VERIFY_WITH_TIMEOUT(ProcFs::livingWithEnvironment(tokenEntry(token)).isEmpty(), 5000);
    }

private:
    static void startApp(QProcess& app, const QString& token, const QStringList& args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("THREADLAB_RUN_TOKEN"), token);
        app.setProcessEnvironment(env);
        app.setStandardOutputFile(QProcess::nullDevice());
        app.start(QStringLiteral(THREADLAB_BIN_DIR "/threadlab"),
                  args + QStringList {QStringLiteral("--engine"), QStringLiteral("cpython")});
        QVERIFY(app.waitForStarted());
    }

    static void checkTimes(const VariantResult& v, std::int64_t beforeNs, std::int64_t afterNs)
    {
        QVERIFY(v.log);
        const EventLog& log = *v.log;
        QVERIFY(log.originNs() >= beforeNs);
        for (int l = 0; l < log.laneCount(); ++l) {
            const Lane& lane = *log.lane(l);
            for (std::size_t e = 0; e < lane.size(); ++e) {
                const std::int64_t t = lane.at(e).tNs;
                QVERIFY2(t >= log.originNs() && t <= afterNs, qPrintable(lane.info().name));
            }
        }
    }

    static const VariantResult& variant(const RunResult& r, const QString& name)
    {
        for (const VariantResult& v : r.variants)
            if (v.scenarioName == name)
                return v;
        return r.variants.front();
    }

    static void checkLesson(const QString& id, const RunResult& r)
    {
        if (id == QLatin1String("race-condition")) {
            const Observations& unlocked = variant(r, QStringLiteral("no lock")).observations;
            const Observations& locked = variant(r, QStringLiteral("with a lock")).observations;
            QVERIFY(unlocked.counter && unlocked.counterExpected && *unlocked.counter < *unlocked.counterExpected);
            QVERIFY(locked.counter && locked.counterExpected && *locked.counter == *locked.counterExpected);
        } else if (id == QLatin1String("memory-isolation")) {
            const Observations& processes = variant(r, QStringLiteral("processes")).observations;
            QVERIFY(processes.parentList && processes.parentList->empty());
            QVERIFY(processes.childLists && !processes.childLists->empty());
            for (const auto& [name, list] : *processes.childLists)
                QVERIFY2(!list.empty(), qPrintable(name));
            const Observations& threads = variant(r, QStringLiteral("threads")).observations;
            QVERIFY(threads.parentList && !threads.parentList->empty());
        } else if (id == QLatin1String("queue-ipc")) {
            for (const VariantResult& v : r.variants) {
                QVERIFY(v.observations.items);
                QCOMPARE(v.observations.items->received, v.observations.items->expected);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCPythonEngine)
#include "tst_cpythonengine.moc"
