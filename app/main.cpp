// threadlab: the classroom app. With --list or --run it works headless (see CommandLine);
// otherwise it opens the window.

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace ThreadLab;

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QString error;
    const auto options = CommandLine::parse(arguments, &error);
    if (!options) {
        err << "threadlab: " << error << '\n';
        return CommandLine::UsageError;
    }

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THREADLAB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
    if (options->action == CliOptions::Action::Gui) {
        err << "threadlab: the classroom window is not part of this build yet; try --list or --run ID (see --help)\n";
        return CommandLine::UsageError;
    }
    return CommandLine::execute(*options, out, err);
}
