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
// change of holder, on ThreadLab's clock. The ticks keep a fixed grid: a tick that the machine
// makes late is taken as soon as the thread runs, and the following ones catch up, so that the
// achieved rate is the asked one; only after a stall longer than maxCatchUpNs are the ticks
// missed skipped (and counted). A turn is seen late by at most one period plus the tick's
// lateness (Stats: its mean and 99th percentile), and a turn shorter than a period may be
// missed; the interpreter's own switch_number, reported with every change, still counts every
// hand-over.
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
        std::int64_t skippedTicks = 0;    // dropped after stalls longer than maxCatchUpNs
        std::int64_t readings = 0;
        std::int64_t memoryReads = 0;     // process_vm_readv calls (about one per reading)
        std::int64_t wallNs = 0;
        std::int64_t cpuNs = 0;           // the sampler thread's own CPU time
        // How late the ticks ran against their grid: the sampling error beyond one period.
        double latenessMeanNs = 0;
        std::int64_t latenessP99Ns = 0;
        double achievedHz() const noexcept { return wallNs > 0 ? ticks * 1e9 / static_cast<double>(wallNs) : 0; }
        double coreShare() const noexcept { return wallNs > 0 ? static_cast<double>(cpuNs) / static_cast<double>(wallNs) : 0; }
    };

    static constexpr int defaultRateHz = 2000;
    // The sampler thread's timer slack: woken when asked, where the kernel's default (50 µs)
    // would be a tenth of a period at 2 kHz.
    static constexpr std::int64_t timerSlackNs = 1'000;
    // A tick later than this starts the grid afresh (the ticks missed skipped). On a busy 2-core
    // machine a woken thread may wait a few scheduler slices: with four CPU-bound Python threads
    // and builds beside them, ticks were late by 4-7 ms at the 99th percentile.
    static constexpr std::int64_t maxCatchUpNs = 10'000'000;

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
    // Tick lateness, in buckets of bucketNs (the last: all later ones).
    struct Lateness
    {
        static constexpr std::int64_t bucketNs = 5'000;
        std::vector<std::int64_t> buckets = std::vector<std::int64_t>(2'000, 0);
        std::int64_t count = 0;
        std::int64_t maxNs = 0;
        double sumNs = 0;
        void add(std::int64_t ns);
        std::int64_t percentileNs(double p) const;
    };
    void loop();
    void tick(std::int64_t now);
    // Publishes what the loop counted into m_stats.
    void publish(std::int64_t ticks, std::int64_t skipped, std::int64_t startNs, std::int64_t cpuStart);

    Sink m_sink;
    int m_rateHz;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex; // guards m_incoming and m_stats
    std::vector<GilReader> m_incoming;
    std::vector<Watched> m_watched; // the sampler thread's own
    Lateness m_lateness;            // the sampler thread's own
    std::int64_t m_memoryReads = 0; // the sampler thread's own
    Stats m_stats;
};

} // namespace ThreadLab
