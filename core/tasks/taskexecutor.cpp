#include "tasks/taskexecutor.h"

#include "tasks/cpuwork.h"
#include "tasks/eventsink.h"
#include "tasks/interpreterlock.h"
#include "tasks/interpreterstate.h"
#include "tasks/monoclock.h"
#include "tasks/platform.h"
#include "tasks/stoptoken.h"
#include "tasks/taskcatalogue.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <random>
#include <thread>

namespace ThreadLab {

namespace {

std::int64_t scaledNs(std::int64_t ms, double timeScale)
{
    return static_cast<std::int64_t>(std::llround(static_cast<double>(ms) * timeScale * 1e6));
}

} // namespace

TaskExecutor::TaskExecutor(ExecutionContext context)
    : m_ctx(std::move(context))
{
    if (!m_ctx.owner)
        m_ctx.owner = this;
}

WorkerState TaskExecutor::stopState() const noexcept
{
    return m_ctx.stop && m_ctx.stop->reason() == StopReason::Cancelled ? WorkerState::Cancelled
                                                                      : WorkerState::Abandoned;
}

ExecutionResult TaskExecutor::runJob(const std::vector<TaskSpec>& tasks)
{
    EventSink& sink = *m_ctx.sink;
    const bool running = m_ctx.gil->acquire(sink, m_ctx.owner, m_ctx.stop);
    if (m_ctx.onRunning)
        m_ctx.onRunning();
    if (!running) {
        sink.state(stopState());
        return ExecutionResult::Stopped;
    }
    m_holding = true;
    const ExecutionResult result = runTasks(tasks);
    WorkerState last = WorkerState::Finished;
    if (result == ExecutionResult::Stopped)
        last = stopState();
    else if (result == ExecutionResult::Failed)
        last = WorkerState::Crashed;
    if (m_holding) {
        m_ctx.gil->release(sink, last);
        m_holding = false;
    } else {
        sink.state(last);
    }
    return result;
}

ExecutionResult TaskExecutor::runTasks(const std::vector<TaskSpec>& tasks)
{
    m_holding = true;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (!runTask(tasks[i], static_cast<int>(i)))
            return m_failure.empty() ? ExecutionResult::Stopped : ExecutionResult::Failed;
    }
    return ExecutionResult::Completed;
}

bool TaskExecutor::cpu(std::uint64_t begin, std::uint64_t end, std::uint64_t* sum)
{
    // Chunks of about 25 µs: between them the GIL's drop request and a stop are noticed,
    // as CPython's eval loop checks its eval breaker.
    const auto chunk = static_cast<std::uint64_t>(std::max(64.0, m_ctx.cpuIterationsPerMs / 40.0));
    std::uint64_t acc = 0;
    for (std::uint64_t at = begin; at < end;) {
        const std::uint64_t to = std::min(end, at + chunk);
        acc += CpuWork::sumRange(at, to);
        at = to;
        if (m_ctx.stop->stopRequested())
            return false;
        m_ctx.sink->checkpoint();
        if (!m_ctx.gil->checkpoint(*m_ctx.sink, m_ctx.owner, m_ctx.stop)) {
            m_holding = false;
            return false;
        }
    }
    if (acc != CpuWork::expectedSum(begin, end)) {
        m_failure = "CPU work gave a wrong sum";
        return false;
    }
    if (sum)
        *sum = acc;
    return true;
}

bool TaskExecutor::cpuMs(std::int64_t ms)
{
    if (ms <= 0)
        return true;
    const auto n = static_cast<std::uint64_t>(static_cast<double>(ms) * m_ctx.timeScale * m_ctx.cpuIterationsPerMs);
    return cpu(0, n, nullptr);
}

bool TaskExecutor::spendCpuNs(std::int64_t ns)
{
    if (ns <= 0)
        return true;
    return cpu(0, static_cast<std::uint64_t>(static_cast<double>(ns) / 1e6 * m_ctx.cpuIterationsPerMs), nullptr);
}

bool TaskExecutor::block(WorkerState state, std::int64_t durationNs)
{
    EventSink& sink = *m_ctx.sink;
    m_ctx.gil->release(sink, state);
    m_holding = false;
    sink.aboutToBlock();
    if (!m_ctx.stop->sleepFor(durationNs))
        return false;
    if (!m_ctx.gil->acquire(sink, m_ctx.owner, m_ctx.stop))
        return false;
    m_holding = true;
    return true;
}

bool TaskExecutor::scaledWait(std::int64_t ms)
{
    if (ms <= 0)
        return true;
    return block(WorkerState::WaitingIo, scaledNs(ms, m_ctx.timeScale));
}

std::string TaskExecutor::format(const std::string& tmpl, std::int64_t item, std::int64_t value, std::int64_t ms,
                                 int iteration, ItemOp op) const
{
    std::string out;
    out.reserve(tmpl.size() + 16);
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{') {
            const std::size_t close = tmpl.find('}', i);
            if (close != std::string::npos) {
                const std::optional<Placeholder> key =
                    enumFromName<Placeholder>(std::string_view(tmpl.data() + i + 1, close - i - 1));
                if (key) {
                    switch (*key) {
                    case Placeholder::Name: out += m_ctx.name; break;
                    case Placeholder::Number: out += std::to_string(m_ctx.number); break;
                    case Placeholder::Iteration: out += std::to_string(iteration + 1); break;
                    case Placeholder::Item: out += std::to_string(item); break;
                    case Placeholder::Value: out += std::to_string(value); break;
                    case Placeholder::Ms: out += std::to_string(ms); break;
                    case Placeholder::Op: out += enumName(op); break;
                    }
                    i = close;
                    continue;
                }
            }
        }
        out += tmpl[i];
    }
    return out;
}

bool TaskExecutor::runPerItem(const TaskSpec& task, int /*taskIndex*/)
{
    const TaskEffect effect = TaskCatalogue::find(task.kind)->effect;
    EventSink& sink = *m_ctx.sink;
    for (std::size_t i = 0; i < task.items.size(); ++i) {
        const std::int64_t item = task.items[i];
        if (!cpuMs(task.cpuMs) || !scaledWait(task.ms))
            return false;
        const std::int64_t value = applyItemOp(task.op, item);
        const int iteration = static_cast<int>(i);
        if (effect == TaskEffect::AppendsToList && m_ctx.shared)
            m_ctx.shared->append(value);
        if (effect == TaskEffect::SendsOverQueue) {
            sink.queuePut(value);
            if (m_ctx.shared)
                m_ctx.shared->put(value, m_ctx.laneId, MonoClock::nowNs());
        }
        if (!task.text.empty())
            sink.output(format(task.text, item, value, task.ms, iteration, task.op));
    }
    return true;
}

bool TaskExecutor::runIncrement(const TaskSpec& task, int /*taskIndex*/)
{
    if (!m_ctx.shared) {
        m_failure = "no shared counter here";
        return false;
    }
    EventSink& sink = *m_ctx.sink;
    InterpreterState& shared = *m_ctx.shared;
    InterpreterLock& gil = *m_ctx.gil;
    for (std::int64_t t = 0; t < task.times; ++t) {
        if (m_ctx.stop->stopRequested())
            return false;
        std::unique_lock<std::mutex> guard(shared.counterLock(), std::defer_lock);
        if (task.locked && !guard.try_lock()) {
            // Like threading.Lock.acquire(): a blocked thread lets go of the GIL.
            gil.release(sink, WorkerState::WaitingLock);
            m_holding = false;
            guard.lock();
            if (!gil.acquire(sink, m_ctx.owner, m_ctx.stop))
                return false;
            m_holding = true;
        }
        const std::int64_t seen = shared.readCounter();
        sink.counterRead(seen);
        if (task.yield) {
            // time.sleep(0) between the read and the write: other threads get in here. In the
            // Python model it sleeps what CPython's does (a real timer sleep since 3.11).
            if (gil.enabled() && m_ctx.costs.sleep0Ns > 0) {
                // The measured figure already holds the kernel's timer slack (most of it):
                // ask for less, so that the sleep ends when CPython's would.
                const std::int64_t slackNs = std::min(Platform::timerSlackNs(), m_ctx.costs.sleep0Ns / 2);
                if (!block(WorkerState::WaitingIo, m_ctx.costs.sleep0Ns - slackNs))
                    return false;
            } else if (gil.enabled()) {
                gil.release(sink, WorkerState::WaitingIo);
                m_holding = false;
                std::this_thread::yield();
                if (!gil.acquire(sink, m_ctx.owner, m_ctx.stop))
                    return false;
                m_holding = true;
            } else {
                std::this_thread::yield();
            }
        }
        shared.writeCounter(seen + 1);
        sink.counterWrite(seen + 1); // still holding the GIL: the log's order is the counter's
        if (!gil.checkpoint(sink, m_ctx.owner, m_ctx.stop)) {
            m_holding = false;
            return false;
        }
    }
    if (!task.text.empty())
        sink.output(format(task.text, task.times, shared.readCounter(), 0, 0, ItemOp::Identity));
    return true;
}

void TaskExecutor::crash(const TaskSpec& task)
{
    m_ctx.sink->aboutToBlock(); // flush what was reported so far
    switch (task.how) {
    case CrashHow::Segfault:
        // The default action, even where a handler is installed (e.g. a sanitizer's): the
        // lesson is a process killed by the signal.
        std::signal(SIGSEGV, SIG_DFL);
        std::raise(SIGSEGV);
        break;
    case CrashHow::Abort:
        std::signal(SIGABRT, SIG_DFL);
        std::abort();
    case CrashHow::Exit:
        break;
    }
    std::_Exit(task.exitCode);
}

bool TaskExecutor::runCrash(const TaskSpec& task, int /*taskIndex*/)
{
    if (!m_ctx.crashAllowed) {
        m_failure = "only a process worker can crash";
        return false;
    }
    if (!scaledWait(task.ms))
        return false;
    crash(task);
}

bool TaskExecutor::runCpu(const TaskSpec& task, int /*taskIndex*/)
{
    const auto total =
        static_cast<std::uint64_t>(static_cast<double>(task.ms) * m_ctx.timeScale * m_ctx.cpuIterationsPerMs);
    const int parts = std::max(1, task.splitParts);
    const std::uint64_t per = total / static_cast<std::uint64_t>(parts);
    const std::uint64_t begin = per * static_cast<std::uint64_t>(task.splitIndex);
    const std::uint64_t end = task.splitIndex == parts - 1 ? total : begin + per;
    std::uint64_t sum = 0;
    if (!cpu(begin, end, &sum))
        return false;
    if (!task.text.empty())
        m_ctx.sink->output(format(task.text, static_cast<std::int64_t>(end - begin), static_cast<std::int64_t>(sum),
                                  task.ms, 0, ItemOp::Identity));
    return true;
}

bool TaskExecutor::runWait(const TaskSpec& task, int /*taskIndex*/)
{
    if (!scaledWait(task.ms))
        return false;
    if (!task.text.empty())
        m_ctx.sink->output(format(task.text, 0, 0, task.ms, 0, ItemOp::Identity));
    return true;
}

std::int64_t TaskExecutor::randomWaitMs(const TaskSpec& task, std::uint64_t seed, int number, int taskIndex)
{
    std::seed_seq seq {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                       static_cast<std::uint32_t>(number), static_cast<std::uint32_t>(taskIndex)};
    std::mt19937_64 rng(seq);
    std::uniform_int_distribution<std::int64_t> dist(task.minMs, std::max(task.minMs, task.maxMs));
    return dist(rng);
}

bool TaskExecutor::runRandomWait(const TaskSpec& task, int taskIndex)
{
    const std::int64_t ms = randomWaitMs(task, m_ctx.seed, m_ctx.number, taskIndex);
    if (!scaledWait(ms))
        return false;
    if (!task.text.empty())
        m_ctx.sink->output(format(task.text, 0, 0, ms, 0, ItemOp::Identity));
    return true;
}

bool TaskExecutor::runPrint(const TaskSpec& task, int /*taskIndex*/)
{
    EventSink& sink = *m_ctx.sink;
    for (int r = 0; r < task.repeat; ++r) {
        sink.output(format(task.text, 0, 0, task.gapMs, r, ItemOp::Identity));
        if (r + 1 < task.repeat && !scaledWait(task.gapMs))
            return false;
        if (!m_ctx.gil->checkpoint(sink, m_ctx.owner, m_ctx.stop)) {
            m_holding = false;
            return false;
        }
    }
    return true;
}

bool TaskExecutor::runTask(const TaskSpec& task, int taskIndex)
{
    const TaskKindInfo* info = TaskCatalogue::find(task.kind);
    if (!info) {
        m_failure = "unknown task kind";
        return false;
    }
    return (this->*(info->run))(task, taskIndex);
}

} // namespace ThreadLab
