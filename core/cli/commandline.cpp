#include "cli/commandline.h"

#include "engine/engine.h"
#include "engine/seriesrunner.h"
#include "results/exportkind.h"
#include "results/resultexporter.h"
#include "results/resultwriter.h"
#include "scenario/scenario.h"
#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "engine/signalwatcher.h"
#include "python/cpythoncosts.h"
#include "python/pythoninterpreter.h"
#include "tasks/taskspec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

QCommandLineOption option(const char* name, const char* description, const char* valueName = nullptr)
{
    return QCommandLineOption(QString::fromLatin1(name), CommandLine::tr(description),
                              valueName ? QString::fromUtf8(valueName) : QString());
}

struct OptionSet
{
    QCommandLineOption list = option("list", QT_TRANSLATE_NOOP("CommandLine", "List the scenarios: id, a tab, title."));
    QCommandLineOption run = option("run", QT_TRANSLATE_NOOP("CommandLine", "Run scenario ID headless and print a summary."), "ID");
    QCommandLineOption calibrate = option(
        "calibrate",
        QT_TRANSLATE_NOOP("CommandLine", "Measure what the Python interpreter costs (process start per start method, "
                                         "time.sleep(0), queues) for the model, print the figures and where they are cached."));
    QCommandLineOption scenarioFile = option("scenario-file", QT_TRANSLATE_NOOP("CommandLine", "Load a scenario file."), "PATH");
    QCommandLineOption variant = option("variant", QT_TRANSLATE_NOOP("CommandLine", "Only this variant (repeatable)."), "NAME");
    QCommandLineOption workers =
        option("workers", QT_TRANSLATE_NOOP("CommandLine", "Number of workers in scalable groups (1-256)."), "N");
    QCommandLineOption gil = option("gil", QT_TRANSLATE_NOOP("CommandLine", "Emulated GIL: on (Python) or off (native C++)."),
                                    "on|off");
    QCommandLineOption engine = option(
        "engine",
        QT_TRANSLATE_NOOP("CommandLine",
                          "Engine: model (C++ workers, emulated GIL), cpython (real Python) or native (C++, no GIL); "
                          "two or three separated by commas run side by side and report the model's fidelity."),
        "model|cpython|native[,…]");
    QCommandLineOption python =
        option("python",
               QT_TRANSLATE_NOOP("CommandLine", "The Python interpreter to use (default: the platform's python3)."),
               "PATH");
    QCommandLineOption startMethod =
        option("start-method",
               QT_TRANSLATE_NOOP("CommandLine", "multiprocessing start method (default: the interpreter's)."),
               "fork|spawn|forkserver");
    QCommandLineOption switchInterval =
        option("switch-interval-ms", QT_TRANSLATE_NOOP("CommandLine", "GIL switch interval in ms (1-100, default 5)."), "X");
    QCommandLineOption timeScale = option(
        "time-scale", QT_TRANSLATE_NOOP("CommandLine", "Multiply every stated duration (0.01-10; 1 = the tutorials' own)."),
        "F");
    QCommandLineOption seed = option("seed", QT_TRANSLATE_NOOP("CommandLine", "Seed for random waits."), "S");
    QCommandLineOption repeat = option(
        "repeat",
        QT_TRANSLATE_NOOP("CommandLine", "Run the variants N times, interleaved (1-20): median and spread, lesson checked on medians."),
        "N");
    // --results and the --export-… options, from the one table of export kinds.
    std::vector<std::pair<const ExportKind*, QCommandLineOption>> exports = exportOptions();
    QCommandLineOption help {{QStringLiteral("h"), QStringLiteral("help")}, CommandLine::tr("Show this help.")};
    QCommandLineOption version = option("version", QT_TRANSLATE_NOOP("CommandLine", "Show the version."));

    static std::vector<std::pair<const ExportKind*, QCommandLineOption>> exportOptions()
    {
        std::vector<std::pair<const ExportKind*, QCommandLineOption>> options;
        for (const ExportKind& kind : ExportKind::all())
            if (kind.onCommandLine())
                options.emplace_back(&kind, QCommandLineOption(kind.optionName(), kind.optionDescription(),
                                                               kind.optionValueName()));
        return options;
    }

    // The options that take one value and may be given once, in the order they are checked.
    std::vector<const QCommandLineOption*> singles() const
    {
        std::vector<const QCommandLineOption*> out {&run,         &scenarioFile,   &workers,   &gil,  &engine, &python,
                                                    &startMethod, &switchInterval, &timeScale, &seed, &repeat};
        for (const auto& [kind, o] : exports)
            out.push_back(&o);
        return out;
    }

    // The options that shape a run (only --run takes them).
    std::vector<const QCommandLineOption*> runSettings() const
    {
        return {&variant, &workers, &gil, &engine, &python, &startMethod, &switchInterval, &timeScale, &seed, &repeat};
    }

    void addTo(QCommandLineParser& p) const
    {
        p.addOptions({list, run, calibrate, scenarioFile, variant, workers, gil, engine, python, startMethod,
                      switchInterval, timeScale, seed, repeat});
        for (const auto& [kind, o] : exports)
            p.addOption(o);
        p.addOptions({help, version});
    }
};

QCommandLineParser& configured(QCommandLineParser& p, const OptionSet& o)
{
    p.setApplicationDescription(CommandLine::tr("ThreadLab: see threads and processes really run."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    o.addTo(p);
    p.addPositionalArgument(QStringLiteral("file"), CommandLine::tr("A scenario file to load, as --scenario-file does."),
                            QStringLiteral("[FILE]"));
    return p;
}

QString dashed(const QCommandLineOption& option)
{
    return QStringLiteral("--") + option.names().constLast();
}

// Which action, and whether the options fit it. Returns a one-line error or nothing.
QString readAction(const QCommandLineParser& p, const OptionSet& o, CliOptions& opts)
{
    for (const QCommandLineOption* single : o.singles())
        if (p.values(*single).size() > 1)
            return CommandLine::tr("%1 is given more than once").arg(dashed(*single));
    if (p.isSet(o.list) + p.isSet(o.run) + p.isSet(o.calibrate) > 1)
        return CommandLine::tr("--list, --run and --calibrate cannot be used together");
    // threadlab FILE, as a desktop opens a lesson, is threadlab --scenario-file FILE.
    opts.scenarioFile = p.isSet(o.scenarioFile) ? p.value(o.scenarioFile) : p.positionalArguments().value(0);
    if (p.isSet(o.scenarioFile) && opts.scenarioFile.isEmpty())
        return CommandLine::tr("--scenario-file needs a path");
    if (p.isSet(o.list))
        opts.action = CliOptions::Action::List;
    else if (p.isSet(o.run))
        opts.action = CliOptions::Action::Run;
    else if (p.isSet(o.calibrate))
        opts.action = CliOptions::Action::Calibrate;

    const std::vector<const QCommandLineOption*> settings = o.runSettings();
    const bool runOnly = std::any_of(settings.begin(), settings.end(), [&p](const auto* s) { return p.isSet(*s); })
        || std::any_of(o.exports.begin(), o.exports.end(), [&p](const auto& e) { return p.isSet(e.second); });
    if (runOnly && opts.action != CliOptions::Action::Run)
        return CommandLine::tr("run options (--workers, --gil, --export-…, …) need --run ID");
    return {};
}

// One --engine word; nothing when it is none of them.
std::optional<EngineKind> engineNamed(const QString& word)
{
    for (const EngineKind e : {EngineKind::Model, EngineKind::CPython, EngineKind::Native})
        if (word == engineName(e))
            return e;
    return std::nullopt;
}

// --engine a[,b[,c]]: the engines in order, each once.
QString readEngines(const QString& value, std::vector<EngineKind>& engines)
{
    for (const QString& word : value.toLower().split(QLatin1Char(','))) {
        const std::optional<EngineKind> e = engineNamed(word.trimmed());
        if (!e)
            return CommandLine::tr("--engine must be model, cpython or native, got \"%1\"").arg(value);
        if (std::find(engines.begin(), engines.end(), *e) != engines.end())
            return CommandLine::tr("--engine names \"%1\" twice").arg(engineName(*e));
        engines.push_back(*e);
    }
    return {};
}

// --engine, --gil, --python and --start-method; --gil on|off means model|native.
QString readEngine(const QCommandLineParser& p, const OptionSet& o, RunSettings& s)
{
    if (p.isSet(o.engine)) {
        std::vector<EngineKind> engines;
        if (QString why = readEngines(p.value(o.engine), engines); !why.isEmpty())
            return why;
        s.engine = engines.front();
        if (engines.size() > 1)
            s.engines = engines;
        if (engines.size() > 1 && p.isSet(o.gil))
            return CommandLine::tr("--gil cannot be used with more than one engine (--engine %1)").arg(p.value(o.engine));
        // The CPython engine has the interpreter's own GIL: only --gil off contradicts it.
        const bool wantsGil = s.engine != EngineKind::Native;
        if (p.isSet(o.gil) && s.gil != wantsGil)
            return CommandLine::tr("--engine %1 contradicts --gil %2 (--gil on means the model, off native)")
                .arg(p.value(o.engine).toLower(), p.value(o.gil).toLower());
        s.gil = wantsGil;
    } else if (p.isSet(o.gil)) {
        s.engine = s.gil ? EngineKind::Model : EngineKind::Native;
    }
    if (p.isSet(o.python)) {
        s.python = p.value(o.python);
        if (s.python.isEmpty())
            return CommandLine::tr("--python needs a path");
    }
    if (p.isSet(o.startMethod)) {
        s.startMethod = p.value(o.startMethod);
        static const QStringList methods {QStringLiteral("fork"), QStringLiteral("spawn"),
                                          QStringLiteral("forkserver")};
        if (!methods.contains(s.startMethod))
            return CommandLine::tr("--start-method must be fork, spawn or forkserver, got \"%1\"").arg(s.startMethod);
    }
    return {};
}

QString readSettings(const QCommandLineParser& p, const OptionSet& o, RunSettings& s)
{
    s.variants = p.values(o.variant);
    for (const QString& v : s.variants)
        if (v.isEmpty())
            return CommandLine::tr("--variant needs a name");
    bool ok = true;
    if (p.isSet(o.workers)) {
        s.workers = p.value(o.workers).toInt(&ok);
        if (!ok || s.workers < 1 || s.workers > Limits::maxWorkersPerVariant)
            return CommandLine::tr("--workers must be a whole number from 1 to %1, got \"%2\"")
                .arg(Limits::maxWorkersPerVariant)
                .arg(p.value(o.workers));
    }
    if (p.isSet(o.gil)) {
        const QString g = p.value(o.gil).toLower();
        if (g != QLatin1String("on") && g != QLatin1String("off"))
            return CommandLine::tr("--gil must be on or off, got \"%1\"").arg(p.value(o.gil));
        s.gil = g == QLatin1String("on");
    }
    if (QString why = readEngine(p, o, s); !why.isEmpty())
        return why;
    if (p.isSet(o.switchInterval)) {
        s.switchIntervalMs = p.value(o.switchInterval).toInt(&ok);
        if (!ok || s.switchIntervalMs < Limits::minSwitchIntervalMs || s.switchIntervalMs > Limits::maxSwitchIntervalMs)
            return CommandLine::tr("--switch-interval-ms must be a whole number from %1 to %2, got \"%3\"")
                .arg(Limits::minSwitchIntervalMs)
                .arg(Limits::maxSwitchIntervalMs)
                .arg(p.value(o.switchInterval));
    }
    if (p.isSet(o.timeScale)) {
        s.timeScale = p.value(o.timeScale).toDouble(&ok);
        if (!ok || !std::isfinite(s.timeScale) || s.timeScale < Limits::minTimeScale || s.timeScale > Limits::maxTimeScale)
            return CommandLine::tr("--time-scale must be a number from %1 to %2, got \"%3\"")
                .arg(Limits::minTimeScale)
                .arg(Limits::maxTimeScale)
                .arg(p.value(o.timeScale));
    }
    if (p.isSet(o.seed)) {
        s.seed = p.value(o.seed).toULongLong(&ok);
        if (!ok)
            return CommandLine::tr("--seed must be a whole number from 0 to 18446744073709551615, got \"%1\"")
                .arg(p.value(o.seed));
    }
    return {};
}

QString readExports(const QCommandLineParser& p, const OptionSet& o, std::vector<ExportRequest>& exports)
{
    // Data files are checked before pictures, as they always were: the error names the same
    // option when several are empty.
    auto options = o.exports;
    std::stable_partition(options.begin(), options.end(), [](const auto& e) { return !e.first->isPicture(); });
    for (const auto& [kind, option] : options) {
        if (!p.isSet(option))
            continue;
        if (p.value(option).isEmpty())
            return CommandLine::tr("%1 needs a file name").arg(dashed(option));
    }
    for (const auto& [kind, option] : o.exports)
        if (p.isSet(option))
            exports.push_back({kind, p.value(option)});
    return {};
}

// Fills opts from the arguments; returns a one-line error or nothing.
QString read(QCommandLineParser& p, const OptionSet& o, const QStringList& arguments, CliOptions& opts)
{
    if (!p.parse(arguments))
        return p.errorText();
    // At most one scenario file, named once.
    const QStringList files = p.positionalArguments();
    if (files.size() > 1 || (!files.isEmpty() && p.isSet(o.scenarioFile)))
        return CommandLine::tr("unexpected argument \"%1\" (see --help)").arg(files.constLast());
    if (p.isSet(o.help)) {
        opts.action = CliOptions::Action::Help;
        return {};
    }
    if (p.isSet(o.version)) {
        opts.action = CliOptions::Action::Version;
        return {};
    }
    if (QString why = readAction(p, o, opts); !why.isEmpty() || opts.action != CliOptions::Action::Run)
        return why;
    opts.runId = p.value(o.run);
    if (opts.runId.isEmpty())
        return CommandLine::tr("--run needs a scenario id (see --list)");
    if (QString why = readSettings(p, o, opts.settings); !why.isEmpty())
        return why;
    if (p.isSet(o.repeat)) {
        bool ok = false;
        opts.repeat = p.value(o.repeat).toInt(&ok);
        if (!ok || opts.repeat < 1 || opts.repeat > Limits::maxRepeatRuns)
            return CommandLine::tr("--repeat must be a whole number from 1 to %1, got \"%2\"")
                .arg(Limits::maxRepeatRuns)
                .arg(p.value(o.repeat));
    }
    return readExports(p, o, opts.exports);
}

} // namespace

QString CliOptions::exportPath(const ExportKind& kind) const
{
    for (const ExportRequest& request : exports)
        if (request.kind == &kind)
            return request.path;
    return {};
}

bool CliOptions::wantsPictures() const
{
    return std::any_of(exports.begin(), exports.end(), [](const ExportRequest& r) { return r.kind->isPicture(); });
}

QString CommandLine::helpText()
{
    QCommandLineParser p;
    OptionSet o;
    configured(p, o);
    return p.helpText();
}

std::optional<CliOptions> CommandLine::parse(const QStringList& arguments, QString* error)
{
    QCommandLineParser p;
    OptionSet o;
    configured(p, o);
    CliOptions opts;
    const QString why = read(p, o, arguments, opts);
    if (why.isEmpty())
        return opts;
    if (error)
        *error = why;
    return std::nullopt;
}

namespace {

// The files a finished run was asked for: data first, then pictures (through the GUI part).
// Returns false when one could not be written (its one-line error is on err).
bool writeExports(const RunResult& result, const CliOptions& options, QTextStream& err,
                  const CommandLine::PictureExporter& pictures)
{
    bool ok = true;
    QString error;
    for (const ExportKind* kind : ExportKind::bySubject()) {
        const QString path = options.exportPath(*kind);
        if (!kind->isPicture() && !path.isEmpty() && !ResultExporter::write(*kind, result, path, &error)) {
            err << error << '\n';
            ok = false;
        }
    }
    if (options.wantsPictures() && !pictures(result, options, &error)) {
        err << error << '\n';
        ok = false;
    }
    return ok;
}

// "--export-png, --export-timeline-png, …": the options that need the GUI part.
QString pictureOptions()
{
    QStringList names;
    for (const ExportKind& kind : ExportKind::all())
        if (kind.isPicture() && kind.onCommandLine())
            names << QStringLiteral("--") + kind.optionName();
    return names.join(QStringLiteral(", "));
}

// The scenario --run names; a teacher's file may replace a built-in of the same id.
const Scenario* chosenScenario(const std::vector<Scenario>& scenarios, const QString& id)
{
    const Scenario* chosen = nullptr;
    for (const Scenario& s : scenarios)
        if (s.id == id)
            chosen = &s;
    return chosen;
}

// Variants whose Python interpreter failed (its main lane crashed): one line each.
QStringList interpreterFailures(const RunResult& result)
{
    QStringList lines;
    for (const VariantResult& v : result.variants)
        if (v.engine == EngineKind::CPython && !v.workers.empty()
            && v.workers.front().outcome == WorkerOutcome::Crashed)
            lines << CommandLine::tr("variant \"%1\": %2").arg(v.name, v.workers.front().outcomeDetail);
    return lines;
}

// Runs the scenario options.repeat times, interleaved, and combines the runs (SeriesRunner).
RunResult runRepeated(const Scenario& scenario, const CliOptions& options, bool* failedToStart)
{
    Engine engine;
    SeriesRunner series(&engine);
    SignalWatcher interrupts; // Ctrl+C or SIGTERM: cancel the run, clean up, exit 3
    QObject::connect(&interrupts, &SignalWatcher::terminationRequested, &series, &SeriesRunner::cancel);
    RunResult result;
    QEventLoop loop;
    QObject::connect(&series, &SeriesRunner::finished, &loop, [&result, &loop](const RunResult& r) {
        result = r;
        loop.quit();
    });
    if (series.start(scenario, options.settings, options.repeat))
        loop.exec();
    *failedToStart = series.workerFailedToStart();
    return result;
}

// --calibrate: measure again, print the figures and where they are kept.
int calibrate(const CliOptions& options, QTextStream& out, QTextStream& err)
{
    const PythonInterpreter python = PythonInterpreter::probe(options.settings.python);
    CPythonCosts::Options how;
    how.remeasure = true;
    const CPythonCosts costs = CPythonCosts::load(python, how);
    if (costs.source() != CPythonCosts::Source::Measured) {
        err << costs.note() << '\n';
        err << CommandLine::tr("the model uses the development machine's figures") << '\n';
        return CommandLine::RunFailed;
    }
    out << CommandLine::tr("Measured %1 (Python %2):").arg(costs.pythonPath(), costs.figures().version) << '\n';
    out << QJsonDocument(CPythonCosts::figuresJson(costs.figures())).toJson(QJsonDocument::Indented);
    out << CommandLine::tr("Cached in %1").arg(costs.cacheFile().isEmpty() ? CommandLine::tr("(nowhere: the cache folder is not writable)")
                                                                           : costs.cacheFile())
        << '\n';
    return CommandLine::Ok;
}

} // namespace

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
    case CliOptions::Action::Calibrate:
        return calibrate(options, out, err);
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

    const Scenario* chosen = chosenScenario(scenarios, options.runId);
    if (!chosen) {
        QStringList ids;
        for (const Scenario& s : scenarios)
            ids << s.id;
        err << tr("no scenario \"%1\" (see --list: %2)").arg(options.runId, ids.join(QStringLiteral(", "))) << '\n';
        return UsageError;
    }
    if (options.wantsPictures() && !pictures) {
        err << tr("picture exports (%1) need the GUI part, which this build does not include").arg(pictureOptions())
            << '\n';
        return UsageError;
    }

    const RunSettings& settings = options.settings;
    const bool cpython = settings.engine == EngineKind::CPython
        || std::find(settings.engines.begin(), settings.engines.end(), EngineKind::CPython) != settings.engines.end();
    if (cpython || !settings.python.isEmpty()) {
        const PythonInterpreter python = PythonInterpreter::probe(settings.python);
        if (!python.usable()) {
            err << python.error() << '\n';
            return UsageError;
        }
    }

    bool failedToStart = false;
    CliOptions costed = options; // the model's CPython costs: cached, measured, or the development machine's
    costed.settings.loadModelCosts = true;
    RunResult result = runRepeated(*chosen, costed, &failedToStart);
    if (!result.error.isEmpty()) {
        err << result.error << '\n';
        return UsageError; // the settings did not fit the scenario (e.g. an unknown --variant)
    }
    out << ResultWriter::summaryTable(result);
    out.flush();

    int code = result.cancelled || failedToStart ? RunFailed : Ok;
    if (const QStringList failures = interpreterFailures(result); !failures.isEmpty()) {
        err << failures.join(QLatin1Char('\n')) << '\n';
        code = RunFailed;
    }
    if (!writeExports(result, options, err, pictures))
        code = RunFailed;
    if (result.cancelled)
        err << tr("the run was cancelled") << '\n';
    return code;
}

} // namespace ThreadLab
