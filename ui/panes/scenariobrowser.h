#pragma once

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace ThreadLab {

struct Scenario;

// The list of scenarios, grouped under their Scenario::group headings, with the files the
// teacher opened under a heading of their own. Items carry the ScenarioLibrary index.
class ScenarioBrowser : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioBrowser)

public:
    explicit ScenarioBrowser(QWidget* parent = nullptr);
    ~ScenarioBrowser() override;

    // Adds a scenario, or retitles the item already showing `index`.
    void setScenario(int index, const Scenario& scenario, bool openedFile);
    int scenarioCount() const;
    int currentIndex() const noexcept { return m_current; }
    // In the order shown (headings skipped).
    QList<int> indexesInOrder() const;

    void selectIndex(int index);
    void selectNext();
    void selectPrevious();

    QTreeWidget* tree() const noexcept { return m_tree; }

Q_SIGNALS:
    void scenarioSelected(int index);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCurrentItemChanged(QTreeWidgetItem* current);
    QTreeWidgetItem* groupItem(const QString& heading);
    QTreeWidgetItem* itemFor(int index) const;
    void step(int delta);

    QTreeWidget* m_tree = nullptr;
    int m_current = -1;
    bool m_selecting = false;
};

} // namespace ThreadLab
