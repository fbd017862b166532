#include "scenario/scenariocatalog.h"
#include "scenario/scenarioloader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

using namespace ThreadLab;

Q_DECLARE_METATYPE(ThreadLab::TaskSpec)

namespace {

// Every file in tests/data/malformed/ is a valid scenario with exactly one mistake; this is the
// catalogue of those mistakes and the words the error must use. A file without a row (or a row
// without a file) fails the test.
struct MalformedCase
{
    const char* file;
    const char* expected; // a substring of the one-line error, after "<path>: "
};

const MalformedCase kMalformed[] = {
    // The file and its syntax
    {"empty.json", "the file is empty"},
    {"whitespace-only.json", "only white space"},
    {"syntax-unterminated-string.json", "JSON syntax error: unterminated string"},
    {"syntax-trailing-comma.json", "line 67, column 24: JSON syntax error: a comma before \"}\" (JSON allows no comma after the last item)"},
    {"syntax-missing-comma.json", "line 5, column 4: JSON syntax error: unterminated object"},
    {"syntax-missing-colon.json", "JSON syntax error: missing \":\" after a key"},
    {"syntax-truncated.json", "JSON syntax error"},
    {"syntax-trailing-comma-array.json", "JSON syntax error: a comma before \"]\""},
    {"syntax-garbage-at-end.json", "after the end of the top-level object"},
    {"syntax-comment.json", "line 3, column 3: JSON syntax error: JSON has no comments"},
    {"syntax-single-quotes.json", "line 4, column 3: JSON syntax error: strings and keys need double quotes"},
    {"syntax-nan.json", "not a valid number"},
    {"syntax-invalid-escape.json", "invalid escape sequence \"\\q\""},
    {"syntax-raw-newline-in-string.json", "line 4, column 22: JSON syntax error: a control character (byte 0x0a)"},
    {"syntax-deep-nesting.json", "nested too deeply"},
    {"duplicate-key.json", "line 5, column 3: duplicate key \"title\""},
    {"duplicate-key-escaped.json", "duplicate key \"title\""}, // found by fuzzing
    {"invalid-utf8.json", "line 4, column 20: the file is not valid UTF-8 (byte 0xff"},
    {"invalid-utf8-overlong.json", "not valid UTF-8 (byte 0xc0"},
    {"invalid-utf8-surrogate.json", "not valid UTF-8 (byte 0xed"},
    {"invalid-utf8-truncated.json", "not valid UTF-8 (byte 0xc3"},
    {"huge-string-5mb.json", "the file is too large"},
    {"top-level-array.json", "line 1, column 1: the top level must be a JSON object ({ … }), got an array"},
    {"top-level-string.json", "the top level must be a JSON object ({ … }), got a string"},
    // Format and top level
    {"format-2.json", "format: unsupported format 2"},
    {"type-format-string.json", "format: must be 1, got a string (\"1\")"},
    {"missing-format.json", "missing required key \"format\""},
    {"missing-id.json", "missing required key \"id\""},
    {"missing-explanation.json", "missing required key \"explanation\""},
    {"missing-code.json", "missing required key \"code\""},
    {"missing-variants.json", "missing required key \"variants\""},
    {"unknown-key-top-program.json", "unknown key \"program\" (allowed: format, id, title, concept, group, explanation, vocabulary, code, defaults, variants, lesson, focus)"},
    {"unknown-key-wrong-case.json", "unknown key \"Title\""},
    {"type-id-number.json", "id: must be a string of 1 to 40 characters, got the number 42"},
    {"id-bad-characters.json", "id: must be 1 to 40 characters of a-z, 0-9 and \"-\", starting with a letter, got \"Io_Bound\""},
    {"id-starts-with-digit.json", "id: must be 1 to 40 characters of a-z"},
    {"id-path.json", "id: must be 1 to 40 characters of a-z"},
    {"id-too-long.json", "id: must be a string of 1 to 40 characters, got 41 characters"},
    {"type-title-array.json", "title: must be a string of 1 to 80 characters, got an array"},
    {"title-empty.json", "title: must be a string of 1 to 80 characters, got an empty string"},
    {"title-too-long.json", "title: must be a string of 1 to 80 characters, got 81 characters"},
    {"type-concept-number.json", "concept: must be one of \"C1\" … \"C14\", got the number 3"},
    {"concept-c15.json", "concept: must be one of \"C1\" … \"C14\", got \"C15\""},
    {"type-explanation-null.json", "explanation: must be a string of 1 to 2000 characters, got null"},
    {"explanation-too-long.json", "explanation: must be a string of 1 to 2000 characters, got 2001 characters"},
    {"type-vocabulary-string.json", "vocabulary: must be an array of at most 20 strings, got a string"},
    {"type-vocabulary-item-number.json", "vocabulary[1]: must be a string of 1 to 40 characters, got the number 7"},
    {"vocabulary-21-terms.json", "vocabulary: must be an array of at most 20 strings, got 21"},
    {"vocabulary-term-too-long.json", "vocabulary[0]: must be a string of 1 to 40 characters, got 41 characters"},
    // Code
    {"type-code-string.json", "code: must be an object with the keys \"python\" and \"cpp\", got a string"},
    {"type-code-python-number.json", "code.python: must be a string of 1 to 4000 characters, got the number 1"},
    {"missing-code-cpp.json", "code: missing required key \"cpp\""},
    {"unknown-key-code-command.json", "code: unknown key \"command\" (allowed: python, cpp)"},
    {"code-too-long.json", "code.cpp: must be a string of 1 to 4000 characters, got 4001 characters"},
    // Defaults
    {"type-defaults-array.json", "defaults: must be an object, got an array"},
    {"unknown-key-defaults-path.json", "defaults: unknown key \"path\" (allowed: workers, timeScale)"},
    {"type-defaults-workers-string.json", "defaults.workers: must be a whole number from 1 to 256, got a string (\"2\")"},
    {"defaults-workers-zero.json", "defaults.workers: must be a whole number from 1 to 256, got 0"},
    {"type-timescale-string.json", "defaults.timeScale: must be a number from 0.01 to 10, got a string"},
    {"timescale-zero.json", "defaults.timeScale: must be a number from 0.01 to 10, got 0"},
    {"timescale-100.json", "defaults.timeScale: must be a number from 0.01 to 10, got 100"},
    // Variants
    {"type-variants-object.json", "variants: must be an array of 1 to 64 variants, got an object"},
    {"variants-empty.json", "variants: must be an array of 1 to 64 variants, got 0"},
    {"variants-65.json", "variants: must be an array of 1 to 64 variants, got 65"},
    {"type-variant-string.json", "variants[0]: must be a variant object, got a string"},
    {"variant-duplicate-name.json", "variants[2].name: duplicate variant name \"threads\" (also used by variants[1])"},
    {"unknown-key-variant-exec.json", "variants[1]: unknown key \"exec\" (allowed: name, mode, pattern, join, receive, sweep, description, main, workers)"},
    {"missing-variant-name.json", "variants[1]: missing required key \"name\""},
    {"missing-variant-mode.json", "variants[1]: missing required key \"mode\""},
    {"missing-variant-workers.json", "variants[1]: missing required key \"workers\""},
    {"type-variant-name-number.json", "variants[1].name: must be a string of 1 to 40 characters, got the number 1"},
    {"variant-name-empty.json", "variants[1].name: must be a string of 1 to 40 characters, got an empty string"},
    {"variant-name-too-long.json", "variants[1].name: must be a string of 1 to 40 characters, got 41 characters"},
    {"type-mode-number.json", "variants[1].mode: must be one of \"sequential\", \"threads\", \"processes\", got the number 2"},
    {"mode-unknown.json", "variants[1].mode: must be one of \"sequential\", \"threads\", \"processes\", got \"thread\""},
    {"pattern-unknown.json", "variants[1].pattern: must be one of \"start-all-then-join-all\", \"start-join-in-loop\", got \"all-at-once\""},
    {"join-unknown.json", "variants[1].join: must be one of \"all\", \"non-daemon\", \"none\", got \"some\""},
    {"type-receive-string.json", "variants[1].receive: must be true or false, got a string (\"true\")"},
    {"type-sweep-number.json", "variants[1].sweep: must be true or false, got the number 1"},
    {"type-description-number.json", "variants[1].description: must be a string of at most 300 characters, got the number 5"},
    {"description-too-long.json", "variants[1].description: must be a string of at most 300 characters, got 301 characters"},
    {"type-main-object.json", "variants[1].main: must be an array of at most 32 tasks, got an object"},
    {"main-33-tasks.json", "variants[1].main: must be an array of at most 32 tasks, got 33"},
    {"type-workers-object.json", "variants[1].workers: must be an array of 1 to 64 worker groups, got an object"},
    {"groups-65.json", "variants[1].workers: must be an array of 1 to 64 worker groups, got 65"},
    {"receive-without-send.json", "variants[1].receive: \"receive\": true needs at least one \"send\" task among the workers"},
    // Worker counts
    {"workers-million.json", "variants[1].workers[0].count: must be a whole number from 1 to 256, got 1000000"},
    {"workers-zero.json", "variants[1].workers[0].count: must be a whole number from 1 to 256, got 0"},
    {"workers-total-300.json", "variants[1].workers: the groups add up to 300 workers"},
    {"workers-total-scalable-defaults.json", "variants[1].workers: the groups add up to 300 workers"},
    {"number-int64-overflow.json", "variants[1].workers[0].count: must be a whole number from 1 to 256, got 9.223372036854776e+18"},
    {"number-fractional-count.json", "variants[1].workers[0].count: must be a whole number from 1 to 256, got 2.5"},
    // Worker groups
    {"type-group-string.json", "variants[1].workers[0]: must be a worker group object, got a string"},
    {"unknown-key-group-path.json", "variants[1].workers[0]: unknown key \"path\" (allowed: name, count, scalable, daemon, style, tasks)"},
    {"missing-group-name.json", "variants[1].workers[0]: missing required key \"name\""},
    {"missing-group-tasks.json", "variants[1].workers[0]: missing required key \"tasks\""},
    {"group-name-too-long.json", "variants[1].workers[0].name: must be a string of 1 to 64 characters, got 65 characters"},
    {"type-group-count-string.json", "variants[1].workers[0].count: must be a whole number from 1 to 256, got a string (\"2\")"},
    {"type-group-daemon-string.json", "variants[1].workers[0].daemon: must be true or false, got a string (\"yes\")"},
    {"type-group-scalable-null.json", "variants[1].workers[0].scalable: must be true or false, got null"},
    {"style-unknown.json", "variants[1].workers[0].style: must be one of \"subclass\", \"function\", \"object\", got \"lambda\""},
    {"type-tasks-object.json", "variants[1].workers[0].tasks: must be an array of 1 to 32 tasks, got an object"},
    {"tasks-empty.json", "variants[1].workers[0].tasks: must be an array of 1 to 32 tasks, got 0"},
    {"tasks-33.json", "variants[1].workers[0].tasks: must be an array of 1 to 32 tasks, got 33"},
    // Tasks
    {"type-task-string.json", "variants[1].workers[0].tasks[0]: must be a task object, got a string"},
    {"missing-task-kind.json", "variants[1].workers[0].tasks[0]: missing required key \"kind\""},
    {"type-kind-number.json", "variants[1].workers[0].tasks[0].kind: must be a task kind (cpu, wait"},
    {"task-unknown-kind.json", "variants[1].workers[0].tasks[0].kind: unknown task kind \"launch\" (allowed: cpu, wait, random-wait, print, per-item, append, send, increment, crash)"},
    {"unknown-key-task-exec.json", "variants[1].workers[0].tasks[0]: unknown key \"exec\" (allowed: kind, ms, text)"},
    {"unknown-key-task-other-kind.json", "variants[1].workers[0].tasks[0]: unknown key \"items\" (allowed: kind, ms, split, text)"},
    {"unknown-key-main-task-args.json", "variants[1].main[0]: unknown key \"args\" (allowed: kind, text, repeat, gapMs)"},
    {"type-task-ms-string.json", "variants[1].workers[0].tasks[0].ms: must be a whole number from 0 to 60000, got a string (\"1000\")"},
    {"number-1e300.json", "variants[1].workers[0].tasks[0].ms: must be a whole number from 0 to 60000, got 1e+300"},
    {"number-fractional-ms.json", "variants[1].workers[0].tasks[0].ms: must be a whole number from 0 to 60000, got 1.5"},
    {"number-negative-ms.json", "variants[1].workers[0].tasks[0].ms: must be a whole number from 0 to 60000, got -100"},
    {"wait-ms-60001.json", "variants[1].workers[0].tasks[0].ms: must be a whole number from 0 to 60000, got 60001"},
    {"cpu-ms-zero.json", "variants[2].workers[0].tasks[0].ms: must be a whole number from 1 to 60000, got 0"},
    {"missing-cpu-ms.json", "variants[2].workers[0].tasks[0]: missing required key \"ms\""},
    {"type-split-string.json", "variants[1].workers[0].tasks[0].split: must be true or false, got a string (\"yes\")"},
    {"type-text-number.json", "variants[1].workers[0].tasks[0].text: must be a string of at most 200 characters, got the number 5"},
    {"text-201-chars.json", "variants[1].workers[0].tasks[0].text: must be a string of at most 200 characters, got 201 characters"},
    {"missing-random-wait-maxms.json", "variants[1].workers[0].tasks[0]: missing required key \"maxMs\""},
    {"random-wait-max-below-min.json", "variants[1].workers[0].tasks[0].maxMs: must be at least minMs (500), got 100"},
    {"missing-print-text.json", "variants[1].main[0]: missing required key \"text\""},
    {"print-repeat-zero.json", "variants[1].main[0].repeat: must be a whole number from 1 to 1000, got 0"},
    {"print-repeat-1001.json", "variants[1].main[0].repeat: must be a whole number from 1 to 1000, got 1001"},
    {"number-negative-gapms.json", "variants[1].main[0].gapMs: must be a whole number from 0 to 60000, got -1"},
    {"missing-items.json", "variants[1].workers[0].tasks[0]: missing required key \"items\""},
    {"type-items-string.json", "variants[1].workers[0].tasks[0].items: must be an array of 1 to 64 whole numbers, got a string"},
    {"type-item-string.json", "variants[1].workers[0].tasks[0].items[1]: must be a whole number from -1000000 to 1000000, got a string (\"3\")"},
    {"items-empty.json", "variants[1].workers[0].tasks[0].items: must be an array of 1 to 64 whole numbers, got 0"},
    {"items-65.json", "variants[1].workers[0].tasks[0].items: must be an array of 1 to 64 whole numbers, got 65"},
    {"item-2000000.json", "variants[1].workers[0].tasks[0].items[1]: must be a whole number from -1000000 to 1000000, got 2000000"},
    {"number-fractional-item.json", "variants[1].workers[0].tasks[0].items[1]: must be a whole number from -1000000 to 1000000, got 3.25"},
    {"op-unknown.json", "variants[1].workers[0].tasks[0].op: must be one of \"identity\", \"square\", \"cube\", \"double\", got \"sqrt\""},
    {"number-negative-cpums.json", "variants[1].workers[0].tasks[0].cpuMs: must be a whole number from 0 to 60000, got -5"},
    {"missing-increment-times.json", "variants[1].workers[0].tasks[0]: missing required key \"times\""},
    {"increment-times-2000000.json", "variants[1].workers[0].tasks[0].times: must be a whole number from 1 to 1000000, got 2000000"},
    {"number-int64-max-times.json", "variants[1].workers[0].tasks[0].times: must be a whole number from 1 to 1000000, got 9.223372036854776e+18"},
    {"type-locked-number.json", "variants[1].workers[0].tasks[0].locked: must be true or false, got the number 1"},
    // Crash
    {"crash-in-threads.json", "variants[1].workers[0].tasks[0]: a \"crash\" task is only allowed in the workers of a \"processes\" variant, and this variant's mode is \"threads\""},
    {"crash-in-sequential.json", "variants[0].workers[0].tasks[0]: a \"crash\" task is only allowed in the workers of a \"processes\" variant, and this variant's mode is \"sequential\""},
    {"crash-in-main.json", "variants[2].main[0]: a \"crash\" task cannot run in main"},
    {"missing-crash-how.json", "variants[2].workers[0].tasks[1]: missing required key \"how\""},
    {"crash-how-unknown.json", "variants[2].workers[0].tasks[1].how: must be one of \"segfault\", \"abort\", \"exit\", got \"explode\""},
    {"crash-code-256.json", "variants[2].workers[0].tasks[1].code: must be a whole number from 0 to 255, got 256"},
    {"crash-code-with-segfault.json", "variants[2].workers[0].tasks[1].code: only means something with \"how\": \"exit\""},    // The lesson block
    {"lesson-not-object.json", "lesson: must be an object with the key \"checks\", got an array"},
    // A variant name the file gave, echoed escaped so that the message stays one line (found by fuzzing).
    {"lesson-variant-name-control-char.json",
     "lesson.checks[0].variant: no variant named \"start+join in loop\" (variants: \"start+j\\u007fin in loop\", "
     "\"start all, then join all\")"},
    {"lesson-unknown-key.json", "lesson: unknown key \"expect\" (allowed: checks)"},
    {"lesson-checks-empty.json", "lesson.checks: must be an array of 1 to 16 checks, got 0"},
    {"lesson-17-checks.json", "lesson.checks: must be an array of 1 to 16 checks, got 17"},
    {"lesson-check-string.json", "lesson.checks[0]: must be a check object, got a string (\"faster\")"},
    {"lesson-check-missing-kind.json", "lesson.checks[0]: missing required key \"kind\""},
    {"lesson-check-kind-unknown.json", "lesson.checks[0].kind: must be one of \"ratio\", \"observation\", \"outcome\", \"overlap\", got \"speed\""},
    {"lesson-check-missing-text.json", "lesson.checks[3]: missing required key \"text\""},
    {"lesson-text-too-long.json", "lesson.checks[0].text: must be a string of 1 to 200 characters, got 201 characters"},
    {"lesson-check-unknown-variant.json", "lesson.checks[1].variant: no variant named \"process\" (variants: \"sequential\", \"threads×N\", \"processes\")"},
    {"lesson-sweep-step-zero.json", "lesson.checks[0].variant: no variant named \"threads×0\""},
    {"lesson-sweep-name-alone.json", "lesson.checks[0].baseline: no variant named \"threads\""},
    {"lesson-ratio-missing-baseline.json", "lesson.checks[0]: missing required key \"baseline\""},
    {"lesson-ratio-no-bounds.json", "lesson.checks[0]: needs \"atLeast\", \"atMost\" or both"},
    {"lesson-ratio-bounds-crossed.json", "lesson.checks[4].atMost: must be at least \"atLeast\" (0.1), got 0.05"},
    {"lesson-bound-negative.json", "lesson.checks[1].atMost: must be a number from 0 to 1000000, got -1"},
    {"lesson-bound-string.json", "lesson.checks[0].atLeast: must be a number from 0 to 1000000, got a string (\"0.8\")"},
    {"lesson-overlap-key-on-ratio.json", "lesson.checks[0]: unknown key \"overlap\" (allowed: kind, text, variant, baseline, atLeast, atMost, gil, minCores)"},
    {"lesson-observation-unknown.json", "lesson.checks[1].observation: must be one of \"updates-lost\", \"parent-list-length\", \"child-list-length\", \"items-missing\", \"cut-off\", \"crashed\", got \"speedup\""},
    {"lesson-outcome-unknown.json", "lesson.checks[2].outcome: must be one of \"finished\", \"crashed\", \"abandoned\", \"cancelled\", got \"running\""},
    {"lesson-count-unknown.json", "lesson.checks[2].count: must be one of \"all\", \"some\", \"none\", got \"most\""},
    {"lesson-workers-empty.json", "lesson.checks[2].workers: must be an array of 1 to 64 worker names, got 0"},
    {"lesson-overlap-number.json", "lesson.checks[3].overlap: must be true or false, got the number 0"},
    {"lesson-gil-string.json", "lesson.checks[0].gil: must be true or false, got a string (\"on\")"},
    {"lesson-min-cores-zero.json", "lesson.checks[3].minCores: must be a whole number from 1 to 256, got 0"},
    // The focus: variants of the file, each once
    {"focus-not-array.json", "focus: must be an array of 1 to 64 variant names, got a string (\"4 threads\")"},
    {"focus-empty.json", "focus: must be an array of 1 to 64 variant names, got 0"},
    {"focus-number.json", "focus[0]: must be a string"},
    {"focus-unknown-variant.json", "focus[1]: no variant named \"thread\" (variants: \"sequential\", \"threads×N\", \"processes\")"},
    {"focus-twice.json", "focus[1]: names \"processes\" a second time"},
};

QString testData(const QString& relative)
{
    return QStringLiteral(THREADLAB_TEST_DATA) + QLatin1Char('/') + relative;
}

QString builtinPath(const QString& id)
{
    return QStringLiteral(":/scenarios/%1.json").arg(id);
}

QJsonObject minimalObject()
{
    QFile file(testData(QStringLiteral("valid/minimal.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray toJson(const QJsonObject& o)
{
    return QJsonDocument(o).toJson();
}

// One task inside an otherwise valid scenario: in a threads variant, or a processes one for crash.
QByteArray scenarioWithTask(const QByteArray& task)
{
    const QByteArray mode = task.contains("\"crash\"") ? "processes" : "threads";
    return R"({"format": 1, "id": "t", "title": "T", "concept": "C1", "group": "G", "explanation": "E",
               "code": {"python": "p", "cpp": "c"},
               "variants": [{"name": "v", "mode": ")"
        + mode + R"(", "workers": [{"name": "w", "tasks": [)" + task + "]}]}]}";
}

QJsonObject waitTask(int ms = 1)
{
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("wait")}, {QStringLiteral("ms"), ms}};
}

QJsonObject group(const QString& name, int count, bool scalable = false)
{
    return QJsonObject {{QStringLiteral("name"), name},
                        {QStringLiteral("count"), count},
                        {QStringLiteral("scalable"), scalable},
                        {QStringLiteral("tasks"), QJsonArray {waitTask()}}};
}

// minimal.json changed by `edit`.
QByteArray minimalWith(const std::function<void(QJsonObject& root)>& edit)
{
    QJsonObject root = minimalObject();
    edit(root);
    return toJson(root);
}

// minimal.json with its threads variant (variants[1]) changed by `edit`.
QByteArray threadsWith(const std::function<void(QJsonObject& root, QJsonObject& threads)>& edit)
{
    return minimalWith([&edit](QJsonObject& root) {
        QJsonArray variants = root.value(QStringLiteral("variants")).toArray();
        QJsonObject threads = variants.at(1).toObject();
        edit(root, threads);
        variants.replace(1, threads);
        root.insert(QStringLiteral("variants"), variants);
    });
}

QString describe(const TaskSpec& t)
{
    QStringList items;
    for (const std::int64_t item : t.items)
        items << QString::number(item);
    return QStringLiteral("kind=%1 ms=%2 cpuMs=%3 minMs=%4 maxMs=%5 repeat=%6 gapMs=%7 text=\"%8\" items=[%9] op=%10 "
                          "times=%11 locked=%12 yield=%13 how=%14 exitCode=%15 splitParts=%16 splitIndex=%17")
        .arg(QString::fromStdString(std::string(enumName(t.kind))))
        .arg(t.ms)
        .arg(t.cpuMs)
        .arg(t.minMs)
        .arg(t.maxMs)
        .arg(t.repeat)
        .arg(t.gapMs)
        .arg(QString::fromStdString(t.text), items.join(QLatin1Char(',')),
             QString::fromStdString(std::string(enumName(t.op))))
        .arg(t.times)
        .arg(t.locked)
        .arg(t.yield)
        .arg(QString::fromStdString(std::string(enumName(t.how))))
        .arg(t.exitCode)
        .arg(t.splitParts)
        .arg(t.splitIndex);
}

TaskSpec task(TaskKind kind, const std::function<void(TaskSpec&)>& set = {})
{
    TaskSpec t;
    t.kind = kind;
    if (set)
        set(t);
    return t;
}

} // namespace

class TestScenarioLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void malformedFiles_data();
    void malformedFiles();
    void malformedTableMatchesDirectory();

    void minimalScenario();
    void lessonBlock();
    void focusVariants();
    void taskFields_data();
    void taskFields();
    void limitsAccepted_data();
    void limitsAccepted();

    void unreadablePaths_data();
    void unreadablePaths();

    void translatedTexts();
    void translatedTextsRefused_data();
    void translatedTextsRefused();

    void builtin_data();
    void builtin();
    void builtinsInOrder();
    void unknownBuiltin();

private:
    QTemporaryDir m_tempDir;
    QString m_unreadablePath;
    bool m_unreadableIsUnreadable = false; // false when running as root
};

void TestScenarioLoader::initTestCase()
{
    QVERIFY(m_tempDir.isValid());
    m_unreadablePath = m_tempDir.filePath(QStringLiteral("unreadable.json"));
    QFile file(m_unreadablePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(toJson(minimalObject()));
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    QFile probe(m_unreadablePath);
    m_unreadableIsUnreadable = !probe.open(QIODevice::ReadOnly);
}

void TestScenarioLoader::malformedFiles_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    std::map<QString, QString> expectedByFile;
    for (const MalformedCase& c : kMalformed)
        expectedByFile[QString::fromUtf8(c.file)] = QString::fromUtf8(c.expected);
    const QDir dir(testData(QStringLiteral("malformed")));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const auto found = expectedByFile.find(file);
        QTest::newRow(qPrintable(file)) << dir.filePath(file)
                                        << (found == expectedByFile.end() ? QString() : found->second);
    }
}

void TestScenarioLoader::malformedFiles()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QVERIFY2(!expected.isEmpty(), "this file has no row in kMalformed: add one with the problem it shows");

    QString error;
    const std::optional<Scenario> scenario = ScenarioLoader::loadFile(path, &error);
    QVERIFY2(!scenario, "a malformed file was loaded");
    QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
    QVERIFY2(!error.contains(QLatin1Char('\n')) && !error.contains(QLatin1Char('\r')), qPrintable(error));
    QVERIFY2(error.size() < 400, "an error must stay short whatever the file holds");
    QVERIFY2(error.contains(expected),
             qPrintable(QStringLiteral("\n   got: %1\n  want: …%2…").arg(error, expected)));
    QVERIFY(!ScenarioLoader::loadFile(path, nullptr));

    // The same bytes given to loadJson fail the same way under the name given.
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString jsonError;
    QVERIFY(!ScenarioLoader::loadJson(file.readAll(), QStringLiteral("given.json"), &jsonError));
    QCOMPARE(jsonError, QStringLiteral("given.json") + error.mid(path.size()));
}

void TestScenarioLoader::malformedTableMatchesDirectory()
{
    const QDir dir(testData(QStringLiteral("malformed")));
    QStringList rows;
    for (const MalformedCase& c : kMalformed) {
        const QString file = QString::fromUtf8(c.file);
        QVERIFY2(!rows.contains(file), qPrintable(file + QStringLiteral(" has two rows")));
        QVERIFY2(dir.exists(file), qPrintable(file + QStringLiteral(" has a row but no file")));
        rows << file;
    }
    QCOMPARE(dir.entryList(QDir::Files).size(), rows.size());
    QVERIFY(rows.size() >= 45);
}

void TestScenarioLoader::lessonBlock()
{
    const QString path = testData(QStringLiteral("valid/lesson.json"));
    QString error;
    const std::optional<Scenario> s = ScenarioLoader::loadFile(path, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->lessonChecks.size(), std::size_t(5));

    const LessonCheck& ratio = s->lessonChecks[0];
    QCOMPARE(ratio.kind, LessonCheckKind::Ratio);
    QCOMPARE(ratio.variant, QStringLiteral("threads×2")); // a step of the sweep
    QCOMPARE(ratio.baseline, QStringLiteral("threads×1"));
    QCOMPARE(ratio.atLeast, std::optional<double>(0.8));
    QVERIFY(!ratio.atMost);
    QCOMPARE(ratio.gil, std::optional<bool>(true));
    QCOMPARE(ratio.minCores, 1);
    QCOMPARE(ratio.text, QStringLiteral("2 threads were no faster than 1 ({value})"));

    const LessonCheck& observation = s->lessonChecks[1];
    QCOMPARE(observation.kind, LessonCheckKind::Observation);
    QCOMPARE(observation.variant, QStringLiteral("processes"));
    QCOMPARE(observation.observation, ObservedValue::ParentListLength);
    QCOMPARE(observation.atMost, std::optional<double>(0));
    QVERIFY(!observation.gil);

    const LessonCheck& outcome = s->lessonChecks[2];
    QCOMPARE(outcome.kind, LessonCheckKind::Outcome);
    QCOMPARE(outcome.outcome, WorkerState::Finished);
    QCOMPARE(outcome.workers, QStringList {QStringLiteral("Process-{n}")});
    QCOMPARE(outcome.quota, WorkerQuota::All);

    const LessonCheck& overlap = s->lessonChecks[3];
    QCOMPARE(overlap.kind, LessonCheckKind::Overlap);
    QCOMPARE(overlap.variant, QStringLiteral("sequential"));
    QVERIFY(!overlap.overlap);

    const LessonCheck& between = s->lessonChecks[4];
    QCOMPARE(between.atLeast, std::optional<double>(0.1));
    QCOMPARE(between.atMost, std::optional<double>(0.9));
    QCOMPARE(between.gil, std::optional<bool>(false));
    QCOMPARE(between.minCores, 2);

    // Without a lesson block a scenario has no checks; every built-in has some.
    QVERIFY(ScenarioLoader::loadFile(testData(QStringLiteral("valid/minimal.json")), nullptr)->lessonChecks.empty());
    for (const Scenario& builtin : ScenarioCatalog::builtins())
        QVERIFY2(!builtin.lessonChecks.empty(), qPrintable(builtin.id));
}

void TestScenarioLoader::focusVariants()
{
    // Without "focus": the variants the first lesson check names, variant then baseline.
    std::optional<Scenario> s = ScenarioLoader::loadFile(testData(QStringLiteral("valid/lesson.json")), nullptr);
    QVERIFY(s);
    QVERIFY(s->focus.isEmpty());
    QCOMPARE(ThreadLab::focusVariants(*s), (QStringList {QStringLiteral("threads×2"), QStringLiteral("threads×1")}));
    // Neither focus nor checks: no focus.
    s = ScenarioLoader::loadFile(testData(QStringLiteral("valid/minimal.json")), nullptr);
    QVERIFY(s);
    QVERIFY(ThreadLab::focusVariants(*s).isEmpty());
    // A file's own focus, in its order, a sweep step named like the checks name it.
    QFile file(testData(QStringLiteral("valid/minimal.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll().trimmed();
    json.chop(1);
    json += ", \"focus\": [\"processes\", \"threads×3\"]}";
    QString error;
    s = ScenarioLoader::loadJson(json, QStringLiteral("focus.json"), &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->focus, (QStringList {QStringLiteral("processes"), QStringLiteral("threads×3")}));
    QCOMPARE(ThreadLab::focusVariants(*s), s->focus);
    // Every built-in states its focus.
    for (const Scenario& builtin : ScenarioCatalog::builtins())
        QVERIFY2(!builtin.focus.isEmpty(), qPrintable(builtin.id));
}

void TestScenarioLoader::minimalScenario()
{
    const QString path = testData(QStringLiteral("valid/minimal.json"));
    QString error = QStringLiteral("stale");
    const std::optional<Scenario> s = ScenarioLoader::loadFile(path, &error);
    QVERIFY2(s, qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(s->id, QStringLiteral("minimal"));
    QCOMPARE(s->title, QStringLiteral("Minimal scenario"));
    QCOMPARE(s->conceptId, QStringLiteral("C4"));
    QCOMPARE(s->group, QStringLiteral("Test data"));
    QVERIFY(s->explanation.startsWith(QStringLiteral("A small scenario")));
    QCOMPARE(s->vocabulary, (QStringList {QStringLiteral("thread"), QStringLiteral("process")}));
    QCOMPARE(s->pythonCode, QStringLiteral("import threading"));
    QCOMPARE(s->cppCode, QStringLiteral("#include <QThread>"));
    QCOMPARE(s->defaultWorkers, 3);
    QCOMPARE(s->defaultTimeScale, 0.5);
    QCOMPARE(s->sourcePath, path);
    QCOMPARE(s->variants.size(), std::size_t(3));

    const VariantSpec& sequential = s->variants[0];
    QCOMPARE(sequential.name, QStringLiteral("sequential"));
    QCOMPARE(sequential.mode, VariantMode::Sequential);
    QCOMPARE(sequential.pattern, StartPattern::StartAllThenJoinAll);
    QCOMPARE(sequential.join, JoinPolicy::All);
    QVERIFY(!sequential.receive);
    QVERIFY(!sequential.sweep);
    QVERIFY(sequential.mainTasks.empty());
    QCOMPARE(sequential.groups.size(), std::size_t(1));
    QCOMPARE(sequential.groups[0].name, QStringLiteral("job"));
    QCOMPARE(sequential.groups[0].count, 1);
    QVERIFY(!sequential.groups[0].scalable);
    QVERIFY(!sequential.groups[0].daemon);
    QCOMPARE(sequential.groups[0].style, ThreadStyle::Subclass);
    QVERIFY(!sequential.groups[0].splitCpu);
    QCOMPARE(describe(sequential.groups[0].tasks.at(0)), describe(task(TaskKind::Wait, [](TaskSpec& t) {
                 t.ms = 1000;
                 t.text = "{name} waited {ms} ms";
             })));

    const VariantSpec& threads = s->variants[1];
    QCOMPARE(threads.mode, VariantMode::Threads);
    QCOMPARE(threads.pattern, StartPattern::StartJoinInLoop);
    QCOMPARE(threads.join, JoinPolicy::NonDaemon);
    QVERIFY(threads.receive);
    QVERIFY(threads.sweep);
    QCOMPARE(threads.description, QStringLiteral("Threads that share the CPU work."));
    QCOMPARE(threads.mainTasks.size(), std::size_t(1));
    QCOMPARE(describe(threads.mainTasks[0]), describe(task(TaskKind::Print, [](TaskSpec& t) {
                 t.text = "main says hi";
                 t.repeat = 2;
                 t.gapMs = 10;
             })));
    QCOMPARE(threads.groups.size(), std::size_t(2));
    const WorkerGroup& shared = threads.groups[0];
    QCOMPARE(shared.name, QStringLiteral("Thread-{n}"));
    QCOMPARE(shared.count, 2); // as written: defaults.workers is applied by the planner
    QVERIFY(shared.scalable);
    QVERIFY(shared.daemon);
    QCOMPARE(shared.style, ThreadStyle::Function);
    QVERIFY(shared.splitCpu);
    QCOMPARE(describe(shared.tasks.at(0)), describe(task(TaskKind::Cpu, [](TaskSpec& t) {
                 t.ms = 500;
                 t.text = "sum={value}";
                 t.splitParts = 0; // the "split across the group" marker
             })));
    QCOMPARE(describe(shared.tasks.at(1)), describe(task(TaskKind::RandomWait, [](TaskSpec& t) {
                 t.minMs = 10;
                 t.maxMs = 20;
             })));
    const WorkerGroup& sender = threads.groups[1];
    QCOMPARE(sender.count, 1);
    QVERIFY(!sender.splitCpu);
    QCOMPARE(sender.tasks.size(), std::size_t(4));
    QCOMPARE(describe(sender.tasks[0]), describe(task(TaskKind::Send, [](TaskSpec& t) {
                 t.items = {2, 3, -8};
                 t.op = ItemOp::Square;
                 t.ms = 100;
                 t.cpuMs = 5;
                 t.text = "{item} -> {value}";
             })));
    QCOMPARE(describe(sender.tasks[1]), describe(task(TaskKind::Increment, [](TaskSpec& t) {
                 t.times = 1000;
                 t.locked = true;
                 t.yield = false;
             })));
    QCOMPARE(describe(sender.tasks[2]), describe(task(TaskKind::Append, [](TaskSpec& t) { t.items = {1}; })));
    QCOMPARE(describe(sender.tasks[3]), describe(task(TaskKind::PerItem, [](TaskSpec& t) {
                 t.items = {4};
                 t.op = ItemOp::Cube;
             })));

    const VariantSpec& processes = s->variants[2];
    QCOMPARE(processes.mode, VariantMode::Processes);
    QCOMPARE(processes.groups.at(0).style, ThreadStyle::Object);
    QCOMPARE(processes.groups.at(0).count, 2);
    QVERIFY(!processes.groups.at(0).splitCpu);
    QCOMPARE(describe(processes.groups.at(0).tasks.at(0)), describe(task(TaskKind::Cpu, [](TaskSpec& t) { t.ms = 250; })));
    QCOMPARE(describe(processes.groups.at(0).tasks.at(1)), describe(task(TaskKind::Crash, [](TaskSpec& t) {
                 t.how = CrashHow::Exit;
                 t.exitCode = 3;
                 t.ms = 5;
             })));
    QCOMPARE(variantModeName(processes.mode), QStringLiteral("processes"));
}

void TestScenarioLoader::taskFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<TaskSpec>("expected");
    QTest::addColumn<bool>("splitCpu");

    QTest::newRow("cpu") << QByteArray(R"({"kind": "cpu", "ms": 1})")
                         << task(TaskKind::Cpu, [](TaskSpec& t) { t.ms = 1; }) << false;
    QTest::newRow("cpu split") << QByteArray(R"({"kind": "cpu", "ms": 60000, "split": true, "text": "{value}"})")
                               << task(TaskKind::Cpu, [](TaskSpec& t) {
                                      t.ms = 60000;
                                      t.text = "{value}";
                                      t.splitParts = 0;
                                  })
                               << true;
    QTest::newRow("cpu split false") << QByteArray(R"({"kind": "cpu", "ms": 7, "split": false})")
                                     << task(TaskKind::Cpu, [](TaskSpec& t) { t.ms = 7; }) << false;
    QTest::newRow("wait 0") << QByteArray(R"({"kind": "wait", "ms": 0})") << task(TaskKind::Wait) << false;
    QTest::newRow("wait 5.0 is whole") << QByteArray(R"({"kind": "wait", "ms": 5.0})")
                                       << task(TaskKind::Wait, [](TaskSpec& t) { t.ms = 5; }) << false;
    QTest::newRow("wait 1e3 is whole") << QByteArray(R"({"kind": "wait", "ms": 1e3})")
                                       << task(TaskKind::Wait, [](TaskSpec& t) { t.ms = 1000; }) << false;
    QTest::newRow("random-wait equal") << QByteArray(R"({"kind": "random-wait", "minMs": 7, "maxMs": 7, "text": "{ms}"})")
                                       << task(TaskKind::RandomWait, [](TaskSpec& t) {
                                              t.minMs = 7;
                                              t.maxMs = 7;
                                              t.text = "{ms}";
                                          })
                                       << false;
    QTest::newRow("print defaults") << QByteArray(R"({"kind": "print", "text": "hi"})")
                                    << task(TaskKind::Print, [](TaskSpec& t) { t.text = "hi"; }) << false;
    QTest::newRow("print limits") << QByteArray(R"({"kind": "print", "text": "", "repeat": 1000, "gapMs": 60000})")
                                  << task(TaskKind::Print, [](TaskSpec& t) {
                                         t.repeat = 1000;
                                         t.gapMs = 60000;
                                     })
                                  << false;
    QTest::newRow("per-item") << QByteArray(R"({"kind": "per-item", "items": [-1000000, 0, 1000000], "op": "double",
                                                "ms": 3, "cpuMs": 4, "text": "{item}={value}"})")
                              << task(TaskKind::PerItem, [](TaskSpec& t) {
                                     t.items = {-1000000, 0, 1000000};
                                     t.op = ItemOp::Double;
                                     t.ms = 3;
                                     t.cpuMs = 4;
                                     t.text = "{item}={value}";
                                 })
                              << false;
    QTest::newRow("append identity") << QByteArray(R"({"kind": "append", "items": [5], "op": "identity"})")
                                     << task(TaskKind::Append, [](TaskSpec& t) { t.items = {5}; }) << false;
    QTest::newRow("send cube") << QByteArray(R"({"kind": "send", "items": [2, 3], "op": "cube"})")
                               << task(TaskKind::Send, [](TaskSpec& t) {
                                      t.items = {2, 3};
                                      t.op = ItemOp::Cube;
                                  })
                               << false;
    QTest::newRow("increment defaults") << QByteArray(R"({"kind": "increment", "times": 1000000})")
                                        << task(TaskKind::Increment, [](TaskSpec& t) { t.times = 1000000; }) << false;
    QTest::newRow("increment locked") << QByteArray(R"({"kind": "increment", "times": 1, "locked": true, "yield": false})")
                                      << task(TaskKind::Increment, [](TaskSpec& t) {
                                             t.times = 1;
                                             t.locked = true;
                                             t.yield = false;
                                         })
                                      << false;
    QTest::newRow("crash exit default code") << QByteArray(R"({"kind": "crash", "how": "exit"})")
                                             << task(TaskKind::Crash, [](TaskSpec& t) { t.how = CrashHow::Exit; }) << false;
    QTest::newRow("crash exit 0") << QByteArray(R"({"kind": "crash", "how": "exit", "code": 0})")
                                  << task(TaskKind::Crash, [](TaskSpec& t) { t.exitCode = 0; }) << false;
    QTest::newRow("crash abort") << QByteArray(R"({"kind": "crash", "how": "abort", "ms": 60000})")
                                 << task(TaskKind::Crash, [](TaskSpec& t) {
                                        t.how = CrashHow::Abort;
                                        t.ms = 60000;
                                    })
                                 << false;
    QTest::newRow("crash segfault") << QByteArray(R"({"kind": "crash", "how": "segfault"})")
                                    << task(TaskKind::Crash, [](TaskSpec& t) { t.how = CrashHow::Segfault; }) << false;
    // 200 characters that are 400 UTF-16 units and 800 UTF-8 bytes: the limit counts characters.
    const QString emoji = QString::fromUtf8("\xF0\x9F\xA7\xB5").repeated(200);
    QTest::newRow("text of 200 emoji") << (R"({"kind": "wait", "ms": 1, "text": ")" + emoji.toUtf8() + "\"}")
                                       << task(TaskKind::Wait, [&emoji](TaskSpec& t) {
                                              t.ms = 1;
                                              t.text = emoji.toStdString();
                                          })
                                       << false;
}

void TestScenarioLoader::taskFields()
{
    QFETCH(QByteArray, json);
    QFETCH(TaskSpec, expected);
    QFETCH(bool, splitCpu);
    QString error;
    const std::optional<Scenario> s = ScenarioLoader::loadJson(scenarioWithTask(json), QStringLiteral("inline.json"), &error);
    QVERIFY2(s, qPrintable(error));
    const WorkerGroup& g = s->variants.at(0).groups.at(0);
    QCOMPARE(describe(g.tasks.at(0)), describe(expected));
    QVERIFY(g.tasks.at(0) == expected);
    QCOMPARE(g.splitCpu, splitCpu);
    QCOMPARE(s->sourcePath, QStringLiteral("inline.json"));
}

void TestScenarioLoader::limitsAccepted_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("as written") << toJson(minimalObject());
    QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + toJson(minimalObject());
    QTest::newRow("no defaults") << minimalWith([](QJsonObject& root) { root.remove(QStringLiteral("defaults")); });
    QTest::newRow("empty defaults") << minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("defaults"), QJsonObject());
    });
    QTest::newRow("no vocabulary") << minimalWith([](QJsonObject& root) { root.remove(QStringLiteral("vocabulary")); });
    QTest::newRow("time scale 0.01") << minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("defaults"), QJsonObject {{QStringLiteral("timeScale"), 0.01}});
    });
    QTest::newRow("time scale 10") << minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("defaults"), QJsonObject {{QStringLiteral("timeScale"), 10}});
    });
    QTest::newRow("id of 40") << minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("id"), QStringLiteral("a-%1").arg(QString(38, QLatin1Char('9'))));
    });
    QTest::newRow("concept C14") << minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("concept"), QStringLiteral("C14"));
    });
    QTest::newRow("20 terms") << minimalWith([](QJsonObject& root) {
        QJsonArray terms;
        for (int i = 0; i < 20; ++i)
            terms.append(QStringLiteral("term %1").arg(i));
        root.insert(QStringLiteral("vocabulary"), terms);
    });
    QTest::newRow("64 variants") << minimalWith([](QJsonObject& root) {
        QJsonObject threads = root.value(QStringLiteral("variants")).toArray().at(1).toObject();
        QJsonArray variants;
        for (int i = 0; i < 64; ++i) {
            threads.insert(QStringLiteral("name"), QStringLiteral("threads %1").arg(i));
            variants.append(threads);
        }
        root.insert(QStringLiteral("variants"), variants);
    });
    QTest::newRow("64 groups of 4") << threadsWith([](QJsonObject&, QJsonObject& threads) {
        QJsonArray groups;
        for (int i = 0; i < 64; ++i)
            groups.append(group(QStringLiteral("g%1-{n}").arg(i), 4));
        threads.insert(QStringLiteral("workers"), groups);
        threads.insert(QStringLiteral("receive"), false);
    });
    QTest::newRow("256 in one group") << threadsWith([](QJsonObject&, QJsonObject& threads) {
        threads.insert(QStringLiteral("workers"), QJsonArray {group(QStringLiteral("w{n}"), 256)});
        threads.insert(QStringLiteral("receive"), false);
    });
    QTest::newRow("scalable count replaced by defaults") << threadsWith([](QJsonObject& root, QJsonObject& threads) {
        // 200 + 200 would be too many, but the scalable group runs defaults.workers (1) workers.
        root.insert(QStringLiteral("defaults"), QJsonObject {{QStringLiteral("workers"), 1}});
        threads.insert(QStringLiteral("workers"),
                       QJsonArray {group(QStringLiteral("s{n}"), 200, true), group(QStringLiteral("f{n}"), 200)});
        threads.insert(QStringLiteral("receive"), false);
    });
    QTest::newRow("256 workers with defaults") << threadsWith([](QJsonObject& root, QJsonObject& threads) {
        root.insert(QStringLiteral("defaults"), QJsonObject {{QStringLiteral("workers"), 128}});
        threads.insert(QStringLiteral("workers"),
                       QJsonArray {group(QStringLiteral("s{n}"), 1, true), group(QStringLiteral("t{n}"), 1, true)});
        threads.insert(QStringLiteral("receive"), false);
    });
    QTest::newRow("32 tasks and 32 main tasks") << threadsWith([](QJsonObject&, QJsonObject& threads) {
        QJsonArray tasks;
        for (int i = 0; i < 32; ++i)
            tasks.append(waitTask(i));
        QJsonObject g = group(QStringLiteral("w"), 1);
        g.insert(QStringLiteral("tasks"), tasks);
        threads.insert(QStringLiteral("workers"), QJsonArray {g});
        threads.insert(QStringLiteral("main"), tasks);
        threads.insert(QStringLiteral("receive"), false);
    });
    QTest::newRow("empty main and description") << threadsWith([](QJsonObject&, QJsonObject& threads) {
        threads.insert(QStringLiteral("main"), QJsonArray());
        threads.insert(QStringLiteral("description"), QString());
    });
    QTest::newRow("sequential with thread-only keys") << threadsWith([](QJsonObject&, QJsonObject& threads) {
        threads.insert(QStringLiteral("mode"), QStringLiteral("sequential"));
        threads.insert(QStringLiteral("join"), QStringLiteral("none"));
    });
}

void TestScenarioLoader::limitsAccepted()
{
    QFETCH(QByteArray, json);
    QString error;
    const std::optional<Scenario> s = ScenarioLoader::loadJson(json, QStringLiteral("limits.json"), &error);
    QVERIFY2(s, qPrintable(error));
}

void TestScenarioLoader::unreadablePaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("directory") << testData(QStringLiteral("valid")) << QStringLiteral("cannot read the file: it is a directory");
    QTest::newRow("nonexistent") << m_tempDir.filePath(QStringLiteral("nowhere/none.json"))
                                 << QStringLiteral("cannot read the file: it does not exist");
    QTest::newRow("unreadable") << m_unreadablePath << QStringLiteral("cannot read the file: permission denied");
    QTest::newRow("device") << QStringLiteral("/dev/null") << QStringLiteral("cannot read the file: it is not a regular file");
    QTest::newRow("empty path") << QString() << QStringLiteral("cannot read the file: no file name was given");
    QTest::newRow("missing resource") << builtinPath(QStringLiteral("no-such-scenario"))
                                      << QStringLiteral("cannot read the file: it does not exist");
}

void TestScenarioLoader::unreadablePaths()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    if (path == m_unreadablePath && !m_unreadableIsUnreadable)
        QSKIP("running as root: a file with permissions 000 stays readable");
    if (path == QStringLiteral("/dev/null") && !QFile::exists(path))
        QSKIP("no /dev/null here");
    QString error;
    QVERIFY(!ScenarioLoader::loadFile(path, &error));
    QCOMPARE(error, path + QStringLiteral(": ") + expected);
}

void TestScenarioLoader::translatedTexts()
{
    const QByteArray json = minimalWith([](QJsonObject& root) {
        root.insert(QStringLiteral("title"), QJsonObject {{QStringLiteral("en"), QStringLiteral("Threads")},
                                                          {QStringLiteral("de"), QStringLiteral("Fäden")},
                                                          {QStringLiteral("gsw"), QStringLiteral("Fääde")}});
        root.insert(QStringLiteral("explanation"), QJsonObject {{QStringLiteral("en"), QStringLiteral("Plain.")}});
        root.insert(QStringLiteral("vocabulary"),
                    QJsonObject {{QStringLiteral("en"), QJsonArray {QStringLiteral("thread")}},
                                 {QStringLiteral("de"), QJsonArray {QStringLiteral("Thread"), QStringLiteral("Faden")}}});
        QJsonArray variants = root.value(QStringLiteral("variants")).toArray();
        QJsonObject first = variants.at(0).toObject();
        first.insert(QStringLiteral("description"), QJsonObject {{QStringLiteral("en"), QStringLiteral("One.")},
                                                                 {QStringLiteral("de"), QStringLiteral("Eins.")}});
        variants.replace(0, first);
        root.insert(QStringLiteral("variants"), variants);
    });
    QString error;
    const std::optional<Scenario> s = ScenarioLoader::loadJson(json, QStringLiteral("texts.json"), &error);
    QVERIFY2(s, qPrintable(error));
    // The English stays where everything else reads it; the others come by language.
    QCOMPARE(s->title, QStringLiteral("Threads"));
    QCOMPARE(s->titleTranslations.size(), 2);
    QCOMPARE(textIn(s->title, s->titleTranslations, QStringLiteral("de")), QStringLiteral("Fäden"));
    QCOMPARE(textIn(s->title, s->titleTranslations, QStringLiteral("gsw")), QStringLiteral("Fääde"));
    QCOMPARE(textIn(s->title, s->titleTranslations, QStringLiteral("fr")), QStringLiteral("Threads"));
    QCOMPARE(s->explanation, QStringLiteral("Plain."));
    QVERIFY(s->explanationTranslations.isEmpty());
    QCOMPARE(s->variants.front().description, QStringLiteral("One."));
    QCOMPARE(textIn(s->variants.front().description, s->variants.front().descriptionTranslations,
                    QStringLiteral("de")),
             QStringLiteral("Eins."));
    QCOMPARE(s->vocabulary, QStringList {QStringLiteral("thread")});
    QCOMPARE(s->vocabularyTranslations.value(QStringLiteral("de")),
             (QStringList {QStringLiteral("Thread"), QStringLiteral("Faden")}));
    // A plain string is English, with no translations.
    QVERIFY(s->groupTranslations.isEmpty());
    QVERIFY(!s->group.isEmpty());
}

void TestScenarioLoader::translatedTextsRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    auto texts = [](std::initializer_list<std::pair<const char*, QJsonValue>> pairs) {
        QJsonObject o;
        for (const auto& [key, value] : pairs)
            o.insert(QLatin1String(key), value);
        return QJsonValue(o);
    };
    QTest::newRow("no en") << "title" << texts({{"de", QStringLiteral("Fäden")}})
                           << "texts.json: title: must hold the English text under \"en\"";
    QTest::newRow("empty object") << "group" << texts({}) << "texts.json: group: must hold the English text";
    QTest::newRow("upper-case code") << "title" << texts({{"en", QStringLiteral("T")}, {"DE", QStringLiteral("T")}})
                                     << "texts.json: title: language \"DE\" must be a code of 2 or 3 lower-case letters";
    QTest::newRow("region code") << "explanation"
                                 << texts({{"en", QStringLiteral("E")}, {"de-AT", QStringLiteral("E")}})
                                 << "texts.json: explanation: language \"de-AT\" must be a code";
    QTest::newRow("one letter") << "title" << texts({{"en", QStringLiteral("T")}, {"d", QStringLiteral("T")}})
                                << "language \"d\" must be a code";
    QTest::newRow("number value") << "title" << texts({{"en", QStringLiteral("T")}, {"de", 3}})
                                  << "texts.json: title.de: must be a string of 1 to 80 characters, got the number 3";
    QTest::newRow("empty translation") << "title" << texts({{"en", QStringLiteral("T")}, {"de", QString()}})
                                       << "texts.json: title.de: must be a string of 1 to 80 characters, got an empty string";
    QTest::newRow("too long") << "group" << texts({{"en", QStringLiteral("G")}, {"de", QString(61, QLatin1Char('x'))}})
                              << "texts.json: group.de: must be a string of 1 to 60 characters, got 61 characters";
    QTest::newRow("empty en") << "explanation" << texts({{"en", QString()}})
                              << "texts.json: explanation.en: must be a string of 1 to 2000 characters";
    QTest::newRow("vocabulary without en") << "vocabulary" << texts({{"de", QJsonArray {QStringLiteral("Faden")}}})
                                           << "texts.json: vocabulary: must hold the English text";
    QTest::newRow("vocabulary bad code") << "vocabulary"
                                         << texts({{"en", QJsonArray {}}, {"Deutsch", QJsonArray {}}})
                                         << "texts.json: vocabulary: language \"Deutsch\" must be a code";
    QTest::newRow("vocabulary string") << "vocabulary" << texts({{"en", QJsonArray {}}, {"de", QStringLiteral("x")}})
                                       << "texts.json: vocabulary.de: must be an array of at most 20 strings";
    QTest::newRow("array") << "title" << QJsonValue(QJsonArray {QStringLiteral("T")})
                           << "texts.json: title: must be a string of 1 to 80 characters, got an array";
}

void TestScenarioLoader::translatedTextsRefused()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QByteArray json = minimalWith([&field, &value](QJsonObject& root) { root.insert(field, value); });
    QString error;
    QVERIFY(!ScenarioLoader::loadJson(json, QStringLiteral("texts.json"), &error));
    QVERIFY2(error.contains(expected), qPrintable(QStringLiteral("\n   got: %1\n  want: …%2…").arg(error, expected)));
}

void TestScenarioLoader::builtin_data()
{
    QTest::addColumn<QString>("id");
    for (const QString& id : ScenarioCatalog::builtinIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestScenarioLoader::builtin()
{
    QFETCH(QString, id);
    if (!QFile::exists(builtinPath(id)))
        QSKIP("this built-in scenario's JSON file is not in the resources yet");
    QString error;
    const std::optional<Scenario> s = ScenarioCatalog::builtin(id, &error);
    QVERIFY2(s, qPrintable(error));
    QCOMPARE(s->id, id);
    QCOMPARE(s->sourcePath, builtinPath(id));
    QVERIFY(!s->variants.empty());
    // Every built-in speaks German too: its headings, explanation and variant descriptions.
    const QString de = QStringLiteral("de");
    QVERIFY2(s->titleTranslations.contains(de), "no German title");
    QVERIFY2(s->groupTranslations.contains(de), "no German group");
    QVERIFY2(s->explanationTranslations.contains(de), "no German explanation");
    QVERIFY2(s->vocabularyTranslations.contains(de), "no German vocabulary");
    for (const LessonCheck& c : s->lessonChecks)
        QVERIFY2(c.textTranslations.contains(de), qPrintable(QStringLiteral("lesson check without German: ") + c.text));
    for (const VariantSpec& v : s->variants)
        QVERIFY2(v.description.isEmpty() || v.descriptionTranslations.contains(de),
                 qPrintable(QStringLiteral("variant %1 has no German description").arg(v.name)));
}

void TestScenarioLoader::builtinsInOrder()
{
    for (const QString& id : ScenarioCatalog::builtinIds())
        if (!QFile::exists(builtinPath(id)))
            QSKIP("not every built-in scenario's JSON file is in the resources yet");
    const std::vector<Scenario> all = ScenarioCatalog::builtins();
    QStringList ids;
    for (const Scenario& s : all)
        ids << s.id;
    QCOMPARE(ids, ScenarioCatalog::builtinIds());
}

void TestScenarioLoader::unknownBuiltin()
{
    QString error;
    QVERIFY(!ScenarioCatalog::builtin(QStringLiteral("../etc/passwd"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("there is no built-in scenario \"../etc/passwd\"")), qPrintable(error));
    QVERIFY(!ScenarioCatalog::builtin(QStringLiteral("no-such")));
    // Every scenario embedded in the build is listed: adding one needs no edit here.
    QCOMPARE(ScenarioCatalog::builtinIds().size(),
             QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files).size());
    QCOMPARE(ScenarioCatalog::builtinIds().first(), QStringLiteral("ways-to-create"));
    QCOMPARE(ScenarioCatalog::builtinIds().last(), QStringLiteral("random-jobs"));
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
