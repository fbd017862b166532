#pragma once

#include "tasks/modelcosts.h"
#include "tasks/taskspec.h"
#include "tasks/workerstate.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ThreadLab {

class EventSink;
class InterpreterLock;
class InterpreterState;
class StopToken;

struct ExecutionContext
{
    EventSink* sink = nullptr;
    InterpreterLock* gil = nullptr;
    InterpreterState* shared = nullptr; // null in a child: its queue puts travel through the sink
    StopToken* stop = nullptr;
    std::string name;
    int number = 1;                     // 1-based position in its group, for {n}
    std::uint32_t laneId = 0;
    std::uint64_t seed = 0;
    double timeScale = 1.0;             // applies to every stated duration, waits and CPU work
    double cpuIterationsPerMs = 1e5;
    bool crashAllowed = false;          // only process workers may crash on purpose
    const void* owner = nullptr;        // who holds the GIL (defaults to the executor)
    ModelCosts costs;                   // CPython's own costs in the Python model; zero otherwise
    // runJob calls it once the worker has the GIL for the first time, or could not get it.
    std::function<void()> onRunning;
};

enum class ExecutionResult { Completed, Stopped, Failed };

// Runs catalogue tasks on the calling thread, reporting every state change to the sink and
// honouring the interpreter lock the way CPython does. Plain C++: threadlab-worker uses it too.
class TaskExecutor
{
public:
    // The wait a random-wait task picks: seeded per run, worker number and task index, so the
    // same seed gives the same waits in every engine.
    static std::int64_t randomWaitMs(const TaskSpec& task, std::uint64_t seed, int number, int taskIndex);

    explicit TaskExecutor(ExecutionContext context);

    // A worker's whole life: take the lock, run the tasks, release it with a terminal state.
    ExecutionResult runJob(const std::vector<TaskSpec>& tasks);
    // Tasks run by a thread that already holds the lock (main's lane); leaves it held.
    ExecutionResult runTasks(const std::vector<TaskSpec>& tasks);

    // Computes for about `ns` (CPU work, honouring the GIL and stop like any task): what the
    // model charges for CPython's own work, such as a process booting its interpreter.
    bool spendCpuNs(std::int64_t ns);

    const std::string& failure() const noexcept { return m_failure; }
    WorkerState stopState() const noexcept;

private:
    friend class TaskCatalogue; // its entries point at the run* functions below

    bool runTask(const TaskSpec& task, int taskIndex);
    // One per task kind (TaskRun); false when stopped or failed.
    bool runCpu(const TaskSpec& task, int taskIndex);
    bool runWait(const TaskSpec& task, int taskIndex);
    bool runRandomWait(const TaskSpec& task, int taskIndex);
    bool runPrint(const TaskSpec& task, int taskIndex);
    bool runPerItem(const TaskSpec& task, int taskIndex);
    bool runIncrement(const TaskSpec& task, int taskIndex);
    [[noreturn]] void crash(const TaskSpec& task);
    bool runCrash(const TaskSpec& task, int taskIndex);
    bool cpu(std::uint64_t begin, std::uint64_t end, std::uint64_t* sum);
    bool cpuMs(std::int64_t ms);
    bool block(WorkerState state, std::int64_t durationNs);
    bool scaledWait(std::int64_t ms);
    std::string format(const std::string& tmpl, std::int64_t item, std::int64_t value, std::int64_t ms,
                       int iteration, ItemOp op) const;

    ExecutionContext m_ctx;
    bool m_holding = false;
    bool m_stopped = false;
    std::string m_failure;
};

} // namespace ThreadLab
