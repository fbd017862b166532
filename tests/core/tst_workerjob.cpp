#include "wire/workerjob.h"

#include <QTest>

using namespace ThreadLab;

class TestWorkerJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        WorkerJob job;
        job.name = "calc; square=1, %/\n";
        job.number = 7;
        job.gil = false;
        job.switchIntervalNs = 3'000'000;
        job.timeScale = 0.125;
        job.cpuIterationsPerMs = 123456.5;
        job.seed = 18446744073709551615ULL;
        TaskSpec t;
        t.kind = TaskKind::Send;
        t.items = {2, -3, 1'000'000};
        t.op = ItemOp::Cube;
        t.ms = 100;
        t.text = "put {value}; ok, 100%";
        job.tasks.push_back(t);
        TaskSpec c;
        c.kind = TaskKind::Crash;
        c.how = CrashHow::Exit;
        c.exitCode = 3;
        job.tasks.push_back(c);

        std::string error;
        const auto decoded = WorkerJob::decode(job.encode(), &error);
        QVERIFY2(decoded.has_value(), error.c_str());
        QCOMPARE(decoded->name, job.name);
        QCOMPARE(decoded->number, 7);
        QCOMPARE(decoded->gil, false);
        QCOMPARE(decoded->switchIntervalNs, job.switchIntervalNs);
        QCOMPARE(decoded->timeScale, 0.125);
        QCOMPARE(decoded->cpuIterationsPerMs, 123456.5);
        QCOMPARE(decoded->seed, job.seed);
        QCOMPARE(decoded->tasks.size(), std::size_t(2));
        QVERIFY(decoded->tasks[0] == t);
        QVERIFY(decoded->tasks[1] == c);
        QCOMPARE(decoded->bootNs, std::int64_t(0));
        QVERIFY(job.encode().find("boot=") == std::string::npos); // no costs, nothing said
    }

    void carriesThePythonModelsCosts()
    {
        WorkerJob job;
        job.name = "Process-1";
        job.bootNs = 45'000'000;
        job.exitNs = 6'000'000;
        job.sleep0Ns = 70'000;
        std::string error;
        const auto decoded = WorkerJob::decode(job.encode(), &error);
        QVERIFY2(decoded.has_value(), error.c_str());
        QCOMPARE(decoded->bootNs, job.bootNs);
        QCOMPARE(decoded->exitNs, job.exitNs);
        QCOMPARE(decoded->sleep0Ns, job.sleep0Ns);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("wrong version") << "v2;name=a";
        QTest::newRow("no name") << "v1;n=1";
        QTest::newRow("unknown field") << "v1;name=a;program=/bin/sh";
        QTest::newRow("unknown task") << "v1;name=a;t=exec,ms=1";
        QTest::newRow("unknown task field") << "v1;name=a;t=wait,path=/tmp";
        QTest::newRow("duration too long") << "v1;name=a;t=wait,ms=60001";
        QTest::newRow("negative duration") << "v1;name=a;t=wait,ms=-1";
        QTest::newRow("too many increments") << "v1;name=a;t=increment,times=1000001";
        QTest::newRow("item too big") << "v1;name=a;t=send,items=2000000";
        QTest::newRow("exit code") << "v1;name=a;t=crash,how=exit,code=256";
        QTest::newRow("time scale") << "v1;name=a;ts=100";
        QTest::newRow("switch interval") << "v1;name=a;sw=0";
        QTest::newRow("bad escape") << "v1;name=a%G1";
        QTest::newRow("truncated escape") << "v1;name=a%4";
        QTest::newRow("split index") << "v1;name=a;t=cpu,ms=1,parts=2,part=2";
        QTest::newRow("not a number") << "v1;name=a;n=x";
        QTest::newRow("boot of a minute") << "v1;name=a;boot=60000000000";
        QTest::newRow("negative exit") << "v1;name=a;exit=-1";
        QTest::newRow("sleep(0) of a second") << "v1;name=a;s0=1000000000";
        QTest::newRow("a field no longer read (launch)") << "v1;name=a;launch=1";
        QTest::newRow("min > max") << "v1;name=a;t=random-wait,min=5,max=4";
        QString many = "v1;name=a";
        for (int i = 0; i < 33; ++i)
            many += ";t=wait,ms=1";
        QTest::newRow("too many tasks") << many;
        QString items = "v1;name=a;t=send,items=1";
        for (int i = 0; i < 64; ++i)
            items += "/1";
        QTest::newRow("too many items") << items;
    }
    void rejects()
    {
        QFETCH(QString, text);
        std::string error;
        QVERIFY(!WorkerJob::decode(text.toStdString(), &error).has_value());
        QVERIFY(!error.empty());
        QVERIFY(error.find('\n') == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestWorkerJob)
#include "tst_workerjob.moc"
