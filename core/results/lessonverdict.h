#pragma once

#include "results/machineload.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace ThreadLab {

struct LessonCheck;
struct RunResult;
struct VariantResult;

// Whether a run showed its scenario's lesson: each check of the scenario that applies to the
// run (its variants ran, in the GIL mode and on the cores it asks for) holds or not, with the
// value the run measured; the lesson holds when every one does. When it does not, the machine's
// load during the run is the likely cause that it names. A lesson that does not hold is a result
// like any other, not a failure of the run.
class LessonVerdict
{
    Q_DECLARE_TR_FUNCTIONS(LessonVerdict)

public:
    struct Check
    {
        QString text;                 // the check's words with "{value}" filled in (results files: English)
        QString shown;                // the same in the interface's language (lines())
        bool holds = false;
        std::optional<double> value;  // a ratio, an observation, a count of workers; none when not measured
    };

    // Nothing when no check applies, or when the run was cancelled (its times say nothing).
    static std::optional<LessonVerdict> evaluate(const std::vector<LessonCheck>& checks, const RunResult& run,
                                                 const MachineLoad& load = {});
    static bool applies(const LessonCheck& check, const RunResult& run);
    // One check on its own, whether it applies or not.
    static Check evaluateOne(const LessonCheck& check, const RunResult& run);

    bool holds() const;
    const std::vector<Check>& checks() const noexcept { return m_checks; }
    const MachineLoad& load() const noexcept { return m_load; }
    // Empty when the lesson holds; else "the machine was busy (load 2.3 on 2 cores, …)" or why not.
    QString cause() const;
    // "✓ 4 threads were no faster than 1 thread (0.97×)" per check; when the lesson does not hold,
    // a last line "✗ this run did not show the lesson: …; <cause>".
    QStringList lines() const;

private:
    static Check ratio(const LessonCheck& check, const VariantResult& variant, const VariantResult& baseline);
    static Check observation(const LessonCheck& check, const VariantResult& variant);
    static Check outcome(const LessonCheck& check, const VariantResult& variant);
    static Check overlap(const LessonCheck& check, const VariantResult& variant);
    static Check checked(const LessonCheck& check, std::optional<double> value, bool holds, const QString& valueText);

    std::vector<Check> m_checks;
    MachineLoad m_load;
};

} // namespace ThreadLab
