#include "panes/consoleview.h"

#include "results/variantresult.h"
#include "support/runresults.h"
#include "support/timelinelogs.h"

#include <QTest>

using namespace ThreadLab;


class TestConsoleView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // After a run the header shows who printed when, newest run first, the earlier runs below.
    void headerShowsTheOrderOfEachRun()
    {
        ConsoleView console;
        QVERIFY(console.orderText().isEmpty());
        console.addRun(printingRun(QStringLiteral("interleaving"), {1, 2, 1, 2}, 2));
        console.clear(); // the next run starts: the header waits for its end
        QVERIFY(console.orderText().isEmpty());
        console.addRun(printingRun(QStringLiteral("interleaving"), {2, 1, 1, 2}, 2));
        const QString text = console.orderText();
        QVERIFY2(text.contains(QStringLiteral("differs from run to run")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("threads  run 2  2 1 1 2")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("run 1  1 2 1 2")), qPrintable(text));
        QVERIFY(text.indexOf(QStringLiteral("run 2")) < text.indexOf(QStringLiteral("run 1")));
    }

    // C9: a variant that lost updates gets a closing line naming one, in What happened's words.
    void namesALostUpdate()
    {
        ConsoleView console;
        RunResult run;
        run.scenarioId = QStringLiteral("race-condition");
        VariantResult v;
        v.name = QStringLiteral("no lock");
        v.log = lostUpdateTimelineLog();
        run.variants.push_back(v);
        console.addRun(run);
        QVERIFY2(console.plainText().contains(
                     QStringLiteral("no lock: an update was lost — Thread-1 read 17, Thread-2 read 17, both wrote 18")),
                 qPrintable(console.plainText()));
        QVERIFY(console.orderText().isEmpty()); // nothing printed, no order to show
    }
};

QTEST_MAIN(TestConsoleView)
#include "tst_consoleview.moc"
