#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace ThreadLab {

struct RunResult;

// The order in which the workers' lines came out (C2), kept for the last few runs of one scenario
// with one set of settings, so that the window can show that it differs from run to run. Only
// variants whose lines interleave (LineOrder::interleaves) are kept. Plain data, no widgets.
class OrderHistory
{
public:
    static constexpr int maxRuns = 4;

    struct Run
    {
        int number = 0;          // 1 for the first run kept for this scenario and settings
        std::vector<int> order;  // per line, the index of its worker (main first, as lanes)
    };
    struct Variant
    {
        QString name;
        QStringList labels;      // LineOrder::shortNames of the workers, by worker index
        std::vector<Run> runs;   // oldest first, at most maxRuns
    };

    // Adds a finished run. A run of another scenario or with other settings starts the history
    // over; a cancelled run or one that could not start is left out.
    void add(const RunResult& run);
    void clear();

    bool isEmpty() const noexcept { return m_variants.empty(); }
    const std::vector<Variant>& variants() const noexcept { return m_variants; }
    int runsSeen() const noexcept { return m_runsSeen; }

private:
    static QString keyOf(const RunResult& run);

    QString m_key;
    int m_runsSeen = 0;
    std::vector<Variant> m_variants;
};

} // namespace ThreadLab
