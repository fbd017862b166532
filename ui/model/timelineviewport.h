#pragma once

#include <cstdint>

namespace ThreadLab {

// The timeline's visible window, with no widget: [t0, t1) in ns since the log's origin, mapped
// onto the plot's [0, widthPx) pixels; zoom, pan, fit, follow and clamping. Ticks are
// TimelineAxis', screen blocks LaneFolder's.
class TimelineViewport
{
public:
    static constexpr double minSpanNs = 1'000;      // 1 µs across the plot at most zoom
    static constexpr double minMaxSpanNs = 1'000'000; // zooming out always reaches 1 ms

    TimelineViewport() = default;
    TimelineViewport(double t0Ns, double t1Ns, double widthPx);

    double t0Ns() const noexcept { return m_t0Ns; }
    double t1Ns() const noexcept { return m_t1Ns; }
    double spanNs() const noexcept { return m_t1Ns - m_t0Ns; }
    double widthPx() const noexcept { return m_widthPx; }
    double nsPerPx() const noexcept { return spanNs() / m_widthPx; }
    // The data's duration so far; pan and zoom-out stay near [0, limit].
    double limitNs() const noexcept { return m_limitNs; }
    double maxSpanNs() const noexcept;
    // The window in absolute ns on a log whose origin is originNs: every event that can touch
    // it lies in [startNsFrom, endNsFrom).
    std::int64_t startNsFrom(std::int64_t originNs) const noexcept;
    std::int64_t endNsFrom(std::int64_t originNs) const noexcept;

    void setWidthPx(double widthPx);   // keeps the time window
    void setLimitNs(double durationNs); // does not clamp by itself
    void setWindow(double t0Ns, double t1Ns); // clamps

    double xForTime(double tNs) const noexcept { return (tNs - m_t0Ns) * m_widthPx / spanNs(); }
    double timeForX(double x) const noexcept { return m_t0Ns + x * spanNs() / m_widthPx; }

    // factor > 1 zooms in; the time under pixel x stays under x (unless clamping must move it).
    void zoomAt(double x, double factor);
    // Moves the window right by dx pixels' worth of time (dx < 0: left).
    void panByPx(double dx);
    // Shows [0, duration], keeping rightMarginPx free on the right (for end-of-lane labels).
    void fit(double durationNs, double rightMarginPx = 0);
    // While a run is live: [0, a round span a bit beyond duration], so the scale changes only
    // now and then instead of every frame.
    void follow(double durationNs, double rightMarginPx = 0);
    void clamp();

    // 1, 1.5, 2, 3, 4, 5, 6 or 8 × 10^k, at least v.
    static double niceCeil(double v);

private:
    double m_t0Ns = 0;
    double m_t1Ns = 1e9;
    double m_widthPx = 1000;
    double m_limitNs = 0;
};

} // namespace ThreadLab
