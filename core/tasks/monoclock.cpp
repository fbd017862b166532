#include "tasks/monoclock.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace ThreadLab {

std::string MonoClock::Mapping::encode() const
{
    if (!usesTsc())
        return "steady";
    char text[96];
    std::snprintf(text, sizeof text, "tsc %" PRId64 " %" PRId64 " %" PRIu64, baseTsc, baseNs, mult);
    return text;
}

bool MonoClock::Mapping::parse(const char* text, Mapping& out) noexcept
{
    if (!text)
        return false;
    if (std::strcmp(text, "steady") == 0) {
        out = Mapping {};
        return true;
    }
    Mapping m;
    int consumed = 0;
    if (std::sscanf(text, "tsc %" SCNd64 " %" SCNd64 " %" SCNu64 "%n", &m.baseTsc, &m.baseNs, &m.mult, &consumed) != 3
        || text[consumed] != '\0')
        return false;
    // 0.1 to 10 GHz: anything else is not a TSC of this century.
    constexpr std::uint64_t slowest = std::uint64_t(10) << 32;
    constexpr std::uint64_t fastest = (std::uint64_t(1) << 32) / 10;
    if (m.mult < fastest || m.mult > slowest || m.baseTsc < 0 || m.baseNs < 0)
        return false;
    out = m;
    return true;
}

namespace {

#if THREADLAB_TSC_CLOCK
// Did the kernel choose the TSC to keep time? Only then is it known to be invariant and
// synchronised across cores (the kernel checks both and demotes it otherwise).
bool kernelTimesWithTsc()
{
    std::FILE* f = std::fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
    if (!f)
        return false;
    char name[32] = {};
    const bool read = std::fgets(name, sizeof name, f) != nullptr;
    std::fclose(f);
    return read && std::strncmp(name, "tsc", 3) == 0 && (name[3] == '\n' || name[3] == '\0');
}

struct Pair
{
    std::int64_t tsc = 0;
    std::int64_t ns = 0;
};

// A CLOCK_MONOTONIC reading and the TSC at the same instant: the tightest of a few brackets.
Pair readPair()
{
    Pair best;
    std::int64_t bestWidth = INT64_MAX;
    for (int i = 0; i < 7; ++i) {
        const std::int64_t before = MonoClock::orderedTsc();
        const std::int64_t ns = MonoClock::steadyNs();
        const std::int64_t after = MonoClock::orderedTsc();
        if (after - before < bestWidth) {
            bestWidth = after - before;
            best = {before + (after - before) / 2, ns};
        }
    }
    return best;
}
#endif

} // namespace

MonoClock::Mapping MonoClock::establish() noexcept
{
    const char* inherited = std::getenv(environmentVariable);
    Mapping m;
    if (inherited && Mapping::parse(inherited, m))
        return m;
#if THREADLAB_TSC_CLOCK
    if (!kernelTimesWithTsc())
        return {};
    // Two readings 10 ms apart: each is within a few ns, so the rate is good to about a ppm.
    const Pair a = readPair();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const Pair b = readPair();
    if (b.tsc <= a.tsc || b.ns <= a.ns)
        return {};
    m.baseTsc = a.tsc;
    m.baseNs = a.ns;
    __extension__ using UWide = unsigned __int128;
    m.mult = static_cast<std::uint64_t>((static_cast<UWide>(b.ns - a.ns) << 32) / static_cast<UWide>(b.tsc - a.tsc));
    Mapping checked;
    if (!Mapping::parse(m.encode().c_str(), checked))
        return {};
    return checked;
#else
    return {};
#endif
}

} // namespace ThreadLab
