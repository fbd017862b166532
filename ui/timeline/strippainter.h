#pragma once

#include "model/timelineblock.h"
#include "tasks/workerstate.h"

#include <QColor>
#include <QImage>
#include <QRectF>

#include <array>
#include <utility>
#include <vector>

class QPainter;

namespace ThreadLab {

// Paints a lane's state blocks as pixels: zoomed out, a lane is ~150 folds of 2–4 bands each,
// and a fill through QPainter costs 0.3–0.7 µs whatever its size, which made painting the folds
// the larger part of a frame. Here a lane is a strip of device pixels the width of the plot,
// written row by row (solid colours, the very pattern tiles paintState fills with, anchored at
// the painter's origin the same way, and the row background and grid lines where no block is)
// and drawn with one drawImage: the same pixels as filling every block and band with
// paintState. Only on raster targets whose device transform is a whole-pixel translation and an
// integer pixel ratio; the start-up states (a line, an outline) are left to paintState.
class StripPainter
{
public:
    // Whether `painter` can take strips of `width` logical pixels from x = left; sets up the
    // mapping to its device pixels. The grid lines at gridX (logical, gridW wide) are in `grid`.
    // Strips go through one drawImage each, or, on an image (an export, the bench), straight into
    // its pixels where they lie wholly inside `lanesClip` and the painter's clip: the same pixels
    // without writing them twice.
    bool begin(const QPainter& painter, int left, int width, double scale, const QColor& base,
               std::vector<int> gridX, int gridW, const QColor& grid, const QRectF& lanesClip);
    // A new lane over rows [top, top + height) (logical, whole numbers) on `background`.
    void start(int top, int height, const QColor& background);
    // A block of one state, or a fold's bands stacked by their share of time (StateBands, as
    // FoldPainter stacks them); columns [x0, x1) from the plot's left, in logical pixels, left
    // to right.
    void fillBlock(int x0, int x1, const TimelineBlock& b);
    void finish(QPainter& painter);

private:
    // Columns [x0, x1) and rows [y0, y1) in logical pixels relative to the strip.
    void fill(int x0, int x1, int y0, int y1, WorkerState state);
    // What lies under the lane: the row's background and the grid lines.
    void background(int x0, int x1, int y0, int y1);
    // A patterned state's tile repeated across the strip, one row per tile row, shifted so that
    // column c of a row is the tile's pixel under the strip's column c: a band's row is then one
    // copy. Empty for the solid states.
    const std::vector<QRgb>& patternRows(WorkerState state);
    static int floorMod(int a, int n);

    int m_dpr = 1;
    int m_originX = 0;
    int m_originY = 0;
    int m_left = 0;
    int m_width = 0; // device pixels
    double m_scale = 1;
    QColor m_base;
    std::vector<int> m_gridX;
    int m_gridW = 1;
    QRgb m_grid = 0;
    std::array<QRgb, workerStateCount> m_solid {};
    std::array<bool, workerStateCount> m_startUp {};
    std::array<std::vector<QRgb>, workerStateCount> m_rows;
    std::array<bool, workerStateCount> m_rowsMade {};

    int m_top = 0;
    int m_height = 0;
    QRgb m_background = 0;
    QImage m_image;
    QImage* m_target = nullptr; // the painter's image, if it is one strips can be written into
    QRectF m_directClip;        // where (logical)
    bool m_direct = false;      // this lane's strip is written into m_target
    QRgb* m_bits = nullptr;
    int m_stride = 0;
    int m_filledTo = 0; // logical columns [0, m_filledTo) are written
    std::vector<std::pair<QRectF, WorkerState>> m_startUpRects;
};

} // namespace ThreadLab
