#pragma once

#include "engine/lane.h"
#include "engine/runsettings.h"
#include "tasks/workerstate.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace ThreadLab {

class EventLog;

struct StateInterval
{
    WorkerState state = WorkerState::Running;
    double startMs = 0; // from the variant's start
    double endMs = 0;
    std::uint32_t arg = 0;
};

struct OutputLine
{
    double tMs = 0;
    QString text;
};

struct WorkerResult
{
    QString name;
    LaneKind kind = LaneKind::Thread;
    bool daemon = false;
    QString style;
    QString outcome;        // finished | crashed | abandoned | cancelled | running
    QString outcomeDetail;  // e.g. "killed by signal 11 (SIGSEGV)"
    double startLatencyUs = -1;
    qint64 pid = 0;
    double endMs = 0;
    std::vector<StateInterval> intervals;
    std::vector<OutputLine> output;

    // Intervals run from one state event to the next; the last open one ends at untilNs.
    static WorkerResult fromLane(const Lane& lane, std::int64_t originNs, std::int64_t untilNs);
};

struct VariantResult
{
    QString name;
    QString mode;           // sequential | threads | processes
    bool gil = true;
    int switchIntervalMs = 5;
    double timeScale = 1;
    int workerCount = 0;    // workers besides main
    int sweepWorkers = 0;
    double elapsedMs = 0;
    bool cancelled = false;
    std::vector<WorkerResult> workers; // main first, then in creation order
    QJsonObject observations;
    std::shared_ptr<const EventLog> log;
};

struct RunResult
{
    QString scenarioId;
    QString scenarioTitle;
    RunSettings settings;
    double timeScale = 1;
    int cores = 1;
    std::vector<VariantResult> variants;
    bool cancelled = false;
    QString error;          // set when the run could not start
};

QString laneKindName(LaneKind kind);
QString outcomeName(WorkerState terminal);

} // namespace ThreadLab

Q_DECLARE_METATYPE(ThreadLab::VariantResult)
Q_DECLARE_METATYPE(ThreadLab::RunResult)
