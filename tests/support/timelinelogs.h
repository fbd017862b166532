#pragma once

// A small hand-made event log for the timeline's model and tooltip tests.

#include "engine/eventlog.h"
#include "engine/lane.h"

#include <cstdint>
#include <memory>

namespace ThreadLab {

inline constexpr std::int64_t sampleLogOriginNs = 5'000'000'000; // a real clock's origin is not zero

// Main joins a worker ("subclass" style) that prints and puts 42 on a queue; a daemon process
// (pid 4242) gets it and is cut off when main ends at 100 ms; a late thread is still running.
inline std::shared_ptr<EventLog> sampleTimelineLog()
{
    constexpr std::int64_t origin = sampleLogOriginNs;
    constexpr std::int64_t ms = 1'000'000;
    auto log = std::make_shared<EventLog>(origin);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    Lane* worker = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, QStringLiteral("subclass")});
    Lane* daemon = log->addLane({QStringLiteral("Process-1"), LaneKind::Process, true, {}});
    Lane* late = log->addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
    main->appendState(WorkerState::Running, origin);
    main->appendState(WorkerState::WaitingJoin, origin + 10 * ms, 1);
    worker->appendState(WorkerState::Running, origin + 10 * ms);
    worker->appendOutput(origin + 20 * ms, "hello");
    worker->append(Event {origin + 30 * ms, EventKind::QueuePut, WorkerState::Running, 0, 0, 42});
    worker->appendState(WorkerState::Finished, origin + 50 * ms);
    main->appendState(WorkerState::Running, origin + 60 * ms);
    daemon->setPid(4242);
    daemon->appendState(WorkerState::Running, origin + 5 * ms);
    daemon->append(Event {origin + 40 * ms, EventKind::QueueGet, WorkerState::Running, 0, 1, 42});
    late->appendState(WorkerState::Running, origin + 90 * ms);
    main->appendState(WorkerState::Finished, origin + 100 * ms);
    daemon->appendState(WorkerState::Abandoned, origin + 100 * ms);
    daemon->setOutcomeDetail(QStringLiteral("main ended"));
    return log;
}

// Two threads add to a shared counter (C9): Thread-1 makes it 17 alone, then both read 17 and
// both write 18 (one update lost), then Thread-2 makes it 19. Every read and write is 1 ms apart
// from 10 ms on; main joins them.
inline std::shared_ptr<EventLog> lostUpdateTimelineLog()
{
    constexpr std::int64_t origin = sampleLogOriginNs;
    constexpr std::int64_t ms = 1'000'000;
    auto log = std::make_shared<EventLog>(origin);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    Lane* one = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
    Lane* two = log->addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
    const auto counter = [](Lane* lane, std::int64_t t, bool write, std::int64_t value) {
        lane->append(Event {t, write ? EventKind::CounterWrite : EventKind::CounterRead, WorkerState::Running, 0, 0, value});
    };
    main->appendState(WorkerState::Running, origin);
    main->appendState(WorkerState::WaitingJoin, origin + 1 * ms, 1);
    one->appendState(WorkerState::Running, origin + 2 * ms);
    two->appendState(WorkerState::Running, origin + 3 * ms);
    std::int64_t t = origin + 4 * ms;
    for (std::int64_t v = 0; v < 17; ++v) { // 17 clean increments, 0.2 ms each
        counter(one, t, false, v);
        counter(one, t + ms / 10, true, v + 1);
        t += ms / 5;
    }
    counter(one, origin + 10 * ms, false, 17);
    counter(two, origin + 11 * ms, false, 17);
    counter(one, origin + 12 * ms, true, 18);
    counter(two, origin + 13 * ms, true, 18);
    counter(two, origin + 14 * ms, false, 18);
    counter(two, origin + 15 * ms, true, 19);
    one->appendState(WorkerState::Finished, origin + 16 * ms);
    two->appendState(WorkerState::Finished, origin + 17 * ms);
    main->appendState(WorkerState::Running, origin + 18 * ms);
    main->appendState(WorkerState::Finished, origin + 19 * ms);
    return log;
}

// A log with MainThread, Thread-1 and Thread-2, no events yet.
struct MainAndTwoThreads
{
    std::shared_ptr<EventLog> log;
    Lane* main = nullptr;
    Lane* a = nullptr;
    Lane* b = nullptr;
};
inline MainAndTwoThreads mainAndTwoThreads(std::int64_t origin, bool gil)
{
    auto log = std::make_shared<EventLog>(origin, gil);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    Lane* a = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
    Lane* b = log->addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
    return {log, main, a, b};
}

// Main starts two threads and joins them; Thread-1 holds the GIL over [0, 40 ms) and
// [80, 120 ms), Thread-2 over [40, 70 ms); nobody over [70, 80 ms) (Thread-2 sleeps): four
// hand-overs (main, 1, 2, 1, main). With `gil` off the same states, and no lock to hand over.
inline std::shared_ptr<EventLog> gilTurnsTimelineLog(std::int64_t origin, bool gil)
{
    constexpr std::int64_t ms = 1'000'000;
    const auto [log, main, a, b] = mainAndTwoThreads(origin, gil);
    main->appendState(WorkerState::Running, origin);
    main->appendState(WorkerState::WaitingJoin, origin, 1);
    a->appendState(WorkerState::Running, origin);
    b->appendState(WorkerState::WaitingGil, origin);
    a->appendState(WorkerState::WaitingGil, origin + 40 * ms);
    b->appendState(WorkerState::Running, origin + 40 * ms);
    b->appendState(WorkerState::WaitingIo, origin + 70 * ms);
    a->appendState(WorkerState::Running, origin + 80 * ms);
    a->appendState(WorkerState::Finished, origin + 120 * ms);
    b->appendState(WorkerState::Finished, origin + 120 * ms);
    main->appendState(WorkerState::Running, origin + 120 * ms);
    main->appendState(WorkerState::Finished, origin + 121 * ms);
    return log;
}

// Main starts two threads and joins them; the threads take turns every 5 ms from 1 ms on, as
// the GIL makes CPU-bound threads do, for `turns` turns.
inline std::shared_ptr<EventLog> alternatingGilTimelineLog(std::int64_t origin, int turns, bool gil = true)
{
    constexpr std::int64_t ms = 1'000'000;
    const auto [log, main, a, b] = mainAndTwoThreads(origin, gil);
    main->appendState(WorkerState::Running, origin);
    main->appendState(WorkerState::WaitingJoin, origin + 1 * ms, 1);
    a->appendState(WorkerState::WaitingGil, origin);
    b->appendState(WorkerState::WaitingGil, origin);
    std::int64_t t = origin + 1 * ms;
    for (int k = 0; k < turns; ++k) {
        Lane* runs = k % 2 ? b : a;
        runs->appendState(WorkerState::Running, t);
        t += 5 * ms;
        runs->appendState(WorkerState::WaitingGil, t);
    }
    a->appendState(WorkerState::Finished, t);
    b->appendState(WorkerState::Finished, t);
    main->appendState(WorkerState::Running, t);
    main->appendState(WorkerState::Finished, t + 1 * ms);
    return log;
}

// Real CPython: main and two threads say running from the origin to 40 ms (native ids 100–102);
// the observed GIL (read 2000 times a second) is held by Thread-1 until 10 ms, by nobody until
// 15, by Thread-2 until 30 and by Thread-1 again (the interpreter counts 7, 8, 9). Not
// `observed`: no observed GIL, and a note saying so.
inline std::shared_ptr<EventLog> observedGilTimelineLog(std::int64_t origin, bool observed)
{
    constexpr std::int64_t ms = 1'000'000;
    auto log = std::make_shared<EventLog>(origin);
    for (int i = 0; i < 3; ++i) {
        Lane* lane = log->addLane({i == 0 ? QStringLiteral("MainThread") : QStringLiteral("Thread-%1").arg(i),
                                   i == 0 ? LaneKind::Main : LaneKind::Thread, false, {}});
        lane->setNativeThreadId(100 + i);
        lane->appendState(WorkerState::Running, origin);
        lane->appendState(WorkerState::Finished, origin + 40 * ms);
    }
    if (!observed) {
        log->setGilNote(QStringLiteral("GIL not observed: no reason"));
        return log;
    }
    log->setGilSamplingHz(2000);
    Lane* gil = log->addObservedGil();
    gil->append(Event {origin, EventKind::State, WorkerState::Running, 0, 101, 7});
    gil->append(Event {origin + 10 * ms, EventKind::State, WorkerState::WaitingGil, 0, 0, 7});
    gil->append(Event {origin + 15 * ms, EventKind::State, WorkerState::Running, 0, 102, 8});
    gil->append(Event {origin + 30 * ms, EventKind::State, WorkerState::Running, 0, 101, 9});
    return log;
}

} // namespace ThreadLab
