#include "panes/timescalebox.h"

#include "tasks/taskspec.h"

#include <algorithm>
#include <array>

namespace ThreadLab {

namespace {

// 0 first: one step down from the smallest factor is the scenario's default.
constexpr std::array<double, 14> stops {0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1, 2, 3, 5, 10};
static_assert(stops[1] == Limits::minTimeScale && stops.back() == Limits::maxTimeScale);

} // namespace

TimeScaleBox::TimeScaleBox(QWidget* parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(2);
    setRange(0, Limits::maxTimeScale);
}

TimeScaleBox::~TimeScaleBox() = default;

void TimeScaleBox::stepBy(int steps)
{
    // From a value between two stops, the first step goes to the neighbouring stop.
    const double v = value();
    const auto above = std::upper_bound(stops.begin(), stops.end(), v + 1e-9);
    const auto atOrBelow = above - 1;
    const bool onStop = std::abs(*atOrBelow - v) < 1e-9;
    std::ptrdiff_t at = atOrBelow - stops.begin();
    if (steps > 0)
        at += steps;
    else if (steps < 0)
        at += onStop ? steps : steps + 1;
    setValue(stops[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(at, 0, stops.size() - 1))]);
    selectAll();
}

QAbstractSpinBox::StepEnabled TimeScaleBox::stepEnabled() const
{
    StepEnabled e = StepNone;
    if (value() > minimum())
        e |= StepDownEnabled;
    if (value() < maximum())
        e |= StepUpEnabled;
    return e;
}

QString TimeScaleBox::textFromValue(double value) const
{
    // The shortest text that still reads back as the value: "0.01", "0.5", "2".
    QString text = locale().toString(value, 'f', decimals());
    const QChar point = locale().decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace ThreadLab
