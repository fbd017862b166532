#pragma once

#include <QWidget>

class QLabel;
class QScrollArea;

namespace ThreadLab {

class LessonVerdict;
struct RunResult;
struct VariantResult;

// What happened, in big plain words: per finished variant its time, how it compares with its
// baseline where the lesson compares it, and the scenario's observations ("parent's list: []", "counter: 1412 of 2000 —
// 588 updates lost", "daemon Thread-1 cut off after 0.13 s").
class ObservationsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObservationsPanel)

public:
    explicit ObservationsPanel(QWidget* parent = nullptr);
    ~ObservationsPanel() override;

    void clear();
    void showRunning(const QString& variantName);
    // speedup: the baseline's time ÷ this one's; 0 for the baseline itself and where the lesson
    // compares nothing (RunHistory::comparison). A variant of repeated runs reads "median 1.02 s,
    // runs 0.98–1.10 s".
    void addVariant(const VariantResult& result, double speedup, const QString& baseline);
    // A finished series of runs in place of the last run's blocks: each variant's median and
    // spread, and the verdict on the medians.
    void showSeries(const RunResult& series);
    // "You predicted: …" above the verdict (predict, then reveal); empty: none. Kept by clear().
    void setPrediction(const QString& prediction);
    void showCancelled();
    // The verdict of the run's lesson checks, one line each, first in the panel; cleared by clear().
    void showLesson(const LessonVerdict& verdict);
    // Two or three engines: each engine's verdict, then the fidelity of every lesson ratio.
    void showEngineLessons(const RunResult& series);
    void setPresenterScale(double scale);
    // Off, the text never shows a scroll bar (the stage has made room for every line); on (the
    // default), one when it is taller than the panel.
    void setScrollable(bool on);

    QString plainText() const;
    int variantCount() const noexcept { return static_cast<int>(m_blocks.size()); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void addLessonLines(const QStringList& lines);
    void refresh();
    void applyFonts();

    QScrollArea* m_scroll = nullptr;
    QLabel* m_label = nullptr;
    QStringList m_blocks; // HTML, one per finished variant
    QString m_lesson;     // HTML, the verdict
    QString m_prediction;
    QString m_running;
    bool m_cancelled = false;
    double m_presenterScale = 1;
};

} // namespace ThreadLab
