#pragma once

#include "python/gilreader.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ThreadLab {

// Watches the GIL of one or more CPython processes from a thread of its own, reading each one
// `rateHz` times a second (GilReader: one process_vm_readv per reading) and reporting every
// change of holder, on ThreadLab's clock. A turn is seen late by at most one period, and a
// turn shorter than a period may be missed; the interpreter's own switch_number, reported
// with every change, still counts every hand-over.
class GilSampler
{
public:
    struct Change
    {
        std::int64_t pid = 0;
        std::int64_t tNs = 0;            // MonoClock, when the reading was taken
        std::uint64_t holderTid = 0;     // native thread id; 0: nobody holds the GIL
        std::uint64_t switchNumber = 0;  // the interpreter's hand-over count at that reading
    };
    // Called on the sampler's thread, in time order per process.
    using Sink = std::function<void(const Change&)>;

    struct Stats
    {
        std::int64_t ticks = 0;
        std::int64_t readings = 0;
        std::int64_t wallNs = 0;
        std::int64_t cpuNs = 0;           // the sampler thread's own CPU time
        double achievedHz() const noexcept { return wallNs > 0 ? ticks * 1e9 / static_cast<double>(wallNs) : 0; }
        double coreShare() const noexcept { return wallNs > 0 ? static_cast<double>(cpuNs) / static_cast<double>(wallNs) : 0; }
    };

    static constexpr int defaultRateHz = 2000;

    explicit GilSampler(Sink sink, int rateHz = defaultRateHz);
    ~GilSampler();
    GilSampler(const GilSampler&) = delete;
    GilSampler& operator=(const GilSampler&) = delete;

    // Any thread: reads this process from the next tick on. A process that has gone is dropped.
    void watch(GilReader reader);
    void start();
    // Stops and joins the thread; stats() is final afterwards.
    void stop();
    Stats stats() const;
    int rateHz() const noexcept { return m_rateHz; }

private:
    struct Watched
    {
        GilReader reader;
        bool seen = false;
        bool locked = false;
        std::uint64_t holder = 0;
    };
    void loop();
    void tick(std::int64_t now);

    Sink m_sink;
    int m_rateHz;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex; // guards m_incoming and m_stats
    std::vector<GilReader> m_incoming;
    std::vector<Watched> m_watched; // the sampler thread's own
    Stats m_stats;
};

} // namespace ThreadLab
