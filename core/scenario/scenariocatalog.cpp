#include "scenario/scenariocatalog.h"

#include "scenario/scenarioloader.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>
#include <limits>

namespace ThreadLab {

QStringList ScenarioCatalog::builtinIds()
{
    // Every file embedded under :/scenarios (adding a scenario is its file and the resource list),
    // in the order of the concepts they teach (C1, C2, … C14), then by id. Read once.
    static const QStringList ids = [] {
        struct Entry
        {
            int conceptNumber;
            QString id;
        };
        std::vector<Entry> entries;
        const QStringList files = QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString& file : files) {
            const QString id = file.chopped(5); // ".json"
            const std::optional<Scenario> s = ScenarioLoader::loadFile(QStringLiteral(":/scenarios/") + file, nullptr);
            // A file that does not load sorts last; builtins() stops with its reason.
            entries.push_back({s ? s->conceptId.mid(1).toInt() : std::numeric_limits<int>::max(), id});
        }
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            return a.conceptNumber != b.conceptNumber ? a.conceptNumber < b.conceptNumber : a.id < b.id;
        });
        QStringList out;
        for (const Entry& e : entries)
            out << e.id;
        return out;
    }();
    return ids;
}

std::optional<Scenario> ScenarioCatalog::builtin(const QString& id, QString* error)
{
    const QStringList ids = builtinIds();
    // Only known ids reach the resource system: "id" may come from the command line.
    if (!ids.contains(id)) {
        if (error)
            *error = QCoreApplication::translate("ScenarioCatalog", "there is no built-in scenario \"%1\" (built-in: %2)")
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
