// The compare view: every variant of a run on one shared time axis, the scenario's focus first.

#include "timeline/compareview.h"

#include "charts/chartstyle.h"
#include "app/mainwindow.h"
#include "export/pictureexporter.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "tasks/monoclock.h"
#include "model/comparelayout.h"
#include "results/variantresult.h"
#include "scenario/scenariocatalog.h"
#include "style/themepalette.h"
#include "support/recording.h"
#include "support/timelinelogs.h"
#include "timeline/gilstrippainter.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QDir>
#include <QHelpEvent>
#include <QToolTip>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = 7'000'000'000;

// Main and `workers` threads, each running from 0 to durationMs.
std::shared_ptr<EventLog> runOf(double durationMs, int workers = 1)
{
    auto log = std::make_shared<EventLog>(origin);
    const auto end = origin + static_cast<std::int64_t>(durationMs * ms);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    main->appendState(WorkerState::Running, origin);
    for (int i = 1; i <= workers; ++i) {
        Lane* w = log->addLane({QStringLiteral("Thread-%1").arg(i), LaneKind::Thread, false, {}});
        w->appendState(WorkerState::Running, origin + ms / 10);
        w->appendState(WorkerState::Finished, end - ms / 10);
    }
    main->appendState(WorkerState::Finished, end);
    return log;
}

void addFinished(CompareView& view, int index, const QString& name, double durationMs, int workers = 1)
{
    view.setVariant(index, name, runOf(durationMs, workers));
    view.finishVariant(index, name, durationMs, false);
}

// Two finished runs of 125 and 500 ms, shown at 1200×700.
bool showTwoRuns(CompareView& view)
{
    addFinished(view, 0, QStringLiteral("daemon worker"), 125);
    addFinished(view, 1, QStringLiteral("non-daemon worker"), 500);
    view.setLive(false);
    view.resize(1200, 700);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

// Every lane's bar of every band, in the compare view's coordinates.
std::vector<QRect> laneRects(const CompareView& view)
{
    std::vector<QRect> rects;
    for (int index : view.bandOrder()) {
        const TimelineView* band = view.bandView(index);
        for (int lane = 0; lane < band->laneCount(); ++lane) {
            const QRectF bar = band->laneRectIn(QRectF(band->rect()), lane);
            rects.push_back(bar.toRect().translated(band->pos()));
        }
    }
    return rects;
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedWindowIsTheLongestRun()
    {
        const TimelineViewport vp = CompareLayout::sharedWindow({125.0 * ms, 500.0 * ms}, 1000, 0, false);
        QCOMPARE(vp.t0Ns(), 0.0);
        QCOMPARE(vp.xForTime(125.0 * ms), 250.0);
        QCOMPARE(vp.xForTime(500.0 * ms), 1000.0);
        // While live the span grows in round steps and always holds the longest run so far.
        const TimelineViewport live = CompareLayout::sharedWindow({40.0 * ms, 130.0 * ms}, 1000, 100, true);
        QVERIFY(live.t1Ns() >= 130.0 * ms * 1000 / 900);
    }

    void shorterBandEndsAtAQuarter()
    {
        CompareView view;
        QVERIFY(showTwoRuns(view));
        const TimelineView* shortBand = view.bandView(0);
        const TimelineView* longBand = view.bandView(1);
        const QRectF a(shortBand->rect());
        const QRectF b(longBand->rect());
        // One axis: time 0 and time 500 ms at the same x in both bands.
        QCOMPARE(shortBand->xForTimeIn(a, 0), longBand->xForTimeIn(b, 0));
        QCOMPARE(shortBand->xForTimeIn(a, 500.0 * ms), longBand->xForTimeIn(b, 500.0 * ms));
        const double x0 = longBand->xForTimeIn(b, 0);
        const double longEnd = longBand->xForTimeIn(b, 500.0 * ms) - x0;
        const double shortEnd = shortBand->xForTimeIn(a, 125.0 * ms) - x0;
        QVERIFY(longEnd > 0);
        QVERIFY2(std::abs(shortEnd / longEnd - 0.25) < 0.005, qPrintable(QString::number(shortEnd / longEnd)));
        // Both runs' lanes start where the plot starts; the longer one ends inside the plot.
        QCOMPARE(x0, shortBand->laneRectIn(a, 0).left());
        QVERIFY(x0 + longEnd <= longBand->laneRectIn(b, 0).right());
        // The axis is shown once (on top), the legend once (at the bottom).
        QCOMPARE(view.bandOrder(), (std::vector<int> {0, 1}));
        QVERIFY(shortBand->laneRectIn(a, 0).top() > longBand->laneRectIn(b, 0).top());
    }

    void focusFirstAndHighlighted_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void focusFirstAndHighlighted()
    {
        QFETCH(bool, dark);
        CompareView view;
        view.setPalette(ThemePalette::forDark(dark));
        view.setFocusNames({QStringLiteral("daemon worker")});
        addFinished(view, 0, QStringLiteral("non-daemon worker"), 500);
        addFinished(view, 1, QStringLiteral("daemon worker"), 125);
        addFinished(view, 2, QStringLiteral("join the daemon"), 500);
        view.setLive(false);
        view.resize(1200, 700);
        // The focus first, the others as they ran.
        QCOMPARE(view.bandOrder(), (std::vector<int> {1, 0, 2}));
        QVERIFY(view.isFocus(1));
        QVERIFY(!view.isFocus(0));
        QVERIFY(view.headerRect(1).bottom() < view.headerRect(0).top());
        QVERIFY(view.headerRect(0).bottom() < view.headerRect(2).top());
        QCOMPARE(view.headerText(1), QStringLiteral("daemon worker · 125 ms"));
        // Its header is filled with the accent; the others are not; its text contrasts.
        const QImage shot = view.grab().toImage();
        const QColor accent = view.palette().color(QPalette::Highlight);
        const QPoint inFocus = view.headerRect(1).center() + QPoint(view.headerRect(1).width() / 4, 0);
        const QPoint inOther = view.headerRect(0).center() + QPoint(view.headerRect(0).width() / 4, 0);
        QCOMPARE(shot.pixelColor(inFocus).rgb(), accent.rgb());
        QVERIFY(shot.pixelColor(inOther).rgb() != accent.rgb());
        const double la = ThemePalette::relativeLuminance(accent);
        const double lt = ThemePalette::relativeLuminance(ThemePalette::textOn(accent));
        QVERIFY((std::max(la, lt) + 0.05) / (std::min(la, lt) + 0.05) >= 4.5);
    }

    void focusMatchesNamesAsRunAndAsWritten()
    {
        const std::optional<Scenario> cpu = ScenarioCatalog::builtin(QStringLiteral("cpu-bound"));
        QVERIFY(cpu);
        // With --workers 8 "4 threads" runs as "8 threads": both names are the focus.
        const QStringList names = CompareLayout::focusNames(*cpu, 8);
        QVERIFY(names.contains(QStringLiteral("1 thread")));
        QVERIFY(names.contains(QStringLiteral("8 threads")));
        QVERIFY(!names.contains(QStringLiteral("2 processes")));
        const std::vector<CompareLayout::Variant> run {{QStringLiteral("2 processes"), QStringLiteral("2 processes")},
                                                       {QStringLiteral("8 threads"), {}},
                                                       {QStringLiteral("1 thread"), QStringLiteral("1 thread")}};
        QCOMPARE(CompareLayout::order(run, names), (std::vector<int> {2, 1, 0}));
        QVERIFY(CompareLayout::isFocus({QStringLiteral("16 threads"), QStringLiteral("4 threads")},
                                       {QStringLiteral("4 threads")}));
        QCOMPARE(CompareLayout::order(run, {}), (std::vector<int> {0, 1, 2}));
        // Every built-in names a focus that its variants have.
        for (const Scenario& s : ScenarioCatalog::builtins())
            QVERIFY2(!CompareLayout::focusNames(s, 0).isEmpty(), qPrintable(s.id));
    }

    // A header's words break at spaces over the lines allowed; only what still does not fit is
    // elided (the rest after the last line, a word wider than a line).
    void wrapBreaksAtSpaces()
    {
        QFont font;
        font.setPixelSize(20);
        const QFontMetricsF m(font);
        const QString name = QStringLiteral("processes, one crashes each way");
        const double width = m.horizontalAdvance(QStringLiteral("crashes each")) + 1;
        const QStringList lines = ChartStyle::wrapped(name, m, width, 5);
        QVERIFY2(lines.size() >= 3, qPrintable(lines.join(QLatin1Char('|'))));
        QCOMPARE(lines.join(QLatin1Char(' ')), name);
        for (const QString& line : lines)
            QVERIFY(m.horizontalAdvance(line) <= width);
        const QStringList two = ChartStyle::wrapped(name, m, width, 2);
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.first(), lines.first());
        QVERIFY(two.last().endsWith(QChar(0x2026)));
        QCOMPARE(ChartStyle::wrapped(name, m, width, 1), QStringList {m.elidedText(name, Qt::ElideRight, width)});
        QCOMPARE(ChartStyle::wrapped(QStringLiteral("short"), m, width, 3), QStringList {QStringLiteral("short")});
        const QStringList wide = ChartStyle::wrapped(QStringLiteral("a processes-and-threads b"), m, width, 3);
        QCOMPARE(wide.size(), 3);
        QVERIFY(wide[1].endsWith(QChar(0x2026)));
    }

    // Bands packed tight: crash-isolation's long name wraps beside its six lanes, the time on a
    // line of its own, nothing elided.
    void compactHeaderWrapsTheName()
    {
        CompareView view;
        view.setScale(1.6);
        const QString name = QStringLiteral("processes, one crashes each way");
        addFinished(view, 0, name, 222, 6);
        addFinished(view, 1, QStringLiteral("threads"), 100, 6);
        view.setLive(false);
        view.resize(900, 330);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isCompact());
        const QStringList lines = view.headerLines(0);
        const QString shown = lines.join(QLatin1Char('|'));
        QVERIFY2(lines.size() >= 3, qPrintable(shown));
        const auto time = lines.indexOf(QStringLiteral("222 ms"));
        QVERIFY2(time >= 2, qPrintable(shown));
        QCOMPARE(lines.mid(0, time).join(QLatin1Char(' ')), name);
        QVERIFY2(!shown.contains(QChar(0x2026)), qPrintable(shown));
        QCOMPARE(view.headerLines(1).mid(0, 2), (QStringList {QStringLiteral("threads"), QStringLiteral("100 ms")}));
    }

    // Bands of two engines packed tight: a CPython band's header keeps "CPython" whole before
    // its time, and the variant's name gives way first, down to a header of one line.
    void compactHeaderKeepsTheEngine()
    {
        CompareView view;
        view.setScale(1.6);
        const QString name = QStringLiteral("processes, one crashes each way");
        addFinished(view, 0, name + QStringLiteral(" · model"), 222, 6);
        addFinished(view, 1, name + QStringLiteral(" · CPython"), 231, 6);
        view.setEngine(0, name, QStringLiteral("model"));
        view.setEngine(1, name, QStringLiteral("CPython"));
        view.setLive(false);
        view.resize(900, 330);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isCompact());
        QCOMPARE(view.headerText(1), name + QStringLiteral(" · CPython · 231 ms"));
        QStringList lines = view.headerLines(1);
        QVERIFY2(lines.contains(QStringLiteral("CPython · 231 ms")), qPrintable(lines.join(QLatin1Char('|'))));
        QVERIFY2(view.headerLines(0).contains(QStringLiteral("model · 222 ms")), qPrintable(view.headerLines(0).join(QLatin1Char('|'))));
        // Narrower and lower: one line per header, the name elided, the engine whole.
        view.resize(520, 150);
        lines = view.headerLines(1);
        const QString shown = lines.join(QLatin1Char('|'));
        QVERIFY2(lines.first().endsWith(QStringLiteral(" · CPython")), qPrintable(shown));
        QVERIFY2(!view.headerLines(0).join(QLatin1Char('|')).contains(QLatin1String("CPython")), qPrintable(shown));
    }

    // One line per header (eight bands in a small window): the name gives way, the time stays
    // whole ("2 processes · 57…" said nothing).
    void compactHeaderOfOneLineKeepsTheTime()
    {
        CompareView view;
        view.setScale(1.6);
        const QString name = QStringLiteral("processes, one crashes each way");
        for (int i = 0; i < 8; ++i)
            addFinished(view, i, i == 0 ? name : QStringLiteral("threads×%1").arg(i), 573.4 + i, 1);
        view.setLive(false);
        view.resize(420, 330);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isCompact());
        const QStringList lines = view.headerLines(0);
        const QString shown = lines.join(QLatin1Char('|'));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().endsWith(QStringLiteral(" · 573 ms")), qPrintable(shown));
        QVERIFY2(lines.first().contains(QChar(0x2026)), qPrintable(shown)); // the name elided
    }

    // A GIL strip too thin for its label: the band's header says it where a line is left, the
    // strip itself stays; with room the strip's own label says it and the header does not.
    void thinGilStripSaysItInTheHeader()
    {
        CompareView view;
        view.setScale(1.6);
        addFinished(view, 0, QStringLiteral("4 threads"), 121, 4); // they take turns: hand-overs
        addFinished(view, 1, QStringLiteral("8 threads"), 121, 8);
        view.setLive(false);
        view.resize(900, 360);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isCompact());
        QVERIFY(view.bandView(0)->rowCount() > view.bandView(0)->laneCount()); // the strip stays
        QVERIFY(!GilStripPainter::labelFits(view.bandView(0)->widgetLayout()));
        GilTrack track;
        track.sync(view.bandView(0)->log().get(), false);
        const QString note = GilStripPainter::note(track, 0);
        QVERIFY(note.endsWith(QLatin1String(" GIL hand-overs")));
        QStringList lines = view.headerLines(0);
        QVERIFY2(lines.contains(note), qPrintable(lines.join(QLatin1Char('|'))));
        view.resize(1200, 1400);
        QVERIFY(GilStripPainter::labelFits(view.bandView(0)->widgetLayout()));
        lines = view.headerLines(0);
        QVERIFY2(!lines.join(QLatin1Char(' ')).contains(QLatin1String("GIL")), qPrintable(lines.join(QLatin1Char('|'))));
    }

    void heightsShrinkThePitchToFit()
    {
        const std::vector<CompareLayout::Band> bands {{3, 100}, {101, 80}, {101, 120}};
        const CompareLayout::Heights roomy = CompareLayout::heights(bands, 20000, 83);
        QCOMPARE(roomy.pitchPx, 83.0);
        const CompareLayout::Heights tight = CompareLayout::heights(bands, 1000, 83);
        QCOMPARE(tight.pitchPx, std::floor((1000.0 - 300) / 205));
        double total = 0;
        for (double h : tight.bandsPx)
            total += h;
        QVERIFY(total <= 1000);
    }

    void everyLaneFitsInPresenterMode_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }
    void everyLaneFitsInPresenterMode()
    {
        QFETCH(QSize, size);
        CompareView view;
        view.setScale(MainWindow::presenterScale);
        view.setFocusNames({QStringLiteral("100 threads")});
        addFinished(view, 0, QStringLiteral("100 threads"), 300, 100);
        addFinished(view, 1, QStringLiteral("100 processes"), 900, 100);
        view.setLive(false);
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        if (const QString dir = qEnvironmentVariable("THREADLAB_SHOTS"); !dir.isEmpty())
            view.grab().save(QStringLiteral("%1/lanes202-%2.png").arg(dir).arg(size.height()));
        const std::vector<QRect> rects = laneRects(view);
        QCOMPARE(rects.size(), std::size_t(202));
        int previousBottom = -1;
        for (const QRect& r : rects) {
            QVERIFY2(view.rect().contains(r), qPrintable(QStringLiteral("%1,%2 %3×%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
            QVERIFY(r.height() >= 1);
            QVERIFY(r.top() > previousBottom); // no lane hides another
            previousBottom = r.bottom();
        }
    }

    // The window in presenter mode after each recorded run: the Compare tab is on show and every
    // lane of every variant lies inside it (THREADLAB_SHOTS=dir keeps a picture of each).
    void windowShowsEveryLane_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QSize>("size");
        const QStringList ids = QDir(QStringLiteral(THREADLAB_TEST_DATA "/recorded")).entryList({QStringLiteral("*.json")});
        for (const QString& file : ids)
            for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)})
                QTest::addRow("%s %dx%d", qPrintable(file.chopped(5)), size.width(), size.height())
                    << file.chopped(5) << size;
    }
    void windowShowsEveryLane()
    {
        QFETCH(QString, id);
        QFETCH(QSize, size);
        const RunResult run = readRecording(QStringLiteral(THREADLAB_TEST_DATA "/recorded/%1.json").arg(id));
        QVERIFY(!run.variants.empty());
        MainWindow window;
        window.setErrorReporter([](const QString&, const QString&) {});
        window.setPresenterMode(true);
        window.setDarkPalette(qEnvironmentVariableIsSet("THREADLAB_SHOTS_DARK"));
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showRun(run);
        QCoreApplication::processEvents();
        TimelinePanel* panel = window.timelinePanel();
        QCOMPARE(panel->currentVariant(), -1);
        const CompareView* view = panel->compareView();
        QVERIFY(view->isVisible());
        QCOMPARE(view->bandCount(), static_cast<int>(run.variants.size()));
        std::size_t lanes = 0;
        for (const VariantResult& v : run.variants)
            lanes += static_cast<std::size_t>(v.log->laneCount());
        if (const QString dir = qEnvironmentVariable("THREADLAB_SHOTS"); !dir.isEmpty())
            window.grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, id).arg(size.height()));
        const std::vector<QRect> rects = laneRects(*view);
        QCOMPARE(rects.size(), lanes);
        for (const QRect& r : rects)
            QVERIFY2(view->rect().contains(r), qPrintable(QStringLiteral("lane at y %1 outside 0..%2").arg(r.top()).arg(view->height())));
    }

    // While a variant runs its band grows and the axis reaches the longest run so far.
    void liveBandGrows()
    {
        CompareView view;
        addFinished(view, 0, QStringLiteral("a"), 125);
        auto live = std::make_shared<EventLog>(MonoClock::nowNs());
        Lane* main = live->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        main->appendState(WorkerState::Running, live->originNs());
        view.setVariant(1, QStringLiteral("b"), live);
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isLive());
        QVERIFY(view.bandView(1)->isLive());
        QVERIFY(!view.bandView(0)->isLive());
        view.advanceFrame();
        QVERIFY(view.windowEndNs() >= 125.0 * ms);
        const double before = view.bandView(1)->durationNs();
        QTRY_VERIFY(view.bandView(1)->durationNs() > before);
        view.advanceFrame();
        const double longest = std::max(125.0 * ms, view.bandView(1)->durationNs());
        QVERIFY(view.windowEndNs() >= longest);
        QCOMPARE(view.bandView(0)->viewport().t1Ns(), view.windowEndNs());
        // A lane that shows up makes room for itself.
        live->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}})
            ->appendState(WorkerState::Running, MonoClock::nowNs());
        view.advanceFrame();
        const QRectF bar = view.bandView(1)->laneRectIn(QRectF(view.bandView(1)->rect()), 1);
        QVERIFY(QRectF(view.bandView(1)->rect()).contains(bar));
    }

    // The window's export on the Compare tab: the stacked picture, focus first, as PNG and SVG.
    void exportsTheStack()
    {
        CompareView view;
        view.setFocusNames({QStringLiteral("non-daemon worker")}); // the second run
        QVERIFY(showTwoRuns(view));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        const QString png = dir.filePath(QStringLiteral("compare.png"));
        QVERIFY2(PictureExporter::exportCompare(view, nullptr, png, &error), qPrintable(error));
        QCOMPARE(QImage(png).width(), 1400 * 2);
        const QString svg = dir.filePath(QStringLiteral("compare.svg"));
        QVERIFY2(PictureExporter::exportCompare(view, nullptr, svg, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const qsizetype focus = text.indexOf("non-daemon worker · 500 ms");
        QVERIFY(focus >= 0);
        QVERIFY(focus < text.indexOf(">daemon worker · 125 ms"));
        // The widget keeps its own layout after drawing the picture at another size.
        QCOMPARE(view.bandView(1)->geometry().width(), view.width() - 2 * (view.bandView(1)->x()));
    }

    // Each band answers for its own lanes, on the shared axis.
    void tooltipsPerLane()
    {
        CompareView view;
        QVERIFY(showTwoRuns(view));
        TimelineView* band = view.bandView(1); // the 500 ms run, below the 125 ms one
        const QRectF target(band->rect());
        const QRectF bar = band->laneRectIn(target, 1);
        // 400 ms: past the end of the upper run, inside this one's.
        const QPoint pos(static_cast<int>(band->xForTimeIn(target, 400.0 * ms)), static_cast<int>(bar.center().y()));
        QHelpEvent help(QEvent::ToolTip, pos, band->mapToGlobal(pos));
        QCoreApplication::sendEvent(band, &help);
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QStringLiteral("Thread-1")), qPrintable(text));
        QToolTip::hideText();
    }

    void zoomActsOnEveryBand()
    {
        CompareView view;
        QVERIFY(showTwoRuns(view));
        const double span = view.windowEndNs() - view.windowStartNs();
        view.zoomIn();
        QVERIFY(view.windowEndNs() - view.windowStartNs() < span);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(view.bandView(i)->viewport().t0Ns(), view.windowStartNs());
            QCOMPARE(view.bandView(i)->viewport().t1Ns(), view.windowEndNs());
        }
        // Ctrl+wheel over the lower band zooms the upper one too.
        TimelineView* lower = view.bandView(1);
        const double before = view.bandView(0)->viewport().spanNs();
        const QPointF at(lower->width() * 0.7, lower->height() / 2.0);
        QWheelEvent wheel(at, lower->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(lower, &wheel);
        QVERIFY(view.bandView(0)->viewport().spanNs() < before);
        QCOMPARE(view.bandView(0)->viewport().t0Ns(), lower->viewport().t0Ns());
        // Fit (0 in any band) shows both runs whole again.
        QTest::keyClick(view.bandView(0), Qt::Key_0);
        QCOMPARE(view.windowEndNs() - view.windowStartNs(), span);
        QCOMPARE(lower->viewport().spanNs(), span);
    }

    void compareTabIsTheDefault()
    {
        TimelinePanel panel;
        panel.resize(1200, 700);
        panel.show();
        QCOMPARE(panel.currentVariant(), -1);
        const auto a = runOf(125);
        const auto b = runOf(500);
        panel.addVariant(0, QStringLiteral("a"), a);
        panel.addVariant(1, QStringLiteral("b"), b);
        QCOMPARE(panel.currentVariant(), -1); // during the run too
        QCOMPARE(panel.compareView()->bandCount(), 2);
        VariantResult result;
        result.name = QStringLiteral("b");
        result.elapsedMs = 500;
        panel.finishVariant(1, result);
        QCOMPARE(panel.compareView()->headerText(1), QStringLiteral("b · 500 ms"));
        panel.showVariant(1);
        QCOMPARE(panel.currentVariant(), 1);
        QCOMPARE(panel.view(), panel.detailView());
        QCOMPARE(panel.view()->log(), b);
        panel.finishRun();
        QCOMPARE(panel.currentVariant(), -1);
        QCOMPARE(panel.variantCount(), 2);
        QCOMPARE(panel.variantName(0), QStringLiteral("a"));
        QVERIFY(!panel.view()->isLive());
        // A click on a band's header opens its detail.
        CompareView* compare = panel.compareView();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QWidget* header = compare->childAt(compare->headerRect(0).center());
        QVERIFY(header);
        QTest::mouseClick(header, Qt::LeftButton, Qt::NoModifier, header->rect().center());
        QCOMPARE(panel.currentVariant(), 0);
        QCOMPARE(panel.detailView()->log(), a);
        panel.clear();
        QCOMPARE(panel.currentVariant(), -1);
        QCOMPARE(panel.variantCount(), 0);
        QVERIFY(!panel.view()->log());
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
