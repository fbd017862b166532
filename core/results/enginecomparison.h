#pragma once

#include "results/variantresult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace ThreadLab {

struct LessonCheck;

// One scenario run in two or three engines (model, CPython, native) side by side: each engine's
// own combined result (medians, lesson verdict) kept whole, their variants put in pairs, and the
// fidelity of the model — every ratio check of the lesson as each engine measured it, and the
// difference. Plain data, no engine.
class EngineComparison
{
    Q_DECLARE_TR_FUNCTIONS(EngineComparison)

public:
    // The runs of each engine, in the order they ran (at least two). The first one's settings and
    // scenario; variants "4 threads · model", "4 threads · CPython", … in pairs; engineRuns and
    // fidelity filled in. Cancelled when any engine's was.
    static RunResult combined(std::vector<RunResult> perEngine, const std::vector<LessonCheck>& checks);
    // The name of a variant of one engine's run in the combined result: "4 threads · CPython".
    static QString pairedName(const VariantResult& variant);
    // The variant of `combined` as its own engine's run names it ("4 threads" for "4 threads ·
    // CPython"); the name itself where the result is of one engine.
    static QString plainName(const RunResult& combined, const VariantResult& variant);
    // Every ratio check of `checks`, measured in each run (one run per engine).
    static std::vector<FidelityLine> fidelity(const std::vector<LessonCheck>& checks,
                                              const std::vector<RunResult>& perEngine);
    // "4 threads / 1 thread   model 1.14×   CPython 1.08×   difference +0.06"
    static QString line(const FidelityLine& fidelity);
    // "Fidelity (each lesson ratio in every engine):" and a line per check; empty without checks.
    static QStringList lines(const std::vector<FidelityLine>& fidelity);
};

} // namespace ThreadLab
