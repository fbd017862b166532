#pragma once

#include "charts/styledchartview.h"

#include <vector>

class QGraphicsTextItem;
class QLineSeries;
class QValueAxis;

namespace ThreadLab {

class RunHistory;

// Speedup against the number of workers for sweep runs (cpu-scaling): one line per mode and
// run (and engine, for a run in two engines: a colour per engine), the ideal line y = x dashed,
// and the machine's core count marked.
class SpeedupChart : public StyledChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpeedupChart)

public:
    explicit SpeedupChart(QWidget* parent = nullptr);
    ~SpeedupChart() override;

    void setHistory(const RunHistory& history);

    int seriesCount() const noexcept { return m_used; }
    // Line `index` as the key names it ("threads · CPython") and its colour.
    QString lineName(int index) const;
    QColor lineColor(int index) const;

protected:
    void restyle() override;

private:
    void layoutKey();
    QLineSeries* lineAt(int index);

    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QLineSeries* m_ideal = nullptr;
    QLineSeries* m_cores = nullptr;
    std::vector<QLineSeries*> m_lines; // a pool: fed with replace(), never rebuilt point by point
    std::vector<bool> m_isProcess;     // per line: processes are dashed
    std::vector<int> m_colorOf;        // per line: its ChartStyle::seriesColor
    // The key sits inside the plot's top-left corner, above the ideal line where no measured
    // speedup can go; Qt's own legend would truncate the labels to one crowded row.
    QGraphicsTextItem* m_key = nullptr;
    int m_coreCount = 0;
    int m_used = 0;
};

} // namespace ThreadLab
