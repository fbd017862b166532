#pragma once

#include "engine/gilholders.h"
#include "model/timelinemodel.h"

#include <QString>

#include <cstdint>

namespace ThreadLab {

// The text of the timeline's tooltips, from the model's look-ups: on a lane's label, the lane
// and how it ended; on its bar, the mark within reach of the cursor (output or queue first, then a
// counter read or write) or else the state interval under it.
class LaneToolTip
{
public:
    static QString forLabel(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int lane);
    // tAbs: the time under the cursor (absolute ns); reachNs: how near a mark must be.
    static QString forBar(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int lane,
                          std::int64_t tAbs, std::int64_t reachNs);

    // Real CPython, where a lane says running but the observed GIL says another thread held it:
    // that it was waiting for the GIL, who held it, and how exact that is (± one sampling period).
    static QString forObservedGilWait(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int lane,
                                      const GilHolders::Span& held, int samplingHz);

private:
    // "Thread-1 (thread, pid 123, daemon)"
    static QString head(const TimelineModel& model, int lane);
    // format ("%1 at %2") filled with how the lane ended and when.
    static QString ending(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int lane,
                          const QString& format);
    static QString mark(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int lane, const Event& e);
};

} // namespace ThreadLab
