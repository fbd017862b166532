#pragma once

#include "tasks/workerstate.h"

#include <array>
#include <cmath>
#include <cstddef>

namespace ThreadLab {

// How a fold of narrow intervals of several states is drawn: one band per state, stacked from
// the top in state order, each as tall as the state's share of the fold's time, its edges on
// whole pixels (given a whole-pixel top). The one band layout of the timeline's painters, so
// that the QPainter and the raster back-ends draw the very same rows.
class StateBands
{
public:
    // Calls band(y0, y1, state) for each band of rows [y0, y1) that is at least a row tall,
    // for a block over rows [top, top + height).
    template<typename Band>
    static void forEach(double top, double height, const std::array<double, workerStateCount>& stateNs, Band&& band)
    {
        double total = 0;
        for (double ns : stateNs)
            total += ns;
        double cum = 0;
        double y = top;
        for (int st = 0; st < workerStateCount; ++st) {
            const double ns = stateNs[static_cast<std::size_t>(st)];
            if (ns <= 0)
                continue;
            cum += ns;
            const double yEnd = std::round(top + cum / total * height);
            if (yEnd > y)
                band(y, yEnd, static_cast<WorkerState>(st));
            y = yEnd;
        }
    }
};

} // namespace ThreadLab
