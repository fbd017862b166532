#include "timelinemath.h"

#include "lane.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

namespace ThreadLab {

namespace {

using Block = TimelineMath::Block;
using StateTimes = std::array<double, workerStateCount>;

// SplitMix64's finaliser: a well-spread hash of one number.
std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// First index in (from, last) whose event is at or after t (or last), given that the event at
// `from` is before t. A galloping search around from + hint (the previous pixel's stride: the
// density of events changes slowly), so a jump costs O(log error) probes rather than
// O(log lane size): at full zoom-out each probe is a likely cache miss.
std::size_t gallop(const Lane& lane, std::size_t from, std::size_t last, std::int64_t t, std::size_t hint)
{
    std::size_t lo = from; // at(lo) < t
    std::size_t hi = last; // at(hi) >= t, or hi == last
    const std::size_t guess = std::min(from + std::max<std::size_t>(hint, 1), last);
    std::size_t step = std::max<std::size_t>(1, hint / 8);
    if (guess < last && lane.at(guess).tNs < t) {
        lo = guess;
        while (true) {
            const std::size_t probe = lo + step;
            if (probe >= last)
                break;
            if (lane.at(probe).tNs >= t) {
                hi = probe;
                break;
            }
            lo = probe;
            step *= 2;
        }
    } else {
        hi = guess;
        while (hi > from + step) {
            const std::size_t probe = hi - step;
            if (lane.at(probe).tNs < t) {
                lo = probe;
                break;
            }
            hi = probe;
            step *= 2;
        }
    }
    // The answer lies in (lo, hi].
    std::size_t a = lo + 1;
    std::size_t b = hi;
    while (a < b) {
        const std::size_t mid = a + (b - a) / 2;
        if (lane.at(mid).tNs < t)
            a = mid + 1;
        else
            b = mid;
    }
    return a;
}

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

// Collects clipped intervals (in ns since the origin) into blocks. See foldLane.
class Folder
{
public:
    Folder(const TimelineMath& math, std::vector<Block>& out)
        : m_math(math)
        , m_out(out)
        , m_maxX(static_cast<int>(std::ceil(math.widthPx())))
    {
    }

    void add(double startNs, double endNs, WorkerState state, std::uint32_t arg, int count)
    {
        StateTimes ns {};
        ns[static_cast<std::size_t>(state)] = endNs - startNs;
        add(startNs, endNs, ns, state, arg, count);
    }

    // A span whose time is shared among states (a skipped run of events).
    void add(double startNs, double endNs, const StateTimes& ns, WorkerState state, std::uint32_t arg, int count)
    {
        const double fa = m_math.xForTime(startNs);
        const double fb = m_math.xForTime(endNs);
        const bool narrow = fb - fa < TimelineMath::minBlockPx;
        const bool spanMixed = statesIn(ns) > 1;
        if (m_has) {
            const bool sameState = !spanMixed && !m_pending.mixed() && m_pending.state == state && m_pending.arg == arg;
            const bool foldable = narrow && (m_fx1 - m_fx0 < TimelineMath::minBlockPx || m_fold)
                && fb - m_fx0 <= TimelineMath::maxFoldPx;
            if (sameState || foldable) {
                if (!sameState)
                    m_fold = true;
                m_pending.count += count;
                m_pending.endNs = static_cast<std::int64_t>(endNs);
                for (std::size_t k = 0; k < ns.size(); ++k)
                    m_pending.stateNs[k] += ns[k];
                m_fx1 = fb;
                return;
            }
            flush();
        }
        m_has = true;
        m_fold = spanMixed;
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
            mergeInto(m_out.back(), b); // e.g. a long run of repeated state events folded piecewise
            m_out.back().x1 = b.x1;
        } else {
            m_out.push_back(b);
        }
        m_prevX1 = m_out.back().x1;
    }

private:
    static void mergeInto(Block& into, const Block& b)
    {
        into.count += b.count;
        into.endNs = b.endNs;
        for (std::size_t s = 0; s < into.stateNs.size(); ++s)
            into.stateNs[s] += b.stateNs[s];
        into.state = static_cast<WorkerState>(dominantState(into));
    }

    const TimelineMath& m_math;
    std::vector<Block>& m_out;
    const int m_maxX;
    Block m_pending;
    bool m_has = false;
    bool m_fold = false;
    double m_fx0 = 0;
    double m_fx1 = 0;
    int m_prevX1 = INT_MIN;
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
                            std::int64_t untilNs, std::vector<Block>& out) const
{
    const auto t0 = originNs + static_cast<std::int64_t>(std::floor(m_t0Ns));
    const auto t1 = originNs + static_cast<std::int64_t>(std::ceil(m_t1Ns));
    const auto untilAbs = originNs + untilNs;
    const double nsPerPixel = nsPerPx();
    Folder folder(*this, out);

    auto addBlock = [&folder, t0, t1, originNs](std::int64_t s, std::int64_t e, WorkerState state, std::uint32_t arg,
                                             int count) {
        s = std::max(s, t0);
        e = std::min(e, t1);
        if (e > s)
            folder.add(static_cast<double>(s - originNs), static_cast<double>(e - originNs), state, arg, count);
        else if (s < t1 && e >= t0)
            folder.addCount(count);
    };
    auto stateAtOrBefore = [&lane](std::size_t k, std::size_t floor) {
        while (k > floor && lane.at(k).kind != EventKind::State)
            --k;
        return lane.at(k).state;
    };

    bool open = false;
    WorkerState cur = WorkerState::Created;
    std::uint32_t curArg = 0;
    std::int64_t curStart = 0;
    std::int64_t lastEventNs = std::numeric_limits<std::int64_t>::min();
    std::int64_t noSkipBefore = std::numeric_limits<std::int64_t>::min();
    std::size_t stride = 0; // events per pixel at the last jump

    for (std::size_t i = first; i < last; ++i) {
        const Event& e = lane.at(i);
        if (e.kind != EventKind::State)
            continue;
        const bool dense = lastEventNs != std::numeric_limits<std::int64_t>::min()
            && static_cast<double>(e.tNs - lastEventNs) < nsPerPixel;
        lastEventNs = e.tNs;
        if (!open || e.state != cur || e.arg != curArg) {
            if (open)
                addBlock(curStart, e.tNs, cur, curArg, 1);
            open = false;
            if (isTerminal(e.state))
                break;
            cur = e.state;
            curArg = e.arg;
            curStart = e.tNs;
            open = true;
        }
        if (!dense || e.tNs < noSkipBefore)
            continue;
        // Events are dense here: if many share this pixel, jump to the next pixel boundary.
        const double px = xForTime(static_cast<double>(e.tNs - originNs));
        const auto boundary = originNs + static_cast<std::int64_t>(std::ceil(timeForX(std::floor(px) + 1)));
        const std::size_t j = gallop(lane, i, last, boundary, stride);
        if (j <= i + 1 + skipThreshold) {
            noSkipBefore = boundary;
            stride = 0;
            continue;
        }
        stride = j - i;
        std::size_t k = j - 1;
        while (k > i && lane.at(k).kind != EventKind::State)
            --k;
        if (k == i)
            continue;
        const Event& ek = lane.at(k);
        const int skipped = static_cast<int>(std::min<std::size_t>(k - i, INT_MAX / 2));
        if (isTerminal(ek.state)) {
            // The lane ends inside this pixel.
            addBlock(curStart, ek.tNs, cur, curArg, skipped);
            open = false;
            break;
        }
        {
            // The skipped run's time is shared among four states sampled by index, one from each
            // quarter of the run at a pseudo-random (but repeatable) place: a cheap estimate
            // that does not alias with periodic data the way evenly spaced samples would.
            const std::int64_t from = std::max(curStart, t0);
            const std::int64_t to = std::min(boundary, t1);
            if (to > from) {
                StateTimes ns {};
                const double quarter = static_cast<double>(to - from) / 4;
                ns[static_cast<std::size_t>(cur)] += quarter;
                const std::size_t stratum = std::max<std::size_t>(1, (k - i) / 4);
                for (std::size_t q = 1; q < 4; ++q) {
                    const std::uint64_t h = mix64(static_cast<std::uint64_t>(boundary) + q);
                    const std::size_t at = std::min(k, i + q * stratum + static_cast<std::size_t>(h % stratum));
                    const WorkerState sampled = stateAtOrBefore(at, i);
                    ns[static_cast<std::size_t>(isTerminal(sampled) ? cur : sampled)] += quarter;
                }
                folder.add(static_cast<double>(from - originNs), static_cast<double>(to - originNs), ns, cur, curArg,
                           skipped);
            } else {
                addBlock(from, to, cur, curArg, skipped);
            }
        }
        cur = ek.state;
        curArg = ek.arg;
        curStart = boundary;
        lastEventNs = ek.tNs;
        i = j - 1;
    }
    if (open)
        addBlock(curStart, std::max(untilAbs, curStart), cur, curArg, 1);
    folder.flush();
}

} // namespace ThreadLab
