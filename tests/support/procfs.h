#pragma once

// Linux /proc readings for the tests that check nothing is left behind.

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

#include <sys/types.h>

namespace ProcFs {

inline bool available()
{
    return QFile::exists(QStringLiteral("/proc/self/stat"));
}

inline int entries(const QString& path)
{
    return static_cast<int>(QDir(path).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size());
}

inline int threadCount(pid_t pid)
{
    return entries(QStringLiteral("/proc/%1/task").arg(pid));
}

inline int fdCount(pid_t pid)
{
    return entries(QStringLiteral("/proc/%1/fd").arg(pid));
}

// Fields after "pid (comm)": state, ppid, …; comm may hold spaces, so split after the last ')'.
inline bool statOf(pid_t pid, char* state, pid_t* ppid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = f.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 2)
        return false;
    *state = fields[0].isEmpty() ? '?' : fields[0][0];
    *ppid = static_cast<pid_t>(fields[1].toInt());
    return true;
}

// A process that exists and is not a zombie.
inline bool alive(pid_t pid)
{
    char state = 0;
    pid_t ppid = 0;
    return statOf(pid, &state, &ppid) && state != 'Z' && state != 'X';
}

// The program's file name (the first argument; comm would be the renamed main thread).
inline QByteArray commandName(pid_t pid)
{
    QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray argv0 = f.readAll().split('\0').value(0);
    return argv0.mid(argv0.lastIndexOf('/') + 1);
}

// Living children that are ThreadLab's own (threadlab-worker and the test's fake one), not
// helpers a sanitizer may start (llvm-symbolizer).
inline QList<pid_t> livingChildren(pid_t parent)
{
    QList<pid_t> out;
    for (const QString& name : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const auto pid = static_cast<pid_t>(name.toInt(&ok));
        char state = 0;
        pid_t ppid = 0;
        if (ok && statOf(pid, &state, &ppid) && ppid == parent && state != 'Z' && state != 'X'
            && commandName(pid).startsWith("threadlab"))
            out << pid;
    }
    return out;
}

// Living processes whose environment holds `entry` ("NAME=value"): how a test finds every
// process of one run, whatever started it and whatever it is called.
inline QList<pid_t> livingWithEnvironment(const QByteArray& entry)
{
    QList<pid_t> out;
    for (const QString& name : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const auto pid = static_cast<pid_t>(name.toInt(&ok));
        if (!ok || !alive(pid))
            continue;
        QFile f(QStringLiteral("/proc/%1/environ").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().split('\0').contains(entry))
            out << pid;
    }
    return out;
}

} // namespace ProcFs
