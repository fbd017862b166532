#pragma once

#include "charts/styledchartview.h"

#include <QFont>

#include <utility>
#include <vector>

class QBarCategoryAxis;
class QGraphicsPathItem;
class QGraphicsSimpleTextItem;
class QHorizontalBarSeries;
class QValueAxis;

namespace ThreadLab {

class RunHistory;
struct ElapsedEntry;

// Elapsed time per variant as horizontal bars, one colour per run so that runs (GIL on beside
// GIL off) sit side by side under each variant, and one per engine of a run in two engines (the
// variant's model bar above its CPython bar, in one row named as the variant); each bar carries
// its time and, where the scenario's lesson compares the variant, its speedup. A bar of repeated runs is the median, with
// a whisker from the fastest run to the slowest. An adapter: the rest of the app never touches Qt Charts types.
class ElapsedChart : public StyledChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElapsedChart)

public:
    explicit ElapsedChart(QWidget* parent = nullptr);
    ~ElapsedChart() override;

    void setHistory(const RunHistory& history);

    int barCount() const noexcept { return static_cast<int>(m_bars.size()); }
    // The words meant for the bars, top to bottom ("2.10 s · 0.98×"); a bar with room for
    // neither side shows its time alone.
    QStringList barTexts() const;
    // The variants' names as the category axis shows them, top to bottom: a long name on two
    // lines ("a<br>b") where the rows have the height for it.
    QStringList categoryLabels() const;
    // The whiskers of repeated runs, top to bottom: (fastest, slowest) run in ms; (0, 0) for a
    // bar of one run, which has none.
    std::vector<std::pair<double, double>> whiskersMs() const;

    // The legend's entries, in the order it shows them ("Model", "CPython").
    QStringList legendNames() const;
    // Where the chart shows it, in the view's coordinates: the legend, and every bar and word
    // (bar labels, the category names) that it must never cover.
    QRectF legendRect() const;
    std::vector<QRectF> barRects() const;
    std::vector<QRectF> wordRects() const;

protected:
    void restyle() override;
    // Beside the plot while its entries are short ("GIL on", "Model", "CPython"), else below it:
    // Qt Charts would elide a long entry there and lay the legend over the bars.
    bool legendBesideWhenCompact() const override;

private:
    struct Bar
    {
        int category = 0; // axis index (0 is the bottom row)
        int set = 0;      // position in its row (0 is the bottom bar)
        int order = 0;    // its set in RunHistory::barSets (0 is the oldest run, the top bar)
        double value = 0; // in the axis unit
        QString text;
        QString shortText;  // the time alone, where the words may leave out the speedup
        double fastest = 0; // whisker ends in the axis unit; equal when there is no whisker
        double slowest = 0;
    };
    struct Words
    {
        QFont font;
        double widthPx = 0;
        bool inside = false; // else after the bar
    };
    static Bar barOf(const ElapsedEntry& entry, int row, int position, double unit);
    Words placeWords(const QString& text, const QFont& wanted, double inside, double after) const;
    std::vector<Bar> topToBottom() const;
    void layoutTexts();
    void layoutWhiskers();
    void wrapCategoryNames();

    QHorizontalBarSeries* m_series = nullptr;
    QBarCategoryAxis* m_categories = nullptr;
    QValueAxis* m_values = nullptr;
    std::vector<Bar> m_bars;
    QStringList m_rowNames; // the categories as named, bottom row first
    std::vector<QGraphicsSimpleTextItem*> m_texts;
    std::vector<QGraphicsPathItem*> m_whiskers;
    int m_setCount = 0;
    int m_categoryCount = 0;
    bool m_inSeconds = true;
};

} // namespace ThreadLab
