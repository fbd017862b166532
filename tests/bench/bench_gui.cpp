// The window under load: how fast it first paints, and whether it keeps painting and answering
// while 16 CPU-bound workers run: C++ threads on the machine's cores, real Python threads under
// one GIL (target for both: at least 30 frames/s, input p99 at most 50 ms), and CPython processes.

#include "app/mainwindow.h"
#include "tasks/monoclock.h"
#include "qtbenchmarkmain.h"
#include "panes/enginebox.h"
#include "panes/runcontrols.h"
#include "python/pythoninterpreter.h"
#include "model/runcontroller.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QListWidget>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

using namespace ThreadLab;

namespace {

// Timestamps of the paint events a widget receives.
class PaintWatch : public QObject
{
public:
    std::vector<std::int64_t> paints;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            paints.push_back(MonoClock::nowNs());
        return QObject::eventFilter(watched, event);
    }
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// From constructing the main window to its timeline's first paint, in this process (the Qt
// libraries already loaded: program start-up is not included).
void BM_WindowToFirstPaint(benchmark::State& state)
{
    for (auto _ : state) {
        const std::int64_t t0 = MonoClock::nowNs();
        MainWindow window;
        PaintWatch watch;
        window.timelinePanel()->view()->installEventFilter(&watch);
        window.show();
        while (watch.paints.empty() && MonoClock::nowNs() - t0 < 10'000'000'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (watch.paints.empty()) {
            state.SkipWithError("the window never painted");
            return;
        }
        state.SetIterationTime(static_cast<double>(watch.paints.front() - t0) / 1e9);
    }
}
BENCHMARK(BM_WindowToFirstPaint)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

// What the window runs while it is measured: a variant of cpu-bound in one engine.
struct LiveLoad
{
    const char* variant;  // cpu-bound's, as the scenario names it
    int workers;          // the Workers box; the run must have this many
    EngineKind engine;    // Native: the GIL off
    const char* what;     // says what the run must have been, when it was not
};

// Chooses the load in the window's run controls; false (and the benchmark skipped) when it
// cannot be chosen.
bool chooseLoad(benchmark::State& state, MainWindow& window, const LiveLoad& load)
{
    if (!window.selectScenario(QStringLiteral("cpu-bound"))) {
        state.SkipWithError("no cpu-bound scenario");
        return false;
    }
    QListWidget* variants = window.runControls()->variantList();
    for (int i = 0; i < variants->count(); ++i)
        variants->item(i)->setCheckState(variants->item(i)->text() == QLatin1String(load.variant) ? Qt::Checked
                                                                                                 : Qt::Unchecked);
    window.runControls()->workersBox()->setValue(load.workers);
    EngineBox* engines = window.runControls()->engineBox();
    if (load.engine == EngineKind::CPython) {
        const PythonInterpreter python = PythonInterpreter::probe();
        if (!python.usable()) {
            const QString why = QStringLiteral("no usable python3, the CPython engine cannot run: ") + python.error();
            state.SkipWithError(qPrintable(why));
            return false;
        }
        engines->setInterpreter(python); // a probe the window started meanwhile no longer counts
    }
    engines->setEngines(load.engine, {}, load.engine == EngineKind::Model);
    // THREADLAB_BENCH_QUICK=1: a tenth of the work, to prove the benchmark works (it measures nothing).
    window.runControls()->timeScaleBox()->setValue(qEnvironmentVariableIntValue("THREADLAB_BENCH_QUICK") ? 0.1 : 1.0);
    return true;
}

// The load is the one named: one variant of `workers` workers in the named engine, all of
// them through to the end.
bool ranTheLoad(const RunResult& result, const LiveLoad& load)
{
    if (!result.error.isEmpty() || result.cancelled || result.variants.size() != 1)
        return false;
    const VariantResult& v = result.variants.front();
    const bool engine = load.engine == EngineKind::CPython
                            ? v.engine == EngineKind::CPython
                            : v.engine != EngineKind::CPython && v.gil == (load.engine == EngineKind::Model);
    return engine && v.workerCount == load.workers
           && std::none_of(v.workers.begin(), v.workers.end(), [](const WorkerResult& w) {
                  return w.kind != LaneKind::Main && w.outcome != WorkerOutcome::Finished;
              });
}

// Runs the load in a window on the screen. Counts the live timeline's frames, and the delay
// of events posted to the GUI every 10 ms (what a click would wait before being handled).
void liveRun(benchmark::State& state, const LiveLoad& load)
{
    for (auto _ : state) {
        MainWindow window;
        window.resize(MainWindow::defaultSize);
        window.show();
        if (!chooseLoad(state, window, load))
            return;

        PaintWatch watch;
        window.timelinePanel()->view()->installEventFilter(&watch);
        // Probes arrive from another thread every 10 ms of wall time, as input does: whenever
        // the GUI thread is busy painting, a probe waits, and that wait is what is measured.
        std::vector<double> lagsMs; // touched on the GUI thread only
        std::atomic<bool> probing {false};
        std::atomic<bool> stopProbing {false};
        std::thread prober([&window, &lagsMs, &probing, &stopProbing] {
            while (!stopProbing.load()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                if (!probing.load())
                    continue;
                const std::int64_t posted = MonoClock::nowNs();
                QMetaObject::invokeMethod(
                    &window, [posted, &lagsMs] { lagsMs.push_back(static_cast<double>(MonoClock::nowNs() - posted) / 1e6); },
                    Qt::QueuedConnection);
            }
        });
        QEventLoop loop;
        bool finished = false;
        RunResult result;
        QObject::connect(window.controller(), &RunController::runFinished, &loop,
                         [&loop, &finished, &result](const RunResult& r) {
                             result = r;
                             finished = true;
                             loop.quit();
                         });
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        // The run starts in a window already on the screen, as a teacher's is: its first paint
        // (every widget, before any worker exists) is not part of the run.
        const std::int64_t shown = MonoClock::nowNs();
        while (watch.paints.empty() && MonoClock::nowNs() - shown < 10'000'000'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents();
        watch.paints.clear();
        const std::int64_t start = MonoClock::nowNs();
        window.startRun();
        probing = true;
        loop.exec();
        probing = false;
        const std::int64_t end = MonoClock::nowNs();
        stopProbing = true;
        prober.join();
        QCoreApplication::processEvents(); // deliver the last probes before the window goes
        if (!finished) {
            state.SkipWithError("the run did not finish");
            return;
        }
        if (!ranTheLoad(result, load)) {
            state.SkipWithError(load.what);
            return;
        }
        if (lagsMs.empty()) {
            state.SkipWithError("no input probe was delivered during the run");
            return;
        }
        const auto during = std::count_if(watch.paints.begin(), watch.paints.end(),
                                          [start, end](std::int64_t t) { return t >= start && t <= end; });
        const double seconds = static_cast<double>(end - start) / 1e9;
        state.SetIterationTime(seconds);
        state.counters["runSeconds"] = seconds;
        state.counters["framesPerSecond"] = static_cast<double>(during) / seconds;
        state.counters["inputMedianMs"] = percentile(lagsMs, 0.5);
        state.counters["inputP99Ms"] = percentile(lagsMs, 0.99);
        state.counters["probes"] = static_cast<double>(lagsMs.size());
    }
}

// cpu-bound's "4 threads" variant with 16 workers and the GIL off: 16 threads busy on the cores
// for about two seconds.
void BM_LiveRunSixteenWorkers(benchmark::State& state)
{
    liveRun(state, {"4 threads", 16, EngineKind::Native, "the run was not 16 GIL-free threads finishing their work"});
}
BENCHMARK(BM_LiveRunSixteenWorkers)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// The same variant in real CPython (ThreadLab's runtime, its GIL observed): 16 CPU-bound Python
// threads taking turns at one GIL for about four seconds, every record and every change of GIL
// holder on its way to the live timeline. Skipped, saying why, without a usable python3.
void BM_LiveRunSixteenPythonThreads(benchmark::State& state)
{
    liveRun(state, {"4 threads", 16, EngineKind::CPython, "the run was not 16 CPython threads finishing their work"});
}
BENCHMARK(BM_LiveRunSixteenPythonThreads)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// Processes in real CPython, as many as cpu-bound's data has: its "2 processes" variant is two
// workers, not a scalable group (and cpu-scaling's sweep stops at twice the cores), so no
// scenario makes 16 CPython processes. Two interpreters computing in parallel on the cores,
// each GIL observed, for about two seconds.
void BM_LiveRunPythonProcesses(benchmark::State& state)
{
    liveRun(state, {"2 processes", 2, EngineKind::CPython, "the run was not 2 CPython processes finishing their work"});
}
BENCHMARK(BM_LiveRunPythonProcesses)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    return runQtBenchmarks<QApplication>(argc, argv);
}
