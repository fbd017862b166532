// bench_cpythontrace: what the CPython engine's reporting costs the CPU-bound Python loop
// (target: at most 5 % against the same program untraced). The built-in cpu-bound scenario's
// variant is planned as a run plans it (CPythonVariant::planJson, the scenario's own time
// scale) and handed to bench_cpythontrace.py in the configured interpreter (THREADLAB_PYTHON,
// else the platform's python3), which runs it alternately through ThreadLab's runtime, exactly
// as a run does, its records drained from a pipe, and as the runtime's own loop called with the
// same iteration counts and no reporting at all. Counters: the medians of both times, and the
// overhead as the median of the traced/untraced ratio of each adjacent pair, so that a drift of
// the machine's speed cancels; also that of the two processes' whole CPU times (boot included,
// alike in both), which other load on the machine disturbs less than elapsed times.
//
// THREADLAB_BENCH_QUICK=1 runs one pair at 1/50 of the work: it proves the benchmark works,
// and measures nothing.

#include "engine/cpythonvariant.h"
#include "python/pythoninterpreter.h"
#include "scenario/scenariocatalog.h"
#include "scenario/variantplan.h"

#include "qtbenchmarkmain.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <vector>

using namespace ThreadLab;

namespace {

const char* const kVariants[] = {"1 thread", "4 threads"};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::vector<double> numbers(const QJsonValue& array)
{
    std::vector<double> out;
    for (const QJsonValue& v : array.toArray())
        out.push_back(v.toDouble());
    return out;
}

// The median of the ratios traced/untraced of adjacent runs, as a percentage over 1.
double overheadPct(const std::vector<double>& traced, const std::vector<double>& untraced)
{
    std::vector<double> ratios;
    for (std::size_t i = 0; i < std::min(traced.size(), untraced.size()); ++i)
        if (untraced[i] > 0)
            ratios.push_back(traced[i] / untraced[i]);
    return ratios.empty() ? 0 : 100 * (median(ratios) - 1);
}

bool quick()
{
    return qEnvironmentVariableIntValue("THREADLAB_BENCH_QUICK") != 0;
}

// The plan of cpu-bound's `variant` as a CPython run would hand it to the runtime; empty on error.
QByteArray planOf(const QString& variant, const PythonInterpreter& python, QString* error)
{
    const std::optional<Scenario> scenario = ScenarioCatalog::builtin(QStringLiteral("cpu-bound"), error);
    if (!scenario)
        return {};
    RunSettings settings;
    settings.engine = EngineKind::CPython;
    settings.variants = {variant};
    const std::vector<PlannedVariant> plans =
        VariantPlanner::plan(*scenario, settings, std::max(1, QThread::idealThreadCount()), error);
    if (plans.size() != 1)
        return {};
    const double timeScale = scenario->defaultTimeScale / (quick() ? 50 : 1);
    const QJsonObject plan =
        CPythonVariant::planJson(plans.front(), settings, timeScale, python.defaultStartMethod(), 0);
    return QJsonDocument(plan).toJson(QJsonDocument::Compact);
}

// The harness's answer (its JSON line), or an empty object with *error set.
QJsonObject runHarness(const PythonInterpreter& python, const QByteArray& plan, int pairs, QString* error)
{
    QProcess harness;
    harness.start(python.path(), {QStringLiteral("-I"), QStringLiteral(THREADLAB_BENCH_SOURCE_DIR "/bench_cpythontrace.py"),
                                  QStringLiteral(THREADLAB_BIN_DIR "/threadlab-python"), QString::number(pairs)});
    harness.write(plan);
    harness.closeWriteChannel();
    if (!harness.waitForFinished(600'000) || harness.exitStatus() != QProcess::NormalExit || harness.exitCode() != 0) {
        harness.kill();
        harness.waitForFinished();
        *error = QStringLiteral("bench_cpythontrace.py failed: ") + QString::fromUtf8(harness.readAllStandardError()).trimmed();
        return {};
    }
    const QJsonObject answer = QJsonDocument::fromJson(harness.readAllStandardOutput()).object();
    if (answer.value(QStringLiteral("traced_s")).toArray().isEmpty())
        *error = QStringLiteral("bench_cpythontrace.py gave no times");
    return answer;
}

// Arg: the cpu-bound variant (0 "1 thread", 1 "4 threads").
void BM_TracingOverhead(benchmark::State& state)
{
    const PythonInterpreter python = PythonInterpreter::probe();
    if (!python.usable()) {
        state.SkipWithError(qPrintable(QStringLiteral("no usable python3, nothing to measure: ") + python.error()));
        return;
    }
    const int pairs = quick() ? 1 : 7;
    QString error;
    const QByteArray plan = planOf(QString::fromLatin1(kVariants[state.range(0)]), python, &error);
    if (plan.isEmpty()) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    for (auto _ : state) {
        const QJsonObject answer = runHarness(python, plan, pairs, &error);
        if (!error.isEmpty()) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        const std::vector<double> traced = numbers(answer.value(QStringLiteral("traced_s")));
        const std::vector<double> untraced = numbers(answer.value(QStringLiteral("untraced_s")));
        const std::vector<double> tracedCpu = numbers(answer.value(QStringLiteral("traced_cpu_s")));
        const std::vector<double> untracedCpu = numbers(answer.value(QStringLiteral("untraced_cpu_s")));
        state.SetIterationTime(median(traced));
        state.counters["traced_ms"] = 1000 * median(traced);
        state.counters["untraced_ms"] = 1000 * median(untraced);
        state.counters["overhead_pct"] = overheadPct(traced, untraced);
        state.counters["cpu_overhead_pct"] = overheadPct(tracedCpu, untracedCpu);
        state.counters["pairs"] = static_cast<double>(std::min(traced.size(), untraced.size()));
        state.counters["iterations"] = answer.value(QStringLiteral("iterations")).toDouble();
        state.counters["records"] = answer.value(QStringLiteral("records")).toDouble();
    }
    state.SetLabel(kVariants[state.range(0)]);
}

} // namespace

BENCHMARK(BM_TracingOverhead)->Arg(0)->Arg(1)->Iterations(1)->UseManualTime()->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    return runQtBenchmarks<QCoreApplication>(argc, argv);
}
