// Contrast of the app's text in both themes (WCAG 2: 4.5:1 for text; no exception for large
// text is taken, since the window's text is not large), and the worker states told apart without
// colour.

#include "charts/chartstyle.h"
#include "panes/consoleview.h"
#include "style/statepalette.h"
#include "style/themepalette.h"

#include <QSet>
#include <QTest>

#include <utility>

using namespace ThreadLab;

namespace {

constexpr double textContrast = 4.5;

QString hex(const QColor& c)
{
    return c.name();
}

} // namespace

class TestThemePalette : public QObject
{
    Q_OBJECT

private:
    static void verifyContrast(const QColor& text, const QColor& background, const QString& what)
    {
        const double ratio = ThemePalette::contrastRatio(text, background);
        QVERIFY2(ratio >= textContrast, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                                        .arg(what, hex(text), hex(background))
                                                        .arg(ratio, 0, 'f', 2)));
    }

private Q_SLOTS:
    void contrastRatioIsWcags()
    {
        QCOMPARE(ThemePalette::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(ThemePalette::contrastRatio(Qt::white, Qt::black), 21.0);
        QCOMPARE(ThemePalette::contrastRatio(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is the classic 4.54:1.
        QVERIFY(qAbs(ThemePalette::contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    }

    void themes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    // The palette's text roles on the backgrounds they are drawn on.
    void paletteTextIsReadable_data() { themes_data(); }
    void paletteTextIsReadable()
    {
        QFETCH(bool, dark);
        const QPalette p = ThemePalette::forDark(dark);
        using R = QPalette::ColorRole;
        const std::pair<R, R> pairs[] = {
            {R::WindowText, R::Window},     {R::Text, R::Base},           {R::Text, R::AlternateBase},
            {R::ButtonText, R::Button},     {R::ToolTipText, R::ToolTipBase}, {R::HighlightedText, R::Highlight},
            {R::PlaceholderText, R::Base},  {R::PlaceholderText, R::Window}, // placeholders; the concept line
            {R::Link, R::Base},             {R::LinkVisited, R::Base},    {R::WindowText, R::Base},
        };
        for (const auto& [fg, bg] : pairs)
            verifyContrast(p.color(fg), p.color(bg), QStringLiteral("role %1 on role %2").arg(int(fg)).arg(int(bg)));
    }

    // Text the window paints itself: secondary labels on the timeline's rows and the compare
    // view's headers, labels on state bars and badges, the charts' bar labels, the console's
    // worker colours.
    void paintedTextIsReadable_data() { themes_data(); }
    void paintedTextIsReadable()
    {
        QFETCH(bool, dark);
        const QPalette p = ThemePalette::forDark(dark);
        const QColor base = p.color(QPalette::Base);
        const QColor window = p.color(QPalette::Window);
        const QColor text = p.color(QPalette::Text);
        // The tints laid over Base and Window: the timeline's rows (5 and 8.5 % of the text) and
        // the compare view's header band (10 %).
        for (const QColor& under : {base, window})
            for (const double tint : {0.0, 0.05, 0.085, 0.10}) {
                const QColor background = StatePalette::blend(text, under, tint);
                verifyContrast(ThemePalette::mutedText(text, base), background, QStringLiteral("muted text"));
                verifyContrast(ThemePalette::mutedText(p.color(QPalette::WindowText), window), background,
                               QStringLiteral("muted window text"));
            }
        for (int s = 0; s < workerStateCount; ++s) {
            const auto state = static_cast<WorkerState>(s);
            // A bar's label sits on the state's colour, or on its tint where the state is patterned.
            const QColor box = StatePalette::pattern(state) == Qt::SolidPattern ? StatePalette::color(state)
                                                                                : StatePalette::tint(state, base);
            verifyContrast(ThemePalette::textOn(box), box, QStringLiteral("label of %1").arg(StatePalette::label(state)));
        }
        for (int i = 0; i < 7; ++i) {
            const QColor bar = ChartStyle::seriesColor(i);
            verifyContrast(ThemePalette::textOn(bar), bar, QStringLiteral("label on chart bar %1").arg(i));
        }
        for (int lane = 0; lane < 13; ++lane)
            verifyContrast(ConsoleView::readableColor(StatePalette::laneColor(lane), base), base,
                           QStringLiteral("console line of lane %1").arg(lane));
        // The compare view's focus header: its text on the accent.
        const QColor accent = p.color(QPalette::Highlight);
        verifyContrast(ThemePalette::textOn(accent), accent, QStringLiteral("focus header"));
    }

    // Colour is never the only mark: each state the legend shows has its own pair of pattern and
    // label, and the states drawn as patterned bars each have a pattern of their own.
    void statesDifferWithoutColour()
    {
        QSet<QString> marks;
        QSet<QString> labels;
        QSet<int> patterns;
        for (const WorkerState state : StatePalette::legendStates()) {
            const QString mark = QStringLiteral("%1|%2").arg(int(StatePalette::pattern(state))).arg(StatePalette::label(state));
            QVERIFY2(!marks.contains(mark), qPrintable(StatePalette::label(state)));
            marks.insert(mark);
            QVERIFY2(!labels.contains(StatePalette::shortLabel(state)), qPrintable(StatePalette::shortLabel(state)));
            labels.insert(StatePalette::shortLabel(state));
            const Qt::BrushStyle pattern = StatePalette::pattern(state);
            if (pattern == Qt::SolidPattern || pattern == Qt::NoBrush)
                continue;
            QVERIFY2(!patterns.contains(int(pattern)), qPrintable(StatePalette::label(state)));
            patterns.insert(int(pattern));
        }
        QVERIFY(patterns.size() >= 5); // GIL, I/O, lock, join, queue
    }
};

QTEST_MAIN(TestThemePalette)
#include "tst_themepalette.moc"
