#pragma once

#include <cstdint>

namespace ThreadLab {

// CPU-bound work that the compiler cannot fold away: summing a range of integers one by one,
// the way Python's sum(range(n)) does, with a result that is checked against the closed form.
class CpuWork
{
public:
    static std::uint64_t sumRange(std::uint64_t begin, std::uint64_t end) noexcept;
    static std::uint64_t expectedSum(std::uint64_t begin, std::uint64_t end) noexcept;
    // Iterations of sumRange per millisecond on one core of this machine, measured once per
    // process (about 30 ms) and cached.
    static double iterationsPerMs();
    static double measureIterationsPerMs();
};

} // namespace ThreadLab
