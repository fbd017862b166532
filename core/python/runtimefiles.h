#pragma once

#include <QString>

namespace ThreadLab {

// Where ThreadLab's own Python programs are, found from the running executable's folder: never
// through PATH, never an absolute path built in, so that an installed tree can be moved whole.
// The build tree keeps them in threadlab-python/ beside the executables; an installed tree
// (cmake --install, the Debian package) keeps them in the data folder, e.g.
// /usr/bin/../share/threadlab/python, the relative path being fixed when CMake configures.
class RuntimeFiles
{
public:
    // The folder for the running executable.
    static QString pythonDir();
    // The folder for an executable in executableDir: threadlab-python/ there when it exists,
    // else the installed location (which an error about a missing program then names).
    static QString pythonDir(const QString& executableDir);
    // A program of that folder, e.g. "threadlab_runtime.py".
    static QString pythonProgram(const QString& fileName);
};

} // namespace ThreadLab
