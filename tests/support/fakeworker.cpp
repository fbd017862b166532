// threadlab-fakeworker: a child that misbehaves on purpose, for tst_processworker. It takes the
// same arguments as threadlab-worker and picks its misdeed from the job's worker name.
// "clock" is well-behaved and prints the clock mapping it was handed (THREADLAB_CLOCK).
// "burst-N" is well-behaved but fast: exactly N state events as quickly as it can (bench_ingest).

#include "tasks/monoclock.h"
#include "tasks/platform.h"
#include "wire/wireencoder.h"
#include "wire/workerjob.h"

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

using namespace ThreadLab;

int main(int argc, char** argv)
{
    if (argc != 3)
        return 64;
    Platform::exitWithParent();
    const auto job = WorkerJob::decode(argv[2], nullptr);
    if (!job)
        return 65;
    const std::string& mode = job->name;
    const auto t = static_cast<long long>(MonoClock::nowNs());
    WireEncoder wire(stdout);
    if (mode == "garbage") {
        std::fputs("hello world\n", stdout);
        return 0;
    }
    if (mode == "silent")
        return 0;
    if (mode == "backwards") {
        std::printf("1 H %lld 1\n2 S %lld 2 0\n", t, t - 1000);
        return 0;
    }
    if (mode == "starting") {
        std::printf("1 H %lld 1\n2 S %lld 1 0\n", t, t);
        return 0;
    }
    if (mode == "interpreter-unasked") { // "starting interpreter" from a job that has no boot cost
        std::printf("1 H %lld 1\n2 S %lld 1 1\n", t, t);
        return 0;
    }
    if (const std::string_view burst = "burst-"; mode.starts_with(burst)) {
        // N state events alternating running / waiting-io, then finished: the lane gets N + 3
        // (the parent's own "created" and "starting" first).
        std::uint64_t n = 0;
        const char* first = mode.data() + burst.size();
        const char* last = mode.data() + mode.size();
        if (const auto [end, ec] = std::from_chars(first, last, n); ec != std::errc() || end != last)
            return 66;
        wire.hello(Platform::currentPid());
        for (std::uint64_t i = 0; i < n; ++i)
            wire.state(i % 2 ? WorkerState::WaitingIo : WorkerState::Running);
        wire.state(WorkerState::Finished);
        wire.ownState({}, 0);
        wire.flush();
        return 0;
    }
    wire.hello(Platform::currentPid());
    wire.state(WorkerState::Running);
    if (mode == "truncated") {
        wire.output("cut off mid");
        wire.flush();
        std::printf("4 O %lld cut", static_cast<long long>(MonoClock::nowNs()));
        std::fflush(stdout);
        return 0;
    }
    if (mode == "endless") {
        wire.flush();
        const std::string chunk(4096, 'x');
        for (;;)
            std::fwrite(chunk.data(), 1, chunk.size(), stdout);
    }
    if (mode == "flood") {
        for (long long i = 0;; ++i)
            wire.state(i % 2 ? WorkerState::Running : WorkerState::WaitingIo);
    }
    if (mode == "hang") {
        wire.flush();
        for (;;)
            std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    if (mode == "clock") {
        const char* mapping = std::getenv(MonoClock::environmentVariable);
        wire.output(mapping ? mapping : "(none)");
    } else {
        wire.output("fine");
    }
    wire.state(WorkerState::Finished);
    wire.ownState({}, 0);
    wire.flush();
    return mode == "finished-then-exit-5" ? 5 : 0;
}
