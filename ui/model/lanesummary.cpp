#include "model/lanesummary.h"

#include "engine/lane.h"

#include <algorithm>

namespace ThreadLab {

namespace {

using Block = LaneSummary::Block;

Block fromEvent(const Event& e)
{
    Block b;
    if (e.kind != EventKind::State)
        return b; // marks do not touch the state intervals
    b.flags = Block::HasState | (isTerminal(e.state) ? Block::Terminal : 0);
    b.firstNs = e.tNs;
    b.lastNs = e.tNs;
    b.firstState = e.state;
    b.lastState = e.state;
    b.firstArg = e.arg;
    b.lastArg = e.arg;
    return b;
}

// A new change point at tNs: the final run so far becomes an inner interval (if it started at a
// change point itself).
void addChange(Block& b, std::int64_t tNs, WorkerState state, std::uint32_t arg, std::uint32_t offset)
{
    if (b.changes == 0) {
        b.c1Ns = tNs;
        b.c1State = state;
        b.c1Arg = arg;
        b.c1Offset = offset;
    } else {
        const std::int64_t d = tNs - b.lastNs;
        if (static_cast<int>(b.lastState) < LaneSummary::lastingStates)
            b.innerNs[static_cast<std::size_t>(b.lastState)] += d;
        b.maxInnerNs = std::max(b.maxInnerNs, d);
        if (d == 0)
            b.flags |= Block::ZeroInner;
    }
    ++b.changes;
    b.lastNs = tNs;
    b.lastState = state;
    b.lastArg = arg;
}

// Memory grows by a quarter at a time rather than doubling: the summary's share of the bytes per
// stored event stays small at every size.
void pushBlock(std::vector<Block>& blocks, const Block& b)
{
    if (blocks.size() == blocks.capacity())
        blocks.reserve(blocks.capacity() + blocks.capacity() / 4 + 16);
    blocks.push_back(b);
}

} // namespace

void LaneSummary::Block::append(const Block& next, std::uint32_t offset)
{
    if (!next.has(HasState))
        return;
    if (!has(HasState)) {
        *this = next;
        firstOffset += offset;
        c1Offset += offset;
        return;
    }
    flags |= next.flags & (Terminal | ZeroInner);
    if (next.firstState != lastState || next.firstArg != lastArg)
        addChange(*this, next.firstNs, next.firstState, next.firstArg, offset + next.firstOffset);
    if (next.changes == 0)
        return;
    addChange(*this, next.c1Ns, next.c1State, next.c1Arg, offset + next.c1Offset);
    if (next.changes == 1)
        return;
    for (std::size_t s = 0; s < innerNs.size(); ++s)
        innerNs[s] += next.innerNs[s];
    maxInnerNs = std::max(maxInnerNs, next.maxInnerNs);
    changes += next.changes - 1;
    lastNs = next.lastNs;
    lastState = next.lastState;
    lastArg = next.lastArg;
}

LaneSummary::Block LaneSummary::blockAt(const Lane& lane, std::size_t first)
{
    Block b;
    for (std::uint32_t k = 0; k < blockEvents; ++k)
        b.append(fromEvent(lane.at(first + k)), k);
    return b;
}

void LaneSummary::extend(const Lane& lane, std::size_t n)
{
    while (m_summarised + blockEvents <= n) {
        pushBlock(m_levels[0], blockAt(lane, m_summarised));
        m_summarised += blockEvents;
        // A block completes its parent: summarise the parent from its children.
        for (std::size_t level = 1; level < m_levels.size(); ++level) {
            const std::vector<Block>& children = m_levels[level - 1];
            if (children.size() % fanOut != 0)
                break;
            Block parent;
            const auto childEvents = static_cast<std::uint32_t>(eventsPerBlock(static_cast<int>(level) - 1));
            for (std::size_t c = 0; c < fanOut; ++c)
                parent.append(children[children.size() - fanOut + c], static_cast<std::uint32_t>(c) * childEvents);
            pushBlock(m_levels[level], parent);
        }
    }
}

void LaneSummary::reset()
{
    for (auto& blocks : m_levels)
        blocks = {};
    m_summarised = 0;
}

std::size_t LaneSummary::memoryBytes() const noexcept
{
    std::size_t bytes = sizeof(*this);
    for (const auto& blocks : m_levels)
        bytes += blocks.capacity() * sizeof(Block);
    return bytes;
}

} // namespace ThreadLab
