#include "support/fakeworkerrun.h"
#include "tasks/monoclock.h"
#include "support/sanitizers.h"

#include <QTest>

#include <atomic>
#include <cstdlib>
#include <thread>
#include <vector>

using namespace ThreadLab;

class TestMonoClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mappingRoundTrips()
    {
        const MonoClock::Mapping tsc {123456789, 987654321, std::uint64_t(1) << 31}; // a 2 GHz TSC
        MonoClock::Mapping back;
        QVERIFY(MonoClock::Mapping::parse(tsc.encode().c_str(), back));
        QCOMPARE(back.baseTsc, tsc.baseTsc);
        QCOMPARE(back.baseNs, tsc.baseNs);
        QCOMPARE(back.mult, tsc.mult);
        QVERIFY(back.usesTsc());

        QVERIFY(MonoClock::Mapping::parse("steady", back));
        QVERIFY(!back.usesTsc());
        QCOMPARE(MonoClock::Mapping {}.encode(), std::string("steady"));
    }

    void malformedMappingsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("unknown clock") << QByteArray("hpet 1 2 3");
        QTest::newRow("missing field") << QByteArray("tsc 1 2");
        QTest::newRow("not a number") << QByteArray("tsc 1 two 2147483648");
        QTest::newRow("trailing junk") << QByteArray("tsc 1 2 2147483648 x");
        QTest::newRow("rate of 100 GHz") << QByteArray("tsc 1 2 42949672");
        QTest::newRow("rate of 10 MHz") << QByteArray("tsc 1 2 429496729600");
        QTest::newRow("negative base") << QByteArray("tsc -1 2 2147483648");
    }
    void malformedMappingsAreRefused()
    {
        QFETCH(QByteArray, text);
        MonoClock::Mapping m {1, 2, 3};
        QVERIFY(!MonoClock::Mapping::parse(text.constData(), m));
        QCOMPARE(m.mult, std::uint64_t(3)); // untouched
    }

    // The mapping is anchored on CLOCK_MONOTONIC and runs at its rate: readings stay close to
    // it (a wrong base or rate would be off by seconds, or drift visibly over 50 ms).
    void readsOnTheScaleOfTheMonotonicClock()
    {
        for (int i = 0; i < 6; ++i) {
            const std::int64_t steadyBefore = MonoClock::steadyNs();
            const std::int64_t mono = MonoClock::nowNs();
            const std::int64_t steadyAfter = MonoClock::steadyNs();
            QVERIFY2(mono > steadyBefore - 1'000'000 && mono < steadyAfter + 1'000'000,
                     qPrintable(QStringLiteral("MonoClock %1 ns, CLOCK_MONOTONIC %2 ns")
                                    .arg(mono)
                                    .arg(steadyBefore)));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    // Never backwards on one thread, nor between threads: what one thread reads after another
    // published its reading is not earlier (a TSC out of step between cores would fail here).
    void neverRunsBackwardsWithinOrAcrossThreads()
    {
        constexpr int kThreads = 4;
        constexpr int kRounds = 500'000;
        std::atomic<std::int64_t> lastPublished {0};
        std::atomic<int> backwards {0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&] {
                std::int64_t mine = 0;
                for (int i = 0; i < kRounds; ++i) {
                    const std::int64_t seen = lastPublished.load(std::memory_order_acquire);
                    const std::int64_t now = MonoClock::nowNs();
                    if (now < mine || now < seen)
                        backwards.fetch_add(1, std::memory_order_relaxed);
                    mine = now;
                    std::int64_t expected = seen;
                    while (expected < now
                           && !lastPublished.compare_exchange_weak(expected, now, std::memory_order_release))
                    {
                    }
                }
            });
        }
        for (std::thread& t : threads)
            t.join();
        QCOMPARE(backwards.load(), 0);
    }

    // A child reads the parent's clock: it is handed the parent's mapping, exactly.
    void childrenAreHandedTheParentsMapping()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        const RunResult r = runWithWorkerProgram(fakeWorkerScenario({QStringLiteral("clock")}),
                                                 QStringLiteral(THREADLAB_BIN_DIR "/threadlab-fakeworker"));
        QCOMPARE(r.variants.size(), std::size_t(1));
        const VariantResult& variant = r.variants.front();
        QCOMPARE(variant.workers.size(), std::size_t(2));
        const WorkerResult& child = variant.workers.back();
        QCOMPARE(child.outcome, WorkerOutcome::Finished);
        QCOMPARE(child.output.size(), std::size_t(1));
        QCOMPARE(child.output.front().text, QString::fromStdString(MonoClock::mapping().encode()));
    }
};

QTEST_GUILESS_MAIN(TestMonoClock)
#include "tst_monoclock.moc"
