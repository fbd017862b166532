#include "app/mainwindow.h"

#include "i18n/translations.h"
#include "charts/chartstyle.h"
#include "panes/consoleview.h"
#include "panes/datatables.h"
#include "charts/elapsedchart.h"
#include "engine/eventlog.h"
#include "panes/explanationpane.h"
#include "charts/latencychart.h"
#include "panes/observationspanel.h"
#include "panes/predictionstage.h"
#include "export/pictureexporter.h"
#include "results/exportkind.h"
#include "results/resultexporter.h"
#include "panes/runcontrols.h"
#include "model/runcontroller.h"
#include "python/cpythoncosts.h"
#include "results/runhistory.h"
#include "scenario/scenario.h"
#include "scenario/scenariowriter.h"
#include "panes/scenariobrowser.h"
#include "model/sessionsettings.h"
#include "charts/speedupchart.h"
#include "style/themepalette.h"
#include "model/comparelayout.h"
#include "timeline/compareview.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QAbstractSpinBox>
#include <QAbstractItemView>
#include <QTabBar>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QScreen>
#include <QTextEdit>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <span>

Q_LOGGING_CATEGORY(lcMainWindow, "threadlab.ui.window", QtInfoMsg)

namespace ThreadLab {

namespace {

// A pane with a bold heading above it.
QWidget* titled(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QWidget(parent);
    auto* label = new QLabel(title, box);
    QFont bold; // weight only: the size follows the window
    bold.setBold(true);
    label->setFont(bold);
    box->setAccessibleName(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

QSplitter* splitter(Qt::Orientation orientation, const QString& name, QWidget* parent)
{
    auto* s = new QSplitter(orientation, parent);
    s->setObjectName(name);
    s->setChildrenCollapsible(false);
    s->setHandleWidth(6);
    return s;
}

QIcon icon(const QString& name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

// A field made for typing, where Space is a character; a spin box's own line edit is not one.
bool isTypingField(const QWidget* w)
{
    if (const auto* line = qobject_cast<const QLineEdit*>(w))
        return !line->isReadOnly() && !qobject_cast<const QAbstractSpinBox*>(line->parentWidget());
    if (const auto* text = qobject_cast<const QTextEdit*>(w))
        return !text->isReadOnly();
    if (const auto* plain = qobject_cast<const QPlainTextEdit*>(w))
        return !plain->isReadOnly();
    return false;
}

// Keys a focused widget needs for itself though the window has them as shortcuts: the arrows
// move through a table, a list or a tab bar (not the scenario list, whose Left and Right step
// through scenarios), and Space checks a variant in the variant list.
bool ownsKey(const QWidget* w, const QKeyEvent& key)
{
    if (key.modifiers() != Qt::NoModifier && key.modifiers() != Qt::KeypadModifier)
        return false;
    if (key.key() == Qt::Key_Space)
        return w->objectName() == QLatin1String("variantList");
    if (key.key() != Qt::Key_Left && key.key() != Qt::Key_Right)
        return false;
    return (qobject_cast<const QAbstractItemView*>(w) && w->objectName() != QLatin1String("scenarioTree"))
        || qobject_cast<const QTabBar*>(w);
}

// The least height the charts keep on the stage, under the timeline: three bars with their
// names at the presenter size (Qt Charts elides a category's name taller than its row).
constexpr int stageChartsMin = 250;

// Windows in presenter mode: tooltips, menus and dialogs take the presenter size while any is.
int presenterWindows = 0;

void countPresenterWindow(int change)
{
    presenterWindows = std::max(0, presenterWindows + change);
    ThemePalette::setApplicationFontScale(presenterWindows > 0 ? MainWindow::presenterScale : 1.0);
}

// In presenter mode Qt's own dialogs, which follow the presenter font; a platform's native
// dialog keeps the desktop's small one.
QFileDialog::Options dialogOptions(bool presenter)
{
    return presenter ? QFileDialog::DontUseNativeDialog : QFileDialog::Options();
}

} // namespace


MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_controller(new RunController(this))
    , m_baseFont(QApplication::font())
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ThreadLab"));
    resize(defaultSize);
    buildPanes();
    buildActions();
    buildAccessActions();
    buildMenus();
    buildToolBar();
    wireController();
    buildPrediction();
    // Space runs from anywhere in the window but a typing field: see eventFilter().
    qApp->installEventFilter(this);

    for (int i = 0; i < m_library.count(); ++i)
        m_browser->setScenario(i, m_library.at(i), m_library.isOpenedFile(i));
    const QList<int> order = m_browser->indexesInOrder();
    if (!order.isEmpty())
        m_browser->selectIndex(order.first());
    setStatus(tr("Ready. Space runs the scenario, PageDown goes to the next one."));
}

MainWindow::~MainWindow()
{
    if (m_presenter)
        countPresenterWindow(-1);
}

// ---- assembly --------------------------------------------------------------------------------

void MainWindow::buildPanes()
{
    m_browser = new ScenarioBrowser(this);
    m_runControls = new RunControls(this);
    m_timeline = new TimelinePanel(this);
    m_observations = new ObservationsPanel(this);
    m_elapsedChart = new ElapsedChart(this);
    m_speedupChart = new SpeedupChart(this);
    m_latencyChart = new LatencyChart(this);
    m_chartTabs = new QTabWidget(this);
    m_chartTabs->setObjectName(QStringLiteral("chartTabs"));
    m_chartTabs->setDocumentMode(true);
    m_chartTabs->addTab(m_elapsedChart, tr("Elapsed"));
    m_chartTabs->addTab(m_speedupChart, tr("Speedup"));
    m_chartTabs->addTab(m_latencyChart, tr("Latency"));
    m_chartTabs->setTabToolTip(0, tr("Elapsed time per variant, runs side by side"));
    m_chartTabs->setTabToolTip(1, tr("Speedup against the number of workers (sweeps such as cpu-scaling)"));
    m_chartTabs->setTabToolTip(2, tr("How long each worker took to start, threads against processes"));
    auto* clear = new QPushButton(tr("Clear runs"), m_chartTabs);
    clear->setObjectName(QStringLiteral("clearRunsButton"));
    clear->setToolTip(tr("Forget the earlier runs shown side by side in the charts"));
    clear->setFlat(true);
    m_chartTabs->setCornerWidget(clear, Qt::TopRightCorner);
    connect(clear, &QPushButton::clicked, m_controller, &RunController::clearHistory);
    clear->setAccessibleName(tr("Clear runs"));
    clear->setAccessibleDescription(clear->toolTip());
    m_chartTabs->setAccessibleName(tr("Charts"));
    m_chartTabs->setAccessibleDescription(tr("Elapsed time, speedup and start latency of the runs; View ▸ Show "
                                             "data as tables shows their numbers"));
    m_tables = new DataTables(m_chartTabs, m_timeline, this);
    // Made in the order Tab goes through them: the scenarios, the run controls, the timeline, the
    // verdict, the charts, then the right-hand column's explanation, code and console.
    m_explanation = new ExplanationPane(this);
    m_console = new ConsoleView(this);

    QSplitter* left = splitter(Qt::Vertical, QStringLiteral("leftSplitter"), this);
    left->addWidget(titled(tr("Scenarios"), m_browser, left));
    left->addWidget(titled(tr("Run"), m_runControls, left));
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    QSplitter* bottom = splitter(Qt::Horizontal, QStringLiteral("bottomSplitter"), this);
    m_observationsBox = titled(tr("What happened"), m_observations, bottom);
    m_observationsBox->setObjectName(QStringLiteral("observationsBox"));
    bottom->addWidget(m_chartTabs);
    bottom->addWidget(m_observationsBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);

    QSplitter* centre = splitter(Qt::Vertical, QStringLiteral("centreSplitter"), this);
    centre->addWidget(m_timeline);
    centre->addWidget(bottom);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 2);

    QSplitter* right = splitter(Qt::Vertical, QStringLiteral("rightSplitter"), this);
    right->addWidget(m_explanation);
    m_consoleBox = titled(tr("Console"), m_console, right);
    m_consoleBox->setObjectName(QStringLiteral("consoleBox"));
    right->addWidget(m_consoleBox);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);

    QSplitter* main = splitter(Qt::Horizontal, QStringLiteral("mainSplitter"), this);
    main->addWidget(left);
    main->addWidget(centre);
    main->addWidget(right);
    main->setStretchFactor(0, 0);
    main->setStretchFactor(1, 1);
    main->setStretchFactor(2, 0);
    left->setSizes({520, 400});
    right->setSizes({560, 380});
    setCentralWidget(main);
    m_splitters = {main, left, centre, bottom, right};
    applyPaneProportions(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_status, 1);
    m_status->setAccessibleName(tr("Status"));
}

void MainWindow::buildActions()
{
    auto make = [this](const QString& text, const QString& iconName = {}) {
        auto* a = new QAction(text, this);
        if (!iconName.isEmpty())
            a->setIcon(icon(iconName));
        addAction(a); // shortcuts work with the menu bar hidden (full screen) too
        return a;
    };
    m_openAction = make(tr("&Open scenario…"), QStringLiteral("open"));
    m_openAction->setShortcut(QKeySequence::Open);
    m_saveAction = make(tr("Save lesson &as…"));
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAction->setToolTip(tr("Save this scenario, with the workers and time scale chosen now as its defaults, "
                                "as a lesson file (Ctrl+Shift+S)"));
    m_quitAction = make(tr("&Quit"));
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_runAction = make(tr("&Run"), QStringLiteral("run"));
    m_runAction->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter),
                               QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_runAction->setToolTip(tr("Run the checked variants (Space or Enter)"));
    m_stopAction = make(tr("&Stop"), QStringLiteral("stop"));
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_stopAction->setToolTip(tr("Stop the run now (Ctrl+.)"));
    m_stopAction->setEnabled(false);
    m_clearAction = make(tr("&Clear runs"), QStringLiteral("clear"));
    m_clearAction->setToolTip(tr("Forget the earlier runs shown side by side in the charts"));

    m_presenterAction = make(tr("&Presenter mode"), QStringLiteral("presenter"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_presenterAction->setToolTip(tr("Big fonts and thick lines for the back of the room (F5)"));
    m_fullScreenAction = make(tr("&Full screen"), QStringLiteral("fullscreen"));
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    m_stageAction = make(tr("&Stage (fold the side panes)"), QStringLiteral("stage"));
    m_stageAction->setIconText(tr("Stage"));
    m_stageAction->setCheckable(true);
    m_stageAction->setShortcut(QKeySequence(Qt::Key_F6));
    m_stageAction->setToolTip(tr("Fold the scenario list, run controls, explanation and code away so that the "
                                 "timeline and the verdict fill the screen; again to bring them back (F6)"));
    m_presenterAction->setIconText(tr("Presenter"));
    m_fullScreenAction->setIconText(tr("Full screen"));
    m_fullScreenAction->setToolTip(tr("Full screen (F11; Esc leaves it)"));
    m_leaveFullScreenAction = make(tr("Leave full screen"));
    m_leaveFullScreenAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leaveFullScreenAction->setEnabled(false);
    m_darkAction = make(tr("&Dark palette"));
    m_darkAction->setCheckable(true);
    m_zoomInAction = make(tr("Zoom &in"));
    m_zoomInAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOutAction = make(tr("Zoom &out"));
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_fitAction = make(tr("Fit the time&line"));
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_nextAction = make(tr("&Next scenario"));
    m_nextAction->setShortcuts({QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Right)});
    m_previousAction = make(tr("Pre&vious scenario"));
    m_previousAction->setShortcuts({QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Left)});

    connect(m_openAction, &QAction::triggered, this, &MainWindow::openScenarioDialog);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::saveLessonDialog);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_runAction, &QAction::triggered, this, &MainWindow::startRun);
    connect(m_stopAction, &QAction::triggered, this, &MainWindow::stopRun);
    connect(m_clearAction, &QAction::triggered, m_controller, &RunController::clearHistory);
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    connect(m_fullScreenAction, &QAction::triggered, this, &MainWindow::toggleFullScreen);
    connect(m_stageAction, &QAction::toggled, this, &MainWindow::setStageView);
    connect(m_leaveFullScreenAction, &QAction::triggered, this, [this] {
        if (isFullScreen())
            toggleFullScreen();
    });
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::setDarkPalette);
    connect(m_zoomInAction, &QAction::triggered, m_timeline, &TimelinePanel::zoomIn);
    connect(m_zoomOutAction, &QAction::triggered, m_timeline, &TimelinePanel::zoomOut);
    connect(m_fitAction, &QAction::triggered, m_timeline, &TimelinePanel::fit);
    connect(m_nextAction, &QAction::triggered, m_browser, &ScenarioBrowser::selectNext);
    connect(m_previousAction, &QAction::triggered, m_browser, &ScenarioBrowser::selectPrevious);

    for (const ExportKind* kind : ExportKind::bySubject()) {
        if (!kind->inMenu())
            continue;
        QAction* a = make(kind->menuLabel(), kind->isPicture() ? QStringLiteral("export") : QString());
        // The toolbar shows the same action under its short name.
        if (kind->toolBarText)
            a->setIconText(kind->toolBarLabel());
        if (kind->toolTip)
            a->setToolTip(kind->toolTipText());
        if (kind->shortcut)
            a->setShortcut(QKeySequence(QString::fromLatin1(kind->shortcut), QKeySequence::PortableText));
        connect(a, &QAction::triggered, this, [this, kind] { exportAs(*kind); });
        m_exportActions.push_back({kind, a});
    }
}

// The keyboard's and screen readers' ways in: the charts and timeline as tables, the timeline's
// tabs, the palette.
void MainWindow::buildAccessActions()
{
    auto action = [this](const QString& text) {
        auto* a = new QAction(text, this);
        addAction(a); // shortcuts work with the menu bar hidden (full screen) too
        return a;
    };
    m_tablesAction = action(tr("Show data as &tables"));
    m_tablesAction->setObjectName(QStringLiteral("tablesAction"));
    m_tablesAction->setCheckable(true);
    m_tablesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_tablesAction->setToolTip(tr("The charts' numbers and the timeline's intervals as tables a screen reader "
                                  "can read (Ctrl+T)"));
    m_nextTabAction = action(tr("Next timeline ta&b"));
    m_nextTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    m_previousTabAction = action(tr("Previous timeline t&ab"));
    m_previousTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    m_darkAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_tablesAction, &QAction::toggled, m_tables, &DataTables::setShown);
    connect(m_nextTabAction, &QAction::triggered, m_timeline, &TimelinePanel::showNextTab);
    connect(m_previousTabAction, &QAction::triggered, m_timeline, &TimelinePanel::showPreviousTab);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    file->addAction(m_saveAction);
    QMenu* exports = file->addMenu(tr("&Export"));
    // One group per subject (chart, timeline, window, results), a separator between groups.
    const ExportKind* previous = nullptr;
    for (const auto& [kind, action] : m_exportActions) {
        if (previous && previous->subject != kind->subject)
            exports->addSeparator();
        exports->addAction(action);
        previous = kind;
    }
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_presenterAction);
    view->addAction(m_stageAction);
    view->addAction(m_fullScreenAction);
    view->addAction(m_darkAction);
    addLanguageMenu(view);
    view->addSeparator();
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    view->addAction(m_nextAction);
    view->addAction(m_previousAction);
    view->addSeparator();
    view->addAction(m_tablesAction);
    view->addAction(m_nextTabAction);
    view->addAction(m_previousTabAction);

    QMenu* run = menuBar()->addMenu(tr("&Run", "menu"));
    run->addAction(m_runAction);
    run->addAction(m_stopAction);
    run->addSeparator();
    run->addAction(m_clearAction);
}

// View ▸ Language: the system's, or one the app ships. Remembered, and applied at the next start:
// the window is built in one language.
void MainWindow::addLanguageMenu(QMenu* view)
{
    QMenu* menu = view->addMenu(tr("Lan&guage"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    const QString chosen = SessionSettings().language();
    const QList<std::pair<QString, QString>> choices {{QString(), tr("&System")},
                                                      {QStringLiteral("en"), QStringLiteral("&English")},
                                                      {QStringLiteral("de"), QStringLiteral("&Deutsch")}};
    for (const auto& choice : choices) {
        const QString code = choice.first; // a plain variable: clang 14 cannot capture a structured binding
        QAction* a = menu->addAction(choice.second);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            SessionSettings settings;
            settings.setLanguage(code);
            settings.sync();
            setStatus(tr("The language changes when ThreadLab starts again."));
        });
    }
}

void MainWindow::buildToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Main toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // What a narrow window drops into the overflow comes last: the view's switches stay in sight.
    bar->addAction(m_runAction);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    bar->addAction(m_stageAction);
    bar->addAction(m_presenterAction);
    bar->addAction(m_fullScreenAction);
    bar->addSeparator();
    bar->addAction(m_openAction);
    bar->addAction(m_clearAction);
    bar->addSeparator();
    for (const auto& [kind, action] : m_exportActions)
        if (kind->toolBarText)
            bar->addAction(action);
}

void MainWindow::applyToolBarStyle()
{
    // Presenter mode: bigger icons with their words under them, so that the row stays short.
    const int iconSize = m_presenter ? 30 : 24;
    for (QToolBar* bar : findChildren<QToolBar*>()) {
        bar->setIconSize(QSize(iconSize, iconSize));
        bar->setToolButtonStyle(m_presenter ? Qt::ToolButtonTextUnderIcon : Qt::ToolButtonTextBesideIcon);
    }
}

void MainWindow::wireController()
{
    connect(m_browser, &ScenarioBrowser::scenarioSelected, this, &MainWindow::onScenarioSelected);
    connect(m_runControls, &RunControls::runRequested, this, &MainWindow::startRun);
    connect(m_runControls, &RunControls::stopRequested, this, &MainWindow::stopRun);
    connect(m_runControls->engineBox(), &EngineBox::interpreterChecked, this, [this](const QString& reason) {
        if (!reason.isEmpty() && !m_controller->isRunning())
            setStatus(tr("The CPython engine cannot run: %1").arg(reason));
    });
    connect(m_controller, &RunController::scenarioChanged, this, &MainWindow::onScenarioChanged);
    connect(m_controller, &RunController::runningChanged, this, &MainWindow::onRunningChanged);
    connect(m_controller, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(m_controller, &RunController::variantStarted, this, &MainWindow::onVariantStarted);
    connect(m_controller, &RunController::outputRead, m_console, &ConsoleView::appendLines);
    connect(m_controller, &RunController::frameTicked, m_timeline, &TimelinePanel::advanceFrame);
    connect(m_controller, &RunController::variantFinished, this, &MainWindow::onVariantFinished);
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_controller, &RunController::historyChanged, this, &MainWindow::onHistoryChanged);
}

// ---- scenarios -------------------------------------------------------------------------------

void MainWindow::onScenarioSelected(int index)
{
    if (index < 0 || index >= m_library.count())
        return;
    m_controller->setScenario(m_library.at(index));
}

void MainWindow::onScenarioChanged(const Scenario& scenario)
{
    // The application's name last: platforms append the display name unless the title already
    // ends with it, which would make "ThreadLab — … — ThreadLab".
    setWindowTitle(tr("%1 — ThreadLab").arg(textIn(scenario.title, scenario.titleTranslations, Translations::current())));
    m_explanation->setScenario(scenario);
    m_runControls->setScenario(scenario);
    m_timeline->clear();
    m_console->clear();
    m_observations->clear();
    // A sweep's lesson is the speedup curve; everything else starts on the elapsed bars.
    const bool sweep = std::any_of(scenario.variants.begin(), scenario.variants.end(),
                                   [](const VariantSpec& v) { return v.sweep; });
    m_tables->showChart(sweep ? static_cast<QWidget*>(m_speedupChart) : m_elapsedChart);
    fitStage();
    if (m_persistent) {
        SessionSettings settings;
        settings.setLastScenario(m_library.keyOf(m_browser->currentIndex()));
    }
    setStatus(tr("%1 — press Space to run it.").arg(textIn(scenario.title, scenario.titleTranslations, Translations::current())));
}

bool MainWindow::openScenarioFile(const QString& path)
{
    QString error;
    const int index = m_library.openFile(path, &error);
    if (index < 0) {
        qCInfo(lcMainWindow) << "refused scenario file:" << error;
        report(tr("Cannot open the scenario"), error);
        return false;
    }
    m_browser->setScenario(index, m_library.at(index), true);
    if (m_browser->currentIndex() == index)
        onScenarioSelected(index); // reopened: show the new version
    else
        m_browser->selectIndex(index);
    if (m_persistent) {
        SessionSettings settings;
        settings.setLastOpenedFile(QFileInfo(path).absoluteFilePath());
        rememberOpenedFiles();
        rememberRecent(path);
    }
    return true;
}

void MainWindow::rememberOpenedFiles()
{
    SessionSettings settings;
    settings.setOpenedFiles(m_library.openedFiles());
}

QStringList MainWindow::reopenFiles(const QStringList& paths)
{
    QStringList missing;
    for (const QString& path : paths) {
        QString error;
        const int index = m_library.openFile(path, &error);
        if (index < 0) {
            qCInfo(lcMainWindow) << "not reopened:" << error;
            missing << QFileInfo(path).fileName();
            continue;
        }
        m_browser->setScenario(index, m_library.at(index), true);
    }
    return missing;
}

bool MainWindow::selectScenario(const QString& id)
{
    const int index = m_library.indexOfId(id);
    if (index < 0)
        return false;
    m_browser->selectIndex(index);
    return true;
}

void MainWindow::openScenarioDialog()
{
    SessionSettings settings;
    const QString start = QFileInfo(settings.lastOpenedFile()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario file"), start,
                                                      tr("ThreadLab lessons (*.threadlab.json);;Scenario files "
                                                         "(*.json);;All files (*)"),
                                                      nullptr,
                                                      dialogOptions(m_presenter));
    if (!path.isEmpty())
        openScenarioFile(path);
}

// ---- lesson files ----------------------------------------------------------------------------

void MainWindow::saveLessonDialog()
{
    const Scenario* scenario = m_controller->scenario();
    if (!scenario)
        return;
    const QString path = askSavePath(tr("Save the lesson"), scenario->id + ScenarioWriter::lessonSuffix,
                                     tr("ThreadLab lessons (*%1)").arg(ScenarioWriter::lessonSuffix));
    if (!path.isEmpty())
        saveLessonTo(ScenarioWriter::withLessonSuffix(path));
}

bool MainWindow::saveLessonTo(const QString& path)
{
    const Scenario* scenario = m_controller->scenario();
    if (!scenario)
        return false;
    Scenario lesson = *scenario;
    const RunSettings chosen = m_runControls->settings();
    if (chosen.workers > 0)
        lesson.defaultWorkers = chosen.workers;
    if (chosen.timeScale > 0)
        lesson.defaultTimeScale = chosen.timeScale;
    QString error;
    if (!ScenarioWriter::writeFile(lesson, path, &error)) {
        qCInfo(lcMainWindow) << "lesson not saved:" << error;
        report(tr("Cannot save the lesson"), error);
        return false;
    }
    if (!openScenarioFile(path))
        return false;
    setStatus(tr("Lesson saved: %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    return true;
}

void MainWindow::rememberRecent(const QString& path)
{
    SessionSettings settings;
    settings.addRecentLesson(path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    // Not clear(): this runs from an entry's own triggered signal, which must outlive it.
    for (QAction* old : m_recentMenu->actions()) {
        m_recentMenu->removeAction(old);
        old->deleteLater();
    }
    const QStringList recent = SessionSettings().recentLessons();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        // "&1 …" to "&8 …" reach them from the keyboard; a file name's own "&" is no mnemonic.
        QAction* a = m_recentMenu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path).replace(u'&', QStringLiteral("&&"))));
        // A file gone since is shown greyed; chosen anyway (gone meanwhile), it is dropped.
        const bool there = QFileInfo(path).isFile();
        a->setEnabled(there);
        if (!there)
            a->setToolTip(tr("The file is no longer there"));
        connect(a, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear recent"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        SessionSettings().clearRecentLessons();
        updateRecentMenu();
    });
}

void MainWindow::openRecent(const QString& path)
{
    if (QFileInfo(path).isFile()) {
        openScenarioFile(path);
        return;
    }
    SessionSettings().removeRecentLesson(path);
    updateRecentMenu();
    setStatus(tr("%1 is no longer there: removed from Open Recent.").arg(QDir::toNativeSeparators(path)));
}

// ---- runs ------------------------------------------------------------------------------------

void MainWindow::startRun()
{
    if (m_controller->isRunning() || !m_runControls->canRun())
        return;
    RunSettings settings = m_runControls->settings();
    settings.loadModelCosts = true; // the model's CPython costs, loaded on the engine's thread
    if (m_persistent) {
        SessionSettings session;
        session.setRunSettings(settings);
        session.setRuns(m_runControls->runs());
    }
    if (!m_controller->start(settings, m_runControls->runs()))
        setStatus(tr("The engine is still busy; try again in a moment."));
}

void MainWindow::stopRun()
{
    if (!m_controller->isRunning())
        return;
    m_controller->cancel();
    setStatus(tr("Stopping…"));
}

void MainWindow::showRun(const RunResult& run)
{
    if (m_controller->isRunning())
        return;
    const Scenario* current = m_controller->scenario();
    if (!current || current->id != run.scenarioId)
        selectScenario(run.scenarioId);
    m_runControls->setSettings(run.settings);
    m_runControls->setRuns(run.repeats);
    m_controller->showRun(run);
}

void MainWindow::onRunningChanged(bool running)
{
    m_runControls->setRunning(running);
    m_runAction->setEnabled(!running);
    m_stopAction->setEnabled(running);
}

void MainWindow::onRunStarted(const RunSettings& settings)
{
    m_liveEngine = m_controller->isRunning() && !m_runControls->settings().engines.empty() ? engineTitle(settings.engine)
                                                                                          : QString();
    m_tables->setRun(nullptr); // the intervals of this run when it ends
    m_timeline->clear();
    if (const Scenario* scenario = m_controller->scenario())
        m_timeline->setFocusVariants(CompareLayout::focusNames(*scenario, m_runControls->settings().workers));
    m_console->clear();
    m_observations->clear();
    fitStage();
}

void MainWindow::onVariantStarted(int index, const QString& name, const std::shared_ptr<const EventLog>& log)
{
    m_timeline->addVariant(index, name, log);
    m_console->beginVariant(name);
    m_observations->showRunning(name);
    if (m_controller->isRunning() && !m_liveEngine.isEmpty())
        setStatus(tr("Run %1 of %2 (%3): running “%4” (variant %5)…")
                      .arg(m_controller->seriesRun() + 1)
                      .arg(m_controller->seriesRuns())
                      .arg(m_liveEngine, name)
                      .arg(index + 1));
    else if (m_controller->isRunning() && m_controller->seriesRuns() > 1)
        setStatus(tr("Run %1 of %2: running “%3” (variant %4)…")
                      .arg(m_controller->seriesRun() + 1)
                      .arg(m_controller->seriesRuns())
                      .arg(name)
                      .arg(index + 1));
    else if (m_controller->isRunning())
        setStatus(tr("Running “%1” (variant %2)…").arg(name).arg(index + 1));
}

void MainWindow::onVariantFinished(int index, const VariantResult& result, double speedup, const QString& baseline)
{
    m_timeline->finishVariant(index, result);
    m_observations->addVariant(result, speedup, baseline);
    fitStage();
}

void MainWindow::onRunFinished(const RunResult& result)
{
    // Not the last run's, which the timeline played live: each variant's median run, and in two
    // engines each variant in both, one above the other.
    const bool combined = result.repeats > 1 || !result.engineRuns.empty();
    if (combined && result.error.isEmpty())
        m_timeline->showMedianRuns(result);
    m_timeline->finishRun();
    if (!result.error.isEmpty()) {
        m_observations->clear();
        setStatus(result.error);
        report(tr("The run could not start"), result.error);
        return;
    }
    double total = 0;
    for (const VariantResult& v : result.variants)
        total += v.elapsedMs;
    if (combined)
        m_observations->showSeries(result); // medians and spread (and engines) in place of the last run's
    else if (result.lesson)
        m_observations->showLesson(*result.lesson);
    m_console->addRun(result);
    if (result.cancelled) {
        m_observations->showCancelled();
        setStatus(tr("Stopped after %1.").arg(RunHistory::durationText(total)));
    } else {
        // One short line a class can read; the details wait in its tooltip.
        QString status = tr("Finished: %n variant(s) in %1.", nullptr, int(result.variants.size())).arg(RunHistory::durationText(total));
        QString details = tr("Runs accumulate in the charts; Clear runs starts over.");
        if (result.settings.modelCosts && result.settings.pythonModel()) {
            status += QLatin1Char(' ') + result.settings.modelCosts->shortSummary(result.settings.startMethod);
            details += QLatin1Char('\n') + result.settings.modelCosts->summary(result.settings.startMethod) + QLatin1Char('.');
        }
        m_status->setToolTip(details);
        setStatus(status);
    }
    fitStage();
}

void MainWindow::onHistoryChanged()
{
    const RunHistory& history = m_controller->history();
    m_elapsedChart->setHistory(history);
    m_speedupChart->setHistory(history);
    m_latencyChart->setHistory(history);
    m_tables->setHistory(history);
    m_tables->setRun(m_controller->isRunning() ? nullptr : m_controller->lastRun());
    if (history.hasSweep())
        m_tables->showChart(m_speedupChart);
}

// ---- view ------------------------------------------------------------------------------------

void MainWindow::applyPaneProportions(bool presenter)
{
    // Presenter mode gives the timeline and the charts the room the bigger fonts take away.
    const int width = std::max(this->width(), 800);
    const int left = presenter ? 270 : 300;
    const int right = presenter ? 410 : 420;
    m_splitters[0]->setSizes({left, width - left - right, right});
    const int height = std::max(this->height(), 600);
    // The timeline's lanes grow with the scale too: give it the larger share in presenter mode.
    const int timeline = height * (presenter ? 64 : 60) / 100;
    m_splitters[2]->setSizes({timeline, height - timeline});
    const int centre = width - left - right;
    const int chart = centre * (presenter ? 62 : 60) / 100;
    m_splitters[3]->setSizes({chart, centre - chart});
}

void MainWindow::setPresenterMode(bool on)
{
    const bool changed = on != m_presenter;
    if (changed && !on)
        arrangeStage(false); // the teacher's own screen comes back as it was
    m_presenter = on;
    const double scale = on ? presenterScale : 1.0;
    setFont(ChartStyle::scaled(m_baseFont, scale, m_baseFont.bold()));
    if (changed)
        countPresenterWindow(on ? 1 : -1);
    m_timeline->setPresenterScale(scale);
    // Nothing scrolled away on a projector: every lane fits the timeline's height.
    m_timeline->detailView()->setFitAllLanes(on); // the compare view always fits its lanes
    m_elapsedChart->setPresenterScale(scale);
    m_speedupChart->setPresenterScale(scale);
    m_latencyChart->setPresenterScale(scale);
    m_observations->setPresenterScale(scale);
    if (changed)
        applyPaneProportions(on);
    applyToolBarStyle();
    if (on)
        arrangeStage(m_presenterFolded);
    if (m_presenterAction->isChecked() != on)
        m_presenterAction->setChecked(on);
    if (m_persistent) {
        SessionSettings settings;
        settings.setPresenterMode(on);
    }
}

void MainWindow::setStageView(bool on)
{
    if (m_presenter && on != m_presenterFolded) {
        m_presenterFolded = on;
        if (m_persistent) {
            SessionSettings settings;
            settings.setPresenterPanesFolded(on);
        }
    }
    arrangeStage(on);
}

void MainWindow::arrangeStage(bool stage)
{
    if (m_stageAction->isChecked() != stage) {
        const QSignalBlocker blocker(m_stageAction);
        m_stageAction->setChecked(stage);
    }
    if (stage == m_stage)
        return;
    if (stage) {
        for (QSplitter* s : std::as_const(m_splitters))
            m_classicStates.insert(s->objectName(), s->saveState());
        // Left: the timeline over the charts. Right: the verdict over the console (the
        // explanation folded away).
        m_splitters[4]->insertWidget(1, m_observationsBox);
    } else {
        m_splitters[3]->insertWidget(1, m_observationsBox);
    }
    m_stage = stage;
    // Under a long timeline the charts may shrink to a strip (their minimum size hint at the
    // presenter size would take half a 720p screen).
    m_chartTabs->setMinimumHeight(stage ? stageChartsMin : 0);
    m_consoleBox->setMinimumHeight(0); // fitStage sets the stage's
    m_splitters[1]->setVisible(!stage);
    m_explanation->setVisible(!stage);
    m_observations->setFont(QFont()); // the window's again (fitStage may have made it smaller)
    m_observations->setScrollable(true); // fitStage turns the bar off where every line fits
    if (stage) {
        fitStage();
    } else {
        for (QSplitter* s : std::as_const(m_splitters))
            s->restoreState(m_classicStates.value(s->objectName()));
        m_classicStates.clear();
    }
}

int MainWindow::observationsHeightFor(int boxWidth) const
{
    // The box's height that shows every line of the panel without scrolling at this width.
    const auto* scroll = m_observations->findChild<QScrollArea*>();
    QWidget* content = scroll ? scroll->widget() : nullptr;
    if (!content)
        return m_observationsBox->sizeHint().height();
    // Around the viewport without a scroll bar, whether the text shows one now or not (the stage
    // turns it off where every line fits).
    const int frame = 2 * scroll->frameWidth();
    const int chromeW = m_observationsBox->width() - scroll->width() + frame;
    const int chromeH = m_observationsBox->height() - scroll->height() + frame;
    const int width = std::max(50, boxWidth - std::max(0, chromeW));
    int height = content->heightForWidth(width);
    if (height < 0)
        height = content->sizeHint().height();
    return height + std::max(0, chromeH) + verdictSlackPx;
}

int MainWindow::verdictColumn(int windowWidth, int percent)
{
    return std::clamp(windowWidth * percent / 100, 400, std::max(400, windowWidth * 38 / 100 + 280));
}

void MainWindow::fitStage()
{
    if (!m_stage)
        return;
    // Left: the timeline (every lane fitted to its height) over the charts. Right: the verdict
    // as tall as its lines need, the console under it in what is left.
    const int width = std::max(this->width(), 640);
    QSplitter* centre = m_splitters[2];
    const int centreH = std::max(centre->height(), 400) - centre->handleWidth();
    const int charts = std::max(stageChartsMin, centreH * 30 / 100);
    centre->setSizes({centreH - charts, charts});
    fitVerdict(width);
}

// The right column of the stage: the verdict over the console; and the verdict's width.
void MainWindow::fitVerdict(int width)
{
    QSplitter* right = m_splitters[4];
    const int height = std::max(right->height(), 300) - 2 * right->handleWidth();
    // The verdict comes first: the console may shrink to its heading and one line. It keeps
    // stageConsoleLines where the verdict's narrower columns leave the room; where they do not,
    // the verdict's column is never narrower than the second, so that the console keeps what is
    // left beside a column no wider than the charts and the timeline can spare.
    const int line = QFontMetrics(m_console->textView()->font()).lineSpacing();
    const int consoleMin = m_consoleBox->sizeHint().height() - m_console->sizeHint().height() + line + 12;
    m_consoleBox->setMinimumHeight(std::min(consoleMin, height / 3));
    // The console's box around its lines: its title and margins as laid out (the size hints miss
    // the margins), and the console's own header, which wraps, at the column's width.
    const bool laidOut = m_console->textView()->viewport()->height() > 0;
    const int boxChromeW = m_consoleBox->width() - m_console->width();
    const int boxChromeH = m_consoleBox->height() - m_console->height();
    auto consoleChrome = [&](int column) {
        return laidOut ? boxChromeH + m_console->chromeHeightFor(column - boxChromeW) : consoleMin - line;
    };
    int room = 0;
    // The narrowest column that shows every line: at the panel's own size first, then, on a
    // small screen with many lines, at the presenter size (ObservationsPanel writes 1.15× its
    // font in presenter mode). With `keepConsoleLines` the room leaves the console its
    // stageConsoleLines; without, only its minimum.
    int column = 0;
    int verdict = 0;
    auto fits = [&](std::span<const int> percents, bool keepConsoleLines) {
        for (const int percent : percents) {
            column = verdictColumn(width, percent);
            room = keepConsoleLines ? height - std::min(consoleChrome(column) + stageConsoleLines * line, height / 2)
                                    : height - m_consoleBox->minimumHeight();
            verdict = observationsHeightFor(column);
            if (verdict <= room)
                return true;
        }
        return false;
    };
    static constexpr std::array<int, 2> narrow {36, stageConsolePercent};
    static constexpr std::array<int, 3> wide {stageConsolePercent, 48, 54};
    static constexpr std::array<int, 4> every {36, 42, 48, 54};
    m_observations->setFont(QFont()); // the window's
    // Outside presenter mode too (the stage is F6 there as well): the column is measured, never 0.
    if (!fits(narrow, true) && m_presenter) {
        // The verdict's lines before the console's. Last resort (a sweep's eight variants at
        // 720p): 0.9 of the presenter size, still 1.44× the desktop's; in a maximised 720p window
        // (1280x670) a long sweep verdict needs 0.8 of it, 1.28× the desktop's (cpu-scaling: 467 px
        // of lines at 0.9 for 457 px of room).
        for (const double factor : {1.0, 1 / 1.15, 0.9 / 1.15, 0.8 / 1.15}) {
            m_observations->setFont(factor == 1.0 ? QFont() : ChartStyle::scaled(font(), factor, font().bold()));
            if (fits(factor == 1.0 ? std::span<const int>(wide) : std::span<const int>(every), false))
                break;
        }
    }
    // A scroll area keeps a bar it shows while its text, measured a bar narrower, is taller than
    // the room: where every line fits, no bar.
    m_observations->setScrollable(!m_presenter || verdict > room);
    m_splitters[0]->setSizes({0, width - column, column});
    verdict = std::min(verdict, room);
    right->setSizes({0, verdict, height - verdict});
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    if (m_stage) // after the splitters have their new size
        QTimer::singleShot(0, this, &MainWindow::fitStage);
}

void MainWindow::setDarkPalette(bool dark)
{
    m_dark = dark;
    ThemePalette::applyToApplication(dark);
    if (m_darkAction->isChecked() != dark)
        m_darkAction->setChecked(dark);
    if (m_persistent) {
        SessionSettings settings;
        settings.setDarkPalette(dark);
    }
}

void MainWindow::toggleFullScreen()
{
    if (isFullScreen())
        showNormal();
    else
        showFullScreen();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_checkOnScreen && !isFullScreen() && !isMaximized()) {
        m_checkOnScreen = false;
        keepOnScreen();
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange) {
        const bool full = isFullScreen();
        m_fullScreenAction->setChecked(full);
        m_leaveFullScreenAction->setEnabled(full);
        menuBar()->setVisible(!full);
    }
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::setStatus(const QString& text)
{
    m_status->setText(text);
}

void MainWindow::setErrorReporter(ErrorReporter reporter)
{
    m_reporter = std::move(reporter);
}

void MainWindow::report(const QString& title, const QString& message)
{
    if (m_reporter) {
        m_reporter(title, message);
        return;
    }
    // Non-blocking: the window keeps redrawing (and a run keeps showing) behind the box.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

// ---- exports ---------------------------------------------------------------------------------

QString MainWindow::askSavePath(const QString& title, const QString& suggestedName, const QString& filter)
{
    SessionSettings settings;
    QString folder = settings.lastExportFolder();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, title, QDir(folder).filePath(suggestedName), filter,
                                                      nullptr, dialogOptions(m_presenter));
    if (!path.isEmpty())
        settings.setLastExportFolder(QFileInfo(path).absolutePath());
    return path;
}

QString MainWindow::nothingToExport(ExportSubject subject) const
{
    switch (subject) {
    case ExportSubject::ElapsedChart:
        return m_controller->history().isEmpty() ? tr("Run the scenario first: the chart is empty.") : QString();
    case ExportSubject::Timeline:
        return m_timeline->view()->log() ? QString() : tr("Run the scenario first: the timeline is empty.");
    case ExportSubject::Window:
        return {};
    case ExportSubject::Results:
        return m_controller->lastRun() ? QString() : tr("Run the scenario first: there are no results yet.");
    }
    return {};
}

void MainWindow::exportAs(const ExportKind& kind)
{
    if (const QString why = nothingToExport(kind.subject); !why.isEmpty()) {
        report(tr("Nothing to export yet"), why);
        return;
    }
    // Pictures are named after the scenario on show, data after the run it comes from.
    const Scenario* scenario = m_controller->scenario();
    const QString id = kind.isPicture() ? (scenario ? scenario->id : QStringLiteral("threadlab"))
                                        : m_controller->lastRun()->scenarioId;
    const QString path = askSavePath(kind.dialogTitleText(), kind.defaultFileName(id), kind.fileFilter());
    if (!path.isEmpty())
        exportTo(kind, path);
}

bool MainWindow::exportTo(const ExportKind& kind, const QString& path)
{
    QString error;
    if (const QString why = nothingToExport(kind.subject); !why.isEmpty())
        error = why;
    else if (writeExport(kind, path, &error))
        setStatus(tr("%1 File: %2").arg(kind.doneMessage(), QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
    if (!error.isEmpty())
        report(tr("Export failed"), error);
    return error.isEmpty();
}

bool MainWindow::writeExport(const ExportKind& kind, const QString& path, QString* error)
{
    const RunResult* last = m_controller->lastRun();
    switch (kind.subject) {
    case ExportSubject::ElapsedChart:
        return PictureExporter::exportElapsedChart(m_controller->history(), path, error);
    case ExportSubject::Timeline:
        if (m_timeline->currentVariant() < 0)
            return PictureExporter::exportCompare(*m_timeline->compareView(), last, path, error);
        return PictureExporter::exportTimeline(*m_timeline->view(), last,
                                               m_timeline->variantName(m_timeline->currentVariant()), path, error);
    case ExportSubject::Window:
        return PictureExporter::exportWidget(*this, last, path, error);
    case ExportSubject::Results:
        return ResultExporter::write(kind, *last, path, error);
    }
    return false;
}

// ---- session ---------------------------------------------------------------------------------

void MainWindow::restoreSession()
{
    SessionSettings settings;
    if (!restoreGeometry(settings.geometry()))
        resize(defaultSize);
    keepOnScreen();
    m_checkOnScreen = true;
    restoreState(settings.windowState());
    // Presenter mode first: it sets pane proportions, which the remembered splitters then refine.
    setDarkPalette(settings.darkPalette());
    m_presenterFolded = settings.presenterPanesFolded();
    setPresenterMode(settings.presenterMode());
    for (QSplitter* s : std::as_const(m_splitters)) {
        const QByteArray state = settings.splitterState(s->objectName());
        if (m_stage) // the stage arranges itself; the classic sizes wait for it to end
            m_classicStates.insert(s->objectName(), state);
        else
            s->restoreState(state);
    }
    QStringList files = settings.openedFiles();
    const QString key = settings.lastScenario();
    if (key.startsWith(QLatin1String("file:")) && !files.contains(key.mid(5)))
        files << key.mid(5); // remembered before the list of opened files was
    const QStringList missing = reopenFiles(files);
    const int index = m_library.indexOfKey(key);
    if (index >= 0)
        m_browser->selectIndex(index);
    const RunSettings run = settings.runSettings();
    m_runControls->setSettings(run);
    m_runControls->setRuns(settings.runs());
    m_persistent = true;
    rememberOpenedFiles(); // those that went away are forgotten
    QStringList notes;
    if (!missing.isEmpty())
        notes << tr("Not reopened (missing or no longer valid): %1.").arg(missing.join(QStringLiteral(", ")));
    if (const Scenario* s = m_controller->scenario(); s && run.timeScale > 0 && run.timeScale != s->defaultTimeScale)
        notes << tr("Time scale ×%1 from the last session; this scenario's default is ×%2.")
                     .arg(run.timeScale)
                     .arg(s->defaultTimeScale);
    if (!notes.isEmpty())
        setStatus(notes.join(u' '));
}

void MainWindow::keepOnScreen()
{
    // Without a window manager the restored frame can land lower than it was saved (by a
    // guessed title bar's height), a little more each session: pull it back onto the screen.
    const QScreen* s = screen();
    if (!s)
        return;
    const QRect available = s->availableGeometry();
    const QMargins frame(geometry().left() - frameGeometry().left(), geometry().top() - frameGeometry().top(),
                         frameGeometry().right() - geometry().right(), frameGeometry().bottom() - geometry().bottom());
    QRect outer = frameGeometry();
    if (available.contains(outer))
        return;
    outer.setSize(outer.size().boundedTo(available.size()));
    outer.moveLeft(std::clamp(outer.left(), available.left(), available.right() - outer.width() + 1));
    outer.moveTop(std::clamp(outer.top(), available.top(), available.bottom() - outer.height() + 1));
    setGeometry(outer - frame);
}

void MainWindow::saveSession()
{
    SessionSettings settings;
    settings.setGeometry(saveGeometry());
    settings.setWindowState(saveState());
    for (QSplitter* s : std::as_const(m_splitters))
        settings.setSplitterState(s->objectName(), m_stage ? m_classicStates.value(s->objectName()) : s->saveState());
    settings.setPresenterPanesFolded(m_presenterFolded);
    if (m_browser->currentIndex() >= 0)
        settings.setLastScenario(m_library.keyOf(m_browser->currentIndex()));
    settings.setRunSettings(m_runControls->settings());
    settings.setRuns(m_runControls->runs());
    settings.setPresenterMode(m_presenter);
    settings.setDarkPalette(m_dark);
    settings.setOpenedFiles(m_library.openedFiles());
    settings.sync();
}

// ---- predict, then reveal -------------------------------------------------------------------

void MainWindow::buildPrediction()
{
    m_prediction = new PredictionStage({m_observations, m_chartTabs}, this);
    m_predictAction = new QAction(tr("Predi&ct, then reveal"), this);
    m_predictAction->setObjectName(QStringLiteral("predictAction"));
    m_predictAction->setCheckable(true);
    m_predictAction->setShortcut(QKeySequence(Qt::Key_P));
    m_predictAction->setToolTip(tr("Cover the numbers and charts while the class predicts (P); R reveals"));
    m_revealAction = new QAction(tr("&Reveal"), this);
    m_revealAction->setObjectName(QStringLiteral("revealAction"));
    m_revealAction->setShortcut(QKeySequence(Qt::Key_R));
    m_revealAction->setEnabled(false);
    for (QAction* a : {m_predictAction, m_revealAction})
        addAction(a); // shortcuts work with the menu bar hidden (full screen) too
    // Into the View menu, beside Presenter mode.
    for (QAction* menu : menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(m_presenterAction)) {
            menu->menu()->addSeparator();
            menu->menu()->addActions({m_predictAction, m_revealAction});
        }
    if (auto* bar = findChild<QToolBar*>(QStringLiteral("mainToolBar")))
        bar->addAction(m_predictAction);
    connect(m_predictAction, &QAction::toggled, this, [this](bool on) {
        m_prediction->setEnabled(on);
        m_observations->setPrediction(QString());
        m_revealAction->setEnabled(m_prediction->isCovered());
    });
    connect(m_revealAction, &QAction::triggered, m_prediction, &PredictionStage::reveal);
    connect(m_prediction, &PredictionStage::revealed, this, [this](const QString& prediction) {
        m_revealAction->setEnabled(false);
        if (m_predictAction->isChecked()) {
            m_observations->setPrediction(prediction);
            setStatus(tr("Revealed: the prediction stands above the result."));
        }
    });
    connect(m_controller, &RunController::runStarted, this, [this] {
        m_prediction->runStarted();
        m_observations->setPrediction(QString());
        m_revealAction->setEnabled(m_prediction->isCovered());
    });
    connect(m_controller, &RunController::runFinished, this, [this] {
        m_prediction->runFinished();
        if (m_prediction->isCovered())
            setStatus(tr("Finished — press R to reveal the numbers."));
    });
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    // A focused spin box would take Space as a character and erase its value; refusing the
    // override lets the Run shortcut have it. Typing fields keep it.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto* key = static_cast<QKeyEvent*>(event);
        auto* widget = qobject_cast<QWidget*>(watched);
        if (widget && widget->window() == this && ownsKey(widget, *key)) {
            event->accept();
            return true;
        }
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && widget && widget->window() == this
            && !isTypingField(widget)) {
            event->ignore();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_persistent)
        saveSession();
    m_controller->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace ThreadLab
