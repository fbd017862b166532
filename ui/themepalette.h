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
    static bool isDark(const QPalette& palette);
    // WCAG relative luminance of an sRGB colour: 0 for black, 1 for white.
    static double relativeLuminance(const QColor& c);
};

} // namespace ThreadLab
