#include "model/scenariolibrary.h"

#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"

#include <QFileInfo>

namespace ThreadLab {

namespace {

QString canonical(const QString& path)
{
    const QFileInfo info(path);
    const QString c = info.canonicalFilePath();
    return c.isEmpty() ? info.absoluteFilePath() : c;
}

const QLatin1String builtinPrefix("builtin:");
const QLatin1String filePrefix("file:");

} // namespace

ScenarioLibrary::ScenarioLibrary()
{
    for (Scenario& s : ScenarioCatalog::builtins())
        m_entries.push_back({std::move(s), false, {}});
}

int ScenarioLibrary::indexOfId(const QString& id) const
{
    for (int i = 0; i < count(); ++i)
        if (at(i).id == id)
            return i;
    return -1;
}

int ScenarioLibrary::indexOfFile(const QString& path) const
{
    const QString c = canonical(path);
    for (int i = 0; i < count(); ++i)
        if (m_entries[static_cast<std::size_t>(i)].openedFile && m_entries[static_cast<std::size_t>(i)].path == c)
            return i;
    return -1;
}

QStringList ScenarioLibrary::openedFiles() const
{
    QStringList out;
    for (const Entry& e : m_entries)
        if (e.openedFile)
            out << e.path;
    return out;
}

int ScenarioLibrary::openFile(const QString& path, QString* error)
{
    std::optional<Scenario> loaded = ScenarioLoader::loadFile(path, error);
    if (!loaded)
        return -1;
    const int existing = indexOfFile(path);
    if (existing >= 0) {
        m_entries[static_cast<std::size_t>(existing)].scenario = std::move(*loaded);
        return existing;
    }
    m_entries.push_back({std::move(*loaded), true, canonical(path)});
    return count() - 1;
}

QString ScenarioLibrary::keyOf(int index) const
{
    const Entry& e = m_entries.at(static_cast<std::size_t>(index));
    return e.openedFile ? filePrefix + e.path : builtinPrefix + e.scenario.id;
}

int ScenarioLibrary::indexOfKey(const QString& key) const
{
    if (key.startsWith(builtinPrefix)) {
        const QString id = key.mid(builtinPrefix.size());
        for (int i = 0; i < count(); ++i)
            if (!isOpenedFile(i) && at(i).id == id)
                return i;
        return -1;
    }
    if (key.startsWith(filePrefix))
        return indexOfFile(key.mid(filePrefix.size()));
    return -1;
}

} // namespace ThreadLab
