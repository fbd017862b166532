#include "app/commandlinepictures.h"

#include "app/mainwindow.h"
#include "cli/commandline.h"
#include "export/pictureexporter.h"
#include "model/comparelayout.h"
#include "results/exportkind.h"
#include "results/runhistory.h"
#include "scenario/scenarioloader.h"

#include <QApplication>

namespace ThreadLab {

bool CommandLinePictures::write(const RunResult& run, const CliOptions& options, QString* error)
{
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
        if (error)
            *error = tr("picture exports need the graphical application (QApplication)");
        return false;
    }
    RunHistory history;
    history.add(run);
    for (const ExportKind* kind : ExportKind::bySubject()) {
        const QString path = options.exportPath(*kind);
        if (path.isEmpty() || !kind->isPicture())
            continue;
        bool ok = true;
        switch (kind->subject) {
        case ExportSubject::ElapsedChart: ok = PictureExporter::exportElapsedChart(history, path, error); break;
        case ExportSubject::Timeline:
            ok = PictureExporter::exportRunTimelines(run, -1, path, error, 1400, focusOf(run, options));
            break;
        case ExportSubject::Window: ok = writeWindow(run, options, path, error); break;
        case ExportSubject::Results: break;
        }
        if (!ok)
            return false;
    }
    return true;
}

std::optional<QStringList> CommandLinePictures::focusOf(const RunResult& run, const CliOptions& options)
{
    if (options.scenarioFile.isEmpty())
        return std::nullopt; // a built-in's, found by the run's id
    const std::optional<Scenario> scenario = ScenarioLoader::loadFile(options.scenarioFile, nullptr);
    return scenario ? CompareLayout::focusNames(*scenario, run.settings.workers) : QStringList();
}

bool CommandLinePictures::writeWindow(const RunResult& run, const CliOptions& options, const QString& path,
                                      QString* error)
{
    MainWindow window;
    window.setErrorReporter([](const QString&, const QString&) {});
    window.setPresenterMode(false);
    window.setDarkPalette(false);
    if (!options.scenarioFile.isEmpty())
        window.openScenarioFile(options.scenarioFile);
    window.setAttribute(Qt::WA_DontShowOnScreen);
    window.resize(MainWindow::defaultSize);
    window.show();
    window.showRun(run);
    // Let layouts and charts settle; there is no user input to process offscreen.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    return PictureExporter::exportWidget(window, &run, path, error);
}

} // namespace ThreadLab
