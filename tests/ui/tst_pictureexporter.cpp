#include "app/commandlinepictures.h"
#include "charts/chartstyle.h"
#include "cli/commandline.h"
#include "engine/engine.h"
#include "export/pictureexporter.h"
#include "model/sessionsettings.h"
#include "results/exportkind.h"
#include "support/sanitizers.h"
#include "results/runhistory.h"
#include "scenario/scenariocatalog.h"
#include "style/statepalette.h"
#include "style/themepalette.h"
#include "timeline/timelineview.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using namespace ThreadLab;

namespace {

RunResult runScenario(const QString& id, double timeScale)
{
    Engine engine;
    QSignalSpy finished(&engine, &Engine::runFinished);
    RunSettings settings;
    settings.timeScale = timeScale;
    engine.start(*ScenarioCatalog::builtin(id), settings);
    if (!finished.wait(120'000))
        return {};
    return finished.takeFirst().at(0).value<RunResult>();
}

// Share of pixels that differ from the top-left pixel (the background).
double inkShare(const QImage& image)
{
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    const QRgb background = img.pixel(0, 0);
    qint64 differing = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            if (img.pixel(x, y) != background)
                ++differing;
    return double(differing) / (double(img.width() / 2) * double(img.height() / 2));
}

bool containsColour(const QImage& image, const QColor& colour)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < img.height(); y += 3)
        for (int x = 0; x < img.width(); x += 3)
            if (QColor(img.pixel(x, y)) == colour)
                return true;
    return false;
}

const ExportKind* kind(ExportSubject subject, ExportFormat format)
{
    const ExportKind* k = ExportKind::find(subject, format);
    Q_ASSERT(k);
    return k;
}

QImage renderSvg(const QString& path, QSize* viewBox)
{
    QSvgRenderer svg(path);
    if (!svg.isValid())
        return {};
    *viewBox = svg.viewBox().size();
    QImage image(svg.viewBox().size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    svg.render(&painter);
    painter.end();
    return image;
}

} // namespace

class TestPictureExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SKIP_IF_SPAWNING_UNDER_TSAN();
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_run = runScenario(QStringLiteral("memory-isolation"), 0.02);
        QVERIFY2(m_run.error.isEmpty() && m_run.variants.size() == 2, qPrintable(m_run.error));
        m_history.add(m_run);
    }

    void captionNamesTheSettings()
    {
        const QString caption = PictureExporter::captionSettings(m_run);
        QVERIFY(caption.contains(QLatin1String("GIL on")));
        QVERIFY(caption.contains(QLatin1String("switch interval 5 ms")));
        QVERIFY(caption.contains(QStringLiteral("time scale ×0.02")));
        QVERIFY(caption.contains(QLatin1String("workers")));
        QVERIFY(caption.contains(QStringLiteral("%1 core").arg(m_run.cores)));
        QCOMPARE(PictureExporter::captionTitle(m_run), m_run.scenarioTitle);
        RunResult off = m_run;
        off.settings.gil = false;
        off.settings.workers = 8;
        QVERIFY(PictureExporter::captionSettings(off).contains(QLatin1String("native C++ (GIL off)")));
        QVERIFY(PictureExporter::captionSettings(off).contains(QLatin1String("8 workers")));
        RunHistory two;
        two.add(m_run);
        off.settings.workers = 0;
        two.add(off);
        const QString both = PictureExporter::captionSettings(two);
        QVERIFY2(both.startsWith(QLatin1String("runs: GIL on / GIL off")), qPrintable(both));
        QVERIFY(both.contains(QLatin1String("core")));
        // Runs 3: the timeline shows each variant's median run, and its caption says so.
        QVERIFY(!caption.contains(QLatin1String("median")));
        RunResult three = m_run;
        three.repeats = 3;
        QVERIFY2(PictureExporter::captionSettings(three).startsWith(QStringLiteral("median of 3 runs · ")),
                 qPrintable(PictureExporter::captionSettings(three)));
    }

    void elapsedChartPngAtTwiceThePixels()
    {
        const QString path = m_dir.filePath(QStringLiteral("elapsed.png"));
        QString error;
        QVERIFY2(PictureExporter::exportElapsedChart(m_history, path, &error, QSize(900, 500)), qPrintable(error));
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 1800);
        QVERIFY(image.height() > 1000); // the chart plus its caption, at 2×
        QCOMPARE(image.height() % 2, 0);
        QVERIFY(inkShare(image) > 0.05);
        QVERIFY(containsColour(image, ChartStyle::seriesColor(0))); // the bars
    }

    void elapsedChartSvgIsValidAndNotBlank()
    {
        const QString path = m_dir.filePath(QStringLiteral("elapsed.svg"));
        QString error;
        QVERIFY2(PictureExporter::exportElapsedChart(m_history, path, &error, QSize(900, 500)), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains(m_run.scenarioTitle.toUtf8()));
        QSize viewBox;
        const QImage image = renderSvg(path, &viewBox);
        QVERIFY(!image.isNull());
        QCOMPARE(viewBox.width(), 900);
        QVERIFY(viewBox.height() > 500);
        QVERIFY(inkShare(image) > 0.05);
    }

    void timelinePngAndSvg_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("all variants, png") << -1 << QStringLiteral("png");
        QTest::newRow("one variant, png") << 1 << QStringLiteral("png");
        QTest::newRow("all variants, svg") << -1 << QStringLiteral("svg");
    }

    void timelinePngAndSvg()
    {
        QFETCH(int, variant);
        QFETCH(QString, suffix);
        const QString path = m_dir.filePath(QStringLiteral("timeline%1.%2").arg(variant).arg(suffix));
        QString error;
        QVERIFY2(PictureExporter::exportRunTimelines(m_run, variant, path, &error, 1000), qPrintable(error));
        QImage image;
        if (suffix == QLatin1String("svg")) {
            QSize viewBox;
            image = renderSvg(path, &viewBox);
            QCOMPARE(viewBox.width(), 1000);
        } else {
            image = QImage(path);
            QCOMPARE(image.width(), 2000);
        }
        QVERIFY(!image.isNull());
        QVERIFY(inkShare(image) > 0.05);
        // Workers ran: the running colour is there.
        QVERIFY(containsColour(image, StatePalette::color(WorkerState::Running)));
    }

    void timelineAsShownOnScreen()
    {
        TimelineView view;
        view.resize(900, 300);
        view.setLog(m_run.variants.back().log);
        view.fit();
        const QString path = m_dir.filePath(QStringLiteral("shown.png"));
        QString error;
        QVERIFY2(PictureExporter::exportTimeline(view, &m_run, m_run.variants.back().name, path, &error, 1200),
                 qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.width(), 2400);
        QVERIFY(inkShare(image) > 0.05);
        QVERIFY(containsColour(image, StatePalette::color(WorkerState::Running)));
    }

    void commandLineWritesEveryPicture()
    {
        const QString png = m_dir.filePath(QStringLiteral("cli.png"));
        const QString svg = m_dir.filePath(QStringLiteral("cli.svg"));
        const QString timelinePng = m_dir.filePath(QStringLiteral("cli-timeline.png"));
        const QString windowPng = m_dir.filePath(QStringLiteral("cli-window.png"));
        CliOptions options;
        options.exports = {{kind(ExportSubject::ElapsedChart, ExportFormat::Png), png},
                           {kind(ExportSubject::Timeline, ExportFormat::Png), timelinePng},
                           {kind(ExportSubject::ElapsedChart, ExportFormat::Svg), svg},
                           {kind(ExportSubject::Window, ExportFormat::Png), windowPng}};
        QString error;
        QVERIFY2(CommandLinePictures::write(m_run, options, &error), qPrintable(error));
        for (const QString& path : {png, timelinePng, windowPng}) {
            const QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            QVERIFY2(inkShare(image) > 0.05, qPrintable(path));
        }
        QCOMPARE(QImage(windowPng).width(), 1600 * 2);
        QSize viewBox;
        QVERIFY(!renderSvg(svg, &viewBox).isNull());
    }

    // The command line's window picture is the same on every machine: it never reads the
    // teacher's saved presenter mode or dark palette.
    void commandLineWindowIgnoresSavedSettings()
    {
        {
            SessionSettings saved;
            saved.setDarkPalette(true);
            saved.setPresenterMode(true);
            saved.sync();
        }
        const QString path = m_dir.filePath(QStringLiteral("cli-window-defaults.png"));
        CliOptions options;
        options.exports = {{kind(ExportSubject::Window, ExportFormat::Png), path}};
        QString error;
        const bool ok = CommandLinePictures::write(m_run, options, &error);
        QSettings(QStringLiteral("ThreadLab"), QStringLiteral("threadlab")).clear();
        QVERIFY2(ok, qPrintable(error));
        const QImage image(path);
        QVERIFY(!image.isNull());
        // The caption's background is the light palette's base colour.
        QCOMPARE(QColor(image.pixel(0, 0)), ThemePalette::light().color(QPalette::Base));
    }

    // The whole-window SVG shows the window as it is drawn: no text spilling out of its pane,
    // no block painted over the code, words where the window has them. Compared tile by tile
    // with the window's own picture (the PNG export of the same window).
    void windowSvgMatchesTheWindow()
    {
        CliOptions options;
        const QString png = m_dir.filePath(QStringLiteral("window-compare.png"));
        const QString svg = m_dir.filePath(QStringLiteral("window-compare.svg"));
        options.exports = {{kind(ExportSubject::Window, ExportFormat::Png), png},
                           {kind(ExportSubject::Window, ExportFormat::Svg), svg}};
        QString error;
        QVERIFY2(CommandLinePictures::write(m_run, options, &error), qPrintable(error));
        QSize box;
        const QImage fromSvg = renderSvg(svg, &box).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!fromSvg.isNull());
        const QImage fromPng = QImage(png).scaled(box, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                   .convertToFormat(QImage::Format_RGB32);
        QCOMPARE(fromPng.size(), fromSvg.size());
        if (qEnvironmentVariableIsSet("THREADLAB_KEEP_PICTURES"))
            fromSvg.save(qEnvironmentVariable("THREADLAB_KEEP_PICTURES") + QStringLiteral("/window-svg.png"));
        // Mean difference per 64-pixel tile, on quarter-size copies so that a pixel's shift in
        // resampling does not count; a spilled line, a painted-over pane or words moved apart do.
        const QSize quarter = box / 4;
        const QImage a4 = fromSvg.scaled(quarter, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QImage b4 = fromPng.scaled(quarter, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        constexpr int tile = 16;
        box = quarter;
        double worst = 0;
        QPoint worstAt;
        for (int ty = 0; ty + tile <= box.height(); ty += tile) {
            for (int tx = 0; tx + tile <= box.width(); tx += tile) {
                double sum = 0;
                for (int y = ty; y < ty + tile; ++y) {
                    const auto* a = reinterpret_cast<const QRgb*>(a4.constScanLine(y));
                    const auto* b = reinterpret_cast<const QRgb*>(b4.constScanLine(y));
                    for (int x = tx; x < tx + tile; ++x)
                        sum += (std::abs(qRed(a[x]) - qRed(b[x])) + std::abs(qGreen(a[x]) - qGreen(b[x]))
                                + std::abs(qBlue(a[x]) - qBlue(b[x])))
                            / 3.0;
                }
                const double mean = sum / (tile * tile);
                if (mean > worst) {
                    worst = mean;
                    worstAt = QPoint(tx, ty);
                }
            }
        }
        QVERIFY2(worst < 12, qPrintable(QStringLiteral("tile at %1,%2 differs by %3 on average")
                                            .arg(worstAt.x() * 4)
                                            .arg(worstAt.y() * 4)
                                            .arg(worst, 0, 'f', 1)));
    }

    void failureNamesTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("missing-folder/chart.png"));
        QString error;
        QVERIFY(!PictureExporter::exportElapsedChart(m_history, path, &error));
        QVERIFY(error.contains(path));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        CliOptions options;
        options.exports = {{kind(ExportSubject::Timeline, ExportFormat::Png), path}};
        error.clear();
        QVERIFY(!CommandLinePictures::write(m_run, options, &error));
        QVERIFY(error.contains(path));
    }

    void formatFollowsTheSuffix()
    {
        QCOMPARE(PictureExporter::formatFor(QStringLiteral("a.svg")), ExportFormat::Svg);
        QCOMPARE(PictureExporter::formatFor(QStringLiteral("a.SVG")), ExportFormat::Svg);
        QCOMPARE(PictureExporter::formatFor(QStringLiteral("a.png")), ExportFormat::Png);
    }

private:
    QTemporaryDir m_dir;
    RunResult m_run;
    RunHistory m_history;
};

QTEST_MAIN(TestPictureExporter)
#include "tst_pictureexporter.moc"
