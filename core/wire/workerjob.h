#pragma once

#include "tasks/taskspec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ThreadLab {

// Everything a threadlab-worker child needs to run one worker: passed as one command-line
// argument, encoded by the parent and decoded — and validated again — by the child.
struct WorkerJob
{
    std::string name;
    int number = 1;
    bool gil = true;
    std::int64_t switchIntervalNs = 5'000'000;
    double timeScale = 1.0;
    double cpuIterationsPerMs = 1e5;
    std::uint64_t seed = 0;
    // The Python model's CPython costs (all zero otherwise, and then not encoded): the child
    // computes bootNs, less the CPU time its own start took, as "starting interpreter" before
    // its first task, and exitNs after its last; time.sleep(0) sleeps sleep0Ns. CPU time, as
    // the interpreter's were measured: on a busy machine both take longer alike.
    std::int64_t bootNs = 0;
    std::int64_t exitNs = 0;
    std::int64_t sleep0Ns = 0;
    std::vector<TaskSpec> tasks;

    std::string encode() const;
    // On failure returns nothing and sets *error to one sentence.
    static std::optional<WorkerJob> decode(std::string_view text, std::string* error);
};

// Percent-escapes bytes that would break a line or a token: used by the job and wire formats.
std::string escapeText(std::string_view text);
std::optional<std::string> unescapeText(std::string_view text);

} // namespace ThreadLab
