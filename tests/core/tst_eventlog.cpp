#include "engine/eventlog.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace ThreadLab;

class TestEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendAndReadAcrossChunks()
    {
        EventLog log(0);
        Lane* lane = log.addLane({QStringLiteral("w"), LaneKind::Thread, false, {}});
        const std::size_t n = 100'000; // crosses many chunk boundaries (256, 512, …)
        for (std::size_t i = 0; i < n; ++i)
            lane->append(Event {static_cast<std::int64_t>(i * 10), EventKind::State, WorkerState::Running, 0,
                                static_cast<std::uint32_t>(i), 0});
        QCOMPARE(lane->size(), n);
        for (std::size_t i = 0; i < n; i += 997)
            QCOMPARE(lane->at(i).arg, static_cast<std::uint32_t>(i));
        QCOMPARE(lane->at(n - 1).arg, static_cast<std::uint32_t>(n - 1));
        QCOMPARE(lane->lowerBound(55, n), std::size_t(6));
        QCOMPARE(lane->lowerBound(-1, n), std::size_t(0));
        QCOMPARE(lane->lowerBound(1'000'000'000, n), n);
        // At most 48 bytes per stored event, whatever the fill of the last chunk.
        QVERIFY(lane->memoryBytes() <= n * 48 + 4096);
    }

    void outputText()
    {
        EventLog log(0);
        Lane* lane = log.addLane({QStringLiteral("w"), LaneKind::Thread, false, {}});
        lane->appendOutput(5, "square: 4");
        QCOMPARE(lane->size(), std::size_t(1));
        QCOMPARE(lane->at(0).kind, EventKind::Output);
        QCOMPARE(lane->text(lane->at(0).arg), QStringLiteral("square: 4"));
    }

    void lanesKeepCreationOrderAndLimit()
    {
        EventLog log(0);
        for (int i = 0; i < EventLog::maxLanes; ++i)
            QVERIFY(log.addLane({QString::number(i), LaneKind::Thread, false, {}}));
        QVERIFY(!log.addLane({QStringLiteral("one too many"), LaneKind::Thread, false, {}}));
        QCOMPARE(log.laneCount(), EventLog::maxLanes);
        for (int i = 0; i < log.laneCount(); ++i) {
            QCOMPARE(log.lane(i)->id(), static_cast<std::uint32_t>(i));
            QCOMPARE(log.lane(i)->info().name, QString::number(i));
        }
    }

    // Writers on many threads (one lane each) while a reader takes snapshots: every event the
    // reader sees is complete and in order.
    void concurrentWritersAndReader()
    {
        EventLog log(0);
        const int writers = 4;
        const std::int64_t perWriter = 200'000;
        std::vector<Lane*> lanes;
        for (int w = 0; w < writers; ++w)
            lanes.push_back(log.addLane({QString::number(w), LaneKind::Thread, false, {}}));
        std::atomic<bool> go {false};
        std::vector<std::thread> threads;
        for (int w = 0; w < writers; ++w)
            threads.emplace_back([&, w] {
                while (!go.load())
                    std::this_thread::yield();
                for (std::int64_t i = 0; i < perWriter; ++i)
                    lanes[static_cast<std::size_t>(w)]->append(Event {i + 1, EventKind::State, WorkerState::Running, 0, 0, i * 3});
            });
        go = true;
        bool consistent = true;
        for (int pass = 0; pass < 200; ++pass) {
            for (Lane* lane : lanes) {
                const std::size_t n = lane->size();
                for (std::size_t i = n > 50 ? n - 50 : 0; i < n; ++i) {
                    const Event& e = lane->at(i);
                    consistent = consistent && e.tNs == static_cast<std::int64_t>(i) + 1 && e.value == e.tNs * 3 - 3;
                }
            }
        }
        for (auto& t : threads)
            t.join();
        QVERIFY(consistent);
        QCOMPARE(log.eventCount(), std::size_t(writers * perWriter));
        QCOMPARE(log.lastEventNs(), perWriter);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
