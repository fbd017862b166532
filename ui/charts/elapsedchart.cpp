#include "charts/elapsedchart.h"

#include "charts/chartstyle.h"
#include "results/runhistory.h"
#include "style/themepalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QPen>
#include <QSet>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

constexpr double barWidth = 0.82; // of a category

} // namespace

ElapsedChart::ElapsedChart(QWidget* parent)
    : StyledChartView(parent)
    , m_series(new QHorizontalBarSeries)
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    setObjectName(QStringLiteral("elapsedChart"));
    // No chart title: the tab (or an export's caption) names the chart, and every pixel of
    // height goes to the bars.
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->legend()->setReverseMarkers(true);
    m_series->setBarWidth(barWidth);
    chart()->addSeries(m_series);
    chart()->addAxis(m_categories, Qt::AlignLeft);
    chart()->addAxis(m_values, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    m_categories->setTitleText(tr("variant"));
    m_values->setTitleText(tr("elapsed time (s)"));
    m_values->setRange(0, 1);
    m_values->setLabelFormat(QStringLiteral("%.2g"));
    connect(chart(), &QChart::plotAreaChanged, this, [this](const QRectF&) {
        wrapCategoryNames();
        layoutTexts();
    });
    restyle();
}

ElapsedChart::~ElapsedChart() = default;

void ElapsedChart::setHistory(const RunHistory& history)
{
    const std::vector<ElapsedEntry> entries = history.elapsed();
    // Rows: the variants in the order they ran; the first sits at the top.
    QStringList names;
    for (const ElapsedEntry& e : entries)
        if (!names.contains(e.variant))
            names << e.variant;
    m_categoryCount = static_cast<int>(names.size());
    m_setCount = history.runCount();
    double maxMs = 0;
    for (const ElapsedEntry& e : entries) {
        maxMs = std::max(maxMs, e.elapsedMs);
        for (const double ms : e.runsMs)
            maxMs = std::max(maxMs, ms);
    }
    m_inSeconds = maxMs >= 1000;
    const double unit = m_inSeconds ? 1000.0 : 1.0;

    QStringList rows = names;
    std::reverse(rows.begin(), rows.end());
    m_series->clear();
    m_bars.clear();
    // A row draws its first set at the bottom: add the runs newest first so that the oldest run
    // sits on top, and reverse the legend so that it reads in the same order as the bars.
    for (int run = m_setCount - 1; run >= 0; --run) {
        // One set per run, filled in one batch: its value per row, 0 where it has no such variant.
        QList<qreal> values(m_categoryCount, 0.0);
        for (const ElapsedEntry& e : entries) {
            if (e.run != run)
                continue;
            const int row = static_cast<int>(rows.indexOf(e.variant));
            values[row] = e.elapsedMs / unit;
            QString text = RunHistory::durationText(e.elapsedMs);
            if (e.cancelled)
                text += tr(" · stopped");
            else if (e.cutOff)
                text += QStringLiteral(" · ") + RunHistory::cutOffText(e.cutOffMs);
            else if (!RunHistory::speedupText(e.speedup).isEmpty())
                text += QStringLiteral(" · ") + RunHistory::speedupText(e.speedup);
            const auto [fastest, slowest] = e.runsMs.empty()
                ? std::pair(e.elapsedMs, e.elapsedMs)
                : std::pair(*std::min_element(e.runsMs.begin(), e.runsMs.end()),
                            *std::max_element(e.runsMs.begin(), e.runsMs.end()));
            m_bars.push_back({row, m_setCount - 1 - run, run, e.elapsedMs / unit, text, fastest / unit, slowest / unit});
        }
        auto* set = new QBarSet(history.runTag(run));
        set->append(values);
        const QColor color = ChartStyle::seriesColor(run);
        set->setColor(color);
        set->setBorderColor(color);
        m_series->append(set);
    }
    // An axis emptied of categories keeps drawing its old labels (Qt Charts 6.4): hide them.
    m_rowNames = rows;
    if (rows.isEmpty())
        m_categories->clear();
    else
        m_categories->setCategories(rows);
    m_categories->setLabelsVisible(!rows.isEmpty());
    // Room on the right for the words written after short bars.
    const double top = maxMs > 0 ? maxMs / unit * 1.22 : 1;
    m_values->setRange(0, top);
    m_values->applyNiceNumbers();
    // As many decimals as the tick step needs, so that no two ticks read the same ("0 0 1 1").
    const double step = (m_values->max() - m_values->min()) / std::max(1, m_values->tickCount() - 1);
    const int decimals = step > 0 ? std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 3) : 0;
    m_values->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    m_values->setTitleText(m_inSeconds ? tr("elapsed time (s)") : tr("elapsed time (ms)"));
    chart()->legend()->setVisible(m_setCount > 0);
    restyle();
}

std::vector<ElapsedChart::Bar> ElapsedChart::topToBottom() const
{
    std::vector<Bar> sorted = m_bars;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Bar& a, const Bar& b) {
        return a.category != b.category ? a.category > b.category : a.run < b.run;
    });
    return sorted;
}

QStringList ElapsedChart::barTexts() const
{
    QStringList out;
    for (const Bar& b : topToBottom())
        out << b.text;
    return out;
}

std::vector<std::pair<double, double>> ElapsedChart::whiskersMs() const
{
    const double unit = m_inSeconds ? 1000.0 : 1.0;
    std::vector<std::pair<double, double>> out;
    for (const Bar& b : topToBottom())
        out.emplace_back(b.slowest > b.fastest ? b.fastest * unit : 0, b.slowest > b.fastest ? b.slowest * unit : 0);
    return out;
}

void ElapsedChart::restyle()
{
    StyledChartView::restyle();
    wrapCategoryNames();
    layoutTexts();
}

QStringList ElapsedChart::categoryLabels() const
{
    QStringList labels = m_categories->categories();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

// Qt Charts gives the category axis at most 40 % of the chart's width and cuts a longer name to
// "...": where a row is tall enough for two lines, a long name is wrapped onto them at spaces
// (the axis's labels are HTML), and only what still does not fit is elided.
void ElapsedChart::wrapCategoryNames()
{
    if (m_rowNames.isEmpty())
        return;
    const QFontMetricsF metrics(m_categories->labelsFont());
    const double rowPx = chart()->plotArea().height() / static_cast<double>(m_rowNames.size());
    const bool twoLines = rowPx >= 2 * metrics.lineSpacing() + 12;
    double width = chart()->size().width() - chart()->margins().left() - chart()->margins().right();
    if (chart()->legend()->isVisible() && (chart()->legend()->alignment() & (Qt::AlignLeft | Qt::AlignRight)))
        width -= chart()->legend()->size().width();
    const double room = 0.4 * width - 16 * presenterScale(); // the axis's ticks and padding
    QStringList shown;
    for (const QString& name : std::as_const(m_rowNames)) {
        if (!twoLines || room <= 0 || metrics.horizontalAdvance(name) <= room) {
            shown << name;
            continue;
        }
        QStringList lines = ChartStyle::wrapped(name, metrics, room, 2);
        for (QString& line : lines)
            line = line.toHtmlEscaped();
        shown << lines.join(QStringLiteral("<br>"));
    }
    if (QSet<QString>(shown.begin(), shown.end()).size() != shown.size())
        shown = m_rowNames; // two names wrapped alike: the axis needs them apart
    if (shown != m_categories->categories())
        m_categories->setCategories(shown);
}

void ElapsedChart::layoutWhiskers()
{
    while (m_whiskers.size() < m_bars.size()) {
        auto* item = new QGraphicsPathItem(chart());
        item->setZValue(15); // over the bars, under their words
        m_whiskers.push_back(item);
    }
    const double rowPx = chart()->plotArea().height() / std::max(1, m_categoryCount);
    const double capPx = std::max(4.0, rowPx * barWidth / std::max(1, m_setCount) * 0.4);
    QPen pen(palette().color(QPalette::Text), std::max(1.5, 2 * presenterScale()));
    pen.setCapStyle(Qt::FlatCap);
    for (std::size_t i = 0; i < m_whiskers.size(); ++i) {
        QGraphicsPathItem* item = m_whiskers[i];
        const bool shown = i < m_bars.size() && m_bars[i].slowest > m_bars[i].fastest && m_setCount > 0;
        item->setVisible(shown);
        if (!shown)
            continue;
        const Bar& b = m_bars[i];
        const double centreY = b.category - barWidth / 2 + (b.set + 0.5) * barWidth / m_setCount;
        const QPointF from = chart()->mapToPosition(QPointF(b.fastest, centreY), m_series);
        const QPointF to = chart()->mapToPosition(QPointF(b.slowest, centreY), m_series);
        QPainterPath path(from);
        path.lineTo(to);
        for (const QPointF& end : {from, to}) {
            path.moveTo(end.x(), end.y() - capPx / 2);
            path.lineTo(end.x(), end.y() + capPx / 2);
        }
        item->setPen(pen);
        item->setPath(path);
    }
}

void ElapsedChart::layoutTexts()
{
    while (m_texts.size() < m_bars.size()) {
        auto* item = new QGraphicsSimpleTextItem(chart());
        item->setZValue(20);
        m_texts.push_back(item);
    }
    for (std::size_t i = 0; i < m_texts.size(); ++i)
        m_texts[i]->setVisible(i < m_bars.size());
    layoutWhiskers();
    if (m_bars.empty() || m_setCount == 0)
        return;
    const QRectF plot = chart()->plotArea();
    const double rowPx = plot.height() / std::max(1, m_categoryCount);
    const double barPx = rowPx * barWidth / m_setCount;
    // The words fit the bar's height, at most the chart's font, never unreadably small.
    const double minPx = labelFloorPx(8);
    const QFont f = labelFont(ChartStyle::scaled(font(), 1.15, true), std::max(minPx, barPx * 0.92), minPx);
    const QColor outside = palette().color(QPalette::Text);
    const double pad = 6 * presenterScale();
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        const Bar& b = m_bars[i];
        QGraphicsSimpleTextItem* item = m_texts[i];
        // Horizontal bars: set 0 at the bottom of its row.
        const double centreY = b.category - barWidth / 2 + (b.set + 0.5) * barWidth / m_setCount;
        const QPointF end = chart()->mapToPosition(QPointF(b.value, centreY), m_series);
        const QPointF start = chart()->mapToPosition(QPointF(0, centreY), m_series);
        // Words keep clear of the whisker: inside, before its fastest end; after, past its slowest.
        const double insideX = chart()->mapToPosition(QPointF(std::min(b.value, b.fastest), centreY), m_series).x();
        const double outsideX = chart()->mapToPosition(QPointF(std::max(b.value, b.slowest), centreY), m_series).x();
        // Inside the bar's end when the words fit there, else after it; where neither fits,
        // on the roomier side in a smaller font, so that words never straddle the bar's end.
        const double inside = insideX - start.x() - 2 * pad;
        const double after = plot.right() - outsideX - pad;
        QFont itemFont = f;
        double w = QFontMetricsF(itemFont).horizontalAdvance(b.text);
        bool placeInside = w <= inside || (w > after && inside >= after);
        const double room = placeInside ? inside : after;
        if (w > room && room > 0) {
            itemFont = labelFont(itemFont, QFontMetricsF(itemFont).height() * room / w, 7);
            w = QFontMetricsF(itemFont).horizontalAdvance(b.text);
            placeInside = placeInside && w <= inside; // words too big for the bar go after it
        }
        item->setFont(itemFont);
        item->setText(b.text);
        const double y = end.y() - QFontMetricsF(itemFont).height() / 2;
        if (placeInside) {
            item->setBrush(ThemePalette::textOn(ChartStyle::seriesColor(b.run)));
            item->setPos(insideX - w - pad, y);
        } else {
            item->setBrush(outside);
            item->setPos(outsideX + pad, y);
        }
    }
}

} // namespace ThreadLab
