#pragma once

#include "results/variantresult.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

class QPainter;
class QRectF;
class QWidget;

namespace ThreadLab {

class CompareView;
class RunHistory;
class TimelineView;
enum class ExportFormat;

// Pictures for slides and hand-outs: PNG at 2× device pixel ratio, or SVG (by the file's
// suffix), of the elapsed chart, the timeline, or the whole window. Every picture carries a
// caption (scenario, GIL, workers, switch interval, time scale, the machine's cores) and a
// legend (the chart's runs, the timeline's states). Errors are one line naming the file.
class PictureExporter
{
    Q_DECLARE_TR_FUNCTIONS(PictureExporter)

public:
    PictureExporter() = delete;

    static constexpr qreal pixelRatio = 2.0;
    // Png or Svg, by the file's suffix (whichever menu entry or option asked for the file).
    static ExportFormat formatFor(const QString& path);

    // "CPU-bound work and the GIL"
    static QString captionTitle(const RunResult& run);
    // "Python (GIL on) · switch interval 5 ms · workers as in the scenario · time scale ×0.25 · 2 cores";
    // a run in the CPython engine names the interpreter: "CPython 3.11.2 (fork) · switch interval …";
    // engines side by side name each: "model + CPython 3.11.2 (fork) · switch interval …"
    static QString captionSettings(const RunResult& run);
    // For several runs side by side: "runs: GIL on / GIL off · time scale ×0.25 · 2 cores".
    static QString captionSettings(const RunHistory& history);

    // The elapsed-time chart of every run in the history (the last run gives the caption).
    static bool exportElapsedChart(const RunHistory& history, const QString& path, QString* error,
                                   const QSize& logicalSize = QSize(1280, 720));
    // What a timeline view shows (its zoom), `variantName` in the caption.
    static bool exportTimeline(const TimelineView& view, const RunResult* run, const QString& variantName,
                               const QString& path, QString* error, int logicalWidth = 1400);
    // What a compare view shows (its zoom): every variant on one shared time axis, focus first.
    static bool exportCompare(CompareView& view, const RunResult* run, const QString& path, QString* error,
                              int logicalWidth = 1400);
    // One variant's timeline (variantIndex >= 0), or every variant of the run stacked on one
    // shared time axis (-1), the `focus` variants (CompareLayout's names) first; without a
    // focus, the built-in scenario's of the run's id (a teacher's file: none).
    static bool exportRunTimelines(const RunResult& run, int variantIndex, const QString& path, QString* error,
                                   int logicalWidth = 1400, const std::optional<QStringList>& focus = std::nullopt);
    // A widget as it looks now (the main window), with the caption above it.
    static bool exportWidget(QWidget& widget, const RunResult* run, const QString& path, QString* error);

private:
    // "CPython 3.11.2 (fork)"
    static QString interpreterCaption(const PythonRunInfo& python);
    using ContentPainter = std::function<void(QPainter& painter, const QRectF& target)>;
    // Lays out caption and content on a page of `logicalSize` and writes it as PNG or SVG.
    static bool writePicture(const QString& path, const QSize& contentSize, const QString& title,
                             const QString& subtitle, const ContentPainter& paint, QString* error);
};

} // namespace ThreadLab
