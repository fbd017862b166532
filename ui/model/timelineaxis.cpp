#include "model/timelineaxis.h"

#include "model/timelineviewport.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ThreadLab {

namespace {

struct TimeUnit
{
    double ns = 1;
    QString name;
};

// The largest of s, ms, µs and ns that v reaches once multiplied by `reach`.
TimeUnit unitFor(double v, double reach)
{
    if (v >= 1e9 / reach)
        return {1e9, QCoreApplication::translate("TimelineAxis", "s")};
    if (v >= 1e6 / reach)
        return {1e6, QCoreApplication::translate("TimelineAxis", "ms")};
    if (v >= 1e3 / reach)
        return {1e3, QCoreApplication::translate("TimelineAxis", "µs")};
    return {1, QCoreApplication::translate("TimelineAxis", "ns")};
}

} // namespace

double TimelineAxis::niceStep(double rawNs)
{
    if (!(rawNs > 1))
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(rawNs)));
    const double f = rawNs / p;
    // A little tolerance so that exact decades are not pushed one step up by rounding.
    const double nice = f <= 1.0 + 1e-9 ? 1 : f <= 2.0 + 1e-9 ? 2 : f <= 5.0 + 1e-9 ? 5 : 10;
    return nice * p;
}

double TimelineAxis::stepNs(const TimelineViewport& viewport, double minSpacingPx)
{
    return niceStep(std::max(1.0, minSpacingPx) * viewport.nsPerPx());
}

QList<TimelineAxis::Tick> TimelineAxis::ticks(const TimelineViewport& viewport, double minSpacingPx)
{
    double step = stepNs(viewport, minSpacingPx);
    QList<Tick> out = ticksAt(viewport, step);
    // A narrow plot can be left with one or two labels ("0 s"): finer nice steps (1, 2, 5), as
    // long as labels stay 0.4 of the spacing apart (the spacing leaves room for twice the widest
    // label), so that the axis still reads as a scale.
    while (out.size() < 3 && step > 1) {
        const double decade = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
        const double finer = step / decade < 4 ? step / 2 : step * 0.4;
        if (viewport.nsPerPx() <= 0 || finer / viewport.nsPerPx() < minSpacingPx * 0.4)
            break;
        step = finer;
        out = ticksAt(viewport, step);
    }
    return out;
}

QList<TimelineAxis::Tick> TimelineAxis::ticksAt(const TimelineViewport& viewport, double step)
{
    QList<Tick> out;
    const double first = std::ceil(viewport.t0Ns() / step) * step;
    const int maxTicks = static_cast<int>(std::min(1e5, (viewport.t1Ns() - first) / step)) + 2;
    for (int i = 0; i <= maxTicks; ++i) {
        const double t = first + i * step;
        if (t > viewport.t1Ns())
            break;
        out.append({t, viewport.xForTime(t), formatTick(t, step)});
    }
    return out;
}

QString TimelineAxis::formatTick(double tNs, double stepNs)
{
    // A step of a tenth of a unit still reads in that unit: "0.5 s", not "500 ms".
    const TimeUnit unit = unitFor(stepNs, 10);
    const double stepInUnit = stepNs / unit.ns;
    const int decimals = stepInUnit >= 1 - 1e-9 ? 0 : static_cast<int>(std::ceil(-std::log10(stepInUnit) - 1e-9));
    double v = tNs / unit.ns;
    if (std::abs(tNs) < stepNs * 1e-6)
        v = 0; // no "-0"
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + unit.name;
}

QString TimelineAxis::formatDuration(double ns)
{
    const TimeUnit unit = unitFor(std::abs(ns), 1);
    const double v = ns / unit.ns;
    const double av = std::abs(v);
    const int decimals = unit.ns == 1 ? 0 : av < 10 ? 2 : av < 100 ? 1 : 0;
    return QString::number(v, 'f', decimals) + QLatin1Char(' ') + unit.name;
}

} // namespace ThreadLab
