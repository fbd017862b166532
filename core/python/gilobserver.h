#pragma once

#include "python/gilsampler.h"

#include <QString>

#include <memory>

namespace ThreadLab {

class EventLog;
class Lane;

// The GIL of a real CPython run, observed: a GilSampler reads the interpreter that main's
// threads live in and records each change of holder in the run's EventLog (addObservedGil), by
// native thread id, which GilHolders turns into the lanes' holds. One per variant run; the
// sampler's thread is the observed lane's only writer.
class GilObserver
{
public:
    explicit GilObserver(EventLog* log, int rateHz = GilSampler::defaultRateHz);
    ~GilObserver();
    GilObserver(const GilObserver&) = delete;
    GilObserver& operator=(const GilObserver&) = delete;

    // Starts reading the interpreter process; false (and error()) when it cannot be read, in
    // which case the run goes on with its GIL not observed and the log has no observed GIL.
    bool observe(std::int64_t pid, int majorVersion, int minorVersion);
    // The same with a reader attached beforehand (finding the interpreter's GIL takes a few
    // milliseconds: done while the interpreter boots, the observation misses nothing of the run).
    bool observe(GilReader reader);
    const QString& error() const noexcept { return m_error; }
    // Stops reading; the observed lane is complete afterwards.
    void stop();
    GilSampler::Stats stats() const;
    int rateHz() const noexcept { return m_rateHz; }

private:
    EventLog* m_log = nullptr;
    int m_rateHz = GilSampler::defaultRateHz;
    std::unique_ptr<GilSampler> m_sampler; // from a successful observe() on
    QString m_error;
};

} // namespace ThreadLab
