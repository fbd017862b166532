#include "model/liveoutputreader.h"

#include "engine/eventlog.h"
#include "results/variantresult.h"

#include <algorithm>
#include <limits>

namespace ThreadLab {

namespace {

void sortByTime(std::vector<ConsoleLine>& lines)
{
    std::stable_sort(lines.begin(), lines.end(), [](const ConsoleLine& a, const ConsoleLine& b) { return a.tMs < b.tMs; });
}

} // namespace

void LiveOutputReader::reset(int variant, std::shared_ptr<const EventLog> log)
{
    m_variant = variant;
    m_log = std::move(log);
    m_next.clear();
}

void LiveOutputReader::clear()
{
    reset(0, nullptr);
}

std::vector<ConsoleLine> LiveOutputReader::readNew(std::int64_t holdBackNs)
{
    if (!m_log)
        return {};
    return read(m_log->lastEventNs() - holdBackNs);
}

std::vector<ConsoleLine> LiveOutputReader::readRest()
{
    return read(std::numeric_limits<std::int64_t>::max());
}

std::vector<ConsoleLine> LiveOutputReader::read(std::int64_t untilNs)
{
    std::vector<ConsoleLine> out;
    if (!m_log)
        return out;
    const int lanes = m_log->laneCount();
    if (static_cast<int>(m_next.size()) < lanes)
        m_next.resize(static_cast<std::size_t>(lanes), 0);
    const std::int64_t origin = m_log->originNs();
    for (int li = 0; li < lanes; ++li) {
        const Lane* lane = m_log->lane(li);
        std::size_t& next = m_next[static_cast<std::size_t>(li)];
        const std::size_t size = lane->size();
        // Events of one lane are in time order: stop at the first one past the hold-back.
        for (; next < size; ++next) {
            const Event& e = lane->at(next);
            if (e.tNs > untilNs)
                break;
            if (e.kind != EventKind::Output)
                continue;
            out.push_back({m_variant, li, static_cast<double>(e.tNs - origin) / 1e6, lane->info().name, lane->text(e.arg)});
        }
    }
    sortByTime(out);
    return out;
}

std::vector<ConsoleLine> LiveOutputReader::fromResult(int variant, const VariantResult& result)
{
    std::vector<ConsoleLine> out;
    for (std::size_t wi = 0; wi < result.workers.size(); ++wi) {
        const WorkerResult& w = result.workers[wi];
        for (const OutputLine& line : w.output)
            out.push_back({variant, static_cast<int>(wi), line.tMs, w.name, line.text});
    }
    sortByTime(out);
    return out;
}

} // namespace ThreadLab
