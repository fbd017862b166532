#pragma once

#include <QString>

#include <span>
#include <vector>

namespace ThreadLab {

// What an export shows.
enum class ExportSubject { ElapsedChart, Timeline, Window, Results };
// The kind of file it writes.
enum class ExportFormat { Json, Csv, ChromeTrace, Png, Svg };

// One way to save what a run showed. The command line's export options (--results,
// --export-…) and the window's Export menu with its toolbar buttons are all built from the one
// table ExportKind::all(): a new export is a row there plus the code that draws or writes it.
// The texts are source strings; the accessors translate them.
struct ExportKind
{
    ExportSubject subject = ExportSubject::Results;
    ExportFormat format = ExportFormat::Json;
    const char* option = nullptr;      // the command line's option without "--"; none: menu only
    const char* optionHelp = nullptr;
    const char* menuText = nullptr;    // none: command line only
    const char* toolBarText = nullptr; // none: not on the toolbar
    const char* toolTip = nullptr;
    const char* shortcut = nullptr;    // QKeySequence's portable text, e.g. "Ctrl+E"
    const char* dialogTitle = nullptr;
    const char* fileStem = nullptr;    // the suggested file name before its suffix; %1 is the scenario id
    const char* doneText = nullptr;    // the status line after an export from the menu

    bool isPicture() const noexcept { return subject != ExportSubject::Results; }
    bool onCommandLine() const noexcept { return option != nullptr; }
    bool inMenu() const noexcept { return menuText != nullptr; }

    QString optionName() const;
    QString optionDescription() const;
    QString optionValueName() const; // "FILE.png"
    QString menuLabel() const;
    QString toolBarLabel() const;
    QString toolTipText() const;
    QString dialogTitleText() const;
    QString doneMessage() const;
    QString suffix() const;
    QString fileFilter() const; // for a save dialog: "PNG pictures (*.png)"
    QString defaultFileName(const QString& scenarioId) const;

    // Every kind, in the order of the command line's help.
    static std::span<const ExportKind> all();
    // Grouped by subject in ExportSubject's order, and in all()'s order within a subject: the
    // Export menu (a separator between subjects) and the order the command line writes files.
    static std::vector<const ExportKind*> bySubject();
    static const ExportKind* find(ExportSubject subject, ExportFormat format);
};

} // namespace ThreadLab
