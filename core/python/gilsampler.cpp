#include "python/gilsampler.h"

#include "tasks/monoclock.h"
#include "tasks/platform.h"

#include <algorithm>
#include <chrono>

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

void GilSampler::loop()
{
    Platform::setCurrentThreadName("gil-sampler");
    const std::int64_t periodNs = 1'000'000'000 / m_rateHz;
    const std::int64_t startNs = MonoClock::nowNs();
    const std::int64_t cpuStart = Platform::threadCpuTimeNs();
    // Ticks on a fixed grid: a late tick does not push the later ones back.
    auto next = std::chrono::steady_clock::now();
    std::int64_t ticks = 0;
    while (!m_stop.load(std::memory_order_relaxed)) {
        tick(MonoClock::nowNs());
        ++ticks;
        next += std::chrono::nanoseconds(periodNs);
        const auto now = std::chrono::steady_clock::now();
        if (next < now)
            next = now; // fell behind (a busy machine): skip rather than burst
        std::this_thread::sleep_until(next);
        if ((ticks & 63) == 0 || m_stop.load(std::memory_order_relaxed)) {
            std::lock_guard lock(m_mutex);
            m_stats.ticks = ticks;
            m_stats.wallNs = MonoClock::nowNs() - startNs;
            m_stats.cpuNs = Platform::threadCpuTimeNs() - cpuStart;
        }
    }
    std::lock_guard lock(m_mutex);
    m_stats.ticks = ticks;
    m_stats.wallNs = MonoClock::nowNs() - startNs;
    m_stats.cpuNs = Platform::threadCpuTimeNs() - cpuStart;
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
        if (!it->reader.read(s)) {
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
