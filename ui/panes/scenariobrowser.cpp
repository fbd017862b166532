#include "panes/scenariobrowser.h"

#include "i18n/translations.h"
#include "scenario/scenario.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ThreadLab {

namespace {

constexpr int indexRole = Qt::UserRole + 1;

} // namespace

ScenarioBrowser::ScenarioBrowser(QWidget* parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    m_tree->setObjectName(QStringLiteral("scenarioTree"));
    setAccessibleName(tr("Scenario browser"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(14);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setExpandsOnDoubleClick(false);
    m_tree->setItemsExpandable(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Stretch);
    m_tree->installEventFilter(this);
    m_tree->setAccessibleName(tr("Scenarios"));
    m_tree->setAccessibleDescription(tr("The scenarios by concept; Up and Down choose one, PageDown and PageUp "
                                        "go to the next and previous"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem*) { onCurrentItemChanged(current); });
}

ScenarioBrowser::~ScenarioBrowser() = default;

QTreeWidgetItem* ScenarioBrowser::groupItem(const QString& heading)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->text(0) == heading)
            return m_tree->topLevelItem(i);
    auto* group = new QTreeWidgetItem(QStringList {heading});
    // Headings only organise: they cannot be selected and keyboard steps skip them.
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold; // only the weight: the size follows the view's font (presenter mode)
    bold.setBold(true);
    group->setFont(0, bold);
    group->setData(0, indexRole, -1);
    m_tree->addTopLevelItem(group);
    group->setExpanded(true);
    return group;
}

QTreeWidgetItem* ScenarioBrowser::itemFor(int index) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            if (group->child(c)->data(0, indexRole).toInt() == index)
                return group->child(c);
    }
    return nullptr;
}

void ScenarioBrowser::setScenario(int index, const Scenario& scenario, bool openedFile)
{
    const QString title = textIn(scenario.title, scenario.titleTranslations, Translations::current());
    const QString tip = QStringLiteral("%1 (%2)").arg(scenario.id, scenario.conceptId)
        + (openedFile ? QStringLiteral("\n") + scenario.sourcePath : QString());
    if (QTreeWidgetItem* existing = itemFor(index)) {
        existing->setText(0, title);
        existing->setToolTip(0, tip);
        return;
    }
    // A file goes under its own group: beside the built-ins of that name, or a heading of its own.
    QTreeWidgetItem* group = groupItem(textIn(scenario.group, scenario.groupTranslations, Translations::current()));
    auto* item = new QTreeWidgetItem(QStringList {title});
    if (openedFile) { // told apart from the built-ins at a glance; the tooltip names the file
        QFont italic;
        italic.setItalic(true);
        item->setFont(0, italic);
    }
    item->setData(0, indexRole, index);
    item->setToolTip(0, tip);
    group->addChild(item);
    group->setExpanded(true);
}

int ScenarioBrowser::scenarioCount() const
{
    return static_cast<int>(indexesInOrder().size());
}

QList<int> ScenarioBrowser::indexesInOrder() const
{
    QList<int> out;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c)
            out << group->child(c)->data(0, indexRole).toInt();
    }
    return out;
}

void ScenarioBrowser::selectIndex(int index)
{
    QTreeWidgetItem* item = itemFor(index);
    if (!item)
        return;
    if (index == m_current && m_tree->currentItem() == item)
        return;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
}

void ScenarioBrowser::selectNext()
{
    step(+1);
}

void ScenarioBrowser::selectPrevious()
{
    step(-1);
}

void ScenarioBrowser::step(int delta)
{
    const QList<int> order = indexesInOrder();
    if (order.isEmpty())
        return;
    const qsizetype at = order.indexOf(m_current);
    const qsizetype next = at < 0 ? 0 : std::clamp<qsizetype>(at + delta, 0, order.size() - 1);
    selectIndex(order.at(next));
}

void ScenarioBrowser::onCurrentItemChanged(QTreeWidgetItem* current)
{
    if (!current)
        return;
    const int index = current->data(0, indexRole).toInt();
    if (index < 0 || index == m_current)
        return;
    m_current = index;
    Q_EMIT scenarioSelected(index);
}

bool ScenarioBrowser::eventFilter(QObject* watched, QEvent* event)
{
    // Up and Down step through scenarios, skipping the headings.
    if (watched == m_tree && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            if (key->key() == Qt::Key_Down) {
                selectNext();
                return true;
            }
            if (key->key() == Qt::Key_Up) {
                selectPrevious();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ThreadLab
