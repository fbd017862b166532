#pragma once

#include "engine/runsettings.h"
#include "model/scenariolibrary.h"

#include <QHash>
#include <QMainWindow>
#include <QSize>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace ThreadLab {

class ConsoleView;
class DataTables;
class ElapsedChart;
class EventLog;
class ExplanationPane;
class LatencyChart;
class ObservationsPanel;
class PredictionStage;
class RunControls;
class RunController;
class ScenarioBrowser;
class SpeedupChart;
class TimelinePanel;
struct ExportKind;
struct RunResult;
struct RunSettings;
struct Scenario;
struct VariantResult;
enum class ExportSubject;

// The classroom window. It assembles the panes and wires them to the RunController; the
// work happens in the engine (core/) and the panes only show what they are given.
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr QSize defaultSize {1600, 1000};
    static constexpr double presenterScale = 1.6;
    // The console's lines on the stage while the verdict leaves room for them (in a column of at
    // most stageConsolePercent of the window): enough to follow a run's output at 1280x720.
    static constexpr int stageConsoleLines = 8;
    static constexpr int stageConsolePercent = 42;
    // Kept under the verdict's last line on the stage, so that rounding never brings up its
    // scroll bar.
    static constexpr int verdictSlackPx = 2;
    // The verdict's column on the stage at `percent` of the window's width, within its limits.
    static int verdictColumn(int windowWidth, int percent);
    // Shows an error to the teacher; the default is a (non-blocking) message box.
    using ErrorReporter = std::function<void(const QString& title, const QString& message)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Brings back geometry, splitters, last scenario, settings, presenter mode and palette,
    // and saves them again when the window closes. Without it the window remembers nothing.
    void restoreSession();
    void saveSession();

    void setErrorReporter(ErrorReporter reporter);
    // Adds a scenario file to the browser and selects it; on an invalid file reports the
    // loader's one-line reason and changes nothing.
    bool openScenarioFile(const QString& path);
    // File ▸ Save lesson as… without its dialog: writes the current scenario, with the run
    // controls' workers and time scale as its defaults, to `path` (atomically) and opens it as
    // a lesson. On failure reports one line naming the file and the reason.
    bool saveLessonTo(const QString& path);
    QAction* saveLessonAction() const noexcept { return m_saveAction; }
    // File ▸ Open Recent: SessionSettings::recentLessons(), then "Clear recent".
    QMenu* recentMenu() const noexcept { return m_recentMenu; }
    bool selectScenario(const QString& id);
    // Shows a finished run (command-line window export).
    void showRun(const RunResult& run);
    // Writes an export to `path` and says where in the status line; false after reporting why not.
    bool exportTo(const ExportKind& kind, const QString& path);

    void startRun();
    void stopRun();
    void setPresenterMode(bool on);
    bool isPresenterMode() const noexcept { return m_presenter; }
    // The stage: the scenario list, run controls, explanation and code fold away; the timeline
    // fills the left and the verdict (What happened), the charts and the console share a column
    // on the right, the verdict as tall as its lines need. F6 (View ▸ Stage) folds and unfolds;
    // presenter mode starts on the stage and remembers the choice.
    void setStageView(bool on);
    bool isStageView() const noexcept { return m_stage; }
    QAction* presenterAction() const noexcept { return m_presenterAction; }
    QAction* fullScreenAction() const noexcept { return m_fullScreenAction; }
    QAction* stageAction() const noexcept { return m_stageAction; }
    void setDarkPalette(bool dark);
    bool isDarkPalette() const noexcept { return m_dark; }

    ScenarioBrowser* browser() const noexcept { return m_browser; }
    ExplanationPane* explanation() const noexcept { return m_explanation; }
    RunControls* runControls() const noexcept { return m_runControls; }
    TimelinePanel* timelinePanel() const noexcept { return m_timeline; }
    ConsoleView* console() const noexcept { return m_console; }
    ObservationsPanel* observations() const noexcept { return m_observations; }
    ElapsedChart* elapsedChart() const noexcept { return m_elapsedChart; }
    SpeedupChart* speedupChart() const noexcept { return m_speedupChart; }
    LatencyChart* latencyChart() const noexcept { return m_latencyChart; }
    QTabWidget* chartTabs() const noexcept { return m_chartTabs; }
    RunController* controller() const noexcept { return m_controller; }
    PredictionStage* prediction() const noexcept { return m_prediction; }
    QAction* predictAction() const noexcept { return m_predictAction; }
    QAction* revealAction() const noexcept { return m_revealAction; }
    QAction* tablesAction() const noexcept { return m_tablesAction; }
    DataTables* dataTables() const noexcept { return m_tables; }
    const ScenarioLibrary& library() const noexcept { return m_library; }
    QString statusText() const;

    bool eventFilter(QObject* watched, QEvent* event) override;

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void buildActions();
    void buildAccessActions();
    void buildMenus();
    void addLanguageMenu(QMenu* view);
    void buildToolBar();
    void buildPanes();
    void wireController();
    void buildPrediction();
    void applyPaneProportions(bool presenter);
    // Moves the verdict and the charts into the right-hand column (stage) or back under the
    // timeline, keeping the classic splitters' sizes aside meanwhile.
    void arrangeStage(bool stage);
    // The stage's sizes: the verdict gets the height its lines need, the timeline the rest.
    void fitStage();
    void fitVerdict(int width);
    int observationsHeightFor(int boxHeight) const;
    void applyToolBarStyle();

    void onScenarioSelected(int index);
    void onScenarioChanged(const Scenario& scenario);
    void onRunningChanged(bool running);
    void onRunStarted(const RunSettings& settings);
    void onVariantStarted(int index, const QString& name, const std::shared_ptr<const EventLog>& log);
    void onVariantFinished(int index, const VariantResult& result, double speedup, const QString& baseline);
    void onRunFinished(const RunResult& result);
    void onHistoryChanged();

    void openScenarioDialog();
    void saveLessonDialog();
    void openRecent(const QString& path);
    void rememberRecent(const QString& path);
    void updateRecentMenu();
    // Opens the files the last session had open; returns the names of those that could not be.
    QStringList reopenFiles(const QStringList& paths);
    void rememberOpenedFiles();
    // Keeps the whole window (status bar included) on the screen it is restored to.
    void keepOnScreen();
    // What the Export menu's entries and their toolbar buttons do: check there is something to
    // export, ask where, write it.
    void exportAs(const ExportKind& kind);
    bool writeExport(const ExportKind& kind, const QString& path, QString* error);
    // Why the subject cannot be exported yet (one sentence), or nothing.
    QString nothingToExport(ExportSubject subject) const;
    QString askSavePath(const QString& title, const QString& suggestedName, const QString& filter);
    void report(const QString& title, const QString& message);
    void setStatus(const QString& text);
    void toggleFullScreen();

    ScenarioLibrary m_library;
    RunController* m_controller = nullptr;
    ErrorReporter m_reporter;

    ScenarioBrowser* m_browser = nullptr;
    RunControls* m_runControls = nullptr;
    ExplanationPane* m_explanation = nullptr;
    TimelinePanel* m_timeline = nullptr;
    ConsoleView* m_console = nullptr;
    ObservationsPanel* m_observations = nullptr;
    QTabWidget* m_chartTabs = nullptr;
    ElapsedChart* m_elapsedChart = nullptr;
    SpeedupChart* m_speedupChart = nullptr;
    LatencyChart* m_latencyChart = nullptr;
    QLabel* m_status = nullptr;
    QString m_liveEngine; // "CPython" while a run of a series in two engines plays; else empty
    QList<QSplitter*> m_splitters; // main, left, centre, bottom, right: saved with the session
    QWidget* m_observationsBox = nullptr;
    QWidget* m_consoleBox = nullptr;
    QHash<QString, QByteArray> m_classicStates; // the splitters as they were before the stage

    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_runAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_clearAction = nullptr;
    QAction* m_presenterAction = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QAction* m_stageAction = nullptr;
    QAction* m_leaveFullScreenAction = nullptr;
    QAction* m_darkAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_nextAction = nullptr;
    QAction* m_previousAction = nullptr;
    QAction* m_predictAction = nullptr;
    QAction* m_revealAction = nullptr;
    QAction* m_tablesAction = nullptr;
    QAction* m_nextTabAction = nullptr;
    QAction* m_previousTabAction = nullptr;
    DataTables* m_tables = nullptr;
    PredictionStage* m_prediction = nullptr;
    std::vector<std::pair<const ExportKind*, QAction*>> m_exportActions; // in the menu's order

    QFont m_baseFont;
    bool m_presenter = false;
    bool m_stage = false;
    bool m_presenterFolded = true; // presenter mode's stage, remembered with the session
    bool m_dark = false;
    bool m_persistent = false;
    bool m_checkOnScreen = false; // restored: once shown (the frame known), keep it on screen
};

} // namespace ThreadLab
