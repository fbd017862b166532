#include "wire/wiredemux.h"

#include <charconv>

namespace ThreadLab {

WireDemux::WireDemux(std::uint32_t laneCount, Handler onRecord)
    : m_onRecord(std::move(onRecord))
    , m_lines(maxLineBytes)
{
    m_lanes.reserve(laneCount);
    for (std::uint32_t i = 0; i < laneCount; ++i)
        m_lanes.push_back(std::make_unique<WireDecoder>([this](const WireRecord& r) { m_onRecord(m_current, r); },
                                                        WireDecoder::Grammar::Runtime));
}

WireDemux::~WireDemux() = default;

bool WireDemux::fail(std::string why)
{
    if (m_error.empty())
        m_error = std::move(why);
    m_lines.clear();
    return false;
}

bool WireDemux::feed(std::string_view bytes)
{
    if (failed())
        return false;
    if (m_lines.feed(bytes, [this](std::string_view line) { return route(line); }))
        return true;
    return m_lines.tooLong() ? fail("a line longer than " + std::to_string(maxLineBytes) + " bytes") : false;
}

bool WireDemux::route(std::string_view line)
{
    std::uint32_t lane = 0;
    const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), lane);
    const auto digits = static_cast<std::size_t>(ptr - line.data());
    if (ec != std::errc() || digits == 0 || digits >= line.size() || line[digits] != ' ')
        return fail("a line without a lane number");
    if (lane >= m_lanes.size())
        return fail("lane " + std::to_string(lane) + " does not exist");
    m_current = lane;
    WireDecoder& decoder = *m_lanes[lane];
    // The rest is checked as a child's record, by the lane's own decoder.
    if (!decoder.feedLine(line.substr(digits + 1)))
        return fail("lane " + std::to_string(lane) + " sent garbage (" + decoder.error() + ")");
    return true;
}

bool WireDemux::finish()
{
    if (failed())
        return false;
    if (m_lines.hasPartialLine())
        return fail("the stream ends in the middle of a line");
    return true;
}

} // namespace ThreadLab
