#include "results/lostupdatefinder.h"

#include "engine/eventlog.h"
#include "engine/lane.h"

#include <algorithm>
#include <unordered_map>

namespace ThreadLab {

namespace {

struct Step
{
    std::int64_t tNs = 0;
    int lane = 0;
    bool write = false;
    std::int64_t value = 0;
};

struct Access
{
    int lane = -1;
    std::int64_t readNs = 0;
    std::int64_t writeNs = 0;
};

// One interpreter's counter, replayed from its reads and writes in time order.
class CounterReplay
{
public:
    explicit CounterReplay(LostUpdateFinder::Found& found)
        : m_found(found)
    {
    }

    void step(const Step& s, std::vector<Access>& lastRead)
    {
        Access& mine = lastRead[static_cast<std::size_t>(s.lane)];
        if (!s.write) {
            mine.readNs = s.tNs;
            m_readValue[s.lane] = s.value;
            return;
        }
        const auto r = m_readValue.find(s.lane);
        const std::int64_t read = r != m_readValue.end() ? r->second : s.value - 1;
        // The writes since this lane's read are undone (a stale write may also redo some).
        m_found.lost += m_counter - read;
        if (m_counter >= s.value) {
            const auto earlier = m_lastWrite.find(s.value);
            if (earlier != m_lastWrite.end() && earlier->second.lane != s.lane && earlier->second.writeNs >= mine.readNs)
                m_found.updates.push_back({earlier->second.lane, s.lane, s.value - 1, earlier->second.readNs, mine.readNs,
                                           earlier->second.writeNs, s.tNs});
        }
        m_counter = s.value;
        m_lastWrite[s.value] = Access {s.lane, mine.readNs, s.tNs};
    }

private:
    LostUpdateFinder::Found& m_found;
    std::int64_t m_counter = 0; // every interpreter's counter starts at 0
    std::unordered_map<int, std::int64_t> m_readValue;
    std::unordered_map<std::int64_t, Access> m_lastWrite;
};

} // namespace

LostUpdateFinder::Found LostUpdateFinder::find(const EventLog& log)
{
    std::vector<std::size_t> sizes(static_cast<std::size_t>(log.laneCount()));
    for (int i = 0; i < log.laneCount(); ++i)
        sizes[static_cast<std::size_t>(i)] = log.lane(i)->size();
    return find(log, sizes);
}

LostUpdateFinder::Found LostUpdateFinder::find(const EventLog& log, const std::vector<std::size_t>& sizes)
{
    Found found;
    const int lanes = std::min(log.laneCount(), static_cast<int>(sizes.size()));
    // Group 0 is the app's own interpreter; a process lane is a group of its own.
    std::vector<std::vector<Step>> groups(1);
    for (int i = 0; i < lanes; ++i) {
        const Lane* lane = log.lane(i);
        std::vector<Step>* group = &groups.front();
        for (std::size_t k = 0; k < sizes[static_cast<std::size_t>(i)]; ++k) {
            const Event& e = lane->at(k);
            if (e.kind != EventKind::CounterRead && e.kind != EventKind::CounterWrite)
                continue;
            if (lane->info().kind == LaneKind::Process && group == &groups.front()) {
                groups.emplace_back();
                group = &groups.back();
            }
            group->push_back({e.tNs, i, e.kind == EventKind::CounterWrite, e.value});
        }
    }
    std::vector<Access> lastRead(static_cast<std::size_t>(lanes));
    for (std::vector<Step>& steps : groups) {
        found.counted = found.counted || !steps.empty();
        // Each lane's steps are in time order already: a stable sort keeps a lane's own order on ties.
        std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.tNs < b.tNs; });
        CounterReplay replay(found);
        for (const Step& s : steps)
            replay.step(s, lastRead);
    }
    std::stable_sort(found.updates.begin(), found.updates.end(),
                     [](const LostUpdate& a, const LostUpdate& b) { return a.secondWriteNs < b.secondWriteNs; });
    return found;
}

QString LostUpdateFinder::sentence(const EventLog& log, const LostUpdate& u)
{
    const auto name = [&log](int lane) {
        return lane < log.laneCount() ? log.lane(lane)->info().name : QString::number(lane);
    };
    return tr("%1 read %2, %3 read %2, both wrote %4").arg(name(u.firstLane)).arg(u.read).arg(name(u.secondLane)).arg(u.read + 1);
}

std::optional<LostUpdate> LostUpdateFinder::nearest(const Found& found, std::int64_t tNs)
{
    std::optional<LostUpdate> best;
    std::int64_t bestDistance = 0;
    for (const LostUpdate& u : found.updates) {
        const std::int64_t d = tNs < u.startNs() ? u.startNs() - tNs : (tNs > u.endNs() ? tNs - u.endNs() : 0);
        if (!best || d < bestDistance) {
            best = u;
            bestDistance = d;
        }
    }
    return best;
}

std::optional<LostUpdate> LostUpdateFinder::example(const Found& found)
{
    if (found.updates.empty())
        return std::nullopt;
    const std::int64_t from = found.updates.front().startNs();
    return nearest(found, from + (found.updates.back().endNs() - from) / 2);
}

} // namespace ThreadLab
