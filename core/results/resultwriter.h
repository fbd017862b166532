#pragma once

#include "results/variantresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QCoreApplication>
#include <QString>

namespace ThreadLab {

// Turns a run's results into the files ThreadLab exports: results JSON (schema in the README),
// CSV (one row per worker and variant), a Chrome Trace Event file that opens in Perfetto, and
// the summary table the command line prints.
class ResultWriter
{
    Q_DECLARE_TR_FUNCTIONS(ResultWriter)

public:
    static QJsonObject toJson(const RunResult& run);
    static QByteArray toCsv(const RunResult& run);
    static QByteArray toTrace(const RunResult& run);
    static QString summaryTable(const RunResult& run);
    // A variant's observations as results JSON holds them ("parent_list", "counter", …).
    static QJsonObject observationsJson(const Observations& observations);
    // A run's lesson verdict as results JSON holds it: {holds, checks: [{text, holds, value}], …}.
    static QJsonObject lessonJson(const LessonVerdict& lesson);
    // One short line per variant, e.g. "counter: 1412 of 2000 — 588 updates lost".
    static QStringList observationLines(const VariantResult& variant);
    // The window's "What happened" for a variant: its observation lines, then the order of the
    // workers' lines where they interleave, or else how often the GIL changed hands (threads).
    static QStringList whatHappenedLines(const VariantResult& variant);
    // Writes atomically (a temporary file renamed into place); one-line error on failure.
    static bool writeFile(const QString& path, const QByteArray& bytes, QString* error);

private:
    // "170.6 ms", or with repeated runs the median and the spread: "170.6 ms (113.4–198.0)".
    static QString elapsedCell(const VariantResult& v);
    // results JSON's python.gil_observed, and gil_observation or gil_not_observed_reason.
    static void addGilObservation(QJsonObject& python, const std::vector<VariantResult>& variants);
};

} // namespace ThreadLab
