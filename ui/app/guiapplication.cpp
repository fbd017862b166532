#include "app/guiapplication.h"

#include "cli/commandline.h"
#include "i18n/translations.h"
#include "app/mainwindow.h"
#include "panes/runcontrols.h"
#include "model/sessionsettings.h"
#include "style/themepalette.h"

#include "tasks/monoclock.h"

#include <QApplication>
#include <QEvent>
#include <QIcon>
#include <QStyleFactory>
#include <QTimer>

#include <cstdio>

namespace ThreadLab {

namespace {

// THREADLAB_QUIT_AFTER_FIRST_PAINT=1 (bench_coldstart): once the window's first paint is done,
// print the moment on CLOCK_MONOTONIC ("first-paint-ns N") and quit. The paint event reaches the
// window before its children; the zero timer fires after the whole tree has painted.
class FirstPaintProbe final : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint-ns %lld\n", static_cast<long long>(MonoClock::steadyNs()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_painted = false;
};

} // namespace

void GuiApplication::applyStyle(QApplication& app, bool dark)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion); // the application takes ownership
    ThemePalette::applyToApplication(dark);
}

int GuiApplication::run(QApplication& app, const CliOptions& options)
{
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("ThreadLab"));
    if (QCoreApplication::applicationName().isEmpty())
        QCoreApplication::setApplicationName(QStringLiteral("threadlab"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("ThreadLab"));
    QGuiApplication::setDesktopFileName(QStringLiteral("threadlab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/threadlab.svg")));
    applyStyle(app, SessionSettings().darkPalette());
    Translations::install(SessionSettings().language()); // before any widget exists

    MainWindow window;
    FirstPaintProbe probe;
    if (qEnvironmentVariableIntValue("THREADLAB_QUIT_AFTER_FIRST_PAINT") == 1)
        window.installEventFilter(&probe);
    window.restoreSession();
    // Whether CPython can run, asked once off the GUI thread: the engine choice greys it out if not.
    window.runControls()->engineBox()->probeInterpreter(window.runControls()->settings().python);
    window.show();
    if (!options.scenarioFile.isEmpty())
        window.openScenarioFile(options.scenarioFile); // a bad file: a dialog over the open window
    return app.exec();
}

} // namespace ThreadLab
