#include "timeline/lostupdatepainter.h"

#include "engine/eventlog.h"
#include "model/timelinemodel.h"
#include "model/timelineviewport.h"
#include "timeline/timelineframe.h"
#include "timeline/timelinelayout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

QColor LostUpdatePainter::readColor()
{
    return QColor(0x1f, 0x5f, 0xbf);
}

QColor LostUpdatePainter::writeColor()
{
    return QColor(0x7b, 0x1f, 0xa2);
}

QColor LostUpdatePainter::highlightColor()
{
    return QColor(0xd8, 0x1b, 0x60);
}

const LostUpdateFinder::Found& LostUpdatePainter::found(const LanePainter::Scene& scene)
{
    const TimelineFrame& f = scene.frame;
    std::size_t counted = 0;
    for (int i = 0; i < f.laneCount; ++i)
        counted += scene.model.index(i).counterMarks.size();
    // Found again from the whole log, so while the log grows only when it grew by half (linear
    // work over a run, however many increments): the pairs found earlier stay true meanwhile.
    const bool grew = counted != m_counted && (counted < 100'000 || counted >= m_counted + m_counted / 2);
    if (f.log != m_log || grew) {
        m_log = f.log;
        m_counted = counted;
        m_found = counted > 0 ? LostUpdateFinder::find(*f.log, f.sizes) : LostUpdateFinder::Found();
    }
    return m_found;
}

void LostUpdatePainter::paint(QPainter& painter, const LanePainter::Scene& scene)
{
    if (!scene.frame.log || found(scene).updates.empty())
        return;
    const TimelineFrame& f = scene.frame;
    const TimelineViewport& vp = scene.viewport;
    const std::int64_t t0 = vp.startNsFrom(f.originNs);
    const std::int64_t t1 = vp.endNsFrom(f.originNs);
    // The one What happened names while it is in view (the default zoom), else the one nearest
    // the middle of the view.
    std::optional<LostUpdate> u = LostUpdateFinder::example(m_found);
    if (u->startNs() < t0 || u->endNs() > t1)
        u = LostUpdateFinder::nearest(m_found, t0 + (t1 - t0) / 2);
    if (!u || u->endNs() < t0 || u->startNs() > t1 || u->firstLane >= f.laneCount || u->secondLane >= f.laneCount)
        return;
    const TimelineLayout& l = scene.layout;
    const double s = l.scale;
    const auto xAt = [&](std::int64_t tNs) { return l.plotLeft + vp.xForTime(static_cast<double>(tNs - f.originNs)); };
    const QRectF a = l.bar(u->firstLane);
    const QRectF b = l.bar(u->secondLane);
    const QPointF readA(xAt(u->firstReadNs), a.center().y());
    const QPointF writeA(xAt(u->firstWriteNs), a.center().y());
    const QPointF readB(xAt(u->secondReadNs), b.center().y());
    const QPointF writeB(xAt(u->secondWriteNs), b.center().y());
    const QColor ink = highlightColor();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Each lane from its read to its write (it held a stale value meanwhile), then the two
    // connectors: the same value read, the same value written.
    for (const QPen& pen : {QPen(f.base, 5 * s, Qt::SolidLine, Qt::RoundCap), QPen(ink, 2.5 * s, Qt::SolidLine, Qt::RoundCap)}) {
        painter.setPen(pen);
        painter.drawLine(readA, writeA);
        painter.drawLine(readB, writeB);
        painter.drawLine(readA, readB);
        painter.drawLine(writeA, writeB);
    }
    painter.setPen(QPen(f.base, 1.5 * s));
    painter.setBrush(ink);
    for (const QPointF& p : {readA, writeA, readB, writeB})
        painter.drawEllipse(p, 4 * s, 4 * s);
    const double right = std::max(writeA.x(), writeB.x());
    const QPointF anchor(right, (a.center().y() + b.center().y()) / 2);
    paintLabel(painter, scene, LostUpdateFinder::sentence(*f.log, *u), anchor, std::min(readA.x(), readB.x()));
    painter.restore();
}

// The sentence in a box right of the connectors (left of them when there is no room), half-way
// between the two lanes, with a short leader to the connector. Where lanes are thin (a compare
// band on a small screen) or the plot narrow, the box would hide the very lanes it explains: the
// connectors stay, and the sentence is left to What happened and the console.
void LostUpdatePainter::paintLabel(QPainter& painter, const LanePainter::Scene& scene, const QString& text,
                                   const QPointF& anchor, double avoidLeft) const
{
    const TimelineLayout& l = scene.layout;
    const double s = l.scale;
    painter.setFont(l.barFont);
    const QFontMetricsF fm(l.barFont);
    const double w = fm.horizontalAdvance(text) + 14 * s;
    const double h = fm.height() + 8 * s;
    if (h > 1.5 * l.pitch || w > l.plotRight - l.plotLeft)
        return;
    const double gap = 14 * s;
    double left = anchor.x() + gap;
    if (left + w > l.plotRight && avoidLeft - gap - w >= l.plotLeft)
        left = avoidLeft - gap - w;
    left = std::clamp(left, l.plotLeft, std::max(l.plotLeft, l.plotRight - w));
    const QRectF box(std::round(left), std::round(anchor.y() - h / 2), std::round(w), std::round(h));
    const QColor ink = highlightColor();
    const double edge = box.left() > anchor.x() ? box.left() : box.right();
    painter.setPen(QPen(ink, 2 * s));
    painter.drawLine(QPointF(anchor.x(), anchor.y()), QPointF(edge, anchor.y()));
    painter.setBrush(scene.frame.base);
    painter.drawRoundedRect(box, 4 * s, 4 * s);
    painter.setPen(scene.frame.text);
    painter.drawText(box, Qt::AlignCenter, text);
}

} // namespace ThreadLab
