#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ThreadLab {

// The states a lane can be in. A state event starts an interval that lasts until the next one;
// the last four are terminal.
enum class WorkerState : std::uint8_t {
    Created,
    Starting,
    Running,
    WaitingGil,
    WaitingIo,
    WaitingLock,
    WaitingJoin,
    WaitingQueue,
    Finished,
    Crashed,
    Abandoned,
    Cancelled,
};

inline constexpr int workerStateCount = 12;

constexpr bool isTerminal(WorkerState s) noexcept
{
    return s == WorkerState::Finished || s == WorkerState::Crashed || s == WorkerState::Abandoned
        || s == WorkerState::Cancelled;
}

constexpr std::string_view workerStateName(WorkerState s) noexcept
{
    switch (s) {
    case WorkerState::Created: return "created";
    case WorkerState::Starting: return "starting";
    case WorkerState::Running: return "running";
    case WorkerState::WaitingGil: return "waiting-for-GIL";
    case WorkerState::WaitingIo: return "waiting-io";
    case WorkerState::WaitingLock: return "waiting-lock";
    case WorkerState::WaitingJoin: return "waiting-join";
    case WorkerState::WaitingQueue: return "waiting-queue";
    case WorkerState::Finished: return "finished";
    case WorkerState::Crashed: return "crashed";
    case WorkerState::Abandoned: return "abandoned";
    case WorkerState::Cancelled: return "cancelled";
    }
    return "unknown";
}

// The argument of a Starting event: 0 for a worker's own start (a thread, a threadlab-worker
// child), startingInterpreter for the model's CPython process booting its interpreter (fork
// copying, or a fresh interpreter's start and imports), shown as "starting interpreter".
inline constexpr std::uint32_t startingInterpreter = 1;

constexpr bool isStartingInterpreter(WorkerState s, std::uint32_t arg) noexcept
{
    return s == WorkerState::Starting && arg == startingInterpreter;
}

// The state's name in exports, with Starting's labelled variant.
constexpr std::string_view workerStateName(WorkerState s, std::uint32_t arg) noexcept
{
    return isStartingInterpreter(s, arg) ? std::string_view("starting-interpreter") : workerStateName(s);
}

constexpr std::optional<WorkerState> workerStateFromInt(int v) noexcept
{
    if (v < 0 || v >= workerStateCount)
        return std::nullopt;
    return static_cast<WorkerState>(v);
}

} // namespace ThreadLab
