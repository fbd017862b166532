#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"
#include "scenario/scenariowriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ThreadLab;

Q_DECLARE_METATYPE(ThreadLab::Scenario)

namespace {

// Written, then read back by the loader, which must accept it.
Scenario reloaded(const Scenario& s)
{
    QString error;
    std::optional<Scenario> back = ScenarioLoader::loadJson(ScenarioWriter::toJson(s), s.sourcePath, &error);
    if (!back) {
        qWarning().noquote() << error << '\n' << ScenarioWriter::toJson(s);
        return {};
    }
    return *back;
}

// Field by field first, so that a failure names what differs; then the whole.
void compareScenarios(const Scenario& got, const Scenario& want)
{
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.title, want.title);
    QCOMPARE(got.group, want.group);
    QCOMPARE(got.conceptId, want.conceptId);
    QCOMPARE(got.explanation, want.explanation);
    QCOMPARE(got.vocabulary, want.vocabulary);
    QCOMPARE(got.pythonCode, want.pythonCode);
    QCOMPARE(got.cppCode, want.cppCode);
    QCOMPARE(got.defaultWorkers, want.defaultWorkers);
    QCOMPARE(got.defaultTimeScale, want.defaultTimeScale);
    QCOMPARE(got.focus, want.focus);
    QCOMPARE(got.variants.size(), want.variants.size());
    for (std::size_t i = 0; i < want.variants.size(); ++i) {
        const VariantSpec& g = got.variants[i];
        const VariantSpec& w = want.variants[i];
        QCOMPARE(g.name, w.name);
        QVERIFY2(g.mainTasks == w.mainTasks, qPrintable(w.name));
        QCOMPARE(g.groups.size(), w.groups.size());
        for (std::size_t k = 0; k < w.groups.size(); ++k)
            QVERIFY2(g.groups[k] == w.groups[k], qPrintable(w.name + QStringLiteral(": ") + w.groups[k].name));
        QVERIFY2(g == w, qPrintable(w.name));
    }
    QCOMPARE(got.lessonChecks.size(), want.lessonChecks.size());
    for (std::size_t i = 0; i < want.lessonChecks.size(); ++i)
        QVERIFY2(got.lessonChecks[i] == want.lessonChecks[i], qPrintable(want.lessonChecks[i].text));
    QVERIFY(got == want);
}

QJsonObject parsed(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestScenarioWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data()
    {
        QTest::addColumn<Scenario>("scenario");
        for (const Scenario& s : ScenarioCatalog::builtins())
            QTest::newRow(qPrintable(s.id)) << s;
        // Test data that sets every optional key, and one with every kind of lesson check.
        for (const char* file : {"minimal.json", "lesson.json"}) {
            QString error;
            const auto s = ScenarioLoader::loadFile(QStringLiteral(THREADLAB_TEST_DATA "/valid/") + QLatin1String(file), &error);
            QVERIFY2(s, qPrintable(error));
            QTest::newRow(file) << *s;
        }
    }

    void roundTrips()
    {
        QFETCH(Scenario, scenario);
        compareScenarios(reloaded(scenario), scenario);
    }

    void keysInReadableOrder()
    {
        const QByteArray json = ScenarioWriter::toJson(ScenarioCatalog::builtins().front());
        qsizetype last = -1;
        for (const char* key : {"\"format\"", "\"id\"", "\"title\"", "\"group\"", "\"concept\"", "\"explanation\"",
                                "\"code\"", "\"variants\"", "\"focus\"", "\"lesson\""}) {
            const qsizetype at = json.indexOf(key);
            QVERIFY2(at > last, key);
            last = at;
        }
    }

    // What the loader fills in by default is not written: no key the file did not have.
    void optionalKeysAbsentStayAbsent()
    {
        QString error;
        const auto io = ScenarioLoader::loadFile(QStringLiteral(":/scenarios/io-bound.json"), &error);
        QVERIFY2(io, qPrintable(error));
        QVERIFY(io->defaultWorkers == 0 && io->defaultTimeScale == Scenario().defaultTimeScale);
        const QJsonObject root = parsed(ScenarioWriter::toJson(*io));
        QVERIFY(!root.contains(QLatin1String("defaults")));
        const QJsonObject variant = root.value(QLatin1String("variants")).toArray().at(0).toObject();
        for (const char* key : {"pattern", "join", "receive", "sweep", "main"})
            QVERIFY2(!variant.contains(QLatin1String(key)), key);
        const QJsonObject group = variant.value(QLatin1String("workers")).toArray().at(0).toObject();
        QCOMPARE(group.keys(), (QStringList {QStringLiteral("name"), QStringLiteral("tasks")}));
        const QJsonObject task = group.value(QLatin1String("tasks")).toArray().at(0).toObject();
        QCOMPARE(task.keys(), (QStringList {QStringLiteral("items"), QStringLiteral("kind"), QStringLiteral("ms"),
                                            QStringLiteral("op"), QStringLiteral("text")}));
    }

    // A teacher's changes are what the file then says.
    void writesWhatChanged()
    {
        Scenario s = *ScenarioLoader::loadFile(QStringLiteral(":/scenarios/io-bound.json"), nullptr);
        s.defaultWorkers = 3;
        s.defaultTimeScale = 0.05;
        s.title = QStringLiteral("Squares and cubes — \"quoted\" and ünïcode");
        s.titleTranslations.clear(); // English only: a plain string
        s.variants[1].description.clear();
        s.variants[1].descriptionTranslations.clear();
        s.variants[1].groups[0].daemon = true;
        s.variants[1].groups[0].tasks[0].cpuMs = 7;
        s.lessonChecks[0].minCores = 2;
        const QJsonObject root = parsed(ScenarioWriter::toJson(s));
        QCOMPARE(root.value(QLatin1String("defaults")).toObject(),
                 (QJsonObject {{QStringLiteral("workers"), 3}, {QStringLiteral("timeScale"), 0.05}}));
        QCOMPARE(root.value(QLatin1String("title")).toString(), s.title);
        const QJsonObject threads = root.value(QLatin1String("variants")).toArray().at(1).toObject();
        QVERIFY(!threads.contains(QLatin1String("description")));
        const QJsonObject square = threads.value(QLatin1String("workers")).toArray().at(0).toObject();
        QCOMPARE(square.value(QLatin1String("daemon")), QJsonValue(true));
        QCOMPARE(square.value(QLatin1String("tasks")).toArray().at(0).toObject().value(QLatin1String("cpuMs")),
                 QJsonValue(7));
        const QJsonObject check =
            root.value(QLatin1String("lesson")).toObject().value(QLatin1String("checks")).toArray().at(0).toObject();
        QCOMPARE(check.value(QLatin1String("minCores")), QJsonValue(2));
        compareScenarios(reloaded(s), s);
    }

    // Texts given per language are written per language, English first.
    void writesTranslations()
    {
        const Scenario s = *ScenarioLoader::loadFile(QStringLiteral(":/scenarios/io-bound.json"), nullptr);
        QVERIFY(!s.titleTranslations.isEmpty());
        const QByteArray json = ScenarioWriter::toJson(s);
        const QJsonObject title = parsed(json).value(QLatin1String("title")).toObject();
        QCOMPARE(title.value(QLatin1String("en")).toString(), s.title);
        QCOMPARE(title.value(QLatin1String("de")).toString(), s.titleTranslations.value(QStringLiteral("de")));
        QVERIFY(json.indexOf("\"en\"") < json.indexOf("\"de\""));
        compareScenarios(reloaded(s), s);
    }

    void writeFileLoadsBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Scenario s = ScenarioCatalog::builtins().front();
        s.defaultTimeScale = 0.5;
        const QString path = dir.filePath(QStringLiteral("lesson.threadlab.json"));
        QString error;
        QVERIFY2(ScenarioWriter::writeFile(s, path, &error), qPrintable(error));
        const auto back = ScenarioLoader::loadFile(path, &error);
        QVERIFY2(back, qPrintable(error));
        s.sourcePath = path;
        compareScenarios(*back, s);
    }

    void lessonSuffix()
    {
        QCOMPARE(ScenarioWriter::withLessonSuffix(QStringLiteral("/tmp/io")), QStringLiteral("/tmp/io.threadlab.json"));
        QCOMPARE(ScenarioWriter::withLessonSuffix(QStringLiteral("/tmp/a.b")), QStringLiteral("/tmp/a.b.threadlab.json"));
        QCOMPARE(ScenarioWriter::withLessonSuffix(QStringLiteral("/tmp/io.threadlab.json")),
                 QStringLiteral("/tmp/io.threadlab.json"));
        QCOMPARE(ScenarioWriter::withLessonSuffix(QStringLiteral("/tmp/mine.JSON")), QStringLiteral("/tmp/mine.JSON"));
    }

    // Nothing the loader would refuse is written; a file that cannot be written is named.
    void writeFileRefuses()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Scenario s = *ScenarioLoader::loadFile(QStringLiteral(":/scenarios/cpu-bound.json"), nullptr);
        // A scalable group counts as defaults.workers: at the limit, one more worker beside it is too many.
        s.defaultWorkers = Limits::maxWorkersPerVariant;
        const auto scalable = std::find_if(s.variants.begin(), s.variants.end(), [](const VariantSpec& v) {
            return std::any_of(v.groups.begin(), v.groups.end(), [](const WorkerGroup& g) { return g.scalable; });
        });
        QVERIFY(scalable != s.variants.end());
        WorkerGroup extra;
        extra.name = QStringLiteral("extra");
        extra.tasks.push_back(TaskSpec {});
        scalable->groups.push_back(extra);
        const QString tooMany = dir.filePath(QStringLiteral("too-many.threadlab.json"));
        QString error;
        QVERIFY(!ScenarioWriter::writeFile(s, tooMany, &error));
        QVERIFY2(error.startsWith(tooMany + QStringLiteral(": ")) && error.contains(QLatin1String("at most")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(tooMany));

        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/x.threadlab.json"));
        QVERIFY(!ScenarioWriter::writeFile(ScenarioCatalog::builtins().front(), nowhere, &error));
        QVERIFY2(error.startsWith(nowhere + QStringLiteral(": cannot write the file")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
