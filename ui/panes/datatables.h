#pragma once

#include <QObject>

#include <array>

class QLabel;
class QTabWidget;
class QTableView;
class QWidget;

namespace ThreadLab {

class HistoryTableModel;
class IntervalTableModel;
class RunHistory;
class TimelinePanel;
struct RunResult;

// What the charts and the timeline show, as tables a screen reader can read (View ▸ Show data
// as tables): each chart's tab shows its table in place of the chart, and the timeline shows
// the state intervals of the variant whose tab is chosen (of every variant on the Compare tab).
// It also keeps the charts' accessible names and descriptions, which say what their tables hold
// in one sentence, up to date.
class DataTables : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataTables)

public:
    // chartTabs holds the elapsed, speedup and latency charts, in that order.
    DataTables(QTabWidget* chartTabs, TimelinePanel* timeline, QObject* parent = nullptr);
    ~DataTables() override;

    void setHistory(const RunHistory& history);
    // The run whose intervals the timeline's table lists (null while a run plays: its table fills
    // when it ends). The run must stay alive until the next call.
    void setRun(const RunResult* run);
    void setShown(bool shown);
    bool isShown() const noexcept { return m_shown; }
    // Brings a chart's tab to the front, whether it shows the chart or its table.
    void showChart(QWidget* chart);

    HistoryTableModel* chartModel(int index) const { return m_models[static_cast<std::size_t>(index)]; }
    QTableView* chartTable(int index) const { return m_tables[static_cast<std::size_t>(index)]; }
    IntervalTableModel* intervalModel() const noexcept { return m_intervals; }
    QTableView* intervalTable() const noexcept { return m_intervalTable; }

private:
    QTableView* makeTable(const QString& name, const QString& description, QWidget* parent);
    void onVariantShown(int variant);
    void updateIntervalNote();

    QTabWidget* m_chartTabs = nullptr;
    TimelinePanel* m_timeline = nullptr;
    std::array<QWidget*, 3> m_charts {};
    std::array<HistoryTableModel*, 3> m_models {};
    std::array<QTableView*, 3> m_tables {};
    IntervalTableModel* m_intervals = nullptr;
    QTableView* m_intervalTable = nullptr;
    QLabel* m_intervalNote = nullptr;
    const RunResult* m_run = nullptr;
    bool m_shown = false;
};

} // namespace ThreadLab
