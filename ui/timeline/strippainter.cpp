#include "timeline/strippainter.h"

#include "model/statebands.h"
#include "style/statepalette.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

bool StripPainter::begin(const QPainter& painter, int left, int width, double scale, const QColor& base,
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

void StripPainter::start(int top, int height, const QColor& background)
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

void StripPainter::fillBlock(int x0, int x1, const TimelineBlock& b)
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
    StateBands::forEach(m_top, m_height, b.stateNs, [this, x0, x1](double y0, double y1, WorkerState state) {
        fill(x0, x1, static_cast<int>(y0) - m_top, static_cast<int>(y1) - m_top, state);
    });
}

void StripPainter::finish(QPainter& painter)
{
    background(m_filledTo, m_width / m_dpr, 0, m_height);
    if (!m_direct)
        painter.drawImage(QPointF(m_left, m_top), m_image);
    for (const auto& [rect, state] : m_startUpRects)
        StatePalette::paintState(painter, rect, state, m_scale, m_base);
}

void StripPainter::fill(int x0, int x1, int y0, int y1, WorkerState state)
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

void StripPainter::background(int x0, int x1, int y0, int y1)
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

const std::vector<QRgb>& StripPainter::patternRows(WorkerState state)
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

int StripPainter::floorMod(int a, int n)
{
    const int m = a % n;
    return m < 0 ? m + n : m;
}

} // namespace ThreadLab
