#include "results/runseries.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace ThreadLab {

void RunSeries::add(RunResult run)
{
    m_runs.push_back(std::move(run));
}

std::size_t RunSeries::medianIndex(const std::vector<double>& values)
{
    if (values.empty())
        return 0;
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&values](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    return order[(values.size() - 1) / 2];
}

RunResult RunSeries::combined() const
{
    if (m_runs.empty())
        return {};
    RunResult out = m_runs.front();
    out.repeats = count();
    out.lesson.reset();
    for (const RunResult& run : m_runs)
        out.cancelled = out.cancelled || run.cancelled;
    for (VariantResult& variant : out.variants) {
        std::vector<const VariantResult*> runs;
        std::vector<double> elapsed;
        for (const RunResult& run : m_runs) {
            const auto found = std::find_if(run.variants.begin(), run.variants.end(),
                                            [&variant](const VariantResult& v) { return v.name == variant.name; });
            if (found != run.variants.end() && !found->cancelled) {
                runs.push_back(&*found);
                elapsed.push_back(found->elapsedMs);
            }
        }
        if (runs.empty())
            continue; // cancelled in every run: kept as the first run had it
        variant = *runs[medianIndex(elapsed)];
        variant.elapsedRunsMs = std::move(elapsed);
    }
    return out;
}

} // namespace ThreadLab
