#pragma once

#include <QWidget>

#include <functional>

class QPainter;

namespace ThreadLab {

// A band's header in the compare view: a child widget above the band's lanes (or over its
// label column when bands are packed tight), painted by its owner, that opens the variant's
// detail when clicked.
class CompareHeader : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareHeader)

public:
    using Painter = std::function<void(QPainter& painter, const QRectF& rect)>;
    explicit CompareHeader(Painter paint, QWidget* parent = nullptr);
    ~CompareHeader() override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    Painter m_paint;
};

} // namespace ThreadLab
