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

protected:
    explicit StyledChartView(QWidget* parent = nullptr);

    void changeEvent(QEvent* event) override;
    virtual void restyle();

private:
    double m_scale = 1;
};

} // namespace ThreadLab
