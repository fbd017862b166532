#include "python/pythoninterpreter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace ThreadLab {

namespace {

} // namespace

const char* PythonInterpreter::probeProgram()
{
    return "import sys, json, multiprocessing\n"
           "gil = getattr(sys, '_is_gil_enabled', lambda: True)()\n"
           "print(json.dumps({'threadlab_probe': 1, 'version': '%d.%d.%d' % sys.version_info[:3],\n"
           "  'major': sys.version_info[0], 'minor': sys.version_info[1], 'gil': bool(gil),\n"
           "  'start_method': multiprocessing.get_start_method(),\n"
           "  'switch_interval_ms': sys.getswitchinterval() * 1000}))\n";
}

QString PythonInterpreter::defaultPath()
{
    // The user's standing choice, for every run that names none (the test harness uses it too).
    const QString chosen = qEnvironmentVariable("THREADLAB_PYTHON");
    if (!chosen.isEmpty())
        return chosen;
#if defined(Q_OS_LINUX)
    const QFileInfo distribution(QStringLiteral("/usr/bin/python3"));
    if (distribution.isExecutable())
        return distribution.filePath();
#endif
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

PythonInterpreter PythonInterpreter::failed(const QString& path, const QString& problem)
{
    PythonInterpreter p;
    p.m_path = path;
    p.m_error = path.isEmpty() ? problem : QCoreApplication::translate("PythonInterpreter", "Python interpreter %1: %2").arg(path, problem);
    return p;
}

PythonInterpreter PythonInterpreter::probe(const QString& asked, int timeoutMs)
{
    const QString path = asked.isEmpty() ? defaultPath() : QFileInfo(asked).absoluteFilePath();
    if (path.isEmpty())
        return failed({}, QCoreApplication::translate("PythonInterpreter", "no python3 found (install python3, or name one with --python)"));
    const QFileInfo file(path);
    if (!file.exists())
        return failed(path, QCoreApplication::translate("PythonInterpreter", "no such file"));
    if (file.isDir() || !file.isExecutable())
        return failed(path, QCoreApplication::translate("PythonInterpreter", "not an executable program"));
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardErrorFile(QProcess::nullDevice());
    process.start(path, {QStringLiteral("-I"), QStringLiteral("-c"), QString::fromLatin1(probeProgram())});
    if (!process.waitForStarted(timeoutMs))
        return failed(path, QCoreApplication::translate("PythonInterpreter", "could not be started"));
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return failed(path, QCoreApplication::translate("PythonInterpreter", "did not answer within %1 s").arg(timeoutMs / 1000.0));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failed(path, QCoreApplication::translate("PythonInterpreter", "is not a Python 3 interpreter ThreadLab can use (the probe failed)"));
    return fromProbeOutput(path, process.readAllStandardOutput());
}

PythonInterpreter PythonInterpreter::fromProbeOutput(const QString& path, const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(output.trimmed(), &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || !doc.isObject() || o.value(QLatin1String("threadlab_probe")).toInt() != 1)
        return failed(path, QCoreApplication::translate("PythonInterpreter", "answered the probe with something that is not its report"));
    PythonInterpreter p;
    p.m_path = path;
    p.m_version = o.value(QLatin1String("version")).toString();
    p.m_major = o.value(QLatin1String("major")).toInt();
    p.m_minor = o.value(QLatin1String("minor")).toInt();
    p.m_gilEnabled = o.value(QLatin1String("gil")).toBool(true);
    p.m_startMethod = o.value(QLatin1String("start_method")).toString();
    p.m_switchIntervalMs = o.value(QLatin1String("switch_interval_ms")).toDouble();
    if (p.m_major != 3 || p.m_minor < 8)
        return failed(path, QCoreApplication::translate("PythonInterpreter", "is Python %1; ThreadLab needs Python 3.8 or later").arg(p.m_version));
    if (p.m_startMethod.isEmpty() || p.m_switchIntervalMs <= 0)
        return failed(path, QCoreApplication::translate("PythonInterpreter", "answered the probe with something that is not its report"));
    return p;
}

} // namespace ThreadLab
