#include "model/timelinemodel.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "results/runhistory.h"
#include "tasks/monoclock.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace ThreadLab {

void TimelineModel::setLog(std::shared_ptr<const EventLog> log)
{
    m_log = std::move(log);
    m_index.clear();
    m_statesSeen = 0;
    m_kindsSeen = 0;
    ++m_shapeRevision;
}

int TimelineModel::laneCount() const noexcept
{
    return m_log ? m_log->laneCount() : 0;
}

void TimelineModel::sync()
{
    if (!m_log)
        return;
    const int count = m_log->laneCount();
    const std::uint32_t states = m_statesSeen;
    const std::uint32_t kinds = m_kindsSeen;
    const bool grew = static_cast<int>(m_index.size()) < count;
    if (grew)
        m_index.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        scan(i);
    if (grew || states != m_statesSeen || kinds != m_kindsSeen)
        ++m_shapeRevision;
}

void TimelineModel::scan(int laneIndex)
{
    const Lane* lane = m_log->lane(laneIndex);
    LaneIndex& idx = m_index[static_cast<std::size_t>(laneIndex)];
    const std::size_t n = lane->size();
    for (std::size_t k = idx.scanned; k < n; ++k) {
        const Event& e = lane->at(k);
        m_kindsSeen |= 1u << static_cast<int>(e.kind);
        if (e.kind == EventKind::State) {
            m_statesSeen |= 1u << static_cast<int>(e.state);
            if (!idx.joins.empty() && idx.joins.back().endNs < 0 && idx.joins.back().event < k)
                idx.joins.back().endNs = e.tNs; // the join returned
            if (isTerminal(e.state)) {
                if (idx.endNs < 0)
                    idx.endNs = e.tNs;
                idx.outcome = e.state; // a later terminal overrules (see WorkerResult::fromLane)
            } else if (e.state == WorkerState::WaitingJoin && idx.endNs < 0) {
                idx.joins.push_back({static_cast<std::uint32_t>(k), -1});
            }
        } else if (idx.endNs < 0) {
            const bool counter = e.kind == EventKind::CounterRead || e.kind == EventKind::CounterWrite;
            (counter ? idx.counterMarks : idx.marks).push_back(static_cast<std::uint32_t>(k));
        }
    }
    idx.summary.extend(*lane, n);
    idx.scanned = std::max(idx.scanned, n);
}

TimelineModel::Snapshot TimelineModel::snapshot(bool live)
{
    Snapshot s;
    s.log = m_log.get();
    if (!s.log)
        return s;
    s.originNs = s.log->originNs();
    s.laneCount = s.log->laneCount();
    s.sizes.resize(static_cast<std::size_t>(s.laneCount));
    std::int64_t last = s.originNs;
    for (int i = 0; i < s.laneCount; ++i) {
        const Lane* lane = s.log->lane(i);
        const std::size_t n = lane->size();
        s.sizes[static_cast<std::size_t>(i)] = n;
        if (n)
            last = std::max(last, lane->at(n - 1).tNs);
    }
    if (live)
        last = std::max(last, MonoClock::nowNs());
    s.untilNs = last - s.originNs;
    sync();
    return s;
}

std::size_t TimelineModel::memoryBytes() const
{
    std::size_t bytes = m_index.capacity() * sizeof(LaneIndex);
    for (const LaneIndex& idx : m_index)
        bytes += (idx.marks.capacity() + idx.counterMarks.capacity()) * sizeof(std::uint32_t) + idx.joins.capacity() * sizeof(Join)
            + idx.summary.memoryBytes() - sizeof(LaneSummary);
    return bytes;
}

QString TimelineModel::laneDetail(int laneIndex, bool pidPlaceholder) const
{
    const Lane* lane = m_log->lane(laneIndex);
    const LaneInfo& info = lane->info();
    QString detail;
    switch (info.kind) {
    case LaneKind::Main: detail = QCoreApplication::translate("TimelineModel", "main thread"); break;
    case LaneKind::Thread: detail = QCoreApplication::translate("TimelineModel", "thread"); break;
    case LaneKind::Process:
        if (pidPlaceholder)
            detail = QCoreApplication::translate("TimelineModel", "process · pid %1").arg(QStringLiteral("0000000"));
        else if (lane->pid() > 0)
            detail = QCoreApplication::translate("TimelineModel", "process · pid %1").arg(lane->pid());
        else
            detail = QCoreApplication::translate("TimelineModel", "process");
        break;
    }
    if (info.daemon)
        detail += QCoreApplication::translate("TimelineModel", " · daemon");
    if (!info.style.isEmpty())
        detail += QStringLiteral(" · ") + info.style;
    return detail;
}

QString TimelineModel::describe(bool live)
{
    constexpr int namedLanes = 8;
    const Snapshot s = snapshot(live);
    if (!s.log)
        return tr("Empty: run the scenario to see its workers' lanes.");
    QStringList lanes;
    for (int i = 0; i < std::min(s.laneCount, namedLanes); ++i) {
        const LaneIndex& idx = index(i);
        QString lane = tr("%1 (%2)").arg(s.log->lane(i)->info().name, laneDetail(i, false));
        if (idx.endNs >= 0)
            lane += tr(" %1 at %2").arg(QString::fromLatin1(workerStateName(idx.outcome)),
                                        RunHistory::durationText(static_cast<double>(idx.endNs - s.originNs) / 1e6));
        else
            lane += tr(" still going");
        lanes << lane;
    }
    QString text = tr("Lanes: %1, over %2").arg(s.laneCount).arg(RunHistory::durationText(static_cast<double>(s.untilNs) / 1e6));
    if (live)
        text += tr(", running");
    if (!lanes.isEmpty())
        text += QStringLiteral(": ") + lanes.join(QStringLiteral("; "));
    if (s.laneCount > namedLanes)
        text += tr("; and %1 more").arg(s.laneCount - namedLanes);
    return text + QLatin1Char('.');
}

QString TimelineModel::laneName(std::uint32_t lane) const
{
    if (lane == EventLog::unknownHolder)
        return QCoreApplication::translate("TimelineModel", "a thread that is no lane");
    return static_cast<int>(lane) < laneCount() ? m_log->lane(static_cast<int>(lane))->info().name
                                                : QString::number(lane);
}

std::size_t TimelineModel::firstFrom(int laneIndex, const std::vector<std::uint32_t>& marks, std::size_t from,
                                     std::int64_t tAbs) const
{
    const Lane* lane = m_log->lane(laneIndex);
    const auto it = std::partition_point(marks.begin() + static_cast<std::ptrdiff_t>(from), marks.end(),
                                         [lane, tAbs](std::uint32_t k) { return lane->at(k).tNs < tAbs; });
    return static_cast<std::size_t>(it - marks.begin());
}

const Event* TimelineModel::near(int laneIndex, const std::vector<std::uint32_t>& marks, std::size_t n,
                                 std::int64_t tAbs, std::int64_t reachNs) const
{
    const std::size_t m = firstFrom(laneIndex, marks, 0, tAbs - reachNs);
    if (m == marks.size() || marks[m] >= n)
        return nullptr;
    const Event& e = m_log->lane(laneIndex)->at(marks[m]);
    return e.tNs <= tAbs + reachNs ? &e : nullptr;
}

std::size_t TimelineModel::markFrom(int laneIndex, std::size_t from, std::int64_t tAbs) const
{
    return firstFrom(laneIndex, index(laneIndex).marks, from, tAbs);
}

const Event* TimelineModel::markNear(int laneIndex, std::size_t n, std::int64_t tAbs, std::int64_t reachNs) const
{
    return near(laneIndex, index(laneIndex).marks, n, tAbs, reachNs);
}

std::size_t TimelineModel::counterMarkFrom(int laneIndex, std::size_t from, std::int64_t tAbs) const
{
    return firstFrom(laneIndex, index(laneIndex).counterMarks, from, tAbs);
}

const Event* TimelineModel::counterMarkNear(int laneIndex, std::size_t n, std::int64_t tAbs, std::int64_t reachNs) const
{
    return near(laneIndex, index(laneIndex).counterMarks, n, tAbs, reachNs);
}

TimelineModel::StateAt TimelineModel::stateAt(const Snapshot& snapshot, int laneIndex, std::int64_t tAbs) const
{
    const Lane* lane = m_log->lane(laneIndex);
    const std::size_t n = snapshot.sizes[static_cast<std::size_t>(laneIndex)];
    const LaneIndex& idx = index(laneIndex);
    StateAt at;
    std::size_t k = lane->lowerBound(tAbs + 1, n); // first event after t
    while (k > 0 && lane->at(k - 1).kind != EventKind::State)
        --k;
    if (k == 0)
        return at;
    const Event& e = lane->at(k - 1);
    if (isTerminal(e.state) || (idx.endNs >= 0 && tAbs >= idx.endNs)) {
        at.kind = StateAt::Ended;
        return at;
    }
    at.kind = StateAt::Interval;
    at.event = &e;
    at.endNs = snapshot.originNs + snapshot.untilNs;
    at.open = true;
    for (std::size_t j = k; j < n; ++j) {
        const Event& ej = lane->at(j);
        if (ej.kind == EventKind::State) {
            at.endNs = ej.tNs;
            at.open = false;
            break;
        }
    }
    return at;
}

} // namespace ThreadLab
