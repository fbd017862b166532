#include "model/gilwaits.h"

#include "model/blockfolder.h"

#include <algorithm>

namespace ThreadLab {

void GilWaits::derive(const GilHolders& holders, int lane, const TimelineViewport& viewport, std::int64_t originNs,
                      std::vector<TimelineBlock>& blocks, std::vector<TimelineBlock>& scratch)
{
    scratch.clear();
    BlockFolder folder(viewport, scratch);
    for (const TimelineBlock& b : blocks) {
        if (b.count != 1 || b.state != WorkerState::Running || b.endNs <= b.startNs) {
            folder.flush(); // a block that is not plainly running keeps its own place and make-up
            scratch.push_back(b);
            continue;
        }
        holders.splitRunning(lane, originNs + b.startNs, originNs + b.endNs,
                             [&folder, &b, originNs](std::int64_t from, std::int64_t to, bool waiting) {
                                 folder.add(static_cast<double>(from - originNs), static_cast<double>(to - originNs),
                                            waiting ? WorkerState::WaitingGil : WorkerState::Running,
                                            waiting ? 0 : b.arg);
                             });
    }
    folder.flush();
    blocks.swap(scratch);
}

std::optional<GilHolders::Span> GilWaits::otherHolderAt(const GilHolders& holders, int lane, std::int64_t tAbs)
{
    const std::size_t i = holders.firstEndingAfter(tAbs);
    if (i >= holders.spanCount())
        return std::nullopt;
    const GilHolders::Span s = holders.span(i);
    if (s.startNs > tAbs || s.lane == lane)
        return std::nullopt;
    return s;
}

} // namespace ThreadLab
