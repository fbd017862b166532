#include "model/giltrack.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelineviewport.h"
#include "tasks/monoclock.h"

#include <algorithm>
#include <cmath>

namespace ThreadLab {

void GilTrack::reset()
{
    m_log = nullptr;
    m_note.clear();
    m_samplingHz = 0;
    m_lanes = 0;
    m_interpreters.clear();
    m_interpreterOf.clear();
}

void GilTrack::sync(const EventLog* log, bool live)
{
    if (log != m_log) {
        reset();
        m_log = log;
    }
    if (!log)
        return;
    m_gilEnabled = log->gilEnabled();
    m_note = log->gilNote();
    m_samplingHz = log->gilSamplingHz();
    const int count = log->laneCount();
    for (int i = m_lanes; i < count; ++i) {
        const bool app = GilHolders::inAppInterpreter(log->lane(i)->info());
        auto it = std::find_if(m_interpreters.begin(), m_interpreters.end(),
                               [app](const Interpreter& in) { return app && in.app; });
        if (it == m_interpreters.end()) {
            m_interpreters.push_back(Interpreter {});
            it = m_interpreters.end() - 1;
            it->app = app;
            it->holders.setObserved(app && log->observedGil() != nullptr);
        }
        it->holders.addLane(i);
        m_interpreterOf.push_back(static_cast<int>(it - m_interpreters.begin()));
    }
    m_lanes = count;
    if (!m_gilEnabled)
        return; // no lock, nobody holds it: the strip says so
    const std::int64_t horizon = live ? MonoClock::nowNs() : GilHolders::everything; // before the counts
    for (std::size_t i = 0; i < m_interpreters.size(); ++i)
        if (!showsNote(static_cast<int>(i))) // a CPython lane's running says nothing of the GIL
            m_interpreters[i].holders.extend(*log, horizon);
}

bool GilTrack::showsNote(int interpreter) const
{
    // Free-threaded: every interpreter of the run has no GIL. Not observed: only the app's own
    // is unknown, child processes still hold their own.
    return !m_note.isEmpty() && (!m_gilEnabled || m_interpreters[static_cast<std::size_t>(interpreter)].app);
}

const GilHolders* GilTrack::observedHoldersOf(int lane) const
{
    const int interpreter = interpreterOf(lane);
    if (interpreter < 0 || !m_gilEnabled || showsNote(interpreter))
        return nullptr;
    const Interpreter& in = m_interpreters[static_cast<std::size_t>(interpreter)];
    return in.app && in.holders.observed() ? &in.holders : nullptr;
}

int GilTrack::interpreterOf(int lane) const
{
    return lane >= 0 && lane < static_cast<int>(m_interpreterOf.size()) ? m_interpreterOf[static_cast<std::size_t>(lane)]
                                                                        : -1;
}

void GilTrack::fold(int interpreter, const TimelineViewport& viewport, std::int64_t originNs, std::int64_t untilNs,
                    std::vector<Block>& out) const
{
    const GilHolders& holders = m_interpreters[static_cast<std::size_t>(interpreter)].holders;
    const std::int64_t t0 = viewport.startNsFrom(originNs);
    const std::int64_t t1 = viewport.endNsFrom(originNs);
    const std::int64_t until = originNs + untilNs;
    auto x = [&viewport, originNs](std::int64_t t) {
        return static_cast<int>(std::lround(viewport.xForTime(static_cast<double>(t - originNs))));
    };
    auto endOf = [until](const GilHolders::Span& s) { return std::min(s.endNs, until); };
    int lastX = std::numeric_limits<int>::min();
    const std::size_t n = holders.spanCount();
    for (std::size_t i = holders.firstEndingAfter(t0); i < n;) {
        const GilHolders::Span first = holders.span(i);
        if (first.startNs >= t1)
            break;
        Block b;
        b.startNs = std::max(first.startNs, t0);
        b.x0 = std::max(x(b.startNs), lastX);
        std::size_t next = i + 1;
        if (x(endOf(first)) - b.x0 < minBlockPx) {
            // Holds narrower than a few pixels: fold every hold that ends within the next few.
            const double foldEnd = b.x0 + minBlockPx;
            const auto tEnd = originNs + static_cast<std::int64_t>(std::ceil(viewport.timeForX(foldEnd)));
            next = std::max(next, holders.firstEndingAfter(tEnd));
        }
        b.endNs = std::min(endOf(holders.span(next - 1)), t1);
        b.x1 = std::max(x(b.endNs), b.x0 + 1);
        b.count = static_cast<int>(next - i);
        shareOut(b, holders, i, next);
        if (b.endNs > b.startNs || b.count > 1)
            out.push_back(b);
        lastX = b.x1;
        i = next;
    }
}

// The time each holder held the lock inside the block, its main holders first.
void GilTrack::shareOut(Block& b, const GilHolders& holders, std::size_t first, std::size_t last)
{
    const std::size_t n = last - first;
    const std::size_t step = n > sampleLimit ? n / sampleLimit : 1;
    std::vector<std::pair<int, double>> held; // few lanes: a short list beats a map
    for (std::size_t k = first; k < last; k += step) {
        const GilHolders::Span s = holders.span(k);
        const double ns = static_cast<double>(std::min(s.endNs, b.endNs) - std::max(s.startNs, b.startNs));
        auto it = std::find_if(held.begin(), held.end(), [&s](const auto& h) { return h.first == s.lane; });
        if (it == held.end())
            held.emplace_back(s.lane, std::max(0.0, ns));
        else
            it->second += std::max(0.0, ns);
    }
    std::stable_sort(held.begin(), held.end(), [](const auto& a, const auto& c) { return a.second > c.second; });
    b.holders = static_cast<int>(std::min<std::size_t>(held.size(), Block::maxHolders));
    const double scale = static_cast<double>(step);
    for (int h = 0; h < b.holders; ++h) {
        b.lanes[static_cast<std::size_t>(h)] = held[static_cast<std::size_t>(h)].first;
        b.heldNs[static_cast<std::size_t>(h)] = held[static_cast<std::size_t>(h)].second * scale;
    }
}

std::optional<GilHolders::Span> GilTrack::spanAt(int interpreter, std::int64_t tAbs, std::int64_t reachNs) const
{
    const GilHolders& holders = m_interpreters[static_cast<std::size_t>(interpreter)].holders;
    std::optional<GilHolders::Span> best;
    std::int64_t bestDistance = reachNs + 1;
    for (std::size_t i = holders.firstEndingAfter(tAbs - reachNs); i < holders.spanCount(); ++i) {
        const GilHolders::Span s = holders.span(i);
        if (s.startNs > tAbs + reachNs)
            break;
        const std::int64_t distance = tAbs < s.startNs ? s.startNs - tAbs : (tAbs >= s.endNs ? tAbs - s.endNs : 0);
        if (distance < bestDistance) {
            best = s;
            bestDistance = distance;
        }
    }
    return best;
}

std::size_t GilTrack::memoryBytes() const
{
    std::size_t bytes = m_interpreterOf.capacity() * sizeof(int);
    for (const Interpreter& in : m_interpreters)
        bytes += sizeof(Interpreter) + in.holders.memoryBytes();
    return bytes;
}

} // namespace ThreadLab
