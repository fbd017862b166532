#include "results/resultwriter.h"

#include "engine/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSysInfo>

#include <algorithm>

namespace ThreadLab {

namespace {

QString stateName(WorkerState s)
{
    return QString::fromLatin1(workerStateName(s).data(), static_cast<qsizetype>(workerStateName(s).size()));
}

QString listText(const QJsonArray& a)
{
    QStringList parts;
    for (const QJsonValue& v : a)
        parts << QString::number(v.toInteger());
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

} // namespace

double ResultWriter::speedup(const RunResult& run, std::size_t variantIndex)
{
    if (run.variants.empty() || variantIndex >= run.variants.size() || run.variants[variantIndex].elapsedMs <= 0)
        return 0;
    return run.variants.front().elapsedMs / run.variants[variantIndex].elapsedMs;
}

QJsonObject ResultWriter::toJson(const RunResult& run)
{
    QJsonObject root;
    root.insert(QStringLiteral("scenario"), run.scenarioId);
    root.insert(QStringLiteral("title"), run.scenarioTitle);
    root.insert(QStringLiteral("cores"), run.cores);
    root.insert(QStringLiteral("machine"), QSysInfo::prettyProductName());
    root.insert(QStringLiteral("gil"), run.settings.gil);
    root.insert(QStringLiteral("switch_interval_ms"), run.settings.switchIntervalMs);
    root.insert(QStringLiteral("time_scale"), run.timeScale);
    root.insert(QStringLiteral("seed"), QString::number(run.settings.seed));
    root.insert(QStringLiteral("cancelled"), run.cancelled);
    QJsonArray variants;
    for (std::size_t vi = 0; vi < run.variants.size(); ++vi) {
        const VariantResult& v = run.variants[vi];
        QJsonObject jv;
        jv.insert(QStringLiteral("name"), v.name);
        jv.insert(QStringLiteral("mode"), v.mode);
        jv.insert(QStringLiteral("gil"), v.gil);
        jv.insert(QStringLiteral("workers_count"), v.workerCount);
        jv.insert(QStringLiteral("elapsed_ms"), round3(v.elapsedMs));
        jv.insert(QStringLiteral("speedup"), round3(speedup(run, vi)));
        jv.insert(QStringLiteral("cancelled"), v.cancelled);
        QJsonArray workers;
        for (const WorkerResult& w : v.workers) {
            QJsonObject jw;
            jw.insert(QStringLiteral("name"), w.name);
            jw.insert(QStringLiteral("kind"), laneKindName(w.kind));
            jw.insert(QStringLiteral("daemon"), w.daemon);
            if (!w.style.isEmpty())
                jw.insert(QStringLiteral("style"), w.style);
            jw.insert(QStringLiteral("pid"), w.pid);
            jw.insert(QStringLiteral("outcome"), w.outcome);
            if (!w.outcomeDetail.isEmpty())
                jw.insert(QStringLiteral("outcome_detail"), w.outcomeDetail);
            jw.insert(QStringLiteral("start_latency_us"),
                      w.startLatencyUs >= 0 ? QJsonValue(round3(w.startLatencyUs)) : QJsonValue());
            QJsonArray intervals;
            for (const StateInterval& s : w.intervals)
                intervals.append(QJsonObject {{QStringLiteral("state"), stateName(s.state)},
                                              {QStringLiteral("start_ms"), round3(s.startMs)},
                                              {QStringLiteral("end_ms"), round3(s.endMs)}});
            jw.insert(QStringLiteral("intervals"), intervals);
            QJsonArray output;
            for (const OutputLine& o : w.output)
                output.append(QJsonObject {{QStringLiteral("t_ms"), round3(o.tMs)}, {QStringLiteral("text"), o.text}});
            jw.insert(QStringLiteral("output"), output);
            workers.append(jw);
        }
        jv.insert(QStringLiteral("workers"), workers);
        jv.insert(QStringLiteral("observations"), v.observations);
        variants.append(jv);
    }
    root.insert(QStringLiteral("variants"), variants);
    return root;
}

QByteArray ResultWriter::toCsv(const RunResult& run)
{
    QStringList states;
    for (int s = 0; s < workerStateCount; ++s)
        if (!isTerminal(static_cast<WorkerState>(s)))
            states << stateName(static_cast<WorkerState>(s)) + QStringLiteral("_ms");
    QString out = QStringLiteral("scenario,variant,mode,gil,elapsed_ms,speedup,worker,kind,daemon,outcome,"
                                 "start_latency_us,")
        + states.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (std::size_t vi = 0; vi < run.variants.size(); ++vi) {
        const VariantResult& v = run.variants[vi];
        for (const WorkerResult& w : v.workers) {
            double perState[workerStateCount] = {};
            for (const StateInterval& s : w.intervals)
                perState[static_cast<int>(s.state)] += s.endMs - s.startMs;
            QStringList row {csvField(run.scenarioId), csvField(v.name), v.mode,
                             v.gil ? QStringLiteral("on") : QStringLiteral("off"),
                             QString::number(v.elapsedMs, 'f', 3), QString::number(speedup(run, vi), 'f', 3),
                             csvField(w.name), laneKindName(w.kind),
                             w.daemon ? QStringLiteral("yes") : QStringLiteral("no"), w.outcome,
                             w.startLatencyUs >= 0 ? QString::number(w.startLatencyUs, 'f', 1) : QString()};
            for (int s = 0; s < workerStateCount; ++s)
                if (!isTerminal(static_cast<WorkerState>(s)))
                    row << QString::number(perState[s], 'f', 3);
            out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

QByteArray ResultWriter::toTrace(const RunResult& run)
{
    // Chrome Trace Event format: one "process" per variant, one tid per lane, an X slice per
    // state interval, output lines and queue put/get as instant events. Times in µs from the
    // first variant's start, so variants follow each other as they ran.
    QJsonArray events;
    const std::int64_t runOrigin = run.variants.empty() || !run.variants.front().log ? 0
                                                                                     : run.variants.front().log->originNs();
    for (std::size_t vi = 0; vi < run.variants.size(); ++vi) {
        const VariantResult& v = run.variants[vi];
        const int pid = static_cast<int>(vi) + 1;
        const double offsetUs = v.log ? static_cast<double>(v.log->originNs() - runOrigin) / 1e3 : 0;
        events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("M")},
                                   {QStringLiteral("name"), QStringLiteral("process_name")},
                                   {QStringLiteral("pid"), pid},
                                   {QStringLiteral("tid"), 0},
                                   {QStringLiteral("args"), QJsonObject {{QStringLiteral("name"),
                                                                           run.scenarioId + QStringLiteral(": ") + v.name}}}});
        for (std::size_t wi = 0; wi < v.workers.size(); ++wi) {
            const WorkerResult& w = v.workers[wi];
            const int tid = static_cast<int>(wi) + 1;
            QString label = w.name + QStringLiteral(" (") + laneKindName(w.kind);
            if (w.daemon)
                label += QStringLiteral(", daemon");
            label += QLatin1Char(')');
            events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("M")},
                                       {QStringLiteral("name"), QStringLiteral("thread_name")},
                                       {QStringLiteral("pid"), pid},
                                       {QStringLiteral("tid"), tid},
                                       {QStringLiteral("args"), QJsonObject {{QStringLiteral("name"), label}}}});
            events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("M")},
                                       {QStringLiteral("name"), QStringLiteral("thread_sort_index")},
                                       {QStringLiteral("pid"), pid},
                                       {QStringLiteral("tid"), tid},
                                       {QStringLiteral("args"), QJsonObject {{QStringLiteral("sort_index"), tid}}}});
            for (const StateInterval& s : w.intervals)
                events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("X")},
                                           {QStringLiteral("name"), stateName(s.state)},
                                           {QStringLiteral("cat"), QStringLiteral("state")},
                                           {QStringLiteral("pid"), pid},
                                           {QStringLiteral("tid"), tid},
                                           {QStringLiteral("ts"), offsetUs + s.startMs * 1e3},
                                           {QStringLiteral("dur"), std::max(0.0, (s.endMs - s.startMs) * 1e3)}});
            for (const OutputLine& o : w.output)
                events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("i")},
                                           {QStringLiteral("name"), o.text},
                                           {QStringLiteral("cat"), QStringLiteral("output")},
                                           {QStringLiteral("s"), QStringLiteral("t")},
                                           {QStringLiteral("pid"), pid},
                                           {QStringLiteral("tid"), tid},
                                           {QStringLiteral("ts"), offsetUs + o.tMs * 1e3}});
            if (w.outcome != QLatin1String("finished") && w.outcome != QLatin1String("running"))
                events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("i")},
                                           {QStringLiteral("name"), w.outcome + (w.outcomeDetail.isEmpty() ? QString()
                                                                                 : QStringLiteral(": ") + w.outcomeDetail)},
                                           {QStringLiteral("cat"), QStringLiteral("outcome")},
                                           {QStringLiteral("s"), QStringLiteral("t")},
                                           {QStringLiteral("pid"), pid},
                                           {QStringLiteral("tid"), tid},
                                           {QStringLiteral("ts"), offsetUs + w.endMs * 1e3}});
        }
        // Queue traffic straight from the log: puts on the sender's lane, gets on main's.
        if (v.log) {
            for (int li = 0; li < v.log->laneCount(); ++li) {
                const Lane* lane = v.log->lane(li);
                for (std::size_t i = 0; i < lane->size(); ++i) {
                    const Event& e = lane->at(i);
                    if (e.kind != EventKind::QueuePut && e.kind != EventKind::QueueGet)
                        continue;
                    const bool put = e.kind == EventKind::QueuePut;
                    events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("i")},
                                               {QStringLiteral("name"), (put ? QStringLiteral("put ") : QStringLiteral("get "))
                                                                             + QString::number(e.value)},
                                               {QStringLiteral("cat"), QStringLiteral("queue")},
                                               {QStringLiteral("s"), QStringLiteral("t")},
                                               {QStringLiteral("pid"), pid},
                                               {QStringLiteral("tid"), li + 1},
                                               {QStringLiteral("ts"), offsetUs + static_cast<double>(e.tNs - v.log->originNs()) / 1e3}});
                }
            }
        }
    }
    QJsonObject root;
    root.insert(QStringLiteral("traceEvents"), events);
    root.insert(QStringLiteral("displayTimeUnit"), QStringLiteral("ms"));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QStringList ResultWriter::observationLines(const VariantResult& v)
{
    QStringList lines;
    const QJsonObject& o = v.observations;
    if (o.contains(QStringLiteral("parent_list")))
        lines << QStringLiteral("parent's list: ") + listText(o.value(QStringLiteral("parent_list")).toArray());
    if (o.contains(QStringLiteral("child_lists"))) {
        const QJsonObject lists = o.value(QStringLiteral("child_lists")).toObject();
        for (auto it = lists.begin(); it != lists.end(); ++it)
            lines << QStringLiteral("%1's own list: %2").arg(it.key(), listText(it.value().toArray()));
    }
    if (o.contains(QStringLiteral("counter_expected"))) {
        const qint64 counter = o.value(QStringLiteral("counter")).toInteger();
        const qint64 expected = o.value(QStringLiteral("counter_expected")).toInteger();
        QString line = QStringLiteral("counter: %1 of %2").arg(counter).arg(expected);
        if (counter != expected)
            line += QStringLiteral(" — %1 updates lost").arg(expected - counter);
        lines << line;
    }
    if (o.contains(QStringLiteral("items_expected")))
        lines << QStringLiteral("received %1 of %2 items")
                     .arg(o.value(QStringLiteral("items_received")).toInt())
                     .arg(o.value(QStringLiteral("items_expected")).toInt());
    for (const QJsonValue& c : o.value(QStringLiteral("cut_off")).toArray())
        lines << QStringLiteral("daemon %1 cut off after %2 s")
                     .arg(c.toObject().value(QStringLiteral("name")).toString())
                     .arg(c.toObject().value(QStringLiteral("at_ms")).toDouble() / 1000.0, 0, 'f', 2);
    for (const QJsonValue& c : o.value(QStringLiteral("crashed")).toArray())
        lines << QStringLiteral("%1 crashed: %2")
                     .arg(c.toObject().value(QStringLiteral("name")).toString(),
                          c.toObject().value(QStringLiteral("how")).toString());
    if (v.cancelled)
        lines << QStringLiteral("cancelled");
    return lines;
}

QString ResultWriter::summaryTable(const RunResult& run)
{
    struct Row
    {
        QString variant, mode, workers, elapsed, speedup, observations;
    };
    std::vector<Row> rows {{QStringLiteral("variant"), QStringLiteral("mode"), QStringLiteral("workers"),
                            QStringLiteral("elapsed"), QStringLiteral("speedup"), QStringLiteral("observations")}};
    for (std::size_t i = 0; i < run.variants.size(); ++i) {
        const VariantResult& v = run.variants[i];
        rows.push_back({v.name, v.mode, QString::number(v.workerCount),
                        QStringLiteral("%1 ms").arg(v.elapsedMs, 0, 'f', 1),
                        QStringLiteral("%1×").arg(speedup(run, i), 0, 'f', 2),
                        observationLines(v).join(QStringLiteral("; "))});
    }
    int w[5] = {};
    for (const Row& r : rows) {
        w[0] = std::max(w[0], int(r.variant.size()));
        w[1] = std::max(w[1], int(r.mode.size()));
        w[2] = std::max(w[2], int(r.workers.size()));
        w[3] = std::max(w[3], int(r.elapsed.size()));
        w[4] = std::max(w[4], int(r.speedup.size()));
    }
    QString out = QStringLiteral("%1 — %2 (GIL %3, time scale %4, %5 cores)\n")
                      .arg(run.scenarioId, run.scenarioTitle, run.settings.gil ? QStringLiteral("on") : QStringLiteral("off"))
                      .arg(run.timeScale)
                      .arg(run.cores);
    for (const Row& r : rows)
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(r.variant, -w[0])
                   .arg(r.mode, -w[1])
                   .arg(r.workers, w[2])
                   .arg(r.elapsed, w[3])
                   .arg(r.speedup, w[4])
                   .arg(r.observations);
    if (run.cancelled)
        out += QStringLiteral("(run cancelled)\n");
    return out;
}

bool ResultWriter::writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write the file: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ThreadLab
