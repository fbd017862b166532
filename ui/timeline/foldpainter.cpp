#include "timeline/foldpainter.h"

#include "model/statebands.h"
#include "style/statepalette.h"

#include <QPainter>

#include <algorithm>

namespace ThreadLab {

FoldPainter::FoldPainter(QPainter& painter, double scale, const QColor& base)
    : m_painter(painter)
    , m_scale(scale)
    , m_base(base)
{
}

void FoldPainter::add(const QRectF& r, const std::array<double, workerStateCount>& stateNs)
{
    if (!m_run.empty() && m_run.back().rect.right() != r.left())
        finish();
    Fold fold {r, {}};
    StateBands::forEach(r.top(), r.height(), stateNs, [&fold, &r](double y0, double y1, WorkerState state) {
        fold.bands.push_back({QRectF(r.left(), y0, r.width(), y1 - y0), state});
    });
    m_run.push_back(std::move(fold));
}

void FoldPainter::finish()
{
    if (m_run.empty())
        return;
    std::array<int, workerStateCount> endsWith {};
    for (const Fold& fold : m_run)
        if (!fold.bands.empty() && widens(fold.bands.back().state))
            ++endsWith[static_cast<std::size_t>(fold.bands.back().state)];
    const auto under = static_cast<int>(std::max_element(endsWith.begin(), endsWith.end()) - endsWith.begin());
    const bool shared = endsWith[static_cast<std::size_t>(under)] > 1;
    if (shared) {
        const QRectF all(m_run.front().rect.topLeft(), m_run.back().rect.bottomRight());
        StatePalette::paintState(m_painter, all, static_cast<WorkerState>(under), m_scale, m_base);
    }
    std::array<QRectF, workerStateCount> pending {};
    for (const Fold& fold : m_run) {
        for (const Band& band : fold.bands) {
            if (shared && &band == &fold.bands.back() && static_cast<int>(band.state) == under)
                continue;
            QRectF& p = pending[static_cast<std::size_t>(band.state)];
            if (widens(band.state) && !p.isEmpty() && p.right() == band.rect.left() && p.top() == band.rect.top()
                && p.bottom() == band.rect.bottom()) {
                p.setRight(band.rect.right());
                continue;
            }
            paint(p, band.state);
            p = band.rect;
        }
    }
    for (int st = 0; st < workerStateCount; ++st)
        paint(pending[static_cast<std::size_t>(st)], static_cast<WorkerState>(st));
    m_run.clear();
}

bool FoldPainter::widens(WorkerState state)
{
    return StatePalette::pattern(state) != Qt::NoBrush;
}

void FoldPainter::paint(const QRectF& r, WorkerState state)
{
    if (!r.isEmpty())
        StatePalette::paintState(m_painter, r, state, m_scale, m_base);
}

} // namespace ThreadLab
