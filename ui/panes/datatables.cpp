#include "panes/datatables.h"

#include "model/historytablemodel.h"
#include "model/intervaltablemodel.h"
#include "style/statepalette.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ThreadLab {

DataTables::DataTables(QTabWidget* chartTabs, TimelinePanel* timeline, QObject* parent)
    : QObject(parent)
    , m_chartTabs(chartTabs)
    , m_timeline(timeline)
{
    const std::array<QString, 3> names {tr("Elapsed time chart"), tr("Speedup chart"), tr("Start latency chart")};
    const std::array<QString, 3> tables {tr("Elapsed time table"), tr("Speedup table"), tr("Start latency table")};
    const std::array<HistoryTableModel::Kind, 3> kinds {HistoryTableModel::Kind::Elapsed, HistoryTableModel::Kind::Speedup,
                                                        HistoryTableModel::Kind::Latency};
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        m_charts[i] = chartTabs->widget(static_cast<int>(i));
        m_charts[i]->setAccessibleName(names[i]);
        m_models[i] = new HistoryTableModel(kinds[i], this);
        m_charts[i]->setAccessibleDescription(m_models[i]->summary());
        m_tables[i] = makeTable(tables[i], tr("The chart's numbers, one row per bar or point"), chartTabs);
        m_tables[i]->setObjectName(QStringLiteral("chartTable%1").arg(i));
        m_tables[i]->setModel(m_models[i]);
        m_tables[i]->hide();
    }

    auto* page = new QWidget(timeline);
    page->setObjectName(QStringLiteral("intervalPage"));
    page->setAccessibleName(tr("Timeline as a table"));
    m_intervalNote = new QLabel(page);
    m_intervalNote->setObjectName(QStringLiteral("intervalNote"));
    m_intervalNote->setWordWrap(true);
    m_intervals = new IntervalTableModel(this);
    m_intervals->setStateLabel([](WorkerState state, std::uint32_t arg) { return StatePalette::label(state, arg); });
    m_intervalTable = makeTable(tr("Intervals"),
                                tr("Every state interval of the variant whose tab is chosen (of every variant on the "
                                   "Compare tab): worker, state, start, end, duration and what it printed"),
                                page);
    m_intervalTable->setObjectName(QStringLiteral("intervalTable"));
    m_intervalTable->setModel(m_intervals);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intervalNote);
    layout->addWidget(m_intervalTable, 1);
    timeline->setTablePage(page);
    QWidget::setTabOrder(timeline->detailView(), m_intervalTable); // where the timeline is, for Tab
    connect(timeline, &TimelinePanel::variantShown, this, &DataTables::onVariantShown);
    updateIntervalNote();
}

DataTables::~DataTables() = default;

QTableView* DataTables::makeTable(const QString& name, const QString& description, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setAccessibleName(name);
    table->setAccessibleDescription(description);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    table->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures a million rows.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

void DataTables::setHistory(const RunHistory& history)
{
    for (std::size_t i = 0; i < m_models.size(); ++i) {
        m_models[i]->setHistory(history);
        m_charts[i]->setAccessibleDescription(m_models[i]->summary());
        m_tables[i]->resizeColumnsToContents();
    }
}

void DataTables::setRun(const RunResult* run)
{
    m_run = run;
    onVariantShown(m_timeline->currentVariant());
}

void DataTables::onVariantShown(int variant)
{
    m_intervals->setRun(m_run, variant);
    updateIntervalNote();
}

void DataTables::updateIntervalNote()
{
    const QLocale locale;
    if (!m_run)
        m_intervalNote->setText(tr("The intervals appear here when the run has ended."));
    else if (m_intervals->hiddenRows() > 0)
        m_intervalNote->setText(tr("The first %1 of %2 intervals; the Perfetto trace (File ▸ Export) has them all.")
                                    .arg(locale.toString(m_intervals->rowCount()), locale.toString(m_intervals->totalRows())));
    else
        m_intervalNote->setText(tr("%1 intervals.").arg(locale.toString(m_intervals->totalRows())));
}

void DataTables::setShown(bool shown)
{
    if (shown == m_shown)
        return;
    m_shown = shown;
    const int current = m_chartTabs->currentIndex();
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        const int index = static_cast<int>(i);
        const QString text = m_chartTabs->tabText(index);
        const QString tip = m_chartTabs->tabToolTip(index);
        QWidget* page = shown ? static_cast<QWidget*>(m_tables[i]) : m_charts[i];
        (shown ? static_cast<QWidget*>(m_charts[i]) : m_tables[i])->hide();
        m_chartTabs->removeTab(index);
        m_chartTabs->insertTab(index, page, text);
        m_chartTabs->setTabToolTip(index, tip);
    }
    m_chartTabs->setCurrentIndex(current);
    m_timeline->setTableShown(shown);
}

void DataTables::showChart(QWidget* chart)
{
    for (std::size_t i = 0; i < m_charts.size(); ++i)
        if (m_charts[i] == chart)
            m_chartTabs->setCurrentIndex(static_cast<int>(i));
}

} // namespace ThreadLab
