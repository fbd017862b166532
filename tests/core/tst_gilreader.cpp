#include "engine/eventlog.h"
#include "engine/gilholders.h"
#include "python/gilobserver.h"
#include "python/gilreader.h"
#include "python/gilsampler.h"
#include "python/pythoninterpreter.h"
#include "support/sanitizers.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <mutex>
#include <set>
#include <vector>

using namespace ThreadLab;

namespace {

// Two CPU-bound threads take turns at the GIL while main waits on stdin (without the GIL).
// The first line names the two threads' native ids, then main's.
const char* twoSpinners = R"(
import sys, threading
sys.setswitchinterval(0.005)
stop = threading.Event()
def spin():
    x = 0
    while not stop.is_set():
        x += 1
threads = [threading.Thread(target=spin) for _ in range(2)]
for t in threads:
    t.start()
print(threads[0].native_id, threads[1].native_id, threading.get_native_id(), flush=True)
sys.stdin.read()
stop.set()
for t in threads:
    t.join()
)";

} // namespace

// Every CPython this machine has that GilReader knows (3.11 to 3.13): the platform's python3 and,
// where they are installed, /usr/bin/python3.N and pyenv's builds. Debian 12 has 3.11 only.
std::vector<PythonInterpreter> interpretersHere()
{
    QStringList paths {PythonInterpreter::defaultPath()};
    for (int minor = 11; minor <= 13; ++minor)
        paths << QStringLiteral("/usr/bin/python3.%1").arg(minor);
    const QString pyenv = qEnvironmentVariable("PYENV_ROOT", QDir::homePath() + QStringLiteral("/.pyenv"));
    const QDir versions(pyenv + QStringLiteral("/versions"));
    for (const QString& version : versions.entryList({QStringLiteral("3.1*")}, QDir::Dirs))
        paths << versions.filePath(version + QStringLiteral("/bin/python3"));
    std::vector<PythonInterpreter> found;
    std::set<QString> versionsSeen;
    for (const QString& path : paths) {
        if (!QFileInfo(path).isExecutable())
            continue;
        PythonInterpreter python = PythonInterpreter::probe(path);
        const QString version = QStringLiteral("%1.%2").arg(python.majorVersion()).arg(python.minorVersion());
        if (python.usable() && python.majorVersion() == 3 && python.minorVersion() >= 11 && python.minorVersion() <= 13
            && versionsSeen.insert(version).second)
            found.push_back(python);
    }
    return found;
}

// Skips where there is nothing to read (no CPython 3.11 to 3.13, or ThreadSanitizer, which cannot
// follow QProcess), else starts the two spinners.
#define START_SPINNERS_OR_SKIP(interpreter, python, spinners)                                          \
    do {                                                                                                \
        SKIP_IF_SPAWNING_UNDER_TSAN();                                                                  \
        if (!(interpreter).usable() || (interpreter).minorVersion() < 11 || (interpreter).minorVersion() > 13) \
            QSKIP("GIL reading is for CPython 3.11 to 3.13, and this machine's python3 is none of them"); \
        QVERIFY(startSpinners(interpreter, python, spinners));                                          \
    } while (false)

class TestGilReader : public QObject
{
    Q_OBJECT

private:
    PythonInterpreter m_python;

    static bool startSpinners(const PythonInterpreter& interpreter, QProcess& python, std::set<std::uint64_t>& spinners)
    {
        python.start(interpreter.path(), {QStringLiteral("-I"), QStringLiteral("-c"), QString::fromLatin1(twoSpinners)});
        if (!python.waitForStarted() || !python.waitForReadyRead(10000))
            return false;
        const QList<QByteArray> ids = python.readLine().trimmed().split(' ');
        spinners = {ids.value(0).toULongLong(), ids.value(1).toULongLong()};
        return ids.size() == 3;
    }

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(THREADLAB_UNDER_TSAN) // LLVM 14's ThreadSanitizer cannot follow QProcess: nothing to read
        m_python = PythonInterpreter::probe();
#endif
    }

    void findsTheRuntimeSymbolOfTheInterpreter()
    {
        if (!m_python.usable())
            QSKIP("no usable python3 here (make test installs it)");
        QString error;
        const std::uint64_t value = GilReader::dynamicSymbol(m_python.path(), "_PyRuntime", &error);
        if (value == 0 && (m_python.minorVersion() < 11 || m_python.minorVersion() > 13))
            QSKIP("this python3 is not a 3.11 to 3.13 build with _PyRuntime exported");
        QVERIFY2(value != 0, qPrintable(error));
        QVERIFY(GilReader::dynamicSymbol(m_python.path(), "ThreadLabNoSuchSymbol", &error) == 0);
        QVERIFY2(error.contains(QStringLiteral("has no ThreadLabNoSuchSymbol symbol")), qPrintable(error));
    }

    void refusesWhatIsNotAnElfFile()
    {
        QTemporaryFile text;
        QVERIFY(text.open());
        text.write("#!/bin/sh\necho hello\n");
        text.close();
        QString error;
        QCOMPARE(GilReader::dynamicSymbol(text.fileName(), "_PyRuntime", &error), std::uint64_t(0));
        QVERIFY2(error.contains(QStringLiteral("not a 64-bit ELF file")) && error.contains(text.fileName()), qPrintable(error));
        QCOMPARE(GilReader::dynamicSymbol(QStringLiteral("/nonexistent/python"), "_PyRuntime", &error), std::uint64_t(0));
        QVERIFY2(error.contains(QStringLiteral("cannot be read")), qPrintable(error));
    }

    // In each version it knows (the rows this machine can run).
    void seesTwoThreadsTakeTurnsAndCountsEveryHandOver_data()
    {
        QTest::addColumn<QString>("path");
        std::vector<PythonInterpreter> found;
#if !defined(THREADLAB_UNDER_TSAN)
        found = interpretersHere();
#endif
        for (const PythonInterpreter& python : found)
            QTest::addRow("%d.%d", python.majorVersion(), python.minorVersion()) << python.path();
        if (found.empty())
            QTest::newRow("python3") << QString(); // the platform's: the test says why it skips
    }

    void seesTwoThreadsTakeTurnsAndCountsEveryHandOver()
    {
        QFETCH(QString, path);
        const PythonInterpreter interpreter = path.isEmpty() ? m_python : PythonInterpreter::probe(path);
        QProcess python;
        std::set<std::uint64_t> spinners;
        START_SPINNERS_OR_SKIP(interpreter, python, spinners);
        GilReader reader = GilReader::attach(python.processId(), interpreter.majorVersion(), interpreter.minorVersion());
        QVERIFY2(reader.attached(), qPrintable(reader.error()));
        GilReader::State first;
        QVERIFY2(reader.read(first), qPrintable(reader.error()));
        QCOMPARE(first.intervalUs, std::uint64_t(5000));

        std::set<std::uint64_t> holders;
        GilReader::State s;
        QElapsedTimer clock;
        clock.start();
        int locked = 0;
        std::uint64_t reads = 0;
        const std::uint64_t memoryReadsBefore = reader.memoryReads();
        while (clock.elapsed() < 400) {
            QVERIFY2(reader.read(s), qPrintable(reader.error()));
            ++reads;
            if (s.locked) {
                ++locked;
                holders.insert(s.holderTid);
            }
            QThread::usleep(500);
        }
        // Only the spinners ever hold it (main waits in a read, without the GIL), both of them
        // do, and they passed it back and forth many times (every 5 ms or so).
        QVERIFY(locked > 0);
        QVERIFY2(holders == spinners, qPrintable(QStringLiteral("%1 holders seen").arg(holders.size())));
        QVERIFY2(s.switchNumber > first.switchNumber + 5,
                 qPrintable(QStringLiteral("%1 hand-overs").arg(s.switchNumber - first.switchNumber)));
        // One process_vm_readv a reading, however often the GIL changed hands: only each thread's
        // first hold that a reading saw costs a second one.
        const std::uint64_t memoryReads = reader.memoryReads() - memoryReadsBefore;
        QVERIFY2(memoryReads >= reads && memoryReads <= reads + holders.size(),
                 qPrintable(QStringLiteral("%1 memory reads for %2 readings").arg(memoryReads).arg(reads)));

        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(10000));
        QVERIFY(!reader.read(s));
        QVERIFY2(reader.error().contains(QString::number(reader.pid())), qPrintable(reader.error()));
    }

    void samplerReportsEachTurnInOrder()
    {
        QProcess python;
        std::set<std::uint64_t> spinners;
        START_SPINNERS_OR_SKIP(m_python, python, spinners);
        std::mutex mutex;
        std::vector<GilSampler::Change> changes;
        GilSampler sampler([&](const GilSampler::Change& c) {
            std::lock_guard lock(mutex);
            changes.push_back(c);
        });
        const qint64 pid = python.processId();
        sampler.watch(GilReader::attach(pid, m_python.majorVersion(), m_python.minorVersion()));
        sampler.start();
        QThread::msleep(400);
        sampler.stop();
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(10000));

        QVERIFY(changes.size() >= 2);
        std::set<std::uint64_t> holders;
        std::uint64_t last = 0;
        int seenHandOvers = 0;
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const GilSampler::Change& c = changes[i];
            QCOMPARE(c.pid, pid);
            if (i > 0) {
                QVERIFY(c.tNs >= changes[i - 1].tNs);
                QVERIFY(c.switchNumber >= changes[i - 1].switchNumber);
            }
            if (c.holderTid == 0)
                continue;
            QVERIFY(spinners.count(c.holderTid) == 1);
            holders.insert(c.holderTid);
            seenHandOvers += last != 0 && c.holderTid != last ? 1 : 0;
            last = c.holderTid;
        }
        // Sampling can miss a turn, never invent one: the interpreter's count bounds what was seen.
        const std::uint64_t counted = changes.back().switchNumber - changes.front().switchNumber;
        QVERIFY2(seenHandOvers >= 1 && static_cast<std::uint64_t>(seenHandOvers) <= counted,
                 qPrintable(QStringLiteral("%1 seen, %2 counted").arg(seenHandOvers).arg(counted)));
        QVERIFY(holders == spinners);
        const GilSampler::Stats stats = sampler.stats();
        QVERIFY(stats.ticks > 0 && stats.readings >= stats.ticks && stats.achievedHz() > 0);
        QVERIFY(stats.memoryReads >= stats.readings && stats.skippedTicks >= 0);
        QVERIFY(stats.latenessMeanNs >= 0 && stats.latenessP99Ns >= 0);
        qInfo("%d of %llu hand-overs seen at %.0f Hz (%lld ticks skipped, late by %.0f us on average, %lld us "
              "at p99), sampler %.1f%% of a core, %.2f memory reads a reading",
              seenHandOvers, static_cast<unsigned long long>(counted), stats.achievedHz(),
              static_cast<long long>(stats.skippedTicks), stats.latenessMeanNs / 1000,
              static_cast<long long>(stats.latenessP99Ns / 1000), 100 * stats.coreShare(),
              static_cast<double>(stats.memoryReads) / static_cast<double>(std::max<std::int64_t>(stats.readings, 1)));
    }

    void observerRecordsWhoHoldsTheGilInTheRunsLog()
    {
        QProcess python;
        std::set<std::uint64_t> spinners;
        START_SPINNERS_OR_SKIP(m_python, python, spinners);
        EventLog log(0, true);
        log.addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        for (std::uint64_t tid : spinners)
            log.addLane({QStringLiteral("Thread-%1").arg(log.laneCount()), LaneKind::Thread, false, {}})
                ->setNativeThreadId(static_cast<std::int64_t>(tid));
        GilObserver observer(&log);
        QVERIFY2(observer.observe(python.processId(), m_python.majorVersion(), m_python.minorVersion()),
                 qPrintable(observer.error()));
        QThread::msleep(300);
        observer.stop();
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(10000));

        GilHolders holders;
        for (int i = 0; i < log.laneCount(); ++i)
            holders.addLane(i);
        holders.setObserved(true);
        holders.extend(log);
        std::set<int> lanes;
        for (std::size_t i = 0; i < holders.spanCount(); ++i) {
            lanes.insert(holders.span(i).lane);
            if (i > 0)
                QVERIFY(holders.span(i).startNs >= holders.span(i - 1).endNs);
        }
        QCOMPARE(lanes, (std::set<int>{1, 2}));
        QVERIFY(holders.handOvers() > 5);
        QCOMPARE(GilHolders::appHandOvers(log), holders.handOvers());
    }

    void saysWhyItCannotAttach()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QProcess sleeper;
        sleeper.start(QStringLiteral("sleep"), {QStringLiteral("10")});
        QVERIFY(sleeper.waitForStarted());
        const GilReader notPython = GilReader::attach(sleeper.processId(), 3, 11);
        QVERIFY(!notPython.attached());
        QVERIFY2(notPython.error().contains(QStringLiteral("is not a CPython interpreter")), qPrintable(notPython.error()));
        const GilReader newer = GilReader::attach(sleeper.processId(), 3, 14);
        QVERIFY2(newer.error().contains(QStringLiteral("3.14 is not supported yet")), qPrintable(newer.error()));
        const GilReader older = GilReader::attach(sleeper.processId(), 3, 10);
        QVERIFY2(older.error().contains(QStringLiteral("3.10 is not supported yet")), qPrintable(older.error()));
        sleeper.kill();
        sleeper.waitForFinished();
        const GilReader gone = GilReader::attach(sleeper.processId(), 3, 11);
        QVERIFY(!gone.attached());
    }
};

QTEST_GUILESS_MAIN(TestGilReader)
#include "tst_gilreader.moc"
