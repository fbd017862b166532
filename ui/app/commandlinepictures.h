#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace ThreadLab {

struct CliOptions;
struct RunResult;

// The command line's picture exports after a run: --export-png and --export-svg (the elapsed
// chart), --export-timeline-png (every variant stacked) and --export-window-png (a main window
// showing the run, never shown on screen). Needs a QApplication, not a display.
class CommandLinePictures
{
    Q_DECLARE_TR_FUNCTIONS(CommandLinePictures)

public:
    CommandLinePictures() = delete;

    // Stops at the first picture that cannot be written; its one-line error names the file.
    static bool write(const RunResult& run, const CliOptions& options, QString* error);

private:
    // The scenario file's focus, as the run's variants are named; none given for a built-in.
    static std::optional<QStringList> focusOf(const RunResult& run, const CliOptions& options);
    // The window as a fresh install shows it: default presenter mode and palette, never the
    // teacher's saved GUI settings.
    static bool writeWindow(const RunResult& run, const CliOptions& options, const QString& path, QString* error);
};

} // namespace ThreadLab
