#include "python/runtimefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <QTest>

using namespace ThreadLab;

// Where the app looks for its Python programs, in a build tree and in an installed tree laid out
// as cmake --install and the Debian package lay it out (bin/ beside share/threadlab/python/).
class TestRuntimeFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsThePythonFolder_data()
    {
        QTest::addColumn<QStringList>("folders");   // made in a fresh tree
        QTest::addColumn<QString>("executableDir"); // where the program would run from
        QTest::addColumn<QString>("expected");
        QTest::newRow("build tree") << QStringList {QStringLiteral("bin/threadlab-python")} << QStringLiteral("bin")
                                    << QStringLiteral("bin/threadlab-python");
        QTest::newRow("installed") << QStringList {QStringLiteral("bin"), QStringLiteral("share/threadlab/python")}
                                   << QStringLiteral("bin") << QStringLiteral("share/threadlab/python");
        // Relocatable: nothing absolute is built in, so a tree installed under any prefix works.
        QTest::newRow("moved") << QStringList {QStringLiteral("opt/x/bin"), QStringLiteral("opt/x/share/threadlab/python")}
                               << QStringLiteral("opt/x/bin") << QStringLiteral("opt/x/share/threadlab/python");
        // Missing: the installed place, which the error about a missing program then names.
        QTest::newRow("missing") << QStringList {QStringLiteral("bin")} << QStringLiteral("bin")
                                 << QStringLiteral("share/threadlab/python");
    }
    void findsThePythonFolder()
    {
        QFETCH(QStringList, folders);
        QFETCH(QString, executableDir);
        QFETCH(QString, expected);
        QTemporaryDir tree;
        for (const QString& folder : folders)
            QVERIFY(QDir(tree.path()).mkpath(folder));
        QCOMPARE(RuntimeFiles::pythonDir(tree.filePath(executableDir)), tree.filePath(expected));
    }

    void thisBuildFindsItsPrograms()
    {
        // The test runs from the build tree's bin/: the copies made at build time.
        QCOMPARE(QFileInfo(RuntimeFiles::pythonDir()).canonicalFilePath(),
                 QFileInfo(QStringLiteral(THREADLAB_BIN_DIR "/threadlab-python")).canonicalFilePath());
        QVERIFY(QFileInfo::exists(RuntimeFiles::pythonProgram(QStringLiteral("threadlab_runtime.py"))));
        QVERIFY(QFileInfo::exists(RuntimeFiles::pythonProgram(QStringLiteral("threadlab_calibrate.py"))));
    }
};

QTEST_GUILESS_MAIN(TestRuntimeFiles)
#include "tst_runtimefiles.moc"
