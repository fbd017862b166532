#pragma once

class QApplication;

namespace ThreadLab {

struct CliOptions;

// The window side of app/main.cpp: Fusion style with ThreadLab's palette, the main window with
// the session remembered, an optional --scenario-file (an invalid one shows its one-line reason
// in a dialog and the window still opens), then the event loop.
class GuiApplication
{
public:
    GuiApplication() = delete;

    static int run(QApplication& app, const CliOptions& options);
    // Fusion style and the light or dark palette.
    static void applyStyle(QApplication& app, bool dark);
};

} // namespace ThreadLab
