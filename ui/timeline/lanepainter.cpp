#include "timeline/lanepainter.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/giltrack.h"
#include "model/gilwaits.h"
#include "model/lanefolder.h"
#include "model/timelinemodel.h"
#include "model/timelineviewport.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/foldpainter.h"
#include "timeline/lostupdatepainter.h"
#include "timeline/strippainter.h"
#include "timeline/timelineframe.h"
#include "timeline/timelinelayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

// The visible time window over one of a lane's mark indices, and its pixel maths.
struct MarkWindow
{
    MarkWindow(const LanePainter::Scene& scene, int lane, const std::vector<std::uint32_t>& laneMarks)
        : marks(laneMarks)
        , events(scene.frame.log->lane(lane))
        , viewport(scene.viewport)
        , originNs(scene.frame.originNs)
        , startNs(scene.viewport.startNsFrom(scene.frame.originNs))
        , endNs(scene.viewport.endNsFrom(scene.frame.originNs))
    {
    }
    double pixel(const Event& e) const { return std::floor(viewport.xForTime(static_cast<double>(e.tNs - originNs))); }
    // The first time past pixel px.
    std::int64_t pixelEndNs(double px) const
    {
        return originNs + static_cast<std::int64_t>(std::ceil(viewport.timeForX(px + 1)));
    }

    const std::vector<std::uint32_t>& marks;
    const Lane* events;
    const TimelineViewport& viewport;
    std::int64_t originNs;
    std::int64_t startNs;
    std::int64_t endNs;
};

} // namespace

void LanePainter::measure(const QFont& barFont)
{
    if (m_font == barFont && m_textHeight != 0)
        return;
    const QFontMetricsF barMetrics(barFont);
    m_font = barFont;
    m_textHeight = barMetrics.height();
    for (int st = 0; st < workerStateCount; ++st) {
        const auto state = static_cast<WorkerState>(st);
        m_labelWidth[static_cast<std::size_t>(st)] = barMetrics.horizontalAdvance(StatePalette::label(state));
        m_shortLabelWidth[static_cast<std::size_t>(st)] = barMetrics.horizontalAdvance(StatePalette::shortLabel(state));
    }
}

void LanePainter::paintLane(QPainter& painter, const Scene& scene, int lane, const QRectF& bar, StripPainter* strip)
{
    // State blocks (level of detail: visible events only, narrow runs folded).
    const TimelineFrame& f = scene.frame;
    const Lane* events = f.log->lane(lane);
    const std::size_t n = f.sizes[static_cast<std::size_t>(lane)];
    m_blocks.clear(); // reused: no allocation per lane and frame
    const auto [first, last] = LaneFolder::visibleRange(scene.viewport, *events, n, f.originNs);
    LaneFolder::fold(scene.viewport, *events, first, last, f.originNs, f.untilNs, m_blocks,
                     &scene.model.index(lane).summary);
    if (const GilHolders* observed = scene.gil ? scene.gil->observedHoldersOf(lane) : nullptr)
        GilWaits::derive(*observed, lane, scene.viewport, f.originNs, m_blocks, m_derived);

    paintBlocks(painter, scene, bar, strip);
    paintBarLabels(painter, scene, lane, bar);
    paintCounterMarks(painter, scene, lane, bar);
    paintMarks(painter, scene, lane, bar);
    paintEnd(painter, scene, lane, bar);
}

void LanePainter::paintBlocks(QPainter& painter, const Scene& scene, const QRectF& bar, StripPainter* strip) const
{
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (strip) {
        for (const TimelineBlock& b : m_blocks)
            strip->fillBlock(b.x0, b.x1, b);
        strip->finish(painter);
        return;
    }
    const double s = scene.layout.scale;
    FoldPainter folds(painter, s, scene.frame.base);
    for (const TimelineBlock& b : m_blocks) {
        const QRectF r(scene.layout.plotLeft + b.x0, bar.top(), b.width(), bar.height());
        if (b.mixed())
            folds.add(r, b.stateNs);
        else
            StatePalette::paintState(painter, r, b.state, s, scene.frame.base);
    }
    folds.finish();
}

// Labels on the bars wide enough to hold one: the second, colour-free channel.
void LanePainter::paintBarLabels(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const
{
    if (bar.height() < m_textHeight)
        return;
    const TimelineLayout& l = scene.layout;
    const double s = l.scale;
    painter.setFont(l.barFont);
    const QFontMetricsF fm(l.barFont);
    const double pad = 4 * s;
    for (const TimelineBlock& b : m_blocks) {
        if (b.mixed() || b.state == WorkerState::Created)
            continue;
        const double left = std::max(l.plotLeft + b.x0, l.plotLeft);
        const double right = std::min(l.plotLeft + b.x1, l.plotRight);
        const double room = right - left - 2 * pad;
        if (room < m_shortLabelWidth[static_cast<std::size_t>(b.state)])
            continue;
        double w = 0;
        const QString text = barLabel(scene, lane, b, room, w);
        const QRectF box(std::round(left + pad - 2 * s), std::round(bar.center().y() - fm.height() / 2 - 1 * s),
                         std::round(w + 4 * s), std::round(fm.height() + 2 * s));
        QColor boxColor = StatePalette::color(b.state);
        if (StatePalette::pattern(b.state) != Qt::SolidPattern) {
            boxColor = StatePalette::tint(b.state, scene.frame.base);
            painter.fillRect(box, boxColor);
        }
        painter.setPen(ThemePalette::textOn(boxColor));
        painter.drawText(QPointF(left + pad, bar.center().y() - fm.height() / 2 + fm.ascent()), text);
    }
}

// The label that fits `room`: "joining Thread-2", the state's label, or its short label; its
// width in `width`.
QString LanePainter::barLabel(const Scene& scene, int lane, const TimelineBlock& b, double room, double& width) const
{
    const TimelineFrame& f = scene.frame;
    const auto st = static_cast<std::size_t>(b.state);
    if (b.state == WorkerState::WaitingJoin && static_cast<int>(b.arg) < f.laneCount
        && b.arg != f.log->lane(lane)->id()) {
        const QFontMetricsF fm(scene.layout.barFont);
        const QString text = QCoreApplication::translate("LanePainter", "joining %1")
                                 .arg(f.log->lane(static_cast<int>(b.arg))->info().name);
        width = fm.horizontalAdvance(text);
        if (width <= room)
            return text;
    }
    if (isStartingInterpreter(b.state, b.arg)) {
        const QFontMetricsF fm(scene.layout.barFont);
        const QString text = StatePalette::label(b.state, b.arg);
        width = fm.horizontalAdvance(text);
        if (width <= room)
            return text;
        width = fm.horizontalAdvance(StatePalette::shortLabel(b.state, b.arg));
        return StatePalette::shortLabel(b.state, b.arg);
    }
    if (m_labelWidth[st] <= room) {
        width = m_labelWidth[st];
        return StatePalette::label(b.state);
    }
    width = m_shortLabelWidth[st];
    return StatePalette::shortLabel(b.state);
}

// Marks: output lines and queue traffic, at most one of a kind per pixel.
void LanePainter::paintMarks(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const
{
    const MarkWindow w(scene, lane, scene.model.index(lane).marks);
    const double s = scene.layout.scale;
    const TimelineFrame& f = scene.frame;
    std::size_t m = scene.model.markFrom(lane, 0, w.startNs);
    while (m < w.marks.size() && w.events->at(w.marks[m]).tNs < w.endNs) {
        const Event& e = w.events->at(w.marks[m]);
        const double px = w.pixel(e);
        const double x = scene.layout.plotLeft + px + 0.5;
        if (e.kind == EventKind::Output)
            StatePalette::paintOutputTick(painter, QPointF(x, bar.bottom()), std::round(bar.height() * 0.38), s, f.text,
                                          f.base);
        else
            StatePalette::paintQueueMark(painter, QPointF(x, bar.top() + 2 * s), e.kind == EventKind::QueuePut, s,
                                         f.text, f.base);
        // Skip whatever else falls on this pixel.
        m = scene.model.markFrom(lane, m + 1, w.pixelEndNs(px));
    }
}

// The counter's reads and writes (C9): thin ticks hanging from the bar's top, reads above writes
// in their own colours (output ticks rise from the bottom), at most one of each per pixel.
void LanePainter::paintCounterMarks(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const
{
    const MarkWindow w(scene, lane, scene.model.index(lane).counterMarks);
    const std::size_t n = scene.frame.sizes[static_cast<std::size_t>(lane)];
    const double width = std::max(1.0, std::round(scene.layout.scale));
    const double h = std::max(2.0, std::round(bar.height() * 0.22)); // reads and writes: the top 44%
    painter.setRenderHint(QPainter::Antialiasing, false);
    double pixel = -1;
    bool painted[2] = {false, false};
    std::size_t m = scene.model.counterMarkFrom(lane, 0, w.startNs);
    while (m < w.marks.size() && w.marks[m] < n && w.events->at(w.marks[m]).tNs < w.endNs) {
        const Event& e = w.events->at(w.marks[m]);
        const double px = w.pixel(e);
        if (px != pixel) {
            pixel = px;
            painted[0] = painted[1] = false;
        }
        const bool write = e.kind == EventKind::CounterWrite;
        if (!painted[write]) {
            painted[write] = true;
            painter.fillRect(QRectF(scene.layout.plotLeft + px, bar.top() + (write ? h : 0), width, h),
                             write ? LostUpdatePainter::writeColor() : LostUpdatePainter::readColor());
        }
        // Once both kinds show on this pixel, skip the rest of it.
        m = painted[0] && painted[1] ? scene.model.counterMarkFrom(lane, m + 1, w.pixelEndNs(px)) : m + 1;
    }
}

// How the lane ended: a line, or a cut, crash or cancel mark with its badge.
void LanePainter::paintEnd(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const
{
    const TimelineModel::LaneIndex& idx = scene.model.index(lane);
    if (idx.endNs < 0)
        return;
    const TimelineFrame& f = scene.frame;
    const double s = scene.layout.scale;
    const double xf = scene.viewport.xForTime(static_cast<double>(idx.endNs - f.originNs));
    if (xf < -40 * s || xf > scene.viewport.widthPx() + 1)
        return;
    const double x = std::round(scene.layout.plotLeft + xf);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const double cap = std::max(1.0, std::round(2 * s));
    switch (idx.outcome) {
    case WorkerState::Abandoned:
        StatePalette::paintCutOff(painter, x, bar.top(), bar.bottom(), s, f.text, f.rowBackground(lane));
        paintBadge(painter, scene, x, bar, QStringLiteral("✂ ") + StatePalette::label(WorkerState::Abandoned), f.text);
        break;
    case WorkerState::Crashed:
        painter.fillRect(QRectF(x, bar.top(), 2 * cap, bar.height()), StatePalette::color(WorkerState::Crashed));
        paintBadge(painter, scene, x, bar, QStringLiteral("✖ ") + StatePalette::label(WorkerState::Crashed),
                   StatePalette::color(WorkerState::Crashed));
        break;
    case WorkerState::Cancelled:
        painter.fillRect(QRectF(x, bar.top(), 2 * cap, bar.height()), f.muted);
        paintBadge(painter, scene, x, bar, QStringLiteral("■ ") + StatePalette::label(WorkerState::Cancelled), f.muted);
        break;
    default:
        painter.fillRect(QRectF(x, bar.top(), cap, bar.height()), f.text);
        break;
    }
}

void LanePainter::paintBadge(QPainter& painter, const Scene& scene, double x, const QRectF& bar, const QString& badge,
                             const QColor& color) const
{
    if (bar.height() < m_textHeight)
        return;
    const double s = scene.layout.scale;
    painter.setFont(scene.layout.barFont);
    const QFontMetricsF fm(scene.layout.barFont);
    const double w = fm.horizontalAdvance(badge) + 8 * s;
    const double h = fm.height() + 4 * s;
    double left = x + 5 * s;
    if (left + w > scene.layout.plotRight)
        left = x - 12 * s - w;
    const QRectF box(std::round(left), std::round(bar.center().y() - h / 2), std::round(w), std::round(h));
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(box, 3 * s, 3 * s);
    painter.setPen(ThemePalette::textOn(color));
    painter.drawText(box, Qt::AlignCenter, badge);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void LanePainter::paintJoins(QPainter& painter, const Scene& scene) const
{
    const TimelineFrame& f = scene.frame;
    const TimelineLayout& l = scene.layout;
    const TimelineViewport& vp = scene.viewport;
    const double s = l.scale;
    auto xAt = [&f, &l, &vp](std::int64_t tNs) {
        return l.plotLeft + vp.xForTime(static_cast<double>(tNs - f.originNs));
    };
    for (int i = 0; i < f.laneCount; ++i) {
        const std::vector<TimelineModel::Join>& joins = scene.model.index(i).joins;
        const std::size_t n = f.sizes[static_cast<std::size_t>(i)];
        // Joins that returned before the window cannot show; the rest are in time order, and
        // one connector per pixel and joined lane is all that can be seen.
        auto it = std::partition_point(joins.begin(), joins.end(), [&f, &vp, s](const TimelineModel::Join& j) {
            return j.endNs >= 0 && vp.xForTime(static_cast<double>(j.endNs - f.originNs)) < -10 * s;
        });
        double lastX = -1;
        int lastTarget = -1;
        for (; it != joins.end(); ++it) {
            if (it->event >= n || it->endNs < 0)
                break;
            const int target = static_cast<int>(f.log->lane(i)->at(it->event).arg);
            if (target >= f.laneCount || target == i)
                continue;
            const std::int64_t targetEnd = scene.model.index(target).endNs;
            if (targetEnd < 0)
                continue; // still running: nothing to connect yet
            const double xa = xAt(targetEnd);
            const double xb = xAt(it->endNs);
            if (std::max(xa, xb) < l.plotLeft || std::min(xa, xb) > l.plotRight
                || (target == lastTarget && std::round(xb) == lastX))
                continue;
            lastX = std::round(xb);
            lastTarget = target;
            paintJoin(painter, scene, l.bar(target), l.bar(i), xa, xb);
        }
    }
}

// A vertical connector where the join returned (xb), from the joined lane to the joiner. If the
// joined worker had ended earlier (xa), a dotted line along its (empty) row leads from its end to
// that point: the join returned at once.
void LanePainter::paintJoin(QPainter& painter, const Scene& scene, const QRectF& from, const QRectF& to, double xa,
                            double xb) const
{
    const double s = scene.layout.scale;
    const QColor& base = scene.frame.base;
    const QColor ink = StatePalette::ink(WorkerState::WaitingJoin, base);
    const bool down = from.top() > to.top();
    const QPointF a(xa, from.center().y());
    const QPointF corner(xb, from.center().y());
    const QPointF b(xb, down ? to.bottom() : to.top());
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (xb - xa > 3 * s) {
        painter.setPen(QPen(ink, 1.5 * s, Qt::DotLine, Qt::FlatCap));
        painter.drawLine(a, corner);
    }
    painter.setPen(QPen(base, 4.5 * s, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(corner, b);
    painter.setPen(QPen(ink, 2 * s, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(corner, b);
    // A dot where the joined worker ended, an arrowhead where the joiner resumes.
    painter.setPen(QPen(base, 1.5 * s));
    painter.setBrush(ink);
    painter.drawEllipse(a, 4 * s, 4 * s);
    const double dir = down ? -1 : 1;
    QPolygonF head;
    head << b << QPointF(b.x() - 5 * s, b.y() + dir * 8 * s) << QPointF(b.x() + 5 * s, b.y() + dir * 8 * s);
    painter.drawPolygon(head);
    painter.setRenderHint(QPainter::Antialiasing, false);
}

} // namespace ThreadLab
