#pragma once

#include <QFont>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace ThreadLab {

// Where a frame of the timeline puts things (logical pixels): the axis above the lanes, the
// lanes' viewport, the legend below, the label column left of the plot, and each lane's bar.
// TimelineView computes it; the painters only read it.
struct TimelineLayout
{
    QRectF whole;
    QRectF axis;   // tick labels, above the lanes
    QRectF lanes;  // the lane rows' viewport, full width
    QRectF legend;
    std::uint32_t legendShown = 0xFFFFFFFFu; // StatePalette's legend bits
    double plotLeft = 0;
    double plotRight = 0;
    double laneHeight = 0;
    double pitch = 0;
    double scrollY = 0;
    double scale = 1;
    bool details = true; // room for the second label line (kind, pid, daemon)
    QFont nameFont;
    QFont detailFont;
    QFont axisFont;
    QFont barFont;

    double plotWidth() const { return plotRight - plotLeft; }
    QRectF bar(int lane) const
    {
        const double top = std::round(lanes.top() + lane * pitch - scrollY + (pitch - laneHeight) / 2);
        return QRectF(plotLeft, top, plotWidth(), std::max(1.0, std::round(laneHeight)));
    }
    // The lanes [first, last] that show in the lanes' viewport (last < first: none).
    std::pair<int, int> visibleLanes(int laneCount) const
    {
        if (laneCount <= 0 || pitch <= 0)
            return {0, -1};
        return {std::clamp(static_cast<int>(std::floor(scrollY / pitch)), 0, laneCount - 1),
                std::clamp(static_cast<int>(std::ceil((scrollY + lanes.height()) / pitch)), 0, laneCount - 1)};
    }
};

} // namespace ThreadLab
