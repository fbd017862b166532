#include "wire/wireencoder.h"

#include "tasks/monoclock.h"
#include "wire/workerjob.h"

#include <charconv>

namespace ThreadLab {

namespace {

constexpr std::size_t kFlushBytes = 16 * 1024;
constexpr std::int64_t kFlushIntervalNs = 10'000'000;

void appendInt(std::string& s, std::int64_t v)
{
    char buf[24];
    const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    (void)ec;
    s.append(buf, ptr);
}

} // namespace

WireEncoder::WireEncoder(std::FILE* out)
    : m_out(out)
{
    m_buffer.reserve(kFlushBytes * 2);
}

WireEncoder::~WireEncoder()
{
    flush();
}

void WireEncoder::begin(char type, std::int64_t tNs)
{
    appendInt(m_buffer, static_cast<std::int64_t>(++m_seq));
    m_buffer += ' ';
    m_buffer += type;
    m_buffer += ' ';
    appendInt(m_buffer, tNs);
    m_buffer += ' ';
}

void WireEncoder::end()
{
    m_buffer += '\n';
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

void WireEncoder::flush()
{
    if (!m_buffer.empty()) {
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_out);
        m_buffer.clear();
    }
    std::fflush(m_out);
    m_lastFlushNs = MonoClock::nowNs();
}

void WireEncoder::checkpoint()
{
    if (!m_buffer.empty() && MonoClock::nowNs() - m_lastFlushNs >= kFlushIntervalNs)
        flush();
}

void WireEncoder::hello(std::int64_t pid)
{
    begin('H', MonoClock::nowNs());
    appendInt(m_buffer, pid);
    end();
    flush();
}

void WireEncoder::failure(std::string_view reason)
{
    begin('X', MonoClock::nowNs());
    m_buffer += escapeText(reason.substr(0, 500));
    end();
    flush();
}

void WireEncoder::state(WorkerState s, std::uint32_t arg)
{
    const std::int64_t now = MonoClock::nowNs();
    begin('S', now);
    appendInt(m_buffer, static_cast<int>(s));
    m_buffer += ' ';
    appendInt(m_buffer, arg);
    end();
    if (isTerminal(s) || now - m_lastFlushNs >= kFlushIntervalNs)
        flush();
}

void WireEncoder::output(std::string_view line)
{
    begin('O', MonoClock::nowNs());
    m_buffer += escapeText(line);
    end();
}

void WireEncoder::number(char type, std::int64_t value)
{
    begin(type, MonoClock::nowNs());
    appendInt(m_buffer, value);
    end();
}

void WireEncoder::queuePut(std::int64_t value)
{
    number('P', value);
}

void WireEncoder::counterRead(std::int64_t value)
{
    number('R', value);
}

void WireEncoder::counterWrite(std::int64_t value)
{
    number('W', value);
}

void WireEncoder::ownState(const std::vector<std::int64_t>& list, std::int64_t counter)
{
    const std::int64_t now = MonoClock::nowNs();
    begin('L', now);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendInt(m_buffer, list[i]);
    }
    end();
    begin('C', now);
    appendInt(m_buffer, counter);
    end();
}

} // namespace ThreadLab
