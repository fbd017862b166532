// Predict, then reveal: the numbers, the verdict and the charts stay covered from the start of a
// run until the reveal, and the prediction then stands above the verdict.

#include "panes/predictionstage.h"

#include "charts/elapsedchart.h"
#include "panes/observationspanel.h"
#include "panes/predictioncard.h"
#include "results/variantresult.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace ThreadLab;

class TestPredictionStage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offByDefault()
    {
        QWidget window;
        auto* panel = new ObservationsPanel(&window);
        PredictionStage stage({panel});
        window.show();
        stage.runStarted();
        QVERIFY(!stage.isEnabled());
        QVERIFY(!stage.isCovered());
        QVERIFY(!stage.fieldCard()->isVisible());
    }

    void coveredWhileRunningThenRevealed()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* panel = new ObservationsPanel(&window);
        auto* chart = new ElapsedChart(&window);
        layout->addWidget(panel);
        layout->addWidget(chart);
        window.resize(800, 700);
        PredictionStage stage({panel, chart});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        stage.setEnabled(true);
        QVERIFY(stage.isCovered());
        QLineEdit* field = stage.fieldCard()->field();
        QVERIFY(field);
        field->setFocus();
        QTest::keyClicks(field, QStringLiteral("4 threads will be 3 times faster"));
        QCOMPARE(stage.prediction(), QStringLiteral("4 threads will be 3 times faster"));

        stage.runStarted();
        QVERIFY(!field->hasFocus()); // so that R reveals instead of typing
        // Both panes are covered whole while the run goes.
        const QList<PredictionCard*> cards = window.findChildren<PredictionCard*>();
        QCOMPARE(cards.size(), 2);
        for (PredictionCard* card : cards) {
            QVERIFY(card->isVisible());
            QCOMPARE(card->geometry(), card->parentWidget()->rect());
        }
        for (PredictionCard* card : cards) // the cover over the charts says the prediction too
            QCOMPARE(card->prediction(), QStringLiteral("4 threads will be 3 times faster"));

        VariantResult v;
        v.name = QStringLiteral("4 threads");
        v.elapsedMs = 1020;
        panel->addVariant(v, 0.97, QStringLiteral("1 thread"));
        stage.runFinished();
        QVERIFY(stage.isCovered());
        QVERIFY2(stage.fieldCard()->hint().contains(QStringLiteral("press R to reveal")),
                 qPrintable(stage.fieldCard()->hint()));

        QSignalSpy revealed(&stage, &PredictionStage::revealed);
        connect(&stage, &PredictionStage::revealed, panel, &ObservationsPanel::setPrediction);
        stage.reveal();
        QCOMPARE(revealed.size(), 1);
        QVERIFY(!stage.isCovered());
        for (PredictionCard* card : cards)
            QVERIFY(!card->isVisible());
        const QString text = panel->plainText();
        QVERIFY2(text.startsWith(QStringLiteral("You predicted: 4 threads will be 3 times faster")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("4 threads: 1.02 s")), qPrintable(text));

        // The prediction is kept for the next run, which is covered again.
        stage.runStarted();
        QVERIFY(stage.isCovered());
        QCOMPARE(field->text(), QStringLiteral("4 threads will be 3 times faster"));
        // Switched off: uncovered, nothing to reveal.
        stage.setEnabled(false);
        QVERIFY(!stage.isCovered());
    }
};

QTEST_MAIN(TestPredictionStage)
#include "tst_predictionstage.moc"
