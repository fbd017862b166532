#include "charts/styledchartview.h"

#include "charts/chartstyle.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>
#include <QEvent>
#include <QFontInfo>

#include <algorithm>

namespace ThreadLab {

namespace {

// Below this height (× the presenter scale) a chart drops its axis titles.
constexpr double compactBelowPx = 220;

} // namespace

StyledChartView::StyledChartView(QWidget* parent)
    : QChartView(new QChart, parent) // a chart of ours from the start: setChart() would leak the default one
{
    setRenderHint(QPainter::Antialiasing, true);
    // No keys to take: Tab passes it by; its numbers are in its table (View ▸ Show data as tables)
    // and its accessible description.
    setFocusPolicy(Qt::NoFocus);
}

StyledChartView::~StyledChartView() = default;

void StyledChartView::setPresenterScale(double scale)
{
    m_scale = scale;
    restyle();
}

double StyledChartView::labelFloorPx(double floorPx) const
{
    if (m_scale <= 1)
        return floorPx;
    return std::max(floorPx, static_cast<double>(QFontInfo(font()).pixelSize()));
}

QFont StyledChartView::labelFont(const QFont& wanted, double maxHeightPx, double floorPx) const
{
    return ChartStyle::fitted(wanted, maxHeightPx, labelFloorPx(floorPx));
}

void StyledChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        restyle();
}

void StyledChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    if (isCompact() != m_compact)
        restyle();
}

bool StyledChartView::isCompact() const
{
    return height() < compactBelowPx * m_scale;
}

void StyledChartView::restyle()
{
    ChartStyle::apply(*chart(), palette(), font());
    // Compact: the axis titles go and the legend moves beside the plot, so that the height goes
    // to the bars and their names; growing again brings the chart's own legend place back.
    const bool compact = isCompact();
    const bool beside = compact && legendBesideWhenCompact();
    QLegend* legend = chart()->legend();
    if (beside && !m_legendBeside) {
        m_wideLegendAlignment = legend->alignment();
        legend->setAlignment(Qt::AlignRight);
    } else if (!beside && m_legendBeside) {
        legend->setAlignment(m_wideLegendAlignment);
    }
    m_compact = compact;
    m_legendBeside = beside;
    const auto axes = chart()->axes();
    for (QAbstractAxis* axis : axes)
        axis->setTitleVisible(!compact);
}

} // namespace ThreadLab
