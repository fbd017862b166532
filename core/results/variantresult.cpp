#include "results/variantresult.h"

#include "engine/eventlog.h"
#include "engine/gilholders.h"

#include <QCoreApplication>

#include <cmath>

namespace ThreadLab {

void VariantResult::setLog(std::shared_ptr<const EventLog> eventLog)
{
    log = std::move(eventLog);
    gilHandOvers.reset();
    if (!log || !log->gilEnabled())
        return;
    // Real CPython's hand-overs are counted only where its GIL was observed: its lanes' running
    // states say nothing of who held the lock.
    if (engine == EngineKind::CPython && !log->observedGil())
        return;
    const GilHolders holders = GilHolders::ofApp(*log);
    gilHandOvers = holders.handOvers();
    if (engine == EngineKind::CPython)
        splitRunningAtOtherHolds(holders);
}

void VariantResult::splitRunningAtOtherHolds(const GilHolders& holders)
{
    const std::int64_t originNs = log->originNs();
    auto ns = [originNs](double ms) { return originNs + std::llround(ms * 1e6); };
    auto ms = [originNs](std::int64_t t) { return static_cast<double>(t - originNs) / 1e6; };
    for (const int lane : holders.lanes()) {
        if (lane < 0 || static_cast<std::size_t>(lane) >= workers.size())
            continue;
        std::vector<StateInterval> split;
        for (const StateInterval& s : workers[static_cast<std::size_t>(lane)].intervals) {
            if (s.state != WorkerState::Running) {
                split.push_back(s);
                continue;
            }
            holders.splitRunning(lane, ns(s.startMs), ns(s.endMs),
                                 [&split, &s, &ms](std::int64_t from, std::int64_t to, bool waiting) {
                                     StateInterval piece = s;
                                     piece.state = waiting ? WorkerState::WaitingGil : WorkerState::Running;
                                     piece.arg = waiting ? 0 : s.arg;
                                     piece.startMs = ms(from);
                                     piece.endMs = ms(to);
                                     split.push_back(piece);
                                 });
        }
        workers[static_cast<std::size_t>(lane)].intervals = std::move(split);
    }
}

QString engineName(EngineKind engine)
{
    switch (engine) {
    case EngineKind::Model: return QStringLiteral("model");
    case EngineKind::CPython: return QStringLiteral("cpython");
    case EngineKind::Native: return QStringLiteral("native");
    }
    return QStringLiteral("model");
}

QString engineTitle(EngineKind engine)
{
    switch (engine) {
    case EngineKind::Model: return QCoreApplication::translate("Engine", "model");
    case EngineKind::CPython: return QCoreApplication::translate("Engine", "CPython");
    case EngineKind::Native: return QCoreApplication::translate("Engine", "native");
    }
    return QCoreApplication::translate("Engine", "model");
}

QString laneKindName(LaneKind kind)
{
    switch (kind) {
    case LaneKind::Main: return QStringLiteral("main");
    case LaneKind::Thread: return QStringLiteral("thread");
    case LaneKind::Process: return QStringLiteral("process");
    }
    return {};
}

WorkerOutcome outcomeOf(WorkerState terminal)
{
    return isTerminal(terminal) ? static_cast<WorkerOutcome>(terminal) : WorkerOutcome::Running;
}

QString outcomeName(WorkerOutcome outcome)
{
    const std::string_view name = workerStateName(static_cast<WorkerState>(outcome));
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

WorkerResult WorkerResult::fromLane(const Lane& lane, std::int64_t originNs, std::int64_t untilNs)
{
    auto ms = [originNs](std::int64_t t) { return static_cast<double>(t - originNs) / 1e6; };
    WorkerResult r;
    const LaneInfo& info = lane.info();
    r.name = info.name;
    r.kind = info.kind;
    r.daemon = info.daemon;
    r.style = info.style;
    r.pid = lane.pid();
    r.outcomeDetail = lane.outcomeDetail();
    r.endMs = ms(untilNs);

    const std::size_t n = lane.size();
    std::int64_t startingNs = -1;
    bool open = false;
    StateInterval current;
    bool ended = false;
    for (std::size_t i = 0; i < n; ++i) {
        const Event& e = lane.at(i);
        if (ended) {
            // Only a later terminal state counts now (the parent overruling a child that lied).
            if (e.kind == EventKind::State && isTerminal(e.state))
                r.outcome = outcomeOf(e.state);
            continue;
        }
        if (e.kind == EventKind::Output) {
            r.output.push_back({ms(e.tNs), lane.text(e.arg)});
            continue;
        }
        if (e.kind != EventKind::State)
            continue;
        if (startingNs >= 0 && r.startLatencyUs < 0 && e.state != WorkerState::Starting)
            r.startLatencyUs = static_cast<double>(e.tNs - startingNs) / 1e3;
        if (e.state == WorkerState::Starting)
            startingNs = e.tNs;
        if (open) {
            current.endMs = ms(e.tNs);
            r.intervals.push_back(current);
            open = false;
        }
        if (isTerminal(e.state)) {
            r.outcome = outcomeOf(e.state);
            r.endMs = ms(e.tNs);
            ended = true;
            continue;
        }
        current = StateInterval {e.state, ms(e.tNs), 0, e.arg};
        open = true;
    }
    if (open) {
        current.endMs = ms(untilNs);
        r.intervals.push_back(current);
    }
    return r;
}

} // namespace ThreadLab
