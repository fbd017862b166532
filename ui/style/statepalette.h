#pragma once

#include <cstdint>

#include "tasks/workerstate.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QList>
#include <QString>

class QPainter;
class QPointF;
class QRectF;

namespace ThreadLab {

// How worker states look everywhere (timeline, legend, exports, console). Two channels so that a
// state reads without colour: an Okabe–Ito colour (safe for the common colour-vision deficiencies)
// and a fill pattern (solid = running, diagonal hatch = waiting for the GIL, light dots = waiting
// on I/O, …) plus a short text label. All sizes are in logical pixels times `scale` (1.0 normal,
// ~1.6 presenter mode).
class StatePalette
{
    Q_DECLARE_TR_FUNCTIONS(StatePalette)

public:
    StatePalette() = delete;

    static QColor color(WorkerState state);
    // What the state's fill looks like: SolidPattern for running, NoBrush for the two start-up
    // states (created = a thin line, starting = an outline), one line/dot pattern per wait.
    static Qt::BrushStyle pattern(WorkerState state);
    static QString label(WorkerState state);      // "waiting for GIL"
    static QString shortLabel(WorkerState state); // "GIL", for narrow bars
    // The same, for an interval whose event argument may name a labelled variant of its state
    // (Starting's "starting interpreter").
    static QString label(WorkerState state, std::uint32_t arg);
    static QString shortLabel(WorkerState state, std::uint32_t arg);
    // Per-worker colour (console lines, lane chips): mid-luminance, readable on light and dark.
    static QColor laneColor(int laneIndex);

    // amountOfA of a, the rest b, channel by channel (opaque): tints, muted text and grid lines.
    static QColor blend(const QColor& a, const QColor& b, double amountOfA);
    // The pale fill under a pattern: the state colour blended into `background`.
    static QColor tint(WorkerState state, const QColor& background);
    // The colour the pattern is drawn with on `background`: the state colour, except the yellow
    // of the queue wait, which becomes a dark olive on light backgrounds.
    static QColor ink(WorkerState state, const QColor& background = QColor(Qt::white));

    // Fills `rect` the way the timeline draws the state: colour, tint and pattern. Pattern
    // geometry is anchored to the painter's origin so neighbouring rectangles continue each
    // other, and it never draws outside `rect` (exact on raster, SVG and PDF alike).
    static void paintState(QPainter& painter, const QRectF& rect, WorkerState state, double scale,
                           const QColor& background);
    // The tile paintState repeats on raster targets for a patterned state (tint and ink, in
    // device pixels, anchored at the painter's origin), for callers that write pixels
    // themselves and must look the same; a null image for the solid and start-up states.
    static QImage patternTile(WorkerState state, double scale, qreal devicePixelRatio, const QColor& background);

    // Marks shared by the timeline and its legend.
    static void paintOutputTick(QPainter& painter, const QPointF& bottom, double height, double scale,
                                const QColor& ink, const QColor& halo);
    static void paintQueueMark(QPainter& painter, const QPointF& top, bool put, double scale,
                               const QColor& ink, const QColor& halo);
    // A torn edge at `x` over [top, bottom]: teeth filled with `background` bite into what lies
    // left of x, then a zigzag line in `ink`.
    static void paintCutOff(QPainter& painter, double x, double top, double bottom, double scale,
                            const QColor& ink, const QColor& background);

    // The states the legend shows, in order.
    static QList<WorkerState> legendStates();
    // The legend (state swatches, then the marks), flowing left to right and wrapping inside
    // `rect`. Text uses the painter's pen colour, tints its background() colour.
    // Which legend entries to show: a bit per WorkerState (1 << state; Abandoned stands for the
    // cut-off mark, Crashed for the crash badge) plus the three marks below. A timeline shows
    // only what occurs in its run.
    static constexpr std::uint32_t outputMark = 1u << 16;
    static constexpr std::uint32_t queuePutMark = 1u << 17;
    static constexpr std::uint32_t queueGetMark = 1u << 18;
    static constexpr std::uint32_t gilStrip = 1u << 19; // the GIL strip: who holds the lock
    static constexpr std::uint32_t everything = 0xFFFFFFFFu;
    static std::uint32_t legendBit(WorkerState s) { return 1u << static_cast<int>(s); }
    static void paintLegend(QPainter& painter, const QRectF& rect, double scale, std::uint32_t shown = everything);
    // Height paintLegend needs for a given width, with the painter's font `font`.
    static double legendHeight(double width, double scale, const QFont& font, std::uint32_t shown = everything);
};

} // namespace ThreadLab
