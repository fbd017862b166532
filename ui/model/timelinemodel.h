#pragma once

#include "model/lanesummary.h"
#include "tasks/workerstate.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ThreadLab {

class EventLog;
struct Event;

// The timeline's read model, with no widget (Hotspot's event model, Tracy's preprocess step):
// what the view keeps per lane on top of the EventLog — how and when the lane ended, its marks
// (output, queue put and get) and joins, its level-of-detail summary — extended with the events
// appended since the last sync (never a rescan of a whole lane), and the look-ups the view's
// painting and tooltips need. Lives on the GUI thread and only reads the log, which the engine
// appends to from its own threads (lock-free reads of a consistent prefix).
class TimelineModel
{
    // The context lupdate gives tr() in this class's members.
    Q_DECLARE_TR_FUNCTIONS(ThreadLab::TimelineModel)

public:
    struct Join
    {
        std::uint32_t event = 0; // the WaitingJoin state event
        std::int64_t endNs = -1; // the lane's next state event (absolute), -1 while waiting
    };
    struct LaneIndex
    {
        std::size_t scanned = 0;
        std::int64_t endNs = -1;                    // first terminal event (absolute), -1 while going
        WorkerState outcome = WorkerState::Running; // the last terminal state seen
        std::vector<std::uint32_t> marks;           // output, queue put and get events
        std::vector<std::uint32_t> counterMarks;    // the shared counter's reads and writes (C9)
        std::vector<Join> joins;                    // in time order
        LaneSummary summary;
    };
    // The log as one frame shows it: its lanes and their events at one instant.
    struct Snapshot
    {
        const EventLog* log = nullptr;
        int laneCount = 0;
        std::vector<std::size_t> sizes; // events per lane when the frame began
        std::int64_t originNs = 0;
        std::int64_t untilNs = 0; // open intervals last until here (since the origin)
    };
    // What lies under a time on a lane (stateAt).
    struct StateAt
    {
        enum Kind { NotCreated, Ended, Interval };
        Kind kind = NotCreated;
        const Event* event = nullptr; // Interval: the state event that started it
        std::int64_t endNs = 0;       // Interval: absolute; the next state event or the snapshot's end
        bool open = false;            // Interval: still going at the snapshot's end
    };

    void setLog(std::shared_ptr<const EventLog> log);
    const std::shared_ptr<const EventLog>& log() const noexcept { return m_log; }
    int laneCount() const noexcept;

    // Extends the lanes' indices with the events appended since the last call.
    void sync();
    // Grows whenever a sync adds lanes or sees a new kind of event or state: what a layout of
    // the lanes and the legend depends on.
    std::uint64_t shapeRevision() const noexcept { return m_shapeRevision; }
    // sync(), then each lane's events and the run's extent now; while live, open intervals last
    // until the clock's now.
    Snapshot snapshot(bool live);

    const LaneIndex& index(int lane) const { return m_index[static_cast<std::size_t>(lane)]; }
    // Bit (1 << state) for every state seen so far, and (1 << EventKind) for every kind of event.
    std::uint32_t statesSeen() const noexcept { return m_statesSeen; }
    std::uint32_t kindsSeen() const noexcept { return m_kindsSeen; }
    // The indices' size in bytes: part of the memory per stored event.
    std::size_t memoryBytes() const;

    // A lane's second label line: "thread", "process · pid 1234 · daemon", its thread style.
    // With pidPlaceholder the widest a pid can read, for measuring.
    QString laneDetail(int lane, bool pidPlaceholder) const;
    // A lane's name, or the number if there is no such lane (a queue's sender).
    QString laneName(std::uint32_t lane) const;
    // The timeline in one sentence, for its accessible description (a screen reader cannot see
    // the lanes): "4 lanes over 1.02 s: MainThread (main thread) finished at 1.02 s; …", the first
    // few lanes named. Reads every lane's index once: for the end of a run, never per frame.
    QString describe(bool live);

    // Position in lane's marks of its first mark at or after tAbs, from position `from` on.
    std::size_t markFrom(int lane, std::size_t from, std::int64_t tAbs) const;
    // The first mark among lane's first n events within reachNs of tAbs.
    const Event* markNear(int lane, std::size_t n, std::int64_t tAbs, std::int64_t reachNs) const;
    // The same for the lane's counter reads and writes (LaneIndex::counterMarks).
    std::size_t counterMarkFrom(int lane, std::size_t from, std::int64_t tAbs) const;
    const Event* counterMarkNear(int lane, std::size_t n, std::int64_t tAbs, std::int64_t reachNs) const;
    // The state interval of lane at tAbs, among its first n events.
    StateAt stateAt(const Snapshot& snapshot, int lane, std::int64_t tAbs) const;

private:
    void scan(int lane);
    std::size_t firstFrom(int lane, const std::vector<std::uint32_t>& marks, std::size_t from, std::int64_t tAbs) const;
    const Event* near(int lane, const std::vector<std::uint32_t>& marks, std::size_t n, std::int64_t tAbs,
                      std::int64_t reachNs) const;

    std::shared_ptr<const EventLog> m_log;
    std::vector<LaneIndex> m_index;
    std::uint32_t m_statesSeen = 0;
    std::uint32_t m_kindsSeen = 0;
    std::uint64_t m_shapeRevision = 0;
};

} // namespace ThreadLab
