#include "timeline/compareheader.h"

#include <QMouseEvent>
#include <QPainter>

namespace ThreadLab {

CompareHeader::CompareHeader(Painter paint, QWidget* parent)
    : QWidget(parent)
    , m_paint(std::move(paint))
{
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Open this variant's own timeline"));
    setAttribute(Qt::WA_OpaquePaintEvent);
}

CompareHeader::~CompareHeader() = default;

void CompareHeader::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    m_paint(painter, QRectF(rect()));
}

void CompareHeader::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    Q_EMIT clicked();
    event->accept();
}

} // namespace ThreadLab
