#include "panes/predictionstage.h"

#include "panes/predictioncard.h"

#include <QLineEdit>

namespace ThreadLab {

PredictionStage::PredictionStage(const QList<QWidget*>& panes, QObject* parent)
    : QObject(parent)
{
    for (QWidget* pane : panes) {
        auto* card = new PredictionCard(pane, m_cards.isEmpty());
        connect(card, &PredictionCard::predictionEdited, this, &PredictionStage::setPrediction);
        m_cards << card;
    }
}

PredictionStage::~PredictionStage() = default;

void PredictionStage::setEnabled(bool on)
{
    if (m_enabled == on)
        return;
    m_enabled = on;
    if (on) {
        cover();
        setHints(m_running ? tr("Running… the numbers stay covered until you press R.")
                           : tr("Type the class's prediction, then run (Enter). The numbers stay covered "
                                "until you press R."));
    } else {
        reveal();
    }
}

void PredictionStage::setPrediction(const QString& text)
{
    if (m_prediction == text)
        return;
    m_prediction = text;
    for (PredictionCard* card : std::as_const(m_cards))
        card->setPrediction(text);
    Q_EMIT predictionChanged(text);
}

void PredictionStage::runStarted()
{
    m_running = true;
    if (!m_enabled)
        return;
    cover();
    if (QLineEdit* field = m_cards.isEmpty() ? nullptr : m_cards.first()->field(); field && field->hasFocus())
        field->clearFocus();
    setHints(tr("Running… the numbers stay covered until you press R."));
}

void PredictionStage::runFinished()
{
    m_running = false;
    if (m_covered)
        setHints(tr("Finished — press R to reveal."));
}

void PredictionStage::reveal()
{
    if (!m_covered)
        return;
    m_covered = false;
    for (PredictionCard* card : std::as_const(m_cards))
        card->hide();
    Q_EMIT revealed(m_prediction);
}

void PredictionStage::cover()
{
    m_covered = true;
    for (PredictionCard* card : std::as_const(m_cards)) {
        card->show();
        card->raise();
    }
}

void PredictionStage::setHints(const QString& hint)
{
    for (PredictionCard* card : std::as_const(m_cards))
        card->setHint(hint);
}

} // namespace ThreadLab
