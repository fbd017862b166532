#include "timeline/gilstrippainter.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelineaxis.h"
#include "model/timelinemodel.h"
#include "model/timelineviewport.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/timelineframe.h"
#include "timeline/timelinelayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

QString GilStripPainter::label(const GilTrack& track, int interpreter)
{
    const GilTrack::Interpreter& in = track.interpreters()[static_cast<std::size_t>(interpreter)];
    if (track.showsNote(interpreter))
        return track.note();
    if (!track.gilEnabled())
        return QCoreApplication::translate("GilStripPainter", "GIL off: threads run in parallel");
    if (!in.contends())
        return QCoreApplication::translate("GilStripPainter", "GIL (its own)");
    const std::int64_t n = in.holders.handOvers();
    return n == 1 ? QCoreApplication::translate("GilStripPainter", "GIL · 1 hand-over")
                  : QCoreApplication::translate("GilStripPainter", "GIL · %1 hand-overs").arg(n);
}

QString GilStripPainter::note(const GilTrack& track, int interpreter)
{
    if (track.showsNote(interpreter))
        return track.note();
    if (!track.gilEnabled())
        return QCoreApplication::translate("GilStripPainter", "GIL off");
    const GilTrack::Interpreter& in = track.interpreters()[static_cast<std::size_t>(interpreter)];
    const std::int64_t n = in.holders.handOvers();
    return n == 1 ? QCoreApplication::translate("GilStripPainter", "1 GIL hand-over")
                  : QCoreApplication::translate("GilStripPainter", "%1 GIL hand-overs").arg(n);
}

// The label's size: the detail text's, smaller in a thin strip row, but never below readable.
static double labelPx(const TimelineLayout& l)
{
    if (l.pitch <= 0)
        return 12.0 * l.scale; // rows not laid out yet: the label column's width
    return std::min(12.0 * l.scale, l.stripPitch * 0.9);
}

bool GilStripPainter::labelFits(const TimelineLayout& l)
{
    return labelPx(l) >= ChartStyle::readablePx(l.scale);
}

QStringList GilStripPainter::hiddenLabels(const GilTrack& track, const TimelineLayout& l)
{
    QStringList notes;
    if (labelFits(l))
        return notes;
    for (const int lane : l.stripLanes)
        if (const int interpreter = track.interpreterOf(lane); interpreter >= 0)
            notes << note(track, interpreter);
    notes.removeDuplicates(); // "GIL off" once
    return notes;
}

QFont GilStripPainter::labelFont(const TimelineLayout& l)
{
    return ChartStyle::pixelFont(l.detailFont, std::max(ChartStyle::readablePx(l.scale), labelPx(l)), true);
}

double GilStripPainter::labelWidth(const GilTrack& track, const TimelineLayout& l)
{
    if (l.stripLanes.empty() || !track.gilEnabled())
        return 0; // with the GIL off the sentence runs on into the empty strip
    const QString widest = QCoreApplication::translate("GilStripPainter", "GIL · %1 hand-overs").arg(9999);
    return std::ceil(QFontMetricsF(labelFont(l)).horizontalAdvance(widest) + 12 * l.scale);
}

void GilStripPainter::paintStrips(QPainter& painter, const TimelineLayout& l, const TimelineViewport& viewport,
                                  const GilTrack& track, const TimelineFrame& f)
{
    for (std::size_t k = 0; k < l.stripLanes.size(); ++k) {
        const QRectF strip = l.strip(k);
        if (strip.bottom() < l.lanes.top() || strip.top() > l.lanes.bottom())
            continue;
        const int interpreter = track.interpreterOf(l.stripLanes[k]);
        if (interpreter >= 0)
            paintStrip(painter, strip, viewport, track, interpreter, f);
    }
}

void GilStripPainter::paintStrip(QPainter& painter, const QRectF& strip, const TimelineViewport& viewport,
                                 const GilTrack& track, int interpreter, const TimelineFrame& f)
{
    painter.fillRect(strip, f.rowA);
    if (!track.gilEnabled() || track.showsNote(interpreter))
        return; // the label says why it stays empty
    m_blocks.clear();
    track.fold(interpreter, viewport, f.originNs, f.untilNs, m_blocks);
    const double left = strip.left();
    for (const GilTrack::Block& b : m_blocks) {
        const double x0 = left + b.x0;
        const double w = b.x1 - b.x0;
        if (b.holders <= 1 || b.count == 1) {
            painter.fillRect(QRectF(x0, strip.top(), w, strip.height()), StatePalette::laneColor(b.lane()));
            continue;
        }
        // A fold: a band per holder, as tall as its share of the fold's time; nobody's share stays empty.
        const double total = static_cast<double>(std::max<std::int64_t>(1, b.endNs - b.startNs));
        double held = 0;
        for (int h = 0; h < b.holders; ++h)
            held += b.heldNs[static_cast<std::size_t>(h)];
        const double height = strip.height() * std::min(1.0, held / total);
        double y = strip.bottom() - std::round(height);
        double cum = 0;
        for (int h = 0; h < b.holders; ++h) {
            cum += b.heldNs[static_cast<std::size_t>(h)];
            const double yEnd = strip.bottom() - std::round(height) + std::round(cum / held * height);
            if (yEnd > y)
                painter.fillRect(QRectF(x0, y, w, yEnd - y), StatePalette::laneColor(b.lanes[static_cast<std::size_t>(h)]));
            y = yEnd;
        }
    }
}

void GilStripPainter::paintLabels(QPainter& painter, const TimelineLayout& l, const GilTrack& track,
                                  const TimelineFrame& f) const
{
    if (!labelFits(l))
        return; // said in the band's header instead, and in the strip's tooltip
    const double s = l.scale;
    const QFont font = labelFont(l);
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    for (std::size_t k = 0; k < l.stripLanes.size(); ++k) {
        const QRectF strip = l.strip(k);
        const int interpreter = track.interpreterOf(l.stripLanes[k]);
        if (interpreter < 0 || strip.bottom() < l.lanes.top() || strip.top() > l.lanes.bottom())
            continue;
        const QString text = label(track, interpreter);
        const double textLeft = l.whole.left() + 6 * s;
        // With the GIL off or unknown the strip is empty: the sentence may run on into it.
        const bool empty = !track.gilEnabled() || track.showsNote(interpreter);
        const double room = (empty ? l.plotRight : l.plotLeft - 6 * s) - textLeft;
        painter.setPen(empty ? ThemePalette::mutedText(f.windowText, f.window) : f.windowText);
        const double baseline = strip.center().y() - metrics.height() / 2 + metrics.ascent();
        painter.drawText(QPointF(textLeft, baseline), metrics.elidedText(text, Qt::ElideRight, room));
    }
}

QString GilStripPainter::toolTip(const GilTrack& track, const TimelineModel& model, const TimelineFrame& f,
                                 int interpreter, std::int64_t tAbs, std::int64_t reachNs)
{
    QString text = label(track, interpreter);
    if (!track.gilEnabled() || track.showsNote(interpreter))
        return text;
    if (track.samplingHz() > 0 && track.interpreters()[static_cast<std::size_t>(interpreter)].app)
        text += QLatin1Char('\n')
            + QCoreApplication::translate("GilStripPainter",
                                          "observed from outside, %1 times a second: each change ± %2 ms")
                  .arg(track.samplingHz())
                  .arg(1000.0 / track.samplingHz(), 0, 'g', 2);
    const std::optional<GilHolders::Span> span = track.spanAt(interpreter, tAbs, reachNs);
    auto at = [&f](std::int64_t t) { return TimelineAxis::formatDuration(static_cast<double>(t - f.originNs)); };
    if (!span)
        return text + QLatin1Char('\n')
            + QCoreApplication::translate("GilStripPainter", "nobody holds the GIL at %1").arg(at(tAbs));
    const bool open = span->endNs == GilHolders::openEnd;
    const std::int64_t end = open ? f.originNs + f.untilNs : span->endNs;
    return text + QLatin1Char('\n')
        + QCoreApplication::translate("GilStripPainter", "%1 holds the GIL").arg(model.laneName(static_cast<std::uint32_t>(span->lane)))
        + QLatin1Char('\n')
        + QCoreApplication::translate("GilStripPainter", "from %1 to %2 (%3%4)")
              .arg(at(span->startNs), at(end), TimelineAxis::formatDuration(static_cast<double>(end - span->startNs)),
                   open ? QCoreApplication::translate("GilStripPainter", " so far") : QString());
}

} // namespace ThreadLab
