#pragma once

// Recorded runs (tests/data/recorded): everything a RunResult holds, the event log's raw events
// included, as JSON and back. tst_recordedrun makes the exports of these; tst_lessonverdict
// checks the built-in scenarios' lessons on them.

#include "engine/eventlog.h"
#include "engine/lane.h"
#include "results/resultwriter.h"
#include "results/variantresult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace ThreadLab {

inline QJsonArray eventsOf(const Lane& lane)
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

inline QJsonObject workerToJson(const WorkerResult& w)
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
inline QJsonObject recordingToJson(const RunResult& run)
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

inline std::int64_t int64(const QJsonValue& v)
{
    return v.toString().toLongLong();
}

// Recordings hold mode, outcome and observations as the results JSON words them.
inline VariantMode modeFromName(const QString& name)
{
    for (const VariantMode m : {VariantMode::Sequential, VariantMode::Threads, VariantMode::Processes})
        if (variantModeName(m) == name)
            return m;
    qFatal("unknown mode %s in a recording", qPrintable(name));
}

inline WorkerOutcome outcomeFromName(const QString& name)
{
    for (const WorkerOutcome o : {WorkerOutcome::Running, WorkerOutcome::Finished, WorkerOutcome::Crashed,
                                  WorkerOutcome::Abandoned, WorkerOutcome::Cancelled})
        if (outcomeName(o) == name)
            return o;
    qFatal("unknown outcome %s in a recording", qPrintable(name));
}

inline std::vector<std::int64_t> listFromJson(const QJsonValue& value)
{
    std::vector<std::int64_t> list;
    for (const QJsonValue& v : value.toArray())
        list.push_back(v.toInteger());
    return list;
}

inline Observations observationsFromJson(const QJsonObject& o)
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

inline WorkerResult workerFromJson(const QJsonObject& o)
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

inline std::shared_ptr<const EventLog> logFromJson(const QJsonObject& variant)
{
    if (variant["originNs"].toString().isEmpty())
        return {};
    auto log = std::make_shared<EventLog>(int64(variant["originNs"]), variant["gil"].toBool());
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

inline RunResult recordingFromJson(const QJsonObject& o)
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
        v.setLog(logFromJson(vo));
        run.variants.push_back(std::move(v));
    }
    return run;
}

inline RunResult readRecording(const QString& path)
{
    QFile f(path);
    return recordingFromJson(QJsonDocument::fromJson(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray()).object());
}

} // namespace ThreadLab
