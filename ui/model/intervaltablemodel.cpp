#include "model/intervaltablemodel.h"

#include "results/variantresult.h"

#include <QStringList>

#include <algorithm>

namespace ThreadLab {

namespace {

// The lines a cell quotes; the console has them all.
constexpr int quotedLines = 3;

} // namespace

IntervalTableModel::IntervalTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_label([](WorkerState state, std::uint32_t) { return QString::fromLatin1(workerStateName(state)); })
{
}

IntervalTableModel::~IntervalTableModel() = default;

void IntervalTableModel::setRun(const RunResult* run, int variant)
{
    beginResetModel();
    m_run = run;
    m_variant = variant;
    m_spans.clear();
    m_total = 0;
    if (run) {
        const int variants = static_cast<int>(run->variants.size());
        for (int v = variant < 0 ? 0 : variant; v < (variant < 0 ? variants : std::min(variant + 1, variants)); ++v) {
            const std::vector<WorkerResult>& workers = run->variants[static_cast<std::size_t>(v)].workers;
            for (int w = 0; w < static_cast<int>(workers.size()); ++w) {
                const auto n = static_cast<qint64>(workers[static_cast<std::size_t>(w)].intervals.size());
                if (n == 0)
                    continue;
                m_spans.push_back({m_total, v, w});
                m_total += n;
            }
        }
    }
    endResetModel();
}

void IntervalTableModel::setStateLabel(StateLabel label)
{
    beginResetModel();
    m_label = std::move(label);
    endResetModel();
}

void IntervalTableModel::setMaxRows(int maxRows)
{
    beginResetModel();
    m_maxRows = std::max(0, maxRows);
    endResetModel();
}

int IntervalTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<qint64>(m_total, m_maxRows));
}

int IntervalTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IntervalTableModel::outputDuring(const WorkerResult& worker, double startMs, double endMs) const
{
    const auto before = [](const OutputLine& line, double t) { return line.tMs < t; };
    auto it = std::lower_bound(worker.output.begin(), worker.output.end(), startMs, before);
    const auto end = std::lower_bound(it, worker.output.end(), endMs, before);
    QStringList lines;
    for (; it != end && lines.size() < quotedLines; ++it)
        lines << it->text;
    QString text = lines.join(QStringLiteral(" / "));
    if (const auto more = end - it; more > 0)
        text += tr(" (+%1 more)").arg(more);
    return text;
}

QVariant IntervalTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_run)
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() >= StartColumn && index.column() <= DurationColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter) : int(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::UserRole)
        return {};
    const qint64 row = index.row();
    const auto span = std::prev(std::upper_bound(m_spans.begin(), m_spans.end(), row,
                                                 [](qint64 r, const Span& s) { return r < s.firstRow; }));
    const VariantResult& variant = m_run->variants[static_cast<std::size_t>(span->variant)];
    const WorkerResult& worker = variant.workers[static_cast<std::size_t>(span->worker)];
    const StateInterval& interval = worker.intervals[static_cast<std::size_t>(row - span->firstRow)];
    const bool raw = role == Qt::UserRole;
    auto ms = [raw](double value) { return raw ? QVariant(value) : QVariant(tr("%1 ms").arg(value, 0, 'f', 3)); };
    switch (index.column()) {
    case VariantColumn:
        return variant.name;
    case WorkerColumn:
        return worker.name;
    case StateColumn:
        return raw ? QVariant(static_cast<int>(interval.state)) : QVariant(m_label(interval.state, interval.arg));
    case StartColumn:
        return ms(interval.startMs);
    case EndColumn:
        return ms(interval.endMs);
    case DurationColumn:
        return ms(interval.endMs - interval.startMs);
    case OutputColumn:
        return outputDuring(worker, interval.startMs, interval.endMs);
    default:
        return {};
    }
}

QVariant IntervalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VariantColumn:
        return tr("Variant");
    case WorkerColumn:
        return tr("Worker");
    case StateColumn:
        return tr("State");
    case StartColumn:
        return tr("Start");
    case EndColumn:
        return tr("End");
    case DurationColumn:
        return tr("Duration");
    case OutputColumn:
        return tr("Output");
    default:
        return {};
    }
}

} // namespace ThreadLab
