#include "panes/observationspanel.h"

#include "results/lessonverdict.h"
#include "results/variantresult.h"
#include "scenario/scenario.h"

#include <QTest>

using namespace ThreadLab;

namespace {

VariantResult variant(const QString& name, double elapsedMs)
{
    VariantResult v;
    v.name = name;
    v.elapsedMs = elapsedMs;
    return v;
}

LessonCheck ratio(double atMost)
{
    LessonCheck c;
    c.kind = LessonCheckKind::Ratio;
    c.variant = QStringLiteral("threads");
    c.baseline = QStringLiteral("sequential");
    c.atMost = atMost;
    c.text = QStringLiteral("threads took {value} of the sequential time");
    return c;
}

} // namespace

class TestObservationsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictFirstThenVariants()
    {
        RunResult run;
        run.cores = 2;
        run.variants = {variant(QStringLiteral("sequential"), 2000), variant(QStringLiteral("threads"), 1000)};
        ObservationsPanel panel;
        panel.addVariant(run.variants[0], 0, QString());
        panel.addVariant(run.variants[1], 2, QStringLiteral("sequential"));
        panel.showLesson(*LessonVerdict::evaluate({ratio(0.7)}, run));
        QString text = panel.plainText();
        QVERIFY2(text.startsWith(QStringLiteral("✓ threads took 0.50× of the sequential time")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("sequential: ")));

        panel.showLesson(*LessonVerdict::evaluate({ratio(0.4)}, run)); // replaces the verdict
        text = panel.plainText();
        QVERIFY2(!text.contains(QStringLiteral("✓")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("✗ this run did not show the lesson: threads took 0.50× of the sequential "
                                              "time; the machine's load could not be measured here")),
                 qPrintable(text));

        panel.clear();
        QVERIFY(!panel.plainText().contains(QStringLiteral("✗")));
        QVERIFY(!panel.plainText().contains(QStringLiteral("sequential")));
    }
};

QTEST_MAIN(TestObservationsPanel)
#include "tst_observationspanel.moc"
