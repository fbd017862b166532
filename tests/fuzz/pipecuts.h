#pragma once

// What the stream fuzz targets share: a failed invariant traps (libFuzzer reports it), and the
// ways a pipe might have cut an input, which must not change what a reader makes of it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace FuzzSupport {

inline void check(bool ok)
{
    if (!ok)
        __builtin_trap();
}

inline std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// Ascending cut offsets to feed `input` by, besides whole: three points derived from the bytes
// (so that mutations move them too), and small pieces of 1 to 8 bytes, which stress the
// partial-line path (only for inputs up to 8 KiB, so that big ones stay fast).
inline std::vector<std::vector<std::size_t>> pipeCuts(std::string_view input)
{
    const std::size_t size = input.size();
    const std::uint64_t h = fnv1a(input);
    std::vector<std::vector<std::size_t>> out(1);
    for (int i = 0; i < 3; ++i)
        out[0].push_back(static_cast<std::size_t>((h >> (i * 21)) % (size + 1)));
    std::sort(out[0].begin(), out[0].end());
    if (size <= 8192) {
        const std::size_t step = 1 + (h >> 60) % 8;
        std::vector<std::size_t> small;
        for (std::size_t at = step; at < size; at += step)
            small.push_back(at);
        out.push_back(std::move(small));
    }
    return out;
}

} // namespace FuzzSupport
