#pragma once

#include "engine/gilobservation.h"
#include "engine/runsettings.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace ThreadLab {

class EventLog;
struct PlannedVariant;

// What an engine knows at the end of a variant, whichever engine ran it: its lanes and what the
// interpreters reported of their own memory. The Runner makes the variant's result and its
// observations from these alone (Runner::collectResult, Runner::observe).
struct VariantFacts
{
    struct OwnState // a process worker's own copy of the globals, as it reported them at its end
    {
        QString name;
        std::vector<std::int64_t> list;
        std::int64_t counter = 0;
    };

    const PlannedVariant* plan = nullptr;
    EngineKind engine = EngineKind::Model;
    bool gil = true;
    int switchIntervalMs = 5;
    double timeScale = 1;
    std::shared_ptr<const EventLog> log;
    std::int64_t mainEndNs = 0;
    bool cancelled = false;
    std::vector<std::uint32_t> couldNotStart; // lanes whose program could not be started
    std::vector<std::int64_t> parentList; // main's interpreter's list and counter
    std::int64_t counter = 0;
    std::vector<OwnState> children; // in lane order
    std::int64_t gilSwitches = 0;
    double loopIterationsPerMs = 0; // CPython: the CPU loop's measured rate
    std::optional<GilObservation> gilObservation; // CPython: how its GIL was observed, or why not
};

} // namespace ThreadLab
