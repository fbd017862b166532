#pragma once

// Runs a scenario through the real engine to its end, on the calling thread's event loop.

#include "engine/engine.h"
#include "scenario/scenario.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

// Nothing if the run did not finish within timeoutMs (then it is cancelled).
inline std::optional<ThreadLab::RunResult> runToEnd(ThreadLab::Engine& engine, const ThreadLab::Scenario& scenario,
                                                    const ThreadLab::RunSettings& settings, int timeoutMs)
{
    QEventLoop loop;
    std::optional<ThreadLab::RunResult> result;
    QObject::connect(&engine, &ThreadLab::Engine::runFinished, &loop,
                     [&loop, &result](const ThreadLab::RunResult& r) {
                         result = r;
                         loop.quit();
                     });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!engine.start(scenario, settings))
        return std::nullopt;
    loop.exec();
    if (!result)
        engine.cancel();
    return result;
}
