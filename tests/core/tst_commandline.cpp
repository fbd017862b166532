#include "cli/commandline.h"
#include "python/pythoninterpreter.h"
#include "results/exportkind.h"
#include "scenario/scenariocatalog.h"
#include "support/procfs.h"
#include "support/sanitizers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace ThreadLab;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runApp(const QStringList& args, int timeoutMs = 120'000)
{
    QProcess p;
    p.start(QStringLiteral(THREADLAB_BIN_DIR "/threadlab"), args);
    Outcome o;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        o.err = QStringLiteral("timed out");
        return o;
    }
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    o.out = QString::fromUtf8(p.readAllStandardOutput());
    o.err = QString::fromUtf8(p.readAllStandardError());
    return o;
}

// A long headless run of two process workers (cpu-bound, 40 s of work), once both children
// are up.
void startWithTwoChildren(QProcess& p, QList<pid_t>& children)
{
    p.start(QStringLiteral(THREADLAB_BIN_DIR "/threadlab"),
            {QStringLiteral("--run"), QStringLiteral("cpu-bound"), QStringLiteral("--variant"),
             QStringLiteral("2 processes"), QStringLiteral("--time-scale"), QStringLiteral("10")});
    QVERIFY(p.waitForStarted());
    const auto pid = static_cast<pid_t>(p.processId());
    QTRY_COMPARE_WITH_TIMEOUT(ProcFs::livingChildren(pid).size(), 2, 10'000);
    children = ProcFs::livingChildren(pid);
}

bool isOneLine(const QString& s)
{
    return !s.trimmed().isEmpty() && !s.trimmed().contains(QLatin1Char('\n'));
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsEveryScenario()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const Outcome o = runApp({QStringLiteral("--list")});
        QCOMPARE(o.exitCode, 0);
        const QStringList lines = o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList ids;
        for (const QString& line : lines) {
            QVERIFY2(line.count(QLatin1Char('\t')) == 1, qPrintable(line));
            ids << line.section(QLatin1Char('\t'), 0, 0);
        }
        QCOMPARE(ids, ScenarioCatalog::builtinIds());
        // Every scenario embedded in the build: adding one needs no edit here.
        QCOMPARE(ids.size(), QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    }

    void badUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        auto run = [](std::initializer_list<const char*> extra) {
            QStringList a {QStringLiteral("--run"), QStringLiteral("io-bound")};
            for (const char* e : extra)
                a << QString::fromLatin1(e);
            return a;
        };
        QTest::newRow("unknown id") << QStringList {QStringLiteral("--run"), QStringLiteral("nope")} << "nope";
        QTest::newRow("unknown option") << QStringList {QStringLiteral("--frobnicate")} << "frobnicate";
        QTest::newRow("run without id") << QStringList {QStringLiteral("--run")} << "run";
        QTest::newRow("stray argument") << QStringList {QStringLiteral("--list"), QStringLiteral("io-bound")}
                                        << "io-bound";
        QTest::newRow("two files") << QStringList {QStringLiteral("--list"), QStringLiteral("a.json"), QStringLiteral("b.json")}
                                   << "unexpected argument \"b.json\"";
        QTest::newRow("file and --scenario-file")
            << QStringList {QStringLiteral("--scenario-file"), QStringLiteral("a.json"), QStringLiteral("b.json")}
            << "unexpected argument \"b.json\"";
        QTest::newRow("workers zero") << run({"--workers", "0"}) << "--workers";
        QTest::newRow("workers too many") << run({"--workers", "257"}) << "--workers";
        QTest::newRow("workers text") << run({"--workers", "four"}) << "four";
        QTest::newRow("workers million") << run({"--workers", "1000000"}) << "--workers";
        QTest::newRow("gil maybe") << run({"--gil", "maybe"}) << "--gil";
        QTest::newRow("switch zero") << run({"--switch-interval-ms", "0"}) << "--switch-interval-ms";
        QTest::newRow("switch huge") << run({"--switch-interval-ms", "5000"}) << "--switch-interval-ms";
        QTest::newRow("time scale zero") << run({"--time-scale", "0"}) << "--time-scale";
        QTest::newRow("time scale nan") << run({"--time-scale", "nan"}) << "--time-scale";
        QTest::newRow("time scale negative") << run({"--time-scale", "-1"}) << "--time-scale";
        QTest::newRow("seed negative") << run({"--seed", "-3"}) << "--seed";
        QTest::newRow("seed text") << run({"--seed", "abc"}) << "--seed";
        QTest::newRow("twice") << run({"--workers", "2", "--workers", "3"}) << "more than once";
        QTest::newRow("engine unknown") << run({"--engine", "pypy"})
                                        << "--engine must be model, cpython or native, got \"pypy\"";
        QTest::newRow("engine twice") << run({"--engine", "model,cpython,model"}) << "--engine names \"model\" twice";
        QTest::newRow("engine list unknown") << run({"--engine", "model,pypy"})
                                             << "--engine must be model, cpython or native, got \"model,pypy\"";
        QTest::newRow("engine list empty entry") << run({"--engine", "model,"}) << "--engine must be";
        QTest::newRow("engines with gil") << run({"--engine", "model,native", "--gil", "on"})
                                          << "--gil cannot be used with more than one engine (--engine model,native)";
        QTest::newRow("engines without python")
            << run({"--engine", "model,cpython", "--python", "/nonexistent/python3"})
            << "Python interpreter /nonexistent/python3: no such file";
        QTest::newRow("engine contradicts gil")
            << run({"--engine", "cpython", "--gil", "off"}) << "--engine cpython contradicts --gil off";
        QTest::newRow("model without the gil") << run({"--engine", "model", "--gil", "off"})
                                               << "--engine model contradicts --gil off";
        QTest::newRow("native with the gil")
            << run({"--engine", "native", "--gil", "on"}) << "--engine native contradicts --gil on";
        QTest::newRow("python missing") << run({"--engine", "cpython", "--python", "/nonexistent/python3"})
                                        << "Python interpreter /nonexistent/python3: no such file";
        QTest::newRow("python not a program")
            << run({"--python", "/etc"}) << "Python interpreter /etc: not an executable program";
        QTest::newRow("python empty") << run({"--python", ""}) << "--python needs a path";
        QTest::newRow("start method unknown") << run({"--engine", "cpython", "--start-method", "vfork"})
                                              << "--start-method must be fork, spawn or forkserver, got \"vfork\"";
        QTest::newRow("engine without run")
            << QStringList {QStringLiteral("--engine"), QStringLiteral("cpython")} << "--run";
        QTest::newRow("unknown variant") << run({"--variant", "nope"}) << "nope";
        QTest::newRow("repeat zero") << run({"--repeat", "0"}) << "--repeat must be a whole number from 1 to 20, got \"0\"";
        QTest::newRow("repeat too many") << run({"--repeat", "21"}) << "--repeat";
        QTest::newRow("repeat text") << run({"--repeat", "three"}) << "three";
        QTest::newRow("repeat twice") << run({"--repeat", "2", "--repeat", "3"}) << "more than once";
        QTest::newRow("repeat without run") << QStringList {QStringLiteral("--repeat"), QStringLiteral("2")} << "--run";
        QTest::newRow("run option without run") << QStringList {QStringLiteral("--workers"), QStringLiteral("2")}
                                                << "--run";
        QTest::newRow("list and run") << QStringList {QStringLiteral("--list"), QStringLiteral("--run"),
                                                      QStringLiteral("io-bound")}
                                      << "--list";
        QTest::newRow("list and calibrate") << QStringList {QStringLiteral("--list"), QStringLiteral("--calibrate")}
                                            << "--calibrate";
        QTest::newRow("calibrate with a run option") << QStringList {QStringLiteral("--calibrate"), QStringLiteral("--workers"),
                                                                     QStringLiteral("2")}
                                                     << "--run";
        QTest::newRow("missing file") << QStringList {QStringLiteral("--scenario-file"),
                                                      QStringLiteral("/nonexistent/x.json"), QStringLiteral("--list")}
                                      << "/nonexistent/x.json";
    }
    void badUsageExitsWithTwo()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Outcome o = runApp(args);
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(isOneLine(o.err), qPrintable(o.err));
        QVERIFY2(o.err.contains(mentions), qPrintable(o.err));
        QVERIFY2(o.out.isEmpty(), qPrintable(o.out)); // nothing ran
    }

    void malformedScenarioFilesExitWithTwo_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(THREADLAB_TEST_DATA "/malformed"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 40);
        for (const QString& f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
        QTest::newRow("a directory") << QStringLiteral(THREADLAB_TEST_DATA "/malformed");
    }
    void malformedScenarioFilesExitWithTwo()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QString, path);
        const Outcome o = runApp({QStringLiteral("--scenario-file"), path, QStringLiteral("--run"),
                                  QStringLiteral("whatever")});
        QCOMPARE(o.exitCode, 2);
        QVERIFY2(isOneLine(o.err), qPrintable(o.err));
        QVERIFY2(o.err.startsWith(path), qPrintable(o.err));
        QVERIFY(o.out.isEmpty());
    }

    void runsATeachersFile()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const QString path = QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json");
        const Outcome list = runApp({QStringLiteral("--scenario-file"), path, QStringLiteral("--list")});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), ScenarioCatalog::builtinIds().size() + 1);
        // The way a desktop opens a lesson: the file as the one argument.
        const Outcome asArgument = runApp({path, QStringLiteral("--list")});
        QCOMPARE(asArgument.exitCode, 0);
        QCOMPARE(asArgument.out, list.out);
    }

    void aFileArgumentOpensInTheWindow()
    {
        QString error;
        const QString path = QStringLiteral("lesson.threadlab.json");
        const auto o = CommandLine::parse({QStringLiteral("threadlab"), path}, &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QCOMPARE(o->action, CliOptions::Action::Gui);
        QCOMPARE(o->scenarioFile, path);
    }

    void summaryResultsAndTrace()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString results = dir.filePath(QStringLiteral("r.json"));
        const QString trace = dir.filePath(QStringLiteral("t.json"));
        const QString csv = dir.filePath(QStringLiteral("r.csv"));
        const Outcome o = runApp({QStringLiteral("--run"), QStringLiteral("queue-ipc"), QStringLiteral("--time-scale"),
                                  QStringLiteral("0.05"), QStringLiteral("--results"), results,
                                  QStringLiteral("--export-trace"), trace, QStringLiteral("--export-csv"), csv});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY(o.out.contains(QStringLiteral("processes + queue")));
        QVERIFY(o.out.contains(QStringLiteral("speedup")));
        QVERIFY(o.out.contains(QStringLiteral("parent's list: [")));

        QFile rf(results);
        QVERIFY(rf.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(rf.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("scenario")).toString(), QStringLiteral("queue-ipc"));
        // Python mode says which CPython costs the model charged.
        const QString costsFrom = root.value(QStringLiteral("model_costs")).toObject().value(QStringLiteral("source")).toString();
        QVERIFY2(costsFrom == QStringLiteral("measured") || costsFrom == QStringLiteral("development machine"),
                 qPrintable(costsFrom));
        QVERIFY(o.out.contains(QStringLiteral("Model costs, ")));
        const QJsonArray variants = root.value(QStringLiteral("variants")).toArray();
        QVERIFY(!variants.isEmpty());
        for (const QJsonValue& vv : variants) {
            const QJsonObject v = vv.toObject();
            for (const char* key : {"name", "mode", "gil", "elapsed_ms", "workers", "observations"})
                QVERIFY2(v.contains(QLatin1String(key)), key);
            for (const QJsonValue& wv : v.value(QStringLiteral("workers")).toArray()) {
                const QJsonObject w = wv.toObject();
                for (const char* key : {"name", "kind", "daemon", "outcome", "start_latency_us", "intervals", "output"})
                    QVERIFY2(w.contains(QLatin1String(key)), key);
                const QString kind = w.value(QStringLiteral("kind")).toString();
                QVERIFY(kind == QLatin1String("thread") || kind == QLatin1String("process") || kind == QLatin1String("main"));
                for (const QJsonValue& iv : w.value(QStringLiteral("intervals")).toArray()) {
                    const QJsonObject i = iv.toObject();
                    QVERIFY(i.contains(QStringLiteral("state")));
                    QVERIFY(i.value(QStringLiteral("end_ms")).toDouble() >= i.value(QStringLiteral("start_ms")).toDouble());
                }
            }
        }

        QFile tf(trace);
        QVERIFY(tf.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(tf.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        int slices = 0, threadNames = 0, processNames = 0, instants = 0;
        QSet<QPair<int, int>> tids;
        for (const QJsonValue& ev : doc.object().value(QStringLiteral("traceEvents")).toArray()) {
            const QJsonObject e = ev.toObject();
            const QString ph = e.value(QStringLiteral("ph")).toString();
            QVERIFY(e.contains(QStringLiteral("pid")) && e.contains(QStringLiteral("tid")));
            if (ph == QLatin1String("X")) {
                ++slices;
                QVERIFY(e.contains(QStringLiteral("ts")) && e.contains(QStringLiteral("dur")));
                tids.insert({e.value(QStringLiteral("pid")).toInt(), e.value(QStringLiteral("tid")).toInt()});
            } else if (ph == QLatin1String("M")) {
                threadNames += e.value(QStringLiteral("name")).toString() == QLatin1String("thread_name");
                processNames += e.value(QStringLiteral("name")).toString() == QLatin1String("process_name");
            } else if (ph == QLatin1String("i")) {
                ++instants;
            }
        }
        QVERIFY(slices > 0);
        QVERIFY(threadNames >= tids.size());
        QCOMPARE(processNames, int(variants.size()));
        QVERIFY(instants >= 8); // output lines and queue put/get

        QFile cf(csv);
        QVERIFY(cf.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = cf.readAll().split('\n');
        QVERIFY(rows.first().startsWith("scenario,variant,mode,gil,elapsed_ms"));
    }

    // --calibrate measures the platform's python3 again and says where the figures are kept.
    void calibratePrintsTheFiguresAndTheCache()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        if (PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine (make test installs it)");
        const Outcome o = runApp({QStringLiteral("--calibrate")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.out.contains(QStringLiteral("\"process_boot_us\"")), qPrintable(o.out));
        QVERIFY(o.out.contains(QStringLiteral("\"spawn\"")));
        const qsizetype at = o.out.indexOf(QStringLiteral("Cached in "));
        QVERIFY2(at >= 0, qPrintable(o.out));
        QVERIFY(QFileInfo::exists(o.out.mid(at + 10).trimmed()));
    }

    void unwritableExportFailsTheRun()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const Outcome o = runApp({QStringLiteral("--run"), QStringLiteral("memory-isolation"), QStringLiteral("--time-scale"),
                                  QStringLiteral("0.02"), QStringLiteral("--results"),
                                  QStringLiteral("/nonexistent-dir/r.json")});
        QCOMPARE(o.exitCode, 3);
        QVERIFY(o.err.contains(QStringLiteral("/nonexistent-dir/r.json")));
    }

    // Ctrl+C mid-run: the run is cancelled, children end, exit status 3.
    void sigintCancelsTheRun()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QProcess p;
        QList<pid_t> children;
        startWithTwoChildren(p, children);
        if (QTest::currentTestFailed())
            return;
        const auto pid = static_cast<pid_t>(p.processId());
        ::kill(pid, SIGINT);
        QVERIFY(p.waitForFinished(10'000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 3);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("cancelled")));
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("cancelled")));
        for (const pid_t child : children)
            QVERIFY(!ProcFs::alive(child));
    }

    // threadlab killed outright: its children notice and leave (they watch their parent every
    // second; how soon they went is reported, not asserted).
    void childrenDieWithTheirParent()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QProcess p;
        QList<pid_t> children;
        startWithTwoChildren(p, children);
        if (QTest::currentTestFailed())
            return;
        const auto pid = static_cast<pid_t>(p.processId());
        QElapsedTimer clock;
        clock.start();
        ::kill(pid, SIGKILL);
        QVERIFY(p.waitForFinished(5'000));
        auto anyAlive = [&children] {
            return std::any_of(children.begin(), children.end(), [](pid_t c) { return ProcFs::alive(c); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(!anyAlive(), 5'000);
        qInfo("children gone %lld ms after their parent was killed", static_cast<long long>(clock.elapsed()));
    }

    // A value's name in the help is the text it was written as, not its UTF-8 bytes read as
    // Latin-1 ("native[,â¦]").
    void helpSpellsValueNamesAsWritten()
    {
        QVERIFY(CommandLine::helpText().contains(QStringLiteral("--engine <model|cpython|native[,\u2026]>")));
    }

    // Every export the command line offers comes from the table: its option is in the help with
    // its file suffix, and parsing it asks for that kind (and pictures need the GUI part).
    void exportOptionsComeFromTheTable_data()
    {
        QTest::addColumn<int>("index");
        int i = 0;
        for (const ExportKind& kind : ExportKind::all()) {
            if (kind.onCommandLine())
                QTest::newRow(kind.option) << i;
            ++i;
        }
    }
    void exportOptionsComeFromTheTable()
    {
        QFETCH(int, index);
        const ExportKind& kind = ExportKind::all()[static_cast<std::size_t>(index)];
        const QString option = QStringLiteral("--") + kind.optionName();
        QVERIFY(CommandLine::helpText().contains(option + QStringLiteral(" <FILE.") + kind.suffix() + QLatin1Char('>')));
        const QString path = QStringLiteral("out.") + kind.suffix();
        QString error;
        const auto o = CommandLine::parse({QStringLiteral("threadlab"), QStringLiteral("--run"), QStringLiteral("io-bound"),
                                           option, path},
                                          &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QCOMPARE(o->exports.size(), std::size_t(1));
        QCOMPARE(o->exports.front().kind, &kind);
        QCOMPARE(o->exportPath(kind), path);
        QCOMPARE(o->wantsPictures(), kind.isPicture());
        QVERIFY(!CommandLine::parse({QStringLiteral("threadlab"), option, path}, &error));
        QVERIFY2(error.contains(QLatin1String("--run")), qPrintable(error));
    }

    void parseFillsSettings()
    {
        QString error;
        const auto o = CommandLine::parse({QStringLiteral("threadlab"), QStringLiteral("--run"), QStringLiteral("cpu-bound"),
                                           QStringLiteral("--workers"), QStringLiteral("8"), QStringLiteral("--gil"),
                                           QStringLiteral("off"), QStringLiteral("--switch-interval-ms"), QStringLiteral("2"),
                                           QStringLiteral("--time-scale"), QStringLiteral("1"), QStringLiteral("--seed"),
                                           QStringLiteral("42"), QStringLiteral("--variant"), QStringLiteral("a"),
                                           QStringLiteral("--variant"), QStringLiteral("b")},
                                          &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QCOMPARE(o->action, CliOptions::Action::Run);
        QCOMPARE(o->runId, QStringLiteral("cpu-bound"));
        QCOMPARE(o->settings.workers, 8);
        QCOMPARE(o->settings.gil, false);
        QCOMPARE(o->settings.switchIntervalMs, 2);
        QCOMPARE(o->settings.timeScale, 1.0);
        QCOMPARE(o->settings.seed, quint64(42));
        QCOMPARE(o->settings.variants, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(o->repeat, 1);
        const auto repeated = CommandLine::parse({QStringLiteral("threadlab"), QStringLiteral("--run"),
                                                  QStringLiteral("cpu-bound"), QStringLiteral("--repeat"),
                                                  QStringLiteral("5")},
                                                 &error);
        QVERIFY2(repeated.has_value(), qPrintable(error));
        QCOMPARE(repeated->repeat, 5);
    }

    void parseChoosesTheEngine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("engine");
        QTest::addColumn<bool>("gil");
        QTest::newRow("default") << QStringList {} << int(EngineKind::Model) << true;
        QTest::newRow("gil on") << QStringList {QStringLiteral("--gil"), QStringLiteral("on")} << int(EngineKind::Model)
                                << true;
        QTest::newRow("gil off") << QStringList {QStringLiteral("--gil"), QStringLiteral("off")}
                                 << int(EngineKind::Native) << false;
        QTest::newRow("model") << QStringList {QStringLiteral("--engine"), QStringLiteral("model")}
                               << int(EngineKind::Model) << true;
        QTest::newRow("native") << QStringList {QStringLiteral("--engine"), QStringLiteral("native")}
                                << int(EngineKind::Native) << false;
        QTest::newRow("cpython") << QStringList {QStringLiteral("--engine"), QStringLiteral("cpython")}
                                 << int(EngineKind::CPython) << true;
        QTest::newRow("cpython, gil on") << QStringList {QStringLiteral("--engine"), QStringLiteral("CPython"),
                                                         QStringLiteral("--gil"), QStringLiteral("on")}
                                         << int(EngineKind::CPython) << true;
    }

    void parseChoosesTheEngine()
    {
        QFETCH(QStringList, args);
        QFETCH(int, engine);
        QFETCH(bool, gil);
        QString error;
        const auto o = CommandLine::parse(QStringList {QStringLiteral("threadlab"), QStringLiteral("--run"),
                                                       QStringLiteral("cpu-bound"), QStringLiteral("--python"),
                                                       QStringLiteral("/opt/py/bin/python3"),
                                                       QStringLiteral("--start-method"), QStringLiteral("spawn")}
                                              + args,
                                          &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        QCOMPARE(int(o->settings.engine), engine);
        QCOMPARE(o->settings.gil, gil);
        QCOMPARE(o->settings.python, QStringLiteral("/opt/py/bin/python3"));
        QCOMPARE(o->settings.startMethod, QStringLiteral("spawn"));
    }

    // A run in real CPython: the table names the engine and the results carry it and the
    // interpreter it ran in.
    void cpythonRunNamesItsEngine()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        if (PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine: the CPython engine cannot run");
        QTemporaryDir dir;
        const QString results = dir.filePath(QStringLiteral("r.json"));
        const Outcome o = runApp({QStringLiteral("--run"), QStringLiteral("memory-isolation"),
                                  QStringLiteral("--engine"), QStringLiteral("cpython"), QStringLiteral("--time-scale"),
                                  QStringLiteral("0.05"), QStringLiteral("--results"), results});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.contains(QLatin1String("engine cpython: Python 3.")), qPrintable(o.out));
        QFile f(results);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject python = root.value(QLatin1String("python")).toObject();
        QCOMPARE(python.value(QLatin1String("path")).toString(), PythonInterpreter::defaultPath());
        QVERIFY(python.value(QLatin1String("version")).toString().startsWith(QLatin1String("3.")));
        QVERIFY(python.value(QLatin1String("gil_enabled")).isBool());
        QVERIFY(!python.value(QLatin1String("start_method")).toString().isEmpty());
        QCOMPARE(python.value(QLatin1String("switch_interval_ms")).toDouble(), 5.0);
        for (const QJsonValue& v : root.value(QLatin1String("variants")).toArray()) {
            QCOMPARE(v.toObject().value(QLatin1String("engine")).toString(), QStringLiteral("cpython"));
            QVERIFY(v.toObject().value(QLatin1String("python_loop_iterations_per_ms")).toDouble() > 0);
        }
    }

    void parseReadsSeveralEngines()
    {
        QString error;
        const auto o = CommandLine::parse({QStringLiteral("threadlab"), QStringLiteral("--run"), QStringLiteral("cpu-bound"),
                                           QStringLiteral("--engine"), QStringLiteral("cpython,Model,native")},
                                          &error);
        QVERIFY2(o.has_value(), qPrintable(error));
        const std::vector<EngineKind> engines {EngineKind::CPython, EngineKind::Model, EngineKind::Native};
        QVERIFY(o->settings.engines == engines);
        QCOMPARE(o->settings.engine, EngineKind::CPython);
    }

    // The model beside real CPython: a table and a verdict per engine, the fidelity of every
    // lesson ratio, and the same in the results JSON.
    void modelBesideCPythonReportsFidelity()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        if (PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine: the CPython engine cannot run");
        QTemporaryDir dir;
        const QString results = dir.filePath(QStringLiteral("r.json"));
        const Outcome o = runApp({QStringLiteral("--run"), QStringLiteral("cpu-bound"), QStringLiteral("--engine"),
                                  QStringLiteral("model,cpython"), QStringLiteral("--time-scale"), QStringLiteral("0.02"),
                                  QStringLiteral("--results"), results});
        QCOMPARE(o.exitCode, 0);
        QVERIFY2(o.out.contains(QLatin1String("Engine model:\n")), qPrintable(o.out));
        QVERIFY2(o.out.contains(QLatin1String("Engine CPython:\n")), qPrintable(o.out));
        QVERIFY2(o.out.contains(QLatin1String("engine cpython: Python 3.")), qPrintable(o.out));
        const QRegularExpression fidelity(QStringLiteral("\n  4 threads / 1 thread   model [0-9.]+×   CPython [0-9.]+×   "
                                                         "difference [+-][0-9.]+\n"));
        QVERIFY2(fidelity.match(o.out).hasMatch(), qPrintable(o.out));
        QVERIFY2(o.out.contains(QLatin1String("\n  2 processes / 1 thread ")), qPrintable(o.out));
        QFile f(results);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray variants = root.value(QLatin1String("variants")).toArray();
        QCOMPARE(variants.size(), 6);
        int cpython = 0;
        for (const QJsonValue& v : variants)
            cpython += v.toObject().value(QLatin1String("engine")).toString() == QLatin1String("cpython");
        QCOMPARE(cpython, 3);
        const QJsonArray lines = root.value(QLatin1String("fidelity")).toArray();
        QCOMPARE(lines.size(), 2);
        for (const QJsonValue& line : lines) {
            const QJsonObject l = line.toObject();
            QVERIFY(l.value(QLatin1String("model")).toDouble() > 0);
            QVERIFY(l.value(QLatin1String("cpython")).toDouble() > 0);
            QVERIFY(qAbs(l.value(QLatin1String("difference")).toDouble()
                         - (l.value(QLatin1String("model")).toDouble() - l.value(QLatin1String("cpython")).toDouble()))
                    < 0.002);
        }
        QCOMPARE(root.value(QLatin1String("lessons")).toArray().size(), 2);
        QVERIFY(root.value(QLatin1String("python")).isObject());
    }

    // A run in the model keeps its results as they were: no engine or python keys.
    void modelResultsKeepTheirForm()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        const QString results = dir.filePath(QStringLiteral("r.json"));
        const Outcome o =
            runApp({QStringLiteral("--run"), QStringLiteral("memory-isolation"), QStringLiteral("--time-scale"),
                    QStringLiteral("0.05"), QStringLiteral("--results"), results});
        QCOMPARE(o.exitCode, 0);
        QFile f(results);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(!root.contains(QLatin1String("python")));
        QVERIFY(!root.value(QLatin1String("variants")).toArray().first().toObject().contains(QLatin1String("engine")));
    }

    // --repeat 2 of race-condition, as a teacher's file that adds a check no run can pass: the
    // medians and spread in the table and the results, and a lesson that does not hold is
    // reported, not a failure (exit 0).
    void repeatReportsMediansAndTheLesson()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile builtin(QStringLiteral(":/scenarios/race-condition.json"));
        QVERIFY(builtin.open(QIODevice::ReadOnly));
        QJsonObject scenario = QJsonDocument::fromJson(builtin.readAll()).object();
        QJsonObject lesson = scenario.value(QStringLiteral("lesson")).toObject();
        QJsonArray checks = lesson.value(QStringLiteral("checks")).toArray();
        checks.append(QJsonObject {{QStringLiteral("kind"), QStringLiteral("observation")},
                                   {QStringLiteral("variant"), QStringLiteral("with a lock")},
                                   {QStringLiteral("observation"), QStringLiteral("updates-lost")},
                                   {QStringLiteral("atLeast"), 1},
                                   {QStringLiteral("text"), QStringLiteral("with a lock, {value} updates were lost")}});
        lesson.insert(QStringLiteral("checks"), checks);
        scenario.insert(QStringLiteral("lesson"), lesson);
        const QString file = dir.filePath(QStringLiteral("race.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(scenario).toJson());
        out.close();

        const QString results = dir.filePath(QStringLiteral("r.json"));
        const Outcome o = runApp({QStringLiteral("--scenario-file"), file, QStringLiteral("--run"),
                                  QStringLiteral("race-condition"), QStringLiteral("--time-scale"), QStringLiteral("0.05"),
                                  QStringLiteral("--repeat"), QStringLiteral("2"), QStringLiteral("--results"), results});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(o.out.contains(QStringLiteral("median of 2 runs (min–max)")), qPrintable(o.out));
        const QStringList lines = o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.contains(QStringLiteral("✗ with a lock, 0 updates were lost")), qPrintable(o.out));
        QVERIFY2(lines.last().startsWith(QStringLiteral("✗ this run did not show the lesson: ")), qPrintable(o.out));
        QVERIFY2(lines.last().contains(QStringLiteral("with a lock, 0 updates were lost")), qPrintable(o.out));
#if defined(Q_OS_LINUX)
        QVERIFY2(lines.last().contains(QStringLiteral("the machine was")), qPrintable(lines.last()));
#endif

        QFile rf(results);
        QVERIFY(rf.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(rf.readAll()).object();
        QCOMPARE(root.value(QStringLiteral("repeat")).toInt(), 2);
        for (const QJsonValue& vv : root.value(QStringLiteral("variants")).toArray()) {
            const QJsonObject v = vv.toObject();
            const QJsonArray runs = v.value(QStringLiteral("elapsed_runs_ms")).toArray();
            QCOMPARE(runs.size(), 2);
            const double median = v.value(QStringLiteral("elapsed_ms")).toDouble();
            const double least = std::min(runs[0].toDouble(), runs[1].toDouble());
            QCOMPARE(median, least); // of two, the lower: a run that happened
            QCOMPARE(v.value(QStringLiteral("elapsed_min_ms")).toDouble(), least);
            QCOMPARE(v.value(QStringLiteral("elapsed_max_ms")).toDouble(), std::max(runs[0].toDouble(), runs[1].toDouble()));
        }
        const QJsonObject verdict = root.value(QStringLiteral("lesson")).toObject();
        QCOMPARE(verdict.value(QStringLiteral("holds")).toBool(true), false);
        const QJsonArray verdictChecks = verdict.value(QStringLiteral("checks")).toArray();
        QCOMPARE(verdictChecks.size(), 3);
        for (const QJsonValue& c : verdictChecks)
            for (const char* key : {"text", "holds", "value"})
                QVERIFY2(c.toObject().contains(QLatin1String(key)), key);
        QCOMPARE(verdictChecks[2].toObject().value(QStringLiteral("value")).toDouble(-1), 0.0);
        QVERIFY(verdict.value(QStringLiteral("cause")).toString().startsWith(QStringLiteral("the machine")));
    }

    // A speedup only for the comparisons the lesson makes: none for daemon (its abandoned run is
    // cut off, not faster), threads against sequential for io-bound.
    void speedupOnlyWhereTheLessonCompares()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString results = dir.filePath(QStringLiteral("daemon.json"));
        Outcome o = runApp({QStringLiteral("--run"), QStringLiteral("daemon"), QStringLiteral("--time-scale"),
                            QStringLiteral("0.02"), QStringLiteral("--results"), results});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        QVERIFY2(!o.out.contains(QStringLiteral("×")), qPrintable(o.out));
        QFile rf(results);
        QVERIFY(rf.open(QIODevice::ReadOnly));
        for (const QJsonValue& v : QJsonDocument::fromJson(rf.readAll()).object().value(QStringLiteral("variants")).toArray())
            QVERIFY(!v.toObject().contains(QStringLiteral("speedup")));

        o = runApp({QStringLiteral("--run"), QStringLiteral("io-bound"), QStringLiteral("--time-scale"), QStringLiteral("0.02")});
        QVERIFY2(o.exitCode == 0, qPrintable(o.err));
        const QStringList lines = o.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 3 && lines[2].startsWith(QStringLiteral("sequential")) && lines[2].contains(QStringLiteral("1.00×")),
                 qPrintable(o.out));
        QVERIFY2(lines[3].startsWith(QStringLiteral("threads")) && lines[3].contains(QStringLiteral("×")), qPrintable(o.out));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
