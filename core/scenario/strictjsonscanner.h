#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

class QByteArray;

namespace ThreadLab {

// The byte-level half of reading a scenario file: well-formed UTF-8, strict JSON (no comments,
// no trailing commas, no unknown escapes, no repeated keys, which QJsonDocument lets through) and
// a top-level object. Problems come as one line with the line and column where that helps. What
// the object must hold is ScenarioLoader's business.
class StrictJsonScanner
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)

public:
    static constexpr qsizetype echoChars = 40; // how much of a bad value an error message repeats

    // The top-level object, or nothing with *problem set to one line.
    static std::optional<QJsonObject> parse(const QByteArray& json, QString* problem);
    static bool isJsonSpace(char c);
    // Errors must stay on one line whatever the file holds: control and line-separator characters
    // are shown escaped, and long values are cut (maxChars < 0: never cut).
    static QString printable(QStringView text, qsizetype maxChars = echoChars);
    // printable(text) in double quotes.
    static QString quoted(QStringView text);
};

} // namespace ThreadLab
