#include "timeline/lanelabels.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelinemodel.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/timelineframe.h"
#include "timeline/timelinelayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

void LaneLabels::reset()
{
    m_image = QImage();
    m_measuredLanes = 0;
    m_textWidth = 0;
    m_nameWidth = 0;
}

namespace {

double chipWidth(double scale)
{
    return std::max(2.0, std::round(6 * scale));
}

} // namespace

double LaneLabels::padding(double scale)
{
    return 6 * scale + chipWidth(scale) + 8 * scale + 6 * scale;
}

double LaneLabels::textRoom(const TimelineLayout& l)
{
    return l.plotLeft - l.whole.left() - padding(l.scale);
}

double LaneLabels::textWidth(const TimelineModel& model, double scale, const QFont& nameFont, const QFont& detailFont)
{
    const int count = model.laneCount();
    if (m_measuredScale != scale || count < m_measuredLanes) {
        m_measuredScale = scale;
        m_measuredLanes = 0;
        m_textWidth = 0;
        m_nameWidth = 0;
    }
    const QFontMetricsF nameMetrics(nameFont);
    const QFontMetricsF detailMetrics(detailFont);
    for (int i = m_measuredLanes; i < count; ++i) {
        m_nameWidth = std::max(m_nameWidth, nameMetrics.horizontalAdvance(model.log()->lane(i)->info().name));
        m_textWidth = std::max(m_textWidth, m_nameWidth);
        m_textWidth = std::max(m_textWidth, detailMetrics.horizontalAdvance(detail(model, i, true)));
    }
    m_measuredLanes = count;
    return m_textWidth;
}

QString LaneLabels::detail(const TimelineModel& model, int lane, bool pidPlaceholder)
{
    const QString text = model.laneDetail(lane, pidPlaceholder);
    if (model.log()->gilEnabled() && model.log()->lane(lane)->info().kind == LaneKind::Process)
        return text + QCoreApplication::translate("LaneLabels", " · own GIL");
    return text;
}

void LaneLabels::paint(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                       const TimelineModel& model, bool cached)
{
    if (!cached || !paintCached(painter, layout, frame, model))
        paintAll(painter, layout, frame, model);
}

// The label column (64 lanes: two elided, shaped lines of text each) cost about a millisecond a
// frame and rarely changes: paint it once into an image and draw that while nothing it shows has
// changed. Drawn at a whole-pixel offset on the same background, the text has the same pixels.
bool LaneLabels::paintCached(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f,
                             const TimelineModel& model)
{
    const QRectF column(l.whole.left(), l.lanes.top(), l.plotLeft - l.whole.left(), l.lanes.height());
    const QRect whole = column.toRect();
    if (QRectF(whole) != column || whole.isEmpty())
        return false;
    Key key;
    key.column = whole;
    key.dpr = painter.device()->devicePixelRatio();
    key.scrollY = l.scrollY;
    key.pitch = l.pitch;
    key.laneHeight = l.laneHeight;
    key.stripLanes = l.stripLanes;
    key.stripPitch = l.stripPitch;
    key.details = l.details;
    key.nameFont = l.nameFont;
    key.detailFont = l.detailFont;
    key.window = f.window.rgba();
    key.windowText = f.windowText.rgba();
    key.grid = f.grid.rgba();
    key.log = f.log;
    key.laneCount = f.laneCount;
    for (int i = 0; i < f.laneCount; ++i) // a process' pid shows once it is known
        key.pids = key.pids * 31 + static_cast<std::uint64_t>(f.log->lane(i)->pid());
    if (!(key == m_key) || m_image.isNull()) {
        m_image = QImage((QSizeF(whole.size()) * key.dpr).toSize(), QImage::Format_RGB32);
        m_image.setDevicePixelRatio(key.dpr);
        m_image.fill(f.window);
        QPainter p(&m_image);
        p.setRenderHints(painter.renderHints());
        p.translate(-whole.left(), -whole.top());
        p.setClipRect(l.lanes);
        paintAll(p, l, f, model);
        p.end();
        m_key = key;
    }
    painter.drawImage(QPointF(whole.topLeft()), m_image);
    return true;
}

void LaneLabels::paintAll(QPainter& painter, const TimelineLayout& l, const TimelineFrame& f,
                          const TimelineModel& model)
{
    const double s = l.scale;
    painter.fillRect(QRectF(l.whole.left(), l.lanes.top(), l.plotLeft - l.whole.left(), l.lanes.height()), f.window);
    painter.fillRect(QRectF(l.plotLeft - std::max(1.0, std::round(s)), l.lanes.top(), std::max(1.0, std::round(s)),
                            l.lanes.height()),
                     f.grid);
    const auto [firstLane, lastLane] = l.visibleLanes(f.laneCount);
    const QFontMetricsF nameMetrics(l.nameFont);
    const QFontMetricsF detailMetrics(l.detailFont);
    const QColor muted = ThemePalette::mutedText(f.windowText, f.window);
    for (int i = firstLane; i <= lastLane; ++i) {
        const Lane* lane = f.log->lane(i);
        const LaneInfo& info = lane->info();
        const QRectF bar = l.bar(i);
        const double chipW = chipWidth(s);
        const double left = l.whole.left() + 6 * s;
        painter.fillRect(QRectF(std::round(left), bar.top(), chipW, bar.height()), StatePalette::laneColor(i));
        const double textLeft = left + chipW + 8 * s;
        const double textWidth = textRoom(l);

        const QString detail = LaneLabels::detail(model, i, false);

        const double block = nameMetrics.height() + (l.details ? detailMetrics.height() : 0);
        const double top = bar.center().y() - block / 2;
        painter.setFont(l.nameFont);
        painter.setPen(f.windowText);
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

} // namespace ThreadLab
