#pragma once

#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ThreadLab {

// The scenarios that ship with ThreadLab, embedded as resources under ":/scenarios/<id>.json"
// and read through ScenarioLoader like any teacher's file.
class ScenarioCatalog
{
public:
    // In the order the scenario browser lists them.
    static QStringList builtinIds();
    static std::optional<Scenario> builtin(const QString& id, QString* error = nullptr);
    // All of them; a built-in that does not load is a bug in the build, so this aborts with the reason.
    static std::vector<Scenario> builtins();
};

} // namespace ThreadLab
