#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QTabBar;

namespace ThreadLab {

class EventLog;
class TimelineView;

// The timeline with a tab per variant of the current run: the running variant is shown live,
// and afterwards the teacher can flip back to any variant to compare.
class TimelinePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    explicit TimelinePanel(QWidget* parent = nullptr);
    ~TimelinePanel() override;

    void clear();
    // A variant starts: a tab for it, shown live.
    void addVariant(int index, const QString& name, std::shared_ptr<const EventLog> log);
    // The run is over: the view stops following and fits what it shows.
    void finishRun();

    int variantCount() const;
    int currentVariant() const;
    QString variantName(int index) const;
    std::shared_ptr<const EventLog> log(int index) const;

    TimelineView* view() const noexcept { return m_view; }

    void setPresenterScale(double scale);

private:
    void onTabChanged(int tab);

    QLabel* m_title = nullptr;
    QTabBar* m_tabs = nullptr;
    TimelineView* m_view = nullptr;
    std::vector<std::shared_ptr<const EventLog>> m_logs; // by tab
    int m_liveTab = -1;
    bool m_switching = false;
};

} // namespace ThreadLab
