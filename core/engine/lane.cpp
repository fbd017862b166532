#include "engine/lane.h"

#include <bit>

namespace ThreadLab {

Lane::Lane(std::uint32_t id, LaneInfo info)
    : m_id(id)
    , m_info(std::move(info))
{
}

Lane::~Lane()
{
    for (auto& chunk : m_chunks)
        delete[] chunk.load(std::memory_order_relaxed);
}

void Lane::locate(std::size_t i, std::size_t& chunk, std::size_t& offset) noexcept
{
    // Chunk k holds 256 << k events and starts at index 256 * (2^k - 1).
    const std::size_t j = i + (std::size_t(1) << firstChunkBits);
    const int top = std::bit_width(j) - 1;
    chunk = static_cast<std::size_t>(top - firstChunkBits);
    offset = j - (std::size_t(1) << top);
}

void Lane::appendToNewChunk(const Event& e)
{
    std::size_t chunk = 0;
    std::size_t offset = 0;
    locate(m_written, chunk, offset); // offset is 0: the previous chunk is exactly full
    if (chunk >= static_cast<std::size_t>(maxChunks))
        return; // 17 billion events: beyond any run; drop rather than overflow
    const std::size_t capacity = std::size_t(1) << (firstChunkBits + chunk);
    Event* block = new Event[capacity];
    m_chunks[chunk].store(block, std::memory_order_release);
    block[0] = e;
    m_writeCursor = block + 1;
    m_writeLeft = capacity - 1;
    m_count.store(++m_written, std::memory_order_release);
}

const Event& Lane::at(std::size_t i) const noexcept
{
    std::size_t chunk = 0;
    std::size_t offset = 0;
    locate(i, chunk, offset);
    return m_chunks[chunk].load(std::memory_order_acquire)[offset];
}

std::size_t Lane::lowerBound(std::int64_t tNs, std::size_t n) const noexcept
{
    std::size_t lo = 0;
    std::size_t hi = n;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (at(mid).tNs < tNs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void Lane::appendOutput(std::int64_t tNs, std::string_view text)
{
    std::uint32_t index = 0;
    {
        std::lock_guard lock(m_textMutex);
        index = static_cast<std::uint32_t>(m_texts.size());
        m_texts.emplace_back(text);
    }
    append(Event {tNs, EventKind::Output, WorkerState::Running, 0, index, 0});
}

QString Lane::text(std::uint32_t index) const
{
    std::lock_guard lock(m_textMutex);
    return index < m_texts.size() ? QString::fromStdString(m_texts[index]) : QString();
}

void Lane::setOutcomeDetail(const QString& detail)
{
    std::lock_guard lock(m_textMutex);
    m_outcomeDetail = detail;
}

QString Lane::outcomeDetail() const
{
    std::lock_guard lock(m_textMutex);
    return m_outcomeDetail;
}

std::size_t Lane::memoryBytes() const noexcept
{
    std::size_t bytes = sizeof(*this);
    for (std::size_t k = 0; k < static_cast<std::size_t>(maxChunks); ++k)
        if (m_chunks[k].load(std::memory_order_relaxed))
            bytes += sizeof(Event) << (firstChunkBits + k);
    return bytes;
}

} // namespace ThreadLab
