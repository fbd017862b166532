#include "timeline/timelinepanel.h"

#include "engine/eventlog.h"
#include "results/enginecomparison.h"
#include "results/variantresult.h"
#include "timeline/compareview.h"
#include "timeline/timelineview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

namespace ThreadLab {

TimelinePanel::TimelinePanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Timeline"), this))
    , m_tabs(new QTabBar(this))
    , m_stack(new QStackedWidget(this))
    , m_compare(new CompareView(this))
    , m_view(new TimelineView(this))
{
    m_tabs->setObjectName(QStringLiteral("timelineTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    m_tabs->setFocusPolicy(Qt::NoFocus);
    m_tabs->addTab(tr("Compare"));
    m_tabs->setTabToolTip(0, tr("Every variant on one time axis, the lesson's focus first"));
    m_view->setObjectName(QStringLiteral("timeline"));
    m_tabs->setAccessibleName(tr("Timeline views"));
    m_tabs->setAccessibleDescription(tr("Compare, then one tab per variant; Ctrl+PageDown and Ctrl+PageUp switch"));
    m_stack->addWidget(m_compare);
    m_stack->addWidget(m_view);
    QFont bold; // only the weight: the size follows the window (presenter mode)
    bold.setBold(true);
    m_title->setFont(bold);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 0, 4, 0);
    header->addWidget(m_title);
    header->addSpacing(12);
    header->addWidget(m_tabs, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    connect(m_tabs, &QTabBar::currentChanged, this, &TimelinePanel::onTabChanged);
    // After onTabChanged: the table, if shown, stays in front of the view the tab chose.
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int tab) {
        if (m_tableShown && m_tablePage)
            m_stack->setCurrentWidget(m_tablePage);
        Q_EMIT variantShown(tab - 1);
    });
    setAccessibleName(tr("Timeline pane"));
    connect(m_compare, &CompareView::variantClicked, this, &TimelinePanel::showVariant);
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::clear()
{
    m_switching = true;
    while (m_tabs->count() > 1)
        m_tabs->removeTab(1);
    m_tabs->setCurrentIndex(0);
    m_switching = false;
    m_stack->setCurrentWidget(m_compare);
    setTableShown(m_tableShown);
    m_logs.clear();
    m_liveVariant = -1;
    m_view->setLive(false);
    m_view->clear();
    m_compare->clear();
}

void TimelinePanel::setFocusVariants(const QStringList& names)
{
    m_compare->setFocusNames(names);
}

void TimelinePanel::addVariant(int index, const QString& name, std::shared_ptr<const EventLog> log)
{
    // Tabs after "Compare" follow the variants' indexes; a variant shown again replaces its tab.
    if (index < variantCount()) {
        m_logs[static_cast<std::size_t>(index)] = log;
        m_tabs->setTabText(index + 1, name);
    } else {
        m_switching = true;
        m_tabs->addTab(name);
        m_switching = false;
        m_logs.push_back(log);
    }
    m_liveVariant = std::min(index, variantCount() - 1);
    m_compare->setVariant(m_liveVariant, name, log);
    if (currentVariant() == m_liveVariant) {
        m_view->setLog(std::move(log));
        m_view->setLive(true);
    } else if (currentVariant() >= 0) {
        m_view->setLive(false);
    }
}

void TimelinePanel::finishVariant(int index, const VariantResult& result)
{
    m_compare->finishVariant(index, result.scenarioName, result.elapsedMs, result.cancelled);
    if (index == m_liveVariant) {
        m_liveVariant = -1;
        m_view->setLive(false);
    }
}

void TimelinePanel::showMedianRuns(const RunResult& series)
{
    // The combined series holds each variant's median run, log and all (RunSeries).
    for (std::size_t i = 0; i < series.variants.size(); ++i) {
        const VariantResult& v = series.variants[i];
        if (!v.log)
            continue;
        addVariant(static_cast<int>(i), v.name, v.log);
        finishVariant(static_cast<int>(i), v);
        if (!series.engineRuns.empty())
            m_compare->setEngine(static_cast<int>(i), EngineComparison::plainName(series, v), engineTitle(v.engine));
    }
}

void TimelinePanel::finishRun()
{
    m_liveVariant = -1;
    m_view->setLive(false);
    m_view->fit();
    m_compare->setLive(false);
    m_compare->fit();
    showVariant(-1);
}

int TimelinePanel::variantCount() const
{
    return static_cast<int>(m_logs.size());
}

int TimelinePanel::currentVariant() const
{
    return m_tabs->currentIndex() - 1;
}

void TimelinePanel::showVariant(int index)
{
    m_tabs->setCurrentIndex(std::clamp(index, -1, variantCount() - 1) + 1);
}

QString TimelinePanel::variantName(int index) const
{
    return m_tabs->tabText(index + 1);
}

std::shared_ptr<const EventLog> TimelinePanel::log(int index) const
{
    if (index < 0 || index >= variantCount())
        return nullptr;
    return m_logs[static_cast<std::size_t>(index)];
}

TimelineView* TimelinePanel::view() const
{
    return currentVariant() < 0 ? m_compare->firstView() : m_view;
}

void TimelinePanel::onTabChanged(int tab)
{
    if (m_switching)
        return;
    const int variant = tab - 1;
    if (variant < 0 || variant >= variantCount()) {
        m_stack->setCurrentWidget(m_compare);
        return;
    }
    m_view->setLog(m_logs[static_cast<std::size_t>(variant)]);
    const bool live = variant == m_liveVariant;
    m_view->setLive(live);
    if (!live)
        m_view->fit();
    m_stack->setCurrentWidget(m_view);
}

void TimelinePanel::setTablePage(QWidget* page)
{
    m_tablePage = page;
    m_stack->addWidget(page);
}

void TimelinePanel::setTableShown(bool shown)
{
    m_tableShown = shown && m_tablePage;
    if (m_tableShown)
        m_stack->setCurrentWidget(m_tablePage);
    else
        m_stack->setCurrentWidget(currentVariant() < 0 ? static_cast<QWidget*>(m_compare) : m_view);
}

void TimelinePanel::showNextTab()
{
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
}

void TimelinePanel::showPreviousTab()
{
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
}

void TimelinePanel::setPresenterScale(double scale)
{
    m_view->setScale(scale);
    m_compare->setScale(scale);
}

void TimelinePanel::zoomIn()
{
    if (currentVariant() < 0)
        m_compare->zoomIn();
    else
        m_view->zoomIn();
}

void TimelinePanel::zoomOut()
{
    if (currentVariant() < 0)
        m_compare->zoomOut();
    else
        m_view->zoomOut();
}

void TimelinePanel::fit()
{
    if (currentVariant() < 0)
        m_compare->fit();
    else
        m_view->fit();
}

void TimelinePanel::advanceFrame()
{
    m_compare->advanceFrame();
    m_view->advanceFrame();
}

} // namespace ThreadLab
