#include "scenario/scenariowriter.h"

#include "results/resultwriter.h"
#include "scenario/scenario.h"
#include "scenario/scenariokeys.h"
#include "scenario/scenarioloader.h"
#include "tasks/taskcatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <vector>

namespace ThreadLab {

namespace {

namespace Key = ScenarioKey;

QString latin(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

// JSON text with its keys in the order they are written (QJsonObject sorts them), two spaces an
// indent as in the built-in files, arrays of plain values on one line.
class JsonText
{
public:
    void beginObject(QLatin1String key = {}) { open(key, '{'); }
    void endObject() { close('}'); }
    void beginArray(QLatin1String key = {}) { open(key, '['); }
    void endArray() { close(']'); }

    void value(QLatin1String key, const QJsonValue& v)
    {
        item(key);
        m_out += scalar(v);
    }

    void inlineArray(QLatin1String key, const QJsonArray& values)
    {
        item(key);
        QByteArrayList parts;
        for (const QJsonValue& v : values)
            parts << scalar(v);
        m_out += '[' + parts.join(", ") + ']';
    }

    QByteArray text() const { return m_out + '\n'; }

private:
    static QByteArray scalar(const QJsonValue& v)
    {
        // Qt's own escaping and shortest round-trip numbers: the text inside a one-item array.
        const QByteArray array = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2);
    }

    void item(QLatin1String key)
    {
        if (!m_empty.empty()) {
            if (!m_empty.back())
                m_out += ',';
            m_empty.back() = false;
            newLine();
        }
        if (!key.isEmpty())
            m_out += scalar(QString(key)) + ": ";
    }

    void open(QLatin1String key, char bracket)
    {
        item(key);
        m_out += bracket;
        m_empty.push_back(true);
    }

    void close(char bracket)
    {
        const bool empty = m_empty.back();
        m_empty.pop_back();
        if (!empty)
            newLine();
        m_out += bracket;
    }

    void newLine()
    {
        m_out += '\n';
        m_out += QByteArray(2 * static_cast<qsizetype>(m_empty.size()), ' ');
    }

    QByteArray m_out;
    std::vector<bool> m_empty; // per open object or array: nothing in it yet
};

// Prose a file may give per language: a plain string when only English is known, else an
// object of language code → text, "en" first and the others in order of their codes.
void writeText(JsonText& out, QLatin1String key, const QString& english, const TranslatedText& translations)
{
    if (translations.isEmpty()) {
        out.value(key, english);
        return;
    }
    out.beginObject(key);
    out.value(QLatin1String("en"), english);
    QStringList languages = translations.keys();
    languages.sort();
    for (const QString& language : languages) {
        const QByteArray code = language.toLatin1();
        out.value(QLatin1String(code), translations.value(language));
    }
    out.endObject();
}

template<typename E>
QJsonValue name(E value)
{
    return enumText(value);
}

QJsonArray strings(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

// A task's keys as TaskCatalogue lists them for its kind: the required ones, and the optional
// ones whose value is not TaskSpec's default.
void writeTask(JsonText& out, const TaskSpec& task)
{
    static const TaskSpec defaults;
    const TaskKindInfo* info = TaskCatalogue::find(task.kind);
    out.beginObject();
    out.value(Key::kind, name(task.kind));
    for (const TaskKey& key : info->keys) {
        const TaskFieldInfo& f = TaskCatalogue::field(key.field);
        const QLatin1String k(f.key.data(), static_cast<qsizetype>(f.key.size()));
        switch (f.type) {
        case TaskFieldType::Text:
            if (key.required || task.text != defaults.text)
                out.value(k, QString::fromStdString(task.text));
            break;
        case TaskFieldType::Items: {
            QJsonArray items;
            for (const std::int64_t item : task.items)
                items.append(static_cast<qint64>(item));
            if (key.required || task.items != defaults.items)
                out.inlineArray(k, items);
            break;
        }
        case TaskFieldType::Whole:
        case TaskFieldType::Flag:
        case TaskFieldType::Choice: {
            const std::int64_t v = f.get(task);
            if (!key.required && v == f.get(defaults))
                break;
            if (f.type == TaskFieldType::Whole)
                out.value(k, static_cast<qint64>(v));
            else if (f.type == TaskFieldType::Flag)
                out.value(k, v != 0);
            else
                out.value(k, latin(f.choices.name(v)));
            break;
        }
        }
    }
    out.endObject();
}

void writeTasks(JsonText& out, QLatin1String key, const std::vector<TaskSpec>& tasks)
{
    out.beginArray(key);
    for (const TaskSpec& task : tasks)
        writeTask(out, task);
    out.endArray();
}

void writeGroup(JsonText& out, const WorkerGroup& group)
{
    static const WorkerGroup defaults;
    out.beginObject();
    out.value(Key::name, group.name);
    if (group.count != defaults.count)
        out.value(Key::count, group.count);
    if (group.scalable)
        out.value(Key::scalable, true);
    if (group.daemon)
        out.value(Key::daemon, true);
    if (group.style != defaults.style)
        out.value(Key::style, name(group.style));
    writeTasks(out, Key::tasks, group.tasks);
    out.endObject();
}

void writeVariant(JsonText& out, const VariantSpec& variant)
{
    static const VariantSpec defaults;
    out.beginObject();
    out.value(Key::name, variant.name);
    out.value(Key::mode, name(variant.mode));
    if (variant.pattern != defaults.pattern)
        out.value(Key::pattern, name(variant.pattern));
    if (variant.join != defaults.join)
        out.value(Key::join, name(variant.join));
    if (variant.receive)
        out.value(Key::receive, true);
    if (variant.sweep)
        out.value(Key::sweep, true);
    if (!variant.description.isEmpty() || !variant.descriptionTranslations.isEmpty())
        writeText(out, Key::description, variant.description, variant.descriptionTranslations);
    if (!variant.mainTasks.empty())
        writeTasks(out, Key::main, variant.mainTasks);
    out.beginArray(Key::workers);
    for (const WorkerGroup& group : variant.groups)
        writeGroup(out, group);
    out.endArray();
    out.endObject();
}

// The keys of a check's kind, as ScenarioLoader reads them.
void writeCheckKind(JsonText& out, const LessonCheck& check)
{
    static const LessonCheck defaults;
    switch (check.kind) {
    case LessonCheckKind::Ratio:
        out.value(Key::baseline, check.baseline);
        break;
    case LessonCheckKind::Observation:
        out.value(Key::observation, name(check.observation));
        break;
    case LessonCheckKind::Outcome:
        out.value(Key::outcome, latin(workerStateName(check.outcome)));
        if (!check.workers.isEmpty())
            out.inlineArray(Key::workers, strings(check.workers));
        if (check.quota != defaults.quota)
            out.value(Key::count, name(check.quota));
        return;
    case LessonCheckKind::Overlap:
        out.value(Key::overlap, check.overlap);
        return;
    }
    if (check.atLeast)
        out.value(Key::atLeast, *check.atLeast);
    if (check.atMost)
        out.value(Key::atMost, *check.atMost);
}

void writeLesson(JsonText& out, const std::vector<LessonCheck>& checks)
{
    static const LessonCheck defaults;
    out.beginObject(Key::lesson);
    out.beginArray(Key::checks);
    for (const LessonCheck& check : checks) {
        out.beginObject();
        out.value(Key::kind, name(check.kind));
        out.value(Key::variant, check.variant);
        writeCheckKind(out, check);
        if (check.gil)
            out.value(Key::gil, *check.gil);
        if (check.minCores != defaults.minCores)
            out.value(Key::minCores, check.minCores);
        writeText(out, Key::text, check.text, check.textTranslations);
        out.endObject();
    }
    out.endArray();
    out.endObject();
}

// The terms: an array (English), or per language an array, as the texts are.
void writeVocabulary(JsonText& out, const Scenario& scenario)
{
    if (scenario.vocabularyTranslations.isEmpty()) {
        if (!scenario.vocabulary.isEmpty())
            out.inlineArray(Key::vocabulary, strings(scenario.vocabulary));
        return;
    }
    out.beginObject(Key::vocabulary);
    out.inlineArray(QLatin1String("en"), strings(scenario.vocabulary));
    QStringList languages = scenario.vocabularyTranslations.keys();
    languages.sort();
    for (const QString& language : languages) {
        const QByteArray code = language.toLatin1();
        out.inlineArray(QLatin1String(code), strings(scenario.vocabularyTranslations.value(language)));
    }
    out.endObject();
}

void writeHeadings(JsonText& out, const Scenario& scenario)
{
    out.value(Key::format, Limits::scenarioFormat);
    out.value(Key::id, scenario.id);
    writeText(out, Key::title, scenario.title, scenario.titleTranslations);
    writeText(out, Key::group, scenario.group, scenario.groupTranslations);
    out.value(Key::conceptId, scenario.conceptId);
    writeText(out, Key::explanation, scenario.explanation, scenario.explanationTranslations);
    writeVocabulary(out, scenario);
    out.beginObject(Key::code);
    out.value(Key::python, scenario.pythonCode);
    out.value(Key::cpp, scenario.cppCode);
    out.endObject();
}

} // namespace

QByteArray ScenarioWriter::toJson(const Scenario& scenario)
{
    static const Scenario defaults;
    JsonText out;
    out.beginObject();
    writeHeadings(out, scenario);
    const bool workers = scenario.defaultWorkers != defaults.defaultWorkers;
    const bool timeScale = scenario.defaultTimeScale != defaults.defaultTimeScale;
    if (workers || timeScale) {
        out.beginObject(Key::defaults);
        if (workers)
            out.value(Key::workers, scenario.defaultWorkers);
        if (timeScale)
            out.value(Key::timeScale, scenario.defaultTimeScale);
        out.endObject();
    }
    out.beginArray(Key::variants);
    for (const VariantSpec& variant : scenario.variants)
        writeVariant(out, variant);
    out.endArray();
    if (!scenario.focus.isEmpty())
        out.inlineArray(Key::focus, strings(scenario.focus));
    if (!scenario.lessonChecks.empty())
        writeLesson(out, scenario.lessonChecks);
    out.endObject();
    return out.text();
}

QString ScenarioWriter::withLessonSuffix(const QString& path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return path;
    return path + lessonSuffix;
}

bool ScenarioWriter::writeFile(const Scenario& scenario, const QString& path, QString* error)
{
    const QByteArray json = toJson(scenario);
    // What the loader would refuse (e.g. more workers than a variant may have once the defaults
    // changed) is not written: the teacher could not open it again.
    QString refused;
    if (!ScenarioLoader::loadJson(json, path, &refused)) {
        if (error)
            *error = refused;
        return false;
    }
    return ResultWriter::writeFile(path, json, error);
}

} // namespace ThreadLab
