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
    void resizeEvent(QResizeEvent* event) override;
    virtual void restyle();
    // A chart too short for its words at this scale (a strip under the timeline on the
    // presenter's stage): the axis titles and the legend give their height to the bars and their
    // names, which Qt Charts would otherwise elide to "…".
    bool isCompact() const;
    // Where a compact chart's legend goes: beside the plot (the default; short entries), or where
    // the chart itself puts it (above or below the plot), so that it never lies over the bars.
    virtual bool legendBesideWhenCompact() const { return true; }

private:
    double m_scale = 1;
    bool m_compact = false; // as last styled
    bool m_legendBeside = false; // as last styled
    Qt::Alignment m_wideLegendAlignment = Qt::AlignTop; // the chart's own, restored when it grows again
};

} // namespace ThreadLab
