#pragma once

#include <QPalette>

namespace ThreadLab {

// The two palettes of the Fusion style. Qt 6.4 has no colour-scheme API, so the app picks one
// itself; light is the default because most projectors wash dark themes out.
class ThemePalette
{
public:
    ThemePalette() = delete;

    static QPalette light();
    static QPalette dark();
    static QPalette forDark(bool dark) { return dark ? ThemePalette::dark() : light(); }
    // The light or dark palette for the whole application, tooltips included (QToolTip keeps a
    // palette of its own).
    static void applyToApplication(bool dark);
    // Presenter mode reaches what lives outside the window too: tooltips, menus, file dialogs
    // and message boxes take the application's fonts scaled by `scale` (1: the fonts the
    // application had before the first call).
    static void setApplicationFontScale(double scale);
    static bool isDark(const QPalette& palette);
    // WCAG relative luminance of an sRGB colour: 0 for black, 1 for white.
    static double relativeLuminance(const QColor& c);
    // The one rule for text drawn on a coloured fill (bar labels, badges): black on fills brighter
    // than a relative luminance of 0.18 (where black and white contrast equally), white otherwise.
    static QColor textOn(const QColor& background);
    // WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white). Text needs 4.5.
    static double contrastRatio(const QColor& a, const QColor& b);
    // Secondary text (a lane's details, a band's notes): `text` toned towards `background`, still
    // above 4.5:1 on that background and on the light tints laid over it (rows, headers).
    static QColor mutedText(const QColor& text, const QColor& background);
};

} // namespace ThreadLab
