// The timeline's GIL strips as a teacher sees them: where the strip rows go in the layout, what
// the strip shows (the holder's lane colour, nothing where nobody holds the lock), its label and
// tooltip, and no strip where threads cannot contend.

#include "timeline/gilstrippainter.h"

#include "charts/chartstyle.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "style/statepalette.h"
#include "support/lightpalette.h"
#include "support/timelinelogs.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelineview.h"

#include <QHelpEvent>
#include <QSet>
#include <QTest>
#include <QToolTip>

#include <cmath>
#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = 9'000'000'000;

// The colours of the column at time t between the axis and lane 0's bar: where the strip lies.
QSet<QRgb> stripColoursAt(const TimelineView& view, const QImage& image, double tNs)
{
    const QRectF target(QPointF(0, 0), QSizeF(image.size()));
    const int x = static_cast<int>(view.xForTimeIn(target, tNs));
    const int barTop = static_cast<int>(view.laneRectIn(target, 0).top());
    QSet<QRgb> colours;
    for (int y = barTop - 20; y < barTop - 2; ++y)
        colours.insert(image.pixel(x, y) | 0xff000000u);
    return colours;
}

// The tooltip the view shows at pos.
QString tipAt(TimelineView& view, QPoint pos)
{
    QHelpEvent help(QEvent::ToolTip, pos, view.mapToGlobal(pos));
    QCoreApplication::sendEvent(&view, &help);
    const QString text = QToolTip::text();
    QToolTip::hideText();
    return text;
}

} // namespace

class TestGilStripPainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Rows: lane 0 and lane 3 have a strip above them.
    void layoutMakesRoomForStrips()
    {
        TimelineLayout l;
        l.lanes = QRectF(0, 100, 800, 200);
        l.plotLeft = 100;
        l.plotRight = 790;
        l.pitch = 50;
        l.laneHeight = 40;
        l.stripPitch = 20;
        l.stripHeight = 14;
        l.stripLanes = {0, 3};
        QCOMPARE(l.contentHeight(5), 5 * 50 + 2 * 20.0);
        QCOMPARE(l.bar(0).top(), 100 + 20 + 5.0);
        QCOMPARE(l.bar(3).top(), 100 + 3 * 50 + 2 * 20 + 5.0);
        QCOMPARE(l.strip(0).bottom(), 120.0);     // right above lane 0's row
        QCOMPARE(l.strip(1).bottom(), 100 + 3 * 50 + 40.0);
        bool inStrip = false;
        QCOMPARE(l.laneAt(110, 5, &inStrip), 0);
        QVERIFY(inStrip);
        QCOMPARE(l.laneAt(130, 5, &inStrip), 0);
        QVERIFY(!inStrip);
        QCOMPARE(l.laneAt(100 + 3 * 50 + 25, 5, &inStrip), 3); // lane 3's strip
        QVERIFY(inStrip);
        QCOMPARE(l.visibleLanes(5), (std::pair<int, int> {0, 3}));
        l.scrollY = 90; // lane 0 and lane 1 scrolled away
        QCOMPARE(l.visibleLanes(5), (std::pair<int, int> {1, 4}));
        QCOMPARE(l.laneAt(l.bar(4).center().y(), 5), 4);
        QCOMPARE(l.laneAt(l.lanes.bottom() + 200, 5), 5);
    }

    void stripShowsWhoHoldsTheGil()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(gilTurnsTimelineLog(origin, true));
        const QImage image = view.renderImage(QSize(1000, 360), 1.0);
        const QRgb one = StatePalette::laneColor(1).rgb();
        const QRgb two = StatePalette::laneColor(2).rgb();
        QVERIFY(stripColoursAt(view, image, 20 * ms).contains(one));
        QVERIFY(!stripColoursAt(view, image, 20 * ms).contains(two));
        QVERIFY(stripColoursAt(view, image, 55 * ms).contains(two));
        QVERIFY(stripColoursAt(view, image, 100 * ms).contains(one));
        const QSet<QRgb> nobody = stripColoursAt(view, image, 75 * ms);
        QVERIFY(!nobody.contains(one) && !nobody.contains(two));
    }

    void gilOffHasNoHolders()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(gilTurnsTimelineLog(origin, false));
        const QImage image = view.renderImage(QSize(1000, 360), 1.0);
        for (const double t : {20.0 * ms, 55.0 * ms, 100.0 * ms}) {
            const QSet<QRgb> colours = stripColoursAt(view, image, t);
            QVERIFY(!colours.contains(StatePalette::laneColor(1).rgb()));
            QVERIFY(!colours.contains(StatePalette::laneColor(2).rgb()));
        }
    }

    void labels()
    {
        GilTrack track;
        const auto on = gilTurnsTimelineLog(origin, true);
        track.sync(on.get(), false);
        QCOMPARE(GilStripPainter::label(track, 0), QStringLiteral("GIL · 4 hand-overs")); // main → 1 → 2 → 1 → main
        const auto off = gilTurnsTimelineLog(origin, false);
        track.sync(off.get(), false);
        QCOMPARE(GilStripPainter::label(track, 0), QStringLiteral("GIL off: threads run in parallel"));
        // Real CPython says why its strip is empty: a free-threaded interpreter, or a GIL not observed.
        const auto freeThreaded = gilTurnsTimelineLog(origin, false);
        freeThreaded->setGilNote(QStringLiteral("free-threaded: no GIL, threads run in parallel"));
        track.sync(freeThreaded.get(), false);
        QCOMPARE(GilStripPainter::label(track, 0), QStringLiteral("free-threaded: no GIL, threads run in parallel"));
        QCOMPARE(GilStripPainter::note(track, 0), QStringLiteral("free-threaded: no GIL, threads run in parallel"));
        const auto unobserved = gilTurnsTimelineLog(origin, true);
        unobserved->setGilNote(QStringLiteral("GIL not observed: ptrace refused"));
        track.sync(unobserved.get(), false);
        QCOMPARE(GilStripPainter::label(track, 0), QStringLiteral("GIL not observed: ptrace refused"));
        QCOMPARE(track.interpreters()[0].holders.spanCount(), std::size_t(0));
    }

    // A strip too thin for its label at the readable size draws none (no 6 px words): the
    // view hands the words to whoever has room (a compare band's header), the tooltip keeps them.
    void noLabelBelowTheReadableSize()
    {
        TimelineLayout l;
        l.scale = 1.6;
        l.stripLanes = {0};
        l.pitch = 80;
        l.stripPitch = 30;
        QVERIFY(GilStripPainter::labelFits(l));
        l.stripPitch = std::floor(ChartStyle::readablePx(l.scale) / 0.9) - 1;
        QVERIFY(!GilStripPainter::labelFits(l));

        TimelineView view;
        view.setScale(1.6);
        view.setPalette(lightPalette());
        view.setLog(gilTurnsTimelineLog(origin, true));
        const QRectF roomy(0, 0, 1000, 800);
        const QRectF squeezed(0, 0, 1000, 220);
        QVERIFY(view.gilNotesIn(roomy).isEmpty());
        QCOMPARE(view.gilNotesIn(squeezed), QStringList {QStringLiteral("4 GIL hand-overs")});
        // Nothing written beside the thin strip: its row in the label column is one colour.
        // (The widget as shown: on screen its legend may take less room than in an export.)
        TimelineView probe;
        probe.setScale(1.6);
        probe.setPalette(lightPalette());
        probe.setFitAllLanes(true);
        probe.setLog(gilTurnsTimelineLog(origin, true));
        probe.resize(squeezed.size().toSize());
        const QImage image = probe.grab().toImage();
        const TimelineLayout& shown = probe.widgetLayout();
        QVERIFY(!GilStripPainter::labelFits(shown));
        const QRect row = QRectF(shown.whole.left(), shown.strip(0).top(), shown.plotLeft - 2, shown.strip(0).height()).toRect();
        QVERIFY(row.height() >= 1 && row.width() > 100);
        QSet<QRgb> colours;
        for (int y = row.top(); y <= row.bottom(); ++y)
            for (int x = row.left(); x <= row.right(); ++x)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() == 1, qPrintable(QString::number(colours.size())));

        view.setLog(gilTurnsTimelineLog(origin, false));
        QCOMPARE(view.gilNotesIn(squeezed), QStringList {QStringLiteral("GIL off")});
    }

    // A child process has a GIL of its own and one thread: no strip row, the lanes start where
    // they would with main alone.
    void childProcessesGetNoStrip()
    {
        auto alone = std::make_shared<EventLog>(origin);
        alone->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}})->appendState(WorkerState::Running, origin);
        auto children = std::make_shared<EventLog>(origin);
        children->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}})->appendState(WorkerState::Running, origin);
        children->addLane({QStringLiteral("Process-1"), LaneKind::Process, false, {}})->appendState(WorkerState::Running, origin);
        TimelineView a;
        a.setLog(alone);
        TimelineView b;
        b.setLog(children);
        TimelineView c;
        c.setLog(gilTurnsTimelineLog(origin, true));
        const QRectF target(0, 0, 1000, 600);
        QCOMPARE(b.laneRectIn(target, 0).top(), a.laneRectIn(target, 0).top());
        QVERIFY(c.laneRectIn(target, 0).top() > a.laneRectIn(target, 0).top()); // the app's strip
    }

    // The strip row is about a third of a lane's row and grows with the presenter scale.
    void stripScalesWithThePresenterScale()
    {
        auto alone = std::make_shared<EventLog>(origin);
        alone->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}})->appendState(WorkerState::Running, origin);
        const QRectF target(0, 0, 1600, 900);
        for (const double scale : {1.0, 1.6}) {
            TimelineView a;
            a.setScale(scale);
            a.setLog(alone);
            TimelineView c;
            c.setScale(scale);
            c.setLog(gilTurnsTimelineLog(origin, true));
            const double strip = c.laneRectIn(target, 0).top() - a.laneRectIn(target, 0).top();
            const double row = c.laneRectIn(target, 1).top() - c.laneRectIn(target, 0).top();
            QVERIFY2(strip > row / 4 && strip < row / 2.5, qPrintable(QStringLiteral("%1 of %2").arg(strip).arg(row)));
            QVERIFY(std::abs(strip - std::round(18 * scale)) <= 1);
        }
    }

    // Real CPython: a thread lane that says running shows waiting for the GIL where the observed
    // GIL was another thread's, and nowhere else; the tooltips say it was observed, and how exact.
    void observedWaitsShowOnTheLanes()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.resize(1000, 400);
        view.setLog(observedGilTimelineLog(origin, true));
        const QImage image = view.renderImage(QSize(1000, 400), 1.0);
        const QRgb waiting = StatePalette::color(WorkerState::WaitingGil).rgb();
        const QRectF target(QPointF(0, 0), QSizeF(image.size()));
        auto barHas = [&](int lane, double tNs) {
            const int x = static_cast<int>(view.xForTimeIn(target, tNs));
            const QRectF bar = view.laneRectIn(target, lane);
            for (int y = static_cast<int>(bar.top()) + 2; y < static_cast<int>(bar.bottom()) - 2; ++y)
                if ((image.pixel(x, y) | 0xff000000u) == waiting)
                    return true;
            return false;
        };
        QVERIFY(!barHas(1, 5 * ms));  // it held the GIL
        QVERIFY(!barHas(1, 12 * ms)); // nobody held it
        QVERIFY(barHas(1, 22 * ms));  // Thread-2 held it
        QVERIFY(barHas(2, 5 * ms));
        QVERIFY(!barHas(2, 22 * ms));
        QVERIFY(barHas(0, 22 * ms)); // main wanted it too

        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF shown(view.rect());
        const int x = static_cast<int>(view.xForTimeIn(shown, 22 * ms));
        const QString wait = tipAt(view, QPoint(x, static_cast<int>(view.laneRectIn(shown, 1).center().y())));
        QVERIFY2(wait.contains(QStringLiteral("waiting for the GIL (observed)")), qPrintable(wait));
        QVERIFY2(wait.contains(QStringLiteral("Thread-2 held it")), qPrintable(wait));
        QVERIFY2(wait.contains(QStringLiteral("0.5 ms")), qPrintable(wait));
        const QString strip = tipAt(view, QPoint(x, static_cast<int>(view.laneRectIn(shown, 0).top()) - 10));
        QVERIFY2(strip.contains(QStringLiteral("2000 times a second")), qPrintable(strip));
    }

    void tooltipNamesTheHolder()
    {
        TimelineView view;
        view.resize(1000, 400);
        view.setLog(gilTurnsTimelineLog(origin, true));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF target(view.rect());
        const int y = static_cast<int>(view.laneRectIn(target, 0).top()) - 10;
        const QString held = tipAt(view, QPoint(static_cast<int>(view.xForTimeIn(target, 55 * ms)), y));
        QVERIFY2(held.contains(QStringLiteral("Thread-2 holds the GIL")), qPrintable(held));
        QVERIFY2(held.contains(QStringLiteral("40")) && held.contains(QStringLiteral("70")), qPrintable(held));
        const QString nobody = tipAt(view, QPoint(static_cast<int>(view.xForTimeIn(target, 75 * ms)), y));
        QVERIFY2(nobody.contains(QStringLiteral("nobody holds the GIL")), qPrintable(nobody));
        const QString label = tipAt(view, QPoint(20, y));
        QVERIFY2(label.startsWith(QStringLiteral("GIL · ")), qPrintable(label));
    }
};

QTEST_MAIN(TestGilStripPainter)
#include "tst_gilstrippainter.moc"
