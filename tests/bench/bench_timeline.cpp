// bench_timeline: one frame of the timeline painted into a 1920×1080 image (issue 5: ≤ 8 ms
// with 1 million events over 64 lanes in view, ≤ 16 ms with 10 million, zoomed in cheaper still;
// ≤ 48 bytes per stored event). The logs are synthetic, built once and shared by the cases.

#include "engine/eventlog.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QWheelEvent>

#include "qtbenchmarkmain.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>

using namespace ThreadLab;

namespace {

constexpr int kLanes = 64;
constexpr std::int64_t kRunNs = 10'000'000'000; // the run the synthetic log covers: 10 s
constexpr std::int64_t kOriginNs = 5'000'000'000; // a real clock's origin is not zero
const QSize kFrame(1920, 1080);

// `events` state events over kLanes lanes and kRunNs, in GIL-like patterns: running, waiting
// for the GIL and waiting for I/O picked pseudo-randomly, one event per slot of equal length at a
// random point in its first half, every lane starting and ending like a real one.
std::shared_ptr<const EventLog> syntheticLog(std::int64_t events)
{
    static std::map<std::int64_t, std::shared_ptr<const EventLog>> built;
    if (const auto it = built.find(events); it != built.end())
        return it->second;
    auto log = std::make_shared<EventLog>(kOriginNs);
    const std::int64_t perLane = events / kLanes;
    const std::int64_t slotNs = kRunNs / perLane;
    std::uint64_t rng = 0x9e3779b97f4a7c15u;
    auto jitter = [&rng, slotNs] {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        return static_cast<std::int64_t>(rng % static_cast<std::uint64_t>(slotNs / 2));
    };
    static constexpr WorkerState states[] = {WorkerState::Running, WorkerState::WaitingGil, WorkerState::WaitingIo};
    for (int l = 0; l < kLanes; ++l) {
        Lane* lane = log->addLane({l == 0 ? QStringLiteral("MainThread") : QStringLiteral("Thread-%1").arg(l),
                                   l == 0 ? LaneKind::Main : LaneKind::Thread, false, {}});
        lane->appendState(WorkerState::Starting, kOriginNs + jitter());
        for (std::int64_t k = 1; k + 1 < perLane; ++k)
            lane->appendState(states[jitter() % 3], kOriginNs + k * slotNs + jitter());
        lane->appendState(WorkerState::Finished, kOriginNs + kRunNs);
    }
    built.emplace(events, log);
    return log;
}

// Ctrl+wheel at the middle of the plot until the view shows no more than `spanNs`.
void zoomInTo(TimelineView& view, double spanNs)
{
    const QPointF middle(view.width() / 2.0, view.height() / 2.0);
    for (int i = 0; i < 100 && view.viewport().spanNs() > spanNs; ++i) {
        QWheelEvent wheel(middle, view.mapToGlobal(middle), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &wheel);
    }
}

// Args: events, zoomed (0: the whole run fitted, 1: about a thousandth of it, 10 ms).
void BM_RenderTimeline(benchmark::State& state)
{
    const std::int64_t events = state.range(0);
    const bool zoomed = state.range(1) != 0;
    const std::shared_ptr<const EventLog> log = syntheticLog(events);
    if (log->eventCount() != static_cast<std::size_t>(events / kLanes * kLanes)) {
        state.SkipWithError("the synthetic log is incomplete");
        return;
    }
    TimelineView view;
    view.resize(kFrame);
    view.setLog(log);
    if (zoomed) {
        zoomInTo(view, static_cast<double>(kRunNs) / 1000);
        // Else the zoomed case would measure the fitted frame again, under another name.
        if (view.viewport().spanNs() > static_cast<double>(kRunNs) / 1000) {
            state.SkipWithError("the view did not zoom in to a thousandth of the run");
            return;
        }
    }
    QImage image(kFrame, QImage::Format_ARGB32_Premultiplied);
    const QRectF target(QPointF(0, 0), QSizeF(kFrame));
    {
        // The first frame indexes the whole log once (live, that happens a little every frame).
        QPainter painter(&image);
        view.render(painter, target);
    }
    for (auto _ : state) {
        QPainter painter(&image);
        view.render(painter, target);
        painter.end();
        benchmark::ClobberMemory();
    }
    // Something was drawn: the lanes' state colours, not just a background.
    QSet<QRgb> colours;
    const QRectF bar = view.laneRectIn(target, kLanes / 2);
    for (int x = static_cast<int>(bar.left()); x < static_cast<int>(bar.right()); ++x)
        colours.insert(image.pixel(x, static_cast<int>(bar.center().y())));
    if (colours.size() < 2) {
        state.SkipWithError("the frame shows no lane content");
        return;
    }
    // THREADLAB_BENCH_PNG=/tmp/frame saves the frames (/tmp/frame-1000000-0.png, …) to compare
    // what changes to the painting draw.
    if (const QByteArray png = qgetenv("THREADLAB_BENCH_PNG"); !png.isEmpty())
        image.save(QString::fromLocal8Bit(png) + QStringLiteral("-%1-%2.png").arg(events).arg(zoomed ? 1 : 0));
    // The log and what the view keeps on top of it (level-of-detail summaries, mark indices).
    const auto stored = static_cast<double>(log->eventCount());
    state.counters["bytesPerEvent"] = static_cast<double>(log->memoryBytes() + view.indexMemoryBytes()) / stored;
    state.counters["viewBytesPerEvent"] = static_cast<double>(view.indexMemoryBytes()) / stored;
    state.counters["windowMs"] = (zoomed ? view.viewport().spanNs() : static_cast<double>(kRunNs)) / 1e6;
}
BENCHMARK(BM_RenderTimeline)
    ->ArgNames({"events", "zoomed"})
    ->Args({1'000'000, 0})
    ->Args({1'000'000, 1})
    ->Args({10'000'000, 0})
    ->Args({10'000'000, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return runQtBenchmarks<QApplication>(argc, argv);
}
