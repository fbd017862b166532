#include "timeline/timelineview.h"

#include "engine/eventlog.h"
#include "model/runcontroller.h"
#include "style/statepalette.h"
#include "support/lightpalette.h"
#include "support/timelinelogs.h"
#include "timeline/lostupdatepainter.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t us = 1'000;
constexpr std::int64_t origin = 5'000'000'000; // the log's origin is not zero on a real clock

// About 100 000 events over four lanes whose states are known in known time ranges:
//   0 MainThread  running [0, 500 ms), waiting for the GIL [500, 1000 ms)      (every 20 µs)
//   1 Thread-1    waiting I/O [0, 300), running [300, 700), waiting lock [700, 1000)  (every 30 µs)
//   2 Thread-2    running / waiting for the GIL every 10 µs over [0, 200), waiting queue after
//   3 Daemon-3    running [0, 600), then cut off (abandoned) at 600 ms
std::shared_ptr<EventLog> makeLog()
{
    auto log = std::make_shared<EventLog>(origin);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    for (std::int64_t t = 0; t < 1000 * ms; t += 20 * us)
        main->appendState(t < 500 * ms ? WorkerState::Running : WorkerState::WaitingGil, origin + t);
    main->appendState(WorkerState::Finished, origin + 1000 * ms);

    Lane* t1 = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
    for (std::int64_t t = 0; t < 1000 * ms; t += 30 * us) {
        const WorkerState s = t < 300 * ms ? WorkerState::WaitingIo
            : t < 700 * ms                 ? WorkerState::Running
                                           : WorkerState::WaitingLock;
        t1->appendState(s, origin + t);
    }
    t1->appendState(WorkerState::Finished, origin + 1000 * ms);

    Lane* t2 = log->addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
    int k = 0;
    for (std::int64_t t = 0; t < 200 * ms; t += 10 * us, ++k)
        t2->appendState(k % 2 ? WorkerState::WaitingGil : WorkerState::Running, origin + t);
    t2->appendState(WorkerState::WaitingQueue, origin + 200 * ms);
    t2->appendState(WorkerState::Finished, origin + 1000 * ms);

    Lane* daemon = log->addLane({QStringLiteral("Daemon-3"), LaneKind::Thread, true, {}});
    for (std::int64_t t = 0; t < 600 * ms; t += 2 * ms)
        daemon->appendState(WorkerState::Running, origin + t);
    daemon->appendState(WorkerState::Abandoned, origin + 600 * ms);
    return log;
}

// The distinct colours in a logical rectangle of an image with any device pixel ratio.
QSet<QRgb> colorsIn(const QImage& image, const QRectF& logical)
{
    const qreal dpr = image.devicePixelRatio();
    const QRect r = QRectF(logical.topLeft() * dpr, logical.size() * dpr).toAlignedRect().intersected(image.rect());
    QSet<QRgb> colors;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            colors.insert(image.pixel(x, y) | 0xff000000u);
    return colors;
}

QRgb pixelAt(const QImage& image, double x, double y)
{
    const qreal dpr = image.devicePixelRatio();
    return image.pixel(static_cast<int>(x * dpr), static_cast<int>(y * dpr)) | 0xff000000u;
}

QString describe(const QSet<QRgb>& colors)
{
    QStringList names;
    for (QRgb c : colors)
        names << QColor(c).name();
    names.sort();
    return names.join(QLatin1Char(' '));
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<EventLog> m_log;
    const QSize m_size {1200, 500};

    // A rectangle of lane `lane` between two times, away from the bar's label (vertical middle).
    QRectF region(const TimelineView& view, const QRectF& target, int lane, double fromMs, double toMs, bool top) const
    {
        const QRectF bar = view.laneRectIn(target, lane);
        const double x0 = view.xForTimeIn(target, fromMs * ms);
        const double x1 = view.xForTimeIn(target, toMs * ms);
        const double y = top ? bar.top() + 1 : bar.bottom() - 9;
        return QRectF(x0, y, x1 - x0, 8);
    }

    static void expectSolid(const QImage& image, const QRectF& r, WorkerState s)
    {
        const QSet<QRgb> colors = colorsIn(image, r);
        QVERIFY2(colors == QSet<QRgb> {StatePalette::color(s).rgb()},
                 qPrintable(StatePalette::label(s) + QStringLiteral(": ") + describe(colors)));
    }

    static void expectPattern(const QImage& image, const QRectF& r, WorkerState s, const QColor& base)
    {
        const QRgb ink = StatePalette::ink(s).rgb();
        const QRgb tint = StatePalette::tint(s, base).rgb();
        const QSet<QRgb> colors = colorsIn(image, r);
        QVERIFY2(colors == (QSet<QRgb> {ink, tint}),
                 qPrintable(StatePalette::label(s) + QStringLiteral(": ") + describe(colors)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_log = makeLog();
        QVERIFY(m_log->eventCount() > 95'000);
    }

    void paletteIsDistinctAndColourFree()
    {
        QSet<QRgb> colors;
        QSet<int> patterns;
        QSet<QString> labels;
        for (WorkerState s : StatePalette::legendStates()) {
            colors.insert(StatePalette::color(s).rgb());
            patterns.insert(static_cast<int>(StatePalette::pattern(s)));
            labels.insert(StatePalette::label(s));
            QVERIFY(!StatePalette::shortLabel(s).isEmpty());
        }
        const int n = static_cast<int>(StatePalette::legendStates().size());
        QCOMPARE(colors.size(), n);
        QCOMPARE(labels.size(), n);
        QVERIFY(patterns.size() >= n - 1); // created and starting share NoBrush: a line vs an outline
        QCOMPARE(StatePalette::pattern(WorkerState::Running), Qt::SolidPattern);
        QVERIFY(StatePalette::pattern(WorkerState::WaitingGil) != StatePalette::pattern(WorkerState::WaitingIo));
        // Lane colours are readable on white and on a dark background alike.
        for (int i = 0; i < 12; ++i) {
            const QColor c = StatePalette::laneColor(i);
            QVERIFY(c.lightnessF() > 0.25 && c.lightnessF() < 0.7);
        }
    }

    void stateColoursInLanes()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(m_log);
        const QImage image = view.renderImage(m_size, 1.0);
        QCOMPARE(image.size(), m_size);
        const QRectF target(QPointF(0, 0), QSizeF(m_size));
        const QColor base = Qt::white;

        // Lane 0: running in the first half, waiting for the GIL in the second.
        for (bool top : {true, false}) {
            expectSolid(image, region(view, target, 0, 150, 480, top), WorkerState::Running);
            expectPattern(image, region(view, target, 0, 650, 980, top), WorkerState::WaitingGil, base);
        }
        // Lane 1: I/O, running, lock.
        expectPattern(image, region(view, target, 1, 130, 290, true), WorkerState::WaitingIo, base);
        expectSolid(image, region(view, target, 1, 450, 690, false), WorkerState::Running);
        expectPattern(image, region(view, target, 1, 850, 990, true), WorkerState::WaitingLock, base);
        // Lane 2: 20 000 alternations folded into blocks showing both states, then a queue wait.
        {
            const QRectF bar = view.laneRectIn(target, 2);
            const double x0 = view.xForTimeIn(target, 5 * ms);
            const double x1 = view.xForTimeIn(target, 195 * ms);
            const QSet<QRgb> colors = colorsIn(image, QRectF(x0, bar.top(), x1 - x0, bar.height() - 1));
            const QSet<QRgb> allowed {StatePalette::color(WorkerState::Running).rgb(),
                                      StatePalette::ink(WorkerState::WaitingGil).rgb(),
                                      StatePalette::tint(WorkerState::WaitingGil, base).rgb()};
            QVERIFY2(allowed.contains(colors), qPrintable(describe(colors)));
            QVERIFY(colors.contains(StatePalette::color(WorkerState::Running).rgb()));
            QVERIFY(colors.contains(StatePalette::ink(WorkerState::WaitingGil).rgb()));
        }
        expectPattern(image, region(view, target, 2, 500, 990, true), WorkerState::WaitingQueue, base);
        // Lane 3 runs until it is cut off.
        expectSolid(image, region(view, target, 3, 100, 500, true), WorkerState::Running);
    }

    void backgroundWhereThereIsNoLane()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(m_log);
        const QImage image = view.renderImage(m_size, 1.0);
        const QRectF target(QPointF(0, 0), QSizeF(m_size));
        const QRectF last = view.laneRectIn(target, 3);
        const double x = view.xForTimeIn(target, 300 * ms);
        // Below the last lane: plain background.
        const QRgb below = pixelAt(image, x, last.bottom() + 20);
        QCOMPARE(QColor(below), QColor(Qt::white));
        // Inside a lane's row where it has nothing to show (the daemon after being cut off): the
        // row is still visible, so it differs from the background.
        const QRgb emptyRow = pixelAt(image, view.xForTimeIn(target, 980 * ms), last.top() + 3);
        QVERIFY(QColor(emptyRow) != QColor(Qt::white));
        QVERIFY(emptyRow != StatePalette::color(WorkerState::Running).rgb());
        // The lanes differ from the background too.
        QVERIFY(pixelAt(image, x, view.laneRectIn(target, 0).top() + 3) != below);
    }

    void abandonedLaneIsCutOff()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(m_log);
        const QImage image = view.renderImage(m_size, 1.0);
        const QRectF target(QPointF(0, 0), QSizeF(m_size));
        const QRectF bar = view.laneRectIn(target, 3);
        const double xEnd = view.xForTimeIn(target, 600 * ms);
        const QRgb running = StatePalette::color(WorkerState::Running).rgb();

        // Well before the end: plain running.
        expectSolid(image, QRectF(xEnd - 60, bar.top() + 1, 30, bar.height() - 2), WorkerState::Running);
        // Just before the end: teeth bite into the bar and a dark zigzag is drawn.
        const QSet<QRgb> edge = colorsIn(image, QRectF(xEnd - 6, bar.top() + 1, 6, bar.height() - 2));
        int notRunning = 0;
        int dark = 0;
        for (QRgb c : edge) {
            if (c != running)
                ++notRunning;
            if (qGray(c) < 60)
                ++dark;
        }
        QVERIFY2(notRunning >= 2, qPrintable(describe(edge)));
        QVERIFY2(dark >= 1, qPrintable(describe(edge)));
        // And a "cut off" badge right after it: a dark box.
        int badgePixels = 0;
        const qreal dpr = image.devicePixelRatio();
        for (int x = static_cast<int>(xEnd + 6); x < static_cast<int>(xEnd + 60); ++x)
            if (qGray(image.pixel(static_cast<int>(x * dpr), static_cast<int>(bar.center().y() * dpr))) < 40)
                ++badgePixels;
        QVERIFY2(badgePixels > 10, qPrintable(QString::number(badgePixels)));

        // A lane that finished normally has no badge.
        const QRectF bar1 = view.laneRectIn(target, 1);
        const double x1 = view.xForTimeIn(target, 1000 * ms);
        int after = 0;
        for (int x = static_cast<int>(x1 + 6); x < static_cast<int>(x1 + 60); ++x)
            if (qGray(image.pixel(x, static_cast<int>(bar1.center().y()))) < 40)
                ++after;
        QCOMPARE(after, 0);
    }

    // C9: read and write ticks on the counter's lanes, and the lost update highlighted between
    // the two lanes that read 17 and both wrote 18, its sentence in a box.
    void highlightsALostUpdate()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(lostUpdateTimelineLog());
        const QSize size(1200, 400);
        const QImage image = view.renderImage(size, 1.0);
        const QRectF target(QPointF(0, 0), QSizeF(size));
        const QRectF one = view.laneRectIn(target, 1);
        const QRectF two = view.laneRectIn(target, 2);
        const QColor read = LostUpdatePainter::readColor();
        const QColor write = LostUpdatePainter::writeColor();
        const QRgb highlight = LostUpdatePainter::highlightColor().rgb();
        auto count = [&image](const QRectF& r, QRgb c) {
            int n = 0;
            for (int y = static_cast<int>(r.top()); y < static_cast<int>(r.bottom()); ++y)
                for (int x = static_cast<int>(r.left()); x < static_cast<int>(r.right()); ++x)
                    n += image.rect().contains(x, y) && image.pixel(x, y) == c;
            return n;
        };
        // Ticks: reads hang from the bar's top, writes below them (a clean increment at 5 ms).
        const double x5 = std::floor(view.xForTimeIn(target, 5 * ms));
        QCOMPARE(QColor(image.pixel(static_cast<int>(x5), static_cast<int>(one.top() + 1))), read);
        const double xw = std::floor(view.xForTimeIn(target, 4 * ms + 100 * us));
        QCOMPARE(QColor(image.pixel(static_cast<int>(xw), static_cast<int>(one.top() + one.height() * 0.33))), write);
        // The connector between the reads crosses the gap between the lanes.
        const double midY = (one.center().y() + two.center().y()) / 2;
        const double xReads = view.xForTimeIn(target, 10.5 * ms);
        QVERIFY2(count(QRectF(xReads - 4, one.bottom(), 8, two.top() - one.bottom()), highlight) > 0, "no connector");
        // The sentence's box, framed in the highlight, right of the writes and half-way between the lanes.
        const double xWrites = view.xForTimeIn(target, 13 * ms);
        QVERIFY2(count(QRectF(xWrites + 10, midY - 20, 400, 40), highlight) > 40, "no label box");
        // In lanes too thin for the box (a compare band on a small screen) the connectors stay and
        // the box, which would cover the lanes it explains, is left out.
        const QSize thin(1200, 80);
        view.setFitAllLanes(true);
        view.setLegendShown(false);
        const QImage small = view.renderImage(thin, 1.0);
        const QRectF thinTarget(QPointF(0, 0), QSizeF(thin));
        const QRectF t1 = view.laneRectIn(thinTarget, 1);
        const QRectF t2 = view.laneRectIn(thinTarget, 2);
        QVERIFY2(t2.top() - t1.top() < 20 && t2.bottom() <= thin.height(),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(t1.top()).arg(t2.top()).arg(t2.bottom())));
        auto countIn = [](const QImage& img, const QRectF& r, QRgb c) {
            int n = 0;
            for (int y = static_cast<int>(r.top()); y < static_cast<int>(r.bottom()); ++y)
                for (int x = static_cast<int>(r.left()); x < static_cast<int>(r.right()); ++x)
                    n += img.rect().contains(x, y) && img.pixel(x, y) == c;
            return n;
        };
        const double xThinWrites = view.xForTimeIn(thinTarget, 13 * ms);
        QVERIFY2(countIn(small, QRectF(view.xForTimeIn(thinTarget, 10.5 * ms) - 4, t1.top(), 8, t2.bottom() - t1.top()), highlight) > 0,
                 "no connector in thin lanes");
        QCOMPARE(countIn(small, QRectF(xThinWrites + 30, 0, 400, thin.height()), highlight), 0);
        // Without counter events (every other log) there is no highlight at all.
        TimelineView plain;
        plain.setPalette(lightPalette());
        plain.setLog(m_log);
        const QImage other = plain.renderImage(m_size, 1.0);
        int elsewhere = 0;
        for (int y = 0; y < other.height(); y += 2)
            for (int x = 0; x < other.width(); x += 2)
                elsewhere += other.pixel(x, y) == highlight;
        QCOMPARE(elsewhere, 0);
    }

    void zoomAndFitChangeTheMapping()
    {
        TimelineView view;
        view.resize(1000, 400);
        view.setLog(m_log);
        view.fit();
        const double fitted = view.viewport().spanNs();
        QVERIFY(fitted >= 1000 * ms);
        const QRectF target(0, 0, 1000, 400);
        const double xFitted = view.xForTimeIn(target, 800 * ms);

        view.zoomIn();
        QVERIFY(std::abs(view.viewport().spanNs() - fitted / 1.5) < 1);
        QVERIFY(std::abs(view.xForTimeIn(target, 800 * ms) - xFitted) > 1);
        view.zoomOut();
        QVERIFY(std::abs(view.viewport().spanNs() - fitted) < 1);
        view.zoomOut();
        QVERIFY(view.viewport().spanNs() > fitted);
        view.fit();
        QCOMPARE(view.viewport().spanNs(), fitted);
        QCOMPARE(view.xForTimeIn(target, 800 * ms), xFitted);
    }

    void keysWheelAndDrag()
    {
        TimelineView view;
        view.resize(1000, 400);
        view.setLog(m_log);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fit();
        const double fitted = view.viewport().spanNs();

        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.viewport().spanNs() < fitted);
        QTest::keyClick(&view, Qt::Key_F);
        QCOMPARE(view.viewport().spanNs(), fitted);

        // Ctrl+wheel zooms around the cursor: the time under it stays put.
        const QPointF at(600, 100);
        const double plotLeft = view.laneRectIn(QRectF(view.rect()), 0).left();
        const double before = view.viewport().timeForX(at.x() - plotLeft);
        QWheelEvent wheel(at, view.mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &wheel);
        QVERIFY(view.viewport().spanNs() < fitted);
        QVERIFY(std::abs(view.viewport().timeForX(at.x() - plotLeft) - before) < view.viewport().nsPerPx());

        // Dragging left by 30 px shows later times.
        const double t0 = view.viewport().t0Ns();
        const double nsPerPx = view.viewport().nsPerPx();
        QMouseEvent press(QEvent::MouseButtonPress, QPointF(500, 100), view.mapToGlobal(QPointF(500, 100)),
                          Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &press);
        QMouseEvent move(QEvent::MouseMove, QPointF(470, 100), view.mapToGlobal(QPointF(470, 100)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &move);
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(470, 100), view.mapToGlobal(QPointF(470, 100)),
                            Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &release);
        QVERIFY(std::abs(view.viewport().t0Ns() - (t0 + 30 * nsPerPx)) < 1);

        // Double-click fits again.
        QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(500, 100));
        QCOMPARE(view.viewport().spanNs(), fitted);
    }

    void renderImageAtTwiceThePixels()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(m_log);
        const QSize logical(800, 400);
        const QImage one = view.renderImage(logical, 1.0);
        const QImage two = view.renderImage(logical, 2.0);
        QCOMPARE(one.size(), logical);
        QCOMPARE(two.size(), logical * 2);
        QCOMPARE(two.devicePixelRatio(), 2.0);
        QVERIFY(view.renderImage(logical).size() == logical * 2); // 2× is the default
        // Same picture, finer pixels: the lanes land in the same logical places.
        const QRectF target(QPointF(0, 0), QSizeF(logical));
        for (const QImage* image : {&one, &two})
            expectSolid(*image, region(view, target, 0, 150, 450, true), WorkerState::Running);
    }

    void presenterScale()
    {
        TimelineView view;
        view.setLog(m_log);
        const QRectF target(0, 0, 1200, 2000);
        const double normal = view.laneRectIn(target, 0).height();
        const int normalHeight = view.contentHeight(1200);
        view.setScale(1.6);
        QCOMPARE(view.scale(), 1.6);
        QVERIFY(std::abs(view.laneRectIn(target, 0).height() / normal - 1.6) < 0.05);
        QVERIFY(view.contentHeight(1200) > normalHeight);
        const QImage image = view.renderImage(QSize(1200, view.contentHeight(1200)), 1.0);
        expectSolid(image, region(view, QRectF(QPointF(0, 0), QSizeF(image.size())), 0, 150, 450, true),
                    WorkerState::Running);
    }

    void lanesAppearWhileLive()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        main->appendState(WorkerState::Running, origin);
        main->appendState(WorkerState::WaitingJoin, origin + 10 * ms, 1);
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(log);
        view.setLive(true);
        QVERIFY(view.isLive());
        QCOMPARE(view.log().get(), log.get());

        // The engine adds a worker after the view got the log.
        Lane* worker = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        worker->appendState(WorkerState::Running, origin + 10 * ms);
        worker->appendState(WorkerState::Finished, origin + 90 * ms);
        main->appendState(WorkerState::Running, origin + 90 * ms);
        main->appendState(WorkerState::Finished, origin + 100 * ms);
        view.setLive(false);
        QVERIFY(!view.isLive());

        const QSize size(900, 300);
        const QImage image = view.renderImage(size, 1.0);
        const QRectF target(QPointF(0, 0), QSizeF(size));
        expectSolid(image, region(view, target, 1, 40, 80, true), WorkerState::Running);
        expectPattern(image, region(view, target, 0, 40, 60, true), WorkerState::WaitingJoin, Qt::white);
    }

    // The engine appends from its own threads while the GUI paints: no locks, a consistent prefix.
    void paintsWhileTheEngineWrites()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        main->appendState(WorkerState::Running, origin);
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(log);
        view.setLive(true);
        std::atomic<bool> done {false};
        std::thread writer([log, main, &done] {
            Lane* worker = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
            for (std::int64_t i = 0; i < 200'000; ++i) {
                worker->appendState(i % 2 ? WorkerState::WaitingGil : WorkerState::Running, origin + i * us);
                if (i % 1000 == 0)
                    worker->appendOutput(origin + i * us, "tick");
            }
            worker->appendState(WorkerState::Finished, origin + 200 * ms);
            main->appendState(WorkerState::Finished, origin + 200 * ms);
            done = true;
        });
        int frames = 0;
        while (!done.load() || frames < 3) {
            const QImage image = view.renderImage(QSize(800, 300), 1.0);
            QCOMPARE(image.size(), QSize(800, 300));
            ++frames;
        }
        writer.join();
        view.setLive(false);
        const QImage image = view.renderImage(QSize(800, 300), 1.0);
        const QRectF target(0, 0, 800, 300);
        expectSolid(image, region(view, target, 0, 50, 180, true), WorkerState::Running);
        const QRectF bar = view.laneRectIn(target, 1);
        const double x0 = view.xForTimeIn(target, 50 * ms);
        const QSet<QRgb> folded =
            colorsIn(image, QRectF(x0, bar.top(), view.xForTimeIn(target, 180 * ms) - x0, bar.height() - 1));
        QVERIFY(folded.contains(StatePalette::color(WorkerState::Running).rgb()));
        QVERIFY(folded.contains(StatePalette::ink(WorkerState::WaitingGil).rgb()));
    }

    // While live, the run's frames (RunController's beat) keep repainting the shown view.
    void liveViewRepaints()
    {
        struct PaintCounter : QObject
        {
            int paints = 0;
            bool eventFilter(QObject*, QEvent* event) override
            {
                if (event->type() == QEvent::Paint)
                    ++paints;
                return false;
            }
        } counter;
        TimelineView view;
        view.resize(600, 300);
        view.setLog(m_log);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.installEventFilter(&counter);
        QTimer frames; // stands in for RunController's frame timer, at its interval
        frames.setInterval(RunController::frameIntervalMs);
        connect(&frames, &QTimer::timeout, &view, &TimelineView::advanceFrame);
        frames.start();
        view.setLive(true);
        QTRY_VERIFY(counter.paints >= 5);
        view.setLive(false);
    }

    void widgetPaintsTheSameAsRender()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.resize(1000, 400);
        view.setLog(m_log);
        const QImage shot = view.grab().toImage();
        const QRectF target(view.rect());
        expectSolid(shot, region(view, target, 0, 150, 450, true), WorkerState::Running);
        expectPattern(shot, region(view, target, 0, 650, 950, true), WorkerState::WaitingGil, Qt::white);
    }

    // The view's level-of-detail summaries grow with the log frame by frame; every frame is the
    // frame a new view draws of the same events.
    void framesWhileTheLogGrowsMatchAFreshView()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        Lane* worker = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
        main->appendState(WorkerState::Running, origin);
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(log);
        const QSize size(900, 300);
        std::int64_t t = 0;
        std::uint64_t rng = 0x2545F4914F6CDD1DULL;
        for (int frame = 0; frame < 6; ++frame) {
            for (int i = 0; i < 7'000 + frame * 3'001; ++i) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                t += static_cast<std::int64_t>(rng % (i % 500 < 400 ? 300 : 40 * us));
                worker->appendState(rng % 3 == 0 ? WorkerState::WaitingGil
                                        : rng % 3 == 1 ? WorkerState::Running
                                                       : WorkerState::WaitingIo,
                                    origin + t);
                if (i % 2000 == 0)
                    worker->appendOutput(origin + t, "tick");
            }
            main->appendState(WorkerState::WaitingJoin, origin + t, 1);
            const QImage image = view.renderImage(size, 1.0);
            TimelineView fresh;
            fresh.setPalette(lightPalette());
            fresh.setLog(log);
            QVERIFY2(image == fresh.renderImage(size, 1.0), qPrintable(QStringLiteral("frame %1").arg(frame)));
        }
        worker->appendState(WorkerState::Finished, origin + t + ms);
        main->appendState(WorkerState::Running, origin + t + 2 * ms); // the join returned
        main->appendState(WorkerState::Finished, origin + t + 3 * ms);
        const QImage image = view.renderImage(size, 1.0);
        TimelineView fresh;
        fresh.setPalette(lightPalette());
        fresh.setLog(log);
        QVERIFY(image == fresh.renderImage(size, 1.0));
        // The join's connector stands where the join returned, between the two lanes.
        const QRectF target(QPointF(0, 0), QSizeF(size));
        const double x = view.xForTimeIn(target, static_cast<double>(t + 2 * ms));
        const QRectF gap(x - 1, view.laneRectIn(target, 0).bottom() + 1, 3,
                         view.laneRectIn(target, 1).top() - view.laneRectIn(target, 0).bottom() - 2);
        QVERIFY2(colorsIn(image, gap).contains(StatePalette::ink(WorkerState::WaitingJoin).rgb()),
                 qPrintable(describe(colorsIn(image, gap))));
        // What the view keeps per lane is a small part of the memory per event.
        QVERIFY(view.indexMemoryBytes() < log->eventCount() * 8);
    }

    // Lanes painted as pixel strips look exactly like lanes filled block by block through
    // QPainter: fitted and zoomed, at one and two device pixels per pixel, at normal and
    // presenter scale, in the widget (a translated painter), on light and dark backgrounds.
    void stripsPaintLikeFills_data()
    {
        QTest::addColumn<double>("dpr");
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<bool>("dark");
        QTest::newRow("fitted") << 1.0 << 1.0 << 1.0 << false;
        QTest::newRow("fitted, 2x") << 2.0 << 1.0 << 1.0 << false;
        QTest::newRow("zoomed") << 1.0 << 1.0 << 40.0 << false;
        QTest::newRow("zoomed, 2x, dark") << 2.0 << 1.0 << 300.0 << true;
        QTest::newRow("presenter") << 1.0 << 1.6 << 6.0 << false;
        QTest::newRow("presenter, 2x, dark") << 2.0 << 1.6 << 1.0 << true;
    }
    void stripsPaintLikeFills()
    {
        QFETCH(double, dpr);
        QFETCH(double, scale);
        QFETCH(double, zoom);
        QFETCH(bool, dark);
        // The known lanes, then dense GIL-like traffic with every waiting state folded together.
        auto log = std::make_shared<EventLog>(origin);
        Lane* starting = log->addLane({QStringLiteral("Starter"), LaneKind::Thread, false, {}});
        starting->appendState(WorkerState::Created, origin);
        starting->appendState(WorkerState::Starting, origin + 100 * ms);
        starting->appendState(WorkerState::Running, origin + 200 * ms);
        starting->appendState(WorkerState::Finished, origin + 900 * ms);
        std::uint64_t rng = 0x9E3779B97F4A7C15ULL;
        for (int l = 0; l < 5; ++l) {
            Lane* lane = log->addLane({QStringLiteral("Busy-%1").arg(l), LaneKind::Thread, false, {}});
            lane->appendState(WorkerState::Starting, origin);
            std::int64_t t = ms;
            while (t < 1000 * ms) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                static constexpr WorkerState states[] = {WorkerState::Running, WorkerState::WaitingGil,
                                                         WorkerState::WaitingIo, WorkerState::WaitingLock,
                                                         WorkerState::WaitingQueue, WorkerState::WaitingJoin};
                lane->appendState(states[rng % (l + 2)], origin + t);
                t += static_cast<std::int64_t>(rng % (l % 2 ? 40 * us : 4 * ms));
            }
            lane->appendState(WorkerState::Finished, origin + 1000 * ms);
        }
        TimelineView view;
        QPalette palette = lightPalette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x1e1e1e));
            palette.setColor(QPalette::Text, QColor(0xeeeeee));
            palette.setColor(QPalette::Window, QColor(0x2b2b2b));
            palette.setColor(QPalette::WindowText, QColor(0xeeeeee));
        }
        view.setPalette(palette);
        view.setScale(scale);
        view.resize(1100, 600);
        view.setLog(log);
        const double target = view.viewport().spanNs() / zoom;
        const QPointF at(view.width() * 0.47, view.height() / 2.0);
        for (int i = 0; i < 40 && view.viewport().spanNs() > target * 1.01; ++i) {
            QWheelEvent wheel(at, view.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(&view, &wheel);
        }
        const QSize size(1100, 600);
        const QImage strips = view.renderImage(size, dpr);
        const QImage widgetStrips = view.grab().toImage();
        view.setRasterShortcuts(false);
        const QImage fills = view.renderImage(size, dpr);
        const QImage widgetFills = view.grab().toImage();
        QCOMPARE(strips.size(), fills.size());
        int differ = 0;
        for (int y = 0; y < strips.height(); ++y)
            for (int x = 0; x < strips.width(); ++x)
                differ += strips.pixel(x, y) != fills.pixel(x, y);
        QCOMPARE(differ, 0);
        QVERIFY(widgetStrips == widgetFills);
        // Something was folded and patterned: more than the plain state colours show.
        QVERIFY(colorsIn(strips, QRectF(QPointF(0, 0), QSizeF(size))).size() > 12);
    }

    // Strips written straight into an image keep to the painter's clip and to the image: a clip
    // through the lanes, a second clip rectangle and a target hanging over the image's edge all
    // paint as plain fills do. (A translated painter is left out: there the patterns of strips and
    // fills differ in [153, 707) × [79, 357) already with drawImage, since c5f43e6.)
    void directStripsKeepToClips()
    {
        auto log = std::make_shared<EventLog>(origin);
        std::uint64_t rng = 0x2545F4914F6CDD1DULL;
        for (int l = 0; l < 6; ++l) {
            Lane* lane = log->addLane({QStringLiteral("Busy-%1").arg(l), LaneKind::Thread, false, {}});
            lane->appendState(WorkerState::Starting, origin);
            for (std::int64_t t = ms; t < 1000 * ms; t += static_cast<std::int64_t>(rng % (300 * us))) {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                lane->appendState(rng % 3 ? WorkerState::Running : WorkerState::WaitingGil, origin + t);
            }
            lane->appendState(WorkerState::Finished, origin + 1000 * ms);
        }
        TimelineView view;
        view.setPalette(lightPalette());
        view.resize(900, 500);
        view.setLog(log);
        const QRegion twoRects = QRegion(QRect(0, 0, 900, 180)) + QRegion(QRect(300, 260, 400, 120));
        struct Case
        {
            const char* what;
            QRectF target;
            QRect clip; // empty: none
            bool twoRects;
            QPoint translate;
        };
        const Case cases[] = {
            {"clip through the lanes", QRectF(0, 0, 900, 500), QRect(130, 97, 600, 211), false, {}},
            {"two clip rectangles", QRectF(0, 0, 900, 500), QRect(), true, {}},
            {"over the image's edge", QRectF(-40, 150, 900, 500), QRect(), false, {}},
        };
        for (const Case& c : cases) {
            QImage images[2];
            for (int shortcuts = 0; shortcuts < 2; ++shortcuts) {
                view.setRasterShortcuts(shortcuts == 1);
                QImage& image = images[shortcuts];
                image = QImage(900, 500, QImage::Format_ARGB32_Premultiplied);
                image.fill(Qt::magenta);
                QPainter painter(&image);
                painter.translate(c.translate);
                if (!c.clip.isEmpty())
                    painter.setClipRect(c.clip);
                if (c.twoRects)
                    painter.setClipRegion(twoRects);
                view.render(painter, c.target);
            }
            QRect differ;
            for (int y = 0; y < 500; ++y)
                for (int x = 0; x < 900; ++x)
                    if (images[0].pixel(x, y) != images[1].pixel(x, y))
                        differ |= QRect(x, y, 1, 1);
            QVERIFY2(differ.isNull(), qPrintable(QStringLiteral("%1: pixels differ in [%2, %3) × [%4, %5)")
                                                     .arg(QLatin1String(c.what))
                                                     .arg(differ.left())
                                                     .arg(differ.right() + 1)
                                                     .arg(differ.top())
                                                     .arg(differ.bottom() + 1)));
        }
        view.setRasterShortcuts(true);
    }

    // The label column is painted once and kept: whatever it shows changes, the kept image is
    // painted anew (new lanes, a pid, palette, scale, size, scrolling, a new log).
    void keptLabelsFollowChanges()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
        main->appendState(WorkerState::Running, origin);
        main->appendState(WorkerState::Finished, origin + 100 * ms);
        TimelineView view;
        view.setPalette(lightPalette());
        view.resize(700, 300);
        view.setLog(log);
        auto sameBothWays = [&view](const char* what) {
            const QImage kept = view.renderImage(QSize(700, 300), 1.0);
            const QImage widgetKept = view.grab().toImage();
            view.setRasterShortcuts(false);
            const QImage painted = view.renderImage(QSize(700, 300), 1.0);
            const QImage widgetPainted = view.grab().toImage();
            view.setRasterShortcuts(true);
            QVERIFY2(kept == painted, what);
            QVERIFY2(widgetKept == widgetPainted, what);
        };
        sameBothWays("first frame");
        Lane* worker = log->addLane({QStringLiteral("worker-process"), LaneKind::Process, false, {}});
        worker->appendState(WorkerState::Running, origin + 10 * ms);
        sameBothWays("a new lane");
        worker->setPid(4242);
        sameBothWays("a pid");
        QPalette dark = lightPalette();
        dark.setColor(QPalette::Window, QColor(0x2b2b2b));
        dark.setColor(QPalette::WindowText, QColor(0xeeeeee));
        view.setPalette(dark);
        sameBothWays("palette");
        view.setScale(1.6);
        sameBothWays("scale");
        view.resize(600, 250);
        sameBothWays("size");
        for (int i = 2; i < 12; ++i)
            log->addLane({QStringLiteral("Thread-%1").arg(i), LaneKind::Thread, false, {}})
                ->appendState(WorkerState::Running, origin + i * ms);
        QWheelEvent wheel(QPointF(50, 150), view.mapToGlobal(QPointF(50, 150)), QPoint(), QPoint(0, -240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(&view, &wheel);
        sameBothWays("scrolled");
        auto other = std::make_shared<EventLog>(origin);
        other->addLane({QStringLiteral("Another"), LaneKind::Main, false, {}})->appendState(WorkerState::Running, origin);
        view.setLog(other);
        sameBothWays("a new log");
    }

    // A new log starts new summaries: nothing of the old log's shows.
    void newLogStartsAfresh()
    {
        auto dense = [](int phase) {
            auto log = std::make_shared<EventLog>(origin);
            Lane* lane = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
            for (int i = 0; i < 60'000; ++i)
                lane->appendState(i % 3 == 0 ? WorkerState::WaitingIo
                                      : (i * 7) % 5 < 2 + phase ? WorkerState::WaitingGil
                                                                : WorkerState::Running,
                                  origin + i * 500 + (i * 13) % 300);
            lane->appendState(WorkerState::Finished, origin + 30 * ms);
            return log;
        };
        const QSize size(700, 200);
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(dense(0));
        const QImage first = view.renderImage(size, 1.0);
        const auto second = dense(1);
        view.setLog(second);
        TimelineView fresh;
        fresh.setPalette(lightPalette());
        fresh.setLog(second);
        const QImage expected = fresh.renderImage(size, 1.0);
        QVERIFY(view.renderImage(size, 1.0) == expected);
        QVERIFY(first != expected);
    }

    void hoverTooltip()
    {
        TimelineView view;
        view.resize(1000, 400);
        view.setLog(m_log);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF target(view.rect());
        const QRectF bar = view.laneRectIn(target, 0);
        const QPoint pos(static_cast<int>(view.xForTimeIn(target, 250 * ms)), static_cast<int>(bar.center().y()));
        QHelpEvent help(QEvent::ToolTip, pos, view.mapToGlobal(pos));
        QCoreApplication::sendEvent(&view, &help);
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QStringLiteral("MainThread")), qPrintable(text));
        QVERIFY2(text.contains(StatePalette::label(WorkerState::Running)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("start")) && text.contains(QStringLiteral("duration")), qPrintable(text));
        QToolTip::hideText();
    }

    void clearShowsNothing()
    {
        TimelineView view;
        view.setPalette(lightPalette());
        view.setLog(m_log);
        view.clear();
        QVERIFY(!view.log());
        const QImage image = view.renderImage(QSize(600, 300), 1.0);
        QCOMPARE(image.size(), QSize(600, 300));
        // Exports can also paint into any painter, e.g. with an offset.
        QImage big(QSize(700, 400), QImage::Format_ARGB32_Premultiplied);
        big.fill(Qt::red);
        QPainter painter(&big);
        view.setLog(m_log);
        view.render(painter, QRectF(50, 50, 600, 300));
        painter.end();
        QCOMPARE(QColor(big.pixel(10, 10)), QColor(Qt::red)); // outside the target: untouched
        const QRectF inner(50, 50, 600, 300);
        expectSolid(big, region(view, inner, 0, 150, 450, true), WorkerState::Running);
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
