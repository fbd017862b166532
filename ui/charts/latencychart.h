#pragma once

#include <QChartView>

#include <vector>

class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace ThreadLab {

class RunHistory;

// How long each worker took from being started to running, threads against processes
// (spawn-cost), on a log scale: threads start in tens of microseconds, processes in milliseconds.
class LatencyChart : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LatencyChart)

public:
    explicit LatencyChart(QWidget* parent = nullptr);
    ~LatencyChart() override;

    void setHistory(const RunHistory& history);
    void setPresenterScale(double scale);

    int seriesCount() const noexcept { return m_used; }
    int pointCount() const;
    QChart* chartItem() const noexcept { return m_chart; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();
    QScatterSeries* seriesAt(int index);

    QChart* m_chart = nullptr;
    QValueAxis* m_axisX = nullptr;
    QLogValueAxis* m_axisY = nullptr;
    std::vector<QScatterSeries*> m_series; // a pool fed with replace()
    std::vector<bool> m_isProcess;
    int m_used = 0;
    double m_scale = 1;
};

} // namespace ThreadLab
