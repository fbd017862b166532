#pragma once

#include "tasks/workerstate.h"

#include <QColor>
#include <QRectF>
#include <QVarLengthArray>

#include <array>
#include <vector>

class QPainter;

namespace ThreadLab {

// Paints folds of narrow intervals as stacked bands, one per state, as tall as its share of time,
// with as few fills as give the same picture: zoomed out, a lane is ~150 folds of 2–4 bands each
// and every fill costs about as much as the event walk behind it. A run of adjacent folds gets
// one fill for the state most of them end with (every fold's bands cover it whole, opaquely) and
// a band on the same rows as its left neighbour's band of that state widens that one. Patterns
// are anchored to the painter's origin, so wider fills draw the very same pixels. Not for the
// start-up states: their line and outline are drawn per rectangle.
class FoldPainter
{
public:
    FoldPainter(QPainter& painter, double scale, const QColor& base);

    void add(const QRectF& r, const std::array<double, workerStateCount>& stateNs);
    void finish();

private:
    struct Band
    {
        QRectF rect;
        WorkerState state;
    };
    struct Fold
    {
        QRectF rect;
        QVarLengthArray<Band, 4> bands;
    };

    static bool widens(WorkerState state);
    void paint(const QRectF& r, WorkerState state);

    QPainter& m_painter;
    const double m_scale;
    const QColor m_base;
    std::vector<Fold> m_run;
};

} // namespace ThreadLab
