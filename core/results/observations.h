#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace ThreadLab {

// What a variant's lesson is about, in numbers, as the runner saw it. Absent fields were not
// part of the variant (a scenario that never appends has no parent's list). Turned into words
// only at the edges: results JSON, CSV, the summary table, the observations panel.
struct Observations
{
    struct QueueItems
    {
        int expected = 0;   // items main takes from the queue
        int received = 0;   // what reached the parent's list
    };
    struct CutOff
    {
        QString name;       // a daemon worker still running when main ended
        double atMs = 0;    // main's end, from the variant's start
    };
    struct Crash
    {
        QString name;
        QString how;        // e.g. "killed by signal 11 (SIGSEGV)"
    };

    // The parent's global list after the run (appends, or items received over the queue).
    std::optional<std::vector<std::int64_t>> parentList;
    // Each process child's own copy of the list, by child name (C7): present, possibly empty,
    // for processes that append; a child that never reported its memory is missing.
    std::optional<std::map<QString, std::vector<std::int64_t>>> childLists;
    // Each process child's own counter, by child name.
    std::optional<std::map<QString, std::int64_t>> childCounters;
    // The parent's shared counter after the run, and what it would be with no update lost
    // (known only where the workers share the parent's memory).
    std::optional<std::int64_t> counter;
    std::optional<std::int64_t> counterExpected;
    std::optional<QueueItems> items;
    std::vector<CutOff> cutOff;
    std::vector<Crash> crashed;
    std::int64_t gilSwitches = 0;

    std::optional<std::int64_t> updatesLost() const
    {
        if (!counter || !counterExpected)
            return std::nullopt;
        return *counterExpected - *counter;
    }
};

} // namespace ThreadLab
