#include "model/gilwaits.h"

#include "model/blockfolder.h"

#include <algorithm>

namespace ThreadLab {

void GilWaits::derive(const GilHolders& holders, int lane, const TimelineViewport& viewport, std::int64_t originNs,
                      std::vector<TimelineBlock>& blocks, std::vector<TimelineBlock>& scratch)
{
    scratch.clear();
    BlockFolder folder(viewport, scratch);
    const std::size_t spans = holders.spanCount();
    for (const TimelineBlock& b : blocks) {
        if (b.count != 1 || b.state != WorkerState::Running || b.endNs <= b.startNs) {
            folder.flush(); // a block that is not plainly running keeps its own place and make-up
            scratch.push_back(b);
            continue;
        }
        std::int64_t t = b.startNs; // running from here, as far as the holds known so far say
        for (std::size_t i = holders.firstEndingAfter(originNs + b.startNs); i < spans; ++i) {
            const GilHolders::Span s = holders.span(i);
            const std::int64_t start = std::max(s.startNs - originNs, b.startNs);
            if (start >= b.endNs)
                break;
            const std::int64_t end = s.endNs == GilHolders::openEnd ? b.endNs : std::min(s.endNs - originNs, b.endNs);
            if (s.lane == lane || end <= start)
                continue;
            if (start > t)
                folder.add(static_cast<double>(t), static_cast<double>(start), WorkerState::Running, b.arg);
            folder.add(static_cast<double>(start), static_cast<double>(end), WorkerState::WaitingGil, 0);
            t = end;
        }
        if (t < b.endNs)
            folder.add(static_cast<double>(t), static_cast<double>(b.endNs), WorkerState::Running, b.arg);
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
