#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

class QAbstractAxis;
class QChart;

namespace ThreadLab {

// One look for every chart: colours from the window's palette (light or dark), fonts from the
// view's font (so presenter mode scales them), Okabe–Ito colours for runs and series.
class ChartStyle
{
public:
    ChartStyle() = delete;

    static QColor seriesColor(int index);
    static QFont scaled(const QFont& font, double factor, bool bold = false);
    // `base` at a pixel size (at least 6 px, so nothing shrinks into unreadable dots).
    static QFont pixelFont(const QFont& base, double pixelSize, bool bold = false);
    // The one rule for words that must fit a space (bar labels): `wanted` as it is when its line
    // height fits `maxHeightPx`, else shrunk to fit it, but never below `floorPx` pixels.
    static QFont fitted(const QFont& wanted, double maxHeightPx, double floorPx);

    static void apply(QChart& chart, const QPalette& palette, const QFont& font);
    static void applyAxis(QAbstractAxis& axis, const QPalette& palette, const QFont& font);
};

} // namespace ThreadLab
