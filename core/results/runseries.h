#pragma once

#include "results/variantresult.h"

#include <cstddef>
#include <vector>

namespace ThreadLab {

// The runs of one scenario repeated with the same settings (--repeat N), their variants
// interleaved as the runner ran them, combined into one result: each variant as it ran in its
// median run, with every run's elapsed time beside it. Plain data, no engine.
class RunSeries
{
public:
    void add(RunResult run);
    int count() const noexcept { return static_cast<int>(m_runs.size()); }
    bool isEmpty() const noexcept { return m_runs.empty(); }

    // The first run's settings and variants, each variant replaced by its median run (workers,
    // intervals and observations of that run; its elapsedRunsMs every run's elapsed time).
    // Runs where a variant was cancelled do not count for it. Cancelled when any run was.
    RunResult combined() const;

    // The index of the median of `values`; for an even count the lower of the two middle ones,
    // so that the median is a run that happened, whose details can be shown beside it.
    static std::size_t medianIndex(const std::vector<double>& values);

private:
    std::vector<RunResult> m_runs;
};

} // namespace ThreadLab
