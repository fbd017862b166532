#include "i18n/translations.h"

#include "app/mainwindow.h"
#include "cli/commandline.h"
#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "support/testsettings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <map>

using namespace ThreadLab;

namespace {

// One message of the catalogue.
struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool finished = true;
};

std::vector<Message> readCatalogue(const QString& path)
{
    std::vector<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message {context, {}, {}, true};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            m.finished = type.isEmpty();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            m.translations = {text};
            out.push_back(m);
        } else if (name == QLatin1String("numerusform") && !out.empty()) {
            out.back().translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    // A plural message's translation element holds its forms: keep only the forms.
    for (Message& message : out)
        if (message.translations.size() > 1)
            message.translations.removeFirst();
    return out;
}

// "%1", "%n", … in a text, sorted.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    out.removeDuplicates();
    return out;
}

bool hasAccelerator(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("&(?!&|nbsp;|amp;|lt;|gt;)\\S"));
    return re.match(text).hasMatch();
}

// Every text a user can read in the window or reach from it (menus, tooltips), by where it is.
using Texts = std::map<QString, QString>;

void add(Texts& texts, const QString& where, const QString& text)
{
    if (!text.trimmed().isEmpty())
        texts[where] = text;
}

void collectWidget(QWidget* w, const QString& where, Texts& texts)
{
    if (w->isWindow())
        add(texts, where + QStringLiteral("#windowTitle"), w->windowTitle());
    add(texts, where + QStringLiteral("#toolTip"), w->toolTip());
    add(texts, where + QStringLiteral("#statusTip"), w->statusTip());
    if (auto* l = qobject_cast<QLabel*>(w))
        add(texts, where + QStringLiteral("#text"), l->text());
    if (auto* b = qobject_cast<QAbstractButton*>(w))
        add(texts, where + QStringLiteral("#text"), b->text());
    if (auto* e = qobject_cast<QLineEdit*>(w))
        add(texts, where + QStringLiteral("#placeholder"), e->placeholderText());
    if (auto* g = qobject_cast<QGroupBox*>(w))
        add(texts, where + QStringLiteral("#title"), g->title());
    if (auto* m = qobject_cast<QMenu*>(w))
        add(texts, where + QStringLiteral("#title"), m->title());
    if (auto* s = qobject_cast<QAbstractSpinBox*>(w)) {
        add(texts, where + QStringLiteral("#special"), s->specialValueText());
        add(texts, where + QStringLiteral("#shown"), s->text());
    }
    if (auto* t = qobject_cast<QTextEdit*>(w)) {
        add(texts, where + QStringLiteral("#placeholder"), t->placeholderText());
        add(texts, where + QStringLiteral("#text"), t->toPlainText());
    }
    if (auto* c = qobject_cast<QComboBox*>(w))
        for (int i = 0; i < c->count(); ++i) {
            add(texts, where + QStringLiteral("#item%1").arg(i), c->itemText(i));
            add(texts, where + QStringLiteral("#itemTip%1").arg(i), c->itemData(i, Qt::ToolTipRole).toString());
        }
    if (auto* tabs = qobject_cast<QTabBar*>(w))
        for (int i = 0; i < tabs->count(); ++i) {
            add(texts, where + QStringLiteral("#tab%1").arg(i), tabs->tabText(i));
            add(texts, where + QStringLiteral("#tabTip%1").arg(i), tabs->tabToolTip(i));
        }
    if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model()) {
        const QAbstractItemModel* model = view->model();
        for (int c = 0; c < model->columnCount(); ++c)
            add(texts, where + QStringLiteral("#header%1").arg(c), model->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex i = model->index(r, 0);
            add(texts, where + QStringLiteral("#row%1").arg(r), i.data().toString());
            add(texts, where + QStringLiteral("#rowTip%1").arg(r), i.data(Qt::ToolTipRole).toString());
            for (int k = 0; k < model->rowCount(i); ++k)
                add(texts, where + QStringLiteral("#row%1.%2").arg(r).arg(k), model->index(k, 0, i).data().toString());
        }
    }
    if (auto* chart = qobject_cast<QChartView*>(w)) {
        add(texts, where + QStringLiteral("#chartTitle"), chart->chart()->title());
        const auto axes = chart->chart()->axes();
        for (int i = 0; i < axes.size(); ++i)
            add(texts, where + QStringLiteral("#axis%1").arg(i), axes.at(i)->titleText());
    }
    if (auto* g = qobject_cast<QGraphicsView*>(w); g && g->scene()) {
        int n = 0;
        for (QGraphicsItem* item : g->scene()->items(Qt::AscendingOrder)) {
            if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
                add(texts, where + QStringLiteral("#scene%1").arg(n++), text->toPlainText());
            else if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item))
                add(texts, where + QStringLiteral("#scene%1").arg(n++), simple->text());
        }
    }
}

// Walks the object tree in its (stable) order: a path of class names and sibling indexes.
void collect(QObject* object, const QString& where, Texts& texts)
{
    if (auto* w = qobject_cast<QWidget*>(object))
        collectWidget(w, where, texts);
    if (auto* a = qobject_cast<QAction*>(object)) {
        add(texts, where + QStringLiteral("#text"), a->text());
        add(texts, where + QStringLiteral("#iconText"), a->iconText());
        add(texts, where + QStringLiteral("#toolTip"), a->toolTip());
        add(texts, where + QStringLiteral("#statusTip"), a->statusTip());
    }
    const QObjectList children = object->children();
    for (int i = 0; i < children.size(); ++i) {
        QObject* child = children.at(i);
        const QString name = child->objectName().isEmpty() ? QString::fromLatin1(child->metaObject()->className())
                                                            : child->objectName();
        collect(child, where + QLatin1Char('/') + name + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                texts);
    }
}

// A finished run of cpu-bound as the window gets it: names and times, so the charts and the
// observations have words to show.
RunResult cpuBoundRun()
{
    RunResult run;
    run.scenarioId = QStringLiteral("cpu-bound");
    run.scenarioTitle = ScenarioCatalog::builtin(run.scenarioId)->title;
    run.timeScale = 0.25;
    run.cores = 2;
    double ms = 400;
    for (const char* name : {"1 thread", "4 threads", "2 processes"}) {
        VariantResult v;
        v.name = QString::fromLatin1(name);
        v.elapsedMs = ms;
        ms *= 0.6;
        run.variants.push_back(v);
    }
    return run;
}

Texts windowTexts()
{
    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    if (!w.selectScenario(QStringLiteral("cpu-bound")))
        qFatal("no cpu-bound scenario");
    w.showRun(cpuBoundRun());
    QCoreApplication::processEvents();
    Texts texts;
    collect(&w, QStringLiteral("MainWindow"), texts);
    return texts;
}

// Texts the same in both languages that are no word of the interface: names, units, data.
bool sameInBothLanguages(const QString& text, const QSet<QString>& identicalInCatalogue,
                         const QSet<QString>& scenarioData)
{
    static const QRegularExpression noWord(QStringLiteral("^[^A-Za-zÄÖÜäöüß]*$"));
    static const QSet<QString> names {QStringLiteral("CPython"), QStringLiteral("GIL"), QStringLiteral("&English"),
                                      QStringLiteral("&Deutsch"), QStringLiteral("English"), QStringLiteral("Deutsch")};
    // Markup, and units that read the same in German ("400 ms · 1.00×").
    static const QRegularExpression markupAndUnits(QStringLiteral("<[^>]*>|(?<![\\w])(ms|s|µs|ns)(?![\\w])"));
    QString plain = text;
    plain.remove(markupAndUnits);
    return noWord.match(plain).hasMatch() || names.contains(text) || identicalInCatalogue.contains(text)
        || scenarioData.contains(text);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    std::vector<Message> m_catalogue = readCatalogue(QStringLiteral(THREADLAB_TS_FILE));

private Q_SLOTS:
    void initTestCase()
    {
        useFreshTestSettings();
    }

    void cleanup()
    {
        Translations::install(QStringLiteral("en"));
    }

    void languageFromTheSystem_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QStringList>("system");
        QTest::addColumn<QString>("expected");
        QTest::newRow("LANGUAGE=de") << QString() << QStringList {QStringLiteral("de")} << "de";
        QTest::newRow("LANG=de_DE") << QString() << QStringList {QStringLiteral("de-DE"), QStringLiteral("en-US")} << "de";
        QTest::newRow("Austria") << QString() << QStringList {QStringLiteral("de_AT")} << "de";
        QTest::newRow("French first") << QString() << QStringList {QStringLiteral("fr-FR"), QStringLiteral("de")} << "de";
        QTest::newRow("none shipped") << QString() << QStringList {QStringLiteral("fr-FR")} << "en";
        QTest::newRow("English first") << QString() << QStringList {QStringLiteral("en-GB"), QStringLiteral("de")} << "en";
        QTest::newRow("override English") << "en" << QStringList {QStringLiteral("de-DE")} << "en";
        QTest::newRow("override German") << "de" << QStringList {QStringLiteral("en-US")} << "de";
        QTest::newRow("unknown override") << "xx" << QStringList {QStringLiteral("de-DE")} << "de";
    }

    void languageFromTheSystem()
    {
        QFETCH(QString, choice);
        QFETCH(QStringList, system);
        QFETCH(QString, expected);
        QCOMPARE(Translations::resolve(choice, system), expected);
    }

    // Every message is translated, keeps its placeholders, and its accelerator if it has one.
    void catalogueIsFinished()
    {
        QVERIFY(m_catalogue.size() > 400);
        for (const Message& m : m_catalogue) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QVERIFY2(m.finished, qPrintable(QStringLiteral("unfinished: ") + where));
            for (const QString& t : m.translations) {
                QVERIFY2(!t.isEmpty(), qPrintable(QStringLiteral("empty: ") + where));
                QVERIFY2(placeholders(t) == placeholders(m.source),
                         qPrintable(QStringLiteral("placeholders differ: %1 → %2").arg(where, t)));
                QVERIFY2(hasAccelerator(t) == hasAccelerator(m.source),
                         qPrintable(QStringLiteral("accelerator differs: %1 → %2").arg(where, t)));
            }
        }
    }

    void installsGerman()
    {
        QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(Translations::current(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("ThreadLab::MainWindow", "&View"), QStringLiteral("&Ansicht"));
        // Qt's own catalogue too, for standard buttons (Debian: qt6-translations-l10n).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QCOMPARE(Translations::install(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("ThreadLab::MainWindow", "&View"), QStringLiteral("&View"));
    }

    // The command line's help and a loader error follow the language too.
    void commandLineInGerman()
    {
        Translations::install(QStringLiteral("de"));
        const QString help = CommandLine::helpText();
        QVERIFY2(help.contains(QStringLiteral("Diese Hilfe anzeigen.")), qPrintable(help));
        QVERIFY2(help.contains(QStringLiteral("Szenarien auflisten")), qPrintable(help));
        QString error;
        QVERIFY(!CommandLine::parse({QStringLiteral("threadlab"), QStringLiteral("--gil"), QStringLiteral("on")},
                                    &error));
        QCOMPARE(error, QStringLiteral("Laufoptionen (--workers, --gil, --export-…, …) brauchen --run ID"));
        QVERIFY(!ScenarioLoader::loadJson("[]", QStringLiteral("x.json"), &error));
        QVERIFY2(error.contains(QStringLiteral("die oberste Ebene muss ein JSON-Objekt")), qPrintable(error));
    }

    // The window under the German catalogue: every text that reads the same as in English must
    // be one that is the same in both languages (a name, a unit, scenario data).
    void windowIsGerman()
    {
        QSet<QString> identical;
        for (const Message& m : m_catalogue)
            if (m.translations.contains(m.source))
                identical << m.source << QString(m.source).remove(QLatin1Char('&')); // an action's icon text
        QSet<QString> scenarioData {QStringLiteral("cpu-bound")};
        for (const Scenario& s : ScenarioCatalog::builtins())
            for (const VariantSpec& v : s.variants)
                scenarioData << v.name << s.pythonCode << s.cppCode << s.id
                             << QStringLiteral("%1 (%2)").arg(s.id, s.conceptId); // the browser's tooltip

        Translations::install(QStringLiteral("en"));
        const Texts english = windowTexts();
        QCOMPARE(Translations::install(QStringLiteral("de")), QStringLiteral("de"));
        const Texts german = windowTexts();
        QVERIFY(english.size() > 100);
        QCOMPARE(german.size(), english.size());

        QStringList untranslated;
        for (const auto& [where, text] : english) {
            const auto it = german.find(where);
            QVERIFY2(it != german.end(), qPrintable(QStringLiteral("only in English: %1 \"%2\"").arg(where, text)));
            if (it->second == text && !sameInBothLanguages(text, identical, scenarioData))
                untranslated << QStringLiteral("%1: \"%2\"").arg(where, text);
        }
        QVERIFY2(untranslated.isEmpty(),
                 qPrintable(QStringLiteral("not in the German catalogue:\n  ") + untranslated.join(QStringLiteral("\n  "))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
