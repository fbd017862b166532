// threadlab-worker: the child process behind every process worker. Plain C++ with no Qt, so it
// starts in well under a millisecond. It runs one job given on its command line and reports
// every event on stdout (see WireEncoder); it validates its argument itself and never trusts it.

#include "tasks/interpreterlock.h"
#include "tasks/interpreterstate.h"
#include "tasks/monoclock.h"
#include "tasks/platform.h"
#include "tasks/settlingsink.h"
#include "tasks/stoptoken.h"
#include "tasks/taskexecutor.h"
#include "wire/wireencoder.h"
#include "wire/workerjob.h"

#include <cstdio>
#include <cstring>
#include <string>

using namespace ThreadLab;

int main(int argc, char** argv)
{
    WireEncoder wire(stdout);
    wire.hello(Platform::currentPid());
    if (argc != 3 || std::strcmp(argv[1], "--job") != 0) {
        wire.failure("usage: threadlab-worker --job DESCRIPTION (it is started by threadlab)");
        return 64;
    }
    std::string error;
    const auto job = WorkerJob::decode(argv[2], &error);
    if (!job) {
        wire.failure("invalid job: " + error);
        return 65;
    }
    // Only after the first event: the parent's start latency ends there. Watching for the
    // parent's end starts a thread, which is not needed a few microseconds earlier (stdin stays
    // open, so a parent that died meanwhile is still noticed). The child keeps the priority it
    // was started with, as a Python process does.
    SettlingSink sink(wire, [&job] {
        Platform::setCurrentThreadName(job->name);
        Platform::exitWithParent();
    });

    InterpreterLock gil(job->gil, job->switchIntervalNs);
    InterpreterState memory; // this process's own copy of the "global" list and counter
    StopToken stop;
    ExecutionContext ctx;
    ctx.sink = &sink;
    ctx.gil = &gil;
    ctx.shared = &memory;
    ctx.stop = &stop;
    ctx.name = job->name;
    ctx.number = job->number;
    ctx.seed = job->seed;
    ctx.timeScale = job->timeScale;
    ctx.cpuIterationsPerMs = job->cpuIterationsPerMs;
    ctx.crashAllowed = true;
    ctx.costs.sleep0Ns = job->sleep0Ns;
    TaskExecutor executor(ctx);
    if (job->bootNs > 0) {
        // The Python model: a CPython child computes before its first line (fork's copying, or
        // a fresh interpreter's start and imports). The CPU time of our own start counts
        // towards it.
        sink.state(WorkerState::Starting, startingInterpreter);
        executor.spendCpuNs(job->bootNs - Platform::processCpuTimeNs());
    }
    const ExecutionResult result = executor.runJob(job->tasks);
    sink.settle();
    wire.ownState(memory.list(), memory.readCounter());
    if (result == ExecutionResult::Failed)
        wire.failure(executor.failure());
    wire.flush();
    // A CPython child's end (finalisation, exit) until its parent's join() returns.
    executor.spendCpuNs(job->exitNs);
    return result == ExecutionResult::Failed ? 70 : 0;
}
