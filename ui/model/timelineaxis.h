#pragma once

#include <QList>
#include <QString>

namespace ThreadLab {

class TimelineViewport;

// The timeline's time axis, with no widget: round tick steps for a viewport, the ticks in its
// window, and their labels ("250 ms", "1.5 s"); also how a duration reads in a tooltip.
class TimelineAxis
{
public:
    struct Tick
    {
        double tNs = 0;
        double x = 0;
        QString label;
    };

    // 1, 2 or 5 × 10^k ns, at least raw.
    static double niceStep(double rawNs);
    // The step for ticks at least minSpacingPx apart in `viewport`.
    static double stepNs(const TimelineViewport& viewport, double minSpacingPx);
    static QList<Tick> ticks(const TimelineViewport& viewport, double minSpacingPx);
    // The ticks of the window at multiples of `stepNs`.
    static QList<Tick> ticksAt(const TimelineViewport& viewport, double stepNs);
    // "250 ms", "1.5 s", "20 µs": the unit and decimals follow the step.
    static QString formatTick(double tNs, double stepNs);
    // Three significant digits in the best unit: "512 µs", "1.23 ms", "2.50 s".
    static QString formatDuration(double ns);
};

} // namespace ThreadLab
