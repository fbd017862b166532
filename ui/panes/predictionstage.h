#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QWidget;

namespace ThreadLab {

class PredictionCard;

// Predict, then reveal: while it is on, the panes that hold numbers (the observations with the
// verdict, the charts) stay covered by cards from the start of a run until reveal(), so that the
// class predicts while the timeline runs live. The first pane's card holds the field where the
// prediction is typed; the text is kept until changed, also across runs and when switched off.
class PredictionStage : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PredictionStage)

public:
    // Cards over `panes` (not owned; the cards are their children).
    explicit PredictionStage(const QList<QWidget*>& panes, QObject* parent = nullptr);
    ~PredictionStage() override;

    // Off by default. Switching on covers the panes at once, switching off uncovers them.
    void setEnabled(bool on);
    bool isEnabled() const noexcept { return m_enabled; }
    bool isCovered() const noexcept { return m_covered; }
    QString prediction() const { return m_prediction; }
    void setPrediction(const QString& text);
    PredictionCard* fieldCard() const { return m_cards.value(0); }

    // A run started: cover again (when on), and take the focus off the field so that R reveals.
    void runStarted();
    // The run (or series) is over: the cards say that R reveals.
    void runFinished();
    // Uncovers the panes; revealed() when they were covered.
    void reveal();

Q_SIGNALS:
    void revealed(const QString& prediction);
    void predictionChanged(const QString& prediction);

private:
    void cover();
    void setHints(const QString& hint);

    QList<PredictionCard*> m_cards;
    QString m_prediction;
    bool m_enabled = false;
    bool m_covered = false;
    bool m_running = false;
};

} // namespace ThreadLab
