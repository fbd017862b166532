#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace ThreadLab {

class EventLog;
struct VariantResult;

// One line of the console: what a worker printed, and when.
struct ConsoleLine
{
    int variant = 0;  // index of the variant in its run
    int lane = 0;     // 0 is main; picks the worker's colour
    double tMs = 0;   // from the variant's start
    QString worker;
    QString text;
};

// Reads the output lines of a live EventLog in batches, on the GUI's coalescing timer: each call
// returns only what was printed since the previous one, ordered by time across all lanes. Lines
// newer than a short hold-back wait for the next call, so that a lane that publishes a little late
// (a child process's pipe) still lands in time order.
class LiveOutputReader
{
public:
    void reset(int variant, std::shared_ptr<const EventLog> log);
    void clear();
    bool isActive() const noexcept { return m_log != nullptr; }

    std::vector<ConsoleLine> readNew(std::int64_t holdBackNs);
    // Everything not read yet; used when the variant has finished.
    std::vector<ConsoleLine> readRest();

    // The lines of a finished variant, ordered by time (for a run shown after the fact).
    static std::vector<ConsoleLine> fromResult(int variant, const VariantResult& result);

private:
    std::vector<ConsoleLine> read(std::int64_t untilNs);

    std::shared_ptr<const EventLog> m_log;
    int m_variant = 0;
    std::vector<std::size_t> m_next; // per lane: the first event not looked at yet
};

} // namespace ThreadLab
