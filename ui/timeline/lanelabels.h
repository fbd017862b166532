#pragma once

#include <QFont>
#include <QImage>
#include <QRect>

#include <cstdint>
#include <vector>

class QPainter;

namespace ThreadLab {

class EventLog;
class TimelineModel;
struct TimelineFrame;
struct TimelineLayout;

// The label column left of the lanes: each lane's colour chip, name and detail line (kind, pid,
// daemon). Measures the widest label for the layout, once per lane, and keeps the column as last
// painted in an image, since it rarely changes.
class LaneLabels
{
public:
    // A new log: nothing measured or painted yet.
    void reset();
    // The widest label text so far at `scale` (the layout runs on every paint).
    double textWidth(const TimelineModel& model, double scale, const QFont& nameFont, const QFont& detailFont);
    // The widest lane name alone, as of the last textWidth(): a column that leaves this much room
    // shows every name whole (the detail line is elided first).
    double nameWidth() const noexcept { return m_nameWidth; }
    // The column's width around the text at `scale`: margin, colour chip, gap, margin.
    static double padding(double scale);
    // How wide a lane's label text may be in `layout` before it is elided.
    static double textRoom(const TimelineLayout& layout);
    // Paints the column; with `cached`, from the kept image where it can (raster frames).
    void paint(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame, const TimelineModel& model,
               bool cached);

private:
    // The model's detail line; a child process under the GIL adds that it has a GIL of its own
    // (the app's threads share one: the strip above them).
    static QString detail(const TimelineModel& model, int lane, bool pidPlaceholder);
    bool paintCached(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                     const TimelineModel& model);
    void paintAll(QPainter& painter, const TimelineLayout& layout, const TimelineFrame& frame,
                  const TimelineModel& model);

    // Widest lane label so far, measured once per lane.
    int m_measuredLanes = 0;
    double m_measuredScale = 0;
    double m_textWidth = 0;
    double m_nameWidth = 0;
    // The label column as last painted, and what it showed.
    struct Key
    {
        QRect column;
        qreal dpr = 0;
        double scrollY = 0;
        double pitch = 0;
        double laneHeight = 0;
        std::vector<int> stripLanes; // the GIL strip rows move the lanes below them
        double stripPitch = 0;
        bool details = false;
        QFont nameFont;
        QFont detailFont;
        QRgb window = 0;
        QRgb windowText = 0;
        QRgb grid = 0;
        const EventLog* log = nullptr;
        int laneCount = 0;
        std::uint64_t pids = 0;
        bool operator==(const Key&) const = default;
    };
    Key m_key;
    QImage m_image;
};

} // namespace ThreadLab
