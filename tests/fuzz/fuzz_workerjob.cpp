// Fuzz target for WorkerJob::decode, which threadlab-worker runs on its command-line argument:
// the child validates the job itself and trusts nothing. Invariants checked (a broken one traps):
//   - a refusal sets a non-empty error, and decoding without an error pointer refuses too;
//   - an accepted job respects Limits (the child runs it as it is);
//   - the round trip is idempotent: encode() of an accepted job decodes to an equal job, and
//     encoding that gives the same text again.

#include "tasks/taskspec.h"
#include "wire/workerjob.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace ThreadLab;

namespace {

void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

bool inRange(std::int64_t v, std::int64_t lo, std::int64_t hi)
{
    return v >= lo && v <= hi;
}

bool sameJob(const WorkerJob& a, const WorkerJob& b)
{
    return a.name == b.name && a.number == b.number && a.gil == b.gil && a.switchIntervalNs == b.switchIntervalNs
        && a.timeScale == b.timeScale && a.cpuIterationsPerMs == b.cpuIterationsPerMs && a.seed == b.seed
        && a.tasks == b.tasks;
}

void checkLimits(const WorkerJob& job)
{
    check(!job.name.empty() && job.name.size() <= static_cast<std::size_t>(Limits::maxNameChars) * 4);
    check(inRange(job.number, 1, Limits::maxWorkersPerVariant));
    check(inRange(job.switchIntervalNs, std::int64_t(Limits::minSwitchIntervalMs) * 1'000'000,
                  std::int64_t(Limits::maxSwitchIntervalMs) * 1'000'000));
    check(job.timeScale >= Limits::minTimeScale && job.timeScale <= Limits::maxTimeScale);
    check(job.cpuIterationsPerMs >= 1 && job.cpuIterationsPerMs <= 1e9);
    check(job.tasks.size() <= static_cast<std::size_t>(Limits::maxTasksPerWorker));
    for (const TaskSpec& t : job.tasks) {
        check(withinLimits(t));
        check(inRange(t.splitParts, 1, Limits::maxWorkersPerVariant) && inRange(t.splitIndex, 0, t.splitParts - 1));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto job = WorkerJob::decode(text, &error);
    check(job.has_value() == WorkerJob::decode(text, nullptr).has_value());
    if (!job) {
        check(!error.empty());
        return 0;
    }
    checkLimits(*job);

    const std::string encoded = job->encode();
    std::string againError;
    const auto again = WorkerJob::decode(encoded, &againError);
    check(again.has_value());
    check(sameJob(*again, *job));
    check(again->encode() == encoded);
    return 0;
}
