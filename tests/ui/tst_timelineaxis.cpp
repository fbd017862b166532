#include "model/timelineaxis.h"

#include "model/timelineviewport.h"

#include <QTest>

#include <cmath>

using namespace ThreadLab;

class TestTimelineAxis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceSteps_data()
    {
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("step");
        QTest::newRow("1") << 1.0 << 1.0;
        QTest::newRow("3") << 3.0 << 5.0;
        QTest::newRow("7") << 7.0 << 10.0;
        QTest::newRow("12") << 12.0 << 20.0;
        QTest::newRow("150") << 150.0 << 200.0;
        QTest::newRow("4 ms") << 4e6 << 5e6;
        QTest::newRow("1 s") << 1e9 << 1e9;
        QTest::newRow("2.01 s") << 2.01e9 << 5e9;
    }
    void niceSteps()
    {
        QFETCH(double, raw);
        QFETCH(double, step);
        QCOMPARE(TimelineAxis::niceStep(raw), step);
    }

    void tickLabels_data()
    {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("zero in s") << 0.0 << 1e8 << QStringLiteral("0.0 s");
        QTest::newRow("tenths of s") << 3e8 << 1e8 << QStringLiteral("0.3 s");
        QTest::newRow("whole s") << 2e9 << 1e9 << QStringLiteral("2 s");
        QTest::newRow("half s") << 1.5e9 << 5e8 << QStringLiteral("1.5 s");
        QTest::newRow("ms") << 2.5e8 << 5e7 << QStringLiteral("250 ms");
        QTest::newRow("tenths of ms") << 1.5e6 << 5e5 << QStringLiteral("1.5 ms");
        QTest::newRow("µs") << 20e3 << 10e3 << QStringLiteral("20 µs");
        QTest::newRow("fractional µs") << 1500.0 << 500.0 << QStringLiteral("1.5 µs");
        QTest::newRow("ns") << 250.0 << 50.0 << QStringLiteral("250 ns");
        QTest::newRow("no minus zero") << -1e-7 << 1e8 << QStringLiteral("0.0 s");
    }
    void tickLabels()
    {
        QFETCH(double, t);
        QFETCH(double, step);
        QFETCH(QString, label);
        QCOMPARE(TimelineAxis::formatTick(t, step), label);
    }

    void durations_data()
    {
        QTest::addColumn<double>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("ns") << 999.0 << QStringLiteral("999 ns");
        QTest::newRow("µs") << 512e3 << QStringLiteral("512 µs");
        QTest::newRow("ms") << 1.234e6 << QStringLiteral("1.23 ms");
        QTest::newRow("tens of ms") << 12.5e6 << QStringLiteral("12.5 ms");
        QTest::newRow("s") << 2.5e9 << QStringLiteral("2.50 s");
    }
    void durations()
    {
        QFETCH(double, ns);
        QFETCH(QString, text);
        QCOMPARE(TimelineAxis::formatDuration(ns), text);
    }

    void ticksCoverTheWindow()
    {
        const TimelineViewport math(0, 1e9, 1000);
        QCOMPARE(TimelineAxis::stepNs(math, 100), 1e8);
        const QList<TimelineAxis::Tick> ticks = TimelineAxis::ticks(math, 100);
        QCOMPARE(ticks.size(), 11);
        QCOMPARE(ticks.first().x, 0.0);
        QCOMPARE(ticks.first().label, QStringLiteral("0.0 s"));
        QCOMPARE(ticks.at(5).label, QStringLiteral("0.5 s"));
        QVERIFY(std::abs(ticks.last().x - 1000) < 1e-9);
        for (qsizetype i = 1; i < ticks.size(); ++i)
            QVERIFY(ticks.at(i).x - ticks.at(i - 1).x >= 100 - 1e-9);

        const TimelineViewport fine(1.2e6, 1.7e6, 1000); // 0.5 ms window, ticks every 50 µs
        const QList<TimelineAxis::Tick> fineTicks = TimelineAxis::ticks(fine, 100);
        QCOMPARE(TimelineAxis::stepNs(fine, 100), 5e4);
        QCOMPARE(fineTicks.first().label, QStringLiteral("1200 µs"));
        QVERIFY(fineTicks.first().x >= 0);
        QVERIFY(fineTicks.last().x <= 1000);
    }

};

QTEST_GUILESS_MAIN(TestTimelineAxis)
#include "tst_timelineaxis.moc"
