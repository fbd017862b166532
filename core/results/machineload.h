#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>

namespace ThreadLab {

// How busy the machine was while a run went on, besides the run itself: the likely cause when a
// run did not show its lesson. Linux reads /proc (load average, steal and the CPU time of other
// programs, sampled at the run's start and end); elsewhere the load is unknown.
class MachineLoad
{
    Q_DECLARE_TR_FUNCTIONS(MachineLoad)

public:
    // The system's and this process's CPU counters at one moment, in clock ticks.
    struct Sample
    {
        bool known = false;
        std::uint64_t totalTicks = 0;   // every CPU state, all cores
        std::uint64_t busyTicks = 0;    // neither idle nor waiting for I/O
        std::uint64_t stealTicks = 0;   // taken by the hypervisor for other guests
        std::uint64_t ownTicks = 0;     // this process and its reaped children (the workers)
        double loadAverage = 0;         // over the last minute
    };

    // Other programs using this share of all CPU time, or this much steal, make the machine busy.
    static constexpr double busyOtherShare = 0.2;
    static constexpr double busyStealShare = 0.1;

    static Sample sample();
    static MachineLoad between(const Sample& start, const Sample& end, int cores);

    bool known() const noexcept { return m_known; }
    bool busy() const noexcept;
    double loadAverage() const noexcept { return m_loadAverage; }
    double stealShare() const noexcept { return m_stealShare; }
    double otherShare() const noexcept { return m_otherShare; }
    int cores() const noexcept { return m_cores; }
    // "load 2.3 on 2 cores, 12% steal, other programs 45% of the CPU"; "unknown" when not measured.
    QString text() const;

    // For tests and other sources of the same numbers.
    static MachineLoad measured(double loadAverage, int cores, double stealShare, double otherShare);

private:
    bool m_known = false;
    double m_loadAverage = 0;
    int m_cores = 0;
    double m_stealShare = 0;  // of all CPU time during the run, 0 … 1
    double m_otherShare = 0;
};

} // namespace ThreadLab
