#include "python/cpythoncosts.h"

#include "python/pythoninterpreter.h"
#include "python/runtimefiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <cmath>

namespace ThreadLab {

namespace {

constexpr int calibrationFormat = 1;
constexpr qsizetype maxOutputBytes = 64 * 1024;

// The figures used when no interpreter can be measured. Measured on the development machine
// (a 2-core x86-64 VM, Debian 12, /usr/bin/python3 3.11.2) on 2026-12-02 with
//     /usr/bin/python3 -I resources/python/threadlab_calibrate.py
// run eight times, 20 s apart, from 04:10 to 04:13 UTC. The machine was busy all along (load
// average 2.5-3.6 on 2 cores, two other builds running): these are the quietest run's figures
// (04:10:26, 15% of the CPU idle during it; the others had 0-5%). Its thread_start_us is high
// against the other runs' 50-70 µs; the model does not use that one.
const char developmentFigures[] = R"({"threadlab_calibration": 1, "version": "3.11.2",
  "default_start_method": "fork",
  "start_methods": {
    "fork": {"process_start_parent_us": 478.7, "process_boot_us": 1308.9, "process_exit_us": 628.2},
    "forkserver": {"process_start_parent_us": 1433.6, "process_boot_us": 18572.7, "process_exit_us": 1569.5},
    "spawn": {"process_start_parent_us": 640.1, "process_boot_us": 42383.1, "process_exit_us": 9333.5}},
  "sleep0_us": 70.6, "thread_start_us": 1414.7, "thread_start_cpu_us": 9063.9,
  "queue_put_get_us": {"process": 22.1, "thread": 12.0}, "mp_queue_create_us": 125.2})";

// A figure's field name and the largest value that is still believable (µs).
struct Bound
{
    const char* key;
    double maxUs;
};
constexpr Bound processBounds[] = {
    {"process_start_parent_us", 10e6}, {"process_boot_us", 10e6}, {"process_exit_us", 10e6}};

// One figure: present, a finite number, above zero and at most its bound.
bool readFigure(const QJsonObject& o, const char* key, double maxUs, double& out, QString& why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        why = QCoreApplication::translate("CPythonCosts", "missing field '%1'").arg(QLatin1String(key));
        return false;
    }
    out = v.toDouble(-1);
    if (!v.isDouble() || !std::isfinite(out) || out <= 0 || out > maxUs) {
        why = QCoreApplication::translate("CPythonCosts", "field '%1' is not a believable time in microseconds (above 0, at most %2)")
                  .arg(QLatin1String(key))
                  .arg(maxUs, 0, 'g', 6);
        return false;
    }
    return true;
}

bool readStartMethods(const QJsonObject& o, CPythonCosts::Figures& f, QString& why)
{
    const QJsonObject methods = o.value(QLatin1String("start_methods")).toObject();
    static const QStringList known {QStringLiteral("fork"), QStringLiteral("spawn"), QStringLiteral("forkserver")};
    if (methods.isEmpty()) {
        why = QCoreApplication::translate("CPythonCosts", "missing field 'start_methods'");
        return false;
    }
    for (auto it = methods.begin(); it != methods.end(); ++it) {
        if (!known.contains(it.key())) {
            why = QCoreApplication::translate("CPythonCosts", "unknown start method '%1'").arg(it.key().left(40));
            return false;
        }
        const QJsonObject m = it.value().toObject();
        CPythonCosts::ProcessFigures p;
        double* fields[] = {&p.startParentUs, &p.bootUs, &p.exitUs};
        for (int i = 0; i < 3; ++i)
            if (!readFigure(m, processBounds[i].key, processBounds[i].maxUs, *fields[i], why)) {
                why = it.key() + QStringLiteral(": ") + why;
                return false;
            }
        f.startMethods[it.key()] = p;
    }
    f.defaultStartMethod = o.value(QLatin1String("default_start_method")).toString();
    if (!f.startMethods.count(f.defaultStartMethod)) {
        why = QCoreApplication::translate("CPythonCosts", "field 'default_start_method' names no measured start method");
        return false;
    }
    return true;
}

bool readFigures(const QJsonObject& o, CPythonCosts::Figures& f, QString& why)
{
    if (o.value(QLatin1String("threadlab_calibration")).toInt() != calibrationFormat) {
        why = QCoreApplication::translate("CPythonCosts", "not a ThreadLab calibration report of format %1").arg(calibrationFormat);
        return false;
    }
    f.version = o.value(QLatin1String("version")).toString().left(40);
    if (f.version.isEmpty()) {
        why = QCoreApplication::translate("CPythonCosts", "missing field 'version'");
        return false;
    }
    const QJsonObject queues = o.value(QLatin1String("queue_put_get_us")).toObject();
    return readStartMethods(o, f, why) && readFigure(o, "sleep0_us", 100e3, f.sleep0Us, why)
        && readFigure(o, "thread_start_us", 1e6, f.threadStartUs, why)
        && readFigure(o, "thread_start_cpu_us", 10e6, f.threadStartCpuUs, why)
        && readFigure(queues, "process", 1e6, f.processQueueUs, why)
        && readFigure(queues, "thread", 1e6, f.threadQueueUs, why)
        && readFigure(o, "mp_queue_create_us", 1e6, f.processQueueCreateUs, why);
}

std::int64_t ns(double us)
{
    return std::llround(us * 1000.0);
}

QString defaultStartMethodOfPlatform()
{
#if defined(Q_OS_LINUX)
    return QStringLiteral("fork");
#else
    return QStringLiteral("spawn");
#endif
}

} // namespace

std::optional<CPythonCosts::Figures> CPythonCosts::parse(const QByteArray& output, const QString& origin, QString* error)
{
    QString why;
    Figures f;
    QJsonParseError parseError {};
    const QJsonDocument doc = output.size() > maxOutputBytes ? QJsonDocument()
                                                             : QJsonDocument::fromJson(output.trimmed(), &parseError);
    if (output.size() > maxOutputBytes)
        why = QCoreApplication::translate("CPythonCosts", "longer than %1 KiB").arg(maxOutputBytes / 1024);
    else if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        why = QCoreApplication::translate("CPythonCosts", "not a JSON object");
    if (why.isEmpty() && readFigures(doc.object(), f, why))
        return f;
    if (error)
        *error = QCoreApplication::translate("CPythonCosts", "calibration figures from %1: %2").arg(origin, why);
    return std::nullopt;
}

QJsonObject CPythonCosts::figuresJson(const Figures& f)
{
    QJsonObject methods;
    for (const auto& [name, p] : f.startMethods)
        methods.insert(name, QJsonObject {{QStringLiteral("process_start_parent_us"), p.startParentUs},
                                          {QStringLiteral("process_boot_us"), p.bootUs},
                                          {QStringLiteral("process_exit_us"), p.exitUs}});
    return {{QStringLiteral("threadlab_calibration"), calibrationFormat},
            {QStringLiteral("version"), f.version},
            {QStringLiteral("default_start_method"), f.defaultStartMethod},
            {QStringLiteral("start_methods"), methods},
            {QStringLiteral("sleep0_us"), f.sleep0Us},
            {QStringLiteral("thread_start_us"), f.threadStartUs},
            {QStringLiteral("thread_start_cpu_us"), f.threadStartCpuUs},
            {QStringLiteral("queue_put_get_us"),
             QJsonObject {{QStringLiteral("process"), f.processQueueUs}, {QStringLiteral("thread"), f.threadQueueUs}}},
            {QStringLiteral("mp_queue_create_us"), f.processQueueCreateUs}};
}

CPythonCosts CPythonCosts::developmentMachine(const QString& why)
{
    CPythonCosts c;
    c.m_source = Source::DevelopmentMachine;
    c.m_figures = *parse(QByteArray(developmentFigures), QStringLiteral("the development machine"), nullptr);
    c.m_figures.defaultStartMethod = defaultStartMethodOfPlatform();
    c.m_note = why;
    return c;
}

CPythonCosts CPythonCosts::measured(const Figures& figures, const QString& pythonPath)
{
    CPythonCosts c;
    c.m_source = Source::Measured;
    c.m_figures = figures;
    c.m_pythonPath = pythonPath;
    return c;
}

QString CPythonCosts::defaultScriptPath()
{
    return RuntimeFiles::pythonProgram(QStringLiteral("threadlab_calibrate.py"));
}

QString CPythonCosts::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
}

std::optional<CPythonCosts::Figures> CPythonCosts::measure(const PythonInterpreter& python, const QString& script,
                                                            int timeoutMs, QString* error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(python.path(), {QStringLiteral("-I"), script});
    process.closeWriteChannel();
    const bool finished = process.waitForStarted(timeoutMs) && process.waitForFinished(timeoutMs);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(1000);
        }
        *error = !finished ? QCoreApplication::translate("CPythonCosts", "calibration with %1 did not finish within %2 s").arg(python.path()).arg(timeoutMs / 1000.0)
                           : QCoreApplication::translate("CPythonCosts", "calibration with %1 failed (%2 ended with exit code %3)")
                                 .arg(python.path(), QFileInfo(script).fileName())
                                 .arg(process.exitCode());
        return std::nullopt;
    }
    return parse(process.readAllStandardOutput(), QCoreApplication::translate("CPythonCosts", "%1 %2").arg(python.path(), script), error);
}

std::optional<CPythonCosts> CPythonCosts::readCache(const QString& file, const QJsonObject& key, QString* note)
{
    QFile f(file);
    if (!f.exists())
        return std::nullopt;
    const QByteArray bytes = f.open(QIODevice::ReadOnly) ? f.read(maxOutputBytes + 1) : QByteArray();
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    const QJsonValue storedKey = o.value(QLatin1String("key"));
    if (storedKey.isObject() && storedKey.toObject() != key)
        return std::nullopt; // another interpreter version or calibration program: measure again
    QString error;
    const auto figures =
        parse(QJsonDocument(o.value(QLatin1String("figures")).toObject()).toJson(QJsonDocument::Compact), file, &error);
    if (!figures || !storedKey.isObject()) {
        *note = QCoreApplication::translate("CPythonCosts", "the cache file %1 was unreadable, so the figures were measured again").arg(file);
        return std::nullopt;
    }
    CPythonCosts c = measured(*figures, key.value(QLatin1String("python")).toString());
    c.m_cacheFile = file;
    c.m_fromCache = true;
    return c;
}

CPythonCosts CPythonCosts::load(const PythonInterpreter& python, const Options& options)
{
    if (!python.usable())
        return developmentMachine(python.error());
    const QString script = options.scriptPath.isEmpty() ? defaultScriptPath() : options.scriptPath;
    const QFileInfo scriptInfo(script);
    if (!scriptInfo.isFile())
        return developmentMachine(QCoreApplication::translate("CPythonCosts", "the calibration program %1 is missing").arg(script));
    const QJsonObject key {{QStringLiteral("python"), python.path()},
                           {QStringLiteral("version"), python.version()},
                           {QStringLiteral("calibration_mtime_ms"), double(scriptInfo.lastModified().toMSecsSinceEpoch())}};
    const QString dir = options.cacheDir.isEmpty() ? defaultCacheDir() : options.cacheDir;
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(python.path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
    const QString file = QDir(dir).filePath(QStringLiteral("cpython-costs-%1.json").arg(hash));
    QString note;
    if (!options.remeasure)
        if (std::optional<CPythonCosts> cached = readCache(file, key, &note))
            return *cached;
    QString error;
    const std::optional<Figures> figures = measure(python, script, options.timeoutMs, &error);
    if (!figures)
        return developmentMachine(error);
    CPythonCosts c = measured(*figures, python.path());
    c.m_note = note;
    QSaveFile out(file);
    if (QDir().mkpath(dir) && out.open(QIODevice::WriteOnly)) {
        out.write(QJsonDocument(QJsonObject {{QStringLiteral("key"), key}, {QStringLiteral("figures"), figuresJson(c.m_figures)}})
                      .toJson());
        if (out.commit())
            c.m_cacheFile = file;
    }
    return c;
}

QString CPythonCosts::startMethod(const QString& asked) const
{
    if (!asked.isEmpty() && m_figures.startMethods.count(asked))
        return asked;
    return m_figures.defaultStartMethod;
}

CPythonCosts::ProcessFigures CPythonCosts::processFigures(const QString& method) const
{
    const auto it = m_figures.startMethods.find(method);
    return it != m_figures.startMethods.end() ? it->second : ProcessFigures {};
}

ModelCosts CPythonCosts::modelCosts(const QString& asked) const
{
    const ProcessFigures p = processFigures(startMethod(asked));
    ModelCosts c;
    c.processStartParentNs = ns(p.startParentUs);
    c.processBootNs = ns(p.bootUs);
    c.processExitNs = ns(p.exitUs);
    c.sleep0Ns = ns(m_figures.sleep0Us);
    c.processQueueLatencyNs = ns(m_figures.processQueueUs);
    c.threadQueueLatencyNs = ns(m_figures.threadQueueUs);
    c.processQueueCreateNs = ns(m_figures.processQueueCreateUs);
    c.threadStartHandOver = true;
    return c;
}

QJsonObject CPythonCosts::resultJson(const QString& asked) const
{
    const QString method = startMethod(asked);
    const ProcessFigures p = processFigures(method);
    const bool measured = m_source == Source::Measured;
    return {{QStringLiteral("source"), measured ? QStringLiteral("measured") : QStringLiteral("development machine")},
            {QStringLiteral("python"), measured ? QJsonValue(m_pythonPath) : QJsonValue()},
            {QStringLiteral("version"), m_figures.version},
            {QStringLiteral("start_method"), method},
            {QStringLiteral("process_start_parent_us"), p.startParentUs},
            {QStringLiteral("process_boot_us"), p.bootUs},
            {QStringLiteral("process_exit_us"), p.exitUs},
            {QStringLiteral("sleep0_us"), m_figures.sleep0Us},
            {QStringLiteral("thread_start_us"), m_figures.threadStartUs},
            {QStringLiteral("thread_start_cpu_us"), m_figures.threadStartCpuUs},
            {QStringLiteral("queue_put_get_us"), QJsonObject {{QStringLiteral("process"), m_figures.processQueueUs},
                                                              {QStringLiteral("thread"), m_figures.threadQueueUs}}},
            {QStringLiteral("mp_queue_create_us"), m_figures.processQueueCreateUs},
            {QStringLiteral("note"), m_note.isEmpty() ? QJsonValue() : QJsonValue(m_note)}};
}

QString CPythonCosts::shortSummary(const QString& asked) const
{
    return m_source == Source::Measured
        ? QCoreApplication::translate("CPythonCosts", "Model calibrated against %1 %2 (%3).").arg(m_pythonPath, m_figures.version, startMethod(asked))
        : QCoreApplication::translate("CPythonCosts", "Model with the development machine's CPython figures (%1).").arg(startMethod(asked));
}

QString CPythonCosts::summary(const QString& asked) const
{
    const QString method = startMethod(asked);
    const ProcessFigures p = processFigures(method);
    const QString from = m_source == Source::Measured
        ? QCoreApplication::translate("CPythonCosts", "measured from %1 %2").arg(m_pythonPath, m_figures.version)
        : QCoreApplication::translate("CPythonCosts", "the development machine's (%1)").arg(m_note.isEmpty() ? QCoreApplication::translate("CPythonCosts", "no measurement") : m_note);
    return QCoreApplication::translate("CPythonCosts", "Model costs, %1: a %2 process starts in %3 ms + %4 ms, ends in %5 ms; time.sleep(0) %6 µs")
        .arg(from, method)
        .arg(p.startParentUs / 1000.0, 0, 'f', 1)
        .arg(p.bootUs / 1000.0, 0, 'f', 1)
        .arg(p.exitUs / 1000.0, 0, 'f', 1)
        .arg(m_figures.sleep0Us, 0, 'f', 0);
}

} // namespace ThreadLab
