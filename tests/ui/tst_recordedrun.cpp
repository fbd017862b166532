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

QJsonArray eventsOf(const Lane& lane)
{
    QJsonArray events;
    for (std::size_t i = 0; i < lane.size(); ++i) {
        const Event& e = lane.at(i);
        QJsonArray row {QString::number(e.tNs), int(e.kind), int(e.state), qint64(e.arg), QString::number(e.value)};
        if (e.kind == EventKind::Output)
            row.append(lane.text(e.arg));
        events.append(row);
    }
    return events;
}

QJsonObject workerToJson(const WorkerResult& w)
{
    QJsonArray intervals;
    for (const StateInterval& s : w.intervals)
        intervals.append(QJsonArray {int(s.state), s.startMs, s.endMs, qint64(s.arg)});
    QJsonArray output;
    for (const OutputLine& o : w.output)
        output.append(QJsonArray {o.tMs, o.text});
    return {{"name", w.name},       {"kind", int(w.kind)},
            {"daemon", w.daemon},   {"style", w.style},
            {"outcome", outcomeName(w.outcome)}, {"outcomeDetail", w.outcomeDetail},
            {"startLatencyUs", w.startLatencyUs}, {"pid", w.pid},
            {"endMs", w.endMs},     {"intervals", intervals},
            {"output", output}};
}

// Everything a RunResult holds, the event log's raw events included.
QJsonObject recordingToJson(const RunResult& run)
{
    QJsonArray variants;
    for (const VariantResult& v : run.variants) {
        QJsonArray workers;
        for (const WorkerResult& w : v.workers)
            workers.append(workerToJson(w));
        QJsonArray lanes;
        for (int i = 0; v.log && i < v.log->laneCount(); ++i) {
            const Lane& lane = *v.log->lane(i);
            lanes.append(QJsonObject {{"name", lane.info().name},
                                      {"kind", int(lane.info().kind)},
                                      {"daemon", lane.info().daemon},
                                      {"style", lane.info().style},
                                      {"pid", qint64(lane.pid())},
                                      {"outcomeDetail", lane.outcomeDetail()},
                                      {"events", eventsOf(lane)}});
        }
        variants.append(QJsonObject {{"name", v.name},
                                     {"mode", variantModeName(v.mode)},
                                     {"gil", v.gil},
                                     {"switchIntervalMs", v.switchIntervalMs},
                                     {"timeScale", v.timeScale},
                                     {"workerCount", v.workerCount},
                                     {"sweepWorkers", v.sweepWorkers},
                                     {"elapsedMs", v.elapsedMs},
                                     {"cancelled", v.cancelled},
                                     {"observations", ResultWriter::observationsJson(v.observations)},
                                     {"originNs", v.log ? QString::number(v.log->originNs()) : QString()},
                                     {"workers", workers},
                                     {"lanes", lanes}});
    }
    return {{"scenarioId", run.scenarioId},
            {"scenarioTitle", run.scenarioTitle},
            {"settings",
             QJsonObject {{"workers", run.settings.workers},
                          {"gil", run.settings.gil},
                          {"switchIntervalMs", run.settings.switchIntervalMs},
                          {"timeScale", run.settings.timeScale},
                          {"seed", QString::number(run.settings.seed)},
                          {"variants", QJsonArray::fromStringList(run.settings.variants)}}},
            {"timeScale", run.timeScale},
            {"cores", run.cores},
            {"cancelled", run.cancelled},
            {"variants", variants}};
}

std::int64_t int64(const QJsonValue& v)
{
    return v.toString().toLongLong();
}

// Recordings hold mode, outcome and observations as the results JSON words them.
VariantMode modeFromName(const QString& name)
{
    for (const VariantMode m : {VariantMode::Sequential, VariantMode::Threads, VariantMode::Processes})
        if (variantModeName(m) == name)
            return m;
    qFatal("unknown mode %s in a recording", qPrintable(name));
}

WorkerOutcome outcomeFromName(const QString& name)
{
    for (const WorkerOutcome o : {WorkerOutcome::Running, WorkerOutcome::Finished, WorkerOutcome::Crashed,
                                  WorkerOutcome::Abandoned, WorkerOutcome::Cancelled})
        if (outcomeName(o) == name)
            return o;
    qFatal("unknown outcome %s in a recording", qPrintable(name));
}

std::vector<std::int64_t> listFromJson(const QJsonValue& value)
{
    std::vector<std::int64_t> list;
    for (const QJsonValue& v : value.toArray())
        list.push_back(v.toInteger());
    return list;
}

Observations observationsFromJson(const QJsonObject& o)
{
    Observations obs;
    if (o.contains("parent_list"))
        obs.parentList = listFromJson(o["parent_list"]);
    if (o.contains("child_lists")) {
        obs.childLists.emplace();
        const QJsonObject lists = o["child_lists"].toObject();
        for (auto it = lists.begin(); it != lists.end(); ++it)
            obs.childLists->emplace(it.key(), listFromJson(it.value()));
    }
    if (o.contains("child_counters")) {
        obs.childCounters.emplace();
        const QJsonObject counters = o["child_counters"].toObject();
        for (auto it = counters.begin(); it != counters.end(); ++it)
            obs.childCounters->emplace(it.key(), it.value().toInteger());
    }
    if (o.contains("counter"))
        obs.counter = o["counter"].toInteger();
    if (o.contains("counter_expected"))
        obs.counterExpected = o["counter_expected"].toInteger();
    if (o.contains("items_expected"))
        obs.items = Observations::QueueItems {o["items_expected"].toInt(), o["items_received"].toInt()};
    for (const QJsonValue& c : o["cut_off"].toArray())
        obs.cutOff.push_back({c["name"].toString(), c["at_ms"].toDouble()});
    for (const QJsonValue& c : o["crashed"].toArray())
        obs.crashed.push_back({c["name"].toString(), c["how"].toString()});
    obs.gilSwitches = o["gil_switches"].toInteger();
    return obs;
}

WorkerResult workerFromJson(const QJsonObject& o)
{
    WorkerResult w;
    w.name = o["name"].toString();
    w.kind = static_cast<LaneKind>(o["kind"].toInt());
    w.daemon = o["daemon"].toBool();
    w.style = o["style"].toString();
    w.outcome = outcomeFromName(o["outcome"].toString());
    w.outcomeDetail = o["outcomeDetail"].toString();
    w.startLatencyUs = o["startLatencyUs"].toDouble();
    w.pid = o["pid"].toInteger();
    w.endMs = o["endMs"].toDouble();
    for (const QJsonValue& s : o["intervals"].toArray()) {
        const QJsonArray a = s.toArray();
        w.intervals.push_back({static_cast<WorkerState>(a[0].toInt()), a[1].toDouble(), a[2].toDouble(),
                               static_cast<std::uint32_t>(a[3].toInteger())});
    }
    for (const QJsonValue& line : o["output"].toArray())
        w.output.push_back({line.toArray()[0].toDouble(), line.toArray()[1].toString()});
    return w;
}

std::shared_ptr<const EventLog> logFromJson(const QJsonObject& variant)
{
    if (variant["originNs"].toString().isEmpty())
        return {};
    auto log = std::make_shared<EventLog>(int64(variant["originNs"]));
    for (const QJsonValue& l : variant["lanes"].toArray()) {
        const QJsonObject o = l.toObject();
        Lane* lane = log->addLane(LaneInfo {o["name"].toString(), static_cast<LaneKind>(o["kind"].toInt()),
                                            o["daemon"].toBool(), o["style"].toString()});
        lane->setPid(o["pid"].toInteger());
        if (!o["outcomeDetail"].toString().isEmpty())
            lane->setOutcomeDetail(o["outcomeDetail"].toString());
        for (const QJsonValue& ev : o["events"].toArray()) {
            const QJsonArray a = ev.toArray();
            const auto kind = static_cast<EventKind>(a[1].toInt());
            if (kind == EventKind::Output) {
                lane->appendOutput(int64(a[0]), a[5].toString().toStdString());
                continue;
            }
            lane->append(Event {int64(a[0]), kind, static_cast<WorkerState>(a[2].toInt()), 0,
                                static_cast<std::uint32_t>(a[3].toInteger()), int64(a[4])});
        }
    }
    return log;
}

RunResult recordingFromJson(const QJsonObject& o)
{
    RunResult run;
    run.scenarioId = o["scenarioId"].toString();
    run.scenarioTitle = o["scenarioTitle"].toString();
    const QJsonObject s = o["settings"].toObject();
    run.settings.workers = s["workers"].toInt();
    run.settings.gil = s["gil"].toBool();
    run.settings.switchIntervalMs = s["switchIntervalMs"].toInt();
    run.settings.timeScale = s["timeScale"].toDouble();
    run.settings.seed = s["seed"].toString().toULongLong();
    for (const QJsonValue& name : s["variants"].toArray())
        run.settings.variants << name.toString();
    run.timeScale = o["timeScale"].toDouble();
    run.cores = o["cores"].toInt();
    run.cancelled = o["cancelled"].toBool();
    for (const QJsonValue& value : o["variants"].toArray()) {
        const QJsonObject vo = value.toObject();
        VariantResult v;
        v.name = vo["name"].toString();
        v.mode = modeFromName(vo["mode"].toString());
        v.gil = vo["gil"].toBool();
        v.switchIntervalMs = vo["switchIntervalMs"].toInt();
        v.timeScale = vo["timeScale"].toDouble();
        v.workerCount = vo["workerCount"].toInt();
        v.sweepWorkers = vo["sweepWorkers"].toInt();
        v.elapsedMs = vo["elapsedMs"].toDouble();
        v.cancelled = vo["cancelled"].toBool();
        v.observations = observationsFromJson(vo["observations"].toObject());
        for (const QJsonValue& w : vo["workers"].toArray())
            v.workers.push_back(workerFromJson(w.toObject()));
        v.log = logFromJson(vo);
        run.variants.push_back(std::move(v));
    }
    return run;
}

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
        return recordingFromJson(QJsonDocument::fromJson(bytes).object());
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
