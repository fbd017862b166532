#pragma once

#include "scenario/scenario.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class QByteArray;

namespace ThreadLab {

// Reads scenario files (format 1, documented in README.md, "Scenario files") strictly: a file is
// either loaded completely or refused with the first problem found, as one line
// "<file>: <place>: <problem>" that a teacher can act on. Files may come from anywhere, so every
// value is checked against the contract, TaskCatalogue and Limits before it reaches the runner.
// StrictJsonScanner does the byte-level part; this class reads the schema.
class ScenarioLoader
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)

public:
    static constexpr qint64 maxFileBytes = Limits::maxScenarioFileBytes;

    // `path` may be a file name or a resource path (":/scenarios/io-bound.json").
    static std::optional<Scenario> loadFile(const QString& path, QString* error);
    // `fileName` only names the source in messages and in Scenario::sourcePath.
    static std::optional<Scenario> loadJson(const QByteArray& json, const QString& fileName, QString* error);
    // Characters as the loader counts them for its limits: code points, not UTF-16 units.
    static qsizetype characterCount(const QString& text);

private:
    static QString tooLarge(qint64 bytes);
};

} // namespace ThreadLab
