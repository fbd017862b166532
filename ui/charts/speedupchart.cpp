#include "charts/speedupchart.h"

#include "charts/chartstyle.h"
#include "results/runhistory.h"

#include <QChart>
#include <QGraphicsTextItem>
#include <QTextDocument>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

SpeedupChart::SpeedupChart(QWidget* parent)
    : StyledChartView(parent)
    , m_axisX(new QValueAxis)
    , m_axisY(new QValueAxis)
    , m_ideal(new QLineSeries)
    , m_cores(new QLineSeries)
{
    setObjectName(QStringLiteral("speedupChart"));
    chart()->legend()->setVisible(false);
    m_key = new QGraphicsTextItem(chart());
    m_key->setZValue(20);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);
    m_axisX->setTitleText(tr("workers"));
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTitleText(tr("speedup (×)"));
    m_axisY->setLabelFormat(QStringLiteral("%.1f"));
    m_ideal->setName(tr("ideal (N workers, N× faster)"));
    m_cores->setName(tr("cores"));
    for (QLineSeries* s : {m_ideal, m_cores}) {
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
    }
    m_axisX->setRange(1, 4);
    m_axisY->setRange(0, 4);
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF&) { layoutKey(); });
    restyle();
}

SpeedupChart::~SpeedupChart() = default;

void SpeedupChart::layoutKey()
{
    // Above the plot, never over it: the key wraps to the chart's width and the chart's top
    // margin grows to its height (ChartStyle::apply sets the other margins).
    const QMargins margins = chart()->margins();
    m_key->setTextWidth(std::max(40.0, chart()->size().width() - margins.left() - margins.right()));
    m_key->setPos(margins.left(), 2);
    const int top = static_cast<int>(std::ceil(m_key->boundingRect().height())) + 4;
    if (margins.top() != top)
        chart()->setMargins(QMargins(margins.left(), top, margins.right(), margins.bottom()));
}

QLineSeries* SpeedupChart::lineAt(int index)
{
    while (static_cast<int>(m_lines.size()) <= index) {
        auto* s = new QLineSeries;
        s->setPointsVisible(true);
        chart()->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_lines.push_back(s);
    }
    return m_lines[static_cast<std::size_t>(index)];
}

QString SpeedupChart::lineName(int index) const
{
    return index >= 0 && index < m_used ? m_lines[static_cast<std::size_t>(index)]->name() : QString();
}

QColor SpeedupChart::lineColor(int index) const
{
    return index >= 0 && index < m_used ? m_lines[static_cast<std::size_t>(index)]->pen().color() : QColor();
}

void SpeedupChart::setHistory(const RunHistory& history)
{
    const std::vector<SpeedupSeries> series = history.speedupSeries();
    const int maxWorkers = std::max(2, history.maxSweepWorkers());
    double maxSpeedup = maxWorkers;
    m_used = static_cast<int>(series.size());
    for (int i = 0; i < m_used; ++i) {
        const SpeedupSeries& s = series[static_cast<std::size_t>(i)];
        QList<QPointF> points;
        points.reserve(static_cast<qsizetype>(s.points.size()));
        for (const SpeedupPoint& p : s.points) {
            points.append(QPointF(p.workers, p.speedup));
            maxSpeedup = std::max(maxSpeedup, p.speedup);
        }
        QLineSeries* line = lineAt(i);
        m_isProcess.resize(m_lines.size());
        m_isProcess[static_cast<std::size_t>(i)] = s.mode == VariantMode::Processes;
        // In two engines a colour per engine, as the elapsed chart's bars (threads solid,
        // processes dashed); else one per line.
        m_colorOf.resize(m_lines.size());
        m_colorOf[static_cast<std::size_t>(i)] = history.hasEngines() ? s.set : i;
        line->replace(points);
        line->setName(s.key);
        line->setVisible(true);
    }
    for (std::size_t i = static_cast<std::size_t>(m_used); i < m_lines.size(); ++i) {
        m_lines[i]->replace(QList<QPointF> {});
        m_lines[i]->setVisible(false);
    }
    const double top = std::ceil(maxSpeedup * 1.1);
    m_ideal->replace(QList<QPointF> {{1, 1}, {double(maxWorkers), double(maxWorkers)}});
    const RunResult* last = history.lastRun();
    const int cores = last ? last->cores : 0;
    m_coreCount = cores;
    m_cores->setVisible(cores > 0 && m_used > 0);
    if (cores > 0) {
        m_cores->replace(QList<QPointF> {{double(cores), 0}, {double(cores), top}});
        m_cores->setName(tr("%1 cores").arg(cores));
    }
    m_axisX->setRange(1, maxWorkers);
    m_axisX->setTickCount(std::min(maxWorkers, 16));
    m_axisY->setRange(0, top);
    m_axisY->setTickCount(static_cast<int>(std::min(top, 8.0)) + 1);
    restyle();
}

void SpeedupChart::restyle()
{
    StyledChartView::restyle();
    const QColor text = palette().color(QPalette::Text);
    QColor faint = text;
    faint.setAlphaF(0.55);
    m_ideal->setPen(QPen(faint, 2 * presenterScale(), Qt::DashLine));
    m_cores->setPen(QPen(faint, 1.5 * presenterScale(), Qt::DotLine));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const int color = i < m_colorOf.size() ? m_colorOf[i] : static_cast<int>(i);
        QPen pen(ChartStyle::seriesColor(color), 3 * presenterScale());
        // Processes dashed, threads solid: told apart without colour.
        if (i < m_isProcess.size() && m_isProcess[i])
            pen.setStyle(Qt::DashDotLine);
        m_lines[i]->setPen(pen);
        m_lines[i]->setMarkerSize(7 * presenterScale());
    }
    // The key: a line sample in each series' colour and style, then its name.
    auto sample = [](const QColor& color, const QString& glyphs) {
        return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(color.name(), glyphs);
    };
    QStringList rows;
    for (int i = 0; i < m_used; ++i) {
        const QLineSeries* line = m_lines[static_cast<std::size_t>(i)];
        const bool dashed = line->pen().style() != Qt::SolidLine;
        rows << sample(line->pen().color(), dashed ? QStringLiteral("╍╍") : QStringLiteral("━━")) + QStringLiteral("&nbsp;")
                + line->name().toHtmlEscaped();
    }
    QColor faintOpaque = text;
    faintOpaque.setAlphaF(1);
    rows << sample(faintOpaque, QStringLiteral("╌╌")) + QStringLiteral("&nbsp;") + tr("ideal: N workers, N× faster").toHtmlEscaped();
    if (m_coreCount > 0 && m_used > 0)
        rows << sample(faintOpaque, QStringLiteral("&nbsp;┆&nbsp;")) + QStringLiteral("&nbsp;") + tr("%1 cores").arg(m_coreCount);
    if (m_used == 0)
        rows << QStringLiteral("<i>%1</i>").arg(tr("Run a sweep (cpu-scaling) to fill this chart.").toHtmlEscaped());
    m_key->setFont(font());
    m_key->setDefaultTextColor(text);
    // Each entry kept whole on a line; the entries flow and wrap across the chart's width.
    for (QString& row : rows)
        row = QStringLiteral("<span style=\"white-space:nowrap\">%1</span>").arg(row);
    m_key->setHtml(rows.join(QStringLiteral(" &nbsp;&nbsp; ")));
    layoutKey();
}

} // namespace ThreadLab
