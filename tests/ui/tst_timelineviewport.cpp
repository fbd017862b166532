#include "model/timelineviewport.h"

#include <QTest>

#include <cmath>

using namespace ThreadLab;

class TestTimelineViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timePixelRoundTrip_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("t1");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("expectedX");
        QTest::newRow("1 s on 1000 px, middle") << 0.0 << 1e9 << 1000.0 << 5e8 << 500.0;
        QTest::newRow("1 s on 1000 px, start") << 0.0 << 1e9 << 1000.0 << 0.0 << 0.0;
        QTest::newRow("offset window") << 2e9 << 4e9 << 800.0 << 3e9 << 400.0;
        QTest::newRow("left of the window") << 1e6 << 2e6 << 100.0 << 0.0 << -100.0;
        QTest::newRow("microseconds") << 0.0 << 10e3 << 1234.0 << 2.5e3 << 308.5;
        QTest::newRow("negative start") << -5e7 << 9.5e8 << 1000.0 << 0.0 << 50.0;
    }
    void timePixelRoundTrip()
    {
        QFETCH(double, t0);
        QFETCH(double, t1);
        QFETCH(double, width);
        QFETCH(double, t);
        QFETCH(double, expectedX);
        const TimelineViewport math(t0, t1, width);
        QCOMPARE(math.xForTime(t), expectedX);
        QVERIFY(std::abs(math.timeForX(math.xForTime(t)) - t) < 1e-6 * (t1 - t0));
        for (double x : {0.0, 1.0, width / 3, width})
            QVERIFY(std::abs(math.xForTime(math.timeForX(x)) - x) < 1e-9 * width);
        QCOMPARE(math.nsPerPx(), (t1 - t0) / width);
    }

    void zoomKeepsTimeUnderCursor_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("factor");
        QTest::newRow("in at left quarter") << 250.0 << 2.0;
        QTest::newRow("in at centre") << 500.0 << 1.5;
        QTest::newRow("out at right edge") << 1000.0 << 0.5;
        QTest::newRow("in a lot at 123 px") << 123.0 << 1000.0;
        QTest::newRow("wheel notch") << 777.0 << std::pow(1.0015, 120);
    }
    void zoomKeepsTimeUnderCursor()
    {
        QFETCH(double, x);
        QFETCH(double, factor);
        TimelineViewport math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        const double before = math.timeForX(x);
        const double span = math.spanNs();
        math.zoomAt(x, factor);
        QVERIFY2(std::abs(math.timeForX(x) - before) < 1e-3, qPrintable(QString::number(math.timeForX(x) - before)));
        QVERIFY(std::abs(math.spanNs() - span / factor) < 1e-6 * span);
    }

    void zoomClampsSpan()
    {
        TimelineViewport math(0, 1e9, 1000);
        math.setLimitNs(1e9);
        math.zoomAt(500, 1e12);
        QCOMPARE(math.spanNs(), TimelineViewport::minSpanNs);
        math.zoomAt(500, 1e-12);
        QCOMPARE(math.spanNs(), math.maxSpanNs());
        // Zoomed out fully, the data stays in view.
        QVERIFY(math.t0Ns() <= 0);
        QVERIFY(math.t1Ns() >= 1e9);
    }

    void pan()
    {
        TimelineViewport math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        math.panByPx(100);
        QCOMPARE(math.t0Ns(), 2.2e9);
        QCOMPARE(math.t1Ns(), 4.2e9);
        math.panByPx(-50);
        QCOMPARE(math.t0Ns(), 2.1e9);
        QCOMPARE(math.spanNs(), 2e9);
    }

    void panClampsToTheData()
    {
        TimelineViewport math(2e9, 4e9, 1000);
        math.setLimitNs(10e9);
        math.panByPx(-1e6);
        QCOMPARE(math.t0Ns(), -0.05 * 2e9); // a little room before the start, no more
        QCOMPARE(math.spanNs(), 2e9);
        math.panByPx(1e6);
        QCOMPARE(math.t1Ns(), 10e9 + 0.05 * 2e9);
        QCOMPARE(math.spanNs(), 2e9);
    }

    void fit()
    {
        TimelineViewport math(5e9, 6e9, 1000);
        math.fit(2e9);
        QCOMPARE(math.t0Ns(), 0.0);
        QCOMPARE(math.t1Ns(), 2e9);
        QCOMPARE(math.limitNs(), 2e9);
        math.fit(2e9, 100); // keep 100 px free on the right
        QCOMPARE(math.t0Ns(), 0.0);
        QVERIFY(std::abs(math.xForTime(2e9) - 900) < 1e-9);
        math.fit(0);
        QCOMPARE(math.spanNs(), TimelineViewport::minSpanNs);
    }

    void followUsesRoundSpans()
    {
        TimelineViewport math(0, 1, 1000);
        math.follow(1.23e9);
        QCOMPARE(math.t0Ns(), 0.0);
        QCOMPARE(math.t1Ns(), 1.5e9);
        math.follow(1.4e9);
        QCOMPARE(math.t1Ns(), 1.5e9); // unchanged: no rescale every frame
        math.follow(1.6e9);
        QCOMPARE(math.t1Ns(), 2e9);
        math.follow(0);
        QCOMPARE(math.t1Ns(), TimelineViewport::minMaxSpanNs);
    }


    void niceCeilings_data()
    {
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("ceil");
        QTest::newRow("1") << 1.0 << 1.0;
        QTest::newRow("3") << 3.0 << 3.0;
        QTest::newRow("7") << 7.0 << 8.0;
        QTest::newRow("12") << 12.0 << 15.0;
        QTest::newRow("150") << 150.0 << 150.0;
        QTest::newRow("4 ms") << 4e6 << 4e6;
        QTest::newRow("1 s") << 1e9 << 1e9;
        QTest::newRow("2.01 s") << 2.01e9 << 3e9;
    }
    void niceCeilings()
    {
        QFETCH(double, raw);
        QFETCH(double, ceil);
        QCOMPARE(TimelineViewport::niceCeil(raw), ceil);
    }

};

QTEST_GUILESS_MAIN(TestTimelineViewport)
#include "tst_timelineviewport.moc"
