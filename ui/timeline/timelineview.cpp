#include "timeline/timelineview.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/gilwaits.h"
#include "style/statepalette.h"
#include "timeline/lanetooltip.h"
#include "timeline/strippainter.h"
#include "timeline/timelineframe.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ThreadLab {

namespace {

constexpr double keyZoomFactor = 1.5;

} // namespace

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Timeline"));
    updateDescription();
}

TimelineView::~TimelineView() = default;

void TimelineView::setLog(std::shared_ptr<const EventLog> log)
{
    m_model.setLog(std::move(log));
    m_gil.reset();
    m_labels.reset();
    m_follow = true;
    m_scrollY = 0;
    m_viewport = TimelineViewport();
    invalidateLayout();
    update();
    updateDescription();
}

void TimelineView::updateDescription()
{
    // Once per new log and per start or end of a run: never per frame.
    setAccessibleDescription(tr("Timeline: %1").arg(m_model.describe(m_live)));
}

std::shared_ptr<const EventLog> TimelineView::log() const
{
    return m_model.log();
}

void TimelineView::setLive(bool live)
{
    m_live = live;
    updateWindow();
    update();
    updateDescription();
}

void TimelineView::advanceFrame()
{
    if (m_live)
        update();
}

void TimelineView::clear()
{
    setLog(nullptr);
}

void TimelineView::zoomIn()
{
    const QPoint p = mapFromGlobal(QCursor::pos());
    zoomBy(keyZoomFactor, rect().contains(p) ? plotXFromWidget(p.x()) : m_viewport.widthPx() / 2);
}

void TimelineView::zoomOut()
{
    const QPoint p = mapFromGlobal(QCursor::pos());
    zoomBy(1.0 / keyZoomFactor, rect().contains(p) ? plotXFromWidget(p.x()) : m_viewport.widthPx() / 2);
}

void TimelineView::fit()
{
    if (m_shared) {
        Q_EMIT fitPicked();
        return;
    }
    m_follow = true;
    updateWindow();
    update();
}

void TimelineView::setScale(double presenterScale)
{
    m_scale = std::clamp(presenterScale, 0.5, 4.0);
    updateGeometry();
    invalidateLayout();
    updateWindow();
    update();
}

void TimelineView::setSharedWindow(double t0Ns, double t1Ns, double limitNs)
{
    // The limit only bounds zoom and pan: a new one alone needs no repaint.
    const bool moved = !m_shared || t0Ns != m_viewport.t0Ns() || t1Ns != m_viewport.t1Ns();
    m_shared = true;
    m_follow = false;
    m_sharedLimitNs = limitNs;
    // As the owner computed it (a fitted window may start a little before 0 after clamping).
    m_viewport = TimelineViewport(t0Ns, t1Ns, m_viewport.widthPx());
    m_viewport.setLimitNs(limitNs);
    if (moved)
        update();
}

void TimelineView::setAxisShown(bool shown)
{
    m_axisShown = shown;
    invalidateLayout();
    update();
}

void TimelineView::setLegendShown(bool shown)
{
    m_legendShown = shown;
    invalidateLayout();
    update();
}

void TimelineView::setLegendScale(double scale)
{
    if (scale == m_legendScale)
        return;
    m_legendScale = scale;
    invalidateLayout();
    update();
}

void TimelineView::setLegendSizedFor(bool sizedFor)
{
    if (sizedFor == m_legendSizedFor)
        return;
    m_legendSizedFor = sizedFor;
    invalidateLayout();
    update();
}

void TimelineView::setExtraLegend(std::uint32_t bits)
{
    if (bits == m_extraLegend)
        return;
    m_extraLegend = bits;
    invalidateLayout();
    update();
}

void TimelineView::setMinLabelWidth(double px)
{
    if (px == m_minLabelWidth)
        return;
    m_minLabelWidth = px;
    invalidateLayout();
    update();
}

double TimelineView::plotLeftIn(double width) const
{
    return layoutFor(QRectF(0, 0, width, 0), false).plotLeft;
}

int TimelineView::chromeHeight(int width) const
{
    const TimelineLayout l = layoutFor(QRectF(0, 0, width, 0), false);
    return static_cast<int>(std::ceil(l.axis.height() + l.legend.height()));
}

double TimelineView::naturalPitch() const
{
    return std::round(52 * m_scale);
}

int TimelineView::laneCount() const
{
    return m_model.laneCount();
}

double TimelineView::rowCount() const
{
    TimelineLayout l;
    layoutStrips(l);
    return m_model.laneCount() + static_cast<double>(l.stripLanes.size()) * TimelineLayout::stripShare;
}

double TimelineView::durationNs() const
{
    return static_cast<double>(m_model.snapshot(m_live).untilNs);
}

std::size_t TimelineView::indexMemoryBytes() const
{
    return m_model.memoryBytes() + m_gil.memoryBytes();
}

// ---- snapshot and layout ---------------------------------------------------------------------

TimelineFrame TimelineView::snapshot() const
{
    TimelineFrame f;
    const QPalette& pal = palette();
    f.base = pal.color(QPalette::Base);
    f.text = pal.color(QPalette::Text);
    f.window = pal.color(QPalette::Window);
    f.windowText = pal.color(QPalette::WindowText);
    f.muted = StatePalette::blend(f.text, f.base, 0.62);
    f.grid = StatePalette::blend(f.text, f.base, 0.16);
    f.rowA = StatePalette::blend(f.text, f.base, 0.05);
    f.rowB = StatePalette::blend(f.text, f.base, 0.085);
    static_cast<TimelineModel::Snapshot&>(f) = m_model.snapshot(m_live);
    m_gil.sync(f.log, m_live);
    return f;
}

// The legend lists what occurs in the log (everything while there is no log).
std::uint32_t TimelineView::legendBits() const
{
    if (!m_model.log())
        return StatePalette::everything;
    std::uint32_t bits = 0;
    for (int st = 0; st < workerStateCount; ++st)
        if (m_model.statesSeen() & (1u << st))
            bits |= StatePalette::legendBit(static_cast<WorkerState>(st));
    const std::uint32_t kinds = m_model.kindsSeen();
    if (kinds & (1u << static_cast<int>(EventKind::Output)))
        bits |= StatePalette::outputMark;
    if (kinds & (1u << static_cast<int>(EventKind::QueuePut)))
        bits |= StatePalette::queuePutMark;
    if (kinds & (1u << static_cast<int>(EventKind::QueueGet)))
        bits |= StatePalette::queueGetMark;
    const auto& interpreters = m_gil.interpreters();
    if (m_gil.gilEnabled()
        && std::any_of(interpreters.begin(), interpreters.end(),
                       [](const GilTrack::Interpreter& in) { return in.contends(); }))
        bits |= StatePalette::gilStrip;
    // Real CPython's threads: their waits are derived from the observed GIL.
    if (m_gil.samplingHz() > 0
        && std::any_of(interpreters.begin(), interpreters.end(),
                       [](const GilTrack::Interpreter& in) { return in.app && in.contends(); }))
        bits |= StatePalette::legendBit(WorkerState::WaitingGil);
    return bits;
}

// On screen, the legend takes at most a third of the view: the lanes are what the view is for
// (an export is as tall as its lanes and legend need). Where its rows would take more (a short
// view on a narrow presenter stage), it is set smaller, down to the window's own size; where
// even that takes more than half, it is left out.
double TimelineView::legendHeightWithin(TimelineLayout& l, const QRectF& rect, const QFont& base)
{
    auto height = [&](double scale) {
        return std::ceil(StatePalette::legendHeight(rect.width(), scale, base, l.legendShown));
    };
    double h = height(l.legendScale);
    const double smallest = std::min(1.0, l.legendScale);
    while (h > rect.height() / 3 && l.legendScale > smallest) {
        l.legendScale = std::max(smallest, l.legendScale * 0.85);
        h = height(l.legendScale);
    }
    if (h > rect.height() / 2) {
        l.legendShown = 0;
        return 0;
    }
    return h;
}

TimelineLayout TimelineView::layoutFor(const QRectF& rect, bool fitAllLanes, bool onScreen) const
{
    TimelineLayout l;
    const double s = m_scale;
    l.whole = rect;
    l.scale = s;
    l.legendScale = m_legendScale > 0 ? m_legendScale : s;
    const QFont base = font();
    l.nameFont = ChartStyle::pixelFont(base, 16 * s, true);
    l.detailFont = ChartStyle::pixelFont(base, 12 * s, false);
    l.axisFont = ChartStyle::pixelFont(base, 13 * s, false);
    l.barFont = ChartStyle::pixelFont(base, 12.5 * s, true);
    m_lanePainter.measure(l.barFont);

    const int count = m_model.laneCount();
    // Label column: wide enough for the longest label, within limits.
    const QFontMetricsF nameMetrics(l.nameFont);
    const QFontMetricsF detailMetrics(l.detailFont);
    layoutStrips(l);
    const double stripLabel = GilStripPainter::labelWidth(m_gil, l) - 20 * s; // no colour chip before it
    const double labelText = std::max({90 * s, stripLabel, m_labels.textWidth(m_model, m_scale, l.nameFont, l.detailFont)});
    double labelWidth = std::max(m_minLabelWidth, std::min(labelText + 26 * s, std::max(110 * s, rect.width() * 0.3)));
    // Names are not elided while they fit in 60 % of the width: the detail line gives way first.
    if (const double names = m_labels.nameWidth() + LaneLabels::padding(s); labelWidth < names)
        labelWidth = std::max(labelWidth, std::min(std::ceil(names) + 1, rect.width() * 0.6));
    l.plotLeft = std::round(rect.left() + labelWidth);
    l.plotRight = std::max(l.plotLeft + 10, std::round(rect.right() - 10 * s));

    const double axisH = m_axisShown ? std::round(QFontMetricsF(l.axisFont).height() + 14 * s) : 0.0;
    m_model.sync(); // the legend lists what occurs in the log
    l.legendShown = legendBits() | m_extraLegend;
    double legendH = 0;
    if (m_legendShown)
        legendH = onScreen && !m_legendSizedFor ? legendHeightWithin(l, rect, base)
                           : std::ceil(StatePalette::legendHeight(rect.width(), l.legendScale, base, l.legendShown));
    l.axis = QRectF(rect.left(), rect.top(), rect.width(), axisH);
    l.legend = QRectF(rect.left(), rect.bottom() - legendH, rect.width(), legendH);
    l.lanes = QRectF(rect.left(), l.axis.bottom(), rect.width(), std::max(0.0, l.legend.top() - l.axis.bottom()));

    l.laneHeight = std::round(42 * s);
    l.pitch = std::round(52 * s);
    const double stripShare = TimelineLayout::stripShare;
    l.stripPitch = l.stripLanes.empty() ? 0.0 : std::round(l.pitch * stripShare);
    l.stripHeight = std::round(14 * s);
    if (fitAllLanes && count > 0 && l.contentHeight(count) > l.lanes.height()) {
        const double strips = static_cast<double>(l.stripLanes.size()) * stripShare;
        // 1 px: a row still, as a line; closer than that, rows overlap (hundreds of lanes on a
        // small screen), each still a line.
        const double even = l.lanes.height() / (count + strips);
        l.pitch = even >= 1 ? std::floor(even) : std::max(0.25, even);
        l.laneHeight = std::max(1.0, std::round(l.pitch * 0.82));
        l.stripPitch = l.stripLanes.empty() ? 0.0 : std::floor(l.pitch * stripShare);
        l.stripHeight = std::max(1.0, std::round(l.laneHeight / 3));
        l.scrollY = 0;
    } else {
        const double overflow = std::max(0.0, l.contentHeight(count) + 4 * s - l.lanes.height());
        l.scrollY = fitAllLanes ? 0 : std::clamp(m_scrollY, 0.0, overflow);
    }
    const double needed = nameMetrics.height() + detailMetrics.height();
    l.details = l.laneHeight >= needed;
    if (l.laneHeight < nameMetrics.height()) // squeezed export: shrink the names to fit
        l.nameFont = ChartStyle::pixelFont(base, std::max(6.0, l.laneHeight * 0.8), true);
    return l;
}

void TimelineView::layoutStrips(TimelineLayout& l) const
{
    m_gil.sync(m_model.log().get(), m_live);
    for (const GilTrack::Interpreter& in : m_gil.interpreters())
        if (in.contends())
            l.stripLanes.push_back(in.firstLane());
    std::sort(l.stripLanes.begin(), l.stripLanes.end());
}

const TimelineLayout& TimelineView::layout() const
{
    m_model.sync();
    const std::uint64_t revision = m_model.shapeRevision();
    // The rect too: a hidden widget's resize() changes it before any resizeEvent.
    if (!m_layout || m_layoutRevision != revision || m_layout->whole != QRectF(rect())) {
        m_layoutRevision = revision;
        m_layout = layoutFor(QRectF(rect()), m_fitAllLanes, true);
    }
    return *m_layout;
}

void TimelineView::invalidateLayout()
{
    m_layout.reset();
}

TimelineViewport TimelineView::viewportFor(const TimelineLayout& layout, const TimelineFrame& frame) const
{
    TimelineViewport viewport = m_viewport;
    viewport.setWidthPx(layout.plotWidth());
    viewport.setLimitNs(m_shared ? m_sharedLimitNs : static_cast<double>(frame.untilNs));
    if (m_follow && !m_shared) {
        // Room on the right for the "✂ cut off" of daemons ended with main, i.e. at the very end.
        const double margin = 120 * m_scale;
        if (m_live)
            viewport.follow(static_cast<double>(frame.untilNs), margin);
        else
            viewport.fit(static_cast<double>(frame.untilNs), margin);
    } else if (!m_shared) {
        viewport.clamp();
    }
    return viewport;
}

void TimelineView::updateWindow()
{
    const TimelineFrame frame = snapshot();
    m_viewport = viewportFor(layout(), frame);
}

double TimelineView::plotXFromWidget(double x) const
{
    const TimelineLayout& l = layout();
    return std::clamp(x - l.plotLeft, 0.0, l.plotWidth());
}

// ---- painting --------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*)
{
    const TimelineFrame frame = snapshot();
    const TimelineLayout layout = this->layout();
    m_viewport = viewportFor(layout, frame);
    QPainter painter(this);
    paintTimeline(painter, layout, m_viewport, frame);

    // A slim scroll indicator when the lanes overflow.
    const double content = layout.contentHeight(frame.laneCount);
    if (content > layout.lanes.height() && content > 0) {
        const double h = layout.lanes.height();
        const double w = std::max(3.0, 4 * layout.scale);
        const QRectF thumb(layout.whole.right() - w - 1, layout.lanes.top() + layout.scrollY / content * h, w,
                           std::max(12.0, h * h / content));
        painter.fillRect(thumb, frame.muted);
    }
    // Focus visible: the keys (+, -, F) act on the view that has it.
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.backgroundColor = palette().color(QPalette::Base);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

void TimelineView::render(QPainter& painter, const QRectF& target) const
{
    const TimelineFrame frame = snapshot();
    const TimelineLayout layout = layoutFor(target, true);
    const TimelineViewport viewport = viewportFor(layout, frame);
    painter.save();
    painter.setClipRect(target, Qt::IntersectClip);
    paintTimeline(painter, layout, viewport, frame);
    painter.restore();
}

QImage TimelineView::renderImage(const QSize& logicalSize, qreal devicePixelRatio) const
{
    const qreal dpr = std::max<qreal>(0.25, devicePixelRatio);
    QImage image((QSizeF(logicalSize) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    render(painter, QRectF(QPointF(0, 0), QSizeF(logicalSize)));
    painter.end();
    return image;
}

QStringList TimelineView::gilNotesIn(const QRectF& target) const
{
    m_model.sync(); // the lanes counted as they are now
    return GilStripPainter::hiddenLabels(m_gil, layoutFor(target, true));
}

QRectF TimelineView::lanesRectIn(const QRectF& target) const
{
    m_model.sync(); // the lanes counted as they are now
    return layoutFor(target, true).lanes;
}

QRectF TimelineView::laneRectIn(const QRectF& target, int laneIndex) const
{
    return layoutFor(target, true).bar(laneIndex);
}

double TimelineView::xForTimeIn(const QRectF& target, double tNs) const
{
    const TimelineFrame frame = snapshot();
    const TimelineLayout layout = layoutFor(target, true);
    return layout.plotLeft + viewportFor(layout, frame).xForTime(tNs);
}

void TimelineView::setFitAllLanes(bool on)
{
    if (m_fitAllLanes == on)
        return;
    m_fitAllLanes = on;
    m_scrollY = 0;
    invalidateLayout();
    updateWindow();
    update();
}

QRectF TimelineView::laneRect(int laneIndex) const
{
    return layout().bar(laneIndex);
}

int TimelineView::contentHeight(int width) const
{
    const TimelineLayout l = layoutFor(QRectF(0, 0, width, 0), false);
    return static_cast<int>(
        std::ceil(l.axis.height() + l.contentHeight(m_model.laneCount()) + 4 * m_scale + l.legend.height()));
}

QSize TimelineView::sizeHint() const
{
    return QSize(900, std::clamp(contentHeight(900), 240, 800));
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(320, 160);
}

void TimelineView::paintTimeline(QPainter& painter, const TimelineLayout& l, const TimelineViewport& viewport,
                                 const TimelineFrame& f) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const std::pair<int, int> lanes = l.visibleLanes(f.laneCount);
    const QList<TimelineAxis::Tick> ticks = TimelineAxis::ticks(viewport, 110 * l.scale); // axis, grid, strips
    StripPainter strips;
    const bool useStrips = m_rasterShortcuts && beginStrips(strips, painter, l, f, ticks);
    paintBackground(painter, l, f, lanes, useStrips);
    if (f.laneCount > 0 && m_axisShown)
        paintAxis(painter, l, f, ticks);

    // Lane rows: backgrounds, grid, blocks and marks, clipped to the lanes' viewport.
    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);
    paintRows(painter, l, f, lanes, useStrips, ticks);
    painter.setClipRect(QRectF(l.plotLeft, l.lanes.top(), l.plotWidth() + 1, l.lanes.height()), Qt::IntersectClip);
    m_gilPainter.paintStrips(painter, l, viewport, m_gil, f); // under the joins and the live now line
    paintLanes(painter, l, viewport, f, lanes, useStrips ? &strips : nullptr);
    painter.restore();

    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);
    m_labels.paint(painter, l, f, m_model, useStrips);
    m_gilPainter.paintLabels(painter, l, m_gil, f);
    painter.restore();

    if (f.laneCount == 0 && !m_shared) {
        painter.setPen(f.muted);
        painter.setFont(ChartStyle::pixelFont(font(), 15 * l.scale, false));
        painter.drawText(l.lanes, Qt::AlignCenter, tr("Run a scenario: each worker gets its own lane here."));
    }
    if (m_legendShown)
        paintLegend(painter, l, f);
    painter.restore();
}

bool TimelineView::beginStrips(StripPainter& strips, const QPainter& painter, const TimelineLayout& l,
                               const TimelineFrame& f, const QList<TimelineAxis::Tick>& ticks) const
{
    std::vector<int> gridX;
    for (const TimelineAxis::Tick& tick : ticks)
        gridX.push_back(static_cast<int>(std::round(l.plotLeft + tick.x)));
    const QRectF lanesClip = l.lanes & QRectF(l.plotLeft, l.lanes.top(), l.plotWidth() + 1, l.lanes.height());
    return strips.begin(painter, static_cast<int>(l.plotLeft), static_cast<int>(l.plotWidth()), l.scale, f.base,
                        std::move(gridX), static_cast<int>(std::max(1.0, std::round(m_scale))), f.grid, lanesClip);
}

// The background. Strips and the row sides beside them cover the lanes' rows whole (on a
// whole-pixel layout): fill only between them, not the frame's every pixel twice.
void TimelineView::paintBackground(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f,
                                   std::pair<int, int> lanes, bool strips) const
{
    const bool wholePixels = QRectF(l.whole.toRect()) == l.whole && l.plotLeft == std::round(l.plotLeft)
        && l.plotRight == std::round(l.plotRight);
    if (!strips || !wholePixels || lanes.second < lanes.first) {
        painter.fillRect(l.whole, f.base);
        return;
    }
    double y = l.whole.top();
    for (int i = lanes.first; i <= lanes.second; ++i) {
        const QRectF bar = l.bar(i);
        const double top = std::max(bar.top(), l.lanes.top());
        const double bottom = std::min(bar.bottom(), l.lanes.bottom());
        if (bottom <= top)
            continue;
        if (top > y)
            painter.fillRect(QRectF(l.whole.left(), y, l.whole.width(), top - y), f.base);
        y = std::max(y, bottom);
    }
    if (l.whole.bottom() > y)
        painter.fillRect(QRectF(l.whole.left(), y, l.whole.width(), l.whole.bottom() - y), f.base);
}

void TimelineView::paintAxis(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f,
                             const QList<TimelineAxis::Tick>& ticks) const
{
    const double s = l.scale;
    const double lineW = std::max(1.0, std::round(s));
    painter.fillRect(QRectF(l.plotLeft, l.axis.bottom() - lineW, l.plotWidth(), lineW), f.text);

    painter.setFont(l.axisFont);
    const QFontMetricsF fm(l.axisFont);
    painter.setPen(f.muted);
    painter.drawText(QRectF(l.axis.left() + 8 * s, l.axis.top(), l.plotLeft - l.axis.left() - 16 * s,
                            l.axis.height() - 4 * s),
                     Qt::AlignRight | Qt::AlignVCenter, tr("time →"));
    painter.setPen(f.text);
    double lastRight = -1e9;
    for (const TimelineAxis::Tick& tick : ticks) {
        const double x = std::round(l.plotLeft + tick.x);
        painter.fillRect(QRectF(x, l.axis.bottom() - 7 * s, lineW, 7 * s), f.text);
        const double w = fm.horizontalAdvance(tick.label);
        double left = std::clamp(x - w / 2, l.plotLeft, l.plotRight - w);
        if (left < lastRight + 8 * s)
            continue;
        painter.drawText(QPointF(left, l.axis.bottom() - 10 * s - fm.descent()), tick.label);
        lastRight = left + w;
    }
}

// Each visible lane's row background (beside the plot only where strips cover the plot, row
// background included) and the grid lines.
void TimelineView::paintRows(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f,
                             std::pair<int, int> lanes, bool strips, const QList<TimelineAxis::Tick>& ticks) const
{
    const auto [firstLane, lastLane] = lanes;
    for (int i = firstLane; i <= lastLane; ++i) {
        const QRectF bar = l.bar(i);
        const QColor& rowBg = f.rowBackground(i);
        if (!strips) {
            painter.fillRect(QRectF(l.whole.left(), bar.top(), l.whole.width(), bar.height()), rowBg);
            continue;
        }
        painter.fillRect(QRectF(l.whole.left(), bar.top(), l.plotLeft - l.whole.left(), bar.height()), rowBg);
        const double right = l.plotLeft + l.plotWidth();
        painter.fillRect(QRectF(right, bar.top(), l.whole.right() - right, bar.height()), rowBg);
    }
    if (lastLane < firstLane)
        return;
    const double lanesBottom = std::min(l.lanes.bottom(), l.bar(lastLane).bottom());
    const double lineW = std::max(1.0, std::round(m_scale));
    for (const TimelineAxis::Tick& tick : ticks) {
        const double x = std::round(l.plotLeft + tick.x);
        painter.fillRect(QRectF(x, l.lanes.top(), lineW, lanesBottom - l.lanes.top()), f.grid);
    }
}

// The lanes' bars, the join connectors and, while live, a dashed line at now.
void TimelineView::paintLanes(QPainter& painter, const TimelineLayout& l, const TimelineViewport& viewport,
                              const TimelineFrame& f, std::pair<int, int> lanes, StripPainter* strips) const
{
    const LanePainter::Scene scene {l, viewport, m_model, f, &m_gil};
    for (int i = lanes.first; i <= lanes.second; ++i) {
        const QRectF bar = l.bar(i);
        if (strips)
            strips->start(static_cast<int>(bar.top()), static_cast<int>(bar.height()), f.rowBackground(i));
        m_lanePainter.paintLane(painter, scene, i, bar, strips);
    }
    m_lanePainter.paintJoins(painter, scene);
    m_lostUpdates.paint(painter, scene);
    if (m_live && f.log) {
        const double x = std::round(l.plotLeft + viewport.xForTime(static_cast<double>(f.untilNs)));
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(f.muted, std::max(1.0, l.scale), Qt::DashLine));
        painter.drawLine(QPointF(x, l.lanes.top()), QPointF(x, l.lanes.bottom()));
    }
}

// The legend, separated from the lanes by a rule.
void TimelineView::paintLegend(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f) const
{
    painter.fillRect(QRectF(l.legend.left(), l.legend.top(), l.legend.width(), std::max(1.0, std::round(l.scale))),
                     f.grid);
    painter.setPen(f.text);
    painter.setBackground(f.base);
    painter.setFont(font());
    StatePalette::paintLegend(painter, l.legend, l.legendScale, l.legendShown);
}

// ---- interaction -----------------------------------------------------------------------------

void TimelineView::zoomBy(double factor, double plotX)
{
    updateWindow();
    m_follow = false;
    m_viewport.zoomAt(plotX, factor);
    pickedWindow();
    update();
}

void TimelineView::pickedWindow()
{
    if (m_shared)
        Q_EMIT windowPicked(m_viewport.t0Ns(), m_viewport.t1Ns());
}

void TimelineView::scrollLanes(double dy)
{
    const TimelineLayout& l = layout();
    const double overflow = std::max(0.0, l.contentHeight(m_model.laneCount()) + 4 * m_scale - l.lanes.height());
    m_scrollY = std::clamp(m_scrollY + dy, 0.0, overflow);
    invalidateLayout();
    update();
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    invalidateLayout();
    updateWindow();
}

void TimelineView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        invalidateLayout();
    QWidget::changeEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const int d = delta.y() != 0 ? delta.y() : delta.x();
    if (d == 0) {
        event->ignore();
        return;
    }
    const TimelineLayout l = layout();
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, d), plotXFromWidget(event->position().x()));
    } else if ((mods & Qt::ShiftModifier) || (delta.x() != 0 && delta.y() == 0)) {
        updateWindow();
        m_follow = false;
        m_viewport.panByPx(-d / 120.0 * l.plotWidth() / 10);
        pickedWindow();
        update();
    } else {
        if (l.contentHeight(m_model.laneCount()) <= l.lanes.height()) {
            event->ignore(); // nothing to scroll: let an enclosing scroll area have it
            return;
        }
        scrollLanes(-d / 120.0 * l.pitch);
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragLast = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        const QPoint p = event->position().toPoint();
        const QPoint d = p - m_dragLast;
        m_dragLast = p;
        if (d.x() != 0) {
            if (m_follow)
                updateWindow();
            m_follow = false;
            m_viewport.panByPx(-d.x());
            pickedWindow();
        }
        if (d.y() != 0)
            scrollLanes(-d.y());
        update();
        event->accept();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        fit();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_F:
    case Qt::Key_0:
        fit();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

QString TimelineView::toolTipAt(const QPoint& pos) const
{
    if (!m_model.log())
        return {};
    const TimelineFrame f = snapshot();
    const TimelineLayout l = layout();
    if (!l.lanes.contains(pos) || l.pitch <= 0)
        return {};
    bool inStrip = false;
    const int i = l.laneAt(pos.y(), f.laneCount, &inStrip);
    if (i < 0 || i >= f.laneCount)
        return {};
    const double px = pos.x() - l.plotLeft;
    const auto tAbs = f.originNs + static_cast<std::int64_t>(std::llround(m_viewport.timeForX(px)));
    const auto reach = static_cast<std::int64_t>(std::ceil(5 * l.scale * m_viewport.nsPerPx()));
    if (inStrip) {
        const int interpreter = m_gil.interpreterOf(i);
        if (interpreter < 0)
            return {};
        return pos.x() < l.plotLeft ? GilStripPainter::label(m_gil, interpreter)
                                    : GilStripPainter::toolTip(m_gil, m_model, f, interpreter, tAbs, reach);
    }
    const QRectF bar = l.bar(i);
    if (pos.y() < bar.top() || pos.y() > bar.bottom())
        return {};
    if (pos.x() < l.plotLeft)
        return LaneToolTip::forLabel(m_model, f, i);
    if (const GilHolders* observed = m_gil.observedHoldersOf(i)) {
        const TimelineModel::StateAt state = m_model.stateAt(f, i, tAbs);
        const bool running = state.kind == TimelineModel::StateAt::Interval && state.event->state == WorkerState::Running;
        if (const auto held = running ? GilWaits::otherHolderAt(*observed, i, tAbs) : std::nullopt)
            return LaneToolTip::forObservedGilWait(m_model, f, i, *held, m_gil.samplingHz());
    }
    return LaneToolTip::forBar(m_model, f, i, tAbs, reach);
}

} // namespace ThreadLab
