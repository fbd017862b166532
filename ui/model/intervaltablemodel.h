#pragma once

#include "tasks/workerstate.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <functional>
#include <vector>

namespace ThreadLab {

struct RunResult;
struct WorkerResult;

// The timeline's state intervals as a table a screen reader can walk (View ▸ Show data as
// tables): variant, worker, state, start, end, duration and what the worker printed meanwhile.
//
// Nothing is copied: the model keeps the run it reads (RunController's last run, which it must
// be told about again before that run goes away) and one offset per worker, and finds a row's
// interval by binary search over those offsets when the view asks for it. A run of millions of
// intervals shows its first maxRows (hiddenRows() says how many more; the Perfetto trace export has them
// all): a table view with millions of rows helps no one and makes its header slow.
class IntervalTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntervalTableModel)

public:
    static constexpr int defaultMaxRows = 100000;
    // The words for a state ("waiting for GIL"); by default the results' names ("waiting-for-GIL").
    using StateLabel = std::function<QString(WorkerState state, std::uint32_t arg)>;
    enum Column { VariantColumn, WorkerColumn, StateColumn, StartColumn, EndColumn, DurationColumn, OutputColumn, ColumnCount };

    explicit IntervalTableModel(QObject* parent = nullptr);
    ~IntervalTableModel() override;

    // The intervals of `run`'s variant `variant`, or of every variant (-1); null: none.
    void setRun(const RunResult* run, int variant = -1);
    void setStateLabel(StateLabel label);
    void setMaxRows(int maxRows);
    int variant() const noexcept { return m_variant; }
    // Every interval of the shown variant(s), and those beyond maxRows the table leaves out.
    qint64 totalRows() const noexcept { return m_total; }
    qint64 hiddenRows() const noexcept { return m_total - rowCount(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // One worker's intervals in the table: rows [firstRow, next span's firstRow).
    struct Span
    {
        qint64 firstRow = 0;
        int variant = 0;
        int worker = 0;
    };
    QString outputDuring(const WorkerResult& worker, double startMs, double endMs) const;

    const RunResult* m_run = nullptr;
    int m_variant = -1;
    std::vector<Span> m_spans;
    qint64 m_total = 0;
    int m_maxRows = defaultMaxRows;
    StateLabel m_label;
};

} // namespace ThreadLab
