#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QStackedWidget;
class QTabBar;

namespace ThreadLab {

class CompareView;
class EventLog;
struct RunResult;
class TimelineView;
struct VariantResult;

// The timeline of the current run: a first "Compare" tab with every variant on one shared time
// axis (CompareView, shown during and after a run), then a tab per variant with its detail.
// A click on a band's header in the compare view opens that variant's tab.
class TimelinePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    explicit TimelinePanel(QWidget* parent = nullptr);
    ~TimelinePanel() override;

    void clear();
    // The scenario's focus for the next run (CompareLayout::focusNames): shown first.
    void setFocusVariants(const QStringList& names);
    // A variant starts: its band in the compare view and its tab, both live.
    void addVariant(int index, const QString& name, std::shared_ptr<const EventLog> log);
    // A variant is over: its band's header gets the elapsed time.
    void finishVariant(int index, const VariantResult& result);
    // The run is over: the views stop following and fit, and the Compare tab is shown.
    void finishRun();
    // A finished series of runs (Runs 3 / 5): each variant's median run, the one whose elapsed
    // time is the median of the variant's runs, in place of the last run's.
    void showMedianRuns(const RunResult& series);

    int variantCount() const;
    // The variant whose tab is shown; -1 on the Compare tab.
    int currentVariant() const;
    void showVariant(int index); // -1: the Compare tab
    QString variantName(int index) const;
    std::shared_ptr<const EventLog> log(int index) const;

    // The view on show: on the Compare tab its top band's, else the variant's detail.
    TimelineView* view() const;
    TimelineView* detailView() const noexcept { return m_view; }
    CompareView* compareView() const noexcept { return m_compare; }

    void setPresenterScale(double scale);

    // A page shown in place of the views while asked (the intervals as a table, DataTables): the
    // tabs still choose the variant, which variantShown tells.
    void setTablePage(QWidget* page);
    void setTableShown(bool shown);
    // Steps through the tabs from the keyboard (View ▸ Next and Previous timeline tab).
    void showNextTab();
    void showPreviousTab();

Q_SIGNALS:
    void variantShown(int variant); // -1: the Compare tab

public:

    // Act on whatever the panel shows (the window's zoom actions and its frame beat).
    void zoomIn();
    void zoomOut();
    void fit();
    void advanceFrame();

private:
    void onTabChanged(int tab);

    QLabel* m_title = nullptr;
    QTabBar* m_tabs = nullptr;
    QStackedWidget* m_stack = nullptr;
    CompareView* m_compare = nullptr;
    TimelineView* m_view = nullptr;
    std::vector<std::shared_ptr<const EventLog>> m_logs; // by variant
    int m_liveVariant = -1;
    QWidget* m_tablePage = nullptr;
    bool m_tableShown = false;
    bool m_switching = false;
};

} // namespace ThreadLab
