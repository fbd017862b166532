#include "timeline/timelinepanel.h"

#include "engine/eventlog.h"
#include "timeline/timelineview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTabBar>
#include <QVBoxLayout>

namespace ThreadLab {

TimelinePanel::TimelinePanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Timeline"), this))
    , m_tabs(new QTabBar(this))
    , m_view(new TimelineView(this))
{
    m_tabs->setObjectName(QStringLiteral("timelineTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    m_tabs->setFocusPolicy(Qt::NoFocus);
    m_view->setObjectName(QStringLiteral("timeline"));
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
    layout->addWidget(m_view, 1);
    connect(m_tabs, &QTabBar::currentChanged, this, &TimelinePanel::onTabChanged);
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::clear()
{
    m_switching = true;
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    m_switching = false;
    m_logs.clear();
    m_liveTab = -1;
    m_view->setLive(false);
    m_view->clear();
}

void TimelinePanel::addVariant(int index, const QString& name, std::shared_ptr<const EventLog> log)
{
    // Tabs follow the variants' indexes; a variant shown again replaces its tab.
    if (index < m_tabs->count()) {
        m_logs[static_cast<std::size_t>(index)] = log;
        m_tabs->setTabText(index, name);
    } else {
        m_switching = true;
        m_tabs->addTab(name);
        m_switching = false;
        m_logs.push_back(log);
    }
    const int tab = std::min(index, m_tabs->count() - 1);
    m_liveTab = tab;
    m_switching = true;
    m_tabs->setCurrentIndex(tab);
    m_switching = false;
    m_view->setLog(std::move(log));
    m_view->setLive(true);
}

void TimelinePanel::finishRun()
{
    m_liveTab = -1;
    m_view->setLive(false);
    m_view->fit();
}

int TimelinePanel::variantCount() const
{
    return m_tabs->count();
}

int TimelinePanel::currentVariant() const
{
    return m_tabs->currentIndex();
}

QString TimelinePanel::variantName(int index) const
{
    return m_tabs->tabText(index);
}

std::shared_ptr<const EventLog> TimelinePanel::log(int index) const
{
    if (index < 0 || index >= static_cast<int>(m_logs.size()))
        return nullptr;
    return m_logs[static_cast<std::size_t>(index)];
}

void TimelinePanel::onTabChanged(int tab)
{
    if (m_switching || tab < 0 || tab >= static_cast<int>(m_logs.size()))
        return;
    m_view->setLog(m_logs[static_cast<std::size_t>(tab)]);
    const bool live = tab == m_liveTab;
    m_view->setLive(live);
    if (!live)
        m_view->fit();
}

void TimelinePanel::setPresenterScale(double scale)
{
    m_view->setScale(scale);
}

} // namespace ThreadLab
