#pragma once

#include "model/liveoutputreader.h"

#include <QWidget>

#include <vector>

class QPlainTextEdit;

namespace ThreadLab {

// The interleaved output of all workers, ordered by time: each line in its worker's colour,
// with the time and the worker's name. Fed in batches (a frame's worth of new lines at once).
class ConsoleView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleView)

public:
    static constexpr int maxLines = 20000;
    static constexpr int maxNameWidth = 24; // characters of the worker-name column

    explicit ConsoleView(QWidget* parent = nullptr);
    ~ConsoleView() override;

    void clear();
    // A heading line that opens a variant's output.
    void beginVariant(const QString& name);
    void appendLines(const std::vector<ConsoleLine>& lines);

    int lineCount() const noexcept { return static_cast<int>(m_entries.size()); }
    QString plainText() const;
    QPlainTextEdit* textView() const noexcept { return m_text; }

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

    QPlainTextEdit* m_text = nullptr;
    std::vector<Entry> m_entries;
    int m_nameWidth = 10;
};

} // namespace ThreadLab
