#include "timeline/lanetooltip.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelineaxis.h"
#include "results/variantresult.h"
#include "style/statepalette.h"

#include <QCoreApplication>

namespace ThreadLab {

namespace {

QString at(const TimelineModel::Snapshot& snapshot, std::int64_t tAbs)
{
    return TimelineAxis::formatDuration(static_cast<double>(tAbs - snapshot.originNs));
}

} // namespace

QString LaneToolTip::head(const TimelineModel& model, int laneIndex)
{
    const Lane* lane = model.log()->lane(laneIndex);
    const LaneInfo& info = lane->info();
    QString text = info.name + QStringLiteral(" (") + laneKindName(info.kind);
    if (lane->pid() > 0)
        text += QCoreApplication::translate("LaneToolTip", ", pid %1").arg(lane->pid());
    if (info.daemon)
        text += QCoreApplication::translate("LaneToolTip", ", daemon");
    return text + QLatin1Char(')');
}

QString LaneToolTip::ending(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int laneIndex,
                            const QString& format)
{
    const TimelineModel::LaneIndex& idx = model.index(laneIndex);
    return format.arg(StatePalette::label(idx.outcome), at(snapshot, idx.endNs));
}

QString LaneToolTip::forLabel(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int laneIndex)
{
    QString text = head(model, laneIndex);
    if (model.index(laneIndex).endNs >= 0) {
        text += QLatin1Char('\n')
            + ending(model, snapshot, laneIndex, QCoreApplication::translate("LaneToolTip", "ended: %1 at %2"));
        const QString detail = model.log()->lane(laneIndex)->outcomeDetail();
        if (!detail.isEmpty())
            text += QStringLiteral(" (") + detail + QLatin1Char(')');
    }
    return text;
}

QString LaneToolTip::mark(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int laneIndex,
                          const Event& e)
{
    const QString when = at(snapshot, e.tNs);
    switch (e.kind) {
    case EventKind::Output:
        return QCoreApplication::translate("LaneToolTip", "output at %1:\n%2")
            .arg(when, model.log()->lane(laneIndex)->text(e.arg));
    case EventKind::QueuePut:
        return QCoreApplication::translate("LaneToolTip", "queue put %1 at %2").arg(e.value).arg(when);
    case EventKind::QueueGet:
        return QCoreApplication::translate("LaneToolTip", "queue get %1 from %2 at %3")
            .arg(e.value)
            .arg(model.laneName(e.arg), when);
    case EventKind::CounterRead:
        return QCoreApplication::translate("LaneToolTip", "read %1 at %2").arg(e.value).arg(when);
    case EventKind::CounterWrite:
        return QCoreApplication::translate("LaneToolTip", "wrote %1 at %2").arg(e.value).arg(when);
    case EventKind::State: break;
    }
    return {};
}

QString LaneToolTip::forObservedGilWait(const TimelineModel& model, const TimelineModel::Snapshot& snapshot,
                                        int laneIndex, const GilHolders::Span& held, int samplingHz)
{
    const bool open = held.endNs == GilHolders::openEnd;
    const std::int64_t end = open ? snapshot.originNs + snapshot.untilNs : held.endNs;
    const QString holder = model.laneName(static_cast<std::uint32_t>(held.lane));
    const double errorMs = samplingHz > 0 ? 1000.0 / samplingHz : 0;
    return head(model, laneIndex) + QLatin1Char('\n')
        + QCoreApplication::translate("LaneToolTip", "waiting for the GIL (observed)") + QLatin1Char('\n')
        + QCoreApplication::translate("LaneToolTip", "%1 held it from %2 to %3")
              .arg(holder, at(snapshot, held.startNs), at(snapshot, end))
        + QLatin1Char('\n')
        + QCoreApplication::translate("LaneToolTip", "read %1 times a second: each change is seen up to %2 ms late")
              .arg(samplingHz)
              .arg(errorMs, 0, 'g', 2);
}

QString LaneToolTip::forBar(const TimelineModel& model, const TimelineModel::Snapshot& snapshot, int laneIndex,
                            std::int64_t tAbs, std::int64_t reachNs)
{
    const QString text = head(model, laneIndex) + QLatin1Char('\n');
    // A mark within a few pixels wins.
    const std::size_t n = snapshot.sizes[static_cast<std::size_t>(laneIndex)];
    for (const Event* e : {model.markNear(laneIndex, n, tAbs, reachNs), model.counterMarkNear(laneIndex, n, tAbs, reachNs)}) {
        const QString about = e ? mark(model, snapshot, laneIndex, *e) : QString();
        if (!about.isEmpty())
            return text + about;
    }
    // The state interval under the cursor.
    const TimelineModel::StateAt state = model.stateAt(snapshot, laneIndex, tAbs);
    switch (state.kind) {
    case TimelineModel::StateAt::NotCreated:
        return text + QCoreApplication::translate("LaneToolTip", "not created yet");
    case TimelineModel::StateAt::Ended: {
        const QString detail = model.log()->lane(laneIndex)->outcomeDetail();
        return text + ending(model, snapshot, laneIndex, QCoreApplication::translate("LaneToolTip", "%1 at %2"))
            + (detail.isEmpty() ? QString() : QLatin1Char('\n') + detail);
    }
    case TimelineModel::StateAt::Interval: break;
    }
    const Event& e = *state.event;
    QString name = StatePalette::label(e.state, e.arg);
    if (e.state == WorkerState::WaitingJoin && static_cast<int>(e.arg) < snapshot.laneCount)
        name = QCoreApplication::translate("LaneToolTip", "waiting to join %1").arg(model.laneName(e.arg));
    return text + name + QLatin1Char('\n')
        + QCoreApplication::translate("LaneToolTip", "start %1").arg(at(snapshot, e.tNs)) + QLatin1Char('\n')
        + QCoreApplication::translate("LaneToolTip", "duration %1%2")
              .arg(TimelineAxis::formatDuration(static_cast<double>(state.endNs - e.tNs)),
                   state.open ? QCoreApplication::translate("LaneToolTip", " so far") : QString());
}

} // namespace ThreadLab
