#include "engine/engine.h"
#include "support/fakeworkerrun.h"
#include "scenario/scenario.h"
#include "support/sanitizers.h"
#include "tasks/settlingsink.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <cstring>
#include <string>
#include <vector>

#if defined(Q_OS_LINUX)
#include <elf.h>
#endif

using namespace ThreadLab;

namespace {

// Writes down what reaches it, for checking what a sink in front of it passes on.
class RecordingSink final : public EventSink
{
public:
    explicit RecordingSink(std::vector<std::string>& log)
        : m_log(log)
    {
    }
    void state(WorkerState s, std::uint32_t arg) override
    {
        m_log.push_back("state " + std::to_string(static_cast<int>(s)) + " " + std::to_string(arg));
    }
    void output(std::string_view line) override { m_log.push_back("output " + std::string(line)); }
    void queuePut(std::int64_t value) override { m_log.push_back("put " + std::to_string(value)); }
    void ownState(const std::vector<std::int64_t>& list, std::int64_t counter) override
    {
        m_log.push_back("own " + std::to_string(list.size()) + " " + std::to_string(counter));
    }
    void aboutToBlock() override { m_log.push_back("block"); }
    void checkpoint() override { m_log.push_back("checkpoint"); }

private:
    std::vector<std::string>& m_log;
};

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
        QTest::newRow("boots an interpreter unasked") << "interpreter-unasked" << "cannot report";
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
        const RunResult r = runWithWorkerProgram(fakeWorkerScenario({QStringLiteral("good"), mode, QStringLiteral("good")}),
                                QStringLiteral(THREADLAB_BIN_DIR "/threadlab-fakeworker"));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& v = r.variants.front();
        QCOMPARE(v.workers.size(), std::size_t(4));
        const WorkerResult& bad = v.workers[2];
        QCOMPARE(bad.name, mode);
        QCOMPARE(bad.outcome, WorkerOutcome::Crashed);
        QVERIFY2(bad.outcomeDetail.contains(detail), qPrintable(bad.outcomeDetail));
        QCOMPARE(bad.failure, WorkerFailure::None); // it started: a crash, not a failure to start
        for (const std::size_t i : {std::size_t(1), std::size_t(3)}) {
            QCOMPARE(v.workers[i].outcome, WorkerOutcome::Finished);
            QCOMPARE(v.workers[i].output.size(), std::size_t(1));
            QCOMPARE(v.workers[i].output.front().text, QStringLiteral("fine"));
        }
        QCOMPARE(v.workers.front().outcome, WorkerOutcome::Finished); // main carried on
    }

    void missingWorkerProgram()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const RunResult r = runWithWorkerProgram(fakeWorkerScenario({QStringLiteral("good")}), QStringLiteral("/nonexistent/threadlab-worker"));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const WorkerResult& w = r.variants.front().workers[1];
        QCOMPARE(w.outcome, WorkerOutcome::Crashed);
        QVERIFY2(w.outcomeDetail.startsWith(QStringLiteral("could not start")), qPrintable(w.outcomeDetail));
        QCOMPARE(w.failure, WorkerFailure::CouldNotStart); // what the command line's exit status 3 reads
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

    // Issue 5: a worker settles in (its name, watching its parent) once, right after its
    // first state is recorded, and everything it reports passes through unchanged.
    void settlingComesRightAfterTheFirstState()
    {
        std::vector<std::string> log;
        RecordingSink inner(log);
        SettlingSink sink(inner, [&log] { log.push_back("settle"); });
        sink.output("hello");
        sink.checkpoint();
        sink.state(WorkerState::WaitingGil);
        sink.state(WorkerState::Running, 7);
        sink.queuePut(-3);
        sink.aboutToBlock();
        sink.ownState({1, 2}, 5);
        sink.settle(); // the end of the job: nothing is left to do
        const std::vector<std::string> expected {"output hello",
                                                 "checkpoint",
                                                 "state " + std::to_string(static_cast<int>(WorkerState::WaitingGil)) + " 0",
                                                 "settle",
                                                 "state " + std::to_string(static_cast<int>(WorkerState::Running)) + " 7",
                                                 "put -3",
                                                 "block",
                                                 "own 2 5"};
        QCOMPARE(log, expected);

        // A job that ends without a state still settles, once, when asked at its end.
        std::vector<std::string> quiet;
        RecordingSink quietInner(quiet);
        SettlingSink quietSink(quietInner, [&quiet] { quiet.push_back("settle"); });
        quietSink.settle();
        quietSink.settle();
        QCOMPARE(quiet, std::vector<std::string> {"settle"});
    }

    // Issue 5: the worker is linked statically, so that no start waits for the dynamic loader
    // (sanitizer builds cannot link it so and keep it dynamic).
    void realWorkerNeedsNoDynamicLoader()
    {
#if !defined(Q_OS_LINUX) || !defined(__x86_64__)
        QSKIP("reads an x86-64 Linux ELF header");
#elif defined(THREADLAB_UNDER_ASAN) || defined(THREADLAB_UNDER_TSAN)
        QSKIP("sanitizer runtimes cannot be linked into a static program");
#else
        QFile f(QStringLiteral(THREADLAB_BIN_DIR "/threadlab-worker"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray elf = f.readAll();
        Elf64_Ehdr header {};
        QVERIFY(static_cast<std::size_t>(elf.size()) >= sizeof header);
        std::memcpy(&header, elf.constData(), sizeof header);
        QVERIFY(std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
        QCOMPARE(header.e_ident[EI_CLASS], ELFCLASS64);
        QVERIFY(header.e_phentsize >= sizeof(Elf64_Phdr));
        QVERIFY2(header.e_phnum > 0, "no program headers: nothing would be checked");
        bool interpreter = false;
        for (int i = 0; i < header.e_phnum; ++i) {
            Elf64_Phdr ph {};
            const std::size_t at = header.e_phoff + std::size_t(i) * header.e_phentsize;
            QVERIFY(at + sizeof ph <= static_cast<std::size_t>(elf.size()));
            std::memcpy(&ph, elf.constData() + at, sizeof ph);
            interpreter = interpreter || ph.p_type == PT_INTERP;
        }
        QVERIFY2(!interpreter, "threadlab-worker names a program interpreter: it is linked dynamically");
#endif
    }
};

QTEST_GUILESS_MAIN(TestProcessWorker)
#include "tst_processworker.moc"
