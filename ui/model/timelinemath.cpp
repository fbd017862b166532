#include "model/timelinemath.h"

#include "engine/lane.h"
#include "model/lanesummary.h"
#include "model/prefetch.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <utility>

namespace ThreadLab {

namespace {

using Block = TimelineMath::Block;
using StateTimes = std::array<double, workerStateCount>;

int statesIn(const StateTimes& ns)
{
    int states = 0;
    for (double v : ns)
        if (v > 0)
            ++states;
    return states;
}

int dominantState(const Block& b)
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

// Collects clipped intervals (in ns since the origin) into blocks. See foldLane. A narrow interval
// joins the block being built if that is narrow or a fold already and the fold stays within
// maxFoldPx; anything else starts a new block. Narrowness is decided on durations, not on
// rounded pixel positions, so that a run of intervals summed up by LaneSummary folds exactly as
// its intervals would one by one.
class Folder
{
public:
    Folder(const TimelineMath& math, std::vector<Block>& out)
        : m_out(out)
        , m_maxX(static_cast<int>(std::ceil(math.widthPx())))
        , m_narrowNs(TimelineMath::minBlockPx * math.nsPerPx())
        , m_t0Ns(math.t0Ns())
        , m_pxPerNs(math.widthPx() / math.spanNs())
    {
    }

    // xForTime with the scale worked out once: a multiplication per edge instead of a division
    // (within a rounding step of it; both ways of folding use this one).
    double x(double tNs) const noexcept { return (tNs - m_t0Ns) * m_pxPerNs; }

    bool narrow(double startNs, double endNs) const noexcept { return endNs - startNs < m_narrowNs; }

    void add(double startNs, double endNs, WorkerState state, std::uint32_t arg)
    {
        const double fa = x(startNs);
        const double fb = x(endNs);
        const bool isNarrow = narrow(startNs, endNs);
        if (m_has && !m_closing && isNarrow && (m_narrow || m_fold) && fb - m_fx0 <= TimelineMath::maxFoldPx) {
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

    // What decides whether the next interval joins the block being built; probing a few intervals
    // ahead tells whether a summarised run would fold into one block, without adding anything.
    struct Probe
    {
        bool has = false;
        bool narrow = false;
        bool fold = false;
        double fx0 = 0;
    };
    Probe probe() const noexcept { return {m_has && !m_closing, m_narrow, m_fold, m_fx0}; }
    void probeAdd(Probe& p, double startNs, double endNs) const
    {
        const bool isNarrow = narrow(startNs, endNs);
        const double fa = x(startNs);
        if (p.has && isNarrow && (p.narrow || p.fold)
            && x(endNs) - p.fx0 <= TimelineMath::maxFoldPx) {
            p.fold = true;
            return;
        }
        p = {true, isNarrow, false, fa};
    }
    // Whether addRun(startNs, endNs, …) after the probed intervals keeps the run in one block.
    bool runFits(const Probe& p, double startNs, double endNs) const
    {
        const double fb = x(endNs);
        if (p.has && (p.narrow || p.fold))
            return fb - p.fx0 <= TimelineMath::maxFoldPx;
        return fb - x(startNs) <= TimelineMath::maxFoldPx;
    }

    // A run of `count` narrow intervals (as runFits), with their time per state; the first one
    // has `state` and `arg`.
    void addRun(double startNs, double endNs, const StateTimes& ns, WorkerState state, std::uint32_t arg, int count)
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

    // At a dense block's first event: if the fold being built could not take the block whole
    // (its last change point at endNs lies past the fold's maxFoldPx), the fold ends here, before
    // the block, instead of inside it; the next interval starts a new block.
    void closeBefore(double endNs)
    {
        if (wouldClose(endNs))
            m_closing = true;
    }
    bool wouldClose(double endNs) const noexcept
    {
        return m_has && (m_narrow || m_fold) && x(endNs) - m_fx0 > TimelineMath::maxFoldPx;
    }

    // How many blocks have been started: a new one means the fold before it has closed.
    int starts() const noexcept { return m_starts; }

    // Intervals of no length (clipped away, or two events at the same instant) still count.
    void addCount(int count)
    {
        if (m_has)
            m_pending.count += count;
    }

    void flush()
    {
        if (!m_has)
            return;
        m_has = false;
        Block& b = m_pending; // finished with after this call: edit in place
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

private:
    void start(double startNs, double endNs, double fa, double fb, const StateTimes& ns, WorkerState state,
               std::uint32_t arg, int count)
    {
        flush();
        ++m_starts;
        m_has = true;
        m_closing = false;
        m_fold = false;
        m_fx0 = fa;
        m_fx1 = fb;
        m_pending = Block {};
        m_pending.state = state;
        m_pending.count = count;
        m_pending.startNs = static_cast<std::int64_t>(startNs);
        m_pending.endNs = static_cast<std::int64_t>(endNs);
        m_pending.arg = arg;
        m_pending.stateNs = ns;
    }

    static void mergeInto(Block& into, const Block& b)
    {
        into.count += b.count;
        into.endNs = b.endNs;
        for (std::size_t s = 0; s < into.stateNs.size(); ++s)
            into.stateNs[s] += b.stateNs[s];
        into.state = static_cast<WorkerState>(dominantState(into));
    }

    std::vector<Block>& m_out;
    const int m_maxX;
    const double m_narrowNs;
    const double m_t0Ns;
    const double m_pxPerNs;
    Block m_pending;
    bool m_has = false;
    bool m_fold = false;   // the block being built holds more than one interval
    bool m_closing = false; // … and takes no more (closeBefore)
    bool m_narrow = false; // … or one narrow interval, which narrow neighbours may join
    double m_fx0 = 0;
    double m_fx1 = 0;
    int m_prevX1 = INT_MIN;
    int m_starts = 0;
};

} // namespace

bool TimelineMath::Block::mixed() const noexcept
{
    return statesIn(stateNs) > 1;
}

TimelineMath::TimelineMath(double t0Ns, double t1Ns, double widthPx)
    : m_t0Ns(t0Ns)
    , m_t1Ns(t1Ns)
    , m_widthPx(std::max(1.0, widthPx))
{
    if (m_t1Ns - m_t0Ns < minSpanNs)
        m_t1Ns = m_t0Ns + minSpanNs;
}

double TimelineMath::maxSpanNs() const noexcept
{
    return std::max(m_limitNs, minMaxSpanNs) * 3;
}

void TimelineMath::setWidthPx(double widthPx)
{
    m_widthPx = std::max(1.0, widthPx);
}

void TimelineMath::setLimitNs(double durationNs)
{
    m_limitNs = std::max(0.0, durationNs);
}

void TimelineMath::setWindow(double t0Ns, double t1Ns)
{
    m_t0Ns = t0Ns;
    m_t1Ns = std::max(t1Ns, t0Ns + minSpanNs);
    clamp();
}

void TimelineMath::zoomAt(double x, double factor)
{
    if (!(factor > 0))
        return;
    const double t = timeForX(x);
    const double span = std::clamp(spanNs() / factor, minSpanNs, maxSpanNs());
    m_t0Ns = t - x / m_widthPx * span;
    m_t1Ns = m_t0Ns + span;
    clamp();
}

void TimelineMath::panByPx(double dx)
{
    const double shift = dx * nsPerPx();
    m_t0Ns += shift;
    m_t1Ns += shift;
    clamp();
}

namespace {

// The factor that leaves rightMarginPx of widthPx free (at most half of it).
double marginFactor(double widthPx, double rightMarginPx)
{
    const double margin = std::clamp(rightMarginPx, 0.0, widthPx / 2);
    return widthPx / (widthPx - margin);
}

} // namespace

void TimelineMath::fit(double durationNs, double rightMarginPx)
{
    setLimitNs(durationNs);
    m_t0Ns = 0;
    m_t1Ns = std::max(minSpanNs, m_limitNs * marginFactor(m_widthPx, rightMarginPx));
}

void TimelineMath::follow(double durationNs, double rightMarginPx)
{
    setLimitNs(durationNs);
    m_t0Ns = 0;
    m_t1Ns = niceCeil(std::max(m_limitNs * marginFactor(m_widthPx, rightMarginPx), minMaxSpanNs));
}

void TimelineMath::clamp()
{
    const double span = std::clamp(spanNs(), minSpanNs, maxSpanNs());
    const double margin = 0.05 * span;
    const double lo = -margin;
    const double hi = std::max(lo, m_limitNs + margin - span);
    m_t0Ns = std::clamp(m_t0Ns, lo, hi);
    m_t1Ns = m_t0Ns + span;
}

double TimelineMath::niceStep(double rawNs)
{
    if (!(rawNs > 1))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(rawNs)));
    const double f = rawNs / p;
    // A little tolerance so that exact decades are not pushed one step up by rounding.
    const double nice = f <= 1.0 + 1e-9 ? 1 : f <= 2.0 + 1e-9 ? 2 : f <= 5.0 + 1e-9 ? 5 : 10;
    return nice * p;
}

double TimelineMath::niceCeil(double v)
{
    if (!(v > 0))
        return 1;
    static constexpr double steps[] = {1, 1.5, 2, 3, 4, 5, 6, 8, 10};
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double s : steps)
        if (s * p >= v * (1 - 1e-12))
            return s * p;
    return 10 * p;
}

double TimelineMath::tickStepNs(double minSpacingPx) const
{
    return niceStep(std::max(1.0, minSpacingPx) * nsPerPx());
}

QList<TimelineMath::Tick> TimelineMath::ticks(double minSpacingPx) const
{
    QList<Tick> out;
    const double step = tickStepNs(minSpacingPx);
    const double first = std::ceil(m_t0Ns / step) * step;
    const int maxTicks = static_cast<int>(m_widthPx / std::max(1.0, minSpacingPx)) + 2;
    for (int i = 0; i <= maxTicks; ++i) {
        const double t = first + i * step;
        if (t > m_t1Ns)
            break;
        out.append({t, xForTime(t), formatTick(t, step)});
    }
    return out;
}

QString TimelineMath::formatTick(double tNs, double stepNs)
{
    double unit = 1;
    QString name = QStringLiteral("ns");
    if (stepNs >= 1e8) {
        unit = 1e9;
        name = QStringLiteral("s");
    } else if (stepNs >= 1e5) {
        unit = 1e6;
        name = QStringLiteral("ms");
    } else if (stepNs >= 1e2) {
        unit = 1e3;
        name = QStringLiteral("µs");
    }
    const double stepInUnit = stepNs / unit;
    const int decimals = stepInUnit >= 1 - 1e-9 ? 0 : static_cast<int>(std::ceil(-std::log10(stepInUnit) - 1e-9));
    double v = tNs / unit;
    if (std::abs(tNs) < stepNs * 1e-6)
        v = 0; // no "-0"
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + name;
}

QString TimelineMath::formatDuration(double ns)
{
    const double a = std::abs(ns);
    double unit = 1;
    QString name = QStringLiteral("ns");
    if (a >= 1e9) {
        unit = 1e9;
        name = QStringLiteral("s");
    } else if (a >= 1e6) {
        unit = 1e6;
        name = QStringLiteral("ms");
    } else if (a >= 1e3) {
        unit = 1e3;
        name = QStringLiteral("µs");
    }
    const double v = ns / unit;
    const double av = std::abs(v);
    const int decimals = unit == 1 ? 0 : av < 10 ? 2 : av < 100 ? 1 : 0;
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + name;
}

std::pair<std::size_t, std::size_t> TimelineMath::visibleRange(const Lane& lane, std::size_t n,
                                                               std::int64_t originNs) const
{
    const auto t0 = originNs + static_cast<std::int64_t>(std::floor(m_t0Ns));
    const auto t1 = originNs + static_cast<std::int64_t>(std::ceil(m_t1Ns));
    std::size_t first = lane.lowerBound(t0, n);
    // Back to the state event in effect at t0 (usually one step; outputs are rare).
    if (first > 0) {
        std::size_t i = first - 1;
        while (i > 0 && lane.at(i).kind != EventKind::State)
            --i;
        first = i;
    }
    const std::size_t last = std::max(first, lane.lowerBound(t1, n));
    return {first, last};
}

void TimelineMath::foldLane(const Lane& lane, std::size_t first, std::size_t last, std::int64_t originNs,
                            std::int64_t untilNs, std::vector<Block>& out, const LaneSummary* summary) const
{
    const auto t0 = originNs + static_cast<std::int64_t>(std::floor(m_t0Ns));
    const auto t1 = originNs + static_cast<std::int64_t>(std::ceil(m_t1Ns));
    const auto untilAbs = originNs + untilNs;
    const double narrowNs = minBlockPx * nsPerPx();
    Folder folder(*this, out);

    // Intervals in absolute ns, clipped to the window; the folder works in ns since the origin.
    auto rel = [originNs](std::int64_t t) { return static_cast<double>(t - originNs); };
    auto addInterval = [&folder, &rel, t0, t1](std::int64_t s, std::int64_t e, WorkerState state, std::uint32_t arg) {
        s = std::max(s, t0);
        e = std::min(e, t1);
        if (e > s)
            folder.add(rel(s), rel(e), state, arg);
        else if (s < t1 && e >= t0)
            folder.addCount(1);
    };
    auto probeInterval = [&folder, &rel, t0, t1](Folder::Probe& p, std::int64_t s, std::int64_t e) {
        s = std::max(s, t0);
        e = std::min(e, t1);
        if (e > s)
            folder.probeAdd(p, rel(s), rel(e));
    };

    // The walk: the open interval started at curStart in state cur.
    bool open = false;
    WorkerState cur = WorkerState::Created;
    std::uint32_t curArg = 0;
    std::int64_t curStart = 0;

    // Takes a whole summary block starting at event i if it can stand for its events: no terminal
    // inside, and its inner intervals all narrow, in the window, and folding into one block.
    // Exactly what visiting its events would do, in O(1).
    auto takeBlock = [&](const LaneSummary::Block& b) {
        if (!b.has(LaneSummary::Block::HasState))
            return true; // output and queue marks only
        if (b.has(LaneSummary::Block::Terminal))
            return false;
        const bool changeAtFirst = !open || b.firstState != cur || b.firstArg != curArg;
        if (b.changes >= 2) {
            if (b.has(LaneSummary::Block::ZeroInner) || !(static_cast<double>(b.maxInnerNs) < narrowNs)
                || b.c1Ns < t0 || b.lastNs > t1)
                return false;
            Folder::Probe p = folder.probe();
            if (changeAtFirst && open)
                probeInterval(p, curStart, b.firstNs);
            probeInterval(p, changeAtFirst ? b.firstNs : curStart, b.c1Ns);
            if (!folder.runFits(p, rel(b.c1Ns), rel(b.lastNs)))
                return false;
        }
        if (changeAtFirst) {
            if (open)
                addInterval(curStart, b.firstNs, cur, curArg);
            cur = b.firstState;
            curArg = b.firstArg;
            curStart = b.firstNs;
            open = true;
        }
        if (b.changes >= 1) {
            addInterval(curStart, b.c1Ns, cur, curArg);
            cur = b.c1State;
            curArg = b.c1Arg;
            curStart = b.c1Ns;
        }
        if (b.changes >= 2) {
            StateTimes ns {};
            for (std::size_t s = 0; s < b.innerNs.size(); ++s)
                ns[s] = static_cast<double>(b.innerNs[s]);
            folder.addRun(rel(b.c1Ns), rel(b.lastNs), ns, b.c1State, b.c1Arg, static_cast<int>(b.changes - 1));
            cur = b.lastState;
            curArg = b.lastArg;
            curStart = b.lastNs;
        }
        return true;
    };
    // The largest whole block starting at i that can be taken, if any: its size in events.
    auto takeBlocksAt = [&](std::size_t i) -> std::size_t {
        for (int level = LaneSummary::levels - 1; level >= 0; --level) {
            static_assert(LaneSummary::blockEvents == 32 && LaneSummary::fanOut == 8);
            const std::size_t size = std::size_t(32) << (3 * level); // eventsPerBlock, no loop
            if ((i & (size - 1)) != 0 || i + size > last)
                continue;
            const std::vector<LaneSummary::Block>& blocks = summary->blocks(level);
            const std::size_t k = i / size;
            if (k < blocks.size() && takeBlock(blocks[k]))
                return size;
        }
        return 0;
    };

    // One event of the walk; false once the lane has ended.
    auto step = [&](const Event& e) {
        if (e.kind != EventKind::State || (open && e.state == cur && e.arg == curArg))
            return true;
        if (open)
            addInterval(curStart, e.tNs, cur, curArg);
        open = false;
        if (isTerminal(e.state))
            return false;
        cur = e.state;
        curArg = e.arg;
        curStart = e.tNs;
        open = true;
        return true;
    };

    // A level-0 block whose intervals are all narrow and in the window but reach past the fold
    // being built: a fold edge lies inside it. Walks its events only until the edge; from the
    // first change point after which the rest of the block fits in one screen block, the rest is
    // taken as a run, its time per state being the block's minus what was walked (exact: times
    // are whole ns). The same blocks as walking every event; about half the events visited.
    auto splitBlock = [&](const LaneSummary::Block& b, const Event* events) {
        std::array<std::int64_t, LaneSummary::lastingStates> walkedNs {};
        std::uint32_t walkedInner = 0;
        int startsSeen = -1;
        for (std::uint32_t k = 0; k < LaneSummary::blockEvents; ++k) {
            const Event& e = events[k];
            const bool change = e.kind == EventKind::State && (!open || e.state != cur || e.arg != curArg);
            if (change && k > b.c1Offset) {
                // An inner interval ends here (no terminal inside: the lane goes on).
                walkedNs[static_cast<std::size_t>(cur)] += e.tNs - curStart;
                ++walkedInner;
            }
            step(e);
            if (!change || k < b.c1Offset || curStart == b.lastNs || folder.starts() == startsSeen)
                continue;
            // A fold may have closed here: would the rest join what is being built now?
            startsSeen = folder.starts();
            if (!folder.runFits(folder.probe(), rel(curStart), rel(b.lastNs)))
                continue;
            StateTimes ns {};
            for (std::size_t st = 0; st < b.innerNs.size(); ++st)
                ns[st] = static_cast<double>(b.innerNs[st] - walkedNs[st]);
            folder.addRun(rel(curStart), rel(b.lastNs), ns, cur, curArg, static_cast<int>(b.changes - 1 - walkedInner));
            cur = b.lastState;
            curArg = b.lastArg;
            curStart = b.lastNs;
            return true;
        }
        return false;
    };
    // Reading the events of a split block is a cache miss (whole blocks are taken without
    // touching their events, so the walk jumps a fold's worth of the log ahead each time), and
    // waiting for memory was most of the fold's time. The next fold ends a maxFoldPx further on:
    // find the block holding that time in the summary (whose blocks the fold reads in order
    // anyway) and ask for its events up to about there now, while the blocks before it are taken.
    auto prefetchNextEdge = [&](std::size_t k) {
        const double edgeNs = timeForX(folder.probe().fx0 + maxFoldPx);
        auto startsBefore = [&](const std::vector<LaneSummary::Block>& blocks, std::size_t j) {
            return j < blocks.size() && rel(blocks[j].firstNs) <= edgeNs;
        };
        const std::vector<LaneSummary::Block>& level1 = summary->blocks(1);
        std::size_t parent = k / LaneSummary::fanOut + 1;
        bool jumped = false;
        for (int steps = 0; steps < 64 && startsBefore(level1, parent); ++steps) {
            k = parent++ * LaneSummary::fanOut;
            jumped = true;
        }
        const std::vector<LaneSummary::Block>& level0 = summary->blocks(0);
        if (jumped) {
            // Denser than a level-1 block per fold: the fold takes level-1 blocks whole and
            // reads the level-0 blocks only where it ends. Those are as far from here as the
            // events, so ask for them instead of reading through them now.
            for (std::size_t j = k; j < std::min(level0.size(), k + LaneSummary::fanOut); ++j) {
                prefetchForRead(&level0[j]);
                prefetchForRead(reinterpret_cast<const char*>(&level0[j]) + 64);
            }
            return;
        }
        for (int steps = 0; steps < 2 * static_cast<int>(LaneSummary::fanOut) && startsBefore(level0, k + 1); ++steps)
            ++k;
        const std::size_t at = k * LaneSummary::blockEvents;
        if (k >= level0.size() || at + LaneSummary::blockEvents > last)
            return;
        // The walk reads from the block's start to the edge: guess where in the block that is.
        const LaneSummary::Block& b = level0[k];
        const double span = k + 1 < level0.size() ? rel(level0[k + 1].firstNs) - rel(b.firstNs) : 0;
        const double share = span > 0 ? std::clamp((edgeNs - rel(b.firstNs)) / span, 0.0, 1.0) : 1.0;
        const std::size_t bytes = std::min(LaneSummary::blockEvents * sizeof(Event),
                                           static_cast<std::size_t>(share * LaneSummary::blockEvents * sizeof(Event)) + 128);
        const char* events = reinterpret_cast<const char*>(&lane.at(at));
        for (std::size_t offset = 0; offset < bytes; offset += 64)
            prefetchForRead(events + offset);
    };
    auto splittable = [&](const LaneSummary::Block& b) {
        return b.has(LaneSummary::Block::HasState) && !b.has(LaneSummary::Block::Terminal)
            && !b.has(LaneSummary::Block::ZeroInner) && b.changes >= 2
            && static_cast<double>(b.maxInnerNs) < narrowNs && b.c1Ns >= t0 && b.lastNs <= t1;
    };
    // Folds end at the start of a dense level-0 block rather than inside it (see foldLane's
    // documentation): the same decision with and without the summary, at every block boundary.
    const double denseNs = denseBlockPx * nsPerPx();
    auto closeBeforeDense = [&](const LaneSummary::Block& b) {
        if (splittable(b) && static_cast<double>(b.lastNs - b.firstNs) <= denseNs)
            folder.closeBefore(rel(b.lastNs));
    };

    // Events between two multiples of blockEvents are contiguous: the lane's chunks hold a
    // multiple of 256 events each, so the walk reads them through a plain pointer.
    static_assert((std::size_t(1) << Lane::firstChunkBits) % LaneSummary::blockEvents == 0);
    std::size_t i = first;
    bool going = true;
    while (going && i < last) {
        if (!summary && i % LaneSummary::blockEvents == 0 && i + LaneSummary::blockEvents <= last)
            closeBeforeDense(LaneSummary::blockAt(lane, i));
        if (summary && i % LaneSummary::blockEvents == 0) {
            const std::size_t k0 = i / LaneSummary::blockEvents;
            if (i + LaneSummary::blockEvents <= last && k0 < summary->blocks(0).size()) {
                // The level-1 block starting here bounds its first level-0 block's last change
                // point: if even that fits the fold, closeBeforeDense would do nothing, and the
                // level-0 block (a cache miss when the level-1 block is taken whole) is not read.
                const std::size_t k1 = i / LaneSummary::eventsPerBlock(1);
                const std::vector<LaneSummary::Block>& level1 = summary->blocks(1);
                const bool cannotClose = i % LaneSummary::eventsPerBlock(1) == 0 && k1 < level1.size()
                    && (!level1[k1].has(LaneSummary::Block::HasState) || !folder.wouldClose(rel(level1[k1].lastNs)));
                if (!cannotClose)
                    closeBeforeDense(summary->blocks(0)[k0]);
            }
            if (const std::size_t taken = takeBlocksAt(i)) {
                i += taken;
                continue;
            }
            const std::vector<LaneSummary::Block>& blocks = summary->blocks(0);
            const std::size_t k = i / LaneSummary::blockEvents;
            if (i + LaneSummary::blockEvents <= last && k < blocks.size() && splittable(blocks[k])) {
                if (splitBlock(blocks[k], &lane.at(i)))
                    prefetchNextEdge(k);
                i += LaneSummary::blockEvents;
                continue;
            }
        }
        const std::size_t end = std::min(last, (i / LaneSummary::blockEvents + 1) * LaneSummary::blockEvents);
        const Event* events = &lane.at(i);
        for (const Event* e = events; e != events + (end - i); ++e) {
            if (!step(*e)) {
                going = false;
                break;
            }
        }
        i = end;
    }
    if (open)
        addInterval(curStart, std::max(untilAbs, curStart), cur, curArg);
    folder.flush();
}

} // namespace ThreadLab
