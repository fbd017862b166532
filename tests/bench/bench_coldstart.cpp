// bench_coldstart: cold start of the app to its first painted window (issue 5: ≤ 400 ms). Each
// iteration starts a fresh `threadlab` with THREADLAB_QUIT_AFTER_FIRST_PAINT=1, which prints the
// moment its main window has finished its first paint on CLOCK_MONOTONIC; the figure runs from
// just before QProcess::start (fork and exec included) to that moment. The platform is the one
// in QT_QPA_PLATFORM (offscreen unless it is set, e.g. to xcb under Xvfb), and the settings
// are a fresh, empty directory, as on a first start.

#include "tasks/monoclock.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include "qtbenchmarkmain.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

using namespace ThreadLab;

namespace {

void BM_ColdStartToFirstPaint(benchmark::State& state)
{
    QTemporaryDir settings;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("THREADLAB_QUIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), settings.path());
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    std::vector<double> ms;
    for (auto _ : state) {
        QProcess app;
        app.setProcessEnvironment(environment);
        app.setStandardErrorFile(QProcess::nullDevice());
        const std::int64_t startNs = MonoClock::steadyNs();
        app.start(QStringLiteral(THREADLAB_BIN_DIR "/threadlab"), {});
        if (!app.waitForFinished(30'000) || app.exitStatus() != QProcess::NormalExit || app.exitCode() != 0) {
            app.kill();
            app.waitForFinished();
            state.SkipWithError("threadlab did not paint its window and quit within 30 s");
            return;
        }
        const QByteArray out = app.readAllStandardOutput();
        const qsizetype at = out.indexOf("first-paint-ns ");
        bool ok = false;
        const qint64 paintNs = at < 0 ? 0 : out.mid(at + 15).trimmed().split('\n').front().toLongLong(&ok);
        if (!ok || paintNs <= startNs) {
            state.SkipWithError("threadlab did not report its first paint");
            return;
        }
        ms.push_back(static_cast<double>(paintNs - startNs) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    state.counters["medianMs"] = ms[ms.size() / 2];
    state.counters["maxMs"] = ms.back();
}
BENCHMARK(BM_ColdStartToFirstPaint)->Iterations(15)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    return runQtBenchmarks<QCoreApplication>(argc, argv);
}
