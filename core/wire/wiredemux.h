#pragma once

#include "wire/wiredecoder.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ThreadLab {

// The stream of ThreadLab's CPython runtime: every Python thread and process writes records of
// the child grammar with its lane in front, `<lane> <seq> <type> <tNs> <payload>\n`, all on one
// pipe. The demultiplexer splits the lines by lane and hands each to that lane's own
// WireDecoder (runtime grammar), which validates it as it validates a child's stream. A lane
// that does not exist, a broken line or a lane's bad record stops decoding with one sentence in
// error() naming the lane; nothing after it is delivered.
class WireDemux
{
public:
    using Handler = std::function<void(std::uint32_t lane, const WireRecord&)>;

    WireDemux(std::uint32_t laneCount, Handler onRecord);
    ~WireDemux();
    WireDemux(const WireDemux&) = delete;
    WireDemux& operator=(const WireDemux&) = delete;

    bool feed(std::string_view bytes);
    // End of stream: a partial last line means the stream was cut.
    bool finish();

    bool failed() const noexcept { return !m_error.empty(); }
    const std::string& error() const noexcept { return m_error; }

    // A line's lane number and the room for it beyond a child's longest line.
    static constexpr std::size_t maxLineBytes = WireDecoder::maxLineBytes + 12;

private:
    bool route(std::string_view line);
    bool fail(std::string why);

    Handler m_onRecord;
    std::vector<std::unique_ptr<WireDecoder>> m_lanes;
    std::uint32_t m_current = 0; // the lane whose record is being delivered
    LineSplitter m_lines;
    std::string m_error;
};

} // namespace ThreadLab
