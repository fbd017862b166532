#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#if defined(__x86_64__) && defined(__linux__)
#include <x86intrin.h>
#define THREADLAB_TSC_CLOCK 1
#else
#define THREADLAB_TSC_CLOCK 0
#endif

namespace ThreadLab {

// The one clock of ThreadLab: nanoseconds on CLOCK_MONOTONIC's scale, system-wide, so
// timestamps taken in a child process line up with the parent's.
//
// Every event carries a reading, so a reading must be cheap. On x86-64 Linux, when the kernel
// itself keeps time with the TSC (its clocksource is "tsc": invariant and synchronised across
// cores, or the kernel would not have chosen it), a reading is one ordered rdtsc scaled by a mapping
// calibrated once against CLOCK_MONOTONIC — what the fastest profilers do. A calibration error
// of a few ppm only stretches all of ThreadLab's times alike: children are handed the parent's
// mapping (THREADLAB_CLOCK in their environment) rather than calibrating their own, so every
// process of a run reads the same clock. Elsewhere, or with THREADLAB_CLOCK=steady, a reading
// is std::chrono::steady_clock (CLOCK_MONOTONIC, QueryPerformanceCounter, mach time).
class MonoClock
{
public:
    // TSC ticks to ns: ns = baseNs + (tsc − baseTsc) · mult / 2^32. mult == 0: steady_clock.
    struct Mapping
    {
        std::int64_t baseTsc = 0;
        std::int64_t baseNs = 0;
        std::uint64_t mult = 0;

        bool usesTsc() const noexcept { return mult != 0; }
#if THREADLAB_TSC_CLOCK
        __extension__ using Wide = __int128; // GCC and Clang on x86-64
        std::int64_t toNs(std::int64_t tsc) const noexcept
        {
            const Wide scaled = static_cast<Wide>(tsc - baseTsc) * static_cast<Wide>(mult);
            return baseNs + static_cast<std::int64_t>(scaled >> 32);
        }
#endif
        // "tsc BASETSC BASENS MULT" or "steady"; parse() accepts exactly what this writes.
        std::string encode() const;
        static bool parse(const char* text, Mapping& out) noexcept;
    };

    static constexpr const char* environmentVariable = "THREADLAB_CLOCK";

    static std::int64_t nowNs() noexcept
    {
#if THREADLAB_TSC_CLOCK
        const Mapping& m = mapping();
        if (m.usesTsc())
            return m.toNs(orderedTsc());
#endif
        return steadyNs();
    }

    static std::int64_t steadyNs() noexcept
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    // This process's mapping, established on first use: taken from THREADLAB_CLOCK when the
    // parent set it, else calibrated (about 10 ms, once), else steady_clock.
    static const Mapping& mapping() noexcept
    {
        static const Mapping m = establish();
        return m;
    }

#if THREADLAB_TSC_CLOCK
    // The TSC, read only after every earlier instruction has completed: without the fence the
    // CPU may read it early, before a load that saw another thread's later reading, and time
    // would seem to run backwards between threads (the kernel's own clock fences the same way).
    static std::int64_t orderedTsc() noexcept
    {
        _mm_lfence();
        return static_cast<std::int64_t>(__rdtsc());
    }
#endif

private:
    static Mapping establish() noexcept;
};

} // namespace ThreadLab
