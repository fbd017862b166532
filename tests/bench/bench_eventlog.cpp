// bench_eventlog: what recording one event costs a worker thread (issue 5: ≤ 30 ns, and with
// 4 threads recording at once no more than 2× that each). Workers record through their
// LaneSink, clock read included, each into its own lane of one EventLog.

#include "engine/eventlog.h"
#include "engine/lanesink.h"
#include "tasks/monoclock.h"

#include <benchmark/benchmark.h>

#include <barrier>
#include <chrono>
#include <cstddef>
#include <memory>

using namespace ThreadLab;

namespace {

// A fresh log every this many events per lane: chunks 0–11 exactly full (256 · (2^12 − 1),
// about 1 M events, 24 MiB a lane), so memory stays bounded however long the benchmark runs
// and a lane is measured as it really grows, chunk allocations included.
constexpr std::size_t kEventsPerLog = std::size_t(256) * ((std::size_t(1) << 12) - 1);

// What the threads of one run share. Setup (before the threads start) and Teardown (after
// they are joined) run on the main thread; in between, thread 0 alone replaces the log, between
// two barrier waits, while the others are held at the barrier.
struct Shared
{
    std::unique_ptr<EventLog> log;
    std::unique_ptr<std::barrier<>> barrier;
    std::size_t retiredBytes = 0;  // memoryBytes() of the logs replaced so far
    std::size_t retiredEvents = 0;
    bool lost = false;             // a replaced lane did not hold exactly kEventsPerLog events
};
Shared g_shared;

std::unique_ptr<EventLog> freshLog(int lanes)
{
    auto log = std::make_unique<EventLog>(std::chrono::steady_clock::now().time_since_epoch().count());
    for (int i = 0; i < lanes; ++i)
        log->addLane({QStringLiteral("Thread-%1").arg(i + 1), LaneKind::Thread, false, {}});
    return log;
}

void setUpLog(const benchmark::State& state)
{
    g_shared.log = freshLog(state.threads());
    g_shared.barrier = std::make_unique<std::barrier<>>(state.threads());
    g_shared.retiredBytes = 0;
    g_shared.retiredEvents = 0;
    g_shared.lost = false;
}

void tearDownLog(const benchmark::State&)
{
    g_shared.log.reset();
    g_shared.barrier.reset();
}

// Every lane of a log holds exactly `expected` events, alternating running / waiting-io, in
// time order.
bool complete(const EventLog& log, std::size_t expected)
{
    for (int i = 0; i < log.laneCount(); ++i) {
        const Lane& lane = *log.lane(i);
        if (lane.size() != expected)
            return false;
        for (std::size_t k = 0; k < expected; ++k) {
            const Event& e = lane.at(k);
            const WorkerState want = k % 2 ? WorkerState::WaitingIo : WorkerState::Running;
            if (e.kind != EventKind::State || e.state != want || (k > 0 && e.tNs < lane.at(k - 1).tNs))
                return false;
        }
    }
    return true;
}

// Anchor: one read of the clock every event carries.
void BM_SteadyClockNow(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(std::chrono::steady_clock::now());
}
BENCHMARK(BM_SteadyClockNow);

// The clock ThreadLab reads (a fenced TSC read where the kernel times with the TSC).
void BM_MonoClockNow(benchmark::State& state)
{
    state.counters["tsc"] = MonoClock::mapping().usesTsc() ? 1 : 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(MonoClock::nowNs());
}
BENCHMARK(BM_MonoClockNow);

// One state event from a worker thread onto its own lane, as TaskExecutor reports it.
void BM_RecordEvent(benchmark::State& state)
{
    const int thread = state.thread_index();
    LaneSink laneSink(g_shared.log->lane(thread));
    EventSink* sink = &laneSink;
    std::size_t inLog = 0;
    std::size_t i = 0;
    for (auto _ : state) {
        if (inLog == kEventsPerLog) {
            // Every thread runs the same number of iterations, so all of them get here together.
            state.PauseTiming();
            g_shared.barrier->arrive_and_wait();
            if (thread == 0) {
                g_shared.lost = g_shared.lost || !complete(*g_shared.log, kEventsPerLog);
                g_shared.retiredBytes += g_shared.log->memoryBytes();
                g_shared.retiredEvents += g_shared.log->eventCount();
                g_shared.log = freshLog(state.threads());
            }
            g_shared.barrier->arrive_and_wait();
            laneSink = LaneSink(g_shared.log->lane(thread));
            inLog = 0;
            state.ResumeTiming();
        }
        sink->state(i++ % 2 ? WorkerState::WaitingIo : WorkerState::Running);
        ++inLog;
    }
    // The loop ends at a barrier of all threads: thread 0 may now read every lane.
    if (thread != 0)
        return;
    if (g_shared.lost || !complete(*g_shared.log, inLog)) {
        state.SkipWithError("a lane lost or reordered events");
        return;
    }
    const std::size_t events = g_shared.retiredEvents + g_shared.log->eventCount();
    const std::size_t bytes = g_shared.retiredBytes + g_shared.log->memoryBytes();
    state.counters["bytesPerEvent"] = static_cast<double>(bytes) / static_cast<double>(events);
    state.counters["lanes"] = state.threads();
    // The Time column divides the threads' mean wall time by the events of all threads. This is
    // the wall time per event as each thread sees it, the figure for the "2× each" target:
    // 1 / mean wall seconds / threads × all events, inverted = seconds per event of one thread.
    state.counters["timePerEventEach"] = benchmark::Counter(
        1, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kAvgThreads
            | benchmark::Counter::kInvert);
}
BENCHMARK(BM_RecordEvent)->Setup(setUpLog)->Teardown(tearDownLog)->UseRealTime()->Threads(1)->Threads(4);

} // namespace

BENCHMARK_MAIN();
