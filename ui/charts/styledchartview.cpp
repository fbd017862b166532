#include "charts/styledchartview.h"

#include "charts/chartstyle.h"

#include <QChart>
#include <QEvent>
#include <QFontInfo>

#include <algorithm>

namespace ThreadLab {

StyledChartView::StyledChartView(QWidget* parent)
    : QChartView(new QChart, parent) // a chart of ours from the start: setChart() would leak the default one
{
    setRenderHint(QPainter::Antialiasing, true);
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

void StyledChartView::restyle()
{
    ChartStyle::apply(*chart(), palette(), font());
}

} // namespace ThreadLab
