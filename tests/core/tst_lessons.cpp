// Every built-in scenario shows its lesson, as the scenario's own checks state it, in each engine
// that runs Python's lessons: the model, and real CPython where the platform has a python3. The
// checks are the scenario's, the same for both engines; only a ratio's bound gets a margin, for
// a 2-core machine that other programs load. A run that misses is run twice more and checked on
// the medians of the three, as `--repeat 3` does: one unlucky run is not a wrong lesson.

#include "engine/runner.h"
#include "python/pythoninterpreter.h"
#include "results/lessonverdict.h"
#include "results/runseries.h"
#include "results/variantresult.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "support/sanitizers.h"

#include <QTest>

#include <algorithm>

using namespace ThreadLab;

namespace {

// A ratio may miss its bound by this share of it: "at most 0.7" passes at 0.805.
constexpr double ratioMargin = 0.15;

std::vector<LessonCheck> withMargin(std::vector<LessonCheck> checks)
{
    for (LessonCheck& check : checks) {
        if (check.kind != LessonCheckKind::Ratio)
            continue;
        // "Faster" stays faster: a bound under 1 moves at most half-way to 1 (0.9 → 0.95).
        if (check.atMost)
            *check.atMost = *check.atMost < 1 ? std::min(*check.atMost * (1 + ratioMargin), (*check.atMost + 1) / 2)
                                              : *check.atMost * (1 + ratioMargin);
        if (check.atLeast)
            *check.atLeast *= 1 - ratioMargin;
    }
    return checks;
}

// What the verdict says, for a failure message.
QString said(const std::optional<LessonVerdict>& verdict)
{
    return verdict ? verdict->lines().join(QStringLiteral(" | ")) : QStringLiteral("no check applied");
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBuiltInShowsItsLesson_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("engineIndex");
        const std::vector<Scenario> all = ScenarioCatalog::builtins();
        for (std::size_t i = 0; i < all.size(); ++i)
            for (EngineKind engine : {EngineKind::Model, EngineKind::CPython})
                QTest::addRow("%s %s", qPrintable(all[i].id), qPrintable(engineName(engine)))
                    << static_cast<int>(i) << static_cast<int>(engine);
    }

    void everyBuiltInShowsItsLesson()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(int, scenario);
        QFETCH(int, engineIndex);
        const auto engine = static_cast<EngineKind>(engineIndex);
        if (engine == EngineKind::CPython && PythonInterpreter::defaultPath().isEmpty())
            QSKIP("no python3 on this machine: the CPython engine cannot run");
        const Scenario s = ScenarioCatalog::builtins().at(static_cast<std::size_t>(scenario));
        QVERIFY(!s.lessonChecks.empty());
        RunSettings settings; // the scenario's own time scale and workers, as `--run ID` runs it
        settings.engine = engine;
        settings.loadModelCosts = true; // the model calibrated against CPython, as the command line runs it
        std::vector<LessonCheck> checks = withMargin(s.lessonChecks);
#if defined(THREADLAB_UNDER_ASAN)
        // Under AddressSanitizer the model's workers (threads and threadlab-worker children) run
        // instrumented and CPython does not, so the elapsed times compare the instrumentation, not
        // the lesson: cpu-scaling's processes×2 came out 1.01× of processes×1 once in CI. The
        // ratios are checked by the normal build's run of this test; here the observations,
        // outcomes and overlaps are.
        std::erase_if(checks, [](const LessonCheck& c) { return c.kind == LessonCheckKind::Ratio; });
        if (checks.empty())
            QSKIP("only ratio checks, which the normal build checks (AddressSanitizer distorts the times)");
#endif

        RunSeries series;
        std::optional<LessonVerdict> verdict;
        for (int run = 0; run < 3; ++run) {
            RunResult result = Runner().run(s, settings);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QVERIFY(!result.cancelled);
            series.add(std::move(result));
            if (run == 1)
                continue; // one run, or the median of three
            verdict = LessonVerdict::evaluate(checks, series.combined());
            QVERIFY2(verdict, qPrintable(s.id + QStringLiteral(": no lesson check applied")));
            if (verdict->holds())
                return;
        }
        QFAIL(qPrintable(s.id + QStringLiteral(" (median of 3): ") + said(verdict)));
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
