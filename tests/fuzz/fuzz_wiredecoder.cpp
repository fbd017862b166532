// Fuzz target for WireDecoder, the parent's reader of the child→parent stream. A child is an
// untrusted process, so the decoder must survive anything and must not depend on how the pipe
// happened to cut the bytes. Invariants checked (a broken one traps, which libFuzzer reports):
//   - feeding the input whole, split at a few data-derived points, and in small pieces gives the
//     same records and the same outcome (the pipe's cuts must not matter);
//   - records arrive with seq 1, 2, 3, …, non-decreasing positive tNs, a known type, valid
//     payloads (L: at most maxListItems items; O/X: at most 4096 bytes; S: a real state; R ≥ 0, W ≥ 1);
//   - no record is delivered once the decoder has failed; recordCount() is the number delivered
//     and never more than the number of '\n' in the input;
//   - feed()/finish() return !failed(); a failure leaves one non-empty line in error(); success
//     means the input was empty or ended with '\n';
//   - the delivered records, written back in the encoder's format, decode to the same records.

#include "wire/wiredecoder.h"
#include "wire/workerjob.h"
#include "tasks/workerstate.h"

#include "pipecuts.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace ThreadLab;
using FuzzSupport::check;

namespace {

struct Record
{
    char type = 0;
    std::uint64_t seq = 0;
    std::int64_t tNs = 0;
    std::int64_t value = 0;
    std::uint32_t arg = 0;
    std::string text;
    std::vector<std::int64_t> list;

    bool operator==(const Record&) const = default;
};

struct Outcome
{
    std::vector<Record> records;
    bool failed = false;
    std::string error;

    bool operator==(const Outcome&) const = default;
};

// Decodes `input` fed as the pieces that `cuts` (ascending offsets) mark, checking every
// invariant that holds for one decoder on its own.
Outcome decode(std::string_view input, const std::vector<std::size_t>& cuts)
{
    Outcome out;
    const WireDecoder* self = nullptr;
    std::int64_t lastNs = 0;
    WireDecoder decoder([&out, &self, &lastNs](const WireRecord& r) {
        check(self && !self->failed());
        check(r.seq == out.records.size() + 1);
        check(r.tNs > 0 && r.tNs >= lastNs);
        lastNs = r.tNs;
        Record rec {r.type, r.seq, r.tNs, r.value, r.arg, {}, {}};
        switch (r.type) {
        case 'H':
        case 'P':
        case 'C':
            check(r.list == nullptr && r.text.empty());
            break;
        case 'R':
        case 'W':
            check(r.list == nullptr && r.text.empty());
            check(r.value >= (r.type == 'W' ? 1 : 0)); // a counter never goes below 0
            break;
        case 'S':
            check(workerStateFromInt(static_cast<int>(r.value)).has_value());
            check(r.list == nullptr);
            break;
        case 'O':
        case 'X':
            check(r.text.size() <= 4096 && r.list == nullptr);
            rec.text = std::string(r.text);
            break;
        case 'L':
            check(r.list != nullptr && r.list->size() <= WireDecoder::maxListItems);
            rec.list = *r.list;
            break;
        default:
            check(false);
        }
        out.records.push_back(std::move(rec));
    });
    self = &decoder;

    std::size_t from = 0;
    bool stopped = false;
    for (std::size_t i = 0; i <= cuts.size(); ++i) {
        const std::size_t to = i < cuts.size() ? cuts[i] : input.size();
        if (to < from)
            continue;
        const std::size_t delivered = out.records.size();
        const bool ok = decoder.feed(input.substr(from, to - from));
        check(ok == !decoder.failed());
        if (stopped)
            check(!ok && out.records.size() == delivered); // nothing after a failure
        stopped = !ok;
        from = to;
    }
    const std::size_t beforeFinish = out.records.size();
    const bool finished = decoder.finish();
    check(out.records.size() == beforeFinish);
    check(finished == !decoder.failed());
    check(decoder.finish() == finished); // finishing twice changes nothing

    out.failed = decoder.failed();
    out.error = decoder.error();
    check(decoder.recordCount() == out.records.size());
    check(decoder.recordCount() <= static_cast<std::uint64_t>(std::count(input.begin(), input.end(), '\n')));
    if (out.failed) {
        check(!out.error.empty());
        check(out.error.find('\n') == std::string::npos && out.error.find('\r') == std::string::npos);
    } else {
        check(out.error.empty());
        check(input.empty() || input.back() == '\n');
    }
    return out;
}

// The records as WireEncoder writes them: "<seq> <type> <tNs> <payload>\n".
std::string reencode(const std::vector<Record>& records)
{
    std::string s;
    for (const Record& r : records) {
        s += std::to_string(r.seq) + ' ' + r.type + ' ' + std::to_string(r.tNs) + ' ';
        switch (r.type) {
        case 'S': s += std::to_string(r.value) + ' ' + std::to_string(r.arg); break;
        case 'O':
        case 'X': s += escapeText(r.text); break;
        case 'L':
            for (std::size_t i = 0; i < r.list.size(); ++i) {
                if (i)
                    s += ',';
                s += std::to_string(r.list[i]);
            }
            break;
        default: s += std::to_string(r.value); break;
        }
        s += '\n';
    }
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const Outcome whole = decode(input, {});

    for (const std::vector<std::size_t>& cuts : FuzzSupport::pipeCuts(input))
        check(decode(input, cuts) == whole);

    // What was accepted, written back the way the encoder writes it, decodes to the same records.
    if (!whole.records.empty()) {
        const Outcome again = decode(reencode(whole.records), {});
        check(!again.failed && again.records == whole.records);
    }
    return 0;
}
