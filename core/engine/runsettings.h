#pragma once

#include <QStringList>

#include <cstdint>

namespace ThreadLab {

// What the teacher (or the command line) chose for one run of a scenario.
struct RunSettings
{
    int workers = 0;            // 0: the scenario's own counts
    bool gil = true;            // "Python mode"; false is native C++
    int switchIntervalMs = 5;   // CPython's sys.getswitchinterval() default
    double timeScale = 0;       // 0: the scenario's default
    std::uint64_t seed = 1;
    QStringList variants;       // empty: all
};

} // namespace ThreadLab
