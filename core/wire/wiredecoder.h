#pragma once

#include "wire/linesplitter.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ThreadLab {

// One decoded record of the child→parent stream (see WireEncoder). Views stay valid only
// during the callback.
struct WireRecord
{
    char type = 0;
    std::uint64_t seq = 0;
    std::int64_t tNs = 0;
    std::int64_t value = 0; // H pid, S state, P/G value, R and W counter, C counter, K rate, E code, N thread id
    std::uint32_t arg = 0; // S arg, G sending lane, E lane
    std::string_view text;             // O and X, unescaped
    const std::vector<std::int64_t>* list = nullptr; // L
};

// Decodes the stream incrementally, in whatever pieces the pipe delivers. Anything malformed —
// an unknown type, a gap in the sequence, a time going backwards, a line too long, bad numbers —
// stops decoding with one sentence in error(); nothing after it is delivered.
class WireDecoder
{
public:
    // Child: threadlab-worker's records. Runtime: ThreadLab's CPython runtime, which also sends
    // G queue get (value, sending lane), E a worker process's exit (lane, exit code: negative for
    // a signal), K its CPU loop's rate (iterations per second) and N a Python thread's native id
    // (threading.get_native_id(), positive, below 2^48), which names it in the observed GIL.
    enum class Grammar { Child, Runtime };
    // The longest valid record is an L list of maxListItems 20-digit values (~86 KB).
    static constexpr std::size_t maxLineBytes = 128 * 1024;
    static constexpr std::size_t maxListItems = 4096;

    explicit WireDecoder(std::function<void(const WireRecord&)> onRecord, Grammar grammar = Grammar::Child);

    bool feed(std::string_view bytes);
    // One whole line, without its newline (a demultiplexer has split the stream already).
    bool feedLine(std::string_view line);
    // End of stream: a partial last line means the stream was cut.
    bool finish();

    bool failed() const noexcept { return !m_error.empty(); }
    const std::string& error() const noexcept { return m_error; }
    std::uint64_t recordCount() const noexcept { return m_seq; }

private:
    bool decodeLine(std::string_view line);
    bool fail(std::string why);

    bool decodeRuntimeRecord(WireRecord& r, std::string_view line);

    std::function<void(const WireRecord&)> m_onRecord;
    Grammar m_grammar = Grammar::Child;
    LineSplitter m_lines;
    std::string m_text;
    std::vector<std::int64_t> m_list;
    std::uint64_t m_seq = 0;
    std::int64_t m_lastNs = 0;
    std::string m_error;
};

} // namespace ThreadLab
