#include "app/mainwindow.h"
#include "charts/elapsedchart.h"
#include "charts/speedupchart.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/runcontroller.h"
#include "model/timelineaxis.h"
#include "results/enginecomparison.h"
#include "results/runhistory.h"
#include "results/variantresult.h"
#include "panes/explanationpane.h"
#include "panes/consoleview.h"
#include "panes/observationspanel.h"
#include "panes/runcontrols.h"
#include "scenario/scenario.h"
#include "panes/scenariobrowser.h"
#include "scenario/scenariocatalog.h"
#include "timeline/lanelabels.h"
#include "timeline/compareview.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include "support/sanitizers.h"
#include "support/testsettings.h"
#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolBar>
#include <QToolTip>

#include <memory>

using namespace ThreadLab;

namespace {

// The window's client area on a projector: full screen (F11: no menu bar) or a maximised
// window (menu bar, and a title bar and panel that take about 50 px of the screen).
struct Screen
{
    QSize size;
    bool fullScreen = false;
    QString name() const
    {
        return QStringLiteral("%1x%2%3").arg(size.width()).arg(size.height()).arg(fullScreen ? "-F11" : "");
    }
};

const QList<Screen> screens {{{1920, 1080}, true}, {{1920, 1030}, false}, {{1280, 720}, true}, {{1280, 670}, false}};

// `inner`, mapped into `outer`'s coordinates, lies wholly inside `outer`.
bool insideOf(const QWidget* inner, const QRect& rectInInner, const QWidget* outer)
{
    const QRect mapped(inner->mapTo(outer, rectInInner.topLeft()), rectInInner.size());
    return outer->rect().contains(mapped);
}

void settle()
{
    // The stage fits itself after a resize on a zero timer; layouts are posted events.
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

} // namespace

class TestPresenterLayout : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    MainWindow& window() { return *m_window; }

    void resizeTo(const Screen& screen)
    {
        MainWindow& w = window();
        w.menuBar()->setVisible(!screen.fullScreen);
        w.resize(screen.size);
        settle();
    }

    // Every lane of one view inside the visible timeline (and the window), with its whole name
    // unless `namesMayHide` (a crowded compare view lays its band headers over the names).
    void checkLanes(TimelineView* view, const QWidget* shownIn, const QString& where, bool namesMayHide)
    {
        (void)view->grab(); // a paint: the viewport follows the widget's size
        const bool inside =
            view->isVisible() && insideOf(view, view->rect(), shownIn) && insideOf(view, view->rect(), &window());
        // Known gap: cpu-scaling's eight bands with their headers need more height than a
        // maximised 720p window leaves the compare view; the last band's lanes run below it.
        if (!inside && where.startsWith(QLatin1String("cpu-scaling at 1280x670, compare band")))
            QEXPECT_FAIL("", "cpu-scaling's eight compare bands do not fit a maximised 1280x720 window yet", Continue);
        QVERIFY2(inside, qPrintable(where));
        const std::shared_ptr<const EventLog> log = view->log();
        QVERIFY2(log && log->laneCount() > 0, qPrintable(where));
        const TimelineLayout& l = view->widgetLayout();
        // A variant's own view: the legend never takes the lanes' room (it did on queue-ipc's
        // "threads + queue" tab at 1280x670 when a loaded run's threads also waited for the GIL:
        // one legend item more, a row more, and a 250 px view had no height left for its lanes).
        // In the compare view the last band carries the key of every band, and the band is sized
        // to hold it.
        QVERIFY2(shownIn != view || l.legend.height() <= l.lanes.height(),
                 qPrintable(QStringLiteral("%1: a legend of %2 px over lanes of %3 px").arg(where).arg(l.legend.height()).arg(l.lanes.height())));
        const QFontMetricsF names(l.nameFont);
        for (int i = 0; i < log->laneCount(); ++i) {
            const QRectF lane = view->laneRect(i);
            const QString name = log->lane(i)->info().name;
            const QString at = QStringLiteral("%1, lane %2 (%3) at %4,%5 %6x%7 in lanes %8,%9 %10x%11 of a view %12x%13, legend %14 px")
                                   .arg(where).arg(i).arg(name)
                                   .arg(lane.x()).arg(lane.y()).arg(lane.width()).arg(lane.height())
                                   .arg(l.lanes.x()).arg(l.lanes.y()).arg(l.lanes.width()).arg(l.lanes.height())
                                   .arg(view->width()).arg(view->height()).arg(l.legend.height());
            QVERIFY2(l.lanes.contains(lane) && QRectF(view->rect()).contains(lane), qPrintable(at));
            if (!namesMayHide)
                QVERIFY2(names.elidedText(name, Qt::ElideRight, LaneLabels::textRoom(l)) == name, qPrintable(at));
        }
    }

    // Every lane of every variant inside the visible timeline: in the compare view (shown after
    // a run, every band on one axis) and on each variant's own tab.
    void checkTimeline(const QString& where)
    {
        TimelinePanel* panel = window().timelinePanel();
        auto* tabs = panel->findChild<QTabBar*>(QStringLiteral("timelineTabs"));
        QVERIFY(tabs);
        QCOMPARE(panel->currentVariant(), -1); // the compare view, after a run
        CompareView* compare = panel->compareView();
        settle();
        for (int b = 0; b < compare->bandCount(); ++b)
            checkLanes(compare->bandView(b), compare, QStringLiteral("%1, compare band %2").arg(where).arg(b),
                       compare->isCompact());
        // A few bands keep the key of their states under the last one (on screen a legend is
        // made smaller where it would take a view's lanes' room, never in a band sized for it).
        if (compare->bandCount() > 0 && compare->bandCount() <= 3) {
            const TimelineView* last = compare->bandView(compare->bandOrder().back());
            QVERIFY2(last->widgetLayout().legend.height() > 0, qPrintable(where + QStringLiteral(", compare: no legend")));
        }
        const QList<TimelineAxis::Tick> shared = TimelineAxis::ticks(compare->firstView()->viewport(), 110 * compare->firstView()->widgetLayout().scale);
        QVERIFY2(shared.size() >= 3, qPrintable(QStringLiteral("%1, compare: %2 ticks").arg(where).arg(shared.size())));
        for (int v = 0; v < panel->variantCount(); ++v) {
            tabs->setCurrentIndex(v + 1);
            settle();
            TimelineView* view = panel->detailView();
            const QString at = QStringLiteral("%1, variant %2").arg(where).arg(v);
            checkLanes(view, view, at, false);
            const QList<TimelineAxis::Tick> ticks = TimelineAxis::ticks(view->viewport(), 110 * view->widgetLayout().scale);
            QVERIFY2(ticks.size() >= 3, qPrintable(QStringLiteral("%1: %2 ticks").arg(at).arg(ticks.size())));
        }
        tabs->setCurrentIndex(0);
        settle();
    }

    // Every line of What happened shows without scrolling.
    void checkObservations(const QString& where)
    {
        ObservationsPanel* panel = window().observations();
        QVERIFY2(panel->isVisible() && insideOf(panel, panel->rect(), &window()), qPrintable(where));
        auto* scroll = panel->findChild<QScrollArea*>();
        QVERIFY(scroll && scroll->widget());
        QWidget* content = scroll->widget();
        const int needed = content->heightForWidth(scroll->viewport()->width());
        const QString detail = QStringLiteral("%1: needs %2 px, shows %3 px").arg(where).arg(needed).arg(scroll->viewport()->height());
        QVERIFY2(needed <= scroll->viewport()->height(), qPrintable(detail));
        QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);
        QVERIFY(!panel->plainText().trimmed().isEmpty());
    }

    // The view's switches have buttons of their own on the toolbar, never in its overflow.
    void checkToolBar(const QString& where)
    {
        auto* bar = window().findChild<QToolBar*>(QStringLiteral("mainToolBar"));
        QVERIFY(bar && bar->isVisible());
        for (QAction* a : {window().presenterAction(), window().fullScreenAction(), window().stageAction()}) {
            QWidget* button = bar->widgetForAction(a);
            const QString at = QStringLiteral("%1: %2").arg(where, a->iconText());
            QVERIFY2(button && button->isVisible(), qPrintable(at));
            QVERIFY2(insideOf(button, button->rect(), bar), qPrintable(at));
        }
    }

    // The console (a tab beside the charts on the stage) shows whole lines, wrapped.
    void checkConsole(const QString& where)
    {
        QTabWidget* tabs = window().chartTabs();
        const int current = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(window().console()))
                tabs->setCurrentIndex(i);
        settle();
        QPlainTextEdit* text = window().console()->textView();
        QVERIFY2(text->isVisible() && insideOf(text, text->rect(), &window()), qPrintable(where));
        QVERIFY(text->lineWrapMode() != QPlainTextEdit::NoWrap);
        QCOMPARE(text->horizontalScrollBar()->maximum(), 0);
        // Every tab has its whole label in sight.
        QTabBar* bar = tabs->tabBar();
        for (int i = 0; i < bar->count(); ++i)
            QVERIFY2(bar->rect().contains(bar->tabRect(i)), qPrintable(where + bar->tabText(i)));
        tabs->setCurrentIndex(current);
    }

    // At 1280x720 the console shows stageConsoleLines under the verdict; fewer only where the
    // verdict's lines leave no room for them in a column of stageConsolePercent (or wider), and
    // never none.
    void checkConsoleHeight(const Screen& screen, const QString& where)
    {
        if (screen.size.width() != 1280)
            return;
        QPlainTextEdit* text = window().console()->textView();
        const int line = QFontMetrics(text->font()).lineSpacing();
        const int lines = text->viewport()->height() / line;
        auto* main = window().findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        auto* right = window().findChild<QSplitter*>(QStringLiteral("rightSplitter"));
        auto* scroll = window().observations()->findChild<QScrollArea*>();
        QVERIFY(main && right && scroll && scroll->widget());
        const QList<int> heights = right->sizes(); // nothing, the verdict, the console
        // What the verdict needs to show every line, with the slack the window keeps under it.
        const int verdictNeeds = scroll->widget()->heightForWidth(scroll->viewport()->width())
                                 + heights[1] - scroll->viewport()->height() + MainWindow::verdictSlackPx;
        const int consoleChrome = heights[2] - text->viewport()->height();
        const bool noRoom = verdictNeeds + consoleChrome + MainWindow::stageConsoleLines * line
                            > heights[1] + heights[2];
        const bool wideEnough =
            main->sizes().last() >= MainWindow::verdictColumn(window().width(), MainWindow::stageConsolePercent);
        const QString detail = QStringLiteral("%1: %2 console lines beside a verdict column of %3 px needing %4 of %5 px")
                                   .arg(where).arg(lines).arg(main->sizes().last()).arg(verdictNeeds).arg(heights[1] + heights[2]);
        QVERIFY2(lines >= MainWindow::stageConsoleLines || (noRoom && wideEnough), qPrintable(detail));
        QVERIFY2(lines >= 1, qPrintable(detail));
    }

    void checkChartWords(const QString& where)
    {
        ElapsedChart* chart = window().elapsedChart();
        const int presenterPx = QFontInfo(window().font()).pixelSize();
        for (QGraphicsItem* item : chart->chartItem()->scene()->items())
            if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item); text && text->isVisible())
                QVERIFY2(QFontInfo(text->font()).pixelSize() >= presenterPx,
                         qPrintable(QStringLiteral("%1: “%2” at %3 px").arg(where, text->text()).arg(QFontInfo(text->font()).pixelSize())));
        // Axis ticks and names whole on the chart in view: Qt Charts elides what its layout has
        // no room for. Its layout follows the bars on timers of its own, which a loaded machine
        // runs late (seen once in ctest -j2 under ASan: every category "..." for a moment).
        const auto elidedNow = [this] {
            auto* shown = qobject_cast<StyledChartView*>(window().chartTabs()->currentWidget());
            QStringList elided;
            for (QGraphicsItem* item : shown ? shown->chartItem()->scene()->items() : QList<QGraphicsItem*>())
                if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
                    if (const QString t = text->toPlainText(); t.contains(QChar(0x2026)) || t.contains(QLatin1String("...")))
                        elided << t;
            return elided;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(elidedNow().isEmpty(),
                                  qPrintable(QStringLiteral("%1: %2").arg(where, elidedNow().join(QStringLiteral(" | ")))), 5000);
        // The speedup chart's key sits above its plot, never over it.
        SpeedupChart* speedup = window().speedupChart();
        for (QGraphicsItem* item : speedup->chartItem()->scene()->items())
            if (auto* key = dynamic_cast<QGraphicsTextItem*>(item); key && key->isVisible())
                QVERIFY2(!key->sceneBoundingRect().intersects(speedup->chartItem()->plotArea()), qPrintable(where));
    }

    // A run of `id` on the stage at the first screen size, with a short time scale and nothing
    // else in the charts; a result without variants where none could run or none came in time.
    RunResult runOnTheStage(const QString& id)
    {
        MainWindow& w = window();
        resizeTo(screens.first());
        if (!w.selectScenario(id))
            return {};
        w.controller()->clearHistory();
        w.runControls()->timeScaleBox()->setValue(0.01);
        QSignalSpy finished(w.controller(), &RunController::runFinished);
        w.startRun();
        if (!finished.wait(60'000))
            return {};
        return finished.takeFirst().at(0).value<RunResult>();
    }

    // "Model + CPython": the elapsed chart (in view) has a row per variant and a bar set per
    // engine; every row's name fits its slot left of the plot (a line of it at most as wide as
    // the slot, its lines within the row's height) and nothing is elided; the legend covers no
    // bar and no word.
    void checkEngineChart(const QString& where, int variants)
    {
        ElapsedChart* chart = window().elapsedChart();
        QTabWidget* tabs = window().chartTabs();
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i) == chart || tabs->widget(i)->isAncestorOf(chart))
                tabs->setCurrentIndex(i);
        settle();
        QVERIFY2(chart->isVisible(), qPrintable(where));
        QCOMPARE(chart->categoryLabels().size(), variants);
        const QStringList entries = chart->legendNames();
        QCOMPARE(entries.size(), 2);
        QVERIFY2(entries[0].startsWith(QLatin1String("Model")) && entries[1].startsWith(QLatin1String("CPython")),
                 qPrintable(entries.join(QLatin1Char('|'))));
        QCOMPARE(chart->barCount(), 2 * variants);
        QChart* c = chart->chartItem();
        const QAbstractAxis* axis = c->axes(Qt::Vertical).first();
        const QFontMetricsF metrics(axis->labelsFont());
        const QRectF plot = c->plotArea();
        const double slot = plot.left() - c->margins().left();
        // Qt Charts elides a row's name taller than the plot's height over rows + 1.
        const double rowPx = plot.height() / (variants + 1);
        for (const QString& label : chart->categoryLabels()) {
            const QStringList lines = label.split(QStringLiteral("<br>"));
            const QString at = QStringLiteral("%1: “%2” in a slot of %3×%4 px").arg(where, label).arg(slot).arg(rowPx);
            QVERIFY2(lines.size() * metrics.lineSpacing() <= rowPx, qPrintable(at));
            for (const QString& line : lines) {
                QVERIFY2(!line.contains(QChar(0x2026)) && !line.contains(QLatin1String("...")), qPrintable(at));
                QVERIFY2(metrics.horizontalAdvance(line) <= slot, qPrintable(at));
            }
        }
        checkChartWords(where);
        const QRectF legend = chart->legendRect();
        QVERIFY2(!legend.isEmpty(), qPrintable(where));
        const auto clear = [&legend, &where](const std::vector<QRectF>& rects, const char* what) {
            for (const QRectF& r : rects)
                QVERIFY2(!legend.intersects(r), qPrintable(QStringLiteral("%1: the legend (%2,%3 %4×%5) covers a %6 at (%7,%8 %9×%10)")
                                                               .arg(where).arg(legend.x()).arg(legend.y()).arg(legend.width())
                                                               .arg(legend.height()).arg(QLatin1String(what)).arg(r.x()).arg(r.y())
                                                               .arg(r.width()).arg(r.height())));
        };
        clear(chart->barRects(), "bar");
        clear(chart->wordRects(), "word");
    }

    // Every band of a run in two engines says its engine in its header, also packed tight.
    void checkEngineHeaders(const QString& where, int variants)
    {
        CompareView* compare = window().timelinePanel()->compareView();
        settle();
        QCOMPARE(compare->bandCount(), 2 * variants);
        for (int b = 0; b < compare->bandCount(); ++b) {
            const QString engine = b % 2 ? QStringLiteral("CPython") : QStringLiteral("model");
            QVERIFY(compare->variantName(b).endsWith(engine));
            const QString shown = compare->headerLines(b).join(QLatin1Char('|'));
            QVERIFY2(shown.contains(engine), qPrintable(QStringLiteral("%1, band %2 (%3compact): %4")
                                                             .arg(where).arg(b).arg(compare->isCompact() ? "" : "not ", shown)));
        }
    }

    void shoot(const QString& name)
    {
        // THREADLAB_PRESENTER_SHOTS=DIR keeps a picture of the window per scenario and size.
        const QString dir = qEnvironmentVariable("THREADLAB_PRESENTER_SHOTS");
        if (!dir.isEmpty())
            window().grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        useFreshTestSettings();
        m_window = std::make_unique<MainWindow>();
        m_window->setPresenterMode(true);
        m_window->resize(screens.first().size);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        QSettings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab")).clear();
    }

    void presenterModeStartsOnTheStage()
    {
        MainWindow& w = window();
        QVERIFY(w.isPresenterMode());
        QVERIFY(w.isStageView());
        QVERIFY(w.stageAction()->isChecked());
        QVERIFY(!w.browser()->isVisible());
        QVERIFY(!w.runControls()->isVisible());
        QVERIFY(!w.explanation()->isVisible());
        QVERIFY(w.timelinePanel()->view()->fitsAllLanes());
        // The timeline and the verdict take most of the screen.
        const double area = double(w.width()) * w.height();
        const QSize timeline = w.timelinePanel()->size();
        const QSize verdict = w.observations()->size();
        const QSize charts = w.chartTabs()->size();
        QVERIFY(timeline.width() * timeline.height() > 0.3 * area);
        QVERIFY(timeline.width() * timeline.height() > charts.width() * charts.height());
        QVERIFY(verdict.width() > 0.3 * w.width());
    }

    // Every lane and every observation visible, nothing elided or in an overflow, at both
    // projector sizes, with and without full screen, after a run of each built-in scenario.
    void everythingShowsOnTheStage_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString& id : ScenarioCatalog::builtinIds())
            QTest::newRow(qPrintable(id)) << id;
    }

    void everythingShowsOnTheStage()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QString, id);
        QVERIFY2(!runOnTheStage(id).variants.empty(), qPrintable(id));
        for (const Screen& screen : screens) {
            resizeTo(screen);
            const QString where = QStringLiteral("%1 at %2").arg(id, screen.name());
            checkTimeline(where);
            checkObservations(where);
            checkToolBar(where);
            checkConsole(where);
            checkConsoleHeight(screen, where);
            checkChartWords(where);
            shoot(QStringLiteral("%1-%2").arg(id, screen.name()));
        }
    }

    // "Model + CPython" on a 1280 px stage: a row per variant with a bar in each engine, its name
    // whole; the legend clear of bars and words; each band's header naming its engine. The same
    // run stands in for CPython's: what is laid out depends on names and lanes, not on which
    // interpreter ran them, and the suite then needs no Python.
    void twoEnginesReadWholeAt1280_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("cpu-bound") << QStringLiteral("cpu-bound");
        QTest::newRow("race-condition") << QStringLiteral("race-condition");
    }

    void twoEnginesReadWholeAt1280()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QFETCH(QString, id);
        MainWindow& w = window();
        RunResult model = runOnTheStage(id);
        QVERIFY2(model.error.isEmpty() && !model.variants.empty(), qPrintable(id + model.error));
        RunResult cpython = model;
        cpython.settings.engine = EngineKind::CPython;
        for (VariantResult& v : cpython.variants)
            v.engine = EngineKind::CPython;
        const int variants = static_cast<int>(model.variants.size());
        const std::vector<LessonCheck> checks = ScenarioCatalog::builtin(id)->lessonChecks;
        w.controller()->clearHistory();
        w.showRun(EngineComparison::combined({model, cpython}, checks));
        for (const Screen& screen : {screens.at(2), screens.at(3)}) {
            resizeTo(screen);
            const QString where = QStringLiteral("%1 in two engines at %2").arg(id, screen.name());
            checkEngineChart(where, variants);
            checkEngineHeaders(where, variants);
            shoot(QStringLiteral("%1-both-%2").arg(id, screen.name()));
        }
        // Runs 3: each bar the median with its whisker, the legend saying so.
        for (RunResult* r : {&model, &cpython}) {
            r->repeats = 3;
            for (VariantResult& v : r->variants)
                v.elapsedRunsMs = {v.elapsedMs * 0.9, v.elapsedMs, v.elapsedMs * 1.2};
        }
        w.controller()->clearHistory();
        w.showRun(EngineComparison::combined({model, cpython}, checks));
        resizeTo(screens.at(2));
        const QString where = QStringLiteral("%1 in two engines, 3 runs, at %2").arg(id, screens.at(2).name());
        const std::vector<std::pair<double, double>> whiskers = w.elapsedChart()->whiskersMs();
        QCOMPARE(static_cast<int>(whiskers.size()), 2 * variants);
        for (std::size_t i = 0; i < whiskers.size(); ++i)
            QVERIFY2(whiskers[i].second > whiskers[i].first, qPrintable(where));
        checkEngineChart(where, variants);
        shoot(QStringLiteral("%1-both-runs3-%2").arg(id, screens.at(2).name()));
        w.runControls()->setRuns(1); // the window took the shown run's Runs 3: the next test runs once
        w.controller()->clearHistory();
    }

    // A sweep in two engines: a line per mode and engine, a colour per engine (threads solid,
    // processes dashed), keyed "threads · Model"; the key above the plot on the stage.
    void speedupLinesTellTheEnginesApart()
    {
        std::vector<RunResult> perEngine;
        for (const EngineKind engine : {EngineKind::Model, EngineKind::CPython}) {
            RunResult r;
            r.scenarioId = QStringLiteral("cpu-scaling");
            r.cores = 2;
            r.settings.engine = engine;
            for (const VariantMode mode : {VariantMode::Threads, VariantMode::Processes})
                for (int workers = 1; workers <= 2; ++workers) {
                    VariantResult v;
                    v.name = QStringLiteral("%1×%2").arg(variantModeName(mode)).arg(workers);
                    v.mode = mode;
                    v.engine = engine;
                    v.sweepWorkers = workers;
                    v.elapsedMs = mode == VariantMode::Processes ? 100.0 / workers : 100;
                    r.variants.push_back(v);
                }
            perEngine.push_back(r);
        }
        RunHistory history;
        history.add(EngineComparison::combined(perEngine, {}));
        SpeedupChart* chart = window().speedupChart();
        chart->setHistory(history);
        QCOMPARE(chart->seriesCount(), 4);
        // Modes in the order they ran, each in both engines.
        QStringList names;
        for (int i = 0; i < 4; ++i)
            names << chart->lineName(i);
        QCOMPARE(names, (QStringList {QStringLiteral("threads · Model"), QStringLiteral("threads · CPython"),
                                      QStringLiteral("processes · Model"), QStringLiteral("processes · CPython")}));
        QCOMPARE(chart->lineColor(0), chart->lineColor(2));
        QCOMPARE(chart->lineColor(1), chart->lineColor(3));
        QVERIFY(chart->lineColor(0) != chart->lineColor(1));
        resizeTo(screens.at(2));
        QTabWidget* tabs = window().chartTabs();
        tabs->setCurrentWidget(chart);
        settle();
        checkChartWords(QStringLiteral("speedup in two engines"));
        shoot(QStringLiteral("speedup-both-1280x720-F11"));
        window().speedupChart()->setHistory(RunHistory());
    }

    // F6 folds the side panes away and brings them back; presenter mode remembers the choice.
    void sidePanesFoldWithOneKey()
    {
        MainWindow& w = window();
        resizeTo(screens.at(2));
        QTest::keyClick(&w, Qt::Key_F6);
        settle();
        QVERIFY(!w.isStageView());
        QVERIFY(w.browser()->isVisible());
        QVERIFY(w.runControls()->isVisible());
        QVERIFY(w.explanation()->isVisible());
        QVERIFY(w.observations()->isVisible());
        checkToolBar(QStringLiteral("unfolded"));
        shoot(QStringLiteral("unfolded-1280x720"));
        QTest::keyClick(&w, Qt::Key_F6);
        settle();
        QVERIFY(w.isStageView());
        QVERIFY(!w.browser()->isVisible());

        {
            MainWindow again;
            again.restoreSession();
            again.setPresenterMode(true);
            again.setStageView(false);
            again.close(); // saves the session: presenter mode with the panes shown
        }
        MainWindow third;
        third.restoreSession();
        QVERIFY(third.isPresenterMode());
        QVERIFY(!third.isStageView());
        third.stageAction()->trigger();
        QVERIFY(third.isStageView());
        third.setPresenterMode(false);
        QVERIFY2(!third.isStageView(), "the teacher's own screen keeps its panes");
        QVERIFY(third.browser()->isVisibleTo(&third));
        third.setPresenterMode(true); // this window is the one the rest of the suite keeps
        third.close();
        QVERIFY(window().isPresenterMode());
    }

    // Tooltips, menus, dialogs and message boxes read at the presenter size too.
    void popupsTakeThePresenterFont()
    {
        MainWindow& w = window();
        const double presenterPt = w.font().pointSizeF();
        QVERIFY(presenterPt > 0);
        auto near = [presenterPt](const QFont& f) { return qAbs(f.pointSizeF() - presenterPt) < 0.05 * presenterPt; };
        QVERIFY2(near(QToolTip::font()), qPrintable(QToolTip::font().toString() + QStringLiteral(" vs ") + w.font().toString()));
        QMenu menu(&w);
        QVERIFY(near(menu.font()));
        QMessageBox box(QMessageBox::Warning, QStringLiteral("t"), QStringLiteral("m"), QMessageBox::Ok, &w);
        QVERIFY(near(box.font()));
        QFileDialog dialog(&w);
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        QVERIFY(near(dialog.font()));
        QCOMPARE(QToolTip::palette().color(QPalette::ToolTipBase), QApplication::palette().color(QPalette::ToolTipBase));
        w.setPresenterMode(false);
        QVERIFY(QToolTip::font().pointSizeF() < presenterPt / 1.5);
        QVERIFY(QMenu().font().pointSizeF() < presenterPt / 1.5);
        w.setPresenterMode(true);
    }

    // Three runs side by side make thin bars: their words stay at the presenter size.
    void barWordsNeverShrinkBelowThePresenterSize()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        MainWindow& w = window();
        resizeTo(screens.at(3));
        QVERIFY(w.selectScenario(QStringLiteral("cpu-bound")));
        w.controller()->clearHistory();
        w.runControls()->timeScaleBox()->setValue(0.01);
        for (int run = 0; run < 3; ++run) {
            QSignalSpy finished(w.controller(), &RunController::runFinished);
            w.startRun();
            QVERIFY(finished.wait(60'000));
        }
        settle();
        QCOMPARE(w.elapsedChart()->barCount(), 3 * 3);
        checkChartWords(QStringLiteral("three runs"));
        shoot(QStringLiteral("cpu-bound-three-runs"));
    }

    // A variant's name longer than the category axis' room goes on two lines where its row has
    // the height for them, at the presenter size; with eight rows in the same height it stays on
    // one line (Qt Charts elides it) rather than shrink.
    void longCategoryNamesWrapOnTwoLines()
    {
        const QString name = QStringLiteral("processes, one crashes each way");
        RunResult run;
        run.scenarioId = QStringLiteral("crash-isolation");
        run.cores = 2;
        VariantResult v;
        v.name = name;
        v.elapsedMs = 222;
        run.variants.push_back(v);
        RunHistory one;
        one.add(run);
        ElapsedChart chart;
        chart.setFont(window().font());
        chart.setPresenterScale(MainWindow::presenterScale);
        chart.resize(800, 220);
        chart.setHistory(one);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        settle();
        QStringList labels = chart.categoryLabels();
        QCOMPARE(labels.size(), 1);
        QVERIFY2(labels.first().contains(QLatin1String("<br>")), qPrintable(labels.first()));
        QCOMPARE(QString(labels.first()).replace(QLatin1String("<br>"), QLatin1String(" ")), name);
        QStringList shown;
        for (QGraphicsItem* item : chart.chartItem()->scene()->items())
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
                shown << text->toPlainText();
        QVERIFY2(!shown.join(QLatin1Char('|')).contains(QLatin1String("...")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(QFontInfo(chart.chartItem()->axes(Qt::Vertical).first()->labelsFont()).pixelSize()
                >= QFontInfo(window().font()).pixelSize());

        for (int i = 1; i < 8; ++i) {
            VariantResult other;
            other.name = QStringLiteral("threads×%1").arg(i);
            other.elapsedMs = 100;
            run.variants.push_back(other);
        }
        RunHistory eight;
        eight.add(run);
        chart.setHistory(eight);
        settle();
        labels = chart.categoryLabels();
        QCOMPARE(labels.size(), 8);
        QCOMPARE(labels.first(), name);
    }
};

QTEST_MAIN(TestPresenterLayout)
#include "tst_presenterlayout.moc"
