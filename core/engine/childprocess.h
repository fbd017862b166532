#pragma once

#include "tasks/platform.h"

#include <QProcess>
#include <QTimer>

#include <cstdint>

namespace ThreadLab {

// What every child program ThreadLab drives with QProcess (threadlab-worker, the CPython runtime)
// has in common, in one place.
namespace ChildProcess {

// Its stdout carries records, read as they come; its stderr is its own business and discarded
// (unread, it could fill the pipe and block the child).
inline void configureChannels(QProcess& process)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(QProcess::nullDevice());
}

// The owner's handlers for the child's output, its end and a failed start, and a single-shot
// deadline after which the child counts as hung; all run on the owner's thread.
template<typename Owner>
void connect(QProcess& process, QTimer* deadline, Owner* owner, void (Owner::*output)(),
             void (Owner::*finished)(int, QProcess::ExitStatus), void (Owner::*failed)(QProcess::ProcessError),
             void (Owner::*hung)())
{
    QObject::connect(&process, &QProcess::readyReadStandardOutput, owner, output);
    QObject::connect(&process, &QProcess::finished, owner, finished);
    QObject::connect(&process, &QProcess::errorOccurred, owner, failed);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, owner, hung);
}

// The child will lead a process group of its own (so that killProcessGroup ends everything it
// starts) and, on Linux, die with the thread that starts it. Where QProcess cannot run code in
// the child (Windows), nothing: the owner kills the child itself.
inline void leadOwnGroupDyingWithParent(QProcess& process)
{
#if defined(Q_OS_UNIX)
    const std::int64_t parentPid = Platform::currentPid();
    process.setChildProcessModifier([parentPid] { Platform::enterOwnGroupDyingWithParent(parentPid); });
#else
    (void)process;
#endif
}

// When its owner goes: the child's process group, if it led one (groupLeader, its pid: the group
// outlives the leader while members remain), is killed, and the child itself if still running,
// then reaped, so that no zombie or orphan is left.
inline void killAndReap(QProcess& process, std::int64_t groupLeader = 0)
{
    Platform::killProcessGroup(groupLeader);
    if (process.state() == QProcess::NotRunning)
        return;
    process.kill();
    process.waitForFinished(1000); // killed; this reaps it
}

} // namespace ChildProcess

} // namespace ThreadLab
