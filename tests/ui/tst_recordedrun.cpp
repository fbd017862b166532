// Behaviour kept across restructurings: runs recorded once from real runs (tests/data/recorded)
// are turned into every export again, and each must match the golden file made from the same
// recording (tests/data/golden) byte for byte: results JSON, CSV, Perfetto trace, the summary
// table, and the timeline and elapsed-time pictures pixel for pixel.
//
//   THREADLAB_RECORD=1 tst_recordedrun    runs the scenarios for real and writes new recordings
//   THREADLAB_REGOLD=1 tst_recordedrun    writes new goldens from the recordings
// Both write into the source tree; commit them only when a change of picture or file is meant.

#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/lane.h"
#include "export/pictureexporter.h"
#include "results/resultwriter.h"
#include "results/runhistory.h"
#include "support/recording.h"
#include "support/sanitizers.h"
#include "scenario/scenariocatalog.h"
#include "results/variantresult.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ThreadLab;

namespace {

const QString kRecorded = QStringLiteral(THREADLAB_TEST_DATA "/recorded");
const QString kGolden = QStringLiteral(THREADLAB_TEST_DATA "/golden");

struct Recording
{
    const char* scenario;
    bool gil;
    int workers;
    double timeScale;
};

// Scenarios whose pictures hold every kind of mark: GIL waits, queue marks, crashes, cut-offs,
// a sweep, output lines, observations of every kind.
const Recording kRecordings[] = {
    {"cpu-bound", true, 0, 0.05},
    {"queue-ipc", true, 0, 0.05},
    {"race-condition", true, 0, 0.05},
    {"daemon", true, 0, 0.05},
    {"crash-isolation", true, 0, 0.05},
    {"cpu-scaling", false, 0, 0.03},
    {"memory-isolation", true, 0, 0.05},
};

RunResult runForReal(const Recording& r)
{
    Engine engine;
    QSignalSpy finished(&engine, &Engine::runFinished);
    RunSettings settings;
    settings.gil = r.gil;
    settings.workers = r.workers;
    settings.timeScale = r.timeScale;
    settings.seed = 7;
    engine.start(*ScenarioCatalog::builtin(QString::fromLatin1(r.scenario)), settings);
    if (!finished.wait(300'000))
        return {};
    return finished.takeFirst().at(0).value<RunResult>();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestRecordedRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_out.isValid());
        if (qEnvironmentVariableIntValue("THREADLAB_RECORD") != 1)
            return;
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QDir().mkpath(kRecorded);
        for (const Recording& r : kRecordings) {
            const RunResult run = runForReal(r);
            QVERIFY2(run.error.isEmpty() && !run.variants.empty(), r.scenario);
            const QByteArray json = QJsonDocument(recordingToJson(run)).toJson(QJsonDocument::Compact);
            QVERIFY(writeBytes(kRecorded + QLatin1Char('/') + QLatin1String(r.scenario) + QLatin1String(".json"), json));
        }
    }

    void recordingRoundTrips_data() { scenarios(); }
    void recordingRoundTrips()
    {
        QFETCH(QString, id);
        const QByteArray bytes = readBytes(kRecorded + QLatin1Char('/') + id + QLatin1String(".json"));
        QVERIFY2(!bytes.isEmpty(), qPrintable(id));
        const QJsonObject recorded = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(recordingToJson(recordingFromJson(recorded)), recorded);
    }

    void exportsMatchTheGoldens_data() { scenarios(); }
    void exportsMatchTheGoldens()
    {
        QFETCH(QString, id);
        const RunResult run = load(id);
        QVERIFY(!run.variants.empty());
        compareBytes(id + QLatin1String(".results.json"),
                     QJsonDocument(ResultWriter::toJson(run)).toJson(QJsonDocument::Indented));
        compareBytes(id + QLatin1String(".csv"), ResultWriter::toCsv(run));
        compareBytes(id + QLatin1String(".trace.json"), ResultWriter::toTrace(run));
        compareBytes(id + QLatin1String(".summary.txt"), ResultWriter::summaryTable(run).toUtf8());
    }

    void picturesMatchTheGoldens_data() { scenarios(); }
    void picturesMatchTheGoldens()
    {
        QFETCH(QString, id);
        const RunResult run = load(id);
        QVERIFY(!run.variants.empty());
        QString error;
        const QString timeline = m_out.filePath(id + QLatin1String(".timeline.png"));
        QVERIFY2(PictureExporter::exportRunTimelines(run, -1, timeline, &error), qPrintable(error));
        comparePicture(id + QLatin1String(".timeline.png"), timeline);
        RunHistory history;
        history.add(run);
        const QString elapsed = m_out.filePath(id + QLatin1String(".elapsed.png"));
        QVERIFY2(PictureExporter::exportElapsedChart(history, elapsed, &error), qPrintable(error));
        comparePicture(id + QLatin1String(".elapsed.png"), elapsed);
    }

private:
    static void scenarios()
    {
        QTest::addColumn<QString>("id");
        for (const Recording& r : kRecordings)
            QTest::newRow(r.scenario) << QString::fromLatin1(r.scenario);
    }

    static RunResult load(const QString& id)
    {
        const QByteArray bytes = readBytes(kRecorded + QLatin1Char('/') + id + QLatin1String(".json"));
        RunResult run = recordingFromJson(QJsonDocument::fromJson(bytes).object());
        // Recorded from the built-in scenario, before runs carried what their lesson compares:
        // attach it as a run of that scenario does (SeriesRunner).
        if (const std::optional<Scenario> scenario = ScenarioCatalog::builtin(id))
            run.meaningfulComparisons = RunHistory::meaningfulComparisons(*scenario);
        return run;
    }

    static bool regold() { return qEnvironmentVariableIntValue("THREADLAB_REGOLD") == 1; }

    void compareBytes(const QString& name, const QByteArray& actual)
    {
        const QString golden = kGolden + QLatin1Char('/') + name;
        if (regold()) {
            QDir().mkpath(kGolden);
            QVERIFY(writeBytes(golden, actual));
            return;
        }
        const QByteArray expected = readBytes(golden);
        QVERIFY2(!expected.isEmpty(), qPrintable(QStringLiteral("no golden file %1").arg(golden)));
        if (actual != expected) {
            const QString kept = m_out.filePath(name);
            writeBytes(kept, actual);
            m_out.setAutoRemove(false);
            QFAIL(qPrintable(QStringLiteral("%1 differs from its golden file; this run's is %2").arg(name, kept)));
        }
    }

    void comparePicture(const QString& name, const QString& actualPath)
    {
        const QString golden = kGolden + QLatin1Char('/') + name;
        if (regold()) {
            QDir().mkpath(kGolden);
            QFile::remove(golden);
            QVERIFY(QFile::copy(actualPath, golden));
            return;
        }
        const QImage expected(golden);
        QVERIFY2(!expected.isNull(), qPrintable(QStringLiteral("no golden picture %1").arg(golden)));
        const QImage actual = QImage(actualPath).convertToFormat(expected.format());
        if (actual != expected) {
            m_out.setAutoRemove(false);
            QFAIL(qPrintable(QStringLiteral("%1 differs from its golden picture (%2×%3 vs %4×%5); this run's is %6")
                                 .arg(name)
                                 .arg(actual.width())
                                 .arg(actual.height())
                                 .arg(expected.width())
                                 .arg(expected.height())
                                 .arg(actualPath)));
        }
    }

    QTemporaryDir m_out;
};

QTEST_MAIN(TestRecordedRun)
#include "tst_recordedrun.moc"
