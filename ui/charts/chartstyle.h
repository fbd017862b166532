#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QStringList>

class QAbstractAxis;
class QChart;
class QFontMetricsF;

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
    // The smallest words any timeline or chart draws at this presenter scale (the compare view's
    // tightest band header): text that would need less is said elsewhere instead.
    static double readablePx(double scale) { return 10 * scale; }
    // `text` broken at spaces into lines no wider than widthPx, at most maxLines of them; only
    // what still does not fit is elided (a word wider than a line, the rest after the last line).
    static QStringList wrapped(const QString& text, const QFontMetricsF& metrics, double widthPx, int maxLines);

    static void apply(QChart& chart, const QPalette& palette, const QFont& font);
    static void applyAxis(QAbstractAxis& axis, const QPalette& palette, const QFont& font);
};

} // namespace ThreadLab
