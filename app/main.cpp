// threadlab: the classroom app. With --list or --run it works headless (see CommandLine);
// otherwise it opens the window.

#include "cli/commandline.h"
#include "i18n/translations.h"

#if defined(THREADLAB_WITH_GUI)
#include "app/commandlinepictures.h"
#include "app/guiapplication.h"

#include <QApplication>
#endif

#include <QCoreApplication>
#include <QTextStream>

using namespace ThreadLab;

namespace {

#if defined(THREADLAB_WITH_GUI)
QtMessageHandler g_defaultHandler = nullptr;

// Headless pictures use the offscreen platform, which warns about things that do not matter
// without a display. Everything else still gets through.
void quietOffscreenMessages(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg
        && (message.startsWith(QLatin1String("This plugin does not support"))
            || message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set"))))
        return;
    g_defaultHandler(type, context, message);
}
#endif

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(THREADLAB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
}

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);

    // Which application to make depends on the options, and translators need an application:
    // a usage error is parsed again once the catalogue is installed, to be said in its language.
    QString error;
    const auto options = CommandLine::parse(arguments, &error);
    if (!options) {
        QCoreApplication app(argc, argv);
        Translations::install();
        CommandLine::parse(arguments, &error);
        err << "threadlab: " << error << '\n';
        return CommandLine::UsageError;
    }

#if defined(THREADLAB_WITH_GUI)
    const bool headlessPictures = options->action == CliOptions::Action::Run && options->wantsPictures();
    if (options->action == CliOptions::Action::Gui || headlessPictures) {
        // Pictures from the command line render offscreen: no display needed.
        if (headlessPictures && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        if (headlessPictures)
            g_defaultHandler = qInstallMessageHandler(quietOffscreenMessages);
        QApplication app(argc, argv);
        nameApplication();
        if (options->action == CliOptions::Action::Gui)
            return GuiApplication::run(app, *options); // the window's language may be chosen in it
        Translations::install();
        return CommandLine::execute(*options, out, err, &CommandLinePictures::write);
    }
#endif

    QCoreApplication app(argc, argv);
    nameApplication();
    Translations::install();
    if (options->action == CliOptions::Action::Gui) {
        err << "threadlab: "
            << QCoreApplication::translate("main", "this build has no window (configured without the GUI); try --list or --run ID")
            << '\n';
        return CommandLine::UsageError;
    }
    return CommandLine::execute(*options, out, err);
}
