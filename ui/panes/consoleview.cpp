#include "panes/consoleview.h"

#include "engine/eventlog.h"
#include "results/lostupdatefinder.h"
#include "results/variantresult.h"
#include "style/statepalette.h"
#include "style/themepalette.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace ThreadLab {

namespace {

double contrast(const QColor& a, const QColor& b)
{
    const double la = ThemePalette::relativeLuminance(a);
    const double lb = ThemePalette::relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

ConsoleView::ConsoleView(QWidget* parent)
    : QWidget(parent)
    , m_orderHeader(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    m_orderHeader->setObjectName(QStringLiteral("consoleOrder"));
    setAccessibleName(tr("Console pane"));
    m_orderHeader->setTextFormat(Qt::RichText);
    m_orderHeader->setWordWrap(true);
    m_orderHeader->setMargin(4);
    m_orderHeader->setBackgroundRole(QPalette::Base);
    m_orderHeader->setAutoFillBackground(true);
    m_orderHeader->hide();
    m_text->setObjectName(QStringLiteral("consoleText"));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    // Long lines wrap at the pane's edge: a projected console is never cut off on the right.
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setMaximumBlockCount(maxLines);
    m_text->setPlaceholderText(tr("What the workers print appears here, in their colours."));
    m_text->setAccessibleName(tr("Console"));
    m_text->setAccessibleDescription(tr("What the workers printed, in the order it came out, each line "
                                        "starting with the worker's name"));
    m_orderHeader->setAccessibleName(tr("Order of the output"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_orderHeader);
    layout->addWidget(m_text);
    applyFonts();
}

ConsoleView::~ConsoleView() = default;

int ConsoleView::chromeHeightFor(int width) const
{
    const int frame = m_text->height() - m_text->viewport()->height();
    return frame + (m_orderHeader->isHidden() ? 0 : m_orderHeader->heightForWidth(width) + layout()->spacing());
}

QColor ConsoleView::readableColor(const QColor& laneColor, const QColor& background)
{
    QColor c = laneColor;
    const bool darkBackground = ThemePalette::relativeLuminance(background) < 0.5;
    for (int i = 0; i < 12 && contrast(c, background) < 4.5; ++i)
        c = darkBackground ? c.lighter(115) : c.darker(115);
    return c;
}

void ConsoleView::clear()
{
    m_entries.clear();
    m_nameWidth = 10;
    m_text->clear();
    m_orderHeader->hide(); // back after the next run, with the history kept meanwhile
}

void ConsoleView::addRun(const RunResult& run)
{
    m_orders.add(run);
    renderOrders();
    for (const VariantResult& v : run.variants) {
        if (!v.log)
            continue;
        if (const auto example = LostUpdateFinder::example(LostUpdateFinder::find(*v.log)))
            beginVariant(tr("%1: an update was lost — %2").arg(v.name, LostUpdateFinder::sentence(*v.log, *example)));
    }
}

// One row per kept run and variant, newest first: the workers' short names in the order their
// lines came out, each in its worker's colour.
void ConsoleView::renderOrders()
{
    const std::vector<OrderHistory::Variant>& variants = m_orders.variants();
    if (variants.empty()) {
        m_orderHeader->hide();
        m_orderPlain.clear();
        return;
    }
    const QColor background = palette().color(QPalette::Base);
    const QString title = tr("Who printed when — the order differs from run to run:");
    QString html = QStringLiteral("<b>%1</b><table cellspacing=\"0\" cellpadding=\"1\">").arg(title.toHtmlEscaped());
    QStringList plain {title};
    for (const OrderHistory::Variant& v : variants) {
        for (auto run = v.runs.rbegin(); run != v.runs.rend(); ++run) {
            QString cells;
            QStringList labels;
            for (const int worker : run->order) {
                if (labels.size() == maxOrderLabels) { // a row stays one line
                    labels << QStringLiteral("…");
                    cells += labels.back();
                    break;
                }
                labels << v.labels.value(worker);
                cells += QStringLiteral("<span style=\"color:%1\">%2</span> ")
                             .arg(readableColor(StatePalette::laneColor(worker), background).name(),
                                  labels.back().toHtmlEscaped());
            }
            const bool newest = run == v.runs.rbegin();
            const QString name = newest ? v.name : QString();
            const QString tag = tr("run %1").arg(run->number);
            html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2&nbsp;&nbsp;</td><td>%3</td></tr>")
                        .arg(name.toHtmlEscaped(), newest ? QStringLiteral("<b>%1</b>").arg(tag) : tag, cells);
            plain << QStringLiteral("%1  %2  %3").arg(name, tag, labels.join(QLatin1Char(' ')));
        }
    }
    html += QStringLiteral("</table>");
    m_orderHeader->setText(html);
    m_orderHeader->show();
    m_orderPlain = plain.join(QLatin1Char('\n'));
}

QString ConsoleView::orderText() const
{
    return m_orderHeader->isHidden() ? QString() : m_orderPlain;
}

void ConsoleView::beginVariant(const QString& name)
{
    Entry e;
    e.heading = true;
    e.title = name;
    m_entries.push_back(e);
    render(&m_entries.back(), &m_entries.back() + 1);
}

void ConsoleView::appendLines(const std::vector<ConsoleLine>& lines)
{
    if (lines.empty())
        return;
    // The name column widens up to its cap; names past the cap are not a reason to widen again.
    int widest = m_nameWidth;
    for (const ConsoleLine& l : lines)
        widest = std::max(widest, std::min(static_cast<int>(l.worker.size()), maxNameWidth));
    for (const ConsoleLine& l : lines)
        m_entries.push_back({false, l, {}});
    if (m_entries.size() > static_cast<std::size_t>(maxLines))
        m_entries.erase(m_entries.begin(), m_entries.end() - maxLines);
    if (widest != m_nameWidth) {
        m_nameWidth = widest;
        rerender(); // keep the columns aligned
        return;
    }
    // The new lines are the last ones, also when the oldest entries were just dropped.
    const std::size_t added = std::min(lines.size(), m_entries.size());
    render(m_entries.data() + m_entries.size() - added, m_entries.data() + m_entries.size());
}

void ConsoleView::render(const Entry* from, const Entry* to)
{
    if (from == to)
        return;
    QScrollBar* bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    // Our own palette: on a palette change it is already new while the text view's still waits
    // for its turn (Qt tells the parent first).
    const QColor background = palette().color(QPalette::Base);
    QTextCursor cursor(m_text->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    bool firstBlock = m_text->document()->isEmpty();
    for (const Entry* e = from; e != to; ++e) {
        if (!firstBlock)
            cursor.insertBlock();
        firstBlock = false;
        QTextCharFormat format;
        if (e->heading) {
            format.setFontWeight(QFont::Bold); // no colour of its own: the view's text colour, whatever the palette
            cursor.insertText(QStringLiteral("── %1 ──").arg(e->title), format);
            continue;
        }
        const ConsoleLine& l = e->line;
        format.setForeground(readableColor(StatePalette::laneColor(l.lane), background));
        const QString time = QStringLiteral("%1 s").arg(l.tMs / 1000.0, 7, 'f', 3);
        QTextCharFormat strong = format;
        strong.setFontWeight(QFont::Bold);
        cursor.insertText(time + QStringLiteral("  "), format);
        cursor.insertText(l.worker.leftJustified(m_nameWidth), strong);
        cursor.insertText(QStringLiteral("  ") + l.text, format);
    }
    cursor.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
}

void ConsoleView::rerender()
{
    m_text->clear();
    if (!m_entries.empty())
        render(m_entries.data(), m_entries.data() + m_entries.size());
}

QString ConsoleView::plainText() const
{
    return m_text->toPlainText();
}

void ConsoleView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    else if (event->type() == QEvent::PaletteChange) {
        rerender(); // colours are chosen against the background
        if (!m_orderHeader->isHidden())
            renderOrders();
    }
}

void ConsoleView::applyFonts()
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF() > 0 ? font().pointSizeF() : 10);
    m_text->setFont(mono);
    m_orderHeader->setFont(mono);
}

} // namespace ThreadLab
