#pragma once

#include <QString>

namespace ThreadLab {

// How a real CPython variant's GIL was observed from outside (GilObserver), for its results:
// the rate asked and achieved, what the sampling cost, or why it was not observed. A change of
// holder is seen up to one sampling period late, so each hold's ends are known to ± one period.
struct GilObservation
{
    bool observed = false;
    QString reason;          // why not, when not observed
    int rateHz = 0;          // asked
    double achievedHz = 0;   // readings per second of the sampler's wall time
    double coreShare = 0;    // the sampler thread's CPU time over its wall time (1 = one core)
    // How late the sampler's ticks ran against their grid (mean, 99th percentile): a change of
    // holder is seen up to one period plus this late.
    double latenessMeanMs = 0;
    double latenessP99Ms = 0;
    double errorBoundMs() const noexcept
    {
        const double hz = achievedHz > 0 ? achievedHz : rateHz;
        return hz > 0 ? 1000.0 / hz : 0;
    }
};

} // namespace ThreadLab
