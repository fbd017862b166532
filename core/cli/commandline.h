#pragma once

#include "engine/runsettings.h"
#include "results/variantresult.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

class QTextStream;

namespace ThreadLab {

struct ExportKind;

// One file to write after the run: --results FILE.json, --export-png FILE.png, …
struct ExportRequest
{
    const ExportKind* kind = nullptr;
    QString path;
};

// The headless contract of DESIGN.md: --list, --run ID with options, exports, exit codes
// 0 ok · 2 usage error or invalid scenario file · 3 a run failed.
struct CliOptions
{
    enum class Action { Gui, List, Run, Calibrate, Help, Version };
    Action action = Action::Gui;
    QString runId;
    QString scenarioFile;
    RunSettings settings;      // --engine model,cpython: settings.engines
    int repeat = 1;         // --repeat N: runs of every variant, interleaved; medians reported
    // In ExportKind::all()'s order; --export-window-png is the whole window after the run, as
    // a teacher would see it.
    std::vector<ExportRequest> exports;

    // Empty when that kind is not asked for.
    QString exportPath(const ExportKind& kind) const;
    bool wantsPictures() const;
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum ExitCode { Ok = 0, UsageError = 2, RunFailed = 3 };

    // arguments[0] is the program. Returns nothing and one line in *error on a usage error.
    static std::optional<CliOptions> parse(const QStringList& arguments, QString* error);
    static QString helpText();

    // Renders the picture exports of a finished run (needs the GUI library); one-line error.
    using PictureExporter = std::function<bool(const RunResult&, const CliOptions&, QString* error)>;

    // --list, --help, --version, --run: prints to out/err and returns the exit code. Runs the
    // engine and spins the caller's event loop until the run ends. SIGINT/SIGTERM cancel it.
    static int execute(const CliOptions& options, QTextStream& out, QTextStream& err,
                       const PictureExporter& pictures = {});
};

} // namespace ThreadLab
