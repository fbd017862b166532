#include "model/historytablemodel.h"

#include "results/runhistory.h"

#include <algorithm>

namespace ThreadLab {

namespace {

// The rows a chart's description names; the table has them all.
constexpr int summaryRows = 6;

} // namespace

HistoryTableModel::HistoryTableModel(Kind kind, QObject* parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
    switch (kind) {
    case Kind::Elapsed:
        m_columns = {{tr("Run"), Unit::Text},     {tr("Variant"), Unit::Text},   {tr("Engine"), Unit::Text},
                     {tr("Elapsed"), Unit::Ms},   {tr("Fastest"), Unit::Ms},     {tr("Slowest"), Unit::Ms},
                     {tr("Runs"), Unit::Count},   {tr("Speedup"), Unit::Ratio}};
        break;
    case Kind::Speedup:
        m_columns = {{tr("Line"), Unit::Text},
                     {tr("Workers"), Unit::Count},
                     {tr("Speedup"), Unit::Ratio},
                     {tr("Elapsed"), Unit::Ms}};
        break;
    case Kind::Latency:
        m_columns = {{tr("Variant"), Unit::Text}, {tr("Worker"), Unit::Count}, {tr("Start latency"), Unit::Us}};
        break;
    }
}

HistoryTableModel::~HistoryTableModel() = default;

void HistoryTableModel::setHistory(const RunHistory& history)
{
    beginResetModel();
    m_rows.clear();
    switch (m_kind) {
    case Kind::Elapsed:
        fillElapsed(history);
        break;
    case Kind::Speedup:
        fillSpeedup(history);
        break;
    case Kind::Latency:
        fillLatency(history);
        break;
    }
    endResetModel();
}

void HistoryTableModel::fillElapsed(const RunHistory& history)
{
    for (const ElapsedEntry& e : history.elapsed()) {
        const auto [fastest, slowest] = std::minmax_element(e.runsMs.begin(), e.runsMs.end());
        const bool repeated = !e.runsMs.empty();
        m_rows.push_back({history.runTag(e.run), e.variant, engineTitle(e.engine), e.elapsedMs,
                          repeated ? QVariant(*fastest) : QVariant(), repeated ? QVariant(*slowest) : QVariant(),
                          repeated ? static_cast<int>(e.runsMs.size()) : 1,
                          e.speedup > 0 ? QVariant(e.speedup) : QVariant()});
    }
}

void HistoryTableModel::fillSpeedup(const RunHistory& history)
{
    for (const SpeedupSeries& s : history.speedupSeries())
        for (const SpeedupPoint& p : s.points)
            m_rows.push_back({s.key, p.workers, p.speedup > 0 ? QVariant(p.speedup) : QVariant(), p.elapsedMs});
}

void HistoryTableModel::fillLatency(const RunHistory& history)
{
    for (const LatencySeries& s : history.latencySeries())
        for (std::size_t i = 0; i < s.latenciesUs.size(); ++i)
            m_rows.push_back({s.key, static_cast<int>(i) + 1,
                              s.latenciesUs[i] >= 0 ? QVariant(s.latenciesUs[i]) : QVariant()});
}

QString HistoryTableModel::display(const QVariant& value, Unit unit)
{
    if (!value.isValid())
        return tr("—");
    switch (unit) {
    case Unit::Text:
        return value.toString();
    case Unit::Count:
        return QString::number(value.toInt());
    case Unit::Ms:
        return RunHistory::durationText(value.toDouble());
    case Unit::Us:
        return value.toDouble() >= 1000 ? RunHistory::durationText(value.toDouble() / 1000)
                                         : tr("%1 µs").arg(value.toDouble(), 0, 'f', 0);
    case Unit::Ratio:
        return RunHistory::speedupText(value.toDouble());
    }
    return {};
}

QString HistoryTableModel::summary() const
{
    QString what;
    switch (m_kind) {
    case Kind::Elapsed:
        what = tr("Elapsed time per variant (bars: %1)").arg(rowCount());
        break;
    case Kind::Speedup:
        what = tr("Speedup against the number of workers (points: %1)").arg(rowCount());
        break;
    case Kind::Latency:
        what = tr("Start latency of each worker (workers: %1)").arg(rowCount());
        break;
    }
    if (m_rows.empty())
        return tr("%1: no runs yet.").arg(what);
    QStringList rows;
    const int shown = std::min(summaryRows, rowCount());
    for (int r = 0; r < shown; ++r) {
        QStringList cells;
        // The first column (the run) is left out where it is the same for every row shown.
        for (int c = m_kind == Kind::Elapsed ? 1 : 0; c < columnCount(); ++c)
            if (const QVariant& v = m_rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)]; v.isValid())
                cells << display(v, m_columns[static_cast<std::size_t>(c)].unit);
        rows << cells.join(QStringLiteral(", "));
    }
    QString text = tr("%1: %2").arg(what, rows.join(QStringLiteral("; ")));
    if (rowCount() > shown)
        text += tr("; the table has %1 more").arg(rowCount() - shown);
    return text + QLatin1Char('.');
}

int HistoryTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant HistoryTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QVariant& value = m_rows[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(index.column())];
    const Unit unit = m_columns[static_cast<std::size_t>(index.column())].unit;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(value, unit);
    case Qt::UserRole:
        return value;
    case Qt::TextAlignmentRole:
        return unit == Unit::Text ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    return m_columns[static_cast<std::size_t>(section)].title;
}

} // namespace ThreadLab
