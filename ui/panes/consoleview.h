#pragma once

#include "model/liveoutputreader.h"
#include "model/orderhistory.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPlainTextEdit;

namespace ThreadLab {

// The interleaved output of all workers, ordered by time: each line in its worker's colour,
// with the time and the worker's name. Fed in batches (a frame's worth of new lines at once).
// After a run, a header above the lines shows the order in which the workers printed, this run
// and the last few of the same scenario and settings (OrderHistory): the order differs from run
// to run (C2). Where a variant lost counter updates (C9), a closing line names one.
class ConsoleView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleView)

public:
    static constexpr int maxLines = 20000;
    static constexpr int maxNameWidth = 24; // characters of the worker-name column
    static constexpr int maxOrderLabels = 36; // workers shown per run in the order header

    explicit ConsoleView(QWidget* parent = nullptr);
    ~ConsoleView() override;

    void clear();
    // A heading line that opens a variant's output.
    void beginVariant(const QString& name);
    void appendLines(const std::vector<ConsoleLine>& lines);
    // A run has finished: its order joins the history in the header, and its lost updates are named.
    void addRun(const RunResult& run);

    // The order header as plain text ("threads  run 2  1 2 1 2"); empty while it is hidden.
    QString orderText() const;
    const OrderHistory& orderHistory() const noexcept { return m_orders; }

    int lineCount() const noexcept { return static_cast<int>(m_entries.size()); }
    QString plainText() const;
    QPlainTextEdit* textView() const noexcept { return m_text; }
    // How much taller than its lines the view is when `width` wide: the text's frame and, when
    // shown, the order header above the lines, which wraps. From the header's text, not from its
    // last layout, which lags behind a header just filled.
    int chromeHeightFor(int width) const;

    // The colour a lane's lines get on `background`: the lane colour, darkened or lightened
    // until it reads (a contrast of at least 4.5:1).
    static QColor readableColor(const QColor& laneColor, const QColor& background);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry
    {
        bool heading = false;
        ConsoleLine line;
        QString title; // headings
    };
    void render(const Entry* from, const Entry* to);
    void rerender();
    void applyFonts();
    void renderOrders();

    QLabel* m_orderHeader = nullptr;
    QPlainTextEdit* m_text = nullptr;
    OrderHistory m_orders;
    QString m_orderPlain; // the header as plain text
    std::vector<Entry> m_entries;
    int m_nameWidth = 10;
};

} // namespace ThreadLab
