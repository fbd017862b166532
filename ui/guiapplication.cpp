#include "guiapplication.h"

#include "commandline.h"
#include "mainwindow.h"
#include "sessionsettings.h"
#include "themepalette.h"

#include <QApplication>
#include <QIcon>
#include <QStyleFactory>

namespace ThreadLab {

void GuiApplication::applyStyle(QApplication& app, bool dark)
{
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        app.setStyle(fusion); // the application takes ownership
    QApplication::setPalette(ThemePalette::forDark(dark));
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

    MainWindow window;
    window.restoreSession();
    window.show();
    if (!options.scenarioFile.isEmpty())
        window.openScenarioFile(options.scenarioFile); // a bad file: a dialog over the open window
    return app.exec();
}

} // namespace ThreadLab
