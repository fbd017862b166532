#pragma once

#include "model/timelineblock.h"
#include "tasks/workerstate.h"

#include <QFont>
#include <QString>

#include <array>
#include <vector>

class QColor;
class QPainter;
class QRectF;

namespace ThreadLab {

class GilTrack;
class StripPainter;
class TimelineModel;
class TimelineViewport;
struct TimelineFrame;
struct TimelineLayout;

// Paints what lies on one lane's bar: its state blocks (level of detail from LaneFolder, drawn
// through QPainter or, on raster targets, as a StripPainter strip: one band layout either way),
// state labels on the bars wide enough, output and queue marks, the shared counter's read and
// write ticks, and how the lane ended; and the join connectors between lanes. Keeps what it measures and a block buffer between frames, so
// that painting a lane allocates nothing.
class LanePainter
{
public:
    // Everything a frame's lanes are painted from.
    struct Scene
    {
        const TimelineLayout& layout;
        const TimelineViewport& viewport;
        const TimelineModel& model;
        const TimelineFrame& frame;
        const GilTrack* gil = nullptr; // real CPython: its lanes' waits for the GIL are derived from it
    };

    // Measures the state labels in the bar font, once per font.
    void measure(const QFont& barFont);
    double textHeight() const noexcept { return m_textHeight; }

    void paintLane(QPainter& painter, const Scene& scene, int lane, const QRectF& bar, StripPainter* strip);
    void paintJoins(QPainter& painter, const Scene& scene) const;

private:
    void paintBlocks(QPainter& painter, const Scene& scene, const QRectF& bar, StripPainter* strip) const;
    void paintBarLabels(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const;
    QString barLabel(const Scene& scene, int lane, const TimelineBlock& b, double room, double& width) const;
    void paintMarks(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const;
    void paintCounterMarks(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const;
    void paintEnd(QPainter& painter, const Scene& scene, int lane, const QRectF& bar) const;
    void paintBadge(QPainter& painter, const Scene& scene, double x, const QRectF& bar, const QString& badge,
                    const QColor& color) const;
    void paintJoin(QPainter& painter, const Scene& scene, const QRectF& from, const QRectF& to, double xa,
                   double xb) const;

    // The state labels on the bars, measured once per bar font.
    QFont m_font;
    double m_textHeight = 0;
    std::array<double, workerStateCount> m_labelWidth {};      // of StatePalette::label
    std::array<double, workerStateCount> m_shortLabelWidth {}; // of StatePalette::shortLabel
    // A lane's screen blocks, kept between lanes and frames so that painting allocates nothing.
    std::vector<TimelineBlock> m_blocks;
    std::vector<TimelineBlock> m_derived; // GilWaits' buffer, likewise kept
};

} // namespace ThreadLab
