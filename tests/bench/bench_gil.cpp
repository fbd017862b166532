// bench_gil: how the emulated GIL behaves in time (issue 5): the median hold time under
// contention against the switch interval (±10%), how long an I/O-bound thread waits for the
// GIL beside a CPU-bound one (about one interval, ±20%, as in CPython), and that N CPU-bound
// threads under the GIL give no more than 1.05× the work of one. Plain std::threads run
// TaskExecutor jobs on one InterpreterLock, each recording into its own lane.

#include "tasks/cpuwork.h"
#include "engine/eventlog.h"
#include "tasks/interpreterlock.h"
#include "engine/lanesink.h"
#include "tasks/monoclock.h"
#include "tasks/stoptoken.h"
#include "tasks/taskexecutor.h"

#include "support/taskspecs.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace ThreadLab;

namespace {

constexpr std::int64_t kSwitchIntervalNs = 5'000'000; // CPython's default 5 ms
constexpr double kSwitchIntervalMs = static_cast<double>(kSwitchIntervalNs) / 1e6;

struct Job
{
    std::vector<TaskSpec> tasks;
    bool background = false; // stopped as soon as every other job has ended
};

struct GilRun
{
    std::unique_ptr<EventLog> log;          // lane i is job i's
    std::vector<ExecutionResult> results;
    std::int64_t wallNs = 0;                // all jobs released → the last foreground job done
};

// Each job on its own std::thread under one GIL, all released at once, as thread workers run.
GilRun runUnderGil(const std::vector<Job>& jobs)
{
    GilRun run;
    run.log = std::make_unique<EventLog>(MonoClock::nowNs());
    run.results.assign(jobs.size(), ExecutionResult::Failed);
    std::vector<Lane*> lanes;
    std::vector<std::unique_ptr<StopToken>> stops;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        lanes.push_back(run.log->addLane({QStringLiteral("Thread-%1").arg(i + 1), LaneKind::Thread, false, {}}));
        stops.push_back(std::make_unique<StopToken>());
    }
    InterpreterLock gil(true, kSwitchIntervalNs);
    const double iterationsPerMs = CpuWork::iterationsPerMs();
    std::latch go(static_cast<std::ptrdiff_t>(jobs.size()) + 1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        threads.emplace_back([&jobs, &lanes, &stops, &gil, &go, &run, iterationsPerMs, i] {
            LaneSink sink(lanes[i]);
            ExecutionContext ctx;
            ctx.sink = &sink;
            ctx.gil = &gil;
            ctx.stop = stops[i].get();
            ctx.name = "Thread-" + std::to_string(i + 1);
            ctx.number = static_cast<int>(i) + 1;
            ctx.laneId = lanes[i]->id();
            ctx.cpuIterationsPerMs = iterationsPerMs;
            TaskExecutor executor(ctx);
            go.arrive_and_wait();
            run.results[i] = executor.runJob(jobs[i].tasks);
        });
    }
    go.arrive_and_wait();
    const std::int64_t start = MonoClock::nowNs();
    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (!jobs[i].background)
            threads[i].join();
    run.wallNs = MonoClock::nowNs() - start;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (jobs[i].background)
            stops[i]->request(StopReason::Abandoned);
    gil.wakeWaiters();
    for (std::size_t i = 0; i < jobs.size(); ++i)
        if (jobs[i].background)
            threads[i].join();
    return run;
}

struct Interval
{
    WorkerState state = WorkerState::Running;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
    WorkerState next = WorkerState::Running; // the state that ended it
};

std::vector<Interval> intervalsOf(const Lane& lane)
{
    std::vector<Interval> out;
    const std::size_t n = lane.size();
    for (std::size_t k = 0; k + 1 < n; ++k) {
        const Event& a = lane.at(k);
        const Event& b = lane.at(k + 1);
        out.push_back({a.state, a.tNs, b.tNs, b.state});
    }
    return out;
}

// Every foreground job completed, background ones were stopped, and no two threads ran at once.
bool wellFormed(const GilRun& run, const std::vector<Job>& jobs)
{
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const ExecutionResult want = jobs[i].background ? ExecutionResult::Stopped : ExecutionResult::Completed;
        if (run.results[i] != want)
            return false;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> running;
    for (int l = 0; l < run.log->laneCount(); ++l)
        for (const Interval& iv : intervalsOf(*run.log->lane(l)))
            if (iv.state == WorkerState::Running && iv.endNs > iv.startNs)
                running.emplace_back(iv.startNs, iv.endNs);
    std::sort(running.begin(), running.end());
    for (std::size_t i = 1; i < running.size(); ++i)
        if (running[i].first < running[i - 1].second)
            return false;
    return true;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

// (a) 4 CPU-bound threads: how long each holds the GIL before a forced switch takes it away.
void BM_GilHoldTime(benchmark::State& state)
{
    const std::vector<Job> jobs(4, Job {{cpuTask(100)}, false});
    std::vector<double> holdsMs;
    for (auto _ : state) {
        const GilRun run = runUnderGil(jobs);
        state.PauseTiming();
        if (!wellFormed(run, jobs)) {
            state.SkipWithError("a job did not complete, or two threads ran at once under the GIL");
            break;
        }
        // Running intervals ended by a forced switch; a thread's last one (alone, or finishing) is not a hold.
        for (int l = 0; l < run.log->laneCount(); ++l)
            for (const Interval& iv : intervalsOf(*run.log->lane(l)))
                if (iv.state == WorkerState::Running && iv.next == WorkerState::WaitingGil)
                    holdsMs.push_back(static_cast<double>(iv.endNs - iv.startNs) / 1e6);
        state.ResumeTiming();
    }
    if (holdsMs.empty()) {
        state.SkipWithError("no forced switch happened");
        return;
    }
    const double holdMs = median(holdsMs);
    state.counters["holdMedianMs"] = holdMs;
    state.counters["holdPerInterval"] = holdMs / kSwitchIntervalMs;
    state.counters["holds"] = static_cast<double>(holdsMs.size());
}
BENCHMARK(BM_GilHoldTime)->UseRealTime()->Unit(benchmark::kMillisecond);

// (b) An I/O-bound thread (1 ms waits) beside a CPU-bound one: how long it waits for the GIL
// after each wait, from the end of its sleep to running again (0 when the GIL was free).
void BM_GilIoWait(benchmark::State& state)
{
    constexpr int kWaits = 50;
    const std::vector<Job> jobs {
        {{cpuTask(60'000)}, true},
        {std::vector<TaskSpec>(kWaits, waitTask(1)), false},
    };
    std::vector<double> waitsMs;
    for (auto _ : state) {
        const GilRun run = runUnderGil(jobs);
        state.PauseTiming();
        if (!wellFormed(run, jobs)) {
            state.SkipWithError("a job did not end as expected, or two threads ran at once under the GIL");
            break;
        }
        const std::vector<Interval> io = intervalsOf(*run.log->lane(1));
        int sleeps = 0;
        for (std::size_t k = 0; k < io.size(); ++k) {
            if (io[k].state != WorkerState::WaitingIo)
                continue;
            ++sleeps;
            // After the sleep: waiting-for-GIL (if the GIL was held), then running.
            std::size_t r = k + 1;
            while (r < io.size() && io[r].state != WorkerState::Running)
                ++r;
            const std::int64_t runningNs = r < io.size() ? io[r].startNs : io.back().endNs;
            waitsMs.push_back(static_cast<double>(runningNs - io[k].endNs) / 1e6);
        }
        if (sleeps != kWaits) {
            state.SkipWithError("the I/O thread did not sleep as often as asked");
            break;
        }
        state.ResumeTiming();
    }
    if (waitsMs.empty())
        return;
    const double waitMs = median(waitsMs);
    state.counters["gilWaitMedianMs"] = waitMs;
    state.counters["waitPerInterval"] = waitMs / kSwitchIntervalMs;
    state.counters["waits"] = static_cast<double>(waitsMs.size());
}
BENCHMARK(BM_GilIoWait)->UseRealTime()->Unit(benchmark::kMillisecond);

// (c) N CPU-bound threads, 40 ms of work each, under the GIL: work per second against one
// thread doing its 40 ms alone, measured just before (untimed) so both see the same machine
// load; 25 such pairs, the median ratio reported.
void BM_GilThroughput(benchmark::State& state)
{
    constexpr std::int64_t kWorkMs = 40; // short pairs: the host's speed changes less within one
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::vector<Job> one(1, Job {{cpuTask(kWorkMs)}, false});
    const std::vector<Job> many(n, Job {{cpuTask(kWorkMs)}, false});
    std::vector<double> relative;
    std::vector<double> aloneMs;
    std::vector<double> togetherMs;
    for (auto _ : state) {
        state.PauseTiming();
        const GilRun alone = runUnderGil(one);
        state.ResumeTiming();
        const GilRun together = runUnderGil(many);
        state.PauseTiming();
        if (!wellFormed(alone, one) || !wellFormed(together, many)) {
            state.SkipWithError("a job did not complete, or two threads ran at once under the GIL");
            break;
        }
        // (n · work / wall together) / (work / wall alone)
        relative.push_back(static_cast<double>(n) * static_cast<double>(alone.wallNs)
                           / static_cast<double>(together.wallNs));
        aloneMs.push_back(static_cast<double>(alone.wallNs) / 1e6);
        togetherMs.push_back(static_cast<double>(together.wallNs) / 1e6);
        state.ResumeTiming();
    }
    if (relative.empty())
        return;
    const auto iterationsPerJob = static_cast<std::int64_t>(static_cast<double>(kWorkMs) * CpuWork::iterationsPerMs());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n) * iterationsPerJob);
    state.counters["relThroughput"] = median(relative);
    // The fastest of each: the least disturbed by a busy host, which on a shared VM can slow one
    // run by half and not the next.
    state.counters["relThroughputBest"] = static_cast<double>(n) * *std::min_element(aloneMs.begin(), aloneMs.end())
                                          / *std::min_element(togetherMs.begin(), togetherMs.end());
    state.counters["aloneMs"] = median(aloneMs);
    state.counters["togetherMs"] = median(togetherMs);
}
BENCHMARK(BM_GilThroughput)->ArgName("threads")->Arg(1)->Arg(2)->Arg(4)->Iterations(25)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
