#include "results/resultwriter.h"

#include "i18n/translations.h"

#include "engine/eventlog.h"
#include "results/enginecomparison.h"
#include "python/cpythoncosts.h"
#include "results/lineorder.h"
#include "results/lostupdatefinder.h"
#include "results/runhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSysInfo>

#include <algorithm>

namespace ThreadLab {

namespace {

// With Starting's labelled variant ("starting-interpreter") where an interval's arg says so.
QString stateName(WorkerState s, std::uint32_t arg = 0)
{
    const std::string_view name = workerStateName(s, arg);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

QString listText(const std::vector<std::int64_t>& values)
{
    QStringList parts;
    for (const std::int64_t v : values)
        parts << QString::number(v);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QJsonArray listJson(const std::vector<std::int64_t>& values)
{
    QJsonArray a;
    for (const std::int64_t v : values)
        a.append(static_cast<qint64>(v));
    return a;
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

QJsonObject ResultWriter::observationsJson(const Observations& o)
{
    QJsonObject obs;
    if (o.parentList)
        obs.insert(QStringLiteral("parent_list"), listJson(*o.parentList));
    if (o.childLists) {
        QJsonObject lists;
        for (const auto& [name, list] : *o.childLists)
            lists.insert(name, listJson(list));
        obs.insert(QStringLiteral("child_lists"), lists);
    }
    if (o.childCounters) {
        QJsonObject counters;
        for (const auto& [name, counter] : *o.childCounters)
            counters.insert(name, static_cast<qint64>(counter));
        obs.insert(QStringLiteral("child_counters"), counters);
    }
    if (o.counter)
        obs.insert(QStringLiteral("counter"), static_cast<qint64>(*o.counter));
    if (o.counterExpected)
        obs.insert(QStringLiteral("counter_expected"), static_cast<qint64>(*o.counterExpected));
    if (const auto lost = o.updatesLost())
        obs.insert(QStringLiteral("updates_lost"), static_cast<qint64>(*lost));
    if (o.items) {
        obs.insert(QStringLiteral("items_expected"), o.items->expected);
        obs.insert(QStringLiteral("items_received"), o.items->received);
    }
    QJsonArray cutOff;
    for (const Observations::CutOff& c : o.cutOff)
        cutOff.append(QJsonObject {{QStringLiteral("name"), c.name}, {QStringLiteral("at_ms"), c.atMs}});
    if (!cutOff.isEmpty())
        obs.insert(QStringLiteral("cut_off"), cutOff);
    QJsonArray crashed;
    for (const Observations::Crash& c : o.crashed)
        crashed.append(QJsonObject {{QStringLiteral("name"), c.name}, {QStringLiteral("how"), c.how}});
    if (!crashed.isEmpty())
        obs.insert(QStringLiteral("crashed"), crashed);
    obs.insert(QStringLiteral("gil_switches"), static_cast<qint64>(o.gilSwitches));
    return obs;
}

// The run's GIL observation over its variants: observed only if every variant's was (else the
// first reason why not), at the lowest rate achieved, the highest cost and the latest ticks.
void ResultWriter::addGilObservation(QJsonObject& python, const std::vector<VariantResult>& variants)
{
    std::optional<GilObservation> worst;
    for (const VariantResult& v : variants) {
        if (!v.gilObservation)
            continue;
        const GilObservation& o = *v.gilObservation;
        if (!worst || (worst->observed && !o.observed)) {
            worst = o;
        } else if (o.observed && worst->observed) {
            worst->achievedHz = std::min(worst->achievedHz, o.achievedHz);
            worst->coreShare = std::max(worst->coreShare, o.coreShare);
            worst->latenessMeanMs = std::max(worst->latenessMeanMs, o.latenessMeanMs);
            worst->latenessP99Ms = std::max(worst->latenessP99Ms, o.latenessP99Ms);
        }
    }
    if (!worst)
        return;
    python.insert(QStringLiteral("gil_observed"), worst->observed);
    if (!worst->observed) {
        python.insert(QStringLiteral("gil_not_observed_reason"), worst->reason);
        return;
    }
    python.insert(QStringLiteral("gil_observation"),
                  QJsonObject {{QStringLiteral("rate_hz"), worst->rateHz},
                               {QStringLiteral("achieved_hz"), round3(worst->achievedHz)},
                               {QStringLiteral("core_share"), round3(worst->coreShare)},
                               {QStringLiteral("error_bound_ms"), round3(worst->errorBoundMs())},
                               {QStringLiteral("lateness_mean_ms"), round3(worst->latenessMeanMs)},
                               {QStringLiteral("lateness_p99_ms"), round3(worst->latenessP99Ms)}});
}

namespace {

// Two or three engines: each engine's variants as its own results JSON has them, each with its
// engine; its lesson verdict under "lessons"; the fidelity of every lesson ratio.
void addEngines(QJsonObject& root, const RunResult& run)
{
    QJsonArray variants;
    QJsonArray lessons;
    for (const RunResult& engineRun : run.engineRuns) {
        const QJsonObject one = ResultWriter::toJson(engineRun);
        for (const QJsonValue& v : one.value(QStringLiteral("variants")).toArray()) {
            QJsonObject jv = v.toObject();
            jv.insert(QStringLiteral("engine"), engineName(engineRun.settings.engine));
            variants.append(jv);
        }
        if (!engineRun.lesson)
            continue; // no check applies in this engine
        QJsonObject lesson = ResultWriter::lessonJson(*engineRun.lesson);
        lesson.insert(QStringLiteral("engine"), engineName(engineRun.settings.engine));
        lessons.append(lesson);
    }
    QJsonArray fidelity;
    for (const FidelityLine& f : run.fidelity) {
        QJsonObject jf {{QStringLiteral("check"), f.check}};
        for (const FidelityLine::Value& v : f.values)
            jf.insert(engineName(v.engine), v.value ? QJsonValue(round3(*v.value)) : QJsonValue());
        jf.insert(QStringLiteral("difference"), f.difference ? QJsonValue(round3(*f.difference)) : QJsonValue());
        fidelity.append(jf);
    }
    root.insert(QStringLiteral("variants"), variants);
    root.insert(QStringLiteral("lessons"), lessons);
    root.insert(QStringLiteral("fidelity"), fidelity);
}

} // namespace

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
    if (run.settings.modelCosts && run.settings.pythonModel())
        root.insert(QStringLiteral("model_costs"), run.settings.modelCosts->resultJson(run.settings.startMethod));
    if (run.python) {
        QJsonObject python {{QStringLiteral("path"), run.python->path},
                            {QStringLiteral("version"), run.python->version},
                            {QStringLiteral("gil_enabled"), run.python->gilEnabled},
                            {QStringLiteral("start_method"), run.python->startMethod},
                            {QStringLiteral("switch_interval_ms"), run.python->switchIntervalMs}};
        addGilObservation(python, run.variants);
        root.insert(QStringLiteral("python"), python);
    }
    if (!run.engineRuns.empty()) {
        QJsonArray engines;
        for (const RunResult& engineRun : run.engineRuns)
            engines.append(engineName(engineRun.settings.engine));
        root.insert(QStringLiteral("engines"), engines);
        addEngines(root, run);
        if (run.repeats > 1)
            root.insert(QStringLiteral("repeat"), run.repeats);
        return root;
    }
    QJsonArray variants;
    for (std::size_t vi = 0; vi < run.variants.size(); ++vi) {
        const VariantResult& v = run.variants[vi];
        QJsonObject jv;
        jv.insert(QStringLiteral("name"), v.name);
        jv.insert(QStringLiteral("mode"), variantModeName(v.mode));
        if (v.engine == EngineKind::CPython) { // the model's and native results keep their recorded form
            jv.insert(QStringLiteral("engine"), engineName(v.engine));
            jv.insert(QStringLiteral("python_loop_iterations_per_ms"), round3(v.loopIterationsPerMs));
        }
        jv.insert(QStringLiteral("gil"), v.gil);
        // The app's interpreter's, as its GIL strip counts them; CPython's only where observed.
        if (v.gil && v.gilHandOvers)
            jv.insert(QStringLiteral("gil_hand_overs"), static_cast<qint64>(*v.gilHandOvers));
        jv.insert(QStringLiteral("workers_count"), v.workerCount);
        jv.insert(QStringLiteral("elapsed_ms"), round3(v.elapsedMs));
        if (!v.elapsedRunsMs.empty()) {
            QJsonArray runs;
            for (const double ms : v.elapsedRunsMs)
                runs.append(round3(ms));
            jv.insert(QStringLiteral("elapsed_runs_ms"), runs);
            const auto [least, most] = std::minmax_element(v.elapsedRunsMs.begin(), v.elapsedRunsMs.end());
            jv.insert(QStringLiteral("elapsed_min_ms"), round3(*least));
            jv.insert(QStringLiteral("elapsed_max_ms"), round3(*most));
        }
        // A speedup only where the scenario's lesson compares the variant: elsewhere its time alone.
        if (RunHistory::compared(run, vi))
            jv.insert(QStringLiteral("speedup"), round3(RunHistory::speedup(run, vi)));
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
            jw.insert(QStringLiteral("outcome"), outcomeName(w.outcome));
            if (!w.outcomeDetail.isEmpty())
                jw.insert(QStringLiteral("outcome_detail"), w.outcomeDetail);
            jw.insert(QStringLiteral("start_latency_us"),
                      w.startLatencyUs >= 0 ? QJsonValue(round3(w.startLatencyUs)) : QJsonValue());
            QJsonArray intervals;
            for (const StateInterval& s : w.intervals)
                intervals.append(QJsonObject {{QStringLiteral("state"), stateName(s.state, s.arg)},
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
        jv.insert(QStringLiteral("observations"), observationsJson(v.observations));
        variants.append(jv);
    }
    root.insert(QStringLiteral("variants"), variants);
    if (run.repeats > 1)
        root.insert(QStringLiteral("repeat"), run.repeats);
    if (run.lesson)
        root.insert(QStringLiteral("lesson"), lessonJson(*run.lesson));
    return root;
}

QJsonObject ResultWriter::lessonJson(const LessonVerdict& lesson)
{
    QJsonArray checks;
    for (const LessonVerdict::Check& c : lesson.checks())
        checks.append(QJsonObject {{QStringLiteral("text"), c.text},
                                   {QStringLiteral("holds"), c.holds},
                                   {QStringLiteral("value"), c.value ? QJsonValue(round3(*c.value)) : QJsonValue()}});
    QJsonObject out {{QStringLiteral("holds"), lesson.holds()}, {QStringLiteral("checks"), checks}};
    if (!lesson.holds())
        out.insert(QStringLiteral("cause"), lesson.cause());
    const MachineLoad& load = lesson.load();
    out.insert(QStringLiteral("machine"),
               load.known() ? QJsonObject {{QStringLiteral("load_average"), round3(load.loadAverage())},
                                           {QStringLiteral("cores"), load.cores()},
                                           {QStringLiteral("steal_share"), round3(load.stealShare())},
                                           {QStringLiteral("other_share"), round3(load.otherShare())},
                                           {QStringLiteral("busy"), load.busy()}}
                            : QJsonValue());
    return out;
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
            // Empty where the scenario's lesson does not compare the variant.
            const QString speedup =
                RunHistory::compared(run, vi) ? QString::number(RunHistory::speedup(run, vi), 'f', 3) : QString();
            QStringList row {csvField(run.scenarioId), csvField(v.name), variantModeName(v.mode),
                             v.gil ? QStringLiteral("on") : QStringLiteral("off"),
                             QString::number(v.elapsedMs, 'f', 3), speedup,
                             csvField(w.name), laneKindName(w.kind),
                             w.daemon ? QStringLiteral("yes") : QStringLiteral("no"), outcomeName(w.outcome),
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
                                           {QStringLiteral("name"), stateName(s.state, s.arg)},
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
            if (w.outcome != WorkerOutcome::Finished && w.outcome != WorkerOutcome::Running)
                events.append(QJsonObject {{QStringLiteral("ph"), QStringLiteral("i")},
                                           {QStringLiteral("name"), outcomeName(w.outcome) + (w.outcomeDetail.isEmpty() ? QString()
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
    const Observations& o = v.observations;
    if (o.parentList)
        lines << tr("parent's list: %1").arg(listText(*o.parentList));
    if (o.childLists)
        for (const auto& [name, list] : *o.childLists)
            lines << tr("%1's own list: %2").arg(name, listText(list));
    if (o.counter && o.counterExpected) {
        QString line = tr("counter: %1 of %2").arg(*o.counter).arg(*o.counterExpected);
        if (*o.updatesLost() != 0)
            line += tr(" — %1 updates lost").arg(*o.updatesLost());
        lines << line;
        if (v.log) {
            // How one was lost, from the counter's reads and writes (logs recorded before them have none).
            if (const auto example = LostUpdateFinder::example(LostUpdateFinder::find(*v.log)))
                lines << tr("for example: %1").arg(LostUpdateFinder::sentence(*v.log, *example));
        }
    }
    if (o.items)
        lines << tr("received %1 of %2 items").arg(o.items->received).arg(o.items->expected);
    for (const Observations::CutOff& c : o.cutOff)
        lines << tr("daemon %1 cut off after %2 s").arg(c.name).arg(c.atMs / 1000.0, 0, 'f', 2);
    for (const Observations::Crash& c : o.crashed)
        lines << tr("%1 crashed: %2").arg(c.name, c.how);
    if (v.cancelled)
        lines << tr("cancelled");
    return lines;
}

QStringList ResultWriter::whatHappenedLines(const VariantResult& v)
{
    QStringList lines = observationLines(v);
    // Where the workers' lines interleave, the order they came out in is the story (C2);
    // elsewhere, with threads under the GIL, how often the GIL changed hands.
    const std::vector<int> order = LineOrder::of(v);
    if (LineOrder::interleaves(order))
        lines << LineOrder::sentence(v, order);
    else if (v.gil && v.mode == VariantMode::Threads && v.workerCount > 1) {
        // As the timeline's GIL strip counts them: from one thread to another (nothing without
        // a log: gilSwitches counts every acquisition, a different measure).
        if (v.gilHandOvers && *v.gilHandOvers > 0)
            lines << (v.engine == EngineKind::CPython ? tr("the GIL changed hands %1 times (observed)")
                                                      : tr("the GIL changed hands %1 times"))
                         .arg(*v.gilHandOvers);
    }
    return lines;
}

QString ResultWriter::elapsedCell(const VariantResult& v)
{
    QString cell = tr("%1 ms").arg(v.elapsedMs, 0, 'f', 1);
    if (v.elapsedRunsMs.size() > 1) {
        const auto [least, most] = std::minmax_element(v.elapsedRunsMs.begin(), v.elapsedRunsMs.end());
        cell += tr(" (%1–%2)").arg(*least, 0, 'f', 1).arg(*most, 0, 'f', 1);
    }
    return cell;
}

QString ResultWriter::summaryTable(const RunResult& run)
{
    if (!run.engineRuns.empty()) { // a table per engine, each with its verdict, then the fidelity
        QString out;
        for (const RunResult& engineRun : run.engineRuns)
            out += tr("Engine %1:\n").arg(engineTitle(engineRun.settings.engine)) + summaryTable(engineRun)
                + QLatin1Char('\n');
        if (const QStringList fidelity = EngineComparison::lines(run.fidelity); !fidelity.isEmpty())
            out += fidelity.join(QLatin1Char('\n')) + QLatin1Char('\n');
        return out;
    }
    struct Row
    {
        QString variant, mode, workers, elapsed, speedup, observations;
    };
    // The column keys stay English in every language: scripts read the table by them.
    std::vector<Row> rows {{QStringLiteral("variant"), QStringLiteral("mode"), QStringLiteral("workers"),
                            QStringLiteral("elapsed"), QStringLiteral("speedup"), QStringLiteral("observations")}};
    for (std::size_t i = 0; i < run.variants.size(); ++i) {
        const VariantResult& v = run.variants[i];
        rows.push_back({v.name, variantModeName(v.mode), QString::number(v.workerCount), elapsedCell(v),
                        RunHistory::speedup(run, i) > 0
                            ? tr("%1×").arg(RunHistory::speedup(run, i), 0, 'f', 2)
                            : QStringLiteral("—"), // undefined, or not a comparison the lesson makes
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
    const QString title = textIn(run.scenarioTitle, run.scenarioTitleTranslations, Translations::current());
    QString out = run.python ? tr("%1 — %2 (engine cpython: Python %3, %4, time scale %5, %6 cores)")
                                   .arg(run.scenarioId, title, run.python->version, run.python->startMethod)
                                   .arg(run.timeScale)
                                   .arg(run.cores)
                             : tr("%1 — %2 (GIL %3, time scale %4, %5 cores)")
                                   .arg(run.scenarioId, title, run.settings.gil ? tr("on") : tr("off"))
                                   .arg(run.timeScale)
                                   .arg(run.cores);
    if (run.repeats > 1)
        out += tr(", median of %1 runs (min–max)").arg(run.repeats);
    out += QLatin1Char('\n');
    for (const Row& r : rows)
        out += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(r.variant, -w[0])
                   .arg(r.mode, -w[1])
                   .arg(r.workers, w[2])
                   .arg(r.elapsed, w[3])
                   .arg(r.speedup, w[4])
                   .arg(r.observations);
    // Under the table (which scripts read from its first lines), above the verdict (its last).
    if (run.settings.modelCosts && run.settings.pythonModel())
        out += run.settings.modelCosts->summary(run.settings.startMethod) + QLatin1Char('\n');
    if (run.cancelled)
        out += tr("(run cancelled)\n");
    if (run.lesson)
        out += run.lesson->lines().join(QLatin1Char('\n')) + QLatin1Char('\n');
    return out;
}

bool ResultWriter::writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = tr("%1: cannot write the file: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ThreadLab
