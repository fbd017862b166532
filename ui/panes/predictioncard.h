#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace ThreadLab {

// A calm card laid over a pane (the observations, the charts) while the class predicts: it hides
// the numbers beneath until the reveal, and says what was predicted and how to reveal. The card
// with a field is where the prediction is typed. It follows its pane's size.
class PredictionCard : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PredictionCard)

public:
    // A child of `pane`, covering it whole; hidden until shown.
    PredictionCard(QWidget* pane, bool withField);
    ~PredictionCard() override;

    // The prediction as typed (the field's text, or the words shown on a card without a field).
    QString prediction() const;
    void setPrediction(const QString& text);
    void setHint(const QString& hint);
    QString hint() const;
    QLineEdit* field() const noexcept { return m_field; }

Q_SIGNALS:
    void predictionEdited(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void applyFonts();
    void updateSaid();

    QLabel* m_title = nullptr;
    QLineEdit* m_field = nullptr; // null on a card without a field
    QLabel* m_said = nullptr;     // "Prediction: …" where there is no field
    QLabel* m_hint = nullptr;
    QString m_prediction;
};

} // namespace ThreadLab
