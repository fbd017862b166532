// bench_ingest: events streamed from a child process, end to end (issue 5: ≥ 2 million
// events/s, none lost). threadlab-fakeworker's "burst-N" child writes N state events through
// WireEncoder as fast as it can; the real engine starts it, decodes its stdout into the lane and
// reports the run. For reference, WireDecoder alone over an in-memory stream.

#include "engine/engine.h"
#include "engine/eventlog.h"
#include "scenario/scenario.h"
#include "wire/wiredecoder.h"
#include "wire/wireencoder.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include "support/taskspecs.h"
#include "enginerun.h"
#include "qtbenchmarkmain.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

using namespace ThreadLab;

namespace {

// One processes variant with one child, named so that the fake worker bursts n events.
Scenario burstScenario(std::int64_t n)
{
    WorkerGroup group;
    group.name = QStringLiteral("burst-%1").arg(n);
    group.tasks.push_back(waitTask(1)); // ignored by the burst child; a plan needs a task
    VariantSpec variant;
    variant.name = QStringLiteral("burst");
    variant.mode = VariantMode::Processes;
    variant.groups.push_back(group);
    Scenario s;
    s.id = QStringLiteral("bench-ingest");
    s.title = QStringLiteral("Ingest benchmark");
    s.defaultTimeScale = 1;
    s.variants.push_back(variant);
    return s;
}

const Lane* laneNamed(const EventLog& log, const QString& name)
{
    for (int i = 0; i < log.laneCount(); ++i)
        if (log.lane(i)->info().name == name)
            return log.lane(i);
    return nullptr;
}

// The burst child's lane: the parent's "created" and "starting", then exactly n events
// alternating running / waiting-io in time order, then "finished". Empty when it is so, else
// what is wrong.
std::string checkBurstLane(const Lane& lane, std::int64_t n)
{
    constexpr std::size_t first = 2; // the child's first event
    const std::size_t expected = first + static_cast<std::size_t>(n) + 1;
    if (lane.size() != expected)
        return "the lane holds " + std::to_string(lane.size()) + " events, expected " + std::to_string(expected);
    if (lane.at(0).state != WorkerState::Created || lane.at(1).state != WorkerState::Starting
        || lane.at(expected - 1).state != WorkerState::Finished)
        return "the lane does not run from created and starting to finished";
    for (std::size_t k = first; k + 1 < expected; ++k) {
        const Event& e = lane.at(k);
        const WorkerState want = (k - first) % 2 ? WorkerState::WaitingIo : WorkerState::Running;
        if (e.kind != EventKind::State || e.state != want || e.tNs < lane.at(k - 1).tNs)
            return "event " + std::to_string(k) + " is out of order or of the wrong state";
    }
    return {};
}

void BM_IngestFromChild(benchmark::State& state)
{
    const std::int64_t n = state.range(0);
    Engine engine;
    engine.setWorkerProgram(QStringLiteral(THREADLAB_BIN_DIR "/threadlab-fakeworker"));
    engine.setHangGraceMs(120'000);
    engine.setMaxEventsPerChild(n + 16);
    const Scenario scenario = burstScenario(n);
    const QString name = scenario.variants.front().groups.front().name;
    double streamSeconds = 0;
    for (auto _ : state) {
        const std::optional<RunResult> result = runToEnd(engine, scenario, RunSettings {}, 120'000);
        state.PauseTiming();
        if (!result || !result->error.isEmpty() || result->variants.size() != 1) {
            state.SkipWithError(result ? qPrintable(QStringLiteral("the run failed: ") + result->error)
                                       : "the run did not finish within 120 s");
            break;
        }
        const VariantResult& variant = result->variants.front();
        const auto worker = std::find_if(variant.workers.begin(), variant.workers.end(),
                                         [&name](const WorkerResult& w) { return w.name == name; });
        if (worker == variant.workers.end() || worker->outcome != WorkerOutcome::Finished) {
            state.SkipWithError("the burst child did not finish cleanly");
            break;
        }
        const Lane* lane = variant.log ? laneNamed(*variant.log, name) : nullptr;
        const std::string problem = lane ? checkBurstLane(*lane, n) : "no lane for the burst child";
        if (!problem.empty()) {
            state.SkipWithError(problem.c_str());
            break;
        }
        // From the child's first event to its last, on the clock both processes share.
        streamSeconds += static_cast<double>(lane->at(lane->size() - 1).tNs - lane->at(2).tNs) / 1e9;
        state.ResumeTiming();
    }
    const auto events = static_cast<double>(n) * static_cast<double>(state.iterations());
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
    if (streamSeconds > 0)
        state.counters["streamRate"] = events / streamSeconds;
}
BENCHMARK(BM_IngestFromChild)->Arg(2'000'000)->UseRealTime()->Unit(benchmark::kMillisecond);

// n state records (after a hello) as a child writes them.
std::string encodedStream(std::int64_t n)
{
    char* data = nullptr;
    std::size_t size = 0;
    std::FILE* f = open_memstream(&data, &size);
    if (!f)
        return {};
    {
        WireEncoder wire(f);
        wire.hello(1);
        for (std::int64_t i = 0; i < n; ++i)
            wire.state(i % 2 ? WorkerState::WaitingIo : WorkerState::Running);
    }
    std::fclose(f);
    std::string out(data, size);
    std::free(data);
    return out;
}

// Feeds the stream in pipe-sized pieces, as ProcessWorker gets it from QProcess.
bool feedAll(WireDecoder& decoder, std::string_view stream)
{
    constexpr std::size_t piece = 64 * 1024;
    for (std::size_t at = 0; at < stream.size(); at += piece)
        if (!decoder.feed(stream.substr(at, piece)))
            return false;
    return decoder.finish();
}

void BM_DecodeOnly(benchmark::State& state)
{
    const std::int64_t n = state.range(0);
    const std::string stream = encodedStream(n);
    const auto records = static_cast<std::uint64_t>(n) + 1;
    for (auto _ : state) {
        std::uint64_t states = 0;
        WireDecoder decoder([&states](const WireRecord& r) { states += r.type == 'S'; });
        if (!feedAll(decoder, stream) || decoder.recordCount() != records || states != records - 1) {
            state.SkipWithError(decoder.failed() ? decoder.error().c_str() : "records were lost");
            break;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * n);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * stream.size()));
}
BENCHMARK(BM_DecodeOnly)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// The same, storing every state into a fresh lane as the parent does (no process, no pipe).
void BM_DecodeIntoLane(benchmark::State& state)
{
    const std::int64_t n = state.range(0);
    const std::string stream = encodedStream(n);
    for (auto _ : state) {
        Lane lane(1, {QStringLiteral("child"), LaneKind::Process, false, {}});
        WireDecoder decoder([&lane](const WireRecord& r) {
            if (r.type == 'S')
                lane.appendState(static_cast<WorkerState>(r.value), r.tNs, r.arg);
        });
        if (!feedAll(decoder, stream) || lane.size() != static_cast<std::size_t>(n)) {
            state.SkipWithError(decoder.failed() ? decoder.error().c_str() : "events were lost");
            break;
        }
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * n);
}
BENCHMARK(BM_DecodeIntoLane)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    return runQtBenchmarks<QCoreApplication>(argc, argv);
}
