#include "timeline/lanetooltip.h"

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "model/timelinemodel.h"

#include <QTest>

#include <memory>

using namespace ThreadLab;

namespace {

constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t origin = 5'000 * ms;

// Main joins a worker that prints and puts on a queue; a daemon process gets from the queue and
// is cut off when main ends; a late thread is still running.
std::shared_ptr<EventLog> makeLog()
{
    auto log = std::make_shared<EventLog>(origin);
    Lane* main = log->addLane({QStringLiteral("MainThread"), LaneKind::Main, false, {}});
    Lane* worker = log->addLane({QStringLiteral("Thread-1"), LaneKind::Thread, false, {}});
    Lane* daemon = log->addLane({QStringLiteral("Process-1"), LaneKind::Process, true, {}});
    Lane* late = log->addLane({QStringLiteral("Thread-2"), LaneKind::Thread, false, {}});
    main->appendState(WorkerState::Running, origin);
    main->appendState(WorkerState::WaitingJoin, origin + 10 * ms, 1);
    worker->appendState(WorkerState::Running, origin + 10 * ms);
    worker->appendOutput(origin + 20 * ms, "hello");
    worker->append(Event {origin + 30 * ms, EventKind::QueuePut, WorkerState::Running, 0, 0, 42});
    worker->appendState(WorkerState::Finished, origin + 50 * ms);
    main->appendState(WorkerState::Running, origin + 60 * ms);
    daemon->setPid(4242);
    daemon->appendState(WorkerState::Running, origin + 5 * ms);
    daemon->append(Event {origin + 40 * ms, EventKind::QueueGet, WorkerState::Running, 0, 1, 42});
    late->appendState(WorkerState::Running, origin + 90 * ms);
    main->appendState(WorkerState::Finished, origin + 100 * ms);
    daemon->appendState(WorkerState::Abandoned, origin + 100 * ms);
    daemon->setOutcomeDetail(QStringLiteral("main ended"));
    return log;
}

} // namespace

class TestLaneToolTip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_model.setLog(makeLog());
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

private:
    TimelineModel m_model;
    TimelineModel::Snapshot m_snapshot;
};

QTEST_GUILESS_MAIN(TestLaneToolTip)
#include "tst_lanetooltip.moc"
