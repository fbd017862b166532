#include "style/themepalette.h"

#include "charts/chartstyle.h"
#include "style/statepalette.h"

#include <QApplication>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <utility>

namespace ThreadLab {

namespace {

using Role = QPalette::ColorRole;
using RoleColours = std::initializer_list<std::pair<Role, QColor>>;

// One palette from its colours per role; text roles are greyed the same way in both themes.
QPalette build(RoleColours colours, const QColor& disabledText)
{
    QPalette p;
    for (const auto& [role, colour] : colours)
        p.setColor(role, colour);
    p.setColor(QPalette::PlaceholderText, disabledText);
    for (const Role role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

} // namespace

QPalette ThemePalette::light()
{
    const QColor text(0x1a, 0x1a, 0x1a);
    return build({{QPalette::Window, QColor(0xf3, 0xf3, 0xf3)},
                  {QPalette::WindowText, text},
                  {QPalette::Base, Qt::white},
                  {QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7)},
                  {QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc)},
                  {QPalette::ToolTipText, text},
                  {QPalette::Text, text},
                  {QPalette::Button, QColor(0xe8, 0xe8, 0xe8)},
                  {QPalette::ButtonText, text},
                  {QPalette::BrightText, Qt::red},
                  {QPalette::Light, Qt::white},
                  {QPalette::Midlight, QColor(0xe3, 0xe3, 0xe3)},
                  {QPalette::Mid, QColor(0xb8, 0xb8, 0xb8)},
                  {QPalette::Dark, QColor(0x9f, 0x9f, 0x9f)},
                  {QPalette::Shadow, QColor(0x76, 0x76, 0x76)},
                  {QPalette::Highlight, QColor(0x00, 0x72, 0xb2)},
                  {QPalette::HighlightedText, Qt::white},
                  {QPalette::Link, QColor(0x00, 0x5a, 0x8e)},
                  {QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a)}},
                 QColor(0x6b, 0x6b, 0x6b)); // 4.8:1 on Window and Base: placeholders are text
}

QPalette ThemePalette::dark()
{
    const QColor text(0xec, 0xec, 0xec);
    return build({{QPalette::Window, QColor(0x2b, 0x2b, 0x2b)},
                  {QPalette::WindowText, text},
                  {QPalette::Base, QColor(0x1e, 0x1e, 0x1e)},
                  {QPalette::AlternateBase, QColor(0x26, 0x26, 0x26)},
                  {QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a)},
                  {QPalette::ToolTipText, text},
                  {QPalette::Text, text},
                  {QPalette::Button, QColor(0x3c, 0x3c, 0x3c)},
                  {QPalette::ButtonText, text},
                  {QPalette::BrightText, QColor(0xff, 0x6b, 0x6b)},
                  {QPalette::Light, QColor(0x50, 0x50, 0x50)},
                  {QPalette::Midlight, QColor(0x44, 0x44, 0x44)},
                  {QPalette::Mid, QColor(0x35, 0x35, 0x35)},
                  {QPalette::Dark, QColor(0x18, 0x18, 0x18)},
                  {QPalette::Shadow, QColor(0x0c, 0x0c, 0x0c)},
                  {QPalette::Highlight, QColor(0x23, 0x74, 0xad)}, // white on it: 5:1
                  {QPalette::HighlightedText, Qt::white},
                  {QPalette::Link, QColor(0x56, 0xb4, 0xe9)},
                  {QPalette::LinkVisited, QColor(0xcc, 0x79, 0xa7)}},
                 QColor(0xa0, 0xa0, 0xa0)); // 5.4:1 on Window and Base
}

void ThemePalette::applyToApplication(bool dark)
{
    const QPalette palette = forDark(dark);
    QApplication::setPalette(palette);
    QToolTip::setPalette(palette);
}

void ThemePalette::setApplicationFontScale(double scale)
{
    // The classes whose windows have no parent font to inherit: tooltips, menus, dialogs.
    static constexpr std::array<const char*, 6> classes {"QTipLabel", "QMenu", "QMenuBar", "QMessageBox",
                                                          "QFileDialog", "QDialog"};
    struct Fonts
    {
        QFont application;
        std::array<QFont, classes.size()> perClass;
    };
    static std::optional<Fonts> original;
    if (!original) {
        original.emplace();
        original->application = QApplication::font();
        for (std::size_t i = 0; i < classes.size(); ++i)
            original->perClass[i] = QApplication::font(classes[i]);
    }
    QApplication::setFont(ChartStyle::scaled(original->application, scale, original->application.bold()));
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const QFont& f = original->perClass[i];
        QApplication::setFont(ChartStyle::scaled(f, scale, f.bold()), classes[i]);
    }
}

bool ThemePalette::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

double ThemePalette::relativeLuminance(const QColor& c)
{
    auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

QColor ThemePalette::textOn(const QColor& background)
{
    return relativeLuminance(background) > 0.18 ? QColor(Qt::black) : QColor(Qt::white);
}

double ThemePalette::contrastRatio(const QColor& a, const QColor& b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ThemePalette::mutedText(const QColor& text, const QColor& background)
{
    // 0.7 of the text: at least 4.7:1 in both themes (tst_themepalette).
    return StatePalette::blend(text, background, 0.7);
}

} // namespace ThreadLab
