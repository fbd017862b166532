#pragma once

#include "engine/runsettings.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace ThreadLab {

// What the window remembers between sessions (QSettings, organisation "ThreadLab", application
// "threadlab"): geometry, splitters, the last scenario, the run settings, presenter mode, palette.
class SessionSettings
{
public:
    SessionSettings();

    QByteArray geometry() const;
    void setGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);

    QString lastScenario() const; // a ScenarioLibrary key
    void setLastScenario(const QString& key);
    // The scenario files open in the browser, to reopen in the next session.
    QStringList openedFiles() const;
    void setOpenedFiles(const QStringList& paths);
    // File ▸ Open Recent: the lesson files last opened or saved, most recent first, at most
    // maxRecentLessons, each once (absolute paths).
    static constexpr int maxRecentLessons = 8;
    QStringList recentLessons() const;
    void addRecentLesson(const QString& path);
    void removeRecentLesson(const QString& path);
    void clearRecentLessons();
    QString lastOpenedFile() const;
    void setLastOpenedFile(const QString& path);
    QString lastExportFolder() const;
    void setLastExportFolder(const QString& folder);

    // Which variants run is per scenario, so it is not remembered here.
    RunSettings runSettings() const;
    void setRunSettings(const RunSettings& settings);
    // Runs 1 / 3 / 5: how many times the variants run, interleaved.
    int runs() const;
    void setRuns(int runs);

    bool presenterMode() const;
    void setPresenterMode(bool on);
    // Presenter mode's stage: the side panes folded away (the default) or shown.
    bool presenterPanesFolded() const;
    void setPresenterPanesFolded(bool folded);
    bool darkPalette() const;
    void setDarkPalette(bool dark);
    // The interface language: empty for the system's, else a code of Translations::available().
    QString language() const;
    void setLanguage(const QString& language);

    void sync();

private:
    QSettings m_settings;
};

} // namespace ThreadLab
