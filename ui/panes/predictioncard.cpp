#include "panes/predictioncard.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>

namespace ThreadLab {

PredictionCard::PredictionCard(QWidget* pane, bool withField)
    : QWidget(pane)
    , m_title(new QLabel(this))
    , m_field(withField ? new QLineEdit(this) : nullptr)
    , m_said(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(withField ? QStringLiteral("predictionCard") : QStringLiteral("predictionCover"));
    m_title->setText(tr("Prediction"));
    applyFonts();
    m_title->setAlignment(Qt::AlignCenter);
    for (QLabel* label : {m_said, m_hint}) {
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
    }
    m_hint->setObjectName(QStringLiteral("predictionHint"));
    setAccessibleName(withField ? tr("Prediction card") : tr("Covered while the class predicts"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->addStretch(1);
    layout->addWidget(m_title);
    if (m_field) {
        m_field->setObjectName(QStringLiteral("predictionField"));
        m_field->setPlaceholderText(tr("e.g. 4 threads will be 3× faster"));
        m_field->setAlignment(Qt::AlignCenter);
        m_field->setAccessibleName(tr("Prediction"));
        m_field->setAccessibleDescription(tr("What the class expects the run to show; R reveals the numbers"));
        layout->addWidget(m_field, 0, Qt::AlignHCenter);
        connect(m_field, &QLineEdit::textChanged, this, [this](const QString& text) {
            m_prediction = text;
            Q_EMIT predictionEdited(text);
        });
    }
    layout->addWidget(m_said);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    setAutoFillBackground(false);
    pane->installEventFilter(this);
    setGeometry(pane->rect());
    updateSaid();
    hide();
}

PredictionCard::~PredictionCard() = default;

QString PredictionCard::prediction() const
{
    return m_prediction;
}

void PredictionCard::setPrediction(const QString& text)
{
    m_prediction = text;
    if (m_field && m_field->text() != text)
        m_field->setText(text);
    updateSaid();
}

void PredictionCard::setHint(const QString& hint)
{
    m_hint->setText(hint);
}

QString PredictionCard::hint() const
{
    return m_hint->text();
}

void PredictionCard::updateSaid()
{
    // The card with the field shows the words in it; the others say them.
    m_said->setVisible(!m_field);
    m_said->setText(m_prediction.trimmed().isEmpty() ? tr("Prediction: (none typed yet)")
                                                     : tr("Prediction: %1").arg(m_prediction.trimmed()));
}

bool PredictionCard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
        // The whole prediction in view: as wide as the card allows, up to a comfortable line.
        if (m_field)
            m_field->setFixedWidth(std::clamp(width() - 48, 120, 640));
    }
    return QWidget::eventFilter(watched, event);
}

void PredictionCard::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts(); // presenter mode: the title grows with the window's font
}

void PredictionCard::applyFonts()
{
    QFont big = font();
    big.setBold(true);
    big.setPointSizeF(font().pointSizeF() * 1.3);
    m_title->setFont(big);
}

void PredictionCard::paintEvent(QPaintEvent*)
{
    // Opaque and plain: nothing of the numbers beneath shows through.
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window));
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

} // namespace ThreadLab
