#pragma once

#include "model/timelineviewport.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ThreadLab {

struct Scenario;

// The compare view's maths, without widgets: which variants come first (the scenario's focus),
// the one time window every band shares (time since each variant's own start, so lengths
// compare at a glance), and how the height is shared among the bands so that every lane fits.
class CompareLayout
{
public:
    CompareLayout() = delete;

    struct Variant
    {
        QString name;         // as it ran ("8 threads")
        QString scenarioName; // as the scenario file names it (may be empty while running)
    };

    // A variant is in the focus when the focus names it as it ran or as the file names it.
    static bool isFocus(const Variant& variant, const QStringList& focus);
    // Variant indexes top to bottom: the focus in the focus' order, then the others as they ran.
    static std::vector<int> order(const std::vector<Variant>& variants, const QStringList& focus);
    // The focus of a scenario as its variants will run with `workersOverride` workers (0: as the
    // file says): the file's names and the names the variants run under ("8 threads").
    static QStringList focusNames(const Scenario& scenario, int workersOverride);

    // The shared window over the plot's widthPx: the longest variant so far, followed while
    // live (the span grows in round steps), fitted afterwards; rightMarginPx stays free.
    static TimelineViewport sharedWindow(const std::vector<double>& durationsNs, double widthPx,
                                         double rightMarginPx, bool live);

    struct Band
    {
        double lanes = 0;      // lane rows, a GIL strip row counted as its share of a lane
        double chromePx = 0;   // header, axis, legend and padding: what is not lanes
        double minLanesPx = 0; // the lanes' area is at least this tall (a header beside them)
    };
    struct Heights
    {
        std::vector<double> bandsPx; // in the bands' order
        double pitchPx = 0;          // every band's lane pitch (a band's minimum may give it more)
        bool fits = true;            // false: even minPitchPx overflows availablePx
        double totalPx = 0;
    };
    // Lanes at naturalPitchPx while everything fits in availablePx, else one thinner pitch for
    // all (whole pixels, at least minPitchPx) so that every lane of every band fits.
    static Heights heights(const std::vector<Band>& bands, double availablePx, double naturalPitchPx,
                           double minPitchPx = 1);
};

} // namespace ThreadLab
