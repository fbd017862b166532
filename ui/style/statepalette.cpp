#include "style/statepalette.h"

#include "charts/chartstyle.h"
#include "style/themepalette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPaintEngine>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace ThreadLab {

namespace {

// Okabe & Ito (2008), "Color Universal Design".
constexpr QRgb okabeOrange = 0xE69F00;
constexpr QRgb okabeSkyBlue = 0x56B4E9;
constexpr QRgb okabeBluishGreen = 0x009E73;
constexpr QRgb okabeYellow = 0xF0E442;
constexpr QRgb okabeBlue = 0x0072B2;
constexpr QRgb okabeVermillion = 0xD55E00;
constexpr QRgb okabeReddishPurple = 0xCC79A7;
constexpr QRgb neutralGrey = 0x999999;

// Keeps the part of a convex polygon where a*x + b*y <= c (Sutherland–Hodgman, one edge).
QPolygonF clipHalfPlane(const QPolygonF& poly, double a, double b, double c)
{
    QPolygonF out;
    const int n = static_cast<int>(poly.size());
    for (int i = 0; i < n; ++i) {
        const QPointF& p = poly[i];
        const QPointF& q = poly[(i + 1) % n];
        const double dp = a * p.x() + b * p.y() - c;
        const double dq = a * q.x() + b * q.y() - c;
        if (dp <= 0)
            out << p;
        if ((dp < 0 && dq > 0) || (dp > 0 && dq < 0)) {
            const double t = dp / (dp - dq);
            out << p + (q - p) * t;
        }
    }
    return out;
}

// Diagonal bands {c0 <= a*x + b*y <= c0 + width} repeated every `period`, cut to `rect`.
// A pattern's ink, cut to its rectangle: boxes and convex polygons, each filled on its own
// (the raster engine's fast paths; no path rasteriser, no clipping, exact in SVG too).
struct Pieces
{
    QList<QRectF> boxes;
    QList<QPolygonF> polygons;
};

void addDiagonalBands(Pieces& path, const QRectF& rect, double a, double b, double period, double width)
{
    const QPolygonF box(rect);
    double lo = 0;
    double hi = 0;
    {
        const double v[4] = {a * rect.left() + b * rect.top(), a * rect.right() + b * rect.top(),
                             a * rect.left() + b * rect.bottom(), a * rect.right() + b * rect.bottom()};
        lo = *std::min_element(v, v + 4);
        hi = *std::max_element(v, v + 4);
    }
    for (double k = std::floor((lo - width) / period); k * period <= hi; k += 1) {
        const double c0 = k * period;
        QPolygonF band = clipHalfPlane(box, -a, -b, -c0);
        band = clipHalfPlane(band, a, b, c0 + width);
        if (band.size() >= 3)
            path.polygons.append(band);
    }
}

void addStraightBands(Pieces& path, const QRectF& rect, bool horizontal, double period, double width)
{
    const double from = horizontal ? rect.top() : rect.left();
    const double to = horizontal ? rect.bottom() : rect.right();
    for (double k = std::floor((from - width) / period); k * period < to; k += 1) {
        const double s = std::max(from, k * period);
        const double e = std::min(to, k * period + width);
        if (e <= s)
            continue;
        path.boxes.append(horizontal ? QRectF(rect.left(), s, rect.width(), e - s)
                                     : QRectF(s, rect.top(), e - s, rect.height()));
    }
}

void addDots(Pieces& path, const QRectF& rect, double period, double size)
{
    for (double j = std::floor(rect.top() / period) - 1; j * period < rect.bottom(); j += 1) {
        const double y = j * period + (period - size) / 2;
        const double shift = (static_cast<long long>(j) % 2 != 0) ? period / 2 : 0.0;
        for (double i = std::floor((rect.left() - shift) / period) - 1; i * period + shift < rect.right(); i += 1) {
            const QRectF dot = QRectF(i * period + shift + (period - size) / 2, y, size, size).intersected(rect);
            if (!dot.isEmpty())
                path.boxes.append(dot);
        }
    }
}

// Sizes of a state's pattern in logical pixels. With devicePixelRatio > 0 the period is
// rounded to whole device pixels so that a texture tile repeats seamlessly.
struct PatternGeometry
{
    double period = 8;
    double width = 3;
};

PatternGeometry patternGeometry(WorkerState state, double scale, double devicePixelRatio)
{
    PatternGeometry g;
    switch (StatePalette::pattern(state)) {
    case Qt::BDiagPattern: g = {10 * scale, 5 * scale}; break;     // thick, dense: "blocked"
    case Qt::DiagCrossPattern: g = {12 * scale, 3 * scale}; break;
    case Qt::HorPattern:
    case Qt::VerPattern: g = {8 * scale, 3 * scale}; break;
    default: g = {8 * scale, 2.5 * scale}; break;                  // sparse dots: light, idle
    }
    if (devicePixelRatio > 0) {
        // Whole device pixels, and even ones (the dots' rows are staggered by half a period).
        const double devicePeriod = std::max(2.0, 2 * std::round(g.period * devicePixelRatio / 2));
        g.period = devicePeriod / devicePixelRatio;
    }
    return g;
}

void addPatternPieces(Pieces& pieces, const QRectF& rect, Qt::BrushStyle style, const PatternGeometry& g)
{
    switch (style) {
    case Qt::BDiagPattern:
        addDiagonalBands(pieces, rect, 1, 1, g.period, g.width);
        break;
    case Qt::DiagCrossPattern:
        addDiagonalBands(pieces, rect, 1, 1, g.period, g.width);
        addDiagonalBands(pieces, rect, 1, -1, g.period, g.width);
        break;
    case Qt::HorPattern:
        addStraightBands(pieces, rect, true, g.period, g.width);
        break;
    case Qt::VerPattern:
        addStraightBands(pieces, rect, false, g.period, g.width);
        break;
    default:
        addDots(pieces, rect, g.period, g.width);
        break;
    }
}

// One tile of a state's pattern (tint and ink) as a texture brush, cached per thread.
QBrush patternBrush(WorkerState state, double scale, qreal dpr, const QColor& background)
{
    struct Key
    {
        int state;
        int scale;
        int dpr;
        QRgb background;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash
    {
        std::size_t operator()(const Key& k) const noexcept
        {
            return qHashMulti(0, k.state, k.scale, k.dpr, k.background);
        }
    };
    thread_local std::unordered_map<Key, QBrush, KeyHash> cache;
    const Key key {static_cast<int>(state), static_cast<int>(std::lround(scale * 1000)),
                   static_cast<int>(std::lround(dpr * 1000)), background.rgb()};
    if (auto it = cache.find(key); it != cache.end())
        return it->second;

    const PatternGeometry g = patternGeometry(state, scale, dpr);
    const int side = static_cast<int>(std::lround(g.period * dpr));
    const bool dots = StatePalette::pattern(state) == Qt::Dense6Pattern;
    QImage tile(side, dots ? 2 * side : side, QImage::Format_ARGB32_Premultiplied);
    tile.setDevicePixelRatio(dpr);
    tile.fill(StatePalette::tint(state, background));
    {
        Pieces pieces;
        addPatternPieces(pieces, QRectF(0, 0, g.period, dots ? 2 * g.period : g.period), StatePalette::pattern(state), g);
        QPainter p(&tile);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(Qt::NoPen);
        const QColor ink = StatePalette::ink(state, background);
        p.setBrush(ink);
        for (const QRectF& box : pieces.boxes)
            p.fillRect(box, ink);
        for (const QPolygonF& polygon : pieces.polygons)
            p.drawConvexPolygon(polygon);
    }
    if (cache.size() > 256)
        cache.clear();
    return cache.emplace(key, QBrush(tile)).first->second;
}

// One legend entry: a state swatch or a mark.
struct LegendItem
{
    enum Kind { State, Output, QueuePut, QueueGet, CutOff, Crashed, GilStrip } kind = State;
    WorkerState state = WorkerState::Running;
    QString text;
};

QList<LegendItem> legendItems(std::uint32_t shown)
{
    QList<LegendItem> items;
    for (WorkerState s : StatePalette::legendStates())
        if (s == WorkerState::Running || (shown & StatePalette::legendBit(s)))
            items.append({LegendItem::State, s, StatePalette::label(s)});
    if (shown & StatePalette::outputMark)
        items.append({LegendItem::Output, WorkerState::Running, QCoreApplication::translate("StatePalette", "output line")});
    if (shown & StatePalette::queuePutMark)
        items.append({LegendItem::QueuePut, WorkerState::Running, QCoreApplication::translate("StatePalette", "queue put")});
    if (shown & StatePalette::queueGetMark)
        items.append({LegendItem::QueueGet, WorkerState::Running, QCoreApplication::translate("StatePalette", "queue get")});
    if (shown & StatePalette::legendBit(WorkerState::Abandoned))
        items.append({LegendItem::CutOff, WorkerState::Abandoned, QCoreApplication::translate("StatePalette", "daemon cut off")});
    if (shown & StatePalette::legendBit(WorkerState::Crashed))
        items.append({LegendItem::Crashed, WorkerState::Crashed, StatePalette::label(WorkerState::Crashed)});
    if (shown & StatePalette::gilStrip)
        items.append({LegendItem::GilStrip, WorkerState::Running,
                      QCoreApplication::translate("StatePalette", "GIL strip: who holds the GIL")});
    return items;
}

struct LegendMetrics
{
    double swatchW = 0;
    double swatchH = 0;
    double textGap = 0;
    double itemGap = 0;
    double rowH = 0;
    double pad = 0;
};

LegendMetrics legendMetrics(const QFont& font, double scale)
{
    LegendMetrics m;
    m.swatchW = 34 * scale;
    m.swatchH = 18 * scale;
    m.textGap = 6 * scale;
    m.itemGap = 20 * scale;
    m.rowH = std::max(m.swatchH, QFontMetricsF(font).height()) + 6 * scale;
    m.pad = 6 * scale;
    return m;
}

// Lays the legend out; calls `place(item, swatchRect, textPos)` for each item, returns the height.
template<typename Place>
double layoutLegend(const QFont& font, const QRectF& rect, double scale, std::uint32_t shown, Place&& place)
{
    const LegendMetrics m = legendMetrics(font, scale);
    const QFontMetricsF fm(font);
    double x = rect.left() + m.pad;
    double y = rect.top() + m.pad;
    const double right = rect.right() - m.pad;
    bool rowEmpty = true;
    for (const LegendItem& item : legendItems(shown)) {
        const double w = m.swatchW + m.textGap + fm.horizontalAdvance(item.text);
        if (!rowEmpty && x + w > right) {
            x = rect.left() + m.pad;
            y += m.rowH;
            rowEmpty = true;
        }
        const QRectF swatch(x, y + (m.rowH - m.swatchH) / 2, m.swatchW, m.swatchH);
        const QPointF textPos(x + m.swatchW + m.textGap, y + (m.rowH - fm.height()) / 2 + fm.ascent());
        place(item, swatch, textPos);
        x += w + m.itemGap;
        rowEmpty = false;
    }
    return y + m.rowH + m.pad - rect.top();
}

QFont legendFont(const QFont& base, double scale)
{
    return ChartStyle::pixelFont(base, 13 * scale);
}

} // namespace

QColor StatePalette::color(WorkerState state)
{
    switch (state) {
    case WorkerState::Created: return QColor(neutralGrey);
    case WorkerState::Starting: return QColor(okabeOrange);
    case WorkerState::Running: return QColor(okabeBluishGreen);
    case WorkerState::WaitingGil: return QColor(okabeVermillion);
    case WorkerState::WaitingIo: return QColor(okabeSkyBlue);
    case WorkerState::WaitingLock: return QColor(okabeBlue);
    case WorkerState::WaitingJoin: return QColor(okabeReddishPurple);
    case WorkerState::WaitingQueue: return QColor(okabeYellow);
    case WorkerState::Finished: return QColor(0, 0, 0);
    case WorkerState::Crashed: return QColor(okabeVermillion);
    case WorkerState::Abandoned: return QColor(0, 0, 0);
    case WorkerState::Cancelled: return QColor(neutralGrey);
    }
    return QColor(neutralGrey);
}

Qt::BrushStyle StatePalette::pattern(WorkerState state)
{
    switch (state) {
    case WorkerState::Created: return Qt::NoBrush;
    case WorkerState::Starting: return Qt::NoBrush;
    case WorkerState::Running: return Qt::SolidPattern;
    case WorkerState::WaitingGil: return Qt::BDiagPattern;
    case WorkerState::WaitingIo: return Qt::Dense6Pattern;
    case WorkerState::WaitingLock: return Qt::DiagCrossPattern;
    case WorkerState::WaitingJoin: return Qt::HorPattern;
    case WorkerState::WaitingQueue: return Qt::VerPattern;
    case WorkerState::Finished:
    case WorkerState::Crashed:
    case WorkerState::Abandoned:
    case WorkerState::Cancelled: return Qt::SolidPattern;
    }
    return Qt::SolidPattern;
}

QString StatePalette::label(WorkerState state)
{
    switch (state) {
    case WorkerState::Created: return tr("created");
    case WorkerState::Starting: return tr("starting");
    case WorkerState::Running: return tr("running");
    case WorkerState::WaitingGil: return tr("waiting for GIL");
    case WorkerState::WaitingIo: return tr("waiting I/O");
    case WorkerState::WaitingLock: return tr("waiting lock");
    case WorkerState::WaitingJoin: return tr("waiting join");
    case WorkerState::WaitingQueue: return tr("waiting queue");
    case WorkerState::Finished: return tr("finished");
    case WorkerState::Crashed: return tr("crashed");
    case WorkerState::Abandoned: return tr("cut off");
    case WorkerState::Cancelled: return tr("cancelled");
    }
    return QString();
}

QString StatePalette::label(WorkerState state, std::uint32_t arg)
{
    return isStartingInterpreter(state, arg) ? tr("starting interpreter") : label(state);
}

QString StatePalette::shortLabel(WorkerState state, std::uint32_t arg)
{
    return isStartingInterpreter(state, arg) ? tr("interp.") : shortLabel(state);
}

QString StatePalette::shortLabel(WorkerState state)
{
    switch (state) {
    case WorkerState::Created: return tr("new");
    case WorkerState::Starting: return tr("start");
    case WorkerState::Running: return tr("run");
    case WorkerState::WaitingGil: return tr("GIL");
    case WorkerState::WaitingIo: return tr("I/O");
    case WorkerState::WaitingLock: return tr("lock");
    case WorkerState::WaitingJoin: return tr("join");
    case WorkerState::WaitingQueue: return tr("queue");
    case WorkerState::Finished: return tr("done");
    case WorkerState::Crashed: return tr("crash");
    case WorkerState::Abandoned: return tr("cut");
    case WorkerState::Cancelled: return tr("stop");
    }
    return QString();
}

QColor StatePalette::laneColor(int laneIndex)
{
    // Okabe–Ito hues moved to a relative luminance of about 0.2, which keeps a contrast of
    // 3.5–4.5 against both white and a #1e1e1e dark background. Lane 0 is main: neutral.
    static constexpr QRgb workers[] = {0xB87700, 0x2E86C1, 0x008F68, 0xC05500, 0xB8609A, 0x7E6EC8};
    constexpr int count = static_cast<int>(sizeof(workers) / sizeof(workers[0]));
    if (laneIndex <= 0 || laneIndex >= 0xffff) // main, or a holder of the GIL that is no lane
        return QColor(0x808080);
    return QColor(workers[(laneIndex - 1) % count]);
}

QColor StatePalette::blend(const QColor& a, const QColor& b, double amountOfA)
{
    const double k = std::clamp(amountOfA, 0.0, 1.0);
    auto mix = [k](int x, int y) { return static_cast<int>(std::lround(x * k + y * (1.0 - k))); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QColor StatePalette::tint(WorkerState state, const QColor& background)
{
    // How much of the state colour goes into the pale fill: the GIL wait is a mid tone so it
    // reads as "blocked" even in greyscale, I/O stays light ("idle, off the CPU").
    double amount = 0.3;
    switch (state) {
    case WorkerState::WaitingGil: amount = 0.33; break;
    case WorkerState::WaitingIo: amount = 0.28; break;
    case WorkerState::WaitingQueue: amount = 0.45; break;
    case WorkerState::Starting: amount = 0.3; break;
    default: break;
    }
    return blend(color(state), background, amount);
}

QColor StatePalette::ink(WorkerState state, const QColor& background)
{
    // The yellow itself vanishes on white: a dark olive of its hue there.
    if (state == WorkerState::WaitingQueue && background.lightnessF() > 0.5)
        return QColor(0x8A7F00);
    return color(state);
}

void StatePalette::paintState(QPainter& painter, const QRectF& rect, WorkerState state, double scale,
                              const QColor& background)
{
    if (rect.isEmpty())
        return;
    const double s = std::max(0.5, scale);
    const QColor c = color(state);
    const QColor inkColor = ink(state, background);
    const QColor pale = tint(state, background);

    auto fillPattern = [&painter, &rect, &pale, &inkColor](const Pieces& pieces) {
        painter.fillRect(rect, pale);
        painter.save();
        painter.setPen(Qt::NoPen);
        painter.setBrush(inkColor);
        for (const QRectF& box : pieces.boxes)
            painter.fillRect(box, inkColor);
        for (const QPolygonF& polygon : pieces.polygons)
            painter.drawConvexPolygon(polygon);
        painter.restore();
    };

    switch (pattern(state)) {
    case Qt::SolidPattern:
        painter.fillRect(rect, c);
        return;
    case Qt::NoBrush:
        if (state == WorkerState::Created) {
            // Exists, not started yet: a thin line through the middle.
            const double h = std::max(1.0, std::round(2 * s));
            painter.fillRect(QRectF(rect.left(), std::round(rect.center().y() - h / 2), rect.width(), h), c);
            return;
        }
        {
            // Starting: an outline box.
            const double border = std::max(1.0, std::round(2 * s));
            if (rect.width() <= 2 * border + 1 || rect.height() <= 2 * border + 1) {
                painter.fillRect(rect, inkColor);
                return;
            }
            painter.fillRect(rect, pale);
            painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), border), inkColor);
            painter.fillRect(QRectF(rect.left(), rect.bottom() - border, rect.width(), border), inkColor);
            painter.fillRect(QRectF(rect.left(), rect.top(), border, rect.height()), inkColor);
            painter.fillRect(QRectF(rect.right() - border, rect.top(), border, rect.height()), inkColor);
        }
        return;
    default:
        break;
    }

    // Raster targets (the widget, PNG exports) fill with a cached texture tile: one fillRect per
    // block. Other engines (SVG, PDF) get the same pattern as exact vector pieces.
    const QPaintEngine* engine = painter.paintEngine();
    if (engine && engine->type() == QPaintEngine::Raster) {
        const qreal dpr = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
        painter.fillRect(rect, patternBrush(state, s, dpr, background));
        return;
    }
    const PatternGeometry g = patternGeometry(state, s, 0);
    Pieces pieces;
    addPatternPieces(pieces, rect, pattern(state), g);
    fillPattern(pieces);
}

QImage StatePalette::patternTile(WorkerState state, double scale, qreal devicePixelRatio, const QColor& background)
{
    const Qt::BrushStyle style = pattern(state);
    if (style == Qt::SolidPattern || style == Qt::NoBrush)
        return {};
    return patternBrush(state, std::max(0.5, scale), devicePixelRatio, background).textureImage();
}

void StatePalette::paintOutputTick(QPainter& painter, const QPointF& bottom, double height, double scale,
                                   const QColor& inkColor, const QColor& halo)
{
    const double w = std::max(1.0, std::round(2 * scale));
    const double h = std::max(w, 1.0);
    const double x = std::round(bottom.x() - w / 2);
    painter.fillRect(QRectF(x - h / 2, bottom.y() - height - h / 2, w + h, height + h / 2), halo);
    painter.fillRect(QRectF(x, bottom.y() - height, w, height), inkColor);
}

void StatePalette::paintQueueMark(QPainter& painter, const QPointF& top, bool put, double scale,
                                  const QColor& inkColor, const QColor& halo)
{
    const double w = 11 * scale;
    const double h = 9 * scale;
    QPolygonF tri;
    if (put) // ▲ pointing out of the lane: an item leaves
        tri << QPointF(top.x(), top.y()) << QPointF(top.x() + w / 2, top.y() + h) << QPointF(top.x() - w / 2, top.y() + h);
    else // ▽ pointing into the lane: an item arrives
        tri << QPointF(top.x() - w / 2, top.y()) << QPointF(top.x() + w / 2, top.y()) << QPointF(top.x(), top.y() + h);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(halo, 2.5 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolygon(tri);
    painter.setPen(QPen(inkColor, 1.5 * scale, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(put ? QBrush(inkColor) : QBrush(halo));
    painter.drawPolygon(tri);
    painter.restore();
}

void StatePalette::paintCutOff(QPainter& painter, double x, double top, double bottom, double scale,
                               const QColor& inkColor, const QColor& background)
{
    const double depth = 7 * scale;
    const double step = std::max(3.0, 5 * scale);
    QPolygonF zig;
    zig << QPointF(x, top);
    bool in = true;
    for (double y = top + step; y < bottom; y += step, in = !in)
        zig << QPointF(in ? x - depth : x, y);
    zig << QPointF(in ? x - depth : x, bottom);
    QPolygonF teeth = zig;
    teeth << QPointF(x + 1, bottom) << QPointF(x + 1, top);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawPolygon(teeth);
    painter.setPen(QPen(inkColor, std::max(1.0, 2 * scale), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(zig);
    painter.restore();
}

QList<WorkerState> StatePalette::legendStates()
{
    return {WorkerState::Running,     WorkerState::WaitingGil,   WorkerState::WaitingIo,
            WorkerState::WaitingLock, WorkerState::WaitingJoin,  WorkerState::WaitingQueue,
            WorkerState::Starting,    WorkerState::Created};
}

double StatePalette::legendHeight(double width, double scale, const QFont& baseFont, std::uint32_t shown)
{
    const QFont font = legendFont(baseFont, scale);
    return layoutLegend(font, QRectF(0, 0, width, 0), scale, shown,
                        [](const LegendItem&, const QRectF&, const QPointF&) {});
}

void StatePalette::paintLegend(QPainter& painter, const QRectF& rect, double scale, std::uint32_t shown)
{
    painter.save();
    const QColor textColor = painter.pen().color();
    QColor background = painter.background().color();
    if (painter.background().style() == Qt::NoBrush || !background.isValid())
        background = Qt::white;
    const QFont font = legendFont(painter.font(), scale);
    painter.setFont(font);
    painter.setRenderHint(QPainter::Antialiasing, false);
    layoutLegend(font, rect, scale, shown, [&painter, &background, &textColor, scale](const LegendItem& item, const QRectF& swatchF,
                                                                               const QPointF& textPos) {
        const QRectF swatch(std::round(swatchF.left()), std::round(swatchF.top()), std::round(swatchF.width()),
                            std::round(swatchF.height()));
        switch (item.kind) {
        case LegendItem::State:
            StatePalette::paintState(painter, swatch, item.state, scale, background);
            break;
        case LegendItem::Output:
            StatePalette::paintOutputTick(painter, QPointF(swatch.center().x(), swatch.bottom()), swatch.height(),
                                          scale, textColor, background);
            break;
        case LegendItem::QueuePut:
        case LegendItem::QueueGet:
            StatePalette::paintQueueMark(painter, QPointF(swatch.center().x(), swatch.top() + 2 * scale),
                                         item.kind == LegendItem::QueuePut, scale, textColor, background);
            break;
        case LegendItem::CutOff: {
            const QRectF bar(swatch.left(), swatch.top(), swatch.width() * 0.7, swatch.height());
            StatePalette::paintState(painter, bar, WorkerState::Running, scale, background);
            StatePalette::paintCutOff(painter, bar.right(), bar.top(), bar.bottom(), scale, textColor, background);
            break;
        }
        case LegendItem::Crashed: {
            // The same badge the timeline puts at a crashed lane's end.
            const QColor red = StatePalette::color(WorkerState::Crashed);
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(Qt::NoPen);
            painter.setBrush(red);
            painter.drawRoundedRect(swatch, 3 * scale, 3 * scale);
            painter.setPen(ThemePalette::textOn(red));
            painter.drawText(swatch, Qt::AlignCenter, QStringLiteral("✖"));
            painter.setRenderHint(QPainter::Antialiasing, false);
            break;
        }
        case LegendItem::GilStrip: {
            // A thin strip in the holders' lane colours, as above an interpreter's lanes.
            const double h = std::max(2.0, std::round(swatch.height() / 2));
            const double third = std::round(swatch.width() / 3);
            const double top = swatch.bottom() - h;
            painter.fillRect(QRectF(swatch.left(), top, third, h), StatePalette::laneColor(1));
            painter.fillRect(QRectF(swatch.left() + third, top, third, h), StatePalette::laneColor(2));
            painter.fillRect(QRectF(swatch.left() + 2 * third, top, swatch.width() - 2 * third, h),
                             StatePalette::laneColor(1));
            break;
        }
        }
        painter.setPen(textColor);
        painter.drawText(textPos, item.text);
    });
    painter.restore();
}

} // namespace ThreadLab
