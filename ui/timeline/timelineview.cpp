#include "timeline/timelineview.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/lanefolder.h"
#include "tasks/monoclock.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "results/variantresult.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QToolTip>
#include <QVarLengthArray>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace ThreadLab {

namespace {

constexpr double keyZoomFactor = 1.5;

// Paints folds of narrow intervals as stacked bands, one per state, as tall as its share of time,
// with as few fills as give the same picture: zoomed out, a lane is ~150 folds of 2–4 bands each
// and every fill costs about as much as the event walk behind it. A run of adjacent folds gets
// one fill for the state most of them end with (every fold's bands cover it whole, opaquely) and
// a band on the same rows as its left neighbour's band of that state widens that one. Patterns
// are anchored to the painter's origin, so wider fills draw the very same pixels. Not for the
// start-up states: their line and outline are drawn per rectangle.
class FoldPainter
{
public:
    FoldPainter(QPainter& painter, double scale, const QColor& base)
        : m_painter(painter)
        , m_scale(scale)
        , m_base(base)
    {
    }

    void add(const QRectF& r, const std::array<double, workerStateCount>& stateNs)
    {
        if (!m_run.empty() && m_run.back().rect.right() != r.left())
            finish();
        Fold fold {r, {}};
        double total = 0;
        for (double ns : stateNs)
            total += ns;
        double cum = 0;
        double y = r.top();
        for (int st = 0; st < workerStateCount; ++st) {
            const double ns = stateNs[static_cast<std::size_t>(st)];
            if (ns <= 0)
                continue;
            cum += ns;
            const double yEnd = std::round(r.top() + cum / total * r.height());
            if (yEnd > y)
                fold.bands.push_back({QRectF(r.left(), y, r.width(), yEnd - y), static_cast<WorkerState>(st)});
            y = yEnd;
        }
        m_run.push_back(std::move(fold));
    }

    void finish()
    {
        if (m_run.empty())
            return;
        std::array<int, workerStateCount> endsWith {};
        for (const Fold& fold : m_run)
            if (!fold.bands.empty() && widens(fold.bands.back().state))
                ++endsWith[static_cast<std::size_t>(fold.bands.back().state)];
        const auto under = static_cast<int>(std::max_element(endsWith.begin(), endsWith.end()) - endsWith.begin());
        const bool shared = endsWith[static_cast<std::size_t>(under)] > 1;
        if (shared) {
            const QRectF all(m_run.front().rect.topLeft(), m_run.back().rect.bottomRight());
            StatePalette::paintState(m_painter, all, static_cast<WorkerState>(under), m_scale, m_base);
        }
        std::array<QRectF, workerStateCount> pending {};
        for (const Fold& fold : m_run) {
            for (const Band& band : fold.bands) {
                if (shared && &band == &fold.bands.back() && static_cast<int>(band.state) == under)
                    continue;
                QRectF& p = pending[static_cast<std::size_t>(band.state)];
                if (widens(band.state) && !p.isEmpty() && p.right() == band.rect.left() && p.top() == band.rect.top()
                    && p.bottom() == band.rect.bottom()) {
                    p.setRight(band.rect.right());
                    continue;
                }
                paint(p, band.state);
                p = band.rect;
            }
        }
        for (int st = 0; st < workerStateCount; ++st)
            paint(pending[static_cast<std::size_t>(st)], static_cast<WorkerState>(st));
        m_run.clear();
    }

private:
    struct Band
    {
        QRectF rect;
        WorkerState state;
    };
    struct Fold
    {
        QRectF rect;
        QVarLengthArray<Band, 4> bands;
    };

    static bool widens(WorkerState state) { return StatePalette::pattern(state) != Qt::NoBrush; }
    void paint(const QRectF& r, WorkerState state)
    {
        if (!r.isEmpty())
            StatePalette::paintState(m_painter, r, state, m_scale, m_base);
    }

    QPainter& m_painter;
    const double m_scale;
    const QColor m_base;
    std::vector<Fold> m_run;
};

} // namespace

// Paints a lane's state blocks as pixels: zoomed out, a lane is ~150 folds of 2–4 bands each,
// and a fill through QPainter costs 0.3–0.7 µs whatever its size, which made painting the folds
// the larger part of a frame. Here a lane is a strip of device pixels the width of the plot,
// written row by row (solid colours, the very pattern tiles paintState fills with, anchored at
// the painter's origin the same way, and the row background and grid lines where no block is)
// and drawn with one drawImage: the same pixels as filling every block and band with
// paintState. Only on raster targets whose device transform is a whole-pixel translation and an
// integer pixel ratio; the start-up states (a line, an outline) are left to paintState.
class TimelineView::StripPainter
{
public:
    // Whether `painter` can take strips of `width` logical pixels from x = left; sets up the
    // mapping to its device pixels. The grid lines at gridX (logical, gridW wide) are in `grid`.
    // Strips go through one drawImage each, or, on an image (an export, the bench), straight into
    // its pixels where they lie wholly inside `lanesClip` and the painter's clip: the same pixels
    // without writing them twice.
    bool begin(const QPainter& painter, int left, int width, double scale, const QColor& base,
               std::vector<int> gridX, int gridW, const QColor& grid, const QRectF& lanesClip)
    {
        const QPaintEngine* engine = painter.paintEngine();
        if (!engine || engine->type() != QPaintEngine::Raster || !painter.device() || width <= 0)
            return false;
        const qreal dpr = painter.device()->devicePixelRatio();
        const QTransform t = painter.deviceTransform();
        if (dpr < 1 || dpr != std::round(dpr) || t.type() > QTransform::TxScale || t.m11() != dpr || t.m22() != dpr
            || t.dx() != std::round(t.dx()) || t.dy() != std::round(t.dy()))
            return false;
        m_dpr = static_cast<int>(dpr);
        m_originX = static_cast<int>(t.dx());
        m_originY = static_cast<int>(t.dy());
        m_left = left;
        m_width = width * m_dpr;
        m_scale = scale;
        m_base = base;
        m_gridX = std::move(gridX);
        m_gridW = gridW;
        m_grid = grid.rgb();
        m_target = nullptr;
        if (painter.device()->devType() == QInternal::Image) {
            auto* image = static_cast<QImage*>(painter.device());
            const QImage::Format format = image->format();
            // Opaque pixels are the same words in all three formats.
            if (format == QImage::Format_RGB32 || format == QImage::Format_ARGB32
                || format == QImage::Format_ARGB32_Premultiplied) {
                m_target = image;
                m_directClip = lanesClip;
                if (painter.hasClipping()) {
                    const QRegion clip = painter.clipRegion();
                    m_directClip = clip.rectCount() == 1 ? m_directClip & QRectF(clip.boundingRect()) : QRectF();
                }
            }
        }
        for (int st = 0; st < workerStateCount; ++st) {
            const auto state = static_cast<WorkerState>(st);
            m_solid[static_cast<std::size_t>(st)] = StatePalette::color(state).rgb();
            m_startUp[static_cast<std::size_t>(st)] = StatePalette::pattern(state) == Qt::NoBrush;
        }
        return true;
    }

    // A new lane over rows [top, top + height) (logical, whole numbers) on `background`.
    void start(int top, int height, const QColor& background)
    {
        m_top = top;
        m_height = height;
        m_background = background.rgb();
        const QRect device(m_originX + m_left * m_dpr, m_originY + top * m_dpr, m_width, height * m_dpr);
        m_direct = m_target && m_directClip.contains(QRectF(m_left, top, m_width / m_dpr, height))
            && m_target->rect().contains(device);
        if (m_direct) {
            // constBits: the painter's buffer itself (bits() could detach a shared image from it).
            m_stride = static_cast<int>(m_target->bytesPerLine() / sizeof(QRgb));
            m_bits = reinterpret_cast<QRgb*>(const_cast<uchar*>(m_target->constBits())) + device.y() * m_stride
                + device.x();
        } else {
            const QSize size(m_width, height * m_dpr);
            if (m_image.size() != size) {
                m_image = QImage(size, QImage::Format_RGB32);
                m_image.setDevicePixelRatio(m_dpr);
            }
            m_bits = reinterpret_cast<QRgb*>(m_image.bits());
            m_stride = static_cast<int>(m_image.bytesPerLine() / sizeof(QRgb));
        }
        m_filledTo = 0;
        m_startUpRects.clear();
    }

    // A block of one state, or a fold's bands stacked by their share of time as FoldPainter
    // stacks them; columns [x0, x1) from the plot's left, in logical pixels, left to right.
    void fillBlock(int x0, int x1, const TimelineBlock& b)
    {
        x0 = std::max(x0, m_filledTo);
        if (x1 <= x0)
            return;
        background(m_filledTo, x0, 0, m_height);
        m_filledTo = x1;
        if (!b.mixed()) {
            fill(x0, x1, 0, m_height, b.state);
            return;
        }
        double total = 0;
        for (double ns : b.stateNs)
            total += ns;
        double cum = 0;
        int y = 0;
        for (int st = 0; st < workerStateCount; ++st) {
            const double ns = b.stateNs[static_cast<std::size_t>(st)];
            if (ns <= 0)
                continue;
            cum += ns;
            const int yEnd = static_cast<int>(std::round(m_top + cum / total * m_height)) - m_top;
            if (yEnd > y)
                fill(x0, x1, y, yEnd, static_cast<WorkerState>(st));
            y = yEnd;
        }
    }

    void finish(QPainter& painter)
    {
        background(m_filledTo, m_width / m_dpr, 0, m_height);
        if (!m_direct)
            painter.drawImage(QPointF(m_left, m_top), m_image);
        for (const auto& [rect, state] : m_startUpRects)
            StatePalette::paintState(painter, rect, state, m_scale, m_base);
    }

private:
    // Columns [x0, x1) and rows [y0, y1) in logical pixels relative to the strip.
    void fill(int x0, int x1, int y0, int y1, WorkerState state)
    {
        const auto k = static_cast<std::size_t>(state);
        if (m_startUp[k]) {
            background(x0, x1, y0, y1);
            m_startUpRects.push_back({QRectF(m_left + x0, m_top + y0, x1 - x0, y1 - y0), state});
            return;
        }
        const std::vector<QRgb>& rows = patternRows(state);
        const int cx0 = x0 * m_dpr;
        const int cx1 = std::min(m_width, x1 * m_dpr);
        if (rows.empty()) {
            for (int row = y0 * m_dpr; row < y1 * m_dpr; ++row)
                std::fill(m_bits + row * m_stride + cx0, m_bits + row * m_stride + cx1, m_solid[k]);
            return;
        }
        const int th = static_cast<int>(rows.size() / static_cast<std::size_t>(m_width));
        for (int row = y0 * m_dpr; row < y1 * m_dpr; ++row) {
            const QRgb* src = rows.data() + static_cast<std::size_t>(floorMod(m_top * m_dpr + row - m_originY, th)) * m_width;
            std::copy(src + cx0, src + cx1, m_bits + row * m_stride + cx0);
        }
    }

    // What lies under the lane: the row's background and the grid lines.
    void background(int x0, int x1, int y0, int y1)
    {
        if (x1 <= x0)
            return;
        const int cx1 = std::min(m_width, x1 * m_dpr);
        for (int row = y0 * m_dpr; row < y1 * m_dpr; ++row)
            std::fill(m_bits + row * m_stride + x0 * m_dpr, m_bits + row * m_stride + cx1, m_background);
        for (int gx : m_gridX) {
            const int g0 = std::max(x0, gx - m_left);
            const int g1 = std::min(x1, gx - m_left + m_gridW);
            if (g1 > g0)
                for (int row = y0 * m_dpr; row < y1 * m_dpr; ++row)
                    std::fill(m_bits + row * m_stride + g0 * m_dpr, m_bits + row * m_stride + std::min(m_width, g1 * m_dpr),
                              m_grid);
        }
    }

    // A patterned state's tile repeated across the strip, one row per tile row, shifted so that
    // column c of a row is the tile's pixel under the strip's column c: a band's row is then one
    // copy. Empty for the solid states.
    const std::vector<QRgb>& patternRows(WorkerState state)
    {
        const auto k = static_cast<std::size_t>(state);
        if (m_rowsMade[k])
            return m_rows[k];
        m_rowsMade[k] = true;
        const QImage tile = StatePalette::patternTile(state, m_scale, m_dpr, m_base);
        if (tile.isNull())
            return m_rows[k];
        const int tw = tile.width();
        std::vector<QRgb>& rows = m_rows[k];
        rows.resize(static_cast<std::size_t>(tile.height()) * static_cast<std::size_t>(m_width));
        for (int ty = 0; ty < tile.height(); ++ty) {
            const auto* src = reinterpret_cast<const QRgb*>(tile.constScanLine(ty));
            QRgb* dst = rows.data() + static_cast<std::size_t>(ty) * m_width;
            // The tile's pixel under device column X is (X - originX) mod tw.
            int tx = floorMod(m_left * m_dpr - m_originX, tw);
            for (int c = 0; c < m_width; ++c) {
                dst[c] = src[tx] | 0xFF000000u;
                if (++tx == tw)
                    tx = 0;
            }
        }
        return rows;
    }

    static int floorMod(int a, int n)
    {
        const int m = a % n;
        return m < 0 ? m + n : m;
    }

    int m_dpr = 1;
    int m_originX = 0;
    int m_originY = 0;
    int m_left = 0;
    int m_width = 0; // device pixels
    double m_scale = 1;
    QColor m_base;
    std::vector<int> m_gridX;
    int m_gridW = 1;
    QRgb m_grid = 0;
    std::array<QRgb, workerStateCount> m_solid {};
    std::array<bool, workerStateCount> m_startUp {};
    std::array<std::vector<QRgb>, workerStateCount> m_rows;
    std::array<bool, workerStateCount> m_rowsMade {};

    int m_top = 0;
    int m_height = 0;
    QRgb m_background = 0;
    QImage m_image;
    QImage* m_target = nullptr; // the painter's image, if it is one strips can be written into
    QRectF m_directClip;        // where (logical)
    bool m_direct = false;      // this lane's strip is written into m_target
    QRgb* m_bits = nullptr;
    int m_stride = 0;
    int m_filledTo = 0; // logical columns [0, m_filledTo) are written
    std::vector<std::pair<QRectF, WorkerState>> m_startUpRects;
};

struct TimelineView::Layout
{
    QRectF whole;
    QRectF axis;   // tick labels, above the lanes
    QRectF lanes;  // the lane rows' viewport, full width
    QRectF legend;
    std::uint32_t legendShown = StatePalette::everything;
    double plotLeft = 0;
    double plotRight = 0;
    double laneHeight = 0;
    double pitch = 0;
    double scrollY = 0;
    double scale = 1;
    bool details = true; // room for the second label line (kind, pid, daemon)
    QFont nameFont;
    QFont detailFont;
    QFont axisFont;
    QFont barFont;

    double plotWidth() const { return plotRight - plotLeft; }
    QRectF bar(int lane) const
    {
        const double top = std::round(lanes.top() + lane * pitch - scrollY + (pitch - laneHeight) / 2);
        return QRectF(plotLeft, top, plotWidth(), std::max(1.0, std::round(laneHeight)));
    }
};

struct TimelineView::Frame
{
    const EventLog* log = nullptr;
    int laneCount = 0;
    std::vector<std::size_t> sizes; // events per lane when the frame began
    std::int64_t originNs = 0;
    std::int64_t untilNs = 0; // open intervals last until here (since the origin)
    QColor base;
    QColor text;
    QColor window;
    QColor muted;
    QColor grid;
    QColor rowA;
    QColor rowB;
};

TimelineView::TimelineView(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

TimelineView::~TimelineView() = default;

void TimelineView::setLog(std::shared_ptr<const EventLog> log)
{
    m_log = std::move(log);
    m_index.clear();
    m_labelImage = QImage();
    m_legendShown = 0;
    m_labelMeasuredLanes = 0;
    m_labelTextWidth = 0;
    m_follow = true;
    m_scrollY = 0;
    m_viewport = TimelineViewport();
    update();
}

std::shared_ptr<const EventLog> TimelineView::log() const
{
    return m_log;
}

void TimelineView::setLive(bool live)
{
    m_live = live;
    updateWindow();
    update();
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
    m_follow = true;
    updateWindow();
    update();
}

void TimelineView::setScale(double presenterScale)
{
    m_scale = std::clamp(presenterScale, 0.5, 4.0);
    updateGeometry();
    updateWindow();
    update();
}

// ---- snapshot and layout ---------------------------------------------------------------------

void TimelineView::syncIndex() const
{
    const EventLog* log = m_log.get();
    if (!log)
        return;
    const int count = log->laneCount();
    if (static_cast<int>(m_index.size()) < count)
        m_index.resize(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const Lane* lane = log->lane(i);
        LaneIndex& idx = m_index[static_cast<std::size_t>(i)];
        const std::size_t n = lane->size();
        for (std::size_t k = idx.scanned; k < n; ++k) {
            const Event& e = lane->at(k);
            switch (e.kind) {
            case EventKind::State: m_legendShown |= StatePalette::legendBit(e.state); break;
            case EventKind::Output: m_legendShown |= StatePalette::outputMark; break;
            case EventKind::QueuePut: m_legendShown |= StatePalette::queuePutMark; break;
            case EventKind::QueueGet: m_legendShown |= StatePalette::queueGetMark; break;
            }
            if (e.kind == EventKind::State) {
                if (!idx.joins.empty() && idx.joins.back().endNs < 0 && idx.joins.back().event < k)
                    idx.joins.back().endNs = e.tNs; // the join returned
                if (isTerminal(e.state)) {
                    if (idx.endNs < 0)
                        idx.endNs = e.tNs;
                    idx.outcome = e.state; // a later terminal overrules (see WorkerResult::fromLane)
                } else if (e.state == WorkerState::WaitingJoin && idx.endNs < 0) {
                    idx.joins.push_back({static_cast<std::uint32_t>(k), -1});
                }
            } else if (idx.endNs < 0) {
                idx.marks.push_back(static_cast<std::uint32_t>(k));
            }
        }
        idx.summary.extend(*lane, n);
        idx.scanned = std::max(idx.scanned, n);
    }
}

std::size_t TimelineView::indexMemoryBytes() const
{
    std::size_t bytes = m_index.capacity() * sizeof(LaneIndex);
    for (const LaneIndex& idx : m_index)
        bytes += idx.marks.capacity() * sizeof(std::uint32_t) + idx.joins.capacity() * sizeof(Join)
            + idx.summary.memoryBytes() - sizeof(LaneSummary);
    return bytes;
}

TimelineView::Frame TimelineView::snapshot() const
{
    Frame f;
    const QPalette& pal = palette();
    f.base = pal.color(QPalette::Base);
    f.text = pal.color(QPalette::Text);
    f.window = pal.color(QPalette::Window);
    f.muted = StatePalette::blend(f.text, f.base, 0.62);
    f.grid = StatePalette::blend(f.text, f.base, 0.16);
    f.rowA = StatePalette::blend(f.text, f.base, 0.05);
    f.rowB = StatePalette::blend(f.text, f.base, 0.085);

    f.log = m_log.get();
    if (!f.log)
        return f;
    f.originNs = f.log->originNs();
    f.laneCount = f.log->laneCount();
    f.sizes.resize(static_cast<std::size_t>(f.laneCount));
    std::int64_t last = f.originNs;
    for (int i = 0; i < f.laneCount; ++i) {
        const Lane* lane = f.log->lane(i);
        const std::size_t n = lane->size();
        f.sizes[static_cast<std::size_t>(i)] = n;
        if (n)
            last = std::max(last, lane->at(n - 1).tNs);
    }
    if (m_live)
        last = std::max(last, MonoClock::nowNs());
    f.untilNs = last - f.originNs;
    syncIndex();
    return f;
}

QString TimelineView::laneDetail(int laneIndex, bool pidPlaceholder) const
{
    const Lane* lane = m_log->lane(laneIndex);
    const LaneInfo& info = lane->info();
    QString detail;
    switch (info.kind) {
    case LaneKind::Main: detail = tr("main thread"); break;
    case LaneKind::Thread: detail = tr("thread"); break;
    case LaneKind::Process:
        if (pidPlaceholder)
            detail = tr("process · pid %1").arg(QStringLiteral("0000000"));
        else
            detail = lane->pid() > 0 ? tr("process · pid %1").arg(lane->pid()) : tr("process");
        break;
    }
    if (info.daemon)
        detail += tr(" · daemon");
    if (!info.style.isEmpty())
        detail += QStringLiteral(" · ") + info.style;
    return detail;
}

double TimelineView::labelTextWidth(const QFont& nameFont, const QFont& detailFont) const
{
    const int count = m_log ? m_log->laneCount() : 0;
    if (m_labelMeasuredScale != m_scale || count < m_labelMeasuredLanes) {
        m_labelMeasuredScale = m_scale;
        m_labelMeasuredLanes = 0;
        m_labelTextWidth = 0;
    }
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF detailMetrics(detailFont);
    for (int i = m_labelMeasuredLanes; i < count; ++i) {
        m_labelTextWidth = std::max(m_labelTextWidth, nameMetrics.horizontalAdvance(m_log->lane(i)->info().name));
        m_labelTextWidth = std::max(m_labelTextWidth, detailMetrics.horizontalAdvance(laneDetail(i, true)));
    }
    m_labelMeasuredLanes = count;
    return m_labelTextWidth;
}

TimelineView::Layout TimelineView::layoutFor(const QRectF& rect, bool fitAllLanes) const
{
    Layout l;
    const double s = m_scale;
    l.whole = rect;
    l.scale = s;
    const QFont base = font();
    l.nameFont = ChartStyle::pixelFont(base, 16 * s, true);
    l.detailFont = ChartStyle::pixelFont(base, 12 * s, false);
    l.axisFont = ChartStyle::pixelFont(base, 13 * s, false);
    l.barFont = ChartStyle::pixelFont(base, 12.5 * s, true);
    if (m_barLabels.font != l.barFont || m_barLabels.textHeight == 0) {
        // Measured once per font, not on every paint (layoutFor runs several times a frame).
        const QFontMetricsF barMetrics(l.barFont);
        m_barLabels.font = l.barFont;
        m_barLabels.textHeight = barMetrics.height();
        for (int st = 0; st < workerStateCount; ++st) {
            const auto state = static_cast<WorkerState>(st);
            m_barLabels.labelWidth[static_cast<std::size_t>(st)] = barMetrics.horizontalAdvance(StatePalette::label(state));
            m_barLabels.shortLabelWidth[static_cast<std::size_t>(st)] =
                barMetrics.horizontalAdvance(StatePalette::shortLabel(state));
        }
    }

    const int count = m_log ? m_log->laneCount() : 0;
    // Label column: wide enough for the longest label, within limits.
    const QFontMetricsF nameMetrics(l.nameFont);
    const QFontMetricsF detailMetrics(l.detailFont);
    const double labelText = std::max(90 * s, labelTextWidth(l.nameFont, l.detailFont));
    const double labelWidth = std::min(labelText + 26 * s, std::max(110 * s, rect.width() * 0.3));
    l.plotLeft = std::round(rect.left() + labelWidth);
    l.plotRight = std::max(l.plotLeft + 10, std::round(rect.right() - 10 * s));

    const double axisH = std::round(QFontMetricsF(l.axisFont).height() + 14 * s);
    syncIndex(); // the legend lists what occurs in the log
    const std::uint32_t shown = m_log ? m_legendShown : StatePalette::everything;
    l.legendShown = shown;
    const double legendH = std::ceil(StatePalette::legendHeight(rect.width(), s, base, shown));
    l.axis = QRectF(rect.left(), rect.top(), rect.width(), axisH);
    l.legend = QRectF(rect.left(), rect.bottom() - legendH, rect.width(), legendH);
    l.lanes = QRectF(rect.left(), l.axis.bottom(), rect.width(), std::max(0.0, l.legend.top() - l.axis.bottom()));

    l.laneHeight = std::round(42 * s);
    l.pitch = std::round(52 * s);
    if (fitAllLanes && count > 0 && count * l.pitch > l.lanes.height()) {
        l.pitch = std::max(2.0, std::floor(l.lanes.height() / count));
        l.laneHeight = std::max(1.0, std::round(l.pitch * 0.82));
        l.scrollY = 0;
    } else {
        const double overflow = std::max(0.0, count * l.pitch + 4 * s - l.lanes.height());
        l.scrollY = fitAllLanes ? 0 : std::clamp(m_scrollY, 0.0, overflow);
    }
    const double needed = nameMetrics.height() + detailMetrics.height();
    l.details = l.laneHeight >= needed;
    if (l.laneHeight < nameMetrics.height()) // squeezed export: shrink the names to fit
        l.nameFont = ChartStyle::pixelFont(base, std::max(6.0, l.laneHeight * 0.8), true);
    return l;
}

TimelineViewport TimelineView::viewportFor(const Layout& layout, const Frame& frame) const
{
    TimelineViewport math = m_viewport;
    math.setWidthPx(layout.plotWidth());
    math.setLimitNs(static_cast<double>(frame.untilNs));
    if (m_follow) {
        // Room on the right for the "✂ cut off" of daemons ended with main, i.e. at the very end.
        const double margin = 120 * m_scale;
        if (m_live)
            math.follow(static_cast<double>(frame.untilNs), margin);
        else
            math.fit(static_cast<double>(frame.untilNs), margin);
    } else {
        math.clamp();
    }
    return math;
}

void TimelineView::updateWindow()
{
    const Frame frame = snapshot();
    m_viewport = viewportFor(layoutFor(QRectF(rect()), false), frame);
}

double TimelineView::plotXFromWidget(double x) const
{
    const Layout l = layoutFor(QRectF(rect()), false);
    return std::clamp(x - l.plotLeft, 0.0, l.plotWidth());
}

// ---- painting --------------------------------------------------------------------------------

void TimelineView::paintEvent(QPaintEvent*)
{
    const Frame frame = snapshot();
    const Layout layout = layoutFor(QRectF(rect()), false);
    m_viewport = viewportFor(layout, frame);
    QPainter painter(this);
    paintTimeline(painter, layout, m_viewport, frame);

    // A slim scroll indicator when the lanes overflow.
    const double content = frame.laneCount * layout.pitch;
    if (content > layout.lanes.height() && content > 0) {
        const double h = layout.lanes.height();
        const double w = std::max(3.0, 4 * layout.scale);
        const QRectF thumb(layout.whole.right() - w - 1, layout.lanes.top() + layout.scrollY / content * h, w,
                           std::max(12.0, h * h / content));
        painter.fillRect(thumb, frame.muted);
    }
}

void TimelineView::render(QPainter& painter, const QRectF& target) const
{
    const Frame frame = snapshot();
    const Layout layout = layoutFor(target, true);
    const TimelineViewport math = viewportFor(layout, frame);
    painter.save();
    painter.setClipRect(target, Qt::IntersectClip);
    paintTimeline(painter, layout, math, frame);
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

QRectF TimelineView::laneRectIn(const QRectF& target, int laneIndex) const
{
    return layoutFor(target, true).bar(laneIndex);
}

double TimelineView::xForTimeIn(const QRectF& target, double tNs) const
{
    const Frame frame = snapshot();
    const Layout layout = layoutFor(target, true);
    return layout.plotLeft + viewportFor(layout, frame).xForTime(tNs);
}

int TimelineView::contentHeight(int width) const
{
    const Layout l = layoutFor(QRectF(0, 0, width, 0), false);
    const int count = m_log ? m_log->laneCount() : 0;
    return static_cast<int>(std::ceil(l.axis.height() + count * l.pitch + 4 * m_scale + l.legend.height()));
}

QSize TimelineView::sizeHint() const
{
    return QSize(900, std::clamp(contentHeight(900), 240, 800));
}

QSize TimelineView::minimumSizeHint() const
{
    return QSize(320, 160);
}

void TimelineView::paintTimeline(QPainter& painter, const Layout& l, const TimelineViewport& math, const Frame& f) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    int firstLane = 0;
    int lastLane = -1;
    if (f.laneCount > 0 && l.pitch > 0) {
        firstLane = std::clamp(static_cast<int>(std::floor(l.scrollY / l.pitch)), 0, f.laneCount - 1);
        lastLane = std::clamp(static_cast<int>(std::ceil((l.scrollY + l.lanes.height()) / l.pitch)), 0, f.laneCount - 1);
    }
    StripPainter strips;
    bool useStrips = false;
    const QList<TimelineAxis::Tick> ticks = TimelineAxis::ticks(math, 110 * l.scale); // axis, grid lines and strips
    if (m_rasterShortcuts) {
        std::vector<int> gridX;
        for (const TimelineAxis::Tick& tick : ticks)
            gridX.push_back(static_cast<int>(std::round(l.plotLeft + tick.x)));
        const QRectF lanesClip = l.lanes & QRectF(l.plotLeft, l.lanes.top(), l.plotWidth() + 1, l.lanes.height());
        useStrips = strips.begin(painter, static_cast<int>(l.plotLeft), static_cast<int>(l.plotWidth()), l.scale,
                                 f.base, std::move(gridX), static_cast<int>(std::max(1.0, std::round(m_scale))), f.grid,
                                 lanesClip);
    }
    // The background. Strips and the row sides beside them cover the lanes' rows whole (on a
    // whole-pixel layout): fill only between them, not the frame's every pixel twice.
    const bool wholePixels = QRectF(l.whole.toRect()) == l.whole && l.plotLeft == std::round(l.plotLeft)
        && l.plotRight == std::round(l.plotRight);
    if (useStrips && wholePixels && lastLane >= firstLane) {
        double y = l.whole.top();
        for (int i = firstLane; i <= lastLane; ++i) {
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
    } else {
        painter.fillRect(l.whole, f.base);
    }

    if (f.laneCount > 0)
        paintAxis(painter, l, ticks);

    // Lane rows: backgrounds, grid, blocks and marks, clipped to the lanes' viewport.
    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);
    for (int i = firstLane; i <= lastLane; ++i) {
        const QRectF bar = l.bar(i);
        const QColor& rowBg = i % 2 ? f.rowB : f.rowA;
        if (!useStrips) {
            painter.fillRect(QRectF(l.whole.left(), bar.top(), l.whole.width(), bar.height()), rowBg);
            continue;
        }
        // The lane's strip will cover the plot, row background included: only the sides here.
        painter.fillRect(QRectF(l.whole.left(), bar.top(), l.plotLeft - l.whole.left(), bar.height()), rowBg);
        const double right = l.plotLeft + l.plotWidth();
        painter.fillRect(QRectF(right, bar.top(), l.whole.right() - right, bar.height()), rowBg);
    }
    if (lastLane >= firstLane) {
        const double lanesBottom = std::min(l.lanes.bottom(), l.bar(lastLane).bottom());
        const double lineW = std::max(1.0, std::round(m_scale));
        for (const TimelineAxis::Tick& tick : ticks) {
            const double x = std::round(l.plotLeft + tick.x);
            painter.fillRect(QRectF(x, l.lanes.top(), lineW, lanesBottom - l.lanes.top()), f.grid);
        }
    }
    painter.setClipRect(QRectF(l.plotLeft, l.lanes.top(), l.plotWidth() + 1, l.lanes.height()), Qt::IntersectClip);
    for (int i = firstLane; i <= lastLane; ++i) {
        const QRectF bar = l.bar(i);
        if (useStrips)
            strips.start(static_cast<int>(bar.top()), static_cast<int>(bar.height()), i % 2 ? f.rowB : f.rowA);
        paintLane(painter, l, math, f, i, bar, useStrips ? &strips : nullptr);
    }
    paintJoins(painter, l, math, f);
    if (m_live && f.log) {
        const double x = std::round(l.plotLeft + math.xForTime(static_cast<double>(f.untilNs)));
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(f.muted, std::max(1.0, l.scale), Qt::DashLine));
        painter.drawLine(QPointF(x, l.lanes.top()), QPointF(x, l.lanes.bottom()));
    }
    painter.restore();

    painter.save();
    painter.setClipRect(l.lanes, Qt::IntersectClip);
    if (!useStrips || !paintCachedLabels(painter, l, f))
        paintLabels(painter, l, f);
    painter.restore();

    if (f.laneCount == 0) {
        painter.setPen(f.muted);
        painter.setFont(ChartStyle::pixelFont(font(), 15 * l.scale, false));
        painter.drawText(l.lanes, Qt::AlignCenter, tr("Run a scenario: each worker gets its own lane here."));
    }

    // Legend, separated from the lanes by a rule.
    painter.fillRect(QRectF(l.legend.left(), l.legend.top(), l.legend.width(), std::max(1.0, std::round(l.scale))),
                     f.grid);
    painter.setPen(f.text);
    painter.setBackground(f.base);
    painter.setFont(font());
    StatePalette::paintLegend(painter, l.legend, l.scale, l.legendShown);
    painter.restore();
}

void TimelineView::paintAxis(QPainter& painter, const Layout& l, const QList<TimelineAxis::Tick>& ticks) const
{
    const QPalette& pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const double s = l.scale;
    const double lineW = std::max(1.0, std::round(s));
    painter.fillRect(QRectF(l.plotLeft, l.axis.bottom() - lineW, l.plotWidth(), lineW), text);

    painter.setFont(l.axisFont);
    const QFontMetricsF fm(l.axisFont);
    painter.setPen(StatePalette::blend(text, base, 0.62));
    painter.drawText(QRectF(l.axis.left() + 8 * s, l.axis.top(), l.plotLeft - l.axis.left() - 16 * s,
                            l.axis.height() - 4 * s),
                     Qt::AlignRight | Qt::AlignVCenter, tr("time →"));
    painter.setPen(text);
    double lastRight = -1e9;
    for (const TimelineAxis::Tick& tick : ticks) {
        const double x = std::round(l.plotLeft + tick.x);
        painter.fillRect(QRectF(x, l.axis.bottom() - 7 * s, lineW, 7 * s), text);
        const double w = fm.horizontalAdvance(tick.label);
        double left = std::clamp(x - w / 2, l.plotLeft, l.plotRight - w);
        if (left < lastRight + 8 * s)
            continue;
        painter.drawText(QPointF(left, l.axis.bottom() - 10 * s - fm.descent()), tick.label);
        lastRight = left + w;
    }
}

void TimelineView::paintLane(QPainter& painter, const Layout& l, const TimelineViewport& math, const Frame& f,
                             int laneIndex, const QRectF& bar, StripPainter* strip) const
{
    const Lane* lane = f.log->lane(laneIndex);
    const std::size_t n = f.sizes[static_cast<std::size_t>(laneIndex)];
    const LaneIndex& idx = m_index[static_cast<std::size_t>(laneIndex)];
    const double s = l.scale;
    const QColor rowBg = laneIndex % 2 ? f.rowB : f.rowA;

    // State blocks (level of detail: visible events only, narrow runs folded).
    std::vector<TimelineBlock>& blocks = m_blocks; // reused: no allocation per lane and frame
    blocks.clear();
    const auto [first, last] = LaneFolder::visibleRange(math, *lane, n, f.originNs);
    LaneFolder::fold(math, *lane, first, last, f.originNs, f.untilNs, blocks, &idx.summary);

    painter.setRenderHint(QPainter::Antialiasing, false);
    if (strip) {
        for (const TimelineBlock& b : blocks)
            strip->fillBlock(b.x0, b.x1, b);
        strip->finish(painter);
    } else {
        FoldPainter folds(painter, s, f.base);
        for (const TimelineBlock& b : blocks) {
            const QRectF r(l.plotLeft + b.x0, bar.top(), b.width(), bar.height());
            if (b.mixed())
                folds.add(r, b.stateNs);
            else
                StatePalette::paintState(painter, r, b.state, s, f.base);
        }
        folds.finish();
    }

    // Labels on the bars wide enough to hold one: the second, colour-free channel.
    const BarLabels& labels = m_barLabels;
    if (bar.height() >= labels.textHeight) {
        painter.setFont(l.barFont);
        const QFontMetricsF fm(l.barFont);
        const double pad = 4 * s;
        for (const TimelineBlock& b : blocks) {
            if (b.mixed() || b.state == WorkerState::Created)
                continue;
            const double left = std::max(l.plotLeft + b.x0, l.plotLeft);
            const double right = std::min(l.plotLeft + b.x1, l.plotRight);
            const double room = right - left - 2 * pad;
            const auto st = static_cast<std::size_t>(b.state);
            if (room < labels.shortLabelWidth[st])
                continue;
            QString text;
            if (b.state == WorkerState::WaitingJoin && static_cast<int>(b.arg) < f.laneCount && b.arg != lane->id()) {
                text = tr("joining %1").arg(f.log->lane(static_cast<int>(b.arg))->info().name);
                if (fm.horizontalAdvance(text) > room)
                    text.clear();
            }
            double w = 0;
            if (!text.isEmpty()) {
                w = fm.horizontalAdvance(text);
            } else if (labels.labelWidth[st] <= room) {
                text = StatePalette::label(b.state);
                w = labels.labelWidth[st];
            } else {
                text = StatePalette::shortLabel(b.state);
                w = labels.shortLabelWidth[st];
            }
            const QRectF box(std::round(left + pad - 2 * s), std::round(bar.center().y() - fm.height() / 2 - 1 * s),
                             std::round(w + 4 * s), std::round(fm.height() + 2 * s));
            QColor boxColor = StatePalette::color(b.state);
            if (StatePalette::pattern(b.state) != Qt::SolidPattern) {
                boxColor = StatePalette::tint(b.state, f.base);
                painter.fillRect(box, boxColor);
            }
            painter.setPen(ThemePalette::textOn(boxColor));
            painter.drawText(QPointF(left + pad, bar.center().y() - fm.height() / 2 + fm.ascent()), text);
        }
    }

    // Marks: output lines and queue traffic, at most one of a kind per pixel.
    if (!idx.marks.empty()) {
        const auto t0 = f.originNs + static_cast<std::int64_t>(std::floor(math.t0Ns()));
        const auto t1 = f.originNs + static_cast<std::int64_t>(std::ceil(math.t1Ns()));
        auto timeOf = [lane](std::uint32_t k) { return lane->at(k).tNs; };
        auto it = std::partition_point(idx.marks.begin(), idx.marks.end(),
                                       [&timeOf, t0](std::uint32_t k) { return timeOf(k) < t0; });
        while (it != idx.marks.end() && timeOf(*it) < t1) {
            const Event& e = lane->at(*it);
            const double px = std::floor(math.xForTime(static_cast<double>(e.tNs - f.originNs)));
            const double x = l.plotLeft + px + 0.5;
            if (e.kind == EventKind::Output)
                StatePalette::paintOutputTick(painter, QPointF(x, bar.bottom()), std::round(bar.height() * 0.38), s,
                                              f.text, f.base);
            else
                StatePalette::paintQueueMark(painter, QPointF(x, bar.top() + 2 * s), e.kind == EventKind::QueuePut, s,
                                             f.text, f.base);
            // Skip whatever else falls on this pixel.
            const auto next = f.originNs + static_cast<std::int64_t>(std::ceil(math.timeForX(px + 1)));
            it = std::partition_point(it + 1, idx.marks.end(), [&timeOf, next](std::uint32_t k) { return timeOf(k) < next; });
        }
    }

    // How the lane ended.
    if (idx.endNs >= 0) {
        const double xf = math.xForTime(static_cast<double>(idx.endNs - f.originNs));
        if (xf >= -40 * s && xf <= math.widthPx() + 1) {
            const double x = std::round(l.plotLeft + xf);
            painter.setRenderHint(QPainter::Antialiasing, false);
            const double cap = std::max(1.0, std::round(2 * s));
            QString badge;
            QColor badgeColor;
            switch (idx.outcome) {
            case WorkerState::Abandoned:
                StatePalette::paintCutOff(painter, x, bar.top(), bar.bottom(), s, f.text, rowBg);
                badge = QStringLiteral("✂ ") + StatePalette::label(WorkerState::Abandoned);
                badgeColor = f.text;
                break;
            case WorkerState::Crashed:
                painter.fillRect(QRectF(x, bar.top(), 2 * cap, bar.height()), StatePalette::color(WorkerState::Crashed));
                badge = QStringLiteral("✖ ") + StatePalette::label(WorkerState::Crashed);
                badgeColor = StatePalette::color(WorkerState::Crashed);
                break;
            case WorkerState::Cancelled:
                painter.fillRect(QRectF(x, bar.top(), 2 * cap, bar.height()), f.muted);
                badge = QStringLiteral("■ ") + StatePalette::label(WorkerState::Cancelled);
                badgeColor = f.muted;
                break;
            default:
                painter.fillRect(QRectF(x, bar.top(), cap, bar.height()), f.text);
                break;
            }
            if (!badge.isEmpty() && bar.height() >= labels.textHeight) {
                painter.setFont(l.barFont);
                const QFontMetricsF fm(l.barFont);
                const double w = fm.horizontalAdvance(badge) + 8 * s;
                const double h = fm.height() + 4 * s;
                double left = x + 5 * s;
                if (left + w > l.plotRight)
                    left = x - 12 * s - w;
                const QRectF box(std::round(left), std::round(bar.center().y() - h / 2), std::round(w), std::round(h));
                painter.setRenderHint(QPainter::Antialiasing, true);
                painter.setPen(Qt::NoPen);
                painter.setBrush(badgeColor);
                painter.drawRoundedRect(box, 3 * s, 3 * s);
                painter.setPen(ThemePalette::textOn(badgeColor));
                painter.drawText(box, Qt::AlignCenter, badge);
                painter.setRenderHint(QPainter::Antialiasing, false);
            }
        }
    }
}

void TimelineView::paintJoins(QPainter& painter, const Layout& l, const TimelineViewport& math, const Frame& f) const
{
    const double s = l.scale;
    const QColor ink = StatePalette::ink(WorkerState::WaitingJoin, f.base);
    for (int i = 0; i < f.laneCount; ++i) {
        const LaneIndex& idx = m_index[static_cast<std::size_t>(i)];
        if (idx.joins.empty())
            continue;
        const Lane* lane = f.log->lane(i);
        const std::size_t n = f.sizes[static_cast<std::size_t>(i)];
        // Joins that returned before the window cannot show; the rest are in time order, and
        // one connector per pixel and joined lane is all that can be seen.
        auto it = std::partition_point(idx.joins.begin(), idx.joins.end(), [&f, &math, s](const Join& j) {
            return j.endNs >= 0 && math.xForTime(static_cast<double>(j.endNs - f.originNs)) < -10 * s;
        });
        double lastX = -1;
        int lastTarget = -1;
        for (; it != idx.joins.end(); ++it) {
            if (it->event >= n || it->endNs < 0)
                break;
            const std::int64_t joinEnd = it->endNs;
            const Event& e = lane->at(it->event);
            const int target = static_cast<int>(e.arg);
            if (target >= f.laneCount || target == i)
                continue;
            const std::int64_t targetEnd = m_index[static_cast<std::size_t>(target)].endNs;
            if (targetEnd < 0)
                continue; // still running: nothing to connect yet
            const double xa = l.plotLeft + math.xForTime(static_cast<double>(targetEnd - f.originNs));
            const double xb = l.plotLeft + math.xForTime(static_cast<double>(joinEnd - f.originNs));
            if (std::max(xa, xb) < l.plotLeft || std::min(xa, xb) > l.plotRight
                || (target == lastTarget && std::round(xb) == lastX))
                continue;
            lastX = std::round(xb);
            lastTarget = target;
            // A vertical connector where the join returned, from the joined lane to the joiner.
            // If the joined worker had ended earlier, a dotted line along its (empty) row leads
            // from its end to that point: the join returned at once.
            const QRectF from = l.bar(target);
            const QRectF to = l.bar(i);
            const bool down = from.top() > to.top();
            const QPointF a(xa, from.center().y());
            const QPointF corner(xb, from.center().y());
            const QPointF b(xb, down ? to.bottom() : to.top());
            painter.setRenderHint(QPainter::Antialiasing, true);
            if (xb - xa > 3 * s) {
                painter.setPen(QPen(ink, 1.5 * s, Qt::DotLine, Qt::FlatCap));
                painter.drawLine(a, corner);
            }
            painter.setPen(QPen(f.base, 4.5 * s, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(corner, b);
            painter.setPen(QPen(ink, 2 * s, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(corner, b);
            // A dot where the joined worker ended, an arrowhead where the joiner resumes.
            painter.setPen(QPen(f.base, 1.5 * s));
            painter.setBrush(ink);
            painter.drawEllipse(a, 4 * s, 4 * s);
            const double dir = down ? -1 : 1;
            QPolygonF head;
            head << b << QPointF(b.x() - 5 * s, b.y() + dir * 8 * s) << QPointF(b.x() + 5 * s, b.y() + dir * 8 * s);
            painter.drawPolygon(head);
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

// The label column (64 lanes: two elided, shaped lines of text each) cost about a millisecond a
// frame and rarely changes: paint it once into an image and draw that while nothing it shows has
// changed. Drawn at a whole-pixel offset on the same background, the text has the same pixels.
bool TimelineView::paintCachedLabels(QPainter& painter, const Layout& l, const Frame& f) const
{
    const QRectF column(l.whole.left(), l.lanes.top(), l.plotLeft - l.whole.left(), l.lanes.height());
    const QRect whole = column.toRect();
    if (QRectF(whole) != column || whole.isEmpty())
        return false;
    LabelKey key;
    key.column = whole;
    key.dpr = painter.device()->devicePixelRatio();
    key.scrollY = l.scrollY;
    key.pitch = l.pitch;
    key.laneHeight = l.laneHeight;
    key.details = l.details;
    key.nameFont = l.nameFont;
    key.detailFont = l.detailFont;
    key.window = f.window.rgba();
    key.windowText = palette().color(QPalette::WindowText).rgba();
    key.grid = f.grid.rgba();
    key.log = f.log;
    key.laneCount = f.laneCount;
    for (int i = 0; i < f.laneCount; ++i) // a process' pid shows once it is known
        key.pids = key.pids * 31 + static_cast<std::uint64_t>(f.log->lane(i)->pid());
    if (!(key == m_labelKey) || m_labelImage.isNull()) {
        m_labelImage = QImage((QSizeF(whole.size()) * key.dpr).toSize(), QImage::Format_RGB32);
        m_labelImage.setDevicePixelRatio(key.dpr);
        m_labelImage.fill(f.window);
        QPainter p(&m_labelImage);
        p.setRenderHints(painter.renderHints());
        p.translate(-whole.left(), -whole.top());
        p.setClipRect(l.lanes);
        paintLabels(p, l, f);
        p.end();
        m_labelKey = key;
    }
    painter.drawImage(QPointF(whole.topLeft()), m_labelImage);
    return true;
}

void TimelineView::paintLabels(QPainter& painter, const Layout& l, const Frame& f) const
{
    const double s = l.scale;
    painter.fillRect(QRectF(l.whole.left(), l.lanes.top(), l.plotLeft - l.whole.left(), l.lanes.height()), f.window);
    painter.fillRect(QRectF(l.plotLeft - std::max(1.0, std::round(s)), l.lanes.top(), std::max(1.0, std::round(s)),
                            l.lanes.height()),
                     f.grid);
    if (f.laneCount == 0 || l.pitch <= 0)
        return;
    const int firstLane = std::clamp(static_cast<int>(std::floor(l.scrollY / l.pitch)), 0, f.laneCount - 1);
    const int lastLane = std::clamp(static_cast<int>(std::ceil((l.scrollY + l.lanes.height()) / l.pitch)), 0,
                                    f.laneCount - 1);
    const QFontMetricsF nameMetrics(l.nameFont);
    const QFontMetricsF detailMetrics(l.detailFont);
    const QColor windowText = palette().color(QPalette::WindowText);
    const QColor muted = StatePalette::blend(windowText, f.window, 0.7);
    for (int i = firstLane; i <= lastLane; ++i) {
        const Lane* lane = f.log->lane(i);
        const LaneInfo& info = lane->info();
        const QRectF bar = l.bar(i);
        const double chipW = std::max(2.0, std::round(6 * s));
        const double left = l.whole.left() + 6 * s;
        painter.fillRect(QRectF(std::round(left), bar.top(), chipW, bar.height()), StatePalette::laneColor(i));
        const double textLeft = left + chipW + 8 * s;
        const double textWidth = l.plotLeft - textLeft - 6 * s;

        const QString detail = laneDetail(i, false);

        const double block = nameMetrics.height() + (l.details ? detailMetrics.height() : 0);
        const double top = bar.center().y() - block / 2;
        painter.setFont(l.nameFont);
        painter.setPen(windowText);
        painter.drawText(QPointF(textLeft, top + nameMetrics.ascent()),
                         nameMetrics.elidedText(info.name, Qt::ElideRight, textWidth));
        if (l.details) {
            painter.setFont(l.detailFont);
            painter.setPen(muted);
            painter.drawText(QPointF(textLeft, top + nameMetrics.height() + detailMetrics.ascent()),
                             detailMetrics.elidedText(detail, Qt::ElideRight, textWidth));
        }
    }
}

// ---- interaction -----------------------------------------------------------------------------

void TimelineView::zoomBy(double factor, double plotX)
{
    updateWindow();
    m_follow = false;
    m_viewport.zoomAt(plotX, factor);
    update();
}

void TimelineView::scrollLanes(double dy)
{
    const Layout l = layoutFor(QRectF(rect()), false);
    const int count = m_log ? m_log->laneCount() : 0;
    const double overflow = std::max(0.0, count * l.pitch + 4 * m_scale - l.lanes.height());
    m_scrollY = std::clamp(m_scrollY + dy, 0.0, overflow);
    update();
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateWindow();
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const int d = delta.y() != 0 ? delta.y() : delta.x();
    if (d == 0) {
        event->ignore();
        return;
    }
    const Layout l = layoutFor(QRectF(rect()), false);
    const Qt::KeyboardModifiers mods = event->modifiers();
    if (mods & Qt::ControlModifier) {
        zoomBy(std::pow(1.0015, d), plotXFromWidget(event->position().x()));
    } else if ((mods & Qt::ShiftModifier) || (delta.x() != 0 && delta.y() == 0)) {
        updateWindow();
        m_follow = false;
        m_viewport.panByPx(-d / 120.0 * l.plotWidth() / 10);
        update();
    } else {
        const int count = m_log ? m_log->laneCount() : 0;
        if (count * l.pitch <= l.lanes.height()) {
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
    if (!m_log)
        return {};
    const Frame f = snapshot();
    const Layout l = layoutFor(QRectF(rect()), false);
    if (!l.lanes.contains(pos) || l.pitch <= 0)
        return {};
    const int i = static_cast<int>(std::floor((pos.y() - l.lanes.top() + l.scrollY) / l.pitch));
    if (i < 0 || i >= f.laneCount)
        return {};
    const QRectF bar = l.bar(i);
    if (pos.y() < bar.top() || pos.y() > bar.bottom())
        return {};
    const Lane* lane = f.log->lane(i);
    const LaneInfo& info = lane->info();
    const LaneIndex& idx = m_index[static_cast<std::size_t>(i)];
    QString head = info.name + QStringLiteral(" (") + laneKindName(info.kind);
    if (lane->pid() > 0)
        head += tr(", pid %1").arg(lane->pid());
    if (info.daemon)
        head += tr(", daemon");
    head += QLatin1Char(')');

    if (pos.x() < l.plotLeft) {
        QString text = head;
        if (idx.endNs >= 0) {
            text += QLatin1Char('\n') + tr("ended: %1 at %2")
                                             .arg(StatePalette::label(idx.outcome),
                                                  TimelineAxis::formatDuration(static_cast<double>(idx.endNs - f.originNs)));
            const QString detail = lane->outcomeDetail();
            if (!detail.isEmpty())
                text += QStringLiteral(" (") + detail + QLatin1Char(')');
        }
        return text;
    }

    const std::size_t n = f.sizes[static_cast<std::size_t>(i)];
    const double px = pos.x() - l.plotLeft;
    const auto tAbs = f.originNs + static_cast<std::int64_t>(std::llround(m_viewport.timeForX(px)));

    // A mark within a few pixels wins.
    if (!idx.marks.empty()) {
        const auto reach = static_cast<std::int64_t>(std::ceil(5 * l.scale * m_viewport.nsPerPx()));
        auto it = std::partition_point(idx.marks.begin(), idx.marks.end(),
                                       [lane, tAbs, reach](std::uint32_t k) { return lane->at(k).tNs < tAbs - reach; });
        if (it != idx.marks.end() && *it < n && lane->at(*it).tNs <= tAbs + reach) {
            const Event& e = lane->at(*it);
            const QString at = TimelineAxis::formatDuration(static_cast<double>(e.tNs - f.originNs));
            switch (e.kind) {
            case EventKind::Output:
                return head + QLatin1Char('\n') + tr("output at %1:\n%2").arg(at, lane->text(e.arg));
            case EventKind::QueuePut:
                return head + QLatin1Char('\n') + tr("queue put %1 at %2").arg(e.value).arg(at);
            case EventKind::QueueGet: {
                const QString from = static_cast<int>(e.arg) < f.laneCount ? f.log->lane(static_cast<int>(e.arg))->info().name
                                                                           : QString::number(e.arg);
                return head + QLatin1Char('\n') + tr("queue get %1 from %2 at %3").arg(e.value).arg(from, at);
            }
            case EventKind::State: break;
            }
        }
    }

    // The state interval under the cursor.
    std::size_t k = lane->lowerBound(tAbs + 1, n); // first event after t
    while (k > 0 && lane->at(k - 1).kind != EventKind::State)
        --k;
    if (k == 0)
        return head + QLatin1Char('\n') + tr("not created yet");
    const Event& e = lane->at(k - 1);
    if (isTerminal(e.state) || (idx.endNs >= 0 && tAbs >= idx.endNs)) {
        QString text = head + QLatin1Char('\n') + tr("%1 at %2").arg(StatePalette::label(idx.outcome),
                                                                     TimelineAxis::formatDuration(static_cast<double>(idx.endNs - f.originNs)));
        const QString detail = lane->outcomeDetail();
        if (!detail.isEmpty())
            text += QLatin1Char('\n') + detail;
        return text;
    }
    std::int64_t end = f.originNs + f.untilNs;
    bool open = true;
    for (std::size_t j = k; j < n; ++j) {
        const Event& ej = lane->at(j);
        if (ej.kind == EventKind::State) {
            end = ej.tNs;
            open = false;
            break;
        }
    }
    QString state = StatePalette::label(e.state);
    if (e.state == WorkerState::WaitingJoin && static_cast<int>(e.arg) < f.laneCount)
        state = tr("waiting to join %1").arg(f.log->lane(static_cast<int>(e.arg))->info().name);
    return head + QLatin1Char('\n') + state + QLatin1Char('\n')
        + tr("start %1").arg(TimelineAxis::formatDuration(static_cast<double>(e.tNs - f.originNs))) + QLatin1Char('\n')
        + tr("duration %1%2").arg(TimelineAxis::formatDuration(static_cast<double>(end - e.tNs)),
                                  open ? tr(" so far") : QString());
}

} // namespace ThreadLab
