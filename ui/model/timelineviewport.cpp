#include "model/timelineviewport.h"

#include <algorithm>
#include <cmath>

namespace ThreadLab {

TimelineViewport::TimelineViewport(double t0Ns, double t1Ns, double widthPx)
    : m_t0Ns(t0Ns)
    , m_t1Ns(t1Ns)
    , m_widthPx(std::max(1.0, widthPx))
{
    if (m_t1Ns - m_t0Ns < minSpanNs)
        m_t1Ns = m_t0Ns + minSpanNs;
}

double TimelineViewport::maxSpanNs() const noexcept
{
    return std::max(m_limitNs, minMaxSpanNs) * 3;
}

std::int64_t TimelineViewport::startNsFrom(std::int64_t originNs) const noexcept
{
    return originNs + static_cast<std::int64_t>(std::floor(m_t0Ns));
}

std::int64_t TimelineViewport::endNsFrom(std::int64_t originNs) const noexcept
{
    return originNs + static_cast<std::int64_t>(std::ceil(m_t1Ns));
}

void TimelineViewport::setWidthPx(double widthPx)
{
    m_widthPx = std::max(1.0, widthPx);
}

void TimelineViewport::setLimitNs(double durationNs)
{
    m_limitNs = std::max(0.0, durationNs);
}

void TimelineViewport::setWindow(double t0Ns, double t1Ns)
{
    m_t0Ns = t0Ns;
    m_t1Ns = std::max(t1Ns, t0Ns + minSpanNs);
    clamp();
}

void TimelineViewport::zoomAt(double x, double factor)
{
    if (!(factor > 0))
        return;
    const double t = timeForX(x);
    const double span = std::clamp(spanNs() / factor, minSpanNs, maxSpanNs());
    m_t0Ns = t - x / m_widthPx * span;
    m_t1Ns = m_t0Ns + span;
    clamp();
}

void TimelineViewport::panByPx(double dx)
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

void TimelineViewport::fit(double durationNs, double rightMarginPx)
{
    setLimitNs(durationNs);
    m_t0Ns = 0;
    m_t1Ns = std::max(minSpanNs, m_limitNs * marginFactor(m_widthPx, rightMarginPx));
}

void TimelineViewport::follow(double durationNs, double rightMarginPx)
{
    setLimitNs(durationNs);
    m_t0Ns = 0;
    m_t1Ns = niceCeil(std::max(m_limitNs * marginFactor(m_widthPx, rightMarginPx), minMaxSpanNs));
}

void TimelineViewport::clamp()
{
    const double span = std::clamp(spanNs(), minSpanNs, maxSpanNs());
    const double margin = 0.05 * span;
    const double lo = -margin;
    const double hi = std::max(lo, m_limitNs + margin - span);
    m_t0Ns = std::clamp(m_t0Ns, lo, hi);
    m_t1Ns = m_t0Ns + span;
}

double TimelineViewport::niceCeil(double v)
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

} // namespace ThreadLab
