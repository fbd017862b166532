#pragma once

#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace ThreadLab {

class EventLog;

// One lost update as the event log shows it (C9): two threads of one interpreter read the same
// counter value and both wrote the next one, so the second write undid the first.
struct LostUpdate
{
    int firstLane = 0;           // wrote first
    int secondLane = 0;          // wrote the same value again, over the first one's update
    std::int64_t read = 0;       // the value both read; both wrote read + 1
    std::int64_t firstReadNs = 0; // absolute, MonoClock
    std::int64_t secondReadNs = 0;
    std::int64_t firstWriteNs = 0;
    std::int64_t secondWriteNs = 0;

    std::int64_t startNs() const { return std::min(firstReadNs, secondReadNs); }
    std::int64_t endNs() const { return std::max(firstWriteNs, secondWriteNs); }
};

// Finds the lost updates in a log's counter reads and writes (EventKind::CounterRead/Write),
// without a GUI: for the timeline's highlight, "What happened" and the command line's summary.
// Each interpreter has its own counter: the app's main and thread lanes share one, each process
// lane has its own. Under the GIL the log's order is the counter's (a read or write is recorded
// before the GIL is let go), so `lost` equals the observations' updates lost.
class LostUpdateFinder
{
    Q_DECLARE_TR_FUNCTIONS(LostUpdateFinder)

public:
    struct Found
    {
        std::vector<LostUpdate> updates; // in the order of their second write
        // Increments undone in all: each write undoes the writes made since its read.
        std::int64_t lost = 0;
        bool counted = false;            // the log holds counter events at all
    };

    static Found find(const EventLog& log);
    // Only each lane's first sizes[i] events (a live frame's snapshot).
    static Found find(const EventLog& log, const std::vector<std::size_t>& sizes);
    // "Thread-2 read 17, Thread-3 read 17, both wrote 18"
    static QString sentence(const EventLog& log, const LostUpdate& update);
    // The lost update whose span lies nearest tNs (absolute); none if there is none.
    static std::optional<LostUpdate> nearest(const Found& found, std::int64_t tNs);
    // The one to name: nearest the middle of the lost updates' time, where the lanes are busy
    // (not the first, made while the workers were still starting). What happened, the console
    // and the timeline at its default zoom all show this one.
    static std::optional<LostUpdate> example(const Found& found);
};

} // namespace ThreadLab
