#pragma once

#include <QChartView>

namespace ThreadLab {

// What every chart of the window shares: a chart of its own, antialiased, restyled from the
// widget's palette and font (ChartStyle) whenever they change and whenever presenter mode scales
// it. A chart adds its own styling by overriding restyle() and calling this class's first.
class StyledChartView : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StyledChartView)

public:
    ~StyledChartView() override;

    void setPresenterScale(double scale);
    double presenterScale() const noexcept { return m_scale; }
    QChart* chartItem() const { return chart(); }
    // Words written on the chart (bar labels): `wanted`, shrunk to a line height of `maxHeightPx`
    // where the space is small, never below `floorPx` pixels, and in presenter mode never below
    // the presenter font, so that the back of the room can still read them (ChartStyle::fitted).
    QFont labelFont(const QFont& wanted, double maxHeightPx, double floorPx) const;
    // The smallest words allowed on the chart, in pixels, for `floorPx` outside presenter mode.
    double labelFloorPx(double floorPx) const;

protected:
    explicit StyledChartView(QWidget* parent = nullptr);

    void changeEvent(QEvent* event) override;
    virtual void restyle();

private:
    double m_scale = 1;
};

} // namespace ThreadLab
