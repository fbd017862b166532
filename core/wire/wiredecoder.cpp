#include "wire/wiredecoder.h"

#include "wire/workerjob.h"
#include "tasks/workerstate.h"

#include <charconv>

namespace ThreadLab {

namespace {

template<typename T>
bool takeNumber(std::string_view& s, T& out)
{
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec != std::errc() || ptr == s.data())
        return false;
    s.remove_prefix(static_cast<std::size_t>(ptr - s.data()));
    return true;
}

bool takeSpace(std::string_view& s)
{
    if (s.empty() || s.front() != ' ')
        return false;
    s.remove_prefix(1);
    return true;
}

} // namespace

WireDecoder::WireDecoder(std::function<void(const WireRecord&)> onRecord, Grammar grammar)
    : m_onRecord(std::move(onRecord))
    , m_grammar(grammar)
    , m_lines(maxLineBytes)
{
}

bool WireDecoder::fail(std::string why)
{
    if (m_error.empty())
        m_error = std::move(why);
    m_lines.clear();
    return false;
}

bool WireDecoder::feed(std::string_view bytes)
{
    if (failed())
        return false;
    if (m_lines.feed(bytes, [this](std::string_view line) { return decodeLine(line); }))
        return true;
    // The same limit whether or not the pipe split the line.
    return m_lines.tooLong() ? fail("a line longer than " + std::to_string(maxLineBytes) + " bytes") : false;
}

bool WireDecoder::feedLine(std::string_view line)
{
    if (failed())
        return false;
    if (line.size() > maxLineBytes)
        return fail("a line longer than " + std::to_string(maxLineBytes) + " bytes");
    return decodeLine(line);
}

bool WireDecoder::finish()
{
    if (failed())
        return false;
    if (m_lines.hasPartialLine())
        return fail("the stream ends in the middle of a line");
    return true;
}

bool WireDecoder::decodeLine(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    const std::uint64_t lineNo = m_seq + 1;
    auto bad = [this, lineNo](const char* what) {
        return fail("record " + std::to_string(lineNo) + ": " + what);
    };
    WireRecord r;
    if (!takeNumber(line, r.seq) || !takeSpace(line))
        return bad("no sequence number");
    if (r.seq != m_seq + 1)
        return bad("sequence number out of order (a record was lost or repeated)");
    if (line.size() < 2 || line[1] != ' ')
        return bad("no record type");
    r.type = line[0];
    line.remove_prefix(2);
    if (!takeNumber(line, r.tNs) || r.tNs <= 0)
        return bad("no timestamp");
    if (r.tNs < m_lastNs)
        return bad("timestamp goes backwards");
    if (!takeSpace(line))
        return bad("nothing after the timestamp");
    switch (r.type) {
    case 'H':
    case 'P':
    case 'C':
        if (!takeNumber(line, r.value) || !line.empty())
            return bad("bad number");
        break;
    case 'R':
    case 'W':
        // The counter starts at 0 and a write is a read plus one: never below 0.
        if (!takeNumber(line, r.value) || !line.empty() || r.value < 0 || (r.type == 'W' && r.value == 0))
            return bad("bad counter value");
        break;
    case 'S': {
        int state = -1;
        if (!takeNumber(line, state) || !workerStateFromInt(state) || !takeSpace(line) || !takeNumber(line, r.arg)
            || !line.empty())
            return bad("bad state change");
        r.value = state;
        break;
    }
    case 'O':
    case 'X': {
        auto text = unescapeText(line);
        if (!text || text->size() > 4096)
            return bad("bad text");
        m_text = std::move(*text);
        r.text = m_text;
        break;
    }
    case 'L': {
        m_list.clear();
        while (!line.empty()) {
            std::int64_t v = 0;
            if (!takeNumber(line, v) || m_list.size() >= maxListItems)
                return bad("bad list");
            m_list.push_back(v);
            if (!line.empty()) {
                if (line.front() != ',')
                    return bad("bad list");
                line.remove_prefix(1);
                if (line.empty())
                    return bad("bad list");
            }
        }
        r.list = &m_list;
        break;
    }
    default: {
        const bool runtimeType = r.type == 'G' || r.type == 'E' || r.type == 'K' || r.type == 'N';
        if (m_grammar != Grammar::Runtime || !runtimeType)
            return bad("unknown record type");
        if (!decodeRuntimeRecord(r, line))
            return bad("bad runtime record");
        break;
    }
    }
    m_seq = r.seq;
    m_lastNs = r.tNs;
    m_onRecord(r);
    return true;
}

bool WireDecoder::decodeRuntimeRecord(WireRecord& r, std::string_view line)
{
    switch (r.type) {
    case 'G': // <value> <sending lane>
        return takeNumber(line, r.value) && takeSpace(line) && takeNumber(line, r.arg) && line.empty();
    case 'E': // <lane> <exit code>
        return takeNumber(line, r.arg) && takeSpace(line) && takeNumber(line, r.value) && line.empty()
            && r.value >= -64 && r.value <= 255;
    case 'K': // iterations per second
        return takeNumber(line, r.value) && line.empty() && r.value > 0;
    case 'N': // the thread's native id
        return takeNumber(line, r.value) && line.empty() && r.value > 0 && r.value < (std::int64_t(1) << 48);
    default:
        return false;
    }
}

} // namespace ThreadLab
