#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;

namespace ThreadLab {

struct Scenario;

// The scenario's title, its explanation with the vocabulary in bold, and its code in Python
// and in Qt C++ (monospace, one tab each).
class ExplanationPane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExplanationPane)

public:
    explicit ExplanationPane(QWidget* parent = nullptr);
    ~ExplanationPane() override;

    void setScenario(const Scenario& scenario);

    QString title() const;
    QString explanationText() const;
    QString pythonCode() const;
    QString cppCode() const;
    QTabWidget* codeTabs() const noexcept { return m_tabs; }

    // The explanation as HTML, every vocabulary term (first occurrence of each) in bold.
    static QString highlightedHtml(const QString& explanation, const QStringList& vocabulary);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFonts();

    QLabel* m_title = nullptr;
    QLabel* m_concept = nullptr;
    QTextBrowser* m_explanation = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_python = nullptr;
    QPlainTextEdit* m_cpp = nullptr;
};

} // namespace ThreadLab
