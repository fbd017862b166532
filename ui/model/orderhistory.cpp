#include "model/orderhistory.h"

#include "results/lineorder.h"
#include "results/variantresult.h"

#include <algorithm>

namespace ThreadLab {

QString OrderHistory::keyOf(const RunResult& run)
{
    const RunSettings& s = run.settings;
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(run.scenarioId)
        .arg(s.workers)
        .arg(s.gil)
        .arg(s.switchIntervalMs)
        .arg(s.timeScale)
        .arg(s.seed)
        .arg(s.variants.join(QLatin1Char(',')));
}

void OrderHistory::add(const RunResult& run)
{
    if (run.cancelled || !run.error.isEmpty() || run.variants.empty())
        return;
    const QString key = keyOf(run);
    if (key != m_key) {
        clear();
        m_key = key;
    }
    ++m_runsSeen;
    for (const VariantResult& v : run.variants) {
        std::vector<int> order = LineOrder::of(v);
        if (!LineOrder::interleaves(order))
            continue;
        auto it = std::find_if(m_variants.begin(), m_variants.end(), [&v](const Variant& kept) { return kept.name == v.name; });
        if (it == m_variants.end()) {
            m_variants.push_back({v.name, {}, {}});
            it = m_variants.end() - 1;
        }
        it->labels = LineOrder::labels(v, order);
        it->runs.push_back({m_runsSeen, std::move(order)});
        if (static_cast<int>(it->runs.size()) > maxRuns)
            it->runs.erase(it->runs.begin());
    }
}

void OrderHistory::clear()
{
    m_key.clear();
    m_runsSeen = 0;
    m_variants.clear();
}

} // namespace ThreadLab
