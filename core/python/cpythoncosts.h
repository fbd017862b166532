#pragma once

#include "tasks/modelcosts.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>

namespace ThreadLab {

class PythonInterpreter;

// What the configured CPython costs, for the model engine: measured by ThreadLab's own
// threadlab_calibrate.py run with that interpreter, cached per interpreter (its path, its
// version and the program's modification time) under the user's cache folder, and measured
// again when that key changes or when asked. Without a usable interpreter, or when the
// calibration fails, the figures measured on the development machine stand in, and every
// result says so.
class CPythonCosts
{
public:
    enum class Source { Measured, DevelopmentMachine };

    // Microseconds, as the calibration prints them.
    struct ProcessFigures
    {
        double startParentUs = 0;
        double bootUs = 0;
        double exitUs = 0;
    };
    struct Figures
    {
        QString version;
        QString defaultStartMethod;
        std::map<QString, ProcessFigures> startMethods; // fork, spawn, forkserver: what the platform offers
        double sleep0Us = 0;
        double threadStartUs = 0;
        double threadStartCpuUs = 0; // Thread.start() of a thread that computes: main's wait for the GIL
        double processQueueUs = 0;   // multiprocessing.Queue put -> get, between processes
        double threadQueueUs = 0;    // queue.Queue put -> get, between threads
        double processQueueCreateUs = 0;
    };

    struct Options
    {
        QString scriptPath;     // empty: defaultScriptPath()
        QString cacheDir;       // empty: defaultCacheDir()
        bool remeasure = false; // ignore the cache
        int timeoutMs = 30000;
    };

    // Cached figures for `python` when the key matches, else measured now (and cached); the
    // development machine's when `python` is unusable or the calibration fails.
    static CPythonCosts load(const PythonInterpreter& python, const Options& options);
    static CPythonCosts developmentMachine(const QString& why);
    // Figures measured elsewhere (a test's, or another process's), as if measured from `python`.
    static CPythonCosts measured(const Figures& figures, const QString& pythonPath);
    // threadlab_calibrate.py in RuntimeFiles::pythonDir().
    static QString defaultScriptPath();
    static QString defaultCacheDir();

    // The calibration's output, validated: every field present, every figure a finite number
    // within its bounds. On failure, one line naming `origin` and the problem in *error.
    static std::optional<Figures> parse(const QByteArray& output, const QString& origin, QString* error);
    static QJsonObject figuresJson(const Figures& figures);

    Source source() const noexcept { return m_source; }
    const Figures& figures() const noexcept { return m_figures; }
    const QString& pythonPath() const noexcept { return m_pythonPath; }
    const QString& cacheFile() const noexcept { return m_cacheFile; }
    bool fromCache() const noexcept { return m_fromCache; }
    // Why the development machine's figures are used, or why the cache was not: empty if neither.
    const QString& note() const noexcept { return m_note; }

    // The start method a run uses: `asked`, else the interpreter's default.
    QString startMethod(const QString& asked) const;
    // The figures the model charges for a run with that start method.
    ModelCosts modelCosts(const QString& startMethod) const;
    // results JSON "model_costs": {source, python, start_method, figures...}
    QJsonObject resultJson(const QString& startMethod) const;
    // One line for the summary table and the status bar's tooltip: the figures used.
    QString summary(const QString& startMethod) const;
    // A few words for the status bar: where the figures come from.
    QString shortSummary(const QString& startMethod) const;

private:
    ProcessFigures processFigures(const QString& method) const;
    static std::optional<CPythonCosts> readCache(const QString& file, const QJsonObject& key, QString* note);
    static std::optional<Figures> measure(const PythonInterpreter& python, const QString& script, int timeoutMs,
                                          QString* error);

    Source m_source = Source::DevelopmentMachine;
    Figures m_figures;
    QString m_pythonPath;
    QString m_cacheFile;
    bool m_fromCache = false;
    QString m_note;
};

} // namespace ThreadLab
