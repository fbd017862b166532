#include "charts/latencychart.h"

#include "charts/chartstyle.h"
#include "results/runhistory.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

LatencyChart::LatencyChart(QWidget* parent)
    : StyledChartView(parent)
    , m_axisX(new QValueAxis)
    , m_axisY(new QLogValueAxis)
{
    setObjectName(QStringLiteral("latencyChart"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->setTitleText(tr("worker (in the order started)"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setRange(1, 10);
    m_axisY->setTitleText(tr("start() → running (µs, log scale)"));
    m_axisY->setBase(10);
    m_axisY->setLabelFormat(QStringLiteral("%g"));
    m_axisY->setRange(1, 10000);
    restyle();
}

LatencyChart::~LatencyChart() = default;

QScatterSeries* LatencyChart::seriesAt(int index)
{
    while (static_cast<int>(m_series.size()) <= index) {
        auto* s = new QScatterSeries;
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_series.push_back(s);
        m_isProcess.push_back(false);
    }
    return m_series[static_cast<std::size_t>(index)];
}

int LatencyChart::pointCount() const
{
    int n = 0;
    for (int i = 0; i < m_used; ++i)
        n += static_cast<int>(m_series[static_cast<std::size_t>(i)]->count());
    return n;
}

void LatencyChart::setHistory(const RunHistory& history)
{
    const std::vector<LatencySeries> all = history.latencySeries();
    double lo = 1e12;
    double hi = 0;
    int most = 1;
    m_used = static_cast<int>(all.size());
    for (int i = 0; i < m_used; ++i) {
        const LatencySeries& s = all[static_cast<std::size_t>(i)];
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(s.latenciesUs.size()));
        for (std::size_t w = 0; w < s.latenciesUs.size(); ++w) {
            const double us = s.latenciesUs[w];
            if (!(us > 0))
                continue; // never started, or too fast to measure: nothing to put on a log scale
            points.append(QPointF(double(w + 1), us));
            lo = std::min(lo, us);
            hi = std::max(hi, us);
        }
        most = std::max(most, static_cast<int>(s.latenciesUs.size()));
        QScatterSeries* series = seriesAt(i);
        series->replace(points);
        series->setName(s.key);
        series->setVisible(true);
        m_isProcess[static_cast<std::size_t>(i)] = s.mode == VariantMode::Processes;
    }
    for (std::size_t i = static_cast<std::size_t>(m_used); i < m_series.size(); ++i) {
        m_series[i]->replace(QList<QPointF> {});
        m_series[i]->setVisible(false);
    }
    if (hi <= 0) {
        lo = 1;
        hi = 10000;
    }
    m_axisY->setRange(std::pow(10.0, std::floor(std::log10(lo))), std::pow(10.0, std::ceil(std::log10(hi * 1.01))));
    m_axisX->setRange(0, most + 1);
    m_axisX->setTickCount(std::min(most + 2, 11));
    restyle();
}

void LatencyChart::restyle()
{
    StyledChartView::restyle();
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        QScatterSeries* s = m_series[i];
        const QColor c = ChartStyle::seriesColor(static_cast<int>(i));
        s->setColor(c);
        s->setBorderColor(c);
        // Processes as squares, threads as circles: told apart without colour.
        s->setMarkerShape(m_isProcess[i] ? QScatterSeries::MarkerShapeRectangle : QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize((m_isProcess[i] ? 8 : 9) * presenterScale());
    }
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker* marker : markers)
        marker->setVisible(marker->series()->isVisible());
}

} // namespace ThreadLab
