#pragma once

#include "results/lostupdatefinder.h"
#include "timeline/lanepainter.h"

#include <QColor>

#include <cstddef>

class QPainter;
class QPointF;
class QRectF;

namespace ThreadLab {

class EventLog;

// Highlights one lost update on the timeline (C9): the two lanes that read the same counter
// value and both wrote the next one, joined by a connector between their reads and one between
// their writes, with the sentence ("Thread-2 read 17, Thread-3 read 17, both wrote 18") in a box
// beside it. The one shown is the one What happened names (LostUpdateFinder::example) while it
// is in view, as at the default zoom, and otherwise the lost update nearest the middle of the
// visible time window, so that it sits where the view is looking at any zoom. The lost updates are found again only when
// the log's counter events grew (LostUpdateFinder), not on every frame, and in a long live run
// only when they grew by half.
class LostUpdatePainter
{
public:
    void paint(QPainter& painter, const LanePainter::Scene& scene);

    // The counter ticks' and the highlight's colours (LanePainter paints the ticks).
    static QColor readColor();
    static QColor writeColor();
    static QColor highlightColor();

private:
    const LostUpdateFinder::Found& found(const LanePainter::Scene& scene);
    void paintLabel(QPainter& painter, const LanePainter::Scene& scene, const QString& text, const QPointF& anchor,
                    double avoidLeft) const;

    const EventLog* m_log = nullptr;
    std::size_t m_counted = 0; // counter events m_found was made from
    LostUpdateFinder::Found m_found;
};

} // namespace ThreadLab
