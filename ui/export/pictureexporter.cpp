#include "export/pictureexporter.h"

#include "i18n/translations.h"
#include "charts/chartstyle.h"
#include "charts/elapsedchart.h"
#include "engine/eventlog.h"
#include "model/comparelayout.h"
#include "results/enginecomparison.h"
#include "results/exportkind.h"
#include "results/resultwriter.h"
#include "results/runhistory.h"
#include "scenario/scenariocatalog.h"
#include "timeline/compareview.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLoggingCategory>
#include <QPainter>
#include <QResizeEvent>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcPictures, "threadlab.ui.pictures", QtInfoMsg)

namespace ThreadLab {

namespace {

constexpr double captionPad = 14;

QFont titleFont()
{
    return ChartStyle::pixelFont(QApplication::font(), 24, true);
}

QFont subtitleFont()
{
    return ChartStyle::pixelFont(QApplication::font(), 16, false);
}

double captionHeight(const QString& subtitle)
{
    double h = captionPad + QFontMetricsF(titleFont()).height();
    if (!subtitle.isEmpty())
        h += 4 + QFontMetricsF(subtitleFont()).height();
    return std::ceil(h + captionPad);
}

// A chart view that was never shown: give it its size and lay the chart out now, without
// running the event loop, so that it can be painted straight away.
void prepareChartView(QChartView& view, const QSize& size)
{
    view.resize(size);
    QResizeEvent resize(size, QSize());
    QCoreApplication::sendEvent(&view, &resize);
    QChart* chart = view.chart();
    chart->resize(QSizeF(size));
    if (chart->layout())
        chart->layout()->activate();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void paintChartView(QChartView& view, QPainter& painter, const QRectF& target)
{
    view.scene()->render(&painter, target, QRectF(QPointF(0, 0), QSizeF(view.size())), Qt::IgnoreAspectRatio);
}

} // namespace

ExportFormat PictureExporter::formatFor(const QString& path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0 ? ExportFormat::Svg
                                                                                             : ExportFormat::Png;
}

QString PictureExporter::captionTitle(const RunResult& run)
{
    return run.scenarioTitle.isEmpty() ? run.scenarioId
                                       : textIn(run.scenarioTitle, run.scenarioTitleTranslations, Translations::current());
}

QString PictureExporter::interpreterCaption(const PythonRunInfo& python)
{
    return tr("CPython %1 (%2)").arg(python.version, python.startMethod);
}

QString PictureExporter::captionSettings(const RunResult& run)
{
    QStringList parts;
    if (run.repeats > 1) // Runs 3 / 5: the timeline shows each variant's median run
        parts << tr("median of %1 runs").arg(run.repeats);
    QStringList engines; // engines side by side: each one's, "model + CPython 3.11.2 (fork)"
    for (const RunResult& e : run.engineRuns)
        engines << (e.python ? interpreterCaption(*e.python) : engineTitle(e.settings.engine));
    if (!engines.isEmpty())
        parts << engines.join(QStringLiteral(" + ")) << tr("switch interval %1 ms").arg(run.settings.switchIntervalMs);
    else if (run.python) // the real interpreter, not the model
        parts << interpreterCaption(*run.python)
              << tr("switch interval %1 ms").arg(run.settings.switchIntervalMs);
    else if (run.settings.gil)
        parts << tr("Python (GIL on)") << tr("switch interval %1 ms").arg(run.settings.switchIntervalMs);
    else
        parts << tr("native C++ (GIL off)");
    parts << (run.settings.workers > 0 ? tr("%1 workers").arg(run.settings.workers)
                                       : tr("workers as in the scenario"));
    parts << tr("time scale ×%1").arg(run.timeScale);
    parts << tr("seed %1").arg(run.settings.seed);
    parts << (run.cores == 1 ? tr("1 core") : tr("%1 cores").arg(run.cores));
    if (run.cancelled)
        parts << tr("stopped early");
    return parts.join(QStringLiteral(" · "));
}

QString PictureExporter::captionSettings(const RunHistory& history)
{
    if (history.isEmpty())
        return {};
    const RunResult& last = *history.lastRun();
    if (history.runCount() == 1)
        return captionSettings(last);
    QStringList tags;
    for (int i = 0; i < history.runCount(); ++i)
        tags << history.runTag(i);
    QStringList parts {tr("runs: %1").arg(tags.join(QStringLiteral(" / ")))};
    // What all runs share; what differs is in the tags.
    if (!tags.first().contains(QLatin1String("time ")))
        parts << tr("time scale ×%1").arg(last.timeScale);
    parts << (last.cores == 1 ? tr("1 core") : tr("%1 cores").arg(last.cores));
    return parts.join(QStringLiteral(" · "));
}

bool PictureExporter::writePicture(const QString& path, const QSize& contentSize, const QString& title,
                                   const QString& subtitle, const ContentPainter& paint, QString* error)
{
    const double top = title.isEmpty() ? 0 : captionHeight(subtitle);
    const QSize page(contentSize.width(), contentSize.height() + static_cast<int>(top));
    const QPalette palette = QApplication::palette();
    auto paintPage = [&page, &palette, &title, &subtitle, &paint, top, &contentSize](QPainter& painter) {
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(page)), palette.color(QPalette::Base));
        if (!title.isEmpty()) {
            painter.setPen(palette.color(QPalette::Text));
            painter.setFont(titleFont());
            const QFontMetricsF tm(titleFont());
            painter.drawText(QPointF(captionPad, captionPad + tm.ascent()), title);
            if (!subtitle.isEmpty()) {
                painter.setFont(subtitleFont());
                painter.drawText(QPointF(captionPad, captionPad + tm.height() + 4 + QFontMetricsF(subtitleFont()).ascent()),
                                 subtitle);
            }
        }
        painter.save();
        painter.setBackground(palette.color(QPalette::Base));
        painter.setPen(palette.color(QPalette::Text));
        paint(painter, QRectF(0, top, contentSize.width(), contentSize.height()));
        painter.restore();
    };

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (formatFor(path) == ExportFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(page);
        svg.setViewBox(QRect(QPoint(0, 0), page));
        svg.setTitle(title);
        svg.setDescription(subtitle);
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = tr("%1: cannot draw the SVG picture").arg(path);
            return false;
        }
        paintPage(painter);
        painter.end();
    } else {
        QImage image(page * pixelRatio, QImage::Format_ARGB32_Premultiplied);
        if (image.isNull()) {
            if (error)
                *error = tr("%1: the picture would be too large (%2×%3)").arg(path).arg(page.width()).arg(page.height());
            return false;
        }
        image.setDevicePixelRatio(pixelRatio);
        image.fill(palette.color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        paintPage(painter);
        painter.end();
        if (!image.save(&buffer, "PNG")) {
            if (error)
                *error = tr("%1: cannot encode the PNG picture").arg(path);
            return false;
        }
    }
    buffer.close();
    qCDebug(lcPictures) << "writing" << path << page << bytes.size() << "bytes";
    return ResultWriter::writeFile(path, bytes, error);
}

bool PictureExporter::exportElapsedChart(const RunHistory& history, const QString& path, QString* error,
                                         const QSize& logicalSize)
{
    ElapsedChart chart;
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    chart.setFont(ChartStyle::scaled(QApplication::font(), 1.35));
    chart.setPresenterScale(1.35);
    chart.setHistory(history);
    prepareChartView(chart, logicalSize);
    const RunResult* last = history.lastRun();
    const QString title = last ? tr("%1 — elapsed time").arg(captionTitle(*last)) : tr("Elapsed time");
    const QString subtitle = captionSettings(history);
    return writePicture(path, logicalSize, title, subtitle,
                        [&chart](QPainter& painter, const QRectF& target) { paintChartView(chart, painter, target); }, error);
}

bool PictureExporter::exportTimeline(const TimelineView& view, const RunResult* run, const QString& variantName,
                                     const QString& path, QString* error, int logicalWidth)
{
    const int width = std::max(logicalWidth, 400);
    const int height = std::clamp(view.contentHeight(width), 240, 2400);
    QString title = run ? captionTitle(*run) : tr("Timeline");
    if (!variantName.isEmpty())
        title += QStringLiteral(" — ") + variantName;
    return writePicture(path, QSize(width, height), title, run ? captionSettings(*run) : QString(),
                        [&view](QPainter& painter, const QRectF& target) { view.render(painter, target); }, error);
}

bool PictureExporter::exportCompare(CompareView& view, const RunResult* run, const QString& path, QString* error,
                                    int logicalWidth)
{
    const int width = std::max(logicalWidth, 400);
    // Very many lanes (100 processes) are squeezed rather than drawn thousands of pixels tall.
    const int height = view.contentHeight(width, 240, 2400);
    QString title = run ? captionTitle(*run) : tr("Timeline");
    if (view.bandCount() == 1)
        title += QStringLiteral(" — ") + view.variantName(view.bandOrder().front());
    return writePicture(path, QSize(width, height), title, run ? captionSettings(*run) : QString(),
                        [&view](QPainter& painter, const QRectF& target) { view.render(painter, target); }, error);
}

bool PictureExporter::exportRunTimelines(const RunResult& run, int variantIndex, const QString& path, QString* error,
                                         int logicalWidth, const std::optional<QStringList>& focus)
{
    CompareView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    if (focus) {
        view.setFocusNames(*focus);
    } else if (const std::optional<Scenario> builtin = ScenarioCatalog::builtin(run.scenarioId)) {
        view.setFocusNames(CompareLayout::focusNames(*builtin, run.settings.workers));
    }
    int bands = 0;
    for (std::size_t i = 0; i < run.variants.size(); ++i) {
        const VariantResult& v = run.variants[i];
        if ((variantIndex >= 0 && static_cast<int>(i) != variantIndex) || !v.log)
            continue;
        view.setVariant(bands, v.name, v.log);
        view.finishVariant(bands, v.scenarioName, v.elapsedMs, v.cancelled);
        if (!run.engineRuns.empty())
            view.setEngine(bands, EngineComparison::plainName(run, v), engineTitle(v.engine));
        ++bands;
    }
    if (bands == 0) {
        if (error)
            *error = tr("%1: the run has no timeline to draw").arg(path);
        return false;
    }
    view.setLive(false);
    view.resize(std::max(logicalWidth, 400), view.contentHeight(std::max(logicalWidth, 400), 240, 2400));
    return exportCompare(view, &run, path, error, logicalWidth);
}

bool PictureExporter::exportWidget(QWidget& widget, const RunResult* run, const QString& path, QString* error)
{
    // Drawn as pixels at the PNG's resolution in both formats; the caption stays text. Widgets
    // painted into an SVG come out wrong: Qt 6.4's SVG engine drops their clipping (code spills
    // out of its pane, a scrolled-away background covers it) and the reader lays their text out
    // again in its own fonts (gaps after bold words).
    const QSize size = widget.size();
    QImage shot(size * pixelRatio, QImage::Format_ARGB32_Premultiplied);
    if (shot.isNull()) {
        if (error)
            *error = tr("%1: the picture would be too large (%2×%3)").arg(path).arg(size.width()).arg(size.height());
        return false;
    }
    shot.setDevicePixelRatio(pixelRatio);
    shot.fill(QApplication::palette().color(QPalette::Base));
    {
        QPainter painter(&shot);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        widget.render(&painter, QPoint(), QRegion(), QWidget::DrawWindowBackground | QWidget::DrawChildren);
    }
    return writePicture(path, size, run ? captionTitle(*run) : QString(), run ? captionSettings(*run) : QString(),
                        [&shot](QPainter& painter, const QRectF& target) { painter.drawImage(target, shot); }, error);
}

} // namespace ThreadLab
