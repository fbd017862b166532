// What a screen reader and a keyboard user get from the main window: every control and pane
// named in the accessibility tree, the custom-painted views described, the charts' and the
// timeline's numbers as tables, every menu action reachable by a mnemonic or a shortcut, and Tab
// reaching every enabled control.

#include "app/guiapplication.h"
#include "app/mainwindow.h"
#include "charts/elapsedchart.h"
#include "charts/latencychart.h"
#include "charts/speedupchart.h"
#include "model/historytablemodel.h"
#include "model/intervaltablemodel.h"
#include "panes/consoleview.h"
#include "panes/datatables.h"
#include "panes/explanationpane.h"
#include "panes/observationspanel.h"
#include "panes/runcontrols.h"
#include "panes/scenariobrowser.h"
#include "support/recording.h"
#include "timeline/compareview.h"
#include "model/runcontroller.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

#include <functional>

using namespace ThreadLab;

namespace {

const QString kRecorded = QStringLiteral(THREADLAB_TEST_DATA "/recorded");

// Roles a user acts on or reads through: each must have a name.
bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::SpinBox:
    case QAccessible::EditableText:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::Table:
    case QAccessible::PageTabList:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::Slider:
    case QAccessible::ToolBar:
        return true;
    default:
        return false;
    }
}

QString describe(const QAccessibleInterface* iface)
{
    QStringList chain;
    for (const QObject* o = iface->object(); o; o = o->parent())
        chain.prepend(o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className()) : o->objectName());
    return QStringLiteral("%1 (%2, role %3)")
        .arg(chain.join(QLatin1Char('/')),
             iface->object() ? QString::fromLatin1(iface->object()->metaObject()->className()) : QStringLiteral("?"))
        .arg(int(iface->role()));
}

// Every shown node of the tree under iface whose role needs a name and has none.
void collectUnnamed(QAccessibleInterface* iface, QStringList& unnamed, int& named, int depth = 0)
{
    if (!iface || !iface->isValid() || depth > 60 || iface->state().invisible)
        return;
    // A spin box's or combo box's own line edit is read as part of its box, which is named.
    const QObject* object = iface->object();
    const bool insideBox = object && object->parent()
        && (qobject_cast<const QAbstractSpinBox*>(object->parent()) || qobject_cast<const QComboBox*>(object->parent()));
    if (isInteractive(iface->role()) && !insideBox) {
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            unnamed << describe(iface);
        else
            ++named;
    }
    for (int i = 0; i < iface->childCount(); ++i)
        collectUnnamed(iface->child(i), unnamed, named, depth + 1);
}

QString nameOf(QObject* object)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QString();
}

QString descriptionOf(QObject* object)
{
    QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Description) : QString();
}

// A widget Tab should stop at: shown, enabled, taking focus by Tab, not a part of a box.
bool isTabStop(const QWidget* w)
{
    if (!w->isVisible() || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus))
        return false;
    if (w->focusProxy())
        return false; // reached through its proxy
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QAbstractSpinBox*>(p) || qobject_cast<const QComboBox*>(p))
            return false;
    // Scroll bars and splitter handles are moved with the view's keys, not reached by Tab.
    return !w->inherits("QScrollBar") && !w->inherits("QSplitterHandle") && !w->inherits("QToolBarExtension");
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        GuiApplication::applyStyle(*qApp, false);
    }

    void everyControlAndPaneIsNamed_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("tables");
        QTest::addColumn<bool>("afterRun");
        QTest::newRow("light, charts") << false << false << false;
        QTest::newRow("light, charts, after a run") << false << false << true;
        QTest::newRow("dark, tables, after a run") << true << true << true;
    }

    void everyControlAndPaneIsNamed()
    {
        QFETCH(bool, dark);
        QFETCH(bool, tables);
        QFETCH(bool, afterRun);
        MainWindow w;
        w.setDarkPalette(dark);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        if (afterRun)
            w.showRun(readRecording(kRecorded + QStringLiteral("/cpu-bound.json")));
        w.tablesAction()->setChecked(tables);
        QStringList unnamed;
        int named = 0;
        collectUnnamed(QAccessible::queryAccessibleInterface(&w), unnamed, named);
        QVERIFY2(named >= 20, qPrintable(QString::number(named))); // the walk went through the window
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("without an accessible name:\n  ") + unnamed.join(QStringLiteral("\n  "))));

        // The panes, each with a name; the panes a screen reader cannot read from text, described.
        for (QWidget* pane : std::initializer_list<QWidget*> {w.browser(), w.runControls(), w.timelinePanel(), w.chartTabs(),
                                                              w.explanation(), w.console(), w.observations(),
                                                              w.timelinePanel()->compareView(), w.timelinePanel()->detailView()})
            QVERIFY2(!nameOf(pane).isEmpty(), qPrintable(pane->objectName() + QLatin1Char(' ') + pane->metaObject()->className()));
        for (QWidget* view : std::initializer_list<QWidget*> {w.timelinePanel()->compareView(), w.timelinePanel()->detailView(),
                                                              w.timelinePanel()->compareView()->firstView(),
                                                              static_cast<QWidget*>(w.elapsedChart()),
                                                              static_cast<QWidget*>(w.speedupChart()),
                                                              static_cast<QWidget*>(w.latencyChart())})
            QVERIFY2(!descriptionOf(view).isEmpty(), qPrintable(view->objectName()));
    }

    // After a run the custom views say what they show: the variants, their lanes, the bars.
    void viewsDescribeTheirContent()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        const QString before = descriptionOf(w.timelinePanel()->compareView());
        w.showRun(run);
        const QString compare = descriptionOf(w.timelinePanel()->compareView());
        QVERIFY(compare != before);
        QVERIFY2(compare.startsWith(QStringLiteral("Variants on one time axis (%1)").arg(run.variants.size())), qPrintable(compare));
        for (const VariantResult& v : run.variants) {
            QVERIFY2(compare.contains(v.name), qPrintable(compare));
            QVERIFY2(descriptionOf(w.elapsedChart()).contains(v.name), qPrintable(descriptionOf(w.elapsedChart())));
        }
        const QString band = descriptionOf(w.timelinePanel()->compareView()->bandView(0));
        for (const WorkerResult& worker : run.variants[0].workers)
            QVERIFY2(band.contains(worker.name), qPrintable(band));
        QVERIFY2(band.contains(QStringLiteral("finished at")), qPrintable(band));
    }

    // View ▸ Show data as tables: the charts' tabs and the timeline show tables of the run.
    void tablesShowTheRun()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const RunResult run = readRecording(kRecorded + QStringLiteral("/cpu-bound.json"));
        w.showRun(run);
        DataTables* tables = w.dataTables();
        QCOMPARE(w.chartTabs()->indexOf(static_cast<QWidget*>(w.elapsedChart())), 0);
        w.tablesAction()->trigger();
        QVERIFY(tables->isShown());
        QCOMPARE(w.chartTabs()->widget(0), tables->chartTable(0));
        QVERIFY(tables->chartTable(0)->isVisible());
        QCOMPARE(tables->chartModel(0)->rowCount(), int(run.variants.size()));
        QVERIFY(tables->intervalTable()->isVisible());
        qint64 intervals = 0;
        for (const VariantResult& v : run.variants)
            for (const WorkerResult& worker : v.workers)
                intervals += qint64(worker.intervals.size());
        QCOMPARE(tables->intervalModel()->totalRows(), intervals); // the Compare tab: every variant
        w.timelinePanel()->showVariant(1);
        QCOMPARE(tables->intervalModel()->variant(), 1);
        QVERIFY(tables->intervalTable()->isVisible());
        QCOMPARE(tables->intervalModel()->index(0, IntervalTableModel::VariantColumn).data().toString(), run.variants[1].name);
        w.tablesAction()->trigger();
        QCOMPARE(w.chartTabs()->widget(0), static_cast<QWidget*>(w.elapsedChart()));
        QVERIFY(w.timelinePanel()->detailView()->isVisible());
        QVERIFY(!tables->intervalTable()->isVisible());
    }

    void everyMenuActionHasAMnemonicOrAShortcut()
    {
        MainWindow w;
        QStringList bare;
        std::function<void(QMenu*)> visit = [&](QMenu* menu) {
            QSet<QChar> mnemonics;
            for (QAction* a : menu->actions()) {
                if (a->isSeparator())
                    continue;
                const qsizetype amp = a->text().indexOf(QLatin1Char('&'));
                const bool mnemonic = amp >= 0 && amp + 1 < a->text().size() && a->text().at(amp + 1) != QLatin1Char('&');
                if (mnemonic) {
                    const QChar key = a->text().at(amp + 1).toLower();
                    if (mnemonics.contains(key))
                        bare << QStringLiteral("%1 (mnemonic %2 twice in %3)").arg(a->text(), key, menu->title());
                    mnemonics.insert(key);
                }
                if (a->menu())
                    visit(a->menu());
                if (!mnemonic && a->shortcut().isEmpty())
                    bare << a->text();
            }
        };
        const QList<QAction*> menus = w.menuBar()->actions();
        QVERIFY(menus.size() >= 3);
        for (QAction* top : menus) {
            QVERIFY2(top->text().contains(QLatin1Char('&')), qPrintable(top->text()));
            visit(top->menu());
        }
        QVERIFY2(bare.isEmpty(), qPrintable(bare.join(QStringLiteral(", "))));
    }

    // Tab from the scenario list goes round every enabled control of the window and comes back.
    void tabReachesEveryControl_data()
    {
        QTest::addColumn<bool>("tables");
        QTest::newRow("charts") << false;
        QTest::newRow("tables") << true;
    }

    void tabReachesEveryControl()
    {
        QFETCH(bool, tables);
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showRun(readRecording(kRecorded + QStringLiteral("/cpu-bound.json")));
        w.tablesAction()->setChecked(tables);
        QWidget* first = w.browser()->tree();
        first->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), first);
        QList<QWidget*> reached {first};
        for (int i = 0; i < 200; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* now = QApplication::focusWidget();
            QVERIFY(now);
            if (now == first)
                break;
            QVERIFY2(!reached.contains(now), qPrintable(QStringLiteral("Tab went round without the scenario list, at ")
                                                        + now->objectName() + QLatin1Char(' ') + now->metaObject()->className()));
            reached << now;
        }
        QCOMPARE(QApplication::focusWidget(), first);
        QStringList missed;
        for (QWidget* widget : w.findChildren<QWidget*>())
            if (isTabStop(widget) && !reached.contains(widget))
                missed << widget->objectName() + QLatin1Char(' ') + widget->metaObject()->className();
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("Tab never reaches: ") + missed.join(QStringLiteral(", "))));
        // The order follows the window: the scenarios, the run controls, the timeline, ...
        const auto at = [&](const QWidget* widget) { return reached.indexOf(const_cast<QWidget*>(widget)); };
        QVERIFY(at(w.runControls()->workersBox()) > 0);
        QWidget* timeline = tables ? static_cast<QWidget*>(w.dataTables()->intervalTable())
                                   : w.timelinePanel()->compareView()->firstView();
        QVERIFY(at(w.runControls()->workersBox()) < at(timeline));
        QVERIFY(at(timeline) < at(w.explanation()->findChild<QWidget*>(QStringLiteral("pythonCode"))));
    }

    // Keys a focused list or table needs stay with it: Space checks a variant (it does not run),
    // the arrows move through a table's cells (they do not change the scenario).
    void focusedViewsKeepTheirKeys()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showRun(readRecording(kRecorded + QStringLiteral("/cpu-bound.json")));
        const QString scenario = w.windowTitle();
        QListWidget* variants = w.runControls()->variantList();
        variants->setFocus();
        variants->setCurrentRow(0);
        QTRY_VERIFY(variants->hasFocus());
        const Qt::CheckState before = variants->item(0)->checkState();
        QTest::keyClick(variants, Qt::Key_Space);
        QVERIFY(variants->item(0)->checkState() != before);
        QVERIFY(!w.controller()->isRunning());
        w.tablesAction()->setChecked(true);
        QTableView* table = w.dataTables()->intervalTable();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTRY_VERIFY(table->hasFocus());
        QTest::keyClick(table, Qt::Key_Right);
        QCOMPARE(table->currentIndex().column(), 1);
        QCOMPARE(w.windowTitle(), scenario);
        // Elsewhere Right still goes to the next scenario.
        w.browser()->tree()->setFocus();
        QTRY_VERIFY(w.browser()->tree()->hasFocus());
        QTest::keyClick(w.browser()->tree(), Qt::Key_Right);
        QVERIFY(w.windowTitle() != scenario);
    }

    // The timeline shows where the keys go: a focus frame while it has the focus.
    void timelineShowsItsFocus()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.showRun(readRecording(kRecorded + QStringLiteral("/cpu-bound.json")));
        TimelineView* view = w.timelinePanel()->compareView()->firstView();
        w.browser()->tree()->setFocus();
        QTRY_VERIFY(!view->hasFocus());
        const QImage unfocused = view->grab().toImage();
        // Reached by Tab, as a keyboard user does (Fusion frames the focus only after keyboard moves).
        for (int i = 0; i < 40 && !view->hasFocus(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(view->hasFocus());
        QVERIFY(view->grab().toImage() != unfocused);
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
