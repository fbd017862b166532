#include "charts/chartstyle.h"

#include "style/statepalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QLegend>

#include <algorithm>
#include <array>
#include <cmath>

namespace ThreadLab {

QColor ChartStyle::seriesColor(int index)
{
    // Okabe–Ito, the darker hues first so that the first runs read on white and on dark grey.
    static constexpr std::array<QRgb, 7> colors {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0x999999};
    return QColor(colors[static_cast<std::size_t>(index) % colors.size()]);
}

QFont ChartStyle::pixelFont(const QFont& base, double pixelSize, bool bold)
{
    QFont f(base);
    f.setPixelSize(std::max(6, static_cast<int>(std::lround(pixelSize))));
    f.setBold(bold);
    return f;
}

QFont ChartStyle::fitted(const QFont& wanted, double maxHeightPx, double floorPx)
{
    if (QFontMetricsF(wanted).height() <= maxHeightPx)
        return wanted;
    QFont f(wanted);
    f.setPixelSize(static_cast<int>(std::max(floorPx, maxHeightPx / 1.2)));
    return f;
}

QStringList ChartStyle::wrapped(const QString& text, const QFontMetricsF& metrics, double widthPx, int maxLines)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    QString line;
    qsizetype next = 0;
    for (; next < words.size(); ++next) {
        const QString longer = line.isEmpty() ? words[next] : line + QLatin1Char(' ') + words[next];
        if (line.isEmpty() || metrics.horizontalAdvance(longer) <= widthPx) {
            line = longer;
            continue;
        }
        if (lines.size() + 1 >= maxLines)
            break; // the last line takes the rest, elided
        lines << line;
        line = words[next];
    }
    if (next < words.size())
        line += QLatin1Char(' ') + words.mid(next).join(QLatin1Char(' '));
    if (!line.isEmpty() || lines.isEmpty())
        lines << line;
    for (QString& l : lines)
        l = metrics.elidedText(l, Qt::ElideRight, widthPx);
    return lines;
}

QFont ChartStyle::scaled(const QFont& font, double factor, bool bold)
{
    QFont f = font;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(static_cast<int>(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}

void ChartStyle::apply(QChart& chart, const QPalette& palette, const QFont& font)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    chart.setBackgroundBrush(base);
    chart.setBackgroundPen(Qt::NoPen);
    chart.setBackgroundRoundness(0);
    chart.setPlotAreaBackgroundVisible(false);
    chart.setDropShadowEnabled(false);
    chart.setMargins(QMargins(6, 6, 6, 6));
    chart.setTitleFont(scaled(font, 1.2, true));
    chart.setTitleBrush(text);
    chart.legend()->setFont(font);
    chart.legend()->setLabelColor(text);
    chart.legend()->setBrush(Qt::NoBrush);
    chart.legend()->setPen(Qt::NoPen);
    const auto axes = chart.axes();
    for (QAbstractAxis* axis : axes)
        applyAxis(*axis, palette, font);
}

void ChartStyle::applyAxis(QAbstractAxis& axis, const QPalette& palette, const QFont& font)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    // Grid lines blended into the background: opaque, so that SVG viewers draw them the same.
    const QColor gridOpaque = StatePalette::blend(text, base, 0.18);
    axis.setLabelsFont(font);
    axis.setLabelsBrush(text);
    axis.setTitleFont(scaled(font, 1.0, true));
    axis.setTitleBrush(text);
    axis.setGridLineColor(gridOpaque);
    axis.setMinorGridLineColor(gridOpaque);
    axis.setLinePenColor(text);
    axis.setShadesVisible(false);
}

} // namespace ThreadLab
