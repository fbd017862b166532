#pragma once

#include "model/timelinemodel.h"

#include <QColor>

namespace ThreadLab {

// One frame of the timeline: the log as the model saw it when the frame began, and the colours
// it is painted in (from the widget's palette).
struct TimelineFrame : TimelineModel::Snapshot
{
    QColor base;
    QColor text;
    QColor window;
    QColor windowText;
    QColor muted;
    QColor grid;
    QColor rowA;
    QColor rowB;

    const QColor& rowBackground(int lane) const { return lane % 2 ? rowB : rowA; }
};

} // namespace ThreadLab
