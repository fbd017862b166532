#include "tasks/eventsink.h"
#include "tasks/interpreterlock.h"
#include "tasks/interpreterstate.h"
#include "tasks/monoclock.h"
#include "tasks/stoptoken.h"
#include "tasks/taskexecutor.h"
#include "tasks/cpuwork.h"
#include "support/taskspecs.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace ThreadLab;

namespace {

// Records state changes of one thread, as the event log would.
class RecordingSink final : public EventSink
{
public:
    struct Change
    {
        std::int64_t tNs;
        WorkerState state;
    };
    std::vector<Change> changes;
    void state(WorkerState s, std::uint32_t) override { changes.push_back({MonoClock::nowNs(), s}); }
    void output(std::string_view) override { }
    void queuePut(std::int64_t) override { }

    std::vector<std::pair<std::int64_t, std::int64_t>> intervals(WorkerState wanted) const
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        for (std::size_t i = 0; i + 1 < changes.size(); ++i)
            if (changes[i].state == wanted)
                out.emplace_back(changes[i].tNs, changes[i + 1].tNs);
        return out;
    }
};

// Publishes its last state to other threads (the test polls it).
class LatestStateSink final : public EventSink
{
public:
    std::atomic<int> last {-1};
    void state(WorkerState s, std::uint32_t) override { last.store(static_cast<int>(s)); }
    void output(std::string_view) override { }
    void queuePut(std::int64_t) override { }
};

struct Run
{
    std::vector<RecordingSink> sinks;
};

// n threads each running `tasks` through a TaskExecutor on one interpreter.
Run runThreads(bool gil, const std::vector<std::vector<TaskSpec>>& tasksPerThread, StopToken* stop = nullptr)
{
    InterpreterLock lock(gil, 5'000'000);
    InterpreterState memory;
    StopToken ownStop;
    Run run;
    run.sinks.resize(tasksPerThread.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < tasksPerThread.size(); ++i)
        threads.emplace_back([&, i] {
            ExecutionContext ctx;
            ctx.sink = &run.sinks[i];
            ctx.gil = &lock;
            ctx.shared = &memory;
            ctx.stop = stop ? stop : &ownStop;
            ctx.name = "t";
            ctx.name += std::to_string(i);
            ctx.cpuIterationsPerMs = CpuWork::iterationsPerMs();
            TaskExecutor(ctx).runJob(tasksPerThread[i]);
        });
    for (auto& t : threads)
        t.join();
    return run;
}

bool anyOverlap(const Run& run)
{
    for (std::size_t a = 0; a < run.sinks.size(); ++a)
        for (std::size_t b = a + 1; b < run.sinks.size(); ++b)
            for (const auto& x : run.sinks[a].intervals(WorkerState::Running))
                for (const auto& y : run.sinks[b].intervals(WorkerState::Running))
                    if (x.first < y.second && y.first < x.second)
                        return true;
    return false;
}

} // namespace

class TestInterpreterLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withGilNoTwoThreadsRunAtOnce()
    {
        const Run run = runThreads(true, {{cpuTask(120)}, {cpuTask(120)}, {cpuTask(120)}});
        QVERIFY(!anyOverlap(run));
        // They took turns: forced switches gave every thread several slices.
        for (const RecordingSink& s : run.sinks) {
            QVERIFY(s.intervals(WorkerState::Running).size() >= 2);
            QCOMPARE(s.changes.back().state, WorkerState::Finished);
        }
    }

    void withoutGilThreadsRunTogether()
    {
        if (std::thread::hardware_concurrency() < 2)
            QSKIP("needs two cores");
        const Run run = runThreads(false, {{cpuTask(150)}, {cpuTask(150)}});
        QVERIFY(anyOverlap(run));
    }

    // The convoy effect: an I/O-bound thread beside a CPU-bound one waits for the GIL each time
    // its sleep ends.
    void ioThreadWaitsForGilAfterEachSleep()
    {
        std::vector<TaskSpec> io(10, waitTask(2));
        const Run run = runThreads(true, {{cpuTask(200)}, io});
        const auto waits = run.sinks[1].intervals(WorkerState::WaitingGil);
        QVERIFY2(waits.size() >= 5, qPrintable(QString::number(waits.size())));
        QVERIFY(!anyOverlap(run));
    }

    void stopWakesAThreadWaitingForTheGil()
    {
        InterpreterLock lock(true, 5'000'000);
        StopToken stop;
        RecordingSink holderSink;
        LatestStateSink waiterSink;
        int holder = 0;
        int waiter = 0;
        QVERIFY(lock.acquire(holderSink, &holder, &stop));
        bool acquired = true;
        std::thread t([&] { acquired = lock.acquire(waiterSink, &waiter, &stop); });
        QTRY_COMPARE(waiterSink.last.load(), static_cast<int>(WorkerState::WaitingGil));
        stop.request(StopReason::Cancelled);
        t.join();
        QVERIFY(!acquired);
        lock.release(holderSink, WorkerState::Finished);
    }

    void stopTokenSleepWakesEarly()
    {
        StopToken stop;
        std::thread t([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            stop.request(StopReason::Abandoned);
        });
        QVERIFY(!stop.sleepFor(60'000'000'000)); // a minute, cut short
        t.join();
        QCOMPARE(stop.reason(), StopReason::Abandoned);
        stop.request(StopReason::Cancelled); // the first reason stays
        QCOMPARE(stop.reason(), StopReason::Abandoned);
    }

    void cpuWorkIsCheckedAndNotFolded()
    {
        QCOMPARE(CpuWork::sumRange(0, 1000), CpuWork::expectedSum(0, 1000));
        QCOMPARE(CpuWork::sumRange(17, 1'000'017), CpuWork::expectedSum(17, 1'000'017));
        QCOMPARE(CpuWork::expectedSum(5, 5), std::uint64_t(0));
        QVERIFY(CpuWork::iterationsPerMs() > 1000);
    }
};

QTEST_GUILESS_MAIN(TestInterpreterLock)
#include "tst_interpreterlock.moc"
