#include "panes/observationspanel.h"

#include "results/enginecomparison.h"
#include "results/lessonverdict.h"
#include "results/resultwriter.h"
#include "results/runhistory.h"
#include "results/variantresult.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace ThreadLab {

ObservationsPanel::ObservationsPanel(QWidget* parent)
    : QWidget(parent)
    , m_scroll(new QScrollArea(this))
    , m_label(new QLabel(this))
{
    m_label->setObjectName(QStringLiteral("observationsText"));
    setAccessibleName(tr("What happened pane"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setMargin(8);
    m_label->setBackgroundRole(QPalette::Base);
    m_label->setAutoFillBackground(true);
    m_label->setAccessibleName(tr("What happened"));
    m_label->setAccessibleDescription(tr("The run's verdict: whether it showed the lesson, the elapsed times and "
                                         "the observations"));
    // Readable by keyboard (Tab reaches it, the arrows move through it): screen readers follow it.
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_scroll->setWidget(m_label);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setAccessibleName(tr("What happened"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);
    applyFonts();
    refresh();
}

ObservationsPanel::~ObservationsPanel() = default;

void ObservationsPanel::clear()
{
    m_blocks.clear();
    m_lesson.clear();
    m_running.clear();
    m_cancelled = false;
    refresh();
}

void ObservationsPanel::showRunning(const QString& variantName)
{
    m_running = variantName;
    refresh();
}

void ObservationsPanel::showCancelled()
{
    m_running.clear();
    m_cancelled = true;
    refresh();
}

void ObservationsPanel::addVariant(const VariantResult& result, double speedup, const QString& baseline)
{
    const std::vector<double>& runs = result.elapsedRunsMs;
    QString head = runs.size() > 1
        ? tr("<b>%1</b>: median %2, runs %3")
              .arg(result.name.toHtmlEscaped(), RunHistory::durationText(result.elapsedMs),
                   RunHistory::rangeText(*std::min_element(runs.begin(), runs.end()),
                                         *std::max_element(runs.begin(), runs.end())))
        : tr("<b>%1</b>: %2").arg(result.name.toHtmlEscaped(), RunHistory::durationText(result.elapsedMs));
    const std::vector<Observations::CutOff>& cutOff = result.observations.cutOff;
    const QString comparison = cutOff.empty() ? RunHistory::comparisonText(speedup, baseline)
                                              : RunHistory::cutOffText(cutOff.front().atMs);
    if (!comparison.isEmpty())
        head += QStringLiteral(" — ") + comparison.toHtmlEscaped();
    QString block = QStringLiteral("<p style=\"margin-top:0; margin-bottom:2px\">%1</p>").arg(head);
    const QStringList lines = ResultWriter::whatHappenedLines(result);
    for (const QString& line : lines)
        block += QStringLiteral("<p style=\"margin-top:0; margin-bottom:2px; margin-left:18px\">• %1</p>")
                     .arg(line.toHtmlEscaped());
    m_blocks << block;
    m_running.clear();
    refresh();
}

void ObservationsPanel::showSeries(const RunResult& series)
{
    m_blocks.clear();
    m_lesson.clear();
    m_running.clear();
    m_cancelled = false;
    for (std::size_t i = 0; i < series.variants.size(); ++i) {
        const Comparison c = RunHistory::comparison(series.variants, i, series.meaningfulComparisons);
        addVariant(series.variants[i], c.speedup, c.baseline);
    }
    if (series.lesson)
        showLesson(*series.lesson);
    else if (!series.engineRuns.empty())
        showEngineLessons(series);
    if (series.cancelled)
        showCancelled();
}

void ObservationsPanel::setPrediction(const QString& prediction)
{
    m_prediction = prediction.trimmed();
    refresh();
}

void ObservationsPanel::showLesson(const LessonVerdict& verdict)
{
    m_lesson.clear();
    addLessonLines(verdict.lines());
    refresh();
}

void ObservationsPanel::showEngineLessons(const RunResult& series)
{
    m_lesson.clear();
    for (const RunResult& run : series.engineRuns)
        if (run.lesson) {
            addLessonLines({tr("%1 engine:").arg(engineTitle(run.settings.engine))});
            addLessonLines(run.lesson->lines());
        }
    addLessonLines(EngineComparison::lines(series.fidelity));
    refresh();
}

void ObservationsPanel::addLessonLines(const QStringList& lines)
{
    for (const QString& line : lines)
        m_lesson += QStringLiteral("<p style=\"margin-top:0; margin-bottom:4px\"><b>%1</b></p>").arg(line.toHtmlEscaped());
}

void ObservationsPanel::setScrollable(bool on)
{
    m_scroll->setVerticalScrollBarPolicy(on ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
}

QString ObservationsPanel::plainText() const
{
    QTextDocument doc;
    doc.setHtml(m_label->text());
    return doc.toPlainText();
}

void ObservationsPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange)
        refresh();
}

void ObservationsPanel::applyFonts()
{
    // Big words: a third larger than the rest of the window, presenter mode included.
    // In presenter mode the window's font is already large: a smaller step keeps lines whole.
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * (m_presenterScale > 1 ? 1.15 : 1.35));
    m_label->setFont(big);
}

void ObservationsPanel::setPresenterScale(double scale)
{
    m_presenterScale = scale;
    applyFonts();
}

void ObservationsPanel::refresh()
{
    QString html;
    if (m_blocks.isEmpty() && m_running.isEmpty() && !m_cancelled && m_lesson.isEmpty() && m_prediction.isEmpty())
        html = tr("<p style=\"color:%1\">Press <b>Run</b> (Space) and watch: what happened appears here "
                  "in plain words.</p>")
                   .arg(palette().color(QPalette::PlaceholderText).name());
    if (!m_prediction.isEmpty())
        html += tr("<p style=\"margin-top:0; margin-bottom:4px\"><i>You predicted: %1</i></p>")
                    .arg(m_prediction.toHtmlEscaped());
    html += m_lesson;
    for (const QString& b : m_blocks)
        html += b;
    if (!m_running.isEmpty())
        html += tr("<p><i>running %1…</i></p>").arg(m_running.toHtmlEscaped());
    if (m_cancelled)
        html += tr("<p><b>Stopped</b>: the run was cancelled.</p>");
    m_label->setText(html);
}

} // namespace ThreadLab
