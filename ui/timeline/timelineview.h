#pragma once

#include "model/giltrack.h"
#include "model/timelinemodel.h"
#include "model/timelineaxis.h"
#include "model/timelineviewport.h"
#include "timeline/gilstrippainter.h"
#include "timeline/lanelabels.h"
#include "timeline/lanepainter.h"
#include "timeline/lostupdatepainter.h"
#include "timeline/timelinelayout.h"

#include <QImage>
#include <QWidget>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>

class QPainter;

namespace ThreadLab {

class EventLog;
class StripPainter;
struct TimelineFrame;

// The live timeline: one lane per worker in creation order (main first), never merged, each
// labelled with its name, kind (thread, or process and pid) and daemon flag; above the lanes of
// an interpreter whose threads take turns, a thin strip shows who holds its GIL. State intervals
// use StatePalette (colour and pattern), joins are connectors, queue put/get and output lines
// are marks, and how a lane ended (cut off, crashed, cancelled) is drawn at its end.
//
// The widget takes input (zoom, pan, scroll, tooltips), keeps the layout (computed in one place,
// kept until something it depends on changes) and composes the frame: axis, lane rows, the
// lanes' bars (LanePainter), labels and legend. What it shows per lane comes from a
// TimelineModel, which only reads the EventLog the engine keeps appending to from its own
// threads. While live, each frame of the run (RunController::frameTicked, connected by the
// window) asks for a repaint; each paint visits only the visible lanes and the events of the
// visible time window (binary search plus level-of-detail folding, see LaneFolder).
class TimelineView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // A new variant: resets zoom and scrolling; lanes show up as the engine adds them.
    void setLog(std::shared_ptr<const EventLog> log);
    std::shared_ptr<const EventLog> log() const;
    // While live the view repaints on every frame and keeps the end in view, unless the user
    // has zoomed or panned (fit() resumes following).
    void setLive(bool live);
    bool isLive() const noexcept { return m_live; }
    // A frame of the run went by: while live, repaint (coalesced by update()).
    void advanceFrame();
    void clear();
    // The accessible description: the lanes and how each ended (TimelineModel::describe).
    void updateDescription();

    void zoomIn();
    void zoomOut();
    void fit();

    // 1.0 normal, ~1.6 presenter mode: fonts, lane height and line widths.
    void setScale(double presenterScale);
    double scale() const noexcept { return m_scale; }

    // Paints the whole timeline (axis, every lane, legend) into target: PNG and SVG exports.
    // Uses the view's time window, or the whole run while it follows the end.
    void render(QPainter& painter, const QRectF& target) const;
    using QWidget::render; // keep QWidget's render(QPaintDevice*, …) and render(QPainter*, …) visible
    QImage renderImage(const QSize& logicalSize, qreal devicePixelRatio = 2.0) const;

    // Where render(…, target) puts things: a lane's bar area and the x of a time (ns since
    // the log's origin). For tests and for callers that annotate exports.
    QRectF laneRectIn(const QRectF& target, int laneIndex) const;
    double xForTimeIn(const QRectF& target, double tNs) const;
    // What the GIL strips of render(…, target) cannot say at a readable size ("137 GIL
    // hand-overs", "GIL off"), for a header beside them; empty when their labels fit.
    QStringList gilNotesIn(const QRectF& target) const;
    // The lanes' viewport of render(…, target): below the axis, above the legend.
    QRectF lanesRectIn(const QRectF& target) const;
    // Height that shows every lane with the axis and legend at the current scale.
    int contentHeight(int width) const;
    // On, the widget squeezes every lane into its height (thin rows, no scrolling), as exports
    // do: presenter mode, where nothing may be scrolled away. Off (the default), lanes keep their
    // height and scroll.
    void setFitAllLanes(bool on);
    bool fitsAllLanes() const noexcept { return m_fitAllLanes; }
    // Where the widget itself draws a lane's bar, in widget coordinates, and the room its label
    // has: for tests that check what a projector shows.
    QRectF laneRect(int laneIndex) const;
    const TimelineLayout& widgetLayout() const { return layout(); }

    // Views composed into the compare view: several views share one time window (set from
    // outside; zoom, pan and fit in any of them are asked of the owner through windowPicked and
    // fitPicked), the axis and legend are shown once, and every lane fits the widget's height.
    void setSharedWindow(double t0Ns, double t1Ns, double limitNs);
    bool hasSharedWindow() const noexcept { return m_shared; }
    void setAxisShown(bool shown);
    void setLegendShown(bool shown);
    // States of other views that the legend lists too (StatePalette's legend bits).
    void setExtraLegend(std::uint32_t bits);
    // The legend's own scale; 0 (the default): the view's.
    void setLegendScale(double scale);
    // On screen the legend takes at most a third of the view (legendHeightWithin), unless the
    // view's owner sized the view to hold it whole (a compare band: its height counts the legend).
    void setLegendSizedFor(bool sizedFor);
    std::uint32_t legendContent() const { return legendBits(); }
    // The label column is at least this wide (views stacked on one axis align their plots).
    void setMinLabelWidth(double px);
    double plotLeftIn(double width) const;
    // Height of the axis and legend as shown, and the lane pitch at the current scale unsqueezed.
    int chromeHeight(int width) const;
    double naturalPitch() const;
    int laneCount() const;
    // Lanes plus GIL strip rows, each strip counted as its share of a lane's pitch.
    double rowCount() const;
    // The log's duration so far (ns since its origin).
    double durationNs() const;

    // Raster frames paint the lanes' blocks as pixel strips and draw the label column from an
    // image kept between frames (the same pixels, much faster); off, every block and label is
    // painted through QPainter each frame. For tests.
    void setRasterShortcuts(bool on) { m_rasterShortcuts = on; }

    // The on-screen time window and pixel mapping.
    const TimelineViewport& viewport() const noexcept { return m_viewport; }
    // What the view keeps per lane on top of the log (level-of-detail summaries, mark and join
    // indices), in bytes: part of the memory per stored event.
    std::size_t indexMemoryBytes() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // With a shared window: the user zoomed or panned to [t0Ns, t1Ns], or asked to fit.
    void windowPicked(double t0Ns, double t1Ns);
    void fitPicked();

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    TimelineFrame snapshot() const;
    // The one layout computation: for the widget (layout()) and for export targets.
    TimelineLayout layoutFor(const QRectF& rect, bool fitAllLanes, bool onScreen = false) const;
    static double legendHeightWithin(TimelineLayout& l, const QRectF& rect, const QFont& base);
    // The widget's layout, computed again only after invalidateLayout() or when its size or
    // the model's lanes or legend changed.
    const TimelineLayout& layout() const;
    void invalidateLayout();
    std::uint32_t legendBits() const;
    TimelineViewport viewportFor(const TimelineLayout& layout, const TimelineFrame& frame) const;

    void paintTimeline(QPainter& painter, const TimelineLayout& layout, const TimelineViewport& viewport,
                       const TimelineFrame& frame) const;
    bool beginStrips(StripPainter& strips, const QPainter& painter, const TimelineLayout& layout,
                     const TimelineFrame& frame, const QList<TimelineAxis::Tick>& ticks) const;
    void paintBackground(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                         std::pair<int, int> lanes, bool strips) const;
    void paintAxis(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                   const QList<TimelineAxis::Tick>& ticks) const;
    void paintRows(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                   std::pair<int, int> lanes, bool strips, const QList<TimelineAxis::Tick>& ticks) const;
    void paintLanes(QPainter& painter, const TimelineLayout& layout, const TimelineViewport& viewport,
                    const TimelineFrame& frame, std::pair<int, int> lanes, StripPainter* strips) const;
    void paintLegend(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame) const;
    // The GIL strip rows of the layout being made: above each interpreter whose threads contend.
    void layoutStrips(TimelineLayout& layout) const;

    void updateWindow();
    void zoomBy(double factor, double plotX);
    void pickedWindow();
    void scrollLanes(double dy);
    double plotXFromWidget(double x) const;
    QString toolTipAt(const QPoint& pos) const;

    // The read model: indices grow as the log does, on paints and look-ups (hence mutable).
    mutable TimelineModel m_model;
    mutable LanePainter m_lanePainter;
    // Who holds each interpreter's GIL, grown with the log like m_model (hence mutable).
    mutable GilTrack m_gil;
    mutable GilStripPainter m_gilPainter;
    mutable LostUpdatePainter m_lostUpdates;
    mutable std::optional<TimelineLayout> m_layout;
    mutable std::uint64_t m_layoutRevision = 0; // the model's shapeRevision m_layout was made at
    mutable LaneLabels m_labels;
    TimelineViewport m_viewport;
    double m_scale = 1.0;
    double m_scrollY = 0;
    bool m_live = false;
    bool m_rasterShortcuts = true;
    bool m_fitAllLanes = false;
    bool m_follow = true; // window tracks the run until the user zooms or pans
    bool m_shared = false; // the window is set from outside (setSharedWindow)
    double m_sharedLimitNs = 0;
    bool m_axisShown = true;
    bool m_legendShown = true;
    std::uint32_t m_extraLegend = 0;
    bool m_legendSizedFor = false;
    double m_legendScale = 0;
    double m_minLabelWidth = 0;
    bool m_dragging = false;
    QPoint m_dragLast;
};

} // namespace ThreadLab
