#pragma once

// Small look-ups and hand-made runs for tests that read RunResults.

#include "results/variantresult.h"

#include <vector>

namespace ThreadLab {

inline const VariantResult* variantNamed(const RunResult& r, const QString& name)
{
    for (const VariantResult& v : r.variants)
        if (v.name == name)
            return &v;
    return nullptr;
}

// A run of `scenario` with one variant, "threads": MainThread and Thread-1 … Thread-<threads>,
// whose lines came out in `order` (worker indices, main is 0), 1 ms apart.
inline RunResult printingRun(const QString& scenario, const std::vector<int>& order, int threads)
{
    RunResult run;
    run.scenarioId = scenario;
    VariantResult v;
    v.name = QStringLiteral("threads");
    v.workers.resize(static_cast<std::size_t>(threads) + 1);
    v.workers[0].name = QStringLiteral("MainThread");
    for (int w = 1; w <= threads; ++w)
        v.workers[static_cast<std::size_t>(w)].name = QStringLiteral("Thread-%1").arg(w);
    double t = 0;
    for (const int w : order)
        v.workers[static_cast<std::size_t>(w)].output.push_back({t += 1, QStringLiteral("hello")});
    run.variants.push_back(v);
    return run;
}

} // namespace ThreadLab
