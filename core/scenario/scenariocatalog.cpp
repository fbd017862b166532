#include "scenario/scenariocatalog.h"

#include "scenario/scenarioloader.h"

namespace ThreadLab {

QStringList ScenarioCatalog::builtinIds()
{
    return {
        QStringLiteral("ways-to-create"),
        QStringLiteral("interleaving"),
        QStringLiteral("io-bound"),
        QStringLiteral("cpu-bound"),
        QStringLiteral("start-join-loop"),
        QStringLiteral("spawn-cost"),
        QStringLiteral("memory-isolation"),
        QStringLiteral("queue-ipc"),
        QStringLiteral("race-condition"),
        QStringLiteral("daemon"),
        QStringLiteral("cpu-scaling"),
        QStringLiteral("crash-isolation"),
        QStringLiteral("random-jobs"),
    };
}

std::optional<Scenario> ScenarioCatalog::builtin(const QString& id, QString* error)
{
    const QStringList ids = builtinIds();
    // Only known ids reach the resource system: "id" may come from the command line.
    if (!ids.contains(id)) {
        if (error)
            *error = QStringLiteral("there is no built-in scenario \"%1\" (built-in: %2)")
                         .arg(id.simplified(), ids.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QString path = QStringLiteral(":/scenarios/%1.json").arg(id);
    std::optional<Scenario> scenario = ScenarioLoader::loadFile(path, error);
    if (scenario && scenario->id != id) {
        if (error)
            *error = QStringLiteral("%1: id: must be \"%2\" like the file name, got \"%3\"").arg(path, id, scenario->id);
        return std::nullopt;
    }
    return scenario;
}

std::vector<Scenario> ScenarioCatalog::builtins()
{
    std::vector<Scenario> all;
    for (const QString& id : builtinIds()) {
        QString error;
        std::optional<Scenario> scenario = builtin(id, &error);
        if (!scenario)
            qFatal("Built-in scenario \"%s\" does not load: %s", qPrintable(id), qPrintable(error));
        all.push_back(std::move(*scenario));
    }
    return all;
}

} // namespace ThreadLab
