#include "python/pythoninterpreter.h"

#include <QFile>
#include <QTemporaryDir>
#include "support/sanitizers.h"
#include "support/shellscript.h"

#include <QTest>

using namespace ThreadLab;

class TestPythonInterpreter : public QObject
{
    Q_OBJECT

private:
    static QString script(const QTemporaryDir& dir, const char* name, const QByteArray& body)
    {
        return shellScript(dir, QString::fromLatin1(name), body);
    }

private Q_SLOTS:
    void readsAGoodReport()
    {
        const PythonInterpreter p = PythonInterpreter::fromProbeOutput(
            QStringLiteral("/x/python3"),
            R"({"threadlab_probe": 1, "version": "3.11.2", "major": 3, "minor": 11, "gil": true,
                "start_method": "fork", "switch_interval_ms": 5.0})");
        QVERIFY2(p.usable(), qPrintable(p.error()));
        QCOMPARE(p.version(), QStringLiteral("3.11.2"));
        QCOMPARE(p.minorVersion(), 11);
        QVERIFY(p.gilEnabled());
        QCOMPARE(p.defaultStartMethod(), QStringLiteral("fork"));
        QCOMPARE(p.switchIntervalMs(), 5.0);
    }

    void readsAFreeThreadedReport()
    {
        const PythonInterpreter p = PythonInterpreter::fromProbeOutput(
            QStringLiteral("/x/python3.13t"),
            R"({"threadlab_probe": 1, "version": "3.13.0", "major": 3, "minor": 13, "gil": false,
                "start_method": "forkserver", "switch_interval_ms": 5.0})");
        QVERIFY2(p.usable(), qPrintable(p.error()));
        QVERIFY(!p.gilEnabled());
    }

    void refusesGarbageAndOldPythons_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("problem");
        QTest::newRow("garbage") << QByteArray("hello\n") << QStringLiteral("not its report");
        QTest::newRow("other json") << QByteArray(R"({"version": "3.11.2"})") << QStringLiteral("not its report");
        QTest::newRow("python 2") << QByteArray(R"({"threadlab_probe": 1, "version": "2.7.18", "major": 2, "minor": 7,
            "gil": true, "start_method": "fork", "switch_interval_ms": 5})") << QStringLiteral("needs Python 3.8");
        QTest::newRow("no start method") << QByteArray(R"({"threadlab_probe": 1, "version": "3.11.2", "major": 3,
            "minor": 11, "gil": true, "switch_interval_ms": 5})") << QStringLiteral("not its report");
    }

    void refusesGarbageAndOldPythons()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, problem);
        const PythonInterpreter p = PythonInterpreter::fromProbeOutput(QStringLiteral("/x/python3"), output);
        QVERIFY(!p.usable());
        QVERIFY2(p.error().contains(QStringLiteral("/x/python3")), qPrintable(p.error()));
        QVERIFY2(p.error().contains(problem), qPrintable(p.error()));
        QVERIFY(!p.error().contains(QLatin1Char('\n')));
    }

    void namesWhatIsWrongWithAPath()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("no-python"));
        QVERIFY(PythonInterpreter::probe(missing).error().contains(QStringLiteral("no such file")));
        QVERIFY(PythonInterpreter::probe(dir.path()).error().contains(QStringLiteral("not an executable")));
        const QString failing = script(dir, "failing", "exit 1");
        QVERIFY(PythonInterpreter::probe(failing).error().contains(QStringLiteral("probe failed")));
        const QString chatty = script(dir, "chatty", "echo this is not python");
        QVERIFY(PythonInterpreter::probe(chatty).error().contains(QStringLiteral("not its report")));
        const QString hanging = script(dir, "hanging", "exec sleep 30");
        const PythonInterpreter hung = PythonInterpreter::probe(hanging, 300);
        QVERIFY2(hung.error().contains(QStringLiteral("did not answer")), qPrintable(hung.error()));
        QVERIFY(hung.error().contains(hanging));
    }

    void probesThePlatformsPython()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        if (PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine (make test installs it)");
        const PythonInterpreter p = PythonInterpreter::probe();
        QVERIFY2(p.usable(), qPrintable(p.error()));
        QCOMPARE(p.majorVersion(), 3);
        QVERIFY(p.switchIntervalMs() > 0);
        QVERIFY(!p.defaultStartMethod().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPythonInterpreter)
#include "tst_pythoninterpreter.moc"
