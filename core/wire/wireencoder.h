#pragma once

#include "tasks/eventsink.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace ThreadLab {

// The child's side of the child→parent stream: one line per record,
//   <seq> <type> <tNs> <payload>\n
// with seq counting from 1 and tNs on MonoClock. Types: H hello (pid), S state (state arg),
// O output (escaped text), P queue put (value), R counter read (value), W counter written
// (value), L own list (comma-separated), C own counter,
// X failure (escaped reason). Buffered; flushed before blocking, at the end, when the buffer
// fills and at most every 10 ms, so a live view sees progress without a write per event.
class WireEncoder final : public EventSink
{
public:
    explicit WireEncoder(std::FILE* out);
    ~WireEncoder() override;
    WireEncoder(const WireEncoder&) = delete;
    WireEncoder& operator=(const WireEncoder&) = delete;

    void hello(std::int64_t pid);
    void failure(std::string_view reason);
    void state(WorkerState s, std::uint32_t arg = 0) override;
    void output(std::string_view line) override;
    void queuePut(std::int64_t value) override;
    void counterRead(std::int64_t value) override;
    void counterWrite(std::int64_t value) override;
    void ownState(const std::vector<std::int64_t>& list, std::int64_t counter) override;
    void aboutToBlock() override { flush(); }
    void checkpoint() override;
    void flush();

private:
    void begin(char type, std::int64_t tNs);
    void end();
    void number(char type, std::int64_t value);

    std::FILE* m_out;
    std::string m_buffer;
    std::uint64_t m_seq = 0;
    std::int64_t m_lastFlushNs = 0;
};

} // namespace ThreadLab
