// Fuzz target for WireDemux, the reader of the CPython runtime's stream: every Python thread and
// process of a variant writes `<lane> <record>` lines to one pipe, and the demultiplexer hands
// each line to its lane's WireDecoder. The runtime is untrusted like any child. Invariants checked
// (a broken one traps, which libFuzzer reports):
//   - feeding the input whole, split at a few data-derived points, and in small pieces gives the
//     same records, lanes and outcome (the pipe's cuts must not matter);
//   - every record names a lane that exists, and each lane's records count 1, 2, 3, … with
//     non-decreasing positive tNs;
//   - no record is delivered once the demultiplexer has failed, and never more records than
//     lines; feed()/finish() return !failed(); a failure leaves one non-empty line in error().

#include "wire/wiredemux.h"

#include "pipecuts.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace ThreadLab;
using FuzzSupport::check;

namespace {

constexpr std::uint32_t kLanes = 4;

struct Delivered
{
    std::uint32_t lane = 0;
    char type = 0;
    std::uint64_t seq = 0;
    std::int64_t tNs = 0;
    std::int64_t value = 0;
    std::uint32_t arg = 0;

    bool operator==(const Delivered&) const = default;
};

struct Outcome
{
    std::vector<Delivered> records;
    bool failed = false;
    std::string error;

    bool operator==(const Outcome&) const = default;
};

Outcome demultiplex(std::string_view input, const std::vector<std::size_t>& cuts)
{
    Outcome out;
    std::vector<std::uint64_t> lastSeq(kLanes, 0);
    std::vector<std::int64_t> lastNs(kLanes, 0);
    bool failedSeen = false;
    WireDemux* self = nullptr;
    WireDemux demux(kLanes, [&](std::uint32_t lane, const WireRecord& r) {
        check(!failedSeen && !self->failed());
        check(lane < kLanes);
        check(r.seq == lastSeq[lane] + 1 && r.tNs > 0 && r.tNs >= lastNs[lane]);
        lastSeq[lane] = r.seq;
        lastNs[lane] = r.tNs;
        out.records.push_back({lane, r.type, r.seq, r.tNs, r.value, r.arg});
    });
    self = &demux;
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
        cut = std::min(std::max(cut, from), input.size());
        check(demux.feed(input.substr(from, cut - from)) == !demux.failed());
        failedSeen = demux.failed();
        from = cut;
    }
    check(demux.feed(input.substr(from)) == !demux.failed());
    check(demux.finish() == !demux.failed());
    out.failed = demux.failed();
    out.error = demux.error();
    check(!out.failed || (!out.error.empty() && out.error.find('\n') == std::string::npos));
    check(out.records.size() <= static_cast<std::size_t>(std::count(input.begin(), input.end(), '\n')));
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const Outcome whole = demultiplex(input, {});

    for (const std::vector<std::size_t>& cuts : FuzzSupport::pipeCuts(input))
        check(demultiplex(input, cuts) == whole);
    return 0;
}
