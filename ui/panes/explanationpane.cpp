#include "panes/explanationpane.h"

#include "i18n/translations.h"
#include "scenario/scenario.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace ThreadLab {

ExplanationPane::ExplanationPane(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_concept(new QLabel(this))
    , m_explanation(new QTextBrowser(this))
    , m_tabs(new QTabWidget(this))
    , m_python(new QPlainTextEdit(this))
    , m_cpp(new QPlainTextEdit(this))
{
    m_title->setObjectName(QStringLiteral("scenarioTitle"));
    setAccessibleName(tr("Explanation and code"));
    m_title->setWordWrap(true);
    m_concept->setObjectName(QStringLiteral("scenarioConcept"));
    m_concept->setWordWrap(true); // a long vocabulary list must not widen the pane
    m_concept->setForegroundRole(QPalette::PlaceholderText);
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_explanation->setOpenLinks(false);
    m_explanation->setFrameShape(QFrame::NoFrame);
    for (QPlainTextEdit* code : {m_python, m_cpp}) {
        code->setReadOnly(true);
        code->setLineWrapMode(QPlainTextEdit::NoWrap);
        code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    m_python->setObjectName(QStringLiteral("pythonCode"));
    m_cpp->setObjectName(QStringLiteral("cppCode"));
    m_tabs->setObjectName(QStringLiteral("codeTabs"));
    m_tabs->addTab(m_python, tr("Python"));
    m_tabs->addTab(m_cpp, tr("Qt C++"));
    m_tabs->setDocumentMode(true);
    // For screen readers: what each part is and what it shows.
    const std::tuple<QWidget*, QString, QString> parts[] = {
        {m_title, tr("Scenario title"), {}},
        {m_concept, tr("Concepts"), {}},
        {m_explanation, tr("Explanation"), tr("What the scenario shows and why, its vocabulary in bold")},
        {m_python, tr("Python code"), tr("The scenario written with Python's threading and multiprocessing")},
        {m_cpp, tr("Qt C++ code"), tr("The scenario written with QThread and QProcess")},
        {m_tabs, tr("Code"), tr("The scenario's code in Python and in Qt C++")},
    };
    for (const auto& [part, name, description] : parts) {
        part->setAccessibleName(name);
        part->setAccessibleDescription(description);
    }

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    topLayout->addWidget(m_title);
    topLayout->addWidget(m_concept);
    topLayout->addWidget(m_explanation, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("explanationSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    applyFonts();
}

ExplanationPane::~ExplanationPane() = default;

QString ExplanationPane::highlightedHtml(const QString& explanation, const QStringList& vocabulary)
{
    // Longest terms first so that "reference counting" wins over "reference"; each term is
    // matched on word boundaries, case-insensitively, and bolded once.
    QStringList terms = vocabulary;
    std::sort(terms.begin(), terms.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    struct Span
    {
        qsizetype start = 0;
        qsizetype length = 0;
    };
    std::vector<Span> spans;
    for (const QString& term : terms) {
        if (term.trimmed().isEmpty())
            continue;
        const QRegularExpression re(QStringLiteral("(?<![\\w-])") + QRegularExpression::escape(term)
                                        + QStringLiteral("(?![\\w-])"),
                                    QRegularExpression::CaseInsensitiveOption);
        QRegularExpressionMatchIterator it = re.globalMatch(explanation);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const Span s {m.capturedStart(), m.capturedLength()};
            const bool overlaps = std::any_of(spans.begin(), spans.end(), [&s](const Span& o) {
                return s.start < o.start + o.length && o.start < s.start + s.length;
            });
            if (!overlaps) {
                spans.push_back(s);
                break;
            }
        }
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    QString html;
    qsizetype at = 0;
    for (const Span& s : spans) {
        html += explanation.mid(at, s.start - at).toHtmlEscaped();
        html += QStringLiteral("<b>") + explanation.mid(s.start, s.length).toHtmlEscaped() + QStringLiteral("</b>");
        at = s.start + s.length;
    }
    html += explanation.mid(at).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

void ExplanationPane::setScenario(const Scenario& scenario)
{
    const QString language = Translations::current();
    m_title->setText(textIn(scenario.title, scenario.titleTranslations, language));
    const QStringList vocabulary = scenario.vocabularyTranslations.value(language, scenario.vocabulary);
    QString heading = scenario.conceptId;
    if (!vocabulary.isEmpty())
        heading += QStringLiteral(" · ") + vocabulary.join(QStringLiteral(", "));
    m_concept->setText(heading);
    m_explanation->setHtml(highlightedHtml(textIn(scenario.explanation, scenario.explanationTranslations, language), vocabulary));
    m_python->setPlainText(scenario.pythonCode);
    m_cpp->setPlainText(scenario.cppCode);
}

QString ExplanationPane::title() const
{
    return m_title->text();
}

QString ExplanationPane::explanationText() const
{
    return m_explanation->toPlainText();
}

QString ExplanationPane::pythonCode() const
{
    return m_python->toPlainText();
}

QString ExplanationPane::cppCode() const
{
    return m_cpp->toPlainText();
}

void ExplanationPane::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void ExplanationPane::applyFonts()
{
    // Sizes follow this pane's font, which presenter mode scales.
    const QFont base = font();
    QFont title = base;
    title.setPointSizeF(base.pointSizeF() * 1.35);
    title.setBold(true);
    m_title->setFont(title);
    QFont body = base;
    body.setPointSizeF(base.pointSizeF() * 1.1);
    m_explanation->setFont(body);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(base.pointSizeF());
    m_python->setFont(mono);
    m_cpp->setFont(mono);
    const int tabStop = QFontMetrics(mono).horizontalAdvance(QLatin1Char(' ')) * 4;
    m_python->setTabStopDistance(tabStop);
    m_cpp->setTabStopDistance(tabStop);
}

} // namespace ThreadLab
