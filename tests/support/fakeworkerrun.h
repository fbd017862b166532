#pragma once

// Runs of threadlab-fakeworker children through the engine, shared by the tests that need a
// child to misbehave or to report what it was given.

#include "engine/engine.h"
#include "scenario/scenario.h"
#include "support/taskspecs.h"

#include <QSignalSpy>
#include <QStringList>

namespace ThreadLab {

// One processes variant whose workers are named after the modes of threadlab-fakeworker, each
// stating a 10 ms wait.
inline Scenario fakeWorkerScenario(const QStringList& names)
{
    Scenario s;
    s.id = QStringLiteral("faults");
    s.title = QStringLiteral("Faults");
    VariantSpec v;
    v.name = QStringLiteral("processes");
    v.mode = VariantMode::Processes;
    for (const QString& name : names) {
        WorkerGroup g;
        g.name = name;
        g.tasks.push_back(waitTask(10));
        v.groups.push_back(g);
    }
    s.variants.push_back(v);
    s.defaultTimeScale = 1;
    return s;
}

// The run's result, or an empty one when it did not finish within a minute.
inline RunResult runWithWorkerProgram(const Scenario& s, const QString& program)
{
    Engine engine;
    engine.setWorkerProgram(program);
    engine.setHangGraceMs(1500);
    engine.setMaxEventsPerChild(20'000);
    QSignalSpy finished(&engine, &Engine::runFinished);
    engine.start(s, RunSettings {});
    if (!finished.wait(60'000))
        return {};
    return finished.at(0).at(0).value<RunResult>();
}

} // namespace ThreadLab
