#include "model/blockfolder.h"

#include "model/timelineviewport.h"

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

int dominantState(const TimelineBlock& b)
{
    int best = static_cast<int>(b.state);
    double bestNs = -1;
    for (int s = 0; s < workerStateCount; ++s) {
        if (b.stateNs[static_cast<std::size_t>(s)] > bestNs) {
            bestNs = b.stateNs[static_cast<std::size_t>(s)];
            best = s;
        }
    }
    return bestNs > 0 ? best : static_cast<int>(b.state);
}

} // namespace

BlockFolder::BlockFolder(const TimelineViewport& viewport, std::vector<TimelineBlock>& out)
    : m_out(out)
    , m_maxX(static_cast<int>(std::ceil(viewport.widthPx())))
    , m_narrowNs(minBlockPx * viewport.nsPerPx())
    , m_t0Ns(viewport.t0Ns())
    , m_pxPerNs(viewport.widthPx() / viewport.spanNs())
{
}

void BlockFolder::add(double startNs, double endNs, WorkerState state, std::uint32_t arg)
{
    const double fa = x(startNs);
    const double fb = x(endNs);
    const bool isNarrow = narrow(startNs, endNs);
    if (m_has && !m_closing && isNarrow && (m_narrow || m_fold) && fb - m_fx0 <= maxFoldPx) {
        m_fold = true;
        ++m_pending.count;
        m_pending.endNs = static_cast<std::int64_t>(endNs);
        m_pending.stateNs[static_cast<std::size_t>(state)] += endNs - startNs;
        m_fx1 = fb;
        return;
    }
    StateTimes ns {};
    ns[static_cast<std::size_t>(state)] = endNs - startNs;
    start(startNs, endNs, fa, fb, ns, state, arg, 1);
    m_narrow = isNarrow;
}

void BlockFolder::probeAdd(Probe& p, double startNs, double endNs) const
{
    const bool isNarrow = narrow(startNs, endNs);
    const double fa = x(startNs);
    if (p.has && isNarrow && (p.narrow || p.fold) && x(endNs) - p.fx0 <= maxFoldPx) {
        p.fold = true;
        return;
    }
    p = {true, isNarrow, false, fa};
}

bool BlockFolder::runFits(const Probe& p, double startNs, double endNs) const
{
    const double fb = x(endNs);
    if (p.has && (p.narrow || p.fold))
        return fb - p.fx0 <= maxFoldPx;
    return fb - x(startNs) <= maxFoldPx;
}

void BlockFolder::addRun(double startNs, double endNs, const StateTimes& ns, WorkerState state, std::uint32_t arg,
                         int count)
{
    const double fb = x(endNs);
    if (m_has && !m_closing && (m_narrow || m_fold)) {
        m_fold = true;
        m_pending.count += count;
        m_pending.endNs = static_cast<std::int64_t>(endNs);
        for (std::size_t k = 0; k < ns.size(); ++k)
            m_pending.stateNs[k] += ns[k];
        m_fx1 = fb;
        return;
    }
    start(startNs, endNs, x(startNs), fb, ns, state, arg, count);
    m_narrow = true;
    m_fold = count > 1;
}

void BlockFolder::closeBefore(double endNs)
{
    if (wouldClose(endNs))
        m_closing = true;
}

bool BlockFolder::wouldClose(double endNs) const noexcept
{
    return m_has && (m_narrow || m_fold) && x(endNs) - m_fx0 > maxFoldPx;
}

void BlockFolder::addCount(int count)
{
    if (m_has)
        m_pending.count += count;
}

void BlockFolder::flush()
{
    if (!m_has)
        return;
    m_has = false;
    TimelineBlock& b = m_pending; // finished with after this call: edit in place
    b.state = static_cast<WorkerState>(dominantState(b));
    b.x0 = std::max(static_cast<int>(std::lround(m_fx0)), m_prevX1);
    b.x1 = std::min(std::max(static_cast<int>(std::lround(m_fx1)), b.x0 + 1), m_maxX);
    if (b.x1 <= b.x0) {
        // Nothing left of its own at the plot's right edge: fold it into its neighbour.
        if (!m_out.empty() && m_out.back().x1 >= b.x0)
            mergeInto(m_out.back(), b);
        return;
    }
    if (!m_out.empty() && m_out.back().x1 == b.x0 && !m_out.back().mixed() && !b.mixed()
        && m_out.back().state == b.state && m_out.back().arg == b.arg) {
        mergeInto(m_out.back(), b); // e.g. narrow intervals of one state, folded piecewise
        m_out.back().x1 = b.x1;
    } else {
        m_out.push_back(b);
    }
    m_prevX1 = m_out.back().x1;
}

void BlockFolder::start(double startNs, double endNs, double fa, double fb, const StateTimes& ns, WorkerState state,
                        std::uint32_t arg, int count)
{
    flush();
    ++m_starts;
    m_has = true;
    m_closing = false;
    m_fold = false;
    m_fx0 = fa;
    m_fx1 = fb;
    m_pending = TimelineBlock {};
    m_pending.state = state;
    m_pending.count = count;
    m_pending.startNs = static_cast<std::int64_t>(startNs);
    m_pending.endNs = static_cast<std::int64_t>(endNs);
    m_pending.arg = arg;
    m_pending.stateNs = ns;
}

void BlockFolder::mergeInto(TimelineBlock& into, const TimelineBlock& b)
{
    into.count += b.count;
    into.endNs = b.endNs;
    for (std::size_t s = 0; s < into.stateNs.size(); ++s)
        into.stateNs[s] += b.stateNs[s];
    into.state = static_cast<WorkerState>(dominantState(into));
}

} // namespace ThreadLab
