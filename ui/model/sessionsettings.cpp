#include "model/sessionsettings.h"

#include "results/variantresult.h"
#include "tasks/taskspec.h"

#include <QFileInfo>

#include <algorithm>

namespace ThreadLab {

SessionSettings::SessionSettings()
    : m_settings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab"))
{
}

QByteArray SessionSettings::geometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void SessionSettings::setGeometry(const QByteArray& geometry)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray SessionSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void SessionSettings::setWindowState(const QByteArray& state)
{
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray SessionSettings::splitterState(const QString& name) const
{
    return m_settings.value(QStringLiteral("splitters/") + name).toByteArray();
}

void SessionSettings::setSplitterState(const QString& name, const QByteArray& state)
{
    m_settings.setValue(QStringLiteral("splitters/") + name, state);
}

QString SessionSettings::lastScenario() const
{
    return m_settings.value(QStringLiteral("scenario/last")).toString();
}

void SessionSettings::setLastScenario(const QString& key)
{
    m_settings.setValue(QStringLiteral("scenario/last"), key);
}

QStringList SessionSettings::openedFiles() const
{
    return m_settings.value(QStringLiteral("scenario/openedFiles")).toStringList();
}

void SessionSettings::setOpenedFiles(const QStringList& paths)
{
    m_settings.setValue(QStringLiteral("scenario/openedFiles"), paths);
}

QStringList SessionSettings::recentLessons() const
{
    return m_settings.value(QStringLiteral("scenario/recent")).toStringList().mid(0, maxRecentLessons);
}

void SessionSettings::addRecentLesson(const QString& path)
{
    QStringList recent = recentLessons();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    m_settings.setValue(QStringLiteral("scenario/recent"), recent.mid(0, maxRecentLessons));
}

void SessionSettings::removeRecentLesson(const QString& path)
{
    QStringList recent = recentLessons();
    recent.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings.setValue(QStringLiteral("scenario/recent"), recent);
}

void SessionSettings::clearRecentLessons()
{
    m_settings.remove(QStringLiteral("scenario/recent"));
}

QString SessionSettings::lastOpenedFile() const
{
    return m_settings.value(QStringLiteral("scenario/lastFile")).toString();
}

void SessionSettings::setLastOpenedFile(const QString& path)
{
    m_settings.setValue(QStringLiteral("scenario/lastFile"), path);
}

QString SessionSettings::lastExportFolder() const
{
    return m_settings.value(QStringLiteral("export/folder")).toString();
}

void SessionSettings::setLastExportFolder(const QString& folder)
{
    m_settings.setValue(QStringLiteral("export/folder"), folder);
}

RunSettings SessionSettings::runSettings() const
{
    // Values come back from a file anyone can edit: clamp them to what the engine accepts.
    RunSettings s;
    s.workers = std::clamp(m_settings.value(QStringLiteral("run/workers"), 0).toInt(), 0, Limits::maxWorkersPerVariant);
    s.gil = m_settings.value(QStringLiteral("run/gil"), true).toBool();
    s.engine = s.gil ? EngineKind::Model : EngineKind::Native;
    // "model", "cpython", "model,cpython": the command line's words; anything else is the model.
    const QStringList engines = m_settings.value(QStringLiteral("run/engine")).toString().split(QLatin1Char(','));
    for (const QString& word : engines)
        for (const EngineKind e : {EngineKind::Model, EngineKind::CPython, EngineKind::Native})
            if (word == engineName(e) && std::find(s.engines.begin(), s.engines.end(), e) == s.engines.end())
                s.engines.push_back(e);
    if (!s.engines.empty()) {
        s.engine = s.engines.front();
        s.gil = s.engine != EngineKind::Native;
    }
    if (s.engines.size() < 2)
        s.engines.clear();
    s.python = m_settings.value(QStringLiteral("run/python")).toString();
    s.switchIntervalMs = std::clamp(m_settings.value(QStringLiteral("run/switchIntervalMs"), 5).toInt(),
                                    Limits::minSwitchIntervalMs, Limits::maxSwitchIntervalMs);
    const double scale = m_settings.value(QStringLiteral("run/timeScale"), 0.0).toDouble();
    s.timeScale = scale <= 0 ? 0 : std::clamp(scale, Limits::minTimeScale, Limits::maxTimeScale);
    s.seed = m_settings.value(QStringLiteral("run/seed"), 1).toULongLong();
    return s;
}

void SessionSettings::setRunSettings(const RunSettings& settings)
{
    m_settings.setValue(QStringLiteral("run/workers"), settings.workers);
    m_settings.setValue(QStringLiteral("run/gil"), settings.gil);
    QStringList engines;
    for (const EngineKind e : settings.engines.empty() ? std::vector<EngineKind> {settings.engine} : settings.engines)
        engines << engineName(e);
    m_settings.setValue(QStringLiteral("run/engine"), engines.join(QLatin1Char(',')));
    m_settings.setValue(QStringLiteral("run/python"), settings.python);
    m_settings.setValue(QStringLiteral("run/switchIntervalMs"), settings.switchIntervalMs);
    m_settings.setValue(QStringLiteral("run/timeScale"), settings.timeScale);
    m_settings.setValue(QStringLiteral("run/seed"), QVariant::fromValue<qulonglong>(settings.seed));
}

int SessionSettings::runs() const
{
    return std::clamp(m_settings.value(QStringLiteral("run/runs"), 1).toInt(), 1, Limits::maxRepeatRuns);
}

void SessionSettings::setRuns(int runs)
{
    m_settings.setValue(QStringLiteral("run/runs"), runs);
}

bool SessionSettings::presenterMode() const
{
    return m_settings.value(QStringLiteral("view/presenter"), false).toBool();
}

void SessionSettings::setPresenterMode(bool on)
{
    m_settings.setValue(QStringLiteral("view/presenter"), on);
}

bool SessionSettings::presenterPanesFolded() const
{
    return m_settings.value(QStringLiteral("view/presenterPanesFolded"), true).toBool();
}

void SessionSettings::setPresenterPanesFolded(bool folded)
{
    m_settings.setValue(QStringLiteral("view/presenterPanesFolded"), folded);
}

bool SessionSettings::darkPalette() const
{
    return m_settings.value(QStringLiteral("view/dark"), false).toBool();
}

void SessionSettings::setDarkPalette(bool dark)
{
    m_settings.setValue(QStringLiteral("view/dark"), dark);
}

QString SessionSettings::language() const
{
    return m_settings.value(QStringLiteral("view/language")).toString();
}

void SessionSettings::setLanguage(const QString& language)
{
    m_settings.setValue(QStringLiteral("view/language"), language);
}

void SessionSettings::sync()
{
    m_settings.sync();
}

} // namespace ThreadLab
