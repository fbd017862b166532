#pragma once

#include <QWidget>

class QLabel;
class QScrollArea;

namespace ThreadLab {

class LessonVerdict;
struct VariantResult;

// What happened, in big plain words: per finished variant its time, how it compares with the
// first variant, and the scenario's observations ("parent's list: []", "counter: 1412 of 2000 —
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
    // speedup: the first variant's time ÷ this one's; 0 for the first variant itself.
    void addVariant(const VariantResult& result, double speedup, const QString& baseline);
    void showCancelled();
    // The verdict of the run's lesson checks, one line each, first in the panel; cleared by clear().
    void showLesson(const LessonVerdict& verdict);
    void setPresenterScale(double scale);

    QString plainText() const;
    int variantCount() const noexcept { return static_cast<int>(m_blocks.size()); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void applyFonts();

    QScrollArea* m_scroll = nullptr;
    QLabel* m_label = nullptr;
    QStringList m_blocks; // HTML, one per finished variant
    QString m_lesson;     // HTML, the verdict
    QString m_running;
    bool m_cancelled = false;
    double m_presenterScale = 1;
};

} // namespace ThreadLab
