#pragma once

#include <QString>

namespace ThreadLab {

// The CPython interpreter a run uses: the one the user named (--python, the window's setting)
// or the platform's own python3. probe() starts it once (isolated: no user site, no PYTHON*
// variables) and asks what it is; a path that is missing, not executable, not a Python 3, or
// that hangs or prints garbage comes back with error() saying so in one line.
class PythonInterpreter
{
public:
    // path empty: the platform's python3 (defaultPath()).
    static PythonInterpreter probe(const QString& path = {}, int timeoutMs = 10000);
    // $THREADLAB_PYTHON when set; else on Linux /usr/bin/python3 when it exists (the
    // distribution's build, which ThreadLab was measured against), else python3 on PATH;
    // elsewhere python3 on PATH. Empty if none.
    static QString defaultPath();

    bool usable() const noexcept { return m_error.isEmpty(); }
    // One line naming the interpreter and the problem; empty when usable.
    const QString& error() const noexcept { return m_error; }
    // Absolute path of the executable, as asked for (symlinks kept: the name the user knows).
    const QString& path() const noexcept { return m_path; }
    const QString& version() const noexcept { return m_version; }       // "3.11.2"
    int majorVersion() const noexcept { return m_major; }
    int minorVersion() const noexcept { return m_minor; }
    bool gilEnabled() const noexcept { return m_gilEnabled; }            // false: free-threaded
    const QString& defaultStartMethod() const noexcept { return m_startMethod; }
    double switchIntervalMs() const noexcept { return m_switchIntervalMs; }

    // What the probe prints, parsed; public so that a test can hand it doctored answers.
    static PythonInterpreter fromProbeOutput(const QString& path, const QByteArray& output);
    // The Python program probe() runs with -c.
    static const char* probeProgram();

private:
    static PythonInterpreter failed(const QString& path, const QString& problem);

    QString m_path;
    QString m_error;
    QString m_version;
    int m_major = 0;
    int m_minor = 0;
    bool m_gilEnabled = true;
    QString m_startMethod;
    double m_switchIntervalMs = 0;
};

} // namespace ThreadLab
