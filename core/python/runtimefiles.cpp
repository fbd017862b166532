#include "python/runtimefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ThreadLab {

QString RuntimeFiles::pythonDir()
{
    return pythonDir(QCoreApplication::applicationDirPath());
}

QString RuntimeFiles::pythonDir(const QString& executableDir)
{
    const QDir dir(executableDir);
    const QString buildTree = dir.filePath(QStringLiteral("threadlab-python"));
    if (QFileInfo(buildTree).isDir())
        return buildTree;
    return QDir::cleanPath(dir.filePath(QStringLiteral(THREADLAB_PYTHON_DIR_FROM_BINDIR)));
}

QString RuntimeFiles::pythonProgram(const QString& fileName)
{
    return QDir(pythonDir()).filePath(fileName);
}

} // namespace ThreadLab
