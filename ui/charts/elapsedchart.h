#pragma once

#include "charts/styledchartview.h"

#include <vector>

class QBarCategoryAxis;
class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;
class QValueAxis;

namespace ThreadLab {

class RunHistory;

// Elapsed time per variant as horizontal bars, one colour per run so that runs (GIL on beside
// GIL off) sit side by side under each variant; each bar carries its time and its speedup over
// the first variant of its run. An adapter: the rest of the app never touches Qt Charts types.
class ElapsedChart : public StyledChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElapsedChart)

public:
    explicit ElapsedChart(QWidget* parent = nullptr);
    ~ElapsedChart() override;

    void setHistory(const RunHistory& history);

    int barCount() const noexcept { return static_cast<int>(m_bars.size()); }
    // The words written on the bars, top to bottom ("2.10 s · 0.98×").
    QStringList barTexts() const;

protected:
    void restyle() override;

private:
    struct Bar
    {
        int category = 0; // axis index (0 is the bottom row)
        int set = 0;      // position in its row (0 is the bottom bar)
        int run = 0;
        double value = 0; // in the axis unit
        QString text;
    };
    void layoutTexts();

    QHorizontalBarSeries* m_series = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
    QValueAxis* m_values = nullptr;
    std::vector<Bar> m_bars;
    std::vector<QGraphicsSimpleTextItem*> m_texts;
    int m_setCount = 0;
    int m_categoryCount = 0;
    bool m_inSeconds = true;
};

} // namespace ThreadLab
