#include "cli/commandline.h"

#include "engine/engine.h"
#include "results/resultwriter.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "engine/signalwatcher.h"
#include "tasks/taskspec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>

#include <cmath>

namespace ThreadLab {

namespace {

struct OptionSet
{
    QCommandLineOption list {QStringLiteral("list"), QStringLiteral("List the scenarios: id, a tab, title.")};
    QCommandLineOption run {QStringLiteral("run"), QStringLiteral("Run scenario ID headless and print a summary."),
                            QStringLiteral("ID")};
    QCommandLineOption scenarioFile {QStringLiteral("scenario-file"), QStringLiteral("Load a scenario file."),
                                     QStringLiteral("PATH")};
    QCommandLineOption variant {QStringLiteral("variant"), QStringLiteral("Only this variant (repeatable)."),
                                QStringLiteral("NAME")};
    QCommandLineOption workers {QStringLiteral("workers"), QStringLiteral("Number of workers in scalable groups (1-256)."),
                                QStringLiteral("N")};
    QCommandLineOption gil {QStringLiteral("gil"), QStringLiteral("Emulated GIL: on (Python) or off (native C++)."),
                            QStringLiteral("on|off")};
    QCommandLineOption switchInterval {QStringLiteral("switch-interval-ms"),
                                       QStringLiteral("GIL switch interval in ms (1-100, default 5)."), QStringLiteral("X")};
    QCommandLineOption timeScale {QStringLiteral("time-scale"),
                                  QStringLiteral("Multiply every stated duration (0.01-10; 1 = the tutorials' own)."),
                                  QStringLiteral("F")};
    QCommandLineOption seed {QStringLiteral("seed"), QStringLiteral("Seed for random waits."), QStringLiteral("S")};
    QCommandLineOption results {QStringLiteral("results"), QStringLiteral("Write results JSON."), QStringLiteral("FILE.json")};
    QCommandLineOption exportPng {QStringLiteral("export-png"), QStringLiteral("Write the elapsed-time chart as PNG."),
                                  QStringLiteral("FILE.png")};
    QCommandLineOption exportTimelinePng {QStringLiteral("export-timeline-png"),
                                          QStringLiteral("Write the timeline as PNG."), QStringLiteral("FILE.png")};
    QCommandLineOption exportSvg {QStringLiteral("export-svg"), QStringLiteral("Write the elapsed-time chart as SVG."),
                                  QStringLiteral("FILE.svg")};
    QCommandLineOption exportWindowPng {QStringLiteral("export-window-png"),
                                        QStringLiteral("Write the whole window after the run as PNG."),
                                        QStringLiteral("FILE.png")};
    QCommandLineOption exportCsv {QStringLiteral("export-csv"), QStringLiteral("Write results as CSV."),
                                  QStringLiteral("FILE.csv")};
    QCommandLineOption exportTrace {QStringLiteral("export-trace"),
                                    QStringLiteral("Write a Chrome Trace Event file (opens in Perfetto)."),
                                    QStringLiteral("FILE.json")};
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")};
    QCommandLineOption version {QStringLiteral("version"), QStringLiteral("Show the version.")};

    void addTo(QCommandLineParser& p) const
    {
        p.addOptions({list, run, scenarioFile, variant, workers, gil, switchInterval, timeScale, seed, results, exportPng,
                      exportTimelinePng, exportSvg, exportWindowPng, exportCsv, exportTrace, help, version});
    }
};

QCommandLineParser& configured(QCommandLineParser& p, const OptionSet& o)
{
    p.setApplicationDescription(QStringLiteral("ThreadLab: see threads and processes really run."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    o.addTo(p);
    return p;
}

} // namespace

QString CommandLine::helpText()
{
    QCommandLineParser p;
    OptionSet o;
    configured(p, o);
    return p.helpText();
}

std::optional<CliOptions> CommandLine::parse(const QStringList& arguments, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<CliOptions> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QCommandLineParser p;
    OptionSet o;
    configured(p, o);
    if (!p.parse(arguments))
        return fail(p.errorText());
    if (!p.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\" (see --help)").arg(p.positionalArguments().first()));

    CliOptions opts;
    if (p.isSet(o.help)) {
        opts.action = CliOptions::Action::Help;
        return opts;
    }
    if (p.isSet(o.version)) {
        opts.action = CliOptions::Action::Version;
        return opts;
    }
    for (const QCommandLineOption* single : {&o.run, &o.scenarioFile, &o.workers, &o.gil, &o.switchInterval,
                                             &o.timeScale, &o.seed, &o.results, &o.exportPng, &o.exportTimelinePng,
                                             &o.exportSvg, &o.exportWindowPng, &o.exportCsv, &o.exportTrace})
        if (p.values(*single).size() > 1)
            return fail(QStringLiteral("--%1 is given more than once").arg(single->names().constLast()));

    if (p.isSet(o.list) && p.isSet(o.run))
        return fail(QStringLiteral("--list and --run cannot be used together"));
    opts.scenarioFile = p.value(o.scenarioFile);
    if (p.isSet(o.scenarioFile) && opts.scenarioFile.isEmpty())
        return fail(QStringLiteral("--scenario-file needs a path"));
    if (p.isSet(o.list))
        opts.action = CliOptions::Action::List;
    else if (p.isSet(o.run))
        opts.action = CliOptions::Action::Run;

    const bool runOnly = p.isSet(o.variant) || p.isSet(o.workers) || p.isSet(o.gil) || p.isSet(o.switchInterval)
        || p.isSet(o.timeScale) || p.isSet(o.seed) || p.isSet(o.results) || p.isSet(o.exportPng)
        || p.isSet(o.exportTimelinePng) || p.isSet(o.exportSvg) || p.isSet(o.exportWindowPng) || p.isSet(o.exportCsv)
        || p.isSet(o.exportTrace);
    if (runOnly && opts.action != CliOptions::Action::Run)
        return fail(QStringLiteral("run options (--workers, --gil, --export-…, …) need --run ID"));
    if (opts.action != CliOptions::Action::Run)
        return opts;

    opts.runId = p.value(o.run);
    if (opts.runId.isEmpty())
        return fail(QStringLiteral("--run needs a scenario id (see --list)"));
    RunSettings& s = opts.settings;
    s.variants = p.values(o.variant);
    for (const QString& v : s.variants)
        if (v.isEmpty())
            return fail(QStringLiteral("--variant needs a name"));
    bool ok = true;
    if (p.isSet(o.workers)) {
        s.workers = p.value(o.workers).toInt(&ok);
        if (!ok || s.workers < 1 || s.workers > Limits::maxWorkersPerVariant)
            return fail(QStringLiteral("--workers must be a whole number from 1 to %1, got \"%2\"")
                            .arg(Limits::maxWorkersPerVariant)
                            .arg(p.value(o.workers)));
    }
    if (p.isSet(o.gil)) {
        const QString g = p.value(o.gil).toLower();
        if (g != QLatin1String("on") && g != QLatin1String("off"))
            return fail(QStringLiteral("--gil must be on or off, got \"%1\"").arg(p.value(o.gil)));
        s.gil = g == QLatin1String("on");
    }
    if (p.isSet(o.switchInterval)) {
        s.switchIntervalMs = p.value(o.switchInterval).toInt(&ok);
        if (!ok || s.switchIntervalMs < Limits::minSwitchIntervalMs || s.switchIntervalMs > Limits::maxSwitchIntervalMs)
            return fail(QStringLiteral("--switch-interval-ms must be a whole number from %1 to %2, got \"%3\"")
                            .arg(Limits::minSwitchIntervalMs)
                            .arg(Limits::maxSwitchIntervalMs)
                            .arg(p.value(o.switchInterval)));
    }
    if (p.isSet(o.timeScale)) {
        s.timeScale = p.value(o.timeScale).toDouble(&ok);
        if (!ok || !std::isfinite(s.timeScale) || s.timeScale < Limits::minTimeScale || s.timeScale > Limits::maxTimeScale)
            return fail(QStringLiteral("--time-scale must be a number from %1 to %2, got \"%3\"")
                            .arg(Limits::minTimeScale)
                            .arg(Limits::maxTimeScale)
                            .arg(p.value(o.timeScale)));
    }
    if (p.isSet(o.seed)) {
        s.seed = p.value(o.seed).toULongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615, got \"%1\"")
                            .arg(p.value(o.seed)));
    }
    const std::pair<const QCommandLineOption*, QString*> paths[] = {
        {&o.results, &opts.resultsPath},     {&o.exportCsv, &opts.csvPath},
        {&o.exportTrace, &opts.tracePath},   {&o.exportPng, &opts.pngPath},
        {&o.exportTimelinePng, &opts.timelinePngPath}, {&o.exportSvg, &opts.svgPath},
        {&o.exportWindowPng, &opts.windowPngPath}};
    for (const auto& [option, target] : paths) {
        *target = p.value(*option);
        if (p.isSet(*option) && target->isEmpty())
            return fail(QStringLiteral("--%1 needs a file name").arg(option->names().constLast()));
    }
    return opts;
}

int CommandLine::execute(const CliOptions& options, QTextStream& out, QTextStream& err, const PictureExporter& pictures)
{
    switch (options.action) {
    case CliOptions::Action::Help:
        out << helpText();
        return Ok;
    case CliOptions::Action::Version:
        out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    case CliOptions::Action::Gui:
        return Ok;
    case CliOptions::Action::List:
    case CliOptions::Action::Run:
        break;
    }

    std::vector<Scenario> scenarios = ScenarioCatalog::builtins();
    if (!options.scenarioFile.isEmpty()) {
        QString error;
        auto loaded = ScenarioLoader::loadFile(options.scenarioFile, &error);
        if (!loaded) {
            err << error << '\n';
            return UsageError;
        }
        scenarios.push_back(std::move(*loaded));
    }
    if (options.action == CliOptions::Action::List) {
        for (const Scenario& s : scenarios)
            out << s.id << '\t' << s.title << '\n';
        return Ok;
    }

    const Scenario* chosen = nullptr;
    for (const Scenario& s : scenarios)
        if (s.id == options.runId)
            chosen = &s; // a teacher's file may replace a built-in of the same id
    if (!chosen) {
        QStringList ids;
        for (const Scenario& s : scenarios)
            ids << s.id;
        err << QStringLiteral("no scenario \"%1\" (see --list: %2)").arg(options.runId, ids.join(QStringLiteral(", ")))
            << '\n';
        return UsageError;
    }
    if (options.wantsPictures() && !pictures) {
        err << QStringLiteral("picture exports (--export-png, --export-timeline-png, --export-svg, --export-window-png) need the GUI part, "
                              "which this build does not include")
            << '\n';
        return UsageError;
    }

    Engine engine;
    SignalWatcher interrupts; // Ctrl+C or SIGTERM: cancel the run, clean up, exit 3
    QObject::connect(&interrupts, &SignalWatcher::terminationRequested, &engine, &Engine::cancel);
    RunResult result;
    QEventLoop loop;
    QObject::connect(&engine, &Engine::runFinished, &loop, [&result, &loop](const RunResult& r) {
        result = r;
        loop.quit();
    });
    engine.start(*chosen, options.settings);
    loop.exec();

    if (!result.error.isEmpty()) {
        err << result.error << '\n';
        return UsageError; // the settings did not fit the scenario (e.g. an unknown --variant)
    }
    out << ResultWriter::summaryTable(result);
    out.flush();

    int code = result.cancelled ? RunFailed : Ok;
    for (const VariantResult& v : result.variants)
        for (const WorkerResult& w : v.workers)
            if (w.failure == WorkerFailure::CouldNotStart)
                code = RunFailed;
    QString error;
    auto write = [&](const QString& path, const QByteArray& bytes) {
        if (!path.isEmpty() && !ResultWriter::writeFile(path, bytes, &error)) {
            err << error << '\n';
            code = RunFailed;
        }
    };
    write(options.resultsPath, QJsonDocument(ResultWriter::toJson(result)).toJson(QJsonDocument::Indented));
    write(options.csvPath, ResultWriter::toCsv(result));
    write(options.tracePath, ResultWriter::toTrace(result));
    if (options.wantsPictures() && !pictures(result, options, &error)) {
        err << error << '\n';
        code = RunFailed;
    }
    if (result.cancelled)
        err << QStringLiteral("the run was cancelled") << '\n';
    return code;
}

} // namespace ThreadLab
