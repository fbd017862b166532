#include "timeline/compareview.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "results/runhistory.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/compareheader.h"
#include "timeline/timelineview.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareView"));
    setAccessibleName(tr("Compare view"));
    ensureView(0); // the view on show before the first run
    relayout();
    updateDescription();
}

CompareView::~CompareView() = default;

TimelineView* CompareView::ensureView(int index)
{
    while (static_cast<int>(m_views.size()) <= index) {
        auto* view = new TimelineView(this);
        view->setObjectName(QStringLiteral("compareBand%1").arg(m_views.size()));
        view->setFitAllLanes(true);
        view->setScale(m_scale);
        connect(view, &TimelineView::windowPicked, this, &CompareView::onWindowPicked);
        if (!m_views.empty())
            setTabOrder(m_views.back(), view); // Tab goes down the bands, not to the window's end
        connect(view, &TimelineView::fitPicked, this, &CompareView::onFitPicked);
        m_views.push_back(view);
    }
    return m_views[static_cast<std::size_t>(index)];
}

void CompareView::clear()
{
    m_bands.clear();
    for (TimelineView* view : m_views) {
        view->setLive(false);
        view->clear();
        view->setMinLabelWidth(0);
    }
    m_live = false;
    m_follow = true;
    relayout();
    updateDescription();
}

void CompareView::setFocusNames(const QStringList& names)
{
    m_focus = names;
    relayout();
}

void CompareView::setVariant(int index, const QString& name, std::shared_ptr<const EventLog> log)
{
    if (index < 0)
        return;
    if (index >= bandCount())
        m_bands.resize(static_cast<std::size_t>(index) + 1);
    Band& band = m_bands[static_cast<std::size_t>(index)];
    band = Band {};
    band.name = name;
    for (TimelineView* view : m_views)
        view->setLive(false);
    TimelineView* view = ensureView(index);
    view->setLog(std::move(log));
    m_live = true;
    view->setLive(true);
    relayout();
    view->setAccessibleName(tr("Timeline of %1").arg(name));
    updateDescription();
}

void CompareView::finishVariant(int index, const QString& scenarioName, double elapsedMs, bool cancelled)
{
    if (index < 0 || index >= bandCount())
        return;
    Band& band = m_bands[static_cast<std::size_t>(index)];
    band.scenarioName = scenarioName;
    band.elapsedMs = elapsedMs;
    band.cancelled = cancelled;
    m_views[static_cast<std::size_t>(index)]->setLive(false);
    relayout();
    updateDescription();
}

void CompareView::setEngine(int index, const QString& plainName, const QString& engine)
{
    if (index < 0 || index >= bandCount())
        return;
    Band& band = m_bands[static_cast<std::size_t>(index)];
    band.plainName = plainName;
    band.engine = engine;
    relayout();
    updateDescription();
}

void CompareView::setLive(bool live)
{
    m_live = live;
    if (!live)
        for (TimelineView* view : m_views)
            view->setLive(false);
    relayout();
}

void CompareView::updateDescription()
{
    // At a variant's start and end, never per frame.
    QStringList bands;
    for (const int index : bandOrder())
        bands << headerText(index);
    for (int i = 0; i < static_cast<int>(m_headers.size()); ++i)
        m_headers[static_cast<std::size_t>(i)]->setAccessibleName(headerText(i));
    setAccessibleDescription(bands.isEmpty() ? tr("Every variant of a run on one time axis: run the scenario to see them.")
                                             : tr("Variants on one time axis (%1), the lesson's focus first: %2.")
                                                   .arg(bands.size())
                                                   .arg(bands.join(QStringLiteral("; "))));
}

void CompareView::advanceFrame()
{
    if (!m_live)
        return;
    // New lanes change the bands' heights; otherwise only the window moves.
    bool grew = false;
    for (const Placed& p : m_placed)
        grew = grew || p.lanes != m_views[static_cast<std::size_t>(p.index)]->laneCount();
    if (grew)
        relayout();
    else
        applyWindow(width()); // repaints the bands only when the shared window moved
    for (TimelineView* view : m_views)
        view->advanceFrame(); // the live band
}

void CompareView::zoomIn()
{
    if (!m_bands.empty())
        firstView()->zoomIn();
}

void CompareView::zoomOut()
{
    if (!m_bands.empty())
        firstView()->zoomOut();
}

void CompareView::fit()
{
    onFitPicked();
}

void CompareView::setScale(double presenterScale)
{
    m_scale = presenterScale;
    for (TimelineView* view : m_views)
        view->setScale(presenterScale);
    updateGeometry();
    relayout();
}

std::vector<CompareLayout::Variant> CompareView::variants() const
{
    std::vector<CompareLayout::Variant> result;
    for (const Band& b : m_bands)
        result.push_back({b.name, b.scenarioName});
    return result;
}

std::vector<int> CompareView::bandOrder() const
{
    return CompareLayout::order(variants(), m_focus);
}

bool CompareView::isFocus(int index) const
{
    if (index < 0 || index >= bandCount())
        return false;
    const Band& b = m_bands[static_cast<std::size_t>(index)];
    return CompareLayout::isFocus({b.name, b.scenarioName}, m_focus);
}

QString CompareView::variantName(int index) const
{
    return index >= 0 && index < bandCount() ? m_bands[static_cast<std::size_t>(index)].name : QString();
}

QString CompareView::headerText(int index) const
{
    if (index < 0 || index >= bandCount())
        return {};
    const Band& b = m_bands[static_cast<std::size_t>(index)];
    if (b.elapsedMs < 0)
        return b.name;
    QString text = tr("%1 · %2").arg(b.name, RunHistory::durationText(b.elapsedMs));
    if (b.cancelled)
        text += tr(" (stopped)");
    return text;
}

TimelineView* CompareView::bandView(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_views.size()))
        return nullptr;
    return m_views[static_cast<std::size_t>(index)];
}

TimelineView* CompareView::firstView() const
{
    return m_bands.empty() ? m_views.front() : bandView(bandOrder().front());
}

QRect CompareView::headerRect(int index) const
{
    for (const Placed& p : m_placed)
        if (p.index == index)
            return p.header.toRect();
    return {};
}

// ---- layout ----------------------------------------------------------------------------------

// Level 0: headers above the bands; 1: beside them, over the label column; 2: beside them
// in a smaller font with less space between bands.
CompareView::Packing CompareView::packing(int level) const
{
    static constexpr double fontPx[] = {15, 13, 10};
    static constexpr double marginPx[] = {10, 4, 2};
    static constexpr double gapPx[] = {6, 3, 2};
    static constexpr double padPx[] = {4, 2, 1};
    const auto k = static_cast<std::size_t>(std::clamp(level, 0, 2));
    Packing p;
    p.compact = k > 0;
    p.fontPx = fontPx[k] * m_scale;
    p.header = std::round(QFontMetricsF(ChartStyle::pixelFont(font(), p.fontPx, true)).height() + marginPx[k] * m_scale);
    p.gap = std::round(gapPx[k] * m_scale);
    p.pad = std::round(padPx[k] * m_scale);
    return p;
}

double CompareView::inset() const
{
    return std::max(2.0, std::round(3 * m_scale));
}

// The top band shows the axis, the bottom one the legend (of every band's states); the plots
// start at one x.
void CompareView::configureViews(int width, bool withLegend)
{
    const std::vector<int> order = bandOrder();
    std::uint32_t legend = 0;
    for (int i : order)
        legend |= m_views[static_cast<std::size_t>(i)]->legendContent();
    const double viewWidth = width - 2 * inset();
    double labelWidth = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        TimelineView* view = m_views[static_cast<std::size_t>(order[k])];
        view->setAxisShown(k == 0);
        view->setLegendShown(withLegend && k + 1 == order.size());
        // In presenter mode the lanes need the height more than the legend: a smaller key, still
        // larger than the desktop's.
        view->setLegendScale(std::max(1.0, 0.7 * m_scale));
        view->setLegendSizedFor(true); // the band's height counts its legend (heightsFor)
        view->setExtraLegend(legend);
        view->setMinLabelWidth(0);
        labelWidth = std::max(labelWidth, view->plotLeftIn(viewWidth));
    }
    for (int i : order)
        m_views[static_cast<std::size_t>(i)]->setMinLabelWidth(labelWidth);
    m_plotLeft = labelWidth;
}

CompareLayout::Heights CompareView::heightsFor(const QRectF& rect, const Packing& packing,
                                               const std::vector<int>& order) const
{
    std::vector<CompareLayout::Band> bands;
    const int viewWidth = static_cast<int>(rect.width() - 2 * inset());
    for (int i : order) {
        const TimelineView* view = m_views[static_cast<std::size_t>(i)];
        const double chrome = view->chromeHeight(viewWidth) + packing.pad + packing.gap;
        if (packing.compact)
            bands.push_back({view->rowCount(), chrome, packing.header});
        else
            bands.push_back({view->rowCount(), chrome + packing.header, 0});
    }
    return CompareLayout::heights(bands, rect.height() - 2 * inset(), m_views.front()->naturalPitch());
}

// Headers above the bands while the lanes stay tall enough for their names; else packed
// tighter (each header over its band's label column) when that leaves the lanes more room or
// is the only way to fit every lane.
std::vector<CompareView::Placed> CompareView::place(const QRectF& rect) const
{
    const std::vector<int> order = bandOrder();
    Packing best = packing(0);
    CompareLayout::Heights bestHeights = heightsFor(rect, best, order);
    // Lanes that still show a (shrunk) name keep it: headers above.
    if (bestHeights.fits && bestHeights.pitchPx >= std::round(12 * m_scale))
        return placeAs(rect, best, order, bestHeights);
    for (int level = 1; level <= 2; ++level) {
        const Packing p = packing(level);
        const CompareLayout::Heights h = heightsFor(rect, p, order);
        const bool better = h.fits ? (!bestHeights.fits || h.pitchPx > bestHeights.pitchPx)
                                   : (!bestHeights.fits && h.totalPx < bestHeights.totalPx);
        if (better) {
            best = p;
            bestHeights = h;
        }
    }
    return placeAs(rect, best, order, bestHeights);
}

std::vector<CompareView::Placed> CompareView::placeAs(const QRectF& rect, const Packing& packing,
                                                      const std::vector<int>& order,
                                                      const CompareLayout::Heights& heights) const
{
    const double m = inset();
    std::vector<Placed> placed;
    double y = rect.top() + m;
    for (std::size_t k = 0; k < order.size(); ++k) {
        Placed p;
        p.index = order[k];
        p.compact = packing.compact;
        p.fontPx = packing.fontPx;
        const TimelineView* view = m_views[static_cast<std::size_t>(p.index)];
        p.lanes = view->laneCount();
        const double header = packing.compact ? 0 : packing.header;
        const double top = y + header;
        p.view = QRectF(rect.left() + m, top, rect.width() - 2 * m, std::max(1.0, std::floor(heights.bandsPx[k] - header - packing.gap)));
        const QRectF local(QPointF(0, 0), p.view.size());
        p.gilNotes = view->gilNotesIn(local);
        if (!packing.compact) {
            p.header = QRectF(p.view.left(), y, p.view.width(), header);
        } else {
            // Over the label column, from the first lane's top (or the lanes' top, over a strip
            // row whose label is not drawn) to the last one's bottom.
            const QRectF first = p.lanes > 0 ? view->laneRectIn(local, 0) : QRectF(local.width() / 4, 0, 0, 0);
            const QRectF last = p.lanes > 0 ? view->laneRectIn(local, p.lanes - 1) : first;
            const bool stripLabels = p.gilNotes.isEmpty() && view->rowCount() > p.lanes;
            const double top = stripLabels ? first.top() : std::min(first.top(), view->lanesRectIn(local).top());
            const double bottom = std::max(last.bottom(), top + packing.header);
            p.header = QRectF(p.view.left(), p.view.top() + top, first.left() - 2 * m_scale, bottom - top + 1);
        }
        p.frame = QRectF(QPointF(p.view.left(), std::min(p.header.top(), p.view.top())), p.view.bottomRight())
                      .adjusted(-m / 2, -m / 2, m / 2, m / 2);
        placed.push_back(p);
        y = p.view.bottom() + packing.gap;
    }
    return placed;
}

CompareHeader* CompareView::ensureHeader(int index)
{
    while (static_cast<int>(m_headers.size()) <= index) {
        const int i = static_cast<int>(m_headers.size());
        auto* header = new CompareHeader(
            [this, i](QPainter& painter, const QRectF& rect) {
                for (const Placed& p : m_placed)
                    if (p.index == i)
                        paintHeader(painter, p, rect, true);
            },
            this);
        connect(header, &CompareHeader::clicked, this, [this, i] { Q_EMIT variantClicked(i); });
        header->setAccessibleName(headerText(i));
        header->setAccessibleDescription(tr("Click to open the variant's own tab"));
        m_headers.push_back(header);
    }
    return m_headers[static_cast<std::size_t>(index)];
}

void CompareView::relayout()
{
    configureViews(width(), true);
    m_placed = place(QRectF(rect()));
    // Many bands on a small screen: the lanes before the key (each variant's own tab keeps one).
    if (!m_placed.empty() && m_placed.back().view.bottom() > rect().bottom() + 0.5) {
        configureViews(width(), false);
        m_placed = place(QRectF(rect()));
    }
    m_compact = !m_placed.empty() && m_placed.front().compact;
    for (std::size_t i = 0; i < std::max(m_views.size(), m_bands.size()); ++i) {
        const auto it = std::find_if(m_placed.begin(), m_placed.end(),
                                     [i](const Placed& p) { return p.index == static_cast<int>(i); });
        const bool placed = it != m_placed.end();
        TimelineView* view = ensureView(static_cast<int>(i));
        CompareHeader* header = ensureHeader(static_cast<int>(i));
        if (placed) {
            view->setGeometry(it->view.toRect());
            header->setGeometry(it->header.toRect());
            header->raise();
            header->update();
        } else if (i == 0 && m_bands.empty()) {
            view->setGeometry(rect()); // before a run: the empty timeline and its hint
        }
        view->setVisible(placed || (i == 0 && m_bands.empty()));
        header->setVisible(placed);
    }
    applyWindow(width());
    update();
}

void CompareView::applyWindow(double width)
{
    if (m_bands.empty())
        return;
    std::vector<double> durations;
    for (std::size_t i = 0; i < m_bands.size(); ++i)
        durations.push_back(m_views[i]->durationNs());
    const double longest = *std::max_element(durations.begin(), durations.end());
    if (m_follow) {
        // The plots' left edge as configureViews aligned them: no layout made again per frame.
        const double plotWidth = width - 2 * inset() - m_plotLeft - 10 * m_scale;
        // Room for a "✂ cut off" at the end, but never most of a narrow plot.
        const double margin = std::min(120 * m_scale, plotWidth / 5);
        const TimelineViewport vp = CompareLayout::sharedWindow(durations, plotWidth, margin, m_live);
        m_t0Ns = vp.t0Ns();
        m_t1Ns = vp.t1Ns();
    }
    for (std::size_t i = 0; i < m_bands.size(); ++i)
        m_views[i]->setSharedWindow(m_t0Ns, m_t1Ns, longest);
}

void CompareView::onWindowPicked(double t0Ns, double t1Ns)
{
    m_follow = false;
    m_t0Ns = t0Ns;
    m_t1Ns = t1Ns;
    applyWindow(width());
}

void CompareView::onFitPicked()
{
    m_follow = true;
    applyWindow(width());
}

int CompareView::contentHeight(int width, int minPx, int maxPx) const
{
    const double header = packing(0).header;
    double h = 2 * inset();
    for (int i : bandOrder()) {
        const TimelineView* view = m_views[static_cast<std::size_t>(i)];
        h += header + view->chromeHeight(width) + view->rowCount() * view->naturalPitch() + std::round(10 * m_scale);
    }
    return std::clamp(static_cast<int>(std::ceil(h)), minPx, maxPx);
}

QSize CompareView::sizeHint() const
{
    return QSize(900, contentHeight(900, 240, 800));
}

QSize CompareView::minimumSizeHint() const
{
    return QSize(320, 160);
}

// ---- painting and input ----------------------------------------------------------------------

void CompareView::paintFrames(QPainter& painter, const std::vector<Placed>& placed) const
{
    painter.setPen(QPen(palette().color(QPalette::Highlight), std::max(2.0, std::round(2 * m_scale))));
    painter.setBrush(Qt::NoBrush);
    for (const Placed& p : placed)
        if (isFocus(p.index))
            painter.drawRect(p.frame);
}

QFont CompareView::headerFont(double fontPx) const
{
    return ChartStyle::pixelFont(font(), fontPx, true);
}

QStringList CompareView::headerLines(int index) const
{
    for (const Placed& p : m_placed)
        if (p.index == index)
            return linesFor(p, p.header);
    return {};
}

// Beside the band: the name wrapped over every line but the time's, then the time, then the
// GIL's notes, each wrapped over the lines left (or after the last line where they fit whole).
QStringList CompareView::linesFor(const Placed& placed, const QRectF& rect) const
{
    const QString full = headerText(placed.index);
    const QString gil = placed.gilNotes.join(QStringLiteral(" · "));
    if (!placed.compact)
        return {gil.isEmpty() ? full : tr("%1 · %2").arg(full, gil)};
    const QFontMetricsF metrics(headerFont(placed.fontPx));
    const double width = std::max(0.0, rect.width() - 2 * headerPad(true));
    const int maxLines = std::max(1, static_cast<int>(std::floor(rect.height() / metrics.height())));
    QStringList lines = compactLines(placed.index, metrics, width, maxLines);
    for (const QString& note : placed.gilNotes) {
        const QString after = tr("%1 · %2").arg(lines.last(), note);
        if (lines.size() < maxLines)
            lines << ChartStyle::wrapped(note, metrics, width, maxLines - static_cast<int>(lines.size()));
        else if (metrics.horizontalAdvance(after) <= width) // no line left: after the last, if whole
            lines.last() = after;
    }
    return lines;
}

// A compact header: the variant's name wrapped over every line but the last, and on the last
// the engine (of a band of two engines) and the time ("CPython · 1.39 s"), so that the name
// gives way first. On a single line the name gives way to " · 1.39 s" (or " · CPython" and the
// time, where the two take at most 60 % of the line; else the engine alone).
QStringList CompareView::compactLines(int index, const QFontMetricsF& metrics, double width, int maxLines) const
{
    const QString separator = QStringLiteral(" · ");
    const Band& band = m_bands[static_cast<std::size_t>(index)];
    const bool twoEngines = !band.engine.isEmpty();
    const QString name = twoEngines ? band.plainName : band.name;
    const QString after = headerText(index).mid(band.name.size() + separator.size()); // the time, once known
    const QString tail = !twoEngines ? after : after.isEmpty() ? band.engine : band.engine + separator + after;
    if (tail.isEmpty())
        return ChartStyle::wrapped(name, metrics, width, maxLines);
    if (maxLines > 1) {
        QStringList lines = ChartStyle::wrapped(name, metrics, width, maxLines - 1);
        lines << metrics.elidedText(tail, Qt::ElideRight, width);
        return lines;
    }
    if (metrics.horizontalAdvance(name + separator + tail) <= width)
        return {name + separator + tail};
    const QString kept = !twoEngines || metrics.horizontalAdvance(separator + tail) <= 0.6 * width ? tail : band.engine;
    const double room = std::max(0.0, width - metrics.horizontalAdvance(separator + kept));
    return {metrics.elidedText(name, Qt::ElideRight, room) + separator + kept};
}

// Name and elapsed time on a band of grey, or of the accent for the focus; above the band
// one line with notes on the right, beside it (compact) the lines linesFor wraps.
void CompareView::paintHeader(QPainter& painter, const Placed& placed, const QRectF& rect, bool hint) const
{
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor accent = pal.color(QPalette::Highlight);
    const bool focus = isFocus(placed.index);
    const QColor ink = focus ? ThemePalette::textOn(accent) : text;
    painter.fillRect(rect, focus ? accent : StatePalette::blend(text, base, 0.10));
    const QFont nameFont = headerFont(placed.fontPx);
    const QFont noteFont = ChartStyle::pixelFont(font(), 13 * m_scale, false);
    const QFontMetricsF nameMetrics(nameFont);
    const double pad = headerPad(placed.compact);
    const QRectF inner = rect.adjusted(pad, 0, -pad, 0);
    const QStringList lines = linesFor(placed, rect);
    painter.setFont(nameFont);
    painter.setPen(ink);
    if (placed.compact) {
        painter.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, lines.join(QLatin1Char('\n')));
        return;
    }
    QStringList notes;
    if (focus)
        notes << tr("focus");
    if (hint)
        notes << tr("click for detail");
    // The notes give way (the hint first) where the line would not fit beside them.
    const QString line = lines.value(0);
    const auto noteWidth = [&noteFont, pad](const QString& note) {
        return note.isEmpty() ? 0 : QFontMetricsF(noteFont).horizontalAdvance(note) + pad;
    };
    while (!notes.isEmpty()
           && nameMetrics.horizontalAdvance(line) > inner.width() - noteWidth(notes.join(QStringLiteral(" · "))))
        notes.removeLast();
    const QString note = notes.join(QStringLiteral(" · "));
    painter.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(line, Qt::ElideRight, std::max(0.0, inner.width() - noteWidth(note))));
    painter.setFont(noteFont);
    painter.setPen(focus ? ink : ThemePalette::mutedText(text, base));
    painter.drawText(inner, Qt::AlignRight | Qt::AlignVCenter, note);
}

void CompareView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintFrames(painter, m_placed);
}

void CompareView::render(QPainter& painter, const QRectF& target)
{
    configureViews(static_cast<int>(target.width()), true);
    const std::vector<Placed> placed = place(target);
    applyWindow(target.width());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(target, palette().color(QPalette::Base));
    paintFrames(painter, placed);
    for (const Placed& p : placed)
        m_views[static_cast<std::size_t>(p.index)]->render(painter, p.view);
    for (const Placed& p : placed)
        paintHeader(painter, p, p.header, false);
    painter.restore();
    relayout(); // back to the widget's own size
}

void CompareView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

} // namespace ThreadLab
