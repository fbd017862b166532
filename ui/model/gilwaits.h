#pragma once

#include "engine/gilholders.h"
#include "model/timelineblock.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace ThreadLab {

class TimelineViewport;

// Real CPython: a Python thread's lane says `running` for as long as it wants to compute, but
// only one thread of an interpreter computes at a time. Where the observed GIL (GilHolders read
// from EventLog::observedGil) says another thread held it, the thread was in fact waiting for
// the GIL. This derives those waits when a lane is painted (GilHolders::splitRunning, as the
// results do): the log keeps what the runtime reported, and the model (whose lanes record their
// own waits) never comes here. The holds are sampled, so each wait's ends are known to about one
// sampling period.
class GilWaits
{
public:
    // Rewrites a lane's screen blocks (blocks, from LaneFolder::fold over the viewport): each
    // plain running block is split at the holds of other threads into running and
    // waiting-for-GIL pieces, folded into screen blocks like any intervals; other blocks stay as
    // they are. scratch is the caller's buffer, kept between frames so that nothing allocates.
    static void derive(const GilHolders& holders, int lane, const TimelineViewport& viewport, std::int64_t originNs,
                       std::vector<TimelineBlock>& blocks, std::vector<TimelineBlock>& scratch);
    // The hold by another thread at tAbs (absolute), if any: while lane is running there, it was
    // waiting for that holder.
    static std::optional<GilHolders::Span> otherHolderAt(const GilHolders& holders, int lane, std::int64_t tAbs);
};

} // namespace ThreadLab
