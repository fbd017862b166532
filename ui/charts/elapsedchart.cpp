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
#include <QGraphicsTextItem>
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
    const std::vector<RunHistory::BarSet> sets = history.barSets();
    // Rows: the variants in the order they ran, the first at the top; a run in two engines puts
    // its variant's bars in each engine side by side in one row.
    QStringList names;
    for (const ElapsedEntry& e : entries)
        if (!names.contains(e.category))
            names << e.category;
    m_categoryCount = static_cast<int>(names.size());
    m_setCount = static_cast<int>(sets.size());
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
    // A row draws its first set at the bottom: add the sets newest first so that the oldest one
    // sits on top, and reverse the legend so that it reads in the same order as the bars.
    for (int order = m_setCount - 1; order >= 0; --order) {
        // One set per run (or engine of a run), filled in one batch: its value per row, 0 where
        // it has no such variant.
        QList<qreal> values(m_categoryCount, 0.0);
        for (const ElapsedEntry& e : entries) {
            if (e.set != order)
                continue;
            const int row = static_cast<int>(rows.indexOf(e.category));
            values[row] = e.elapsedMs / unit;
            m_bars.push_back(barOf(e, row, m_setCount - 1 - order, unit));
        }
        auto* set = new QBarSet(sets[static_cast<std::size_t>(order)].name);
        set->append(values);
        const QColor color = ChartStyle::seriesColor(order);
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

ElapsedChart::Bar ElapsedChart::barOf(const ElapsedEntry& e, int row, int position, double unit)
{
    const QString time = RunHistory::durationText(e.elapsedMs);
    QString text = time;
    QString shortText;
    if (e.cancelled) {
        text += tr(" · stopped");
    } else if (e.cutOff) {
        text += QStringLiteral(" · ") + RunHistory::cutOffText(e.cutOffMs);
    } else if (!RunHistory::speedupText(e.speedup).isEmpty()) {
        text += QStringLiteral(" · ") + RunHistory::speedupText(e.speedup);
        shortText = time;
    }
    const auto [fastest, slowest] = e.runsMs.empty()
        ? std::pair(e.elapsedMs, e.elapsedMs)
        : std::pair(*std::min_element(e.runsMs.begin(), e.runsMs.end()),
                    *std::max_element(e.runsMs.begin(), e.runsMs.end()));
    return {row, position, e.set, e.elapsedMs / unit, text, shortText, fastest / unit, slowest / unit};
}

std::vector<ElapsedChart::Bar> ElapsedChart::topToBottom() const
{
    std::vector<Bar> sorted = m_bars;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Bar& a, const Bar& b) {
        return a.category != b.category ? a.category > b.category : a.order < b.order;
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

QStringList ElapsedChart::legendNames() const
{
    QStringList names;
    const QList<QBarSet*> sets = m_series->barSets();
    for (auto it = sets.rbegin(); it != sets.rend(); ++it) // added newest first, shown oldest first
        names << (*it)->label();
    return names;
}

bool ElapsedChart::legendBesideWhenCompact() const
{
    const QFontMetricsF metrics(chart()->legend()->font());
    double widest = 0;
    for (const QString& name : legendNames())
        widest = std::max(widest, metrics.horizontalAdvance(name));
    return widest <= 0.2 * width();
}

QRectF ElapsedChart::legendRect() const
{
    // Its entries, not the strip Qt Charts sets aside for it, which the last tick's number
    // under the plot may reach into.
    const QLegend* legend = chart()->legend();
    if (!legend->isVisible())
        return {};
    return mapFromScene(legend->mapToScene(legend->childrenBoundingRect())).boundingRect();
}

std::vector<QRectF> ElapsedChart::barRects() const
{
    std::vector<QRectF> out;
    for (const Bar& b : topToBottom()) {
        const double bottom = b.category - barWidth / 2 + b.set * barWidth / std::max(1, m_setCount);
        const QPointF from = chart()->mapToPosition(QPointF(0, bottom), m_series);
        const QPointF to = chart()->mapToPosition(QPointF(b.value, bottom + barWidth / std::max(1, m_setCount)), m_series);
        out.push_back(mapFromScene(chart()->mapToScene(QRectF(from, to).normalized())).boundingRect());
    }
    return out;
}

std::vector<QRectF> ElapsedChart::wordRects() const
{
    // Every word the chart shows but the legend's own: the bars' words, the axes' labels.
    const QLegend* legend = chart()->legend();
    std::vector<QRectF> out;
    const QList<QGraphicsItem*> items = scene()->items();
    for (const QGraphicsItem* item : items) {
        const bool text = dynamic_cast<const QGraphicsSimpleTextItem*>(item) || dynamic_cast<const QGraphicsTextItem*>(item);
        if (text && item->isVisible() && !legend->isAncestorOf(item) && !item->boundingRect().isEmpty())
            out.push_back(mapFromScene(item->sceneBoundingRect()).boundingRect());
    }
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

// Inside the bar's end when the words fit there, else after it; where neither fits, on the
// roomier side in a smaller font, so that words never straddle the bar's end.
ElapsedChart::Words ElapsedChart::placeWords(const QString& text, const QFont& wanted, double inside, double after) const
{
    Words words {wanted, QFontMetricsF(wanted).horizontalAdvance(text), false};
    words.inside = words.widthPx <= inside || (words.widthPx > after && inside >= after);
    const double room = words.inside ? inside : after;
    if (words.widthPx > room && room > 0) {
        words.font = labelFont(wanted, QFontMetricsF(wanted).height() * room / words.widthPx, 7);
        words.widthPx = QFontMetricsF(words.font).horizontalAdvance(text);
        words.inside = words.inside && words.widthPx <= inside; // words too big for the bar go after it
    }
    return words;
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
        const double inside = insideX - start.x() - 2 * pad;
        const double after = plot.right() - outsideX - pad;
        QString text = b.text;
        Words words = placeWords(text, f, inside, after);
        // Too long for either side even in the smallest font allowed (thin bars at the presenter
        // size): the time alone, rather than words past the plot's edge. The speedup is in the
        // verdict too.
        if (words.widthPx > (words.inside ? inside : after) && !b.shortText.isEmpty()) {
            text = b.shortText;
            words = placeWords(text, f, inside, after);
        }
        const QFont& itemFont = words.font;
        const double w = words.widthPx;
        const bool placeInside = words.inside;
        item->setFont(itemFont);
        item->setText(text);
        const double y = end.y() - QFontMetricsF(itemFont).height() / 2;
        if (placeInside) {
            item->setBrush(ThemePalette::textOn(ChartStyle::seriesColor(b.order)));
            item->setPos(insideX - w - pad, y);
        } else {
            item->setBrush(outside);
            item->setPos(outsideX + pad, y);
        }
    }
}

} // namespace ThreadLab
