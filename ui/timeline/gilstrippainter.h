#pragma once

#include "model/giltrack.h"

#include <QFont>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

class QPainter;
class QRectF;

namespace ThreadLab {

class TimelineModel;
class TimelineViewport;
struct TimelineFrame;
struct TimelineLayout;

// Paints the timeline's GIL strips: for each interpreter whose threads take turns, a thin row
// above its lanes coloured by who holds its GIL (the holder's lane colour, the colour of its
// label chip and console lines), empty where nobody holds it, with folds of holds too narrow to
// draw one by one as bands of their holders' colours, each as tall as its share of the fold's
// time; and the strip's label left of the plot ("GIL · 37 hand-overs", "GIL off: threads run in
// parallel"). Keeps a block buffer between frames, so that painting allocates nothing.
class GilStripPainter
{
public:
    // The strips' bars over the plot, clipped by the caller to the lanes' viewport.
    void paintStrips(QPainter& painter, const TimelineLayout& layout, const TimelineViewport& viewport,
                     const GilTrack& track, const TimelineFrame& frame);
    // The strips' labels in the label column (after the lanes' labels).
    void paintLabels(QPainter& painter, const TimelineLayout& layout, const GilTrack& track,
                     const TimelineFrame& frame) const;

    static QString label(const GilTrack& track, int interpreter);
    // The same for a line outside the strip ("137 GIL hand-overs", "GIL off"): what a band's
    // header says for a strip too thin for its label.
    static QString note(const GilTrack& track, int interpreter);
    // Whether the strips of this layout are tall enough for their labels at a readable size
    // (ChartStyle::readablePx); if not, no label is drawn and the owner says it elsewhere.
    static bool labelFits(const TimelineLayout& layout);
    // The notes of the strips whose labels do not fit this layout, top to bottom.
    static QStringList hiddenLabels(const GilTrack& track, const TimelineLayout& layout);
    // Room the strips' labels need in the label column (none without strips), for counts of up
    // to four digits, so that the column keeps its width while a live count grows.
    static double labelWidth(const GilTrack& track, const TimelineLayout& layout);
    // The tooltip over a strip at tAbs (absolute ns): the holder there and its hold.
    static QString toolTip(const GilTrack& track, const TimelineModel& model, const TimelineFrame& frame,
                           int interpreter, std::int64_t tAbs, std::int64_t reachNs);

private:
    static QFont labelFont(const TimelineLayout& layout);
    void paintStrip(QPainter& painter, const QRectF& strip, const TimelineViewport& viewport, const GilTrack& track,
                    int interpreter, const TimelineFrame& frame);

    std::vector<GilTrack::Block> m_blocks;
};

} // namespace ThreadLab
