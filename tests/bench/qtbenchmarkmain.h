#pragma once

// The main of a benchmark program that needs a Qt application object (the engine's QProcess and
// queued signals need an event loop; the timeline needs QApplication).

#include <benchmark/benchmark.h>

template<typename Application>
int runQtBenchmarks(int argc, char** argv)
{
    Application app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
