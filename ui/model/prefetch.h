#pragma once

namespace ThreadLab {

// Asks the CPU to start loading the cache line at `address` for reading: a hint, never needed for
// correctness, so compilers without the builtin (MSVC) get a no-op rather than an intrinsic per
// architecture.
inline void prefetchForRead(const void* address) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    static_cast<void>(address);
#endif
}

} // namespace ThreadLab
