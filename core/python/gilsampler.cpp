#include "python/gilsampler.h"

#include "tasks/monoclock.h"
#include "tasks/platform.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace ThreadLab {

GilSampler::GilSampler(Sink sink, int rateHz)
    : m_sink(std::move(sink))
    , m_rateHz(std::clamp(rateHz, 1, 20000))
{
}

GilSampler::~GilSampler()
{
    stop();
}

void GilSampler::watch(GilReader reader)
{
    std::lock_guard lock(m_mutex);
    m_incoming.push_back(std::move(reader));
}

void GilSampler::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { loop(); });
}

void GilSampler::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

GilSampler::Stats GilSampler::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void GilSampler::Lateness::add(std::int64_t ns)
{
    ns = std::max<std::int64_t>(ns, 0);
    const auto last = static_cast<std::int64_t>(buckets.size()) - 1;
    ++buckets[static_cast<std::size_t>(std::min(ns / bucketNs, last))];
    ++count;
    sumNs += static_cast<double>(ns);
    maxNs = std::max(maxNs, ns);
}

std::int64_t GilSampler::Lateness::percentileNs(double p) const
{
    // The upper edge of the bucket that holds the p-th tick (the latest seen for the last one).
    const auto rank = std::max<std::int64_t>(static_cast<std::int64_t>(std::ceil(p * static_cast<double>(count))) - 1, 0);
    std::int64_t below = 0;
    for (std::size_t i = 0; i + 1 < buckets.size(); ++i) {
        below += buckets[i];
        if (below > rank)
            return std::min(static_cast<std::int64_t>(i + 1) * bucketNs, maxNs);
    }
    return maxNs;
}

void GilSampler::publish(std::int64_t ticks, std::int64_t skipped, std::int64_t startNs, std::int64_t cpuStart)
{
    std::lock_guard lock(m_mutex);
    m_stats.ticks = ticks;
    m_stats.skippedTicks = skipped;
    m_stats.memoryReads = m_memoryReads;
    m_stats.wallNs = MonoClock::nowNs() - startNs;
    m_stats.cpuNs = Platform::threadCpuTimeNs() - cpuStart;
    m_stats.latenessMeanNs = m_lateness.count > 0 ? m_lateness.sumNs / static_cast<double>(m_lateness.count) : 0;
    m_stats.latenessP99Ns = m_lateness.percentileNs(0.99);
}

void GilSampler::loop()
{
    Platform::setCurrentThreadName("gil-sampler");
    Platform::setCurrentThreadTimerSlackNs(timerSlackNs);
    using Clock = std::chrono::steady_clock;
    const std::chrono::nanoseconds period(1'000'000'000 / m_rateHz);
    const std::int64_t startNs = MonoClock::nowNs();
    const std::int64_t cpuStart = Platform::threadCpuTimeNs();
    // Ticks on a fixed grid: a late tick neither pushes the later ones back nor is lost. Each
    // one is taken as soon as the thread runs after its time; after a long stall (a machine
    // too busy to give this thread a core) the ticks missed are skipped, counted, and the grid
    // goes on from the next one due.
    auto due = Clock::now();
    std::int64_t ticks = 0;
    std::int64_t skipped = 0;
    while (!m_stop.load(std::memory_order_relaxed)) {
        m_lateness.add(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - due).count());
        tick(MonoClock::nowNs());
        ++ticks;
        due += period;
        const auto behind = Clock::now() - due;
        if (behind > std::chrono::nanoseconds(maxCatchUpNs)) {
            const auto missed = behind / period;
            skipped += missed;
            due += missed * period;
        }
        std::this_thread::sleep_until(due);
        if ((ticks & 63) == 0)
            publish(ticks, skipped, startNs, cpuStart);
    }
    publish(ticks, skipped, startNs, cpuStart);
}

void GilSampler::tick(std::int64_t now)
{
    {
        std::lock_guard lock(m_mutex);
        for (GilReader& r : m_incoming)
            m_watched.push_back({std::move(r)});
        m_incoming.clear();
        m_stats.readings += static_cast<std::int64_t>(m_watched.size());
    }
    for (auto it = m_watched.begin(); it != m_watched.end();) {
        GilReader::State s;
        const std::uint64_t readsBefore = it->reader.memoryReads();
        const bool read = it->reader.read(s);
        m_memoryReads += static_cast<std::int64_t>(it->reader.memoryReads() - readsBefore);
        if (!read) {
            it = m_watched.erase(it); // the process has gone
            continue;
        }
        if (!it->seen || s.locked != it->locked || s.holderTid != it->holder) {
            it->seen = true;
            it->locked = s.locked;
            it->holder = s.holderTid;
            m_sink({it->reader.pid(), now, s.locked ? s.holderTid : 0, s.switchNumber});
        }
        ++it;
    }
}

} // namespace ThreadLab
