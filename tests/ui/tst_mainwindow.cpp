#include "cli/commandline.h"
#include "model/sessionsettings.h"
#include "panes/consoleview.h"
#include "charts/elapsedchart.h"
#include "engine/eventlog.h"
#include "panes/explanationpane.h"
#include "results/exportkind.h"
#include "app/mainwindow.h"
#include "timeline/compareview.h"
#include "export/pictureexporter.h"
#include "results/runseries.h"
#include "panes/observationspanel.h"
#include "panes/predictioncard.h"
#include "panes/predictionstage.h"
#include "panes/runcontrols.h"
#include "python/pythoninterpreter.h"
#include "model/runcontroller.h"
#include "support/sanitizers.h"
#include "panes/scenariobrowser.h"
#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include "scenario/variantplan.h"
#include "style/themepalette.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QStandardItemModel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QChart>
#include <QStandardPaths>
#include <QTextDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

using namespace ThreadLab;

namespace {

RunResult waitForRun(QSignalSpy& spy, int timeoutMs = 120'000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return {};
    return spy.takeFirst().at(0).value<RunResult>();
}

QString scenarioTitle(const QString& id)
{
    return ScenarioCatalog::builtin(id)->title;
}

// A finished run as the command line hands it to the window: names and times only.
RunResult fakeRun(const QString& id, const QStringList& variants)
{
    RunResult run;
    run.scenarioId = id;
    run.scenarioTitle = scenarioTitle(id);
    run.timeScale = 0.25;
    run.cores = 2;
    double ms = 400;
    for (const QString& name : variants) {
        VariantResult v;
        v.name = name;
        v.elapsedMs = ms;
        ms *= 0.6;
        run.variants.push_back(v);
    }
    return run;
}

// Every word the chart shows: axis labels, legend, the texts on the bars.
QStringList chartTexts(const ElapsedChart& chart)
{
    QCoreApplication::processEvents();
    QStringList out;
    for (QGraphicsItem* item : chart.chartItem()->scene()->items())
        if (item->isVisible()) {
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                out << text->toPlainText();
            else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                out << simple->text();
        }
    return out;
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = ThemePalette::relativeLuminance(a);
    const double lb = ThemePalette::relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    // Settings as new. Under ThreadSanitizer the window is given a python that does not exist:
    // LLVM 14's TSan cannot follow QProcess, and the window would probe and measure the platform's
    // (the model then uses the development machine's figures).
    static void clearSettings()
    {
        QSettings settings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab"));
        settings.clear();
#if defined(THREADLAB_UNDER_TSAN)
        settings.setValue(QStringLiteral("run/python"), QStringLiteral("/nonexistent/python3"));
#endif
    }

private Q_SLOTS:
    // 16 CPU-bound threads on a 2-core machine: the window keeps repainting the live timeline
    // and handles what is posted to it while the run is still going. (Counts, not times: the
    // frame rate is measured in the benchmarks.)
    void staysResponsiveWithSixteenCpuBoundWorkers()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        QListWidget* variants = w.runControls()->variantList();
        for (int i = 0; i < variants->count(); ++i)
            variants->item(i)->setCheckState(variants->item(i)->text() == QLatin1String("4 threads") ? Qt::Checked
                                                                                                  : Qt::Unchecked);
        w.runControls()->workersBox()->setValue(16);
        w.runControls()->gilBox()->setCurrentIndex(w.runControls()->gilBox()->findData(false));
        w.runControls()->timeScaleBox()->setValue(1.0); // 4 s of CPU work shared by 16 threads

        struct PaintCounter : QObject
        {
            int paints = 0;
            bool eventFilter(QObject* watched, QEvent* event) override
            {
                paints += event->type() == QEvent::Paint;
                return QObject::eventFilter(watched, event);
            }
        } counter;
        w.timelinePanel()->view()->installEventFilter(&counter);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        QTRY_VERIFY(w.timelinePanel()->view()->log());
        QTRY_VERIFY_WITH_TIMEOUT(w.timelinePanel()->view()->log()->laneCount() == 17, 10'000);
        const int paintsAtStart = counter.paints;
        QTRY_VERIFY_WITH_TIMEOUT(counter.paints >= paintsAtStart + 10, 10'000);
        QVERIFY2(w.controller()->isRunning(), "the repaints must happen during the run");
        bool handled = false;
        QTimer::singleShot(0, &w, [&handled, &w] {
            w.chartTabs()->setCurrentIndex(1);
            handled = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(handled, 10'000);
        QCOMPARE(w.chartTabs()->currentIndex(), 1);
        QVERIFY2(w.controller()->isRunning(), "the posted click must be handled during the run");
        w.stopRun();
        QVERIFY(finished.count() == 1 || finished.wait(10'000));
    }

    void initTestCase()
    {
        // Never touch the teacher's real settings.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
        QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
        clearSettings();
    }

    void cleanupTestCase()
    {
        clearSettings();
    }

    void windowBuilds()
    {
        MainWindow w;
        const auto builtins = ScenarioCatalog::builtins();
        QCOMPARE(w.browser()->scenarioCount(), static_cast<int>(builtins.size()));
        QVERIFY(w.browser()->currentIndex() >= 0);
        QVERIFY(!w.explanation()->title().isEmpty());
        QVERIFY(!w.windowTitle().isEmpty());
        QCOMPARE(w.size(), MainWindow::defaultSize);
        QVERIFY(w.runControls()->runButton()->isEnabled());
        QVERIFY(!w.runControls()->stopButton()->isEnabled());
    }

    // The Export menu is the table of export kinds: one entry per kind that has menu text, in
    // groups by subject, and the toolbar's export buttons are those same actions.
    void exportMenuAndToolBarComeFromTheTable()
    {
        MainWindow w;
        QMenu* exports = nullptr;
        for (QMenu* menu : w.findChildren<QMenu*>())
            if (menu->title() == QLatin1String("&Export"))
                exports = menu;
        QVERIFY(exports);
        QStringList entries;
        QList<QAction*> menuActions;
        for (QAction* a : exports->actions()) {
            entries << (a->isSeparator() ? QStringLiteral("|") : a->text());
            if (!a->isSeparator())
                menuActions << a;
        }
        QStringList expected;
        const ExportKind* previous = nullptr;
        for (const ExportKind* kind : ExportKind::bySubject()) {
            if (!kind->inMenu())
                continue;
            if (previous && previous->subject != kind->subject)
                expected << QStringLiteral("|");
            expected << kind->menuLabel();
            previous = kind;
        }
        QCOMPARE(entries, expected);
        QCOMPARE(entries.count(QStringLiteral("|")), 3); // chart | timeline | window | data

        auto* bar = w.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(bar);
        QStringList buttons;
        for (QAction* a : bar->actions()) {
            if (a->iconText().contains(QLatin1String("PNG")))
                QVERIFY2(menuActions.contains(a), qPrintable(a->iconText())); // no second action
            if (menuActions.contains(a))
                buttons << a->iconText();
        }
        QCOMPARE(buttons, (QStringList {QStringLiteral("Chart PNG"), QStringLiteral("Timeline PNG"),
                                        QStringLiteral("Window PNG")}));
        QAction* chart = menuActions.first();
        QCOMPARE(chart->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QCOMPARE(chart->toolTip(), QStringLiteral("Export the elapsed-time chart as PNG (Ctrl+E)"));
    }

    void selectingAScenarioShowsItAndResetsTheViews_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString& id : ScenarioCatalog::builtinIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void selectingAScenarioShowsItAndResetsTheViews()
    {
        QFETCH(QString, id);
        MainWindow w;
        const Scenario scenario = *ScenarioCatalog::builtin(id);
        // Start from another scenario, with something in the views.
        w.selectScenario(id == QLatin1String("io-bound") ? QStringLiteral("daemon") : QStringLiteral("io-bound"));
        w.console()->appendLines({ConsoleLine {0, 1, 12.5, QStringLiteral("Thread-1"), QStringLiteral("hello")}});
        w.observations()->showRunning(QStringLiteral("threads"));
        QCOMPARE(w.console()->lineCount(), 1);

        QVERIFY(w.selectScenario(id));
        QCOMPARE(w.library().at(w.browser()->currentIndex()).id, id);
        QCOMPARE(w.explanation()->title(), scenario.title);
        QVERIFY(w.explanation()->explanationText().startsWith(scenario.explanation.left(40)));
        QCOMPARE(w.explanation()->pythonCode(), scenario.pythonCode);
        QCOMPARE(w.explanation()->cppCode(), scenario.cppCode);
        QVERIFY(w.windowTitle().contains(scenario.title));
        // Once, and last, so that the platform does not append the application's name again.
        QCOMPARE(w.windowTitle().count(QLatin1String("ThreadLab")), 1);
        QVERIFY(w.windowTitle().endsWith(QLatin1String("ThreadLab")));
        QCOMPARE(w.runControls()->variantList()->count(), static_cast<int>(scenario.variants.size()));
        QCOMPARE(w.console()->lineCount(), 0);
        QCOMPARE(w.observations()->variantCount(), 0);
        QVERIFY(!w.observations()->plainText().contains(QLatin1String("running")));
        QCOMPARE(w.timelinePanel()->variantCount(), 0);
        QVERIFY(!w.timelinePanel()->view()->log());
        QCOMPARE(w.elapsedChart()->barCount(), 0);
        QVERIFY(w.controller()->history().isEmpty());
    }

    void vocabularyIsHighlighted()
    {
        const QString html = ExplanationPane::highlightedHtml(QStringLiteral("The GIL keeps reference counting safe; the GIL again."),
                                                              {QStringLiteral("GIL"), QStringLiteral("reference counting")});
        QCOMPARE(html, QStringLiteral("The <b>GIL</b> keeps <b>reference counting</b> safe; the GIL again."));
    }

    // A worker name longer than the name column's cap widens the column once; later batches are
    // appended, not the whole document written again.
    void consoleWidensItsNameColumnOnce()
    {
        ConsoleView console;
        const QString longName = QStringLiteral("a-worker-with-a-very-long-name-indeed");
        auto batch = [&longName](double tMs) {
            return std::vector<ConsoleLine> {{0, 1, tMs, longName, QStringLiteral("hello")}};
        };
        console.appendLines(batch(1));
        QSignalSpy changes(console.textView()->document(), &QTextDocument::contentsChange);
        console.appendLines(batch(2));
        console.appendLines(batch(3));
        QVERIFY(!changes.isEmpty());
        for (const QList<QVariant>& change : std::as_const(changes))
            QCOMPARE(change.at(1).toInt(), 0); // nothing removed: no rewrite
        QCOMPARE(console.lineCount(), 3);
    }

    // Past maxLines the oldest lines go, and every line of the batch that crossed the limit shows.
    void consoleKeepsTheNewestLinesPastItsLimit()
    {
        ConsoleView console;
        std::vector<ConsoleLine> lines;
        for (int i = 0; i < ConsoleView::maxLines - 5; ++i)
            lines.push_back({0, 1, double(i), QStringLiteral("w"), QStringLiteral("old %1").arg(i)});
        console.appendLines(lines);
        lines.clear();
        for (int i = 0; i < 20; ++i)
            lines.push_back({0, 1, 1e6 + i, QStringLiteral("w"), QStringLiteral("new %1").arg(i)});
        console.appendLines(lines);
        QCOMPARE(console.lineCount(), ConsoleView::maxLines);
        const QString text = console.plainText();
        for (int i = 0; i < 20; ++i)
            QVERIFY2(text.contains(QStringLiteral("new %1\n").arg(i)) || text.endsWith(QStringLiteral("new %1").arg(i)),
                     qPrintable(QStringLiteral("new %1 is missing").arg(i)));
    }

    void runningAShortScenarioFillsTheViews()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("memory-isolation")));
        w.runControls()->timeScaleBox()->setValue(0.02);
        QSignalSpy started(w.controller(), &RunController::variantStarted);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        QVERIFY(w.controller()->isRunning());
        QVERIFY(!w.runControls()->runButton()->isEnabled());
        QVERIFY(w.runControls()->stopButton()->isEnabled());
        const RunResult run = waitForRun(finished);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.variants.size(), std::size_t(2));
        QCOMPARE(started.size(), 2);

        // Timeline: a tab per variant, lanes for main and the worker.
        QCOMPARE(w.timelinePanel()->variantCount(), 2);
        QVERIFY(w.timelinePanel()->view()->log());
        QVERIFY(w.timelinePanel()->view()->log()->laneCount() >= 2);
        QVERIFY(!w.timelinePanel()->view()->isLive());
        // Console: every line the workers printed, threads and processes.
        int printed = 0;
        for (const VariantResult& v : run.variants)
            for (const WorkerResult& wr : v.workers)
                printed += static_cast<int>(wr.output.size());
        QVERIFY(printed > 0);
        QTRY_COMPARE(w.console()->lineCount(), printed + 2); // plus a heading per variant
        QVERIFY(w.console()->plainText().contains(QLatin1String("calc_square")));
        // Chart and observations.
        QCOMPARE(w.elapsedChart()->barCount(), 2);
        QCOMPARE(w.elapsedChart()->barTexts().size(), 2);
        QCOMPARE(w.observations()->variantCount(), 2);
        QVERIFY(w.observations()->plainText().contains(QLatin1String("parent's list")));
        QVERIFY(w.runControls()->runButton()->isEnabled());
        QVERIFY(w.statusText().startsWith(QLatin1String("Finished")));
        // One short line for the class (it fits a 1280 px status bar in the presenter font); the
        // model's figures wait in its tooltip.
        QVERIFY2(w.statusText().size() < 110, qPrintable(w.statusText()));
        QVERIFY(!w.statusText().contains(QLatin1String("Runs accumulate")));

        // Zoom shortcuts act on the timeline.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const double span = w.timelinePanel()->view()->viewport().spanNs();
        w.timelinePanel()->view()->zoomIn();
        QVERIFY(w.timelinePanel()->view()->viewport().spanNs() < span);

        // A second run accumulates beside the first.
        w.runControls()->gilBox()->setCurrentIndex(1);
        w.startRun();
        QVERIFY(waitForRun(finished).error.isEmpty());
        QCOMPARE(w.controller()->history().runCount(), 2);
        QCOMPARE(w.elapsedChart()->barCount(), 4);
        w.controller()->clearHistory();
        QCOMPARE(w.elapsedChart()->barCount(), 0);
    }

    void invalidFileChangesNothing()
    {
        MainWindow w;
        QStringList reported;
        w.setErrorReporter([&reported](const QString&, const QString& message) { reported << message; });
        QVERIFY(w.selectScenario(QStringLiteral("race-condition")));
        const int count = w.browser()->scenarioCount();
        const int current = w.browser()->currentIndex();
        const QString title = w.explanation()->title();

        const QString path = QStringLiteral(THREADLAB_TEST_DATA "/malformed/missing-id.json");
        QString expected;
        QVERIFY(!ScenarioLoader::loadFile(path, &expected));
        QVERIFY(!w.openScenarioFile(path));
        QCOMPARE(reported, QStringList {expected}); // exactly the loader's one line
        QCOMPARE(w.browser()->scenarioCount(), count);
        QCOMPARE(w.browser()->currentIndex(), current);
        QCOMPARE(w.explanation()->title(), title);
        QCOMPARE(w.library().count(), count);
    }

    void validFileIsAddedAndSelected()
    {
        MainWindow w;
        QStringList reported;
        w.setErrorReporter([&reported](const QString&, const QString& message) { reported << message; });
        const int count = w.browser()->scenarioCount();
        const QString path = QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json");
        QVERIFY(w.openScenarioFile(path));
        QVERIFY(reported.isEmpty());
        QCOMPARE(w.browser()->scenarioCount(), count + 1);
        const Scenario loaded = *ScenarioLoader::loadFile(path, nullptr);
        QCOMPARE(w.explanation()->title(), loaded.title);
        QVERIFY(w.library().isOpenedFile(w.browser()->currentIndex()));
        // Opening it again replaces it rather than adding a second copy.
        QVERIFY(w.openScenarioFile(path));
        QCOMPARE(w.browser()->scenarioCount(), count + 1);
    }

    void shortcutsMoveThroughScenarios()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        const QList<int> order = w.browser()->indexesInOrder();
        QVERIFY(order.size() > 3);
        w.browser()->selectIndex(order[0]);
        QWidget* tree = w.browser()->tree();
        tree->setFocus();

        QTest::keyClick(tree, Qt::Key_PageDown);
        QCOMPARE(w.browser()->currentIndex(), order[1]);
        QCOMPARE(w.explanation()->title(), w.library().at(order[1]).title);
        QTest::keyClick(tree, Qt::Key_PageDown);
        QCOMPARE(w.browser()->currentIndex(), order[2]);
        QTest::keyClick(tree, Qt::Key_PageUp);
        QCOMPARE(w.browser()->currentIndex(), order[1]);
        QTest::keyClick(tree, Qt::Key_Right);
        QCOMPARE(w.browser()->currentIndex(), order[2]);
        QTest::keyClick(tree, Qt::Key_Left);
        QCOMPARE(w.browser()->currentIndex(), order[1]);
        // Down and Up in the browser skip the group headings.
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(w.browser()->currentIndex(), order[2]);
        QTest::keyClick(tree, Qt::Key_Up);
        QCOMPARE(w.browser()->currentIndex(), order[1]);
        // The ends stay put.
        w.browser()->selectIndex(order.last());
        QTest::keyClick(tree, Qt::Key_PageDown);
        QCOMPARE(w.browser()->currentIndex(), order.last());
        // Shortcuts work wherever the focus is in the window.
        w.runControls()->runButton()->setFocus();
        QTest::keyClick(w.runControls()->runButton(), Qt::Key_PageUp);
        QCOMPARE(w.browser()->currentIndex(), order[order.size() - 2]);
    }

    void spaceAndEnterRun()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        w.runControls()->timeScaleBox()->setValue(0.02);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.browser()->tree()->setFocus();
        QTest::keyClick(w.browser()->tree(), Qt::Key_Space);
        QVERIFY(w.controller()->isRunning());
        RunResult run = waitForRun(finished);
        QVERIFY(run.error.isEmpty());
        QCOMPARE(run.scenarioId, QStringLiteral("io-bound"));
        QCOMPARE(run.variants.size(), std::size_t(2));

        QTest::keyClick(w.browser()->tree(), Qt::Key_Return);
        QVERIFY(w.controller()->isRunning());
        run = waitForRun(finished);
        QVERIFY(run.error.isEmpty());
        QCOMPARE(w.controller()->history().runCount(), 2);
    }

    void onlyTheCheckedVariantsRun()
    {
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        w.runControls()->timeScaleBox()->setValue(0.02);
        QListWidget* list = w.runControls()->variantList();
        list->item(0)->setCheckState(Qt::Unchecked);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        const RunResult run = waitForRun(finished);
        QCOMPARE(run.variants.size(), std::size_t(1));
        QCOMPARE(run.variants.front().name, list->item(1)->text());
        // None checked: nothing to run.
        list->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(!w.runControls()->runButton()->isEnabled());
        w.startRun();
        QVERIFY(!w.controller()->isRunning());
    }

    void theWindowJudgesTheLesson()
    {
        // race-condition's checks hold or fail by counts, not times: the verdict must be there
        // either way, first in the panel, and the same as the run's own.
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("race-condition")));
        w.runControls()->timeScaleBox()->setValue(0.05);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        const RunResult run = waitForRun(finished);
        QVERIFY(run.lesson);
        QVERIFY(!run.lesson->lines().isEmpty());
        const QString panel = w.observations()->plainText();
        for (const QString& line : run.lesson->lines())
            QVERIFY2(panel.contains(line), qPrintable(panel));
        QVERIFY2(panel.contains(QStringLiteral("with a lock, no update was lost")), qPrintable(panel));
    }

    void stopCancelsTheRun()
    {
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        w.runControls()->timeScaleBox()->setValue(1.0); // 4 s of work per variant
        QSignalSpy started(w.controller(), &RunController::variantStarted);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        QVERIFY(started.wait(30'000));
        QTest::qWait(100);
        w.stopRun();
        const RunResult run = waitForRun(finished, 30'000);
        QVERIFY(run.cancelled);
        QVERIFY(!run.variants.empty());
        QVERIFY(run.variants.back().cancelled);
        // Cut short, not waited out: every lane of the stopped variant ended cancelled mid-work.
        for (const WorkerResult& worker : run.variants.back().workers)
            QCOMPARE(worker.outcome, WorkerOutcome::Cancelled);
        QVERIFY(!w.controller()->isRunning());
        QVERIFY(w.runControls()->runButton()->isEnabled());
        QVERIFY(!w.runControls()->stopButton()->isEnabled());
        QVERIFY(w.statusText().startsWith(QLatin1String("Stopped")));
        QVERIFY(w.observations()->plainText().contains(QLatin1String("cancelled")));
    }

    void changingScenarioDuringARunDropsIt()
    {
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        w.runControls()->timeScaleBox()->setValue(1.0);
        QSignalSpy started(w.controller(), &RunController::variantStarted);
        QSignalSpy running(w.controller(), &RunController::runningChanged);
        w.startRun();
        QVERIFY(started.wait(30'000));
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller()->isRunning(), 10'000);
        QCOMPARE(w.explanation()->title(), scenarioTitle(QStringLiteral("io-bound")));
        QCOMPARE(w.timelinePanel()->variantCount(), 0);
        QVERIFY(w.controller()->history().isEmpty());
        QVERIFY(w.runControls()->runButton()->isEnabled());
    }

    void presenterModeScalesEverything()
    {
        MainWindow w;
        const double base = w.font().pointSizeF();
        const double consoleBase = w.console()->textView()->font().pointSizeF();
        w.setPresenterMode(true);
        QVERIFY(w.isPresenterMode());
        QVERIFY(qAbs(w.font().pointSizeF() / base - MainWindow::presenterScale) < 0.01);
        QVERIFY(qAbs(w.explanation()->font().pointSizeF() / base - MainWindow::presenterScale) < 0.01);
        QVERIFY(w.console()->textView()->font().pointSizeF() > consoleBase * 1.5);
        QVERIFY(w.elapsedChart()->chartItem()->titleFont().pointSizeF() > base * 1.5);
        QCOMPARE(w.timelinePanel()->view()->scale(), MainWindow::presenterScale);
        w.setPresenterMode(false);
        QCOMPARE(w.font().pointSizeF(), base);
        QCOMPARE(w.timelinePanel()->view()->scale(), 1.0);
    }

    // The stage (F6) is offered outside presenter mode too: there the verdict and the console
    // still take their column beside the timeline.
    void stageOutsidePresenterModeKeepsTheVerdictColumn()
    {
        clearSettings();
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.isPresenterMode());
        w.stageAction()->trigger();
        QVERIFY(w.stageAction()->isChecked());
        QTRY_VERIFY(w.observations()->isVisible() && w.observations()->width() > 0);
        QTRY_VERIFY(w.console()->width() >= MainWindow::verdictColumn(w.width(), MainWindow::stageConsolePercent) / 2);
        QVERIFY(w.console()->textView()->viewport()->height() > 0);
    }

    void fullScreenWithF11AndEscape()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_F11);
        QTRY_VERIFY(w.isFullScreen());
        QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_VERIFY(!w.isFullScreen());
    }

    void darkAndLightPalettes()
    {
        MainWindow w;
        w.setDarkPalette(true);
        QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() < 0.3);
        w.setDarkPalette(false);
        QVERIFY(QApplication::palette().color(QPalette::Base).lightnessF() > 0.9);
    }

    // Switching scenario (or opening a file) forgets the runs, and the chart shows none of the
    // previous scenario's rows; the empty value axis reads as numbers, each once.
    void elapsedChartForgetsThePreviousScenario()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showRun(fakeRun(QStringLiteral("cpu-bound"), {QStringLiteral("1 thread"), QStringLiteral("4 threads")}));
        QCOMPARE(w.elapsedChart()->barCount(), 2);
        QTRY_VERIFY(chartTexts(*w.elapsedChart()).contains(QStringLiteral("4 threads")));

        auto checkEmpty = [&w] {
            const QStringList texts = chartTexts(*w.elapsedChart());
            QVERIFY2(!texts.contains(QStringLiteral("4 threads")), qPrintable(texts.join(u'|')));
            QVERIFY2(!texts.contains(QStringLiteral("1 thread")), qPrintable(texts.join(u'|')));
            QStringList numbers;
            for (const QString& t : texts) {
                bool ok = false;
                t.toDouble(&ok);
                if (ok)
                    numbers << t;
            }
            QVERIFY(numbers.size() >= 2);
            QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), numbers.size());
        };
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        checkEmpty();

        w.showRun(fakeRun(QStringLiteral("cpu-bound"), {QStringLiteral("1 thread"), QStringLiteral("4 threads")}));
        QTRY_VERIFY(chartTexts(*w.elapsedChart()).contains(QStringLiteral("4 threads")));
        QVERIFY(w.openScenarioFile(QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json")));
        checkEmpty();
    }

    // Console headings and lines stay readable on the background after every palette switch,
    // whichever widget Qt tells first (a palette set on the console reaches it before its view).
    void consoleFollowsThePalette()
    {
        MainWindow w;
        ConsoleView alone;
        for (ConsoleView* console : {w.console(), &alone}) {
            console->beginVariant(QStringLiteral("threads"));
            console->appendLines({ConsoleLine {0, 1, 12.5, QStringLiteral("Thread-1"), QStringLiteral("hello")}});
        }
        for (const bool dark : {true, false, true, false}) {
            w.setDarkPalette(dark);
            alone.setPalette(ThemePalette::forDark(dark));
            for (ConsoleView* console : {w.console(), &alone}) {
                const QPalette palette = console->textView()->palette();
                const QColor base = palette.color(QPalette::Base);
                int fragments = 0;
                for (QTextBlock b = console->textView()->document()->firstBlock(); b.isValid(); b = b.next()) {
                    for (auto it = b.begin(); !it.atEnd(); ++it, ++fragments) {
                        const QTextCharFormat f = it.fragment().charFormat();
                        const QColor fg = f.foreground().style() == Qt::NoBrush ? palette.color(QPalette::Text)
                                                                                 : f.foreground().color();
                        QVERIFY2(contrastRatio(fg, base) >= 4.5,
                                 qPrintable(QStringLiteral("%1 (dark %2): %3 on %4")
                                                .arg(it.fragment().text())
                                                .arg(dark)
                                                .arg(fg.name(), base.name())));
                    }
                }
                QVERIFY(fragments >= 4); // the heading and the line's time, name and text
            }
        }
    }

    // --workers 8: the variant is named after the workers it really has, in the timeline's tabs,
    // the chart and the results; the scenario's own name still selects it.
    void variantNamesFollowTheWorkerCount()
    {
        const Scenario cpu = *ScenarioCatalog::builtin(QStringLiteral("cpu-bound"));
        RunSettings settings;
        settings.workers = 8;
        settings.variants = {QStringLiteral("4 threads")};
        QString error;
        std::vector<PlannedVariant> plan = VariantPlanner::plan(cpu, settings, 2, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(plan.size(), std::size_t(1));
        QCOMPARE(plan.front().name, QStringLiteral("8 threads"));
        QCOMPARE(plan.front().workers.size(), std::size_t(8));
        settings.variants = {QStringLiteral("8 threads")};
        QCOMPARE(VariantPlanner::plan(cpu, settings, 2, &error).size(), std::size_t(1));
        settings.workers = 1;
        settings.variants = {QStringLiteral("4 threads")};
        QCOMPARE(VariantPlanner::plan(cpu, settings, 2, &error).front().name, QStringLiteral("1 thread"));
        settings.workers = 0;
        settings.variants.clear();
        plan = VariantPlanner::plan(cpu, settings, 2, &error);
        QStringList names;
        for (const PlannedVariant& v : plan)
            names << v.name;
        QCOMPARE(names, (QStringList {QStringLiteral("1 thread"), QStringLiteral("4 threads"), QStringLiteral("2 processes")}));

        SKIP_IF_SPAWNING_UNDER_TSAN();
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        QListWidget* variants = w.runControls()->variantList();
        w.runControls()->workersBox()->setValue(8);
        for (int i = 0; i < variants->count(); ++i)
            variants->item(i)->setCheckState(i == 1 ? Qt::Checked : Qt::Unchecked);
        QCOMPARE(variants->item(1)->text(), QStringLiteral("8 threads"));
        w.runControls()->timeScaleBox()->setValue(0.01);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        const RunResult run = waitForRun(finished);
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.variants.size(), std::size_t(1));
        QCOMPARE(run.variants.front().name, QStringLiteral("8 threads"));
        QCOMPARE(w.timelinePanel()->variantName(0), QStringLiteral("8 threads"));
        QVERIFY(w.elapsedChart()->barTexts().size() == 1);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(chartTexts(*w.elapsedChart()).contains(QStringLiteral("8 threads")));
        QVERIFY(!chartTexts(*w.elapsedChart()).contains(QStringLiteral("4 threads")));
    }

    // A scale chosen for one scenario does not silently carry over to the next: each scenario
    // starts on its own default; a scale brought back from the last session is pointed out.
    void timeScaleStartsOnTheScenarioDefault()
    {
        clearSettings();
        {
            MainWindow w;
            w.restoreSession();
            QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
            w.runControls()->timeScaleBox()->setValue(0.02);
            QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
            QCOMPARE(w.runControls()->timeScaleBox()->value(), 0.0);
            QCOMPARE(w.runControls()->settings().timeScale, 0.0);
            w.runControls()->timeScaleBox()->setValue(0.5);
            w.close();
        }
        MainWindow again;
        again.restoreSession();
        QCOMPARE(again.library().at(again.browser()->currentIndex()).id, QStringLiteral("io-bound"));
        QCOMPARE(again.runControls()->settings().timeScale, 0.5);
        auto* note = again.runControls()->findChild<QLabel*>(QStringLiteral("timeScaleNote"));
        QVERIFY(note);
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QStringLiteral("×%1").arg(ScenarioCatalog::builtin(QStringLiteral("io-bound"))->defaultTimeScale)),
                 qPrintable(note->text()));
        QVERIFY2(again.statusText().contains(QStringLiteral("×0.5")), qPrintable(again.statusText()));
        again.runControls()->timeScaleBox()->setValue(0);
        QVERIFY(note->isHidden());
        again.close();
        clearSettings();
    }

    // A scale reads as itself (×0.01, never ×0.00), and steps go through round scales without
    // falling between the smallest one and "default".
    void smallTimeScalesReadAsThemselves()
    {
        MainWindow w;
        QDoubleSpinBox* box = w.runControls()->timeScaleBox();
        const std::vector<std::pair<double, QString>> shown {
            {0.01, QStringLiteral("×0.01")}, {0.02, QStringLiteral("×0.02")}, {0.25, QStringLiteral("×0.25")},
            {0.5, QStringLiteral("×0.5")},   {1.0, QStringLiteral("×1")},     {10.0, QStringLiteral("×10")}};
        for (const auto& [scale, text] : shown) {
            RunSettings s = w.runControls()->settings();
            s.timeScale = scale;
            w.runControls()->setSettings(s);
            QCOMPARE(w.runControls()->settings().timeScale, scale);
            QCOMPARE(box->text(), QLocale().toString(scale) == QString::number(scale) ? text : box->text());
        }
        box->setValue(0.05);
        box->stepDown();
        QCOMPARE(box->value(), 0.02);
        QCOMPARE(box->text(), QStringLiteral("×0.02"));
        box->stepDown();
        QCOMPARE(box->text(), QStringLiteral("×0.01"));
        box->stepDown();
        QCOMPARE(box->value(), 0.0); // the scenario's default
        QVERIFY(box->text().startsWith(QLatin1String("default")));
        box->stepUp();
        QCOMPARE(box->value(), 0.01);
        box->setValue(0.3);
        box->stepUp();
        QCOMPARE(box->value(), 0.5);
    }

    // Space runs wherever the focus is, spin boxes included; only a field made for typing
    // keeps it, and types it.
    void spaceRunsFromAFocusedSpinBox()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        MainWindow w;
        auto* field = new QLineEdit(w.runControls()); // e.g. the class's prediction
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        w.runControls()->timeScaleBox()->setValue(0.02);
        w.runControls()->workersBox()->setValue(2);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        for (QWidget* box : {static_cast<QWidget*>(w.runControls()->workersBox()),
                             static_cast<QWidget*>(w.runControls()->timeScaleBox())}) {
            box->setFocus();
            QTRY_VERIFY(box->hasFocus());
            QTest::keyClick(box, Qt::Key_Space);
            QVERIFY2(w.controller()->isRunning(), qPrintable(box->objectName()));
            QVERIFY(waitForRun(finished).error.isEmpty());
            QCOMPARE(w.runControls()->workersBox()->value(), 2);
            QCOMPARE(w.runControls()->timeScaleBox()->value(), 0.02);
        }
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("3 times"));
        QCOMPARE(field->text(), QStringLiteral("3 times"));
        QVERIFY(!w.controller()->isRunning());
        // Ctrl+R runs from the field as well.
        QTest::keyClick(field, Qt::Key_R, Qt::ControlModifier);
        QVERIFY(w.controller()->isRunning());
        QVERIFY(waitForRun(finished).error.isEmpty());
    }

    // Runs 3: the status line follows the series, the panel shows medians and spread, and the
    // results carry every run.
    void runsThreeTimesFromTheWindow()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        MainWindow w;
        w.show();
        QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
        w.runControls()->timeScaleBox()->setValue(0.02);
        w.runControls()->setRuns(3);
        // Every run's log and time of each variant, as they ran.
        std::vector<std::vector<std::shared_ptr<const EventLog>>> logs;
        std::vector<std::vector<double>> times;
        connect(w.controller(), &RunController::variantStarted, &w,
                [&logs](int index, const QString&, std::shared_ptr<const EventLog> log) {
                    logs.resize(std::max<std::size_t>(logs.size(), index + 1));
                    logs[static_cast<std::size_t>(index)].push_back(std::move(log));
                });
        connect(w.controller(), &RunController::variantFinished, &w,
                [&times](int index, const VariantResult& v, double, const QString&) {
                    times.resize(std::max<std::size_t>(times.size(), index + 1));
                    times[static_cast<std::size_t>(index)].push_back(v.elapsedMs);
                });
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        QTRY_VERIFY2(w.statusText().startsWith(QStringLiteral("Run 2 of 3: running")), qPrintable(w.statusText()));
        const RunResult result = waitForRun(finished);
        QCOMPARE(result.repeats, 3);
        QCOMPARE(w.controller()->lastRun()->variants.front().elapsedRunsMs.size(), std::size_t(3));
        const QString text = w.observations()->plainText();
        QVERIFY2(text.contains(QStringLiteral("sequential: median ")) && text.contains(QStringLiteral(", runs ")),
                 qPrintable(text));
        // The timeline shows each variant's median run (the run whose time is the median of the
        // variant's three), on the Compare tab and on the variant's own, not the last run.
        QCOMPARE(logs.size(), result.variants.size());
        for (std::size_t i = 0; i < logs.size(); ++i) {
            QCOMPARE(logs[i].size(), std::size_t(3));
            const auto median = logs[i][RunSeries::medianIndex(times[i])];
            QVERIFY(w.timelinePanel()->compareView()->bandView(static_cast<int>(i))->log() == median);
            w.timelinePanel()->showVariant(static_cast<int>(i));
            QVERIFY(w.timelinePanel()->detailView()->log() == median);
            QCOMPARE(result.variants[i].elapsedMs, times[i][RunSeries::medianIndex(times[i])]);
        }
        w.timelinePanel()->showVariant(-1);
        // The picture's caption says so.
        QVERIFY(PictureExporter::captionSettings(*w.controller()->lastRun()).startsWith(QStringLiteral("median of 3 runs")));
    }

    // Without a usable Python the CPython entries are greyed out, saying why; the others stay.
    void engineChoiceGreysOutCPythonWithoutPython()
    {
        MainWindow w;
        EngineBox* engines = w.runControls()->engineBox();
        QCOMPARE(engines->count(), 4);
        engines->setCurrentIndex(3); // Model + CPython, chosen while it could run
        QCOMPARE(w.runControls()->settings().engines.size(), std::size_t(2));
        const PythonInterpreter broken = PythonInterpreter::probe(QStringLiteral("/nonexistent/python3"));
        QVERIFY(!broken.usable());
        engines->setInterpreter(broken);
        auto* items = qobject_cast<QStandardItemModel*>(engines->model());
        QVERIFY(items);
        QVERIFY(items->item(0)->isEnabled());
        QVERIFY(items->item(1)->isEnabled());
        for (int i : {2, 3}) {
            QVERIFY(!items->item(i)->isEnabled());
            QVERIFY2(engines->itemData(i, Qt::ToolTipRole).toString().contains(broken.error()),
                     qPrintable(engines->itemData(i, Qt::ToolTipRole).toString()));
        }
        QCOMPARE(engines->currentIndex(), 0); // back to the model
        QCOMPARE(w.runControls()->settings().engine, EngineKind::Model);
        QVERIFY(w.runControls()->settings().engines.empty());
        QVERIFY(!w.runControls()->engineNote()->isHidden());
        QVERIFY(w.runControls()->engineNote()->text().contains(broken.error()));
        QVERIFY2(w.statusText().contains(broken.error()), qPrintable(w.statusText()));
        // Settings asking for CPython come back as the model while it cannot run.
        RunSettings both;
        both.engines = {EngineKind::Model, EngineKind::CPython};
        w.runControls()->setSettings(both);
        QCOMPARE(engines->currentIndex(), 0);
    }

    // "Model + CPython": each variant's model band directly above its CPython band in the
    // compare view, both engines in the elapsed chart, both verdicts and the fidelity.
    void modelBesideCPythonInPairs()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        if (!PythonInterpreter::probe().usable())
            QSKIP("no usable python3 on this machine: the CPython engine cannot run");
        MainWindow w;
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        QListWidget* variants = w.runControls()->variantList();
        for (int i = 0; i < variants->count(); ++i)
            variants->item(i)->setCheckState(variants->item(i)->text() == QLatin1String("2 processes") ? Qt::Unchecked
                                                                                                    : Qt::Checked);
        w.runControls()->timeScaleBox()->setValue(0.02);
        EngineBox* engines = w.runControls()->engineBox();
        engines->setCurrentIndex(engines->findData(QVariantList {int(EngineKind::Model), int(EngineKind::CPython)},
                                                   EngineBox::enginesRole));
        QCOMPARE(engines->currentText(), QStringLiteral("Model + CPython"));
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        const RunResult result = waitForRun(finished);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.engineRuns.size(), std::size_t(2));
        const CompareView* compare = w.timelinePanel()->compareView();
        QCOMPARE(compare->bandCount(), 4);
        const QStringList expected {QStringLiteral("1 thread · model"), QStringLiteral("1 thread · CPython"),
                                    QStringLiteral("4 threads · model"), QStringLiteral("4 threads · CPython")};
        for (int i = 0; i < 4; ++i) {
            QVERIFY2(compare->headerText(i).startsWith(expected[i]), qPrintable(compare->headerText(i)));
            QVERIFY(compare->bandView(i)->log() == result.variants[static_cast<std::size_t>(i)].log);
        }
        QCOMPARE(w.elapsedChart()->barCount(), 4);
        w.resize(1600, 1000); // room for the names on the category axis
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // One above the other, in pairs: each model band directly above its CPython band.
        w.timelinePanel()->showVariant(-1);
        QTRY_VERIFY(!compare->headerRect(3).isEmpty());
        for (int i = 0; i + 1 < 4; ++i)
            QVERIFY2(compare->headerRect(i).top() < compare->headerRect(i + 1).top(), qPrintable(compare->headerText(i)));
        // A row per variant with a bar in each engine: the legend tells the engines apart.
        QCOMPARE(w.elapsedChart()->categoryLabels(), (QStringList {QStringLiteral("1 thread"), QStringLiteral("4 threads")}));
        QCOMPARE(w.elapsedChart()->legendNames(), (QStringList {QStringLiteral("Model"), QStringLiteral("CPython")}));
        const QString text = w.observations()->plainText();
        QVERIFY2(text.contains(QStringLiteral("model engine:")) && text.contains(QStringLiteral("CPython engine:")),
                 qPrintable(text));
        QVERIFY2(text.simplified().contains(QStringLiteral("4 threads / 1 thread model ")), qPrintable(text));
        const QString caption = PictureExporter::captionSettings(result);
        QVERIFY2(caption.startsWith(QStringLiteral("model + CPython 3.")), qPrintable(caption));
    }

    // Predict, then reveal: P covers the numbers and charts, the class types its prediction
    // (Space is a character there), a run stays covered, R reveals it beside the result.
    void predictThenReveal()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        QVERIFY(!w.predictAction()->isChecked()); // off by default
        QTest::keyClick(w.browser(), Qt::Key_P);
        QVERIFY(w.predictAction()->isChecked());
        QVERIFY(w.prediction()->isCovered());
        QLineEdit* field = w.prediction()->fieldCard()->field();
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("4 threads will be 3x faster"));
        QCOMPARE(field->text(), QStringLiteral("4 threads will be 3x faster")); // spaces, p and r typed
        QVERIFY(!w.controller()->isRunning());

        w.showRun(fakeRun(QStringLiteral("cpu-bound"),
                          {QStringLiteral("1 thread"), QStringLiteral("4 threads"), QStringLiteral("2 processes")}));
        QVERIFY(w.prediction()->isCovered());
        QVERIFY(!field->hasFocus());
        QVERIFY(w.revealAction()->isEnabled());
        QVERIFY(w.prediction()->fieldCard()->isVisible());
        if (const QString dir = qEnvironmentVariable("THREADLAB_GRAB_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/predict-covered.png"));

        QTest::keyClick(w.browser(), Qt::Key_R);
        QVERIFY(!w.prediction()->isCovered());
        QVERIFY(!w.prediction()->fieldCard()->isVisible());
        const QString text = w.observations()->plainText();
        QVERIFY2(text.startsWith(QStringLiteral("You predicted: 4 threads will be 3x faster")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("4 threads: ")), qPrintable(text));
        if (const QString dir = qEnvironmentVariable("THREADLAB_GRAB_DIR"); !dir.isEmpty())
            w.grab().save(dir + QStringLiteral("/predict-revealed.png"));
        w.predictAction()->setChecked(false);
        QVERIFY(!w.observations()->plainText().contains(QStringLiteral("You predicted")));
    }

    // Opened files come back after a restart, those that went away are named in the status
    // line; a file sits under its own group heading.
    void openedFilesComeBack()
    {
        clearSettings();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString kept = dir.filePath(QStringLiteral("kept.json"));
        const QString gone = dir.filePath(QStringLiteral("gone.json"));
        QVERIFY(QFile::copy(QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json"), kept));
        QFile source(QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray other = source.readAll();
        other.replace("\"id\": \"minimal\"", "\"id\": \"other\"");
        other.replace("\"title\": \"Minimal scenario\"", "\"title\": \"Other scenario\"");
        QFile out(gone);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(other);
        out.close();
        const int builtins = static_cast<int>(ScenarioCatalog::builtins().size());
        {
            MainWindow w;
            w.restoreSession();
            QVERIFY(w.openScenarioFile(kept));
            QVERIFY(w.openScenarioFile(gone));
            QCOMPARE(w.library().count(), builtins + 2);
            // Its own group, not a catch-all heading.
            QTreeWidgetItem* item = w.browser()->tree()->currentItem();
            QVERIFY(item && item->parent());
            QCOMPARE(item->parent()->text(0), QStringLiteral("Test data"));
            QVERIFY(w.selectScenario(QStringLiteral("daemon")));
            w.close();
        }
        QVERIFY(QFile::remove(gone));
        MainWindow again;
        again.restoreSession();
        QCOMPARE(again.library().count(), builtins + 1);
        const int index = again.library().indexOfFile(kept);
        QVERIFY(index >= 0);
        QVERIFY(again.library().isOpenedFile(index));
        QVERIFY(again.browser()->indexesInOrder().contains(index));
        QCOMPARE(again.library().at(again.browser()->currentIndex()).id, QStringLiteral("daemon"));
        QVERIFY2(again.statusText().contains(QLatin1String("gone.json")), qPrintable(again.statusText()));
        again.close();
        clearSettings();
    }

    // After an export the status line says where the file went.
    void exportNamesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow w;
        for (const ExportKind* kind : ExportKind::bySubject()) {
            if (kind->subject != ExportSubject::Window)
                continue;
            const QString path = dir.filePath(kind->defaultFileName(QStringLiteral("window")));
            QVERIFY(w.exportTo(*kind, path));
            QVERIFY(QFile::exists(path));
            QVERIFY2(w.statusText().contains(QDir::toNativeSeparators(path)), qPrintable(w.statusText()));
        }
    }

    // A remembered geometry that would put part of the window (the status bar) below the
    // screen is moved back onto it, session after session.
    void restoredGeometryStaysOnScreen()
    {
        clearSettings();
        for (int session = 0; session < 3; ++session) {
            MainWindow w;
            w.restoreSession();
            const QRect available = w.screen()->availableGeometry();
            if (session == 0)
                w.setGeometry(QRect(available.left(), available.top() + 40, available.width() - 20, available.height() - 20));
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            if (session > 0)
                QVERIFY2(available.contains(w.frameGeometry()),
                         qPrintable(QStringLiteral("session %1: %2,%3 %4×%5 outside %6×%7")
                                        .arg(session)
                                        .arg(w.frameGeometry().x())
                                        .arg(w.frameGeometry().y())
                                        .arg(w.frameGeometry().width())
                                        .arg(w.frameGeometry().height())
                                        .arg(available.width())
                                        .arg(available.height())));
            w.close();
        }
        clearSettings();
    }

    void sessionIsRemembered()
    {
        // A size that fits the screen: a larger one is made to fit (restoredGeometryStaysOnScreen).
        const QSize size = QSize(1200, 800).boundedTo(QGuiApplication::primaryScreen()->availableGeometry().size() - QSize(100, 100));
        {
            MainWindow w;
            w.restoreSession();
            QVERIFY(w.selectScenario(QStringLiteral("daemon")));
            w.runControls()->gilBox()->setCurrentIndex(1);
            w.runControls()->timeScaleBox()->setValue(0.5);
            w.runControls()->setRuns(3);
            w.setPresenterMode(true);
            w.resize(size);
            w.close();
        }
        MainWindow again;
        again.restoreSession();
        QCOMPARE(again.library().at(again.browser()->currentIndex()).id, QStringLiteral("daemon"));
        QVERIFY(again.isPresenterMode());
        QCOMPARE(again.runControls()->settings().gil, false);
        QCOMPARE(again.runControls()->settings().timeScale, 0.5);
        QCOMPARE(again.size(), size);
        QCOMPARE(again.runControls()->runs(), 3);
        again.runControls()->setRuns(1); // the next suites' windows run once
        again.setPresenterMode(false);
        // The engine choice and the interpreter's path come back too.
        again.runControls()->engineBox()->setCurrentIndex(3);
        again.runControls()->pythonField()->setText(QStringLiteral("/usr/bin/python3"));
        again.close();
        {
            MainWindow third;
            third.restoreSession();
            const RunSettings s = third.runControls()->settings();
            QCOMPARE(s.engine, EngineKind::Model);
            QVERIFY((s.engines == std::vector<EngineKind> {EngineKind::Model, EngineKind::CPython}));
            QCOMPARE(s.python, QStringLiteral("/usr/bin/python3"));
            third.runControls()->engineBox()->setCurrentIndex(0);
            third.runControls()->pythonField()->clear();
            third.close();
        }
        // Only the test location was written.
        QVERIFY(QSettings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab"))
                    .fileName()
                    .contains(QLatin1String("qttest")));
    }

    // `threadlab PATH` (a desktop file's %f): the window opens that lesson and selects it; a file
    // that does not load gives the loader's one line, as File ▸ Open does.
    void lessonFileFromCommandLineIsSelected()
    {
        const QString path = QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json");
        QString error;
        const auto options = CommandLine::parse({QStringLiteral("threadlab"), path}, &error);
        QVERIFY2(options, qPrintable(error));
        MainWindow w;
        QStringList reported;
        w.setErrorReporter([&reported](const QString&, const QString& message) { reported << message; });
        QVERIFY(w.selectScenario(QStringLiteral("daemon")));
        QVERIFY(w.openScenarioFile(options->scenarioFile));
        QVERIFY(reported.isEmpty());
        const int current = w.browser()->currentIndex();
        QVERIFY(w.library().isOpenedFile(current));
        QCOMPARE(w.library().at(current).id, QStringLiteral("minimal"));
        QCOMPARE(w.controller()->scenario()->id, QStringLiteral("minimal"));

        const QString bad = QStringLiteral(THREADLAB_TEST_DATA "/malformed/missing-id.json");
        const auto badOptions = CommandLine::parse({QStringLiteral("threadlab"), bad}, &error);
        QVERIFY2(badOptions, qPrintable(error));
        QString expected;
        QVERIFY(!ScenarioLoader::loadFile(bad, &expected));
        QVERIFY(!w.openScenarioFile(badOptions->scenarioFile));
        QCOMPARE(reported, QStringList {expected});
        QCOMPARE(w.browser()->currentIndex(), current);
    }

    // File ▸ Save lesson as… without its dialog: the file loads, carries the run controls' workers
    // and time scale as its defaults, and becomes an opened lesson, first in Open Recent.
    void saveLessonWritesTheChosenDefaults()
    {
        clearSettings();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("io-bound.threadlab.json"));
        {
            MainWindow w;
            w.restoreSession();
            QStringList reported;
            w.setErrorReporter([&reported](const QString&, const QString& message) { reported << message; });
            QVERIFY(w.selectScenario(QStringLiteral("io-bound")));
            w.runControls()->workersBox()->setValue(3);
            w.runControls()->timeScaleBox()->setValue(0.1);
            QVERIFY(w.saveLessonTo(path));
            QVERIFY2(reported.isEmpty(), qPrintable(reported.join(u'\n')));

            QString error;
            const auto saved = ScenarioLoader::loadFile(path, &error);
            QVERIFY2(saved, qPrintable(error));
            QCOMPARE(saved->defaultWorkers, 3);
            QCOMPARE(saved->defaultTimeScale, 0.1);
            Scenario expected = *ScenarioLoader::loadFile(QStringLiteral(":/scenarios/io-bound.json"), nullptr);
            expected.defaultWorkers = 3;
            expected.defaultTimeScale = 0.1;
            expected.sourcePath = saved->sourcePath;
            QVERIFY(*saved == expected);

            const int current = w.browser()->currentIndex();
            QVERIFY(w.library().isOpenedFile(current));
            QCOMPARE(w.library().keyOf(current), QStringLiteral("file:") + QFileInfo(path).canonicalFilePath());
            QVERIFY2(w.statusText().contains(path), qPrintable(w.statusText()));
            QCOMPARE(SessionSettings().recentLessons().value(0), QFileInfo(path).absoluteFilePath());
            QCOMPARE(w.recentMenu()->actions().value(0)->text(), QStringLiteral("&1 ") + QDir::toNativeSeparators(path));

            // A file that cannot be written: one line naming it, nothing opened.
            const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/x.threadlab.json"));
            QVERIFY(!w.saveLessonTo(nowhere));
            QCOMPARE(reported.size(), 1);
            QVERIFY2(reported.first().startsWith(nowhere + QStringLiteral(": ")), qPrintable(reported.first()));
            QVERIFY(!reported.first().contains(u'\n'));
            QCOMPARE(w.browser()->currentIndex(), current);
            QCOMPARE(w.saveLessonAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
            w.close();
        }
        clearSettings();
    }

    // File ▸ Open Recent: the last eight lessons, most recent first, across sessions; a file gone
    // since is greyed, and dropped with a status line when chosen; "Clear recent" empties it.
    void recentLessonsAcrossSessions()
    {
        clearSettings();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList paths;
        for (int n = 1; n <= 10; ++n) {
            paths << dir.filePath(QStringLiteral("lesson-%1.threadlab.json").arg(n));
            QVERIFY(QFile::copy(QStringLiteral(THREADLAB_TEST_DATA "/valid/minimal.json"), paths.last()));
        }
        const auto shown = [](const MainWindow& w) {
            QStringList texts;
            for (QAction* a : w.recentMenu()->actions())
                if (!a->isSeparator()) // "&1 …" to "&8 …": the number is the entry's mnemonic
                    texts << QString(a->text()).remove(QRegularExpression(QStringLiteral("^&[1-8] ")));
            return texts;
        };
        {
            MainWindow w;
            w.restoreSession();
            for (const QString& p : paths)
                QVERIFY(w.openScenarioFile(p));
            QVERIFY(w.openScenarioFile(paths.at(4))); // again: to the top
            w.close();
        }
        QStringList expected {paths.at(4), paths.at(9), paths.at(8), paths.at(7), paths.at(6), paths.at(5),
                              paths.at(3), paths.at(2)};
        MainWindow again;
        again.restoreSession();
        QCOMPARE(shown(again), expected + QStringList {QStringLiteral("&Clear recent")});

        QVERIFY(QFile::remove(paths.at(9)));
        Q_EMIT again.recentMenu()->aboutToShow();
        QCOMPARE(again.recentMenu()->actions().at(1)->text(), QStringLiteral("&2 ") + paths.at(9));
        QVERIFY(!again.recentMenu()->actions().at(1)->isEnabled()); // greyed
        QVERIFY(again.recentMenu()->actions().at(0)->isEnabled());
        // Gone while the menu was open, chosen anyway: dropped, with a status line.
        QAction* gone = again.recentMenu()->actions().at(2);
        QCOMPARE(gone->text(), QStringLiteral("&3 ") + paths.at(8));
        QVERIFY(QFile::remove(paths.at(8)));
        gone->trigger();
        expected.removeAll(paths.at(8));
        QCOMPARE(SessionSettings().recentLessons(), expected);
        QVERIFY2(again.statusText().contains(paths.at(8)) && again.statusText().contains(QLatin1String("no longer there")),
                 qPrintable(again.statusText()));
        QCOMPARE(shown(again).value(2), paths.at(7));

        again.recentMenu()->actions().at(2)->trigger(); // paths[7]: opened, to the top
        QCOMPARE(again.library().at(again.browser()->currentIndex()).sourcePath, paths.at(7));
        QCOMPARE(SessionSettings().recentLessons().value(0), paths.at(7));

        again.recentMenu()->actions().last()->trigger(); // Clear recent
        QVERIFY(SessionSettings().recentLessons().isEmpty());
        QCOMPARE(shown(again), QStringList {QStringLiteral("&Clear recent")});
        QVERIFY(!again.recentMenu()->actions().last()->isEnabled());
        again.close();
        clearSettings();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
