#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ThreadLab {

// Splits a byte stream into lines, in whatever pieces a pipe delivers it, none allowed longer
// than maxBytes (newline excluded). Shared by the child's decoder and the runtime's demultiplexer.
class LineSplitter
{
public:
    explicit LineSplitter(std::size_t maxBytes)
        : m_maxBytes(maxBytes)
    {
    }

    // Calls onLine(line) (without its newline) for every complete line; returns false as soon
    // as onLine does or a line is too long (then tooLong()).
    template<typename OnLine>
    bool feed(std::string_view bytes, OnLine&& onLine)
    {
        while (!bytes.empty()) {
            const std::size_t nl = bytes.find('\n');
            const std::size_t take = nl == std::string_view::npos ? bytes.size() : nl;
            if (m_partial.size() + take > m_maxBytes) {
                m_tooLong = true;
                m_partial.clear();
                return false;
            }
            if (nl == std::string_view::npos) {
                m_partial.append(bytes);
                return true;
            }
            bool ok;
            if (m_partial.empty()) {
                ok = onLine(bytes.substr(0, nl));
            } else {
                m_partial.append(bytes.substr(0, nl));
                ok = onLine(std::string_view(m_partial));
                m_partial.clear();
            }
            if (!ok)
                return false;
            bytes.remove_prefix(nl + 1);
        }
        return true;
    }

    bool hasPartialLine() const noexcept { return !m_partial.empty(); }
    bool tooLong() const noexcept { return m_tooLong; }
    void clear() { m_partial.clear(); }

private:
    std::size_t m_maxBytes;
    std::string m_partial;
    bool m_tooLong = false;
};

} // namespace ThreadLab
