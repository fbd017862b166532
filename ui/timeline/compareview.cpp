#include "timeline/compareview.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "results/runhistory.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/timelineview.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

CompareView::CompareView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareView"));
    ensureView(0); // the view on show before the first run
    relayout();
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
}

void CompareView::setLive(bool live)
{
    m_live = live;
    if (!live)
        for (TimelineView* view : m_views)
            view->setLive(false);
    relayout();
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
        applyWindow(width());
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
            return p.header.toAlignedRect();
    return {};
}

// ---- layout ----------------------------------------------------------------------------------

double CompareView::headerHeight() const
{
    return std::round(QFontMetricsF(ChartStyle::pixelFont(font(), 15 * m_scale, true)).height() + 10 * m_scale);
}

double CompareView::inset() const
{
    return std::max(2.0, std::round(3 * m_scale));
}

// The top band shows the axis, the bottom one the legend (of every band's states); the plots
// start at one x.
void CompareView::configureViews(int width)
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
        view->setLegendShown(k + 1 == order.size());
        view->setExtraLegend(legend);
        view->setMinLabelWidth(0);
        labelWidth = std::max(labelWidth, view->plotLeftIn(viewWidth));
    }
    for (int i : order)
        m_views[static_cast<std::size_t>(i)]->setMinLabelWidth(labelWidth);
}

std::vector<CompareView::Placed> CompareView::place(const QRectF& rect) const
{
    const std::vector<int> order = bandOrder();
    const double header = headerHeight();
    const double m = inset();
    const double gap = std::round(6 * m_scale);
    const double pad = std::round(4 * m_scale);
    std::vector<CompareLayout::Band> bands;
    for (int i : order) {
        const TimelineView* view = m_views[static_cast<std::size_t>(i)];
        bands.push_back({view->laneCount(), header + view->chromeHeight(static_cast<int>(rect.width())) + pad + gap});
    }
    const double natural = m_views.front()->naturalPitch();
    const CompareLayout::Heights heights = CompareLayout::heights(bands, rect.height() - 2 * m, natural);
    std::vector<Placed> placed;
    double y = rect.top() + m;
    for (std::size_t k = 0; k < order.size(); ++k) {
        Placed p;
        p.index = order[k];
        p.lanes = bands[k].lanes;
        p.header = QRectF(rect.left() + m, y, rect.width() - 2 * m, header);
        const double viewH = std::floor(heights.bandsPx[k] - header - gap);
        p.view = QRectF(p.header.left(), p.header.bottom(), p.header.width(), std::max(1.0, viewH));
        p.frame = QRectF(p.header.topLeft(), p.view.bottomRight()).adjusted(-m / 2, -m / 2, m / 2, m / 2);
        placed.push_back(p);
        y = p.view.bottom() + gap;
    }
    return placed;
}

void CompareView::relayout()
{
    configureViews(width());
    m_placed = place(QRectF(rect()));
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        TimelineView* view = m_views[i];
        const auto it = std::find_if(m_placed.begin(), m_placed.end(),
                                     [i](const Placed& p) { return p.index == static_cast<int>(i); });
        if (it != m_placed.end())
            view->setGeometry(it->view.toRect());
        else if (i == 0 && m_bands.empty())
            view->setGeometry(rect()); // before a run: the empty timeline and its hint
        view->setVisible(it != m_placed.end() || (i == 0 && m_bands.empty()));
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
        const double plotWidth = width - 2 * inset() - firstView()->plotLeftIn(width - 2 * inset()) - 10 * m_scale;
        const TimelineViewport vp = CompareLayout::sharedWindow(durations, plotWidth, 120 * m_scale, m_live);
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
    const double header = headerHeight();
    double h = 2 * inset();
    for (int i : bandOrder()) {
        const TimelineView* view = m_views[static_cast<std::size_t>(i)];
        h += header + view->chromeHeight(width) + view->laneCount() * view->naturalPitch() + std::round(10 * m_scale);
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

void CompareView::paintHeaders(QPainter& painter, const std::vector<Placed>& placed, bool hint) const
{
    const QPalette& pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor accent = pal.color(QPalette::Highlight);
    const QFont nameFont = ChartStyle::pixelFont(font(), 15 * m_scale, true);
    const QFont noteFont = ChartStyle::pixelFont(font(), 13 * m_scale, false);
    const double pad = 8 * m_scale;
    for (const Placed& p : placed) {
        const bool focus = isFocus(p.index);
        if (focus)
            painter.setPen(QPen(accent, std::max(2.0, std::round(2 * m_scale))));
        if (focus)
            painter.drawRect(p.frame);
        const QColor fill = focus ? accent : StatePalette::blend(text, base, 0.10);
        const QColor ink = focus ? ThemePalette::textOn(accent) : text;
        painter.fillRect(p.header, fill);
        const QRectF inner = p.header.adjusted(pad, 0, -pad, 0);
        QStringList notes;
        if (focus)
            notes << tr("focus");
        if (hint)
            notes << tr("click for detail");
        painter.setFont(noteFont);
        painter.setPen(focus ? ink : StatePalette::blend(text, base, 0.62));
        const QString note = notes.join(QStringLiteral(" · "));
        painter.drawText(inner, Qt::AlignRight | Qt::AlignVCenter, note);
        const double noteW = note.isEmpty() ? 0 : QFontMetricsF(noteFont).horizontalAdvance(note) + pad;
        painter.setFont(nameFont);
        painter.setPen(ink);
        const QString name = QFontMetricsF(nameFont).elidedText(headerText(p.index), Qt::ElideRight,
                                                                 std::max(0.0, inner.width() - noteW));
        painter.drawText(inner, Qt::AlignLeft | Qt::AlignVCenter, name);
    }
}

void CompareView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintHeaders(painter, m_placed, true);
}

void CompareView::render(QPainter& painter, const QRectF& target)
{
    configureViews(static_cast<int>(target.width()));
    const std::vector<Placed> placed = place(target);
    applyWindow(target.width());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(target, palette().color(QPalette::Base));
    paintHeaders(painter, placed, false);
    for (const Placed& p : placed)
        m_views[static_cast<std::size_t>(p.index)]->render(painter, p.view);
    painter.restore();
    relayout(); // back to the widget's own size
}

void CompareView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void CompareView::mousePressEvent(QMouseEvent* event)
{
    for (const Placed& p : m_placed) {
        if (p.header.contains(event->position())) {
            Q_EMIT variantClicked(p.index);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

} // namespace ThreadLab
