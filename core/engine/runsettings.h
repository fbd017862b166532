#pragma once

#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace ThreadLab {

class CPythonCosts;

// Three ways to run one scenario: the model (C++ workers, an emulated GIL, calibrated to what
// CPython costs), CPython itself (ThreadLab's Python runtime of the task catalogue), and native
// C++ with no GIL.
enum class EngineKind { Model, CPython, Native };

// What the teacher (or the command line) chose for one run of a scenario.
struct RunSettings
{
    int workers = 0;            // 0: the scenario's own counts
    bool gil = true;            // "Python mode"; false is native C++
    int switchIntervalMs = 5;   // CPython's sys.getswitchinterval() default
    double timeScale = 0;       // 0: the scenario's default
    std::uint64_t seed = 1;
    QStringList variants;       // empty: all
    EngineKind engine = EngineKind::Model; // `gil` false means Native for the C++ engines
    QString python;             // the CPython to run or measure; empty: the platform's python3
    QString startMethod;        // fork|spawn|forkserver; empty: the interpreter's default
    // Two or three engines side by side (SeriesRunner runs each repeat in every one, in this
    // order); empty: `engine` alone. A run's own settings never carry more than its engine.
    std::vector<EngineKind> engines;
    // What the model charges for CPython's own costs (measured, or the development machine's).
    // Null: none, as in the uncalibrated model (tests that drive the runner directly).
    std::shared_ptr<const CPythonCosts> modelCosts;
    // Null modelCosts in Python mode: the runner loads them (cache, else a calibration) on its
    // own thread before the run. The window asks for this; the command line loads them itself.
    bool loadModelCosts = false;
    // The model with the emulated GIL: the only engine CPython's costs apply to.
    bool pythonModel() const noexcept { return gil && engine == EngineKind::Model; }
};

} // namespace ThreadLab
