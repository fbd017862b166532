// bench_gilsampler: what observing real CPython's GIL costs and how much it sees. Four
// CPU-bound threads of the platform's python3 take turns at the GIL for a second while a
// GilSampler reads it at the asked rate. Counters: the rate achieved, the sampler thread's CPU
// time as a share of one core (target: at least 2 kHz for at most 5 %), the hand-overs seen
// against those the interpreter counted (switch_number), how late the ticks ran against their
// grid (mean and 99th percentile, µs: the sampling error beyond one period), the ticks skipped
// after stalls, and the process_vm_readv calls per reading. And, measured in the same iteration
// on the same process, the machine's floor: what a loop that does nothing but sleep until the
// next tick and take the same reading costs at the same rate (floor_pct). The sampler cannot cost
// less than that; on a virtual machine it moves with the host's load from minute to minute, so
// the two are read side by side.

#include "python/gilsampler.h"
#include "python/pythoninterpreter.h"
#include "tasks/monoclock.h"
#include "tasks/platform.h"

#include <benchmark/benchmark.h>

#include <QProcess>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <thread>

using namespace ThreadLab;

namespace {

const char* fourSpinners = R"(
import sys, threading
stop = threading.Event()
def spin():
    x = 0
    while not stop.is_set():
        x += 1
threads = [threading.Thread(target=spin) for _ in range(4)]
for t in threads:
    t.start()
print("ready", flush=True)
sys.stdin.read()
stop.set()
for t in threads:
    t.join()
)";

// The floor: a thread that sleeps on the same grid with the same timer slack as GilSampler and
// takes the same reading each tick, nothing else; its CPU time as a share of one core.
double floorCorePct(GilReader reader, int rateHz, std::chrono::nanoseconds length)
{
    double share = 0;
    std::thread thread([&] {
        Platform::setCurrentThreadTimerSlackNs(GilSampler::timerSlackNs);
        const std::chrono::nanoseconds period(1'000'000'000 / rateHz);
        const std::int64_t startNs = MonoClock::nowNs();
        const std::int64_t cpuStart = Platform::threadCpuTimeNs();
        auto due = std::chrono::steady_clock::now();
        const auto end = due + length;
        GilReader::State s;
        while (due < end) {
            benchmark::DoNotOptimize(reader.read(s));
            due += period;
            std::this_thread::sleep_until(due);
        }
        share = 100.0 * static_cast<double>(Platform::threadCpuTimeNs() - cpuStart) / static_cast<double>(MonoClock::nowNs() - startNs);
    });
    thread.join();
    return share;
}

void BM_ObserveGil(benchmark::State& state)
{
    const PythonInterpreter python = PythonInterpreter::probe();
    if (!python.usable() || python.minorVersion() != 11) {
        state.SkipWithError("needs the platform's CPython 3.11");
        return;
    }
    double hz = 0, share = 0, floorShare = 0, seen = 0, counted = 0, lateMean = 0, lateP99 = 0, skipped = 0, readsPerReading = 0;
    for (auto _ : state) {
        QProcess process;
        process.start(python.path(), {QStringLiteral("-I"), QStringLiteral("-c"), QString::fromLatin1(fourSpinners)});
        if (!process.waitForStarted() || !process.waitForReadyRead(10000)) {
            state.SkipWithError("python3 did not start");
            return;
        }
        std::mutex mutex;
        std::uint64_t last = 0, first = 0, lastSwitch = 0;
        std::int64_t handOvers = 0;
        GilSampler sampler(
            [&](const GilSampler::Change& c) {
                std::lock_guard lock(mutex);
                if (first == 0)
                    first = c.switchNumber + 1; // +1: 0 stays "not yet"
                lastSwitch = c.switchNumber;
                if (c.holderTid != 0) {
                    handOvers += last != 0 && c.holderTid != last ? 1 : 0;
                    last = c.holderTid;
                }
            },
            static_cast<int>(state.range(0)));
        sampler.watch(GilReader::attach(process.processId(), python.majorVersion(), python.minorVersion()));
        sampler.start();
        std::this_thread::sleep_for(std::chrono::seconds(1));
        sampler.stop();
        floorShare += floorCorePct(GilReader::attach(process.processId(), python.majorVersion(), python.minorVersion()),
                                   static_cast<int>(state.range(0)), std::chrono::seconds(1));
        process.closeWriteChannel();
        process.waitForFinished(10000);
        const GilSampler::Stats stats = sampler.stats();
        hz += stats.achievedHz();
        share += 100 * stats.coreShare();
        seen += static_cast<double>(handOvers);
        counted += first ? static_cast<double>(lastSwitch - (first - 1)) : 0;
        lateMean += stats.latenessMeanNs / 1000;
        lateP99 += static_cast<double>(stats.latenessP99Ns) / 1000;
        skipped += static_cast<double>(stats.skippedTicks);
        readsPerReading += stats.readings > 0 ? static_cast<double>(stats.memoryReads) / static_cast<double>(stats.readings) : 0;
    }
    const double n = static_cast<double>(state.iterations());
    state.counters["achieved_hz"] = hz / n;
    state.counters["core_pct"] = share / n;
    state.counters["floor_pct"] = floorShare / n;
    state.counters["seen"] = seen / n;
    state.counters["counted"] = counted / n;
    state.counters["seen_pct"] = counted > 0 ? 100 * seen / counted : 0;
    state.counters["late_mean_us"] = lateMean / n;
    state.counters["late_p99_us"] = lateP99 / n;
    state.counters["skipped"] = skipped / n;
    state.counters["reads_per_reading"] = readsPerReading / n;
}

} // namespace

BENCHMARK(BM_ObserveGil)->Arg(1000)->Arg(2000)->Arg(5000)->Iterations(3)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
