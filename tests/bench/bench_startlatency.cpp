// bench_startlatency: worker start latency as the app reports it (WorkerResult::startLatencyUs:
// start requested → first event in the worker), through the engine with the built-in
// spawn-cost scenario (issue 5: threads ≤ 60 µs; processes ≤ 2 ms, also with 1 GiB allocated
// in the parent).

#include "engine/engine.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include "enginerun.h"
#include "qtbenchmarkmain.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <vector>

using namespace ThreadLab;

namespace {

constexpr double kTimeScale = 0.05; // each worker's 4 ms of CPU work becomes 0.2 ms

// The value below which a fraction q of the sorted samples lie (nearest rank).
double quantile(const std::vector<double>& sorted, double q)
{
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank > 0 ? rank - 1 : 0)];
}

// Args: 0 threads / 1 processes, and the MiB allocated and touched in the parent beforehand.
void BM_StartLatency(benchmark::State& state)
{
    const bool processes = state.range(0) != 0;
    const auto ballastBytes = static_cast<std::size_t>(state.range(1)) << 20;
    QString error;
    const std::optional<Scenario> scenario = ScenarioCatalog::builtin(QStringLiteral("spawn-cost"), &error);
    if (!scenario) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    RunSettings settings;
    settings.timeScale = kTimeScale;
    settings.variants = {processes ? QStringLiteral("100 processes") : QStringLiteral("100 threads")};
    // Resident in the parent for the whole run, every page written: what fork has to map.
    std::vector<char> ballast(ballastBytes);
    if (!ballast.empty())
        std::memset(ballast.data(), 1, ballast.size());
    benchmark::DoNotOptimize(ballast.data());

    Engine engine;
    engine.setWorkerProgram(QStringLiteral(THREADLAB_BIN_DIR "/threadlab-worker"));
    std::vector<double> latenciesUs;
    for (auto _ : state) {
        const std::optional<RunResult> result = runToEnd(engine, *scenario, settings, 120'000);
        state.PauseTiming();
        if (!result || !result->error.isEmpty() || result->variants.size() != 1) {
            state.SkipWithError(result ? qPrintable(QStringLiteral("the run failed: ") + result->error)
                                       : "the run did not finish within 120 s");
            break;
        }
        int workers = 0;
        bool allFinished = true;
        for (const WorkerResult& w : result->variants.front().workers) {
            if (w.kind == LaneKind::Main)
                continue;
            ++workers;
            allFinished = allFinished && w.outcome == WorkerOutcome::Finished && w.startLatencyUs >= 0;
            latenciesUs.push_back(w.startLatencyUs);
        }
        if (workers != 100 || !allFinished) {
            state.SkipWithError("not every worker started and finished");
            break;
        }
        state.ResumeTiming();
    }
    if (latenciesUs.empty())
        return;
    std::sort(latenciesUs.begin(), latenciesUs.end());
    state.counters["medianUs"] = quantile(latenciesUs, 0.5);
    state.counters["p90Us"] = quantile(latenciesUs, 0.9);
    state.counters["workers"] = static_cast<double>(latenciesUs.size());
}
BENCHMARK(BM_StartLatency)
    ->ArgNames({"processes", "parentMiB"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 1024})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    return runQtBenchmarks<QCoreApplication>(argc, argv);
}
