#pragma once

#include <QFont>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace ThreadLab {

// Where a frame of the timeline puts things (logical pixels): the axis above the lanes, the
// lanes' viewport, the legend below, the label column left of the plot, each lane's bar, and the
// thin GIL strip rows, each above the first lane of an interpreter whose threads take turns.
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
    double legendScale = 1; // the legend's own scale (a compare view's may be smaller)
    // A GIL strip row is about a third of a lane's pitch, with a gap to the row above.
    static constexpr double stripShare = 18.0 / 52.0;
    std::vector<int> stripLanes; // lanes with a GIL strip row above them, ascending
    double stripPitch = 0;       // a strip row's height, gap included
    double stripHeight = 0;
    bool details = true; // room for the second label line (kind, pid, daemon)
    QFont nameFont;
    QFont detailFont;
    QFont axisFont;
    QFont barFont;

    double plotWidth() const { return plotRight - plotLeft; }
    // Strip rows above lanes [0, lane].
    int stripsUpTo(int lane) const
    {
        return static_cast<int>(std::upper_bound(stripLanes.begin(), stripLanes.end(), lane) - stripLanes.begin());
    }
    // Where lane's row starts in the scrolled content (its strip, if any, lies just above).
    double rowTop(int lane) const { return lane * pitch + stripsUpTo(lane) * stripPitch; }
    // The lanes' rows and strips from the top of the first to the bottom of lane count - 1.
    double contentHeight(int laneCount) const { return laneCount * pitch + stripsUpTo(laneCount - 1) * stripPitch; }
    QRectF bar(int lane) const
    {
        const double top = std::round(lanes.top() + rowTop(lane) - scrollY + (pitch - laneHeight) / 2);
        return QRectF(plotLeft, top, plotWidth(), std::max(1.0, std::round(laneHeight)));
    }
    // The GIL strip above stripLanes[k], over the plot, next to the lane's bar.
    QRectF strip(std::size_t k) const
    {
        const double top = std::round(lanes.top() + rowTop(stripLanes[k]) - scrollY - stripHeight);
        return QRectF(plotLeft, top, plotWidth(), std::max(1.0, stripHeight));
    }
    // The lanes [first, last] that show in the lanes' viewport (last < first: none).
    std::pair<int, int> visibleLanes(int laneCount) const
    {
        if (laneCount <= 0 || pitch <= 0)
            return {0, -1};
        if (stripLanes.empty())
            return {std::clamp(static_cast<int>(std::floor(scrollY / pitch)), 0, laneCount - 1),
                    std::clamp(static_cast<int>(std::ceil((scrollY + lanes.height()) / pitch)), 0, laneCount - 1)};
        int first = 0;
        while (first < laneCount - 1 && rowTop(first) + pitch <= scrollY)
            ++first;
        int last = first;
        while (last < laneCount - 1 && rowTop(last + 1) < scrollY + lanes.height())
            ++last;
        return {first, last};
    }
    // The lane whose row holds y (a widget's y, scrolled), -1 above the first, laneCount past
    // the last; its strip row above it counts as the strip's, not the lane's.
    int laneAt(double y, int laneCount, bool* inStrip = nullptr) const
    {
        const double c = y - lanes.top() + scrollY;
        if (inStrip)
            *inStrip = false;
        if (c < 0 || pitch <= 0)
            return -1;
        for (int i = 0; i < laneCount; ++i) {
            const double top = rowTop(i);
            if (c < top) {
                if (inStrip)
                    *inStrip = c >= top - stripPitch;
                return i;
            }
            if (c < top + pitch)
                return i;
        }
        return laneCount;
    }
};

} // namespace ThreadLab
