#pragma once

#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ThreadLab {

// The scenarios the window offers: the built-ins, then the files the teacher opened.
class ScenarioLibrary
{
public:
    ScenarioLibrary();

    int count() const noexcept { return static_cast<int>(m_entries.size()); }
    const Scenario& at(int index) const { return m_entries.at(static_cast<std::size_t>(index)).scenario; }
    bool isOpenedFile(int index) const { return m_entries.at(static_cast<std::size_t>(index)).openedFile; }
    int indexOfId(const QString& id) const;     // built-ins first; -1 when unknown
    int indexOfFile(const QString& path) const; // -1 when not opened
    QStringList openedFiles() const;            // canonical paths, in the order opened

    // Loads a scenario file. A file opened again replaces its earlier version in place. Returns
    // its index, or -1 with the loader's one-line reason in *error; the library is then unchanged.
    int openFile(const QString& path, QString* error);

    // "builtin:cpu-bound" or "file:/home/…/mine.json": how the window remembers a scenario.
    QString keyOf(int index) const;
    int indexOfKey(const QString& key) const;

private:
    struct Entry
    {
        Scenario scenario;
        bool openedFile = false;
        QString path; // canonical path of an opened file
    };
    std::vector<Entry> m_entries;
};

} // namespace ThreadLab
