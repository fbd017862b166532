#include "timeline/lanetooltip.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelinemodel.h"
#include "support/timelinelogs.h"

#include <QTest>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = sampleLogOriginNs;

} // namespace

class TestLaneToolTip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model.setLog(sampleTimelineLog());
        m_snapshot = m_model.snapshot(false);
    }

    void labels_data()
    {
        QTest::addColumn<int>("lane");
        QTest::addColumn<QString>("text");
        QTest::newRow("finished") << 0 << QStringLiteral("MainThread (main)\nended: finished at 100 ms");
        QTest::newRow("cut off") << 2
                                 << QStringLiteral("Process-1 (process, pid 4242, daemon)\n"
                                                   "ended: cut off at 100 ms (main ended)");
        QTest::newRow("going") << 3 << QStringLiteral("Thread-2 (thread)");
    }
    void labels()
    {
        QFETCH(int, lane);
        QFETCH(QString, text);
        QCOMPARE(LaneToolTip::forLabel(m_model, m_snapshot, lane), text);
    }

    void bars_data()
    {
        QTest::addColumn<int>("lane");
        QTest::addColumn<int>("atMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("output") << 1 << 20 << QStringLiteral("Thread-1 (thread)\noutput at 20.0 ms:\nhello");
        QTest::newRow("queue put") << 1 << 31 << QStringLiteral("Thread-1 (thread)\nqueue put 42 at 30.0 ms");
        QTest::newRow("queue get") << 2 << 40
                                   << QStringLiteral("Process-1 (process, pid 4242, daemon)\n"
                                                     "queue get 42 from Thread-1 at 40.0 ms");
        QTest::newRow("interval") << 1 << 40
                                  << QStringLiteral("Thread-1 (thread)\nrunning\nstart 10.0 ms\nduration 40.0 ms");
        QTest::newRow("join")
            << 0 << 30 << QStringLiteral("MainThread (main)\nwaiting to join Thread-1\nstart 10.0 ms\nduration 50.0 ms");
        QTest::newRow("not yet") << 1 << 5 << QStringLiteral("Thread-1 (thread)\nnot created yet");
        QTest::newRow("ended") << 2 << 150
                               << QStringLiteral("Process-1 (process, pid 4242, daemon)\ncut off at 100 ms\nmain ended");
        QTest::newRow("so far") << 3 << 95
                                << QStringLiteral("Thread-2 (thread)\nrunning\nstart 90.0 ms\nduration 10.0 ms so far");
    }
    void bars()
    {
        QFETCH(int, lane);
        QFETCH(int, atMs);
        QFETCH(QString, text);
        QCOMPARE(LaneToolTip::forBar(m_model, m_snapshot, lane, origin + atMs * ms, 2 * ms), text);
    }

    // The Python model's process boot is Starting's labelled variant, named as what it is.
    void namesTheInterpretersStart()
    {
        auto log = std::make_shared<EventLog>(origin);
        Lane* child = log->addLane({QStringLiteral("Process-1"), LaneKind::Process, false, {}});
        child->appendState(WorkerState::Starting, origin);
        child->appendState(WorkerState::Starting, origin + 1 * ms, ThreadLab::startingInterpreter);
        child->appendState(WorkerState::Running, origin + 5 * ms);
        child->appendState(WorkerState::Finished, origin + 6 * ms);
        TimelineModel model;
        model.setLog(log);
        const TimelineModel::Snapshot snapshot = model.snapshot(false);
        QVERIFY(LaneToolTip::forBar(model, snapshot, 0, origin + 3 * ms, ms / 10).contains(QStringLiteral("\nstarting interpreter\n")));
        QVERIFY(LaneToolTip::forBar(model, snapshot, 0, origin + ms / 2, ms / 10).contains(QStringLiteral("\nstarting\n")));
    }

    // The counter's reads and writes (C9) say the value; an output or queue mark still wins.
    void counterMarks_data()
    {
        QTest::addColumn<int>("lane");
        QTest::addColumn<int>("atMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("read") << 1 << 10 << QStringLiteral("Thread-1 (thread)\nread 17 at 10.0 ms");
        QTest::newRow("written") << 1 << 12 << QStringLiteral("Thread-1 (thread)\nwrote 18 at 12.0 ms");
        QTest::newRow("the other read") << 2 << 11 << QStringLiteral("Thread-2 (thread)\nread 17 at 11.0 ms");
        QTest::newRow("the same write") << 2 << 13 << QStringLiteral("Thread-2 (thread)\nwrote 18 at 13.0 ms");
    }
    void counterMarks()
    {
        QFETCH(int, lane);
        QFETCH(int, atMs);
        QFETCH(QString, text);
        TimelineModel model;
        model.setLog(lostUpdateTimelineLog());
        const TimelineModel::Snapshot snapshot = model.snapshot(false);
        QCOMPARE(LaneToolTip::forBar(model, snapshot, lane, origin + atMs * ms, ms / 4), text);
    }

private:
    TimelineModel m_model;
    TimelineModel::Snapshot m_snapshot;
};

QTEST_GUILESS_MAIN(TestLaneToolTip)
#include "tst_lanetooltip.moc"
