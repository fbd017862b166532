#include "python/gilobserver.h"

#include "engine/eventlog.h"

#include <limits>

namespace ThreadLab {

GilObserver::GilObserver(EventLog* log, int rateHz)
    : m_log(log)
    , m_rateHz(rateHz)
{
}

GilObserver::~GilObserver()
{
    stop();
}

bool GilObserver::observe(std::int64_t pid, int major, int minor)
{
    return observe(GilReader::attach(pid, major, minor));
}

bool GilObserver::observe(GilReader reader)
{
    if (!reader.attached()) {
        m_error = reader.error();
        return false;
    }
    Lane* observed = m_log->addObservedGil();
    m_sampler = std::make_unique<GilSampler>(
        [observed](const GilSampler::Change& c) {
            const bool held = c.holderTid != 0;
            const auto tid = static_cast<std::uint32_t>(
                std::min<std::uint64_t>(c.holderTid, std::numeric_limits<std::uint32_t>::max()));
            observed->append(Event {c.tNs, EventKind::State, held ? WorkerState::Running : WorkerState::WaitingGil, 0,
                                    held ? tid : 0, static_cast<std::int64_t>(c.switchNumber)});
        },
        m_rateHz);
    m_sampler->watch(std::move(reader));
    m_sampler->start();
    return true;
}

void GilObserver::stop()
{
    if (m_sampler)
        m_sampler->stop();
}

GilSampler::Stats GilObserver::stats() const
{
    return m_sampler ? m_sampler->stats() : GilSampler::Stats {};
}

} // namespace ThreadLab
