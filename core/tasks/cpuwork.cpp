#include "tasks/cpuwork.h"

#include "tasks/platform.h"

#include <algorithm>

namespace ThreadLab {

std::uint64_t CpuWork::sumRange(std::uint64_t begin, std::uint64_t end) noexcept
{
    std::uint64_t acc = 0;
    for (std::uint64_t i = begin; i < end; ++i) {
        acc += i;
#if defined(__GNUC__) || defined(__clang__)
        // An empty asm that "may change" acc: no vectorising, no closed form, one add per step.
        asm volatile("" : "+r"(acc));
#else
        acc = *static_cast<volatile std::uint64_t*>(&acc);
#endif
    }
    return acc;
}

std::uint64_t CpuWork::expectedSum(std::uint64_t begin, std::uint64_t end) noexcept
{
    if (end <= begin)
        return 0;
    const std::uint64_t n = end - begin;
    // (begin + end - 1) * n / 2 without losing the division: halve whichever factor is even.
    const std::uint64_t a = begin + end - 1;
    return (n % 2 == 0) ? (n / 2) * a : n * (a / 2);
}

double CpuWork::measureIterationsPerMs()
{
    double best = 0;
    std::uint64_t n = 1 << 16;
    int goodRuns = 0;
    // Grow until one run takes at least 5 ms, then keep the best of three such runs. Timed in
    // the thread's CPU time, so a busy machine does not make the work look slower than it is.
    for (int attempt = 0; attempt < 40; ++attempt) {
        const std::int64_t t0 = Platform::threadCpuTimeNs();
        const std::uint64_t s = sumRange(0, n);
        const std::int64_t dt = Platform::threadCpuTimeNs() - t0;
        if (s != expectedSum(0, n))
            return 0;
        if (dt >= 5'000'000) {
            best = std::max(best, static_cast<double>(n) * 1e6 / static_cast<double>(dt));
            if (++goodRuns >= 3)
                break;
        } else {
            n *= 2;
        }
    }
    return best > 0 ? best : 1e5;
}

double CpuWork::iterationsPerMs()
{
    static const double cached = measureIterationsPerMs();
    return cached;
}

} // namespace ThreadLab
