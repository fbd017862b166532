#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QCoreApplication>
#include <QString>

namespace ThreadLab {

struct Scenario;

// Writes a scenario as a scenario file (format 1) that ScenarioLoader reads back equal: a
// teacher's lesson saved from the window, or a built-in with the teacher's defaults. Keys come in
// a readable order (id, title, group, concept, explanation, code, defaults, variants, focus,
// lesson); an optional key whose value is the loader's default is left out, so a key the file did
// not have is not added.
class ScenarioWriter
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioWriter)

public:
    // A lesson file's name ends so: the MIME type the package registers matches it.
    static constexpr QLatin1String lessonSuffix {".threadlab.json"};
    // `path` with lessonSuffix added, unless it already ends with ".json" (a scenario file name
    // chosen on purpose).
    static QString withLessonSuffix(const QString& path);

    static QByteArray toJson(const Scenario& scenario);
    // Checks the text with ScenarioLoader, then writes it atomically. On failure one line naming
    // the file and the reason.
    static bool writeFile(const Scenario& scenario, const QString& path, QString* error);
};

} // namespace ThreadLab
