#include "results/exportkind.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace ThreadLab {

namespace {

constexpr const char* context = "ExportKind";

QString translated(const char* text)
{
    return text ? QCoreApplication::translate(context, text) : QString();
}

// The command line's help lists its options in this order; the menu regroups them by subject.
constexpr std::array<ExportKind, 9> kinds {{
    {.subject = ExportSubject::Results,
     .format = ExportFormat::Json,
     .option = "results",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write results JSON."),
     .fileStem = "%1"},
    {.subject = ExportSubject::ElapsedChart,
     .format = ExportFormat::Png,
     .option = "export-png",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write the elapsed-time chart as PNG."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "Elapsed chart as &PNG…"),
     .toolBarText = QT_TRANSLATE_NOOP("ExportKind", "Chart PNG"),
     .toolTip = QT_TRANSLATE_NOOP("ExportKind", "Export the elapsed-time chart as PNG (Ctrl+E)"),
     .shortcut = "Ctrl+E",
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the elapsed-time chart"),
     .fileStem = "%1-elapsed",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
    {.subject = ExportSubject::Timeline,
     .format = ExportFormat::Png,
     .option = "export-timeline-png",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write the timeline as PNG."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "&Timeline as PNG…"),
     .toolBarText = QT_TRANSLATE_NOOP("ExportKind", "Timeline PNG"),
     .toolTip = QT_TRANSLATE_NOOP("ExportKind", "Export the timeline as PNG"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the timeline"),
     .fileStem = "%1-timeline",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
    {.subject = ExportSubject::ElapsedChart,
     .format = ExportFormat::Svg,
     .option = "export-svg",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write the elapsed-time chart as SVG."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "Elapsed chart as S&VG…"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the elapsed-time chart"),
     .fileStem = "%1-elapsed",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
    {.subject = ExportSubject::Window,
     .format = ExportFormat::Png,
     .option = "export-window-png",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write the whole window after the run as PNG."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "&Whole window as PNG…"),
     .toolBarText = QT_TRANSLATE_NOOP("ExportKind", "Window PNG"),
     .toolTip = QT_TRANSLATE_NOOP("ExportKind", "Export the whole window as PNG"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the whole window"),
     .fileStem = "%1-window",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
    {.subject = ExportSubject::Results,
     .format = ExportFormat::Csv,
     .option = "export-csv",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write results as CSV."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "Results as &CSV…"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the results as CSV"),
     .fileStem = "%1",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "CSV written.")},
    {.subject = ExportSubject::Results,
     .format = ExportFormat::ChromeTrace,
     .option = "export-trace",
     .optionHelp = QT_TRANSLATE_NOOP("ExportKind", "Write a Chrome Trace Event file (opens in Perfetto)."),
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "Perfetto t&race…"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export a Perfetto trace"),
     .fileStem = "%1-trace",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Trace written: open it at ui.perfetto.dev.")},
    {.subject = ExportSubject::Timeline,
     .format = ExportFormat::Svg,
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "T&imeline as SVG…"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the timeline"),
     .fileStem = "%1-timeline",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
    {.subject = ExportSubject::Window,
     .format = ExportFormat::Svg,
     .menuText = QT_TRANSLATE_NOOP("ExportKind", "W&hole window as SVG…"),
     .dialogTitle = QT_TRANSLATE_NOOP("ExportKind", "Export the whole window"),
     .fileStem = "%1-window",
     .doneText = QT_TRANSLATE_NOOP("ExportKind", "Exported.")},
}};

struct FormatFile
{
    const char* suffix;
    const char* filter; // %1 is the suffix
};

FormatFile formatFile(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Json: return {"json", QT_TRANSLATE_NOOP("ExportKind", "JSON files (*.%1)")};
    case ExportFormat::Csv: return {"csv", QT_TRANSLATE_NOOP("ExportKind", "CSV files (*.%1)")};
    case ExportFormat::ChromeTrace: return {"json", QT_TRANSLATE_NOOP("ExportKind", "Trace files (*.%1)")};
    case ExportFormat::Png: return {"png", QT_TRANSLATE_NOOP("ExportKind", "PNG pictures (*.%1)")};
    case ExportFormat::Svg: return {"svg", QT_TRANSLATE_NOOP("ExportKind", "SVG pictures (*.%1)")};
    }
    return {"", ""};
}

} // namespace

QString ExportKind::optionName() const
{
    return QString::fromLatin1(option);
}

QString ExportKind::optionDescription() const
{
    return translated(optionHelp);
}

QString ExportKind::optionValueName() const
{
    return QStringLiteral("FILE.") + suffix();
}

QString ExportKind::menuLabel() const
{
    return translated(menuText);
}

QString ExportKind::toolBarLabel() const
{
    return translated(toolBarText);
}

QString ExportKind::toolTipText() const
{
    return translated(toolTip);
}

QString ExportKind::dialogTitleText() const
{
    return translated(dialogTitle);
}

QString ExportKind::doneMessage() const
{
    return translated(doneText);
}

QString ExportKind::suffix() const
{
    return QString::fromLatin1(formatFile(format).suffix);
}

QString ExportKind::fileFilter() const
{
    return translated(formatFile(format).filter).arg(suffix());
}

QString ExportKind::defaultFileName(const QString& scenarioId) const
{
    return QString::fromLatin1(fileStem).arg(scenarioId) + QLatin1Char('.') + suffix();
}

std::span<const ExportKind> ExportKind::all()
{
    return kinds;
}

std::vector<const ExportKind*> ExportKind::bySubject()
{
    std::vector<const ExportKind*> grouped;
    for (const ExportKind& kind : kinds)
        grouped.push_back(&kind);
    std::stable_sort(grouped.begin(), grouped.end(),
                     [](const ExportKind* a, const ExportKind* b) { return a->subject < b->subject; });
    return grouped;
}

const ExportKind* ExportKind::find(ExportSubject subject, ExportFormat format)
{
    const auto it = std::find_if(kinds.begin(), kinds.end(),
                                 [subject, format](const ExportKind& k) { return k.subject == subject && k.format == format; });
    return it == kinds.end() ? nullptr : &*it;
}

} // namespace ThreadLab
