#include "python/cpythoncosts.h"
#include "python/pythoninterpreter.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include "support/sanitizers.h"

#include <QTest>

using namespace ThreadLab;

namespace {

const QByteArray goodReport = R"({"threadlab_calibration": 1, "version": "3.11.2", "default_start_method": "fork",
  "start_methods": {
    "fork": {"process_start_parent_us": 400, "process_boot_us": 1500, "process_exit_us": 450},
    "spawn": {"process_start_parent_us": 2500, "process_boot_us": 45000, "process_exit_us": 6000}},
  "sleep0_us": 70, "thread_start_us": 80, "thread_start_cpu_us": 5200,
  "queue_put_get_us": {"process": 25, "thread": 14}, "mp_queue_create_us": 120})";

QByteArray doctored(const QByteArray& from, const QByteArray& to)
{
    QByteArray out = goodReport;
    out.replace(from, to);
    return out;
}

} // namespace

class TestCPythonCosts : public QObject
{
    Q_OBJECT

private:
    // A stand-in interpreter: it answers PythonInterpreter's probe, and runs whatever "Python
    // program" it is given with sh, so that a test decides what the calibration prints.
    static QString fakePython(const QTemporaryDir& dir)
    {
        const QString path = dir.filePath(QStringLiteral("python3"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write("#!/bin/sh\n"
                "if [ \"$2\" = \"-c\" ]; then\n"
                "  echo '{\"threadlab_probe\": 1, \"version\": \"3.11.2\", \"major\": 3, \"minor\": 11, \"gil\": true,"
                " \"start_method\": \"fork\", \"switch_interval_ms\": 5.0}'\n"
                "  exit 0\n"
                "fi\n"
                "exec sh \"$2\"\n");
        f.close();
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        return path;
    }
    // The calibration the stand-in runs: counts its runs, prints `report`, exits with `code`.
    static QString fakeCalibration(const QTemporaryDir& dir, const QByteArray& report, int code = 0)
    {
        QFile figures(dir.filePath(QStringLiteral("figures.json")));
        if (!figures.open(QIODevice::WriteOnly))
            return {};
        figures.write(report);
        figures.close();
        const QString path = dir.filePath(QStringLiteral("calibrate.py"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral("echo run >> '%1'\ncat '%2'\nexit %3\n")
                    .arg(dir.filePath(QStringLiteral("runs")), figures.fileName())
                    .arg(code)
                    .toUtf8());
        return path;
    }
    static int runs(const QTemporaryDir& dir)
    {
        QFile f(dir.filePath(QStringLiteral("runs")));
        return f.open(QIODevice::ReadOnly) ? static_cast<int>(f.readAll().count('\n')) : 0;
    }

private Q_SLOTS:
    void readsAGoodReport()
    {
        QString error;
        const auto f = CPythonCosts::parse(goodReport, QStringLiteral("/x/python3"), &error);
        QVERIFY2(f, qPrintable(error));
        QCOMPARE(f->version, QStringLiteral("3.11.2"));
        QCOMPARE(f->startMethods.size(), std::size_t(2));
        QCOMPARE(f->startMethods.at(QStringLiteral("spawn")).bootUs, 45000.0);
        QCOMPARE(f->sleep0Us, 70.0);
        QCOMPARE(f->processQueueUs, 25.0);
        // What is cached is what was read.
        const QByteArray again = QJsonDocument(CPythonCosts::figuresJson(*f)).toJson();
        const auto g = CPythonCosts::parse(again, QStringLiteral("cache"), &error);
        QVERIFY2(g, qPrintable(error));
        QCOMPARE(g->startMethods.at(QStringLiteral("fork")).exitUs, 450.0);
        QCOMPARE(g->threadStartCpuUs, 5200.0);
    }

    void refusesBadReports_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("problem");
        QTest::newRow("garbage") << QByteArray("Traceback (most recent call last):\n") << QStringLiteral("not a JSON object");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a JSON object");
        QTest::newRow("another document") << QByteArray(R"({"threadlab_probe": 1})") << QStringLiteral("format 1");
        QTest::newRow("huge") << QByteArray(100 * 1024, ' ') << QStringLiteral("longer than");
        QTest::newRow("no sleep0") << doctored("\"sleep0_us\": 70,", "") << QStringLiteral("missing field 'sleep0_us'");
        QTest::newRow("no version") << doctored("\"version\": \"3.11.2\",", "") << QStringLiteral("'version'");
        QTest::newRow("no boot") << doctored("\"process_boot_us\": 1500,", "") << QStringLiteral("fork: missing field 'process_boot_us'");
        QTest::newRow("no queues") << doctored("\"queue_put_get_us\": {\"process\": 25, \"thread\": 14},", "")
                                   << QStringLiteral("missing field 'process'");
        QTest::newRow("no methods") << doctored("\"start_methods\"", "\"methods\"") << QStringLiteral("'start_methods'");
        QTest::newRow("negative") << doctored("\"sleep0_us\": 70", "\"sleep0_us\": -70") << QStringLiteral("'sleep0_us' is not a believable");
        QTest::newRow("zero") << doctored("\"process_exit_us\": 450", "\"process_exit_us\": 0") << QStringLiteral("'process_exit_us'");
        QTest::newRow("a day") << doctored("\"process_boot_us\": 45000", "\"process_boot_us\": 86400000000")
                               << QStringLiteral("spawn: field 'process_boot_us' is not a believable");
        QTest::newRow("text") << doctored("\"sleep0_us\": 70", "\"sleep0_us\": \"70\"") << QStringLiteral("'sleep0_us'");
        QTest::newRow("unknown method") << doctored("\"spawn\":", "\"vfork\":") << QStringLiteral("unknown start method 'vfork'");
        QTest::newRow("bad default") << doctored("\"default_start_method\": \"fork\"", "\"default_start_method\": \"forkserver\"")
                                     << QStringLiteral("'default_start_method'");
    }

    void refusesBadReports()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, problem);
        QString error;
        QVERIFY(!CPythonCosts::parse(output, QStringLiteral("/x/python3"), &error));
        QVERIFY2(error.contains(QStringLiteral("/x/python3")), qPrintable(error));
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void cachesPerInterpreterAndMeasuresAgainWhenTheKeyChanges()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const PythonInterpreter python = PythonInterpreter::probe(fakePython(dir));
        QVERIFY2(python.usable(), qPrintable(python.error()));
        CPythonCosts::Options options;
        options.scriptPath = fakeCalibration(dir, goodReport);
        options.cacheDir = dir.filePath(QStringLiteral("cache"));

        const CPythonCosts first = CPythonCosts::load(python, options);
        QCOMPARE(first.source(), CPythonCosts::Source::Measured);
        QVERIFY(!first.fromCache());
        QVERIFY(first.cacheFile().startsWith(options.cacheDir));
        QCOMPARE(runs(dir), 1);

        const CPythonCosts hit = CPythonCosts::load(python, options);
        QVERIFY(hit.fromCache());
        QCOMPARE(hit.source(), CPythonCosts::Source::Measured);
        QCOMPARE(hit.figures().sleep0Us, 70.0);
        QCOMPARE(runs(dir), 1);

        // A new calibration program (its modification time is part of the key).
        QFile script(options.scriptPath);
        QVERIFY(script.open(QIODevice::ReadWrite));
        QVERIFY(script.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        script.close();
        QVERIFY(!CPythonCosts::load(python, options).fromCache());
        QCOMPARE(runs(dir), 2);
        QVERIFY(CPythonCosts::load(python, options).fromCache());
        QCOMPARE(runs(dir), 2);

        options.remeasure = true; // threadlab --calibrate
        QVERIFY(!CPythonCosts::load(python, options).fromCache());
        QCOMPARE(runs(dir), 3);
    }

    void measuresAgainOverACorruptCacheAndSaysSo()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const PythonInterpreter python = PythonInterpreter::probe(fakePython(dir));
        CPythonCosts::Options options;
        options.scriptPath = fakeCalibration(dir, goodReport);
        options.cacheDir = dir.filePath(QStringLiteral("cache"));
        const QString file = CPythonCosts::load(python, options).cacheFile();
        QVERIFY(!file.isEmpty());
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"key\": 3, \"figures\": [\x01");
        f.close();

        const CPythonCosts again = CPythonCosts::load(python, options);
        QCOMPARE(runs(dir), 2);
        QCOMPARE(again.source(), CPythonCosts::Source::Measured);
        QVERIFY2(again.note().contains(QStringLiteral("unreadable")), qPrintable(again.note()));
        QVERIFY(again.note().contains(file));
        QVERIFY(CPythonCosts::load(python, options).fromCache()); // and the cache is good again

        // Good figures without the key they were measured under are not trusted either.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(QJsonObject {{QStringLiteral("figures"), CPythonCosts::figuresJson(again.figures())}}).toJson());
        f.close();
        QVERIFY(!CPythonCosts::load(python, options).fromCache());
        QCOMPARE(runs(dir), 3);
    }

    void fallsBackToTheDevelopmentMachineSayingSo()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CPythonCosts::Options options;
        options.cacheDir = dir.filePath(QStringLiteral("cache"));
        const PythonInterpreter none = PythonInterpreter::probe(dir.filePath(QStringLiteral("no-python")));
        const CPythonCosts noPython = CPythonCosts::load(none, options);
        QCOMPARE(noPython.source(), CPythonCosts::Source::DevelopmentMachine);
        QVERIFY(noPython.note().contains(QStringLiteral("no such file")));
        QVERIFY(noPython.summary({}).contains(QStringLiteral("development machine")));
        QCOMPARE(noPython.resultJson({}).value(QStringLiteral("source")).toString(), QStringLiteral("development machine"));
        QVERIFY(noPython.modelCosts({}).processBootNs > 0);

        // A calibration that fails, or prints garbage, is named in one line.
        const PythonInterpreter python = PythonInterpreter::probe(fakePython(dir));
        options.scriptPath = fakeCalibration(dir, goodReport, 1);
        const CPythonCosts failed = CPythonCosts::load(python, options);
        QCOMPARE(failed.source(), CPythonCosts::Source::DevelopmentMachine);
        QVERIFY2(failed.note().contains(python.path()), qPrintable(failed.note()));
        options.scriptPath = fakeCalibration(dir, "not json");
        const CPythonCosts garbage = CPythonCosts::load(python, options);
        QCOMPARE(garbage.source(), CPythonCosts::Source::DevelopmentMachine);
        QVERIFY2(garbage.note().contains(QStringLiteral("not a JSON object")), qPrintable(garbage.note()));
        QVERIFY(!garbage.note().contains(QLatin1Char('\n')));
    }

    void chargesTheRunsStartMethod()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        const PythonInterpreter python = PythonInterpreter::probe(fakePython(dir));
        CPythonCosts::Options options;
        options.scriptPath = fakeCalibration(dir, goodReport);
        options.cacheDir = dir.filePath(QStringLiteral("cache"));
        const CPythonCosts costs = CPythonCosts::load(python, options);
        QCOMPARE(costs.startMethod({}), QStringLiteral("fork"));
        QCOMPARE(costs.modelCosts({}).processBootNs, std::int64_t(1'500'000));
        QCOMPARE(costs.modelCosts(QStringLiteral("spawn")).processBootNs, std::int64_t(45'000'000));
        QCOMPARE(costs.modelCosts(QStringLiteral("spawn")).processExitNs, std::int64_t(6'000'000));
        QCOMPARE(costs.modelCosts({}).sleep0Ns, std::int64_t(70'000));
        QVERIFY(costs.modelCosts({}).threadStartHandOver);
        const QJsonObject json = costs.resultJson(QStringLiteral("spawn"));
        QCOMPARE(json.value(QStringLiteral("source")).toString(), QStringLiteral("measured"));
        QCOMPARE(json.value(QStringLiteral("python")).toString(), python.path());
        QCOMPARE(json.value(QStringLiteral("start_method")).toString(), QStringLiteral("spawn"));
        QCOMPARE(json.value(QStringLiteral("process_boot_us")).toDouble(), 45000.0);
    }

    void measuresThePlatformsPython()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const QString script = QStringLiteral(THREADLAB_BIN_DIR "/threadlab-python/threadlab_calibrate.py");
        if (PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine (make test installs it)");
        QTemporaryDir dir;
        CPythonCosts::Options options;
        options.scriptPath = script;
        options.cacheDir = dir.path();
        const CPythonCosts costs = CPythonCosts::load(PythonInterpreter::probe(), options);
        QVERIFY2(costs.source() == CPythonCosts::Source::Measured, qPrintable(costs.note()));
        QVERIFY(costs.figures().startMethods.count(QStringLiteral("fork")));
        QVERIFY(costs.figures().startMethods.count(QStringLiteral("spawn")));
    }
};

QTEST_GUILESS_MAIN(TestCPythonCosts)
#include "tst_cpythoncosts.moc"
