#include "results/machineload.h"

#include <QFile>
#include <QList>

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <unistd.h>
#endif

namespace ThreadLab {

namespace {

#if defined(Q_OS_LINUX)
QList<QByteArray> fieldsOf(const char* path, int line)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray text;
    for (int i = 0; i <= line; ++i)
        text = file.readLine();
    return text.simplified().split(' ');
}

// /proc/self/stat: the command name may hold spaces, so fields count from its closing ')'.
std::uint64_t ownTicks(bool* ok)
{
    QFile file(QStringLiteral("/proc/self/stat"));
    const QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    const qsizetype close = text.lastIndexOf(')');
    const QList<QByteArray> f = close < 0 ? QList<QByteArray>() : text.mid(close + 2).simplified().split(' ');
    // After ')': state is field 3 of the man page, utime 14, stime 15, cutime 16, cstime 17.
    *ok = f.size() > 14;
    std::uint64_t sum = 0;
    for (int i = 11; *ok && i <= 14; ++i)
        sum += f[i].toULongLong();
    return sum;
}
#endif

} // namespace

MachineLoad::Sample MachineLoad::sample()
{
    Sample s;
#if defined(Q_OS_LINUX)
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest is in user).
    const QList<QByteArray> cpu = fieldsOf("/proc/stat", 0);
    const QList<QByteArray> load = fieldsOf("/proc/loadavg", 0);
    bool ownOk = false;
    s.ownTicks = ownTicks(&ownOk);
    if (cpu.size() < 9 || cpu[0] != "cpu" || load.isEmpty() || !ownOk)
        return s;
    for (int i = 1; i <= 8; ++i)
        s.totalTicks += cpu[i].toULongLong();
    s.busyTicks = s.totalTicks - cpu[4].toULongLong() - cpu[5].toULongLong();
    s.stealTicks = cpu[8].toULongLong();
    s.loadAverage = load[0].toDouble();
    s.known = true;
#endif
    return s;
}

MachineLoad MachineLoad::between(const Sample& start, const Sample& end, int cores)
{
    if (!start.known || !end.known || end.totalTicks <= start.totalTicks)
        return {};
    const auto delta = [](std::uint64_t from, std::uint64_t to) { return to > from ? double(to - from) : 0.0; };
    const double total = delta(start.totalTicks, end.totalTicks);
    const double steal = delta(start.stealTicks, end.stealTicks);
    // Busy time that was neither stolen nor ours (the app, its threads and reaped children).
    const double other =
        std::max(0.0, delta(start.busyTicks, end.busyTicks) - steal - delta(start.ownTicks, end.ownTicks));
    return measured(end.loadAverage, cores, steal / total, std::min(1.0, other / total));
}

MachineLoad MachineLoad::measured(double loadAverage, int cores, double stealShare, double otherShare)
{
    MachineLoad m;
    m.m_known = true;
    m.m_loadAverage = loadAverage;
    m.m_cores = cores;
    m.m_stealShare = stealShare;
    m.m_otherShare = otherShare;
    return m;
}

bool MachineLoad::busy() const noexcept
{
    return m_known && (m_otherShare >= busyOtherShare || m_stealShare >= busyStealShare);
}

QString MachineLoad::text() const
{
    if (!m_known)
        return tr("load unknown");
    const QString cores = m_cores == 1 ? tr("1 core") : tr("%1 cores").arg(m_cores);
    return tr("load %1 on %2, %3% steal, other programs %4% of the CPU")
        .arg(m_loadAverage, 0, 'f', 1)
        .arg(cores)
        .arg(qRound(m_stealShare * 100))
        .arg(qRound(m_otherShare * 100));
}

} // namespace ThreadLab
