#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace ThreadLab {

class RunHistory;

// What a chart shows, as a table a screen reader can walk cell by cell (View ▸ Show data as
// tables): the elapsed time per variant, the speedup per worker count, or each worker's start
// latency, from the same RunHistory the chart reads. The history holds a few runs, so the rows
// are made once per change of the history, never per frame. Display text carries the unit
// ("8.02 s", "3.10×"); Qt::UserRole gives the raw number (ms, µs, ratio) for sorting and tests.
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryTableModel)

public:
    enum class Kind { Elapsed, Speedup, Latency };

    explicit HistoryTableModel(Kind kind, QObject* parent = nullptr);
    ~HistoryTableModel() override;

    void setHistory(const RunHistory& history);
    Kind kind() const noexcept { return m_kind; }
    // One sentence for the chart's accessible description: what it shows and its first rows
    // ("Elapsed time per variant, 3 bars: sequential, Model, 8.02 s; …").
    QString summary() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Unit { Text, Ms, Us, Ratio, Count };
    struct Column
    {
        QString title;
        Unit unit = Unit::Text;
    };
    static QString display(const QVariant& value, Unit unit);
    void fillElapsed(const RunHistory& history);
    void fillSpeedup(const RunHistory& history);
    void fillLatency(const RunHistory& history);

    Kind m_kind = Kind::Elapsed;
    std::vector<Column> m_columns;
    std::vector<std::vector<QVariant>> m_rows; // raw values, one per column
};

} // namespace ThreadLab
