#pragma once

#include "charts/styledchartview.h"

#include <vector>

class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace ThreadLab {

class RunHistory;

// How long each worker took from being started to running, threads against processes
// (spawn-cost), on a log scale: threads start in tens of microseconds, processes in milliseconds.
class LatencyChart : public StyledChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    explicit LatencyChart(QWidget* parent = nullptr);
    ~LatencyChart() override;

    void setHistory(const RunHistory& history);

    int seriesCount() const noexcept { return m_used; }
    int pointCount() const;

protected:
    void restyle() override;

private:
    QScatterSeries* seriesAt(int index);

    QValueAxis* m_axisX = nullptr;
    QLogValueAxis* m_axisY = nullptr;
    std::vector<QScatterSeries*> m_series; // a pool fed with replace()
    std::vector<bool> m_isProcess;
    int m_used = 0;
};

} // namespace ThreadLab
