#pragma once

#include "engine/gilholders.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace ThreadLab {

class EventLog;
class TimelineViewport;

// What the timeline's GIL strips show, with no widget: the interpreters of a run (the app's own
// process: main and its threads; each child process: its lanes), for each its lanes and who held
// its GIL when (GilHolders), and the strip's screen blocks for a viewport. Extended with the
// events appended since the last sync, like TimelineModel's indices; lives beside it on the GUI
// thread.
class GilTrack
{
public:
    struct Interpreter
    {
        bool app = false; // the app's own process (main and its threads)
        GilHolders holders;
        // Whether its threads can contend for the lock: only then is there anything to hand over.
        bool contends() const noexcept { return holders.lanes().size() > 1; }
        int firstLane() const noexcept { return holders.lanes().front(); }
    };

    // A screen block of a strip: pixel columns [x0, x1) of the plot, one hold or a fold of holds
    // too narrow to draw one by one (count > 1), with the time each of its main holders held the
    // lock (the strip's bands; exact up to sampleLimit holds, sampled beyond).
    struct Block
    {
        static constexpr int maxHolders = 4;
        int x0 = 0;
        int x1 = 0;
        int count = 1;
        std::int64_t startNs = 0; // absolute
        std::int64_t endNs = 0;
        std::array<int, maxHolders> lanes {};
        std::array<double, maxHolders> heldNs {};
        int holders = 0;
        int lane() const noexcept { return lanes[0]; } // the one that held it longest
    };
    static constexpr double minBlockPx = 3;
    static constexpr std::size_t sampleLimit = 16;

    void reset();
    // Reads what was appended to log since the last call. While live, only holds that began
    // before now are taken (see GilHolders).
    void sync(const EventLog* log, bool live);
    bool gilEnabled() const noexcept { return m_gilEnabled; }
    // Real CPython: what the app's strip says instead of holds (its GIL not observed, or a
    // free-threaded interpreter); empty otherwise (EventLog::gilNote).
    const QString& note() const noexcept { return m_note; }
    // Whether this interpreter's strip shows the note instead of holds.
    bool showsNote(int interpreter) const;
    // Real CPython with its GIL observed: the holds of lane's interpreter, from which its waits
    // for the GIL are derived (GilWaits); null for the model and for lanes of child processes.
    const GilHolders* observedHoldersOf(int lane) const;
    // Observed: readings a second (0 otherwise); a change is seen up to one period late.
    int samplingHz() const noexcept { return m_samplingHz; }
    const std::vector<Interpreter>& interpreters() const noexcept { return m_interpreters; }
    // The interpreter lane belongs to, -1 if unknown yet.
    int interpreterOf(int lane) const;

    // The blocks of interpreter's strip in viewport (appended to out); open holds last until
    // untilNs (since originNs).
    void fold(int interpreter, const TimelineViewport& viewport, std::int64_t originNs, std::int64_t untilNs,
              std::vector<Block>& out) const;
    // The hold at tAbs, or the nearest within reachNs of it; none if nobody held the lock there.
    std::optional<GilHolders::Span> spanAt(int interpreter, std::int64_t tAbs, std::int64_t reachNs) const;
    std::size_t memoryBytes() const;

private:
    static void shareOut(Block& b, const GilHolders& holders, std::size_t first, std::size_t last);

    const EventLog* m_log = nullptr;
    bool m_gilEnabled = true;
    QString m_note;
    int m_samplingHz = 0;
    int m_lanes = 0;
    std::vector<Interpreter> m_interpreters;
    std::vector<int> m_interpreterOf; // per lane
};

} // namespace ThreadLab
