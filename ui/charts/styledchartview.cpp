#include "charts/styledchartview.h"

#include "charts/chartstyle.h"

#include <QChart>
#include <QEvent>

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
