#include "model/comparelayout.h"

#include "scenario/scenario.h"
#include "scenario/variantplan.h"

#include <algorithm>
#include <cmath>

namespace ThreadLab {

bool CompareLayout::isFocus(const Variant& variant, const QStringList& focus)
{
    return focus.contains(variant.name) || (!variant.scenarioName.isEmpty() && focus.contains(variant.scenarioName));
}

std::vector<int> CompareLayout::order(const std::vector<Variant>& variants, const QStringList& focus)
{
    std::vector<int> result;
    const auto taken = [&result](int i) { return std::find(result.begin(), result.end(), i) != result.end(); };
    for (const QString& name : focus)
        for (std::size_t i = 0; i < variants.size(); ++i)
            if (!taken(static_cast<int>(i)) && isFocus(variants[i], {name}))
                result.push_back(static_cast<int>(i));
    for (std::size_t i = 0; i < variants.size(); ++i)
        if (!taken(static_cast<int>(i)))
            result.push_back(static_cast<int>(i));
    return result;
}

QStringList CompareLayout::focusNames(const Scenario& scenario, int workersOverride)
{
    const QStringList focus = focusVariants(scenario);
    QStringList names = focus;
    for (const VariantSpec& spec : scenario.variants)
        if (!spec.sweep && focus.contains(spec.name))
            names << VariantPlanner::plannedName(scenario, spec, workersOverride);
    names.removeDuplicates();
    return names;
}

TimelineViewport CompareLayout::sharedWindow(const std::vector<double>& durationsNs, double widthPx,
                                             double rightMarginPx, bool live)
{
    double longest = 0;
    for (double d : durationsNs)
        longest = std::max(longest, d);
    TimelineViewport viewport;
    viewport.setWidthPx(widthPx);
    if (live)
        viewport.follow(longest, rightMarginPx);
    else
        viewport.fit(longest, rightMarginPx);
    return viewport;
}

CompareLayout::Heights CompareLayout::heights(const std::vector<Band>& bands, double availablePx,
                                              double naturalPitchPx, double minPitchPx)
{
    double chrome = 0;
    double lanes = 0;
    for (const Band& b : bands) {
        chrome += b.chromePx;
        lanes += b.lanes;
    }
    const auto total = [&bands](double pitch) {
        double sum = 0;
        for (const Band& b : bands)
            sum += b.chromePx + std::max(b.minLanesPx, b.lanes * pitch);
        return sum;
    };
    Heights h;
    h.pitchPx = naturalPitchPx;
    if (lanes > 0 && total(naturalPitchPx) > availablePx) {
        // The even share first, then down a pixel at a time while bands' minimums take room.
        h.pitchPx = std::clamp(std::floor((availablePx - chrome) / lanes), minPitchPx, naturalPitchPx);
        while (h.pitchPx > minPitchPx && total(h.pitchPx) > availablePx)
            h.pitchPx -= 1;
        // Hundreds of lanes on a small screen: rows closer than a pixel (each still drawn as a
        // line; spawn-cost's staircase keeps its shape).
        if (total(h.pitchPx) > availablePx && h.pitchPx <= 1 && availablePx > chrome)
            h.pitchPx = std::max(0.25, (availablePx - chrome) / lanes);
    }
    h.totalPx = total(h.pitchPx);
    h.fits = h.totalPx <= availablePx;
    for (const Band& b : bands)
        h.bandsPx.push_back(b.chromePx + std::max(b.minLanesPx, b.lanes * h.pitchPx));
    return h;
}

} // namespace ThreadLab
