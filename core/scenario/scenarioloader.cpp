#include "scenario/scenarioloader.h"

#include "scenario/scenariokeys.h"
#include "scenario/strictjsonscanner.h"
#include "tasks/taskcatalogue.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace ThreadLab {

namespace {

QString quoted(QStringView text)
{
    return StrictJsonScanner::quoted(text);
}

QString latin(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

QString numberText(double d)
{
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 1e15)
        return QString::number(static_cast<qint64>(d));
    // Beyond 2^53 a double no longer holds every integer: the exponent form does not pretend to.
    return QString::number(d, std::fabs(d) < 1e15 ? 'g' : 'e', QLocale::FloatingPointShortest);
}

// "got …" in messages: what kind of value it is, and the value if it is short.
QString describe(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QCoreApplication::translate("ScenarioLoader", "null");
    case QJsonValue::Bool:
        return v.toBool() ? QCoreApplication::translate("ScenarioLoader", "true")
                          : QCoreApplication::translate("ScenarioLoader", "false");
    case QJsonValue::Double:
        return QCoreApplication::translate("ScenarioLoader", "the number %1").arg(numberText(v.toDouble()));
    case QJsonValue::String:
        return QCoreApplication::translate("ScenarioLoader", "a string (%1)").arg(quoted(v.toString()));
    case QJsonValue::Array: return QCoreApplication::translate("ScenarioLoader", "an array");
    case QJsonValue::Object: return QCoreApplication::translate("ScenarioLoader", "an object");
    case QJsonValue::Undefined: break;
    }
    return QCoreApplication::translate("ScenarioLoader", "nothing");
}

QString joined(const QStringList& names)
{
    return names.join(QStringLiteral(", "));
}

// Names may come from the file (variant names): each is shown escaped and cut like any echoed
// value, and a long list is cut too, so that a message stays one short line.
QString choiceList(const QStringList& names)
{
    constexpr qsizetype maxShown = 8;
    QStringList q;
    for (qsizetype i = 0; i < names.size() && i < maxShown; ++i)
        q << quoted(names.at(i));
    if (names.size() > maxShown)
        q << QStringLiteral("… (%1 in all)").arg(names.size());
    return joined(q);
}

QString at(const QString& place, const QString& key)
{
    return place.isEmpty() ? key : place + QLatin1Char('.') + key;
}

QString at(const QString& place, qsizetype index)
{
    return place + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// "de", "fr", "gsw": ISO 639 codes, 2 or 3 lower-case letters.
bool isLanguageCode(const QString& code)
{
    if (code.size() < 2 || code.size() > 3)
        return false;
    return std::all_of(code.begin(), code.end(), [](QChar c) { return c >= QLatin1Char('a') && c <= QLatin1Char('z'); });
}

// [a-z][a-z0-9-]*: safe in file names, URLs and on the command line.
bool isValidId(const QString& id)
{
    if (id.isEmpty() || id[0] < u'a' || id[0] > u'z')
        return false;
    for (const QChar c : id)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            return false;
    return true;
}

// Where a task list sits: some kinds (crash) run only in the workers of a "processes" variant.
struct TaskPlace
{
    bool inMain = false;
    VariantMode mode = VariantMode::Threads;
};

// Walks a parsed scenario and stops at the first problem, which it keeps as one line.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)

public:
    explicit Reader(QString file) : m_file(std::move(file)) {}

    QString error() const { return m_error; }

    std::optional<Scenario> read(const QJsonObject& root)
    {
        Scenario s;
        if (!readScenario(root, &s))
            return std::nullopt;
        return s;
    }

private:
    bool fail(const QString& place, const QString& problem)
    {
        m_error = place.isEmpty() ? QStringLiteral("%1: %2").arg(m_file, problem)
                                  : QStringLiteral("%1: %2: %3").arg(m_file, place, problem);
        return false;
    }

    // Unknown keys first (a key from a newer format or a typo explains the rest), then the
    // required ones in the contract's order.
    bool checkKeys(const QJsonObject& object, const QString& place, const QStringList& allowed,
                   const QStringList& required)
    {
        const QStringList keys = object.keys();
        for (const QString& key : keys)
            if (!allowed.contains(key))
                return fail(place, tr("unknown key %1 (allowed: %2)").arg(quoted(key), joined(allowed)));
        for (const QString& key : required)
            if (!object.contains(key))
                return fail(place, tr("missing required key \"%1\"").arg(key));
        return true;
    }

    bool readObject(const QJsonValue& v, const QString& place, const QString& what, QJsonObject* out)
    {
        if (!v.isObject())
            return fail(place, tr("must be %1, got %2").arg(what, describe(v)));
        *out = v.toObject();
        return true;
    }

    bool readArray(const QJsonValue& v, const QString& place, qsizetype min, qsizetype max, const QString& items,
                   QJsonArray* out)
    {
        const QString rule = min > 0 ? tr("an array of %1 to %2 %3").arg(min).arg(max).arg(items)
                                     : tr("an array of at most %1 %2").arg(max).arg(items);
        if (!v.isArray())
            return fail(place, tr("must be %1, got %2").arg(rule, describe(v)));
        const QJsonArray a = v.toArray();
        if (a.size() < min || a.size() > max)
            return fail(place, tr("must be %1, got %2").arg(rule).arg(a.size()));
        *out = a;
        return true;
    }

    bool readString(const QJsonValue& v, const QString& place, qsizetype min, qsizetype max, QString* out)
    {
        const QString rule = min > 0 ? tr("a string of %1 to %2 characters").arg(min).arg(max)
                                     : tr("a string of at most %1 characters").arg(max);
        if (!v.isString())
            return fail(place, tr("must be %1, got %2").arg(rule, describe(v)));
        const QString s = v.toString();
        const qsizetype n = ScenarioLoader::characterCount(s);
        if (n < min || n > max)
            return fail(place, tr("must be %1, got %2")
                                   .arg(rule, n == 0 ? tr("an empty string")
                                                     : tr("%1 characters").arg(n)));
        *out = s;
        return true;
    }

    // The keys of a text given per language: "en" among them, each a language code.
    bool checkLanguages(const QJsonObject& texts, const QString& place)
    {
        if (!texts.contains(QLatin1String("en")))
            return fail(place, tr("must hold the English text under \"en\" when it is given per language"));
        if (texts.size() > Limits::maxLanguages)
            return fail(place, tr("must be in at most %1 languages, got %2").arg(Limits::maxLanguages).arg(texts.size()));
        for (auto it = texts.begin(); it != texts.end(); ++it)
            if (!isLanguageCode(it.key()))
                return fail(place, tr("language %1 must be a code of 2 or 3 lower-case letters such as \"de\"")
                                       .arg(quoted(it.key())));
        return true;
    }

    // Prose a teacher may give in several languages: a string (English), or an object of
    // language code → string that holds "en", which goes to *out; the others to *translations.
    bool readText(const QJsonValue& v, const QString& place, qsizetype min, qsizetype max, QString* out,
                  TranslatedText* translations)
    {
        if (!v.isObject())
            return readString(v, place, min, max, out);
        const QJsonObject texts = v.toObject();
        if (!checkLanguages(texts, place))
            return false;
        for (auto it = texts.begin(); it != texts.end(); ++it) {
            QString text;
            if (!readString(it.value(), at(place, it.key()), min, max, &text))
                return false;
            if (it.key() == QLatin1String("en"))
                *out = text;
            else
                translations->insert(it.key(), text);
        }
        return true;
    }

    // JSON has one number type: a whole-valued number (5, 5.0, 5e0) is an integer here; 1.5, 1e300
    // and 9223372036854775808 are refused with the allowed range.
    bool readInt(const QJsonValue& v, const QString& place, std::int64_t min, std::int64_t max, std::int64_t* out)
    {
        const QString rule = tr("a whole number from %1 to %2").arg(min).arg(max);
        if (!v.isDouble())
            return fail(place, tr("must be %1, got %2").arg(rule, describe(v)));
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d || d < double(min) || d > double(max))
            return fail(place, tr("must be %1, got %2").arg(rule, numberText(d)));
        *out = static_cast<std::int64_t>(d);
        return true;
    }

    bool readInt(const QJsonValue& v, const QString& place, std::int64_t min, std::int64_t max, int* out)
    {
        std::int64_t wide = 0;
        if (!readInt(v, place, min, max, &wide))
            return false;
        *out = static_cast<int>(wide);
        return true;
    }

    bool readNumber(const QJsonValue& v, const QString& place, double min, double max, double* out)
    {
        const QString rule = tr("a number from %1 to %2").arg(numberText(min), numberText(max));
        if (!v.isDouble())
            return fail(place, tr("must be %1, got %2").arg(rule, describe(v)));
        if (!std::isfinite(v.toDouble()) || v.toDouble() < min || v.toDouble() > max)
            return fail(place, tr("must be %1, got %2").arg(rule, numberText(v.toDouble())));
        *out = v.toDouble();
        return true;
    }

    bool readBool(const QJsonValue& v, const QString& place, bool* out)
    {
        if (!v.isBool())
            return fail(place, tr("must be true or false, got %1").arg(describe(v)));
        *out = v.toBool();
        return true;
    }

    // One of `names`; *index is its position.
    bool readChoice(const QJsonValue& v, const QString& place, const std::vector<std::string_view>& names,
                    std::size_t* index)
    {
        QStringList shown;
        for (std::size_t i = 0; i < names.size(); ++i) {
            shown << latin(names[i]);
            if (v.isString() && v.toString() == shown.last()) {
                *index = i;
                return true;
            }
        }
        return fail(place, tr("must be one of %1, got %2")
                               .arg(choiceList(shown), v.isString() ? quoted(v.toString()) : describe(v)));
    }

    // One of an enum's names from its EnumNames table.
    template<typename E>
    bool readEnum(const QJsonValue& v, const QString& place, E* out)
    {
        std::size_t index = 0;
        if (!readChoice(v, place, enumNameList<E>(), &index))
            return false;
        *out = EnumNames<E>::table[index].value;
        return true;
    }

    // The optional keys below: read only when present, the struct's default stays otherwise.
    template<typename Fn>
    bool ifPresent(const QJsonObject& o, QLatin1String key, Fn&& readIt)
    {
        return !o.contains(key) || readIt(o.value(key));
    }

    bool readScenario(const QJsonObject& root, Scenario* s)
    {
        static const QStringList allowed {
            ScenarioKey::format, ScenarioKey::id, ScenarioKey::title, ScenarioKey::conceptId,
            ScenarioKey::group, ScenarioKey::explanation, ScenarioKey::vocabulary,
            ScenarioKey::code, ScenarioKey::defaults, ScenarioKey::variants, ScenarioKey::lesson,
            ScenarioKey::focus};
        static const QStringList required {
            ScenarioKey::format, ScenarioKey::id, ScenarioKey::title, ScenarioKey::conceptId,
            ScenarioKey::group, ScenarioKey::explanation, ScenarioKey::code,
            ScenarioKey::variants};

        // The format first: a newer file is better told "newer format" than "unknown key".
        if (!readFormat(root) || !checkKeys(root, QString(), allowed, required) || !readHeadings(root, s))
            return false;
        const bool optionalOk =
            ifPresent(root, ScenarioKey::vocabulary, [&](const QJsonValue& v) { return readVocabulary(v, s); })
            && readCode(root.value(ScenarioKey::code), s)
            && ifPresent(root, ScenarioKey::defaults, [&](const QJsonValue& v) { return readDefaults(v, s); });
        return optionalOk && readVariants(root, s)
            && ifPresent(root, ScenarioKey::lesson, [&](const QJsonValue& v) { return readLesson(v, s); })
            && ifPresent(root, ScenarioKey::focus, [&](const QJsonValue& v) { return readFocus(v, s); });
    }

    bool readFormat(const QJsonObject& root)
    {
        if (!root.contains(ScenarioKey::format))
            return true;
        const QJsonValue f = root.value(ScenarioKey::format);
        const double format = Limits::scenarioFormat;
        if (f.isDouble() && f.toDouble() == format)
            return true;
        if (f.isDouble() && std::isfinite(f.toDouble()) && std::floor(f.toDouble()) == f.toDouble()
            && f.toDouble() > format)
            return fail(ScenarioKey::format, tr("unsupported format %1: this version of ThreadLab reads format %2")
                                                      .arg(numberText(f.toDouble()))
                                                      .arg(Limits::scenarioFormat));
        return fail(ScenarioKey::format, tr("must be %1, got %2").arg(Limits::scenarioFormat).arg(describe(f)));
    }

    // id, title, concept, group and explanation.
    bool readHeadings(const QJsonObject& root, Scenario* s)
    {
        const QString id = ScenarioKey::id;
        if (!readString(root.value(id), id, 1, Limits::maxIdChars, &s->id))
            return false;
        if (!isValidId(s->id))
            return fail(id, tr("must be 1 to %1 characters of a-z, 0-9 and \"-\", starting with a letter, got %2")
                                .arg(Limits::maxIdChars)
                                .arg(quoted(s->id)));
        if (!readText(root.value(ScenarioKey::title), ScenarioKey::title, 1, Limits::maxTitleChars,
                      &s->title, &s->titleTranslations))
            return false;

        const QJsonValue conceptValue = root.value(ScenarioKey::conceptId);
        bool conceptOk = false;
        if (conceptValue.isString()) {
            const QString c = conceptValue.toString();
            for (int i = 1; i <= Limits::conceptCount && !conceptOk; ++i)
                conceptOk = c == QStringLiteral("C%1").arg(i);
        }
        if (!conceptOk)
            return fail(ScenarioKey::conceptId,
                        tr("must be one of \"C1\" … \"C%1\", got %2")
                            .arg(Limits::conceptCount)
                            .arg(conceptValue.isString() ? quoted(conceptValue.toString()) : describe(conceptValue)));
        s->conceptId = conceptValue.toString();

        return readText(root.value(ScenarioKey::group), ScenarioKey::group, 1, Limits::maxHeadingChars,
                        &s->group, &s->groupTranslations)
            && readText(root.value(ScenarioKey::explanation), ScenarioKey::explanation, 1,
                        Limits::maxExplanationChars, &s->explanation, &s->explanationTranslations);
    }

    // An array of terms (English), or an object of language code → array that holds "en".
    bool readVocabulary(const QJsonValue& v, Scenario* s)
    {
        const QString place = ScenarioKey::vocabulary;
        if (!v.isObject())
            return readTerms(v, place, &s->vocabulary);
        const QJsonObject languages = v.toObject();
        if (!checkLanguages(languages, place))
            return false;
        for (auto it = languages.begin(); it != languages.end(); ++it) {
            QStringList terms;
            if (!readTerms(it.value(), at(place, it.key()), &terms))
                return false;
            if (it.key() == QLatin1String("en"))
                s->vocabulary = terms;
            else
                s->vocabularyTranslations.insert(it.key(), terms);
        }
        return true;
    }

    bool readTerms(const QJsonValue& v, const QString& place, QStringList* out)
    {
        QJsonArray terms;
        if (!readArray(v, place, 0, Limits::maxVocabularyTerms, tr("strings"), &terms))
            return false;
        for (qsizetype i = 0; i < terms.size(); ++i) {
            QString term;
            if (!readString(terms.at(i), at(place, i), 1, Limits::maxTermChars, &term))
                return false;
            *out << term;
        }
        return true;
    }

    bool readCode(const QJsonValue& v, Scenario* s)
    {
        const QString place = ScenarioKey::code;
        static const QStringList keys {ScenarioKey::python, ScenarioKey::cpp};
        QJsonObject code;
        if (!readObject(v, place, tr("an object with the keys \"python\" and \"cpp\""), &code)
            || !checkKeys(code, place, keys, keys))
            return false;
        return readString(code.value(ScenarioKey::python), at(place, ScenarioKey::python), 1,
                          Limits::maxCodeChars, &s->pythonCode)
            && readString(code.value(ScenarioKey::cpp), at(place, ScenarioKey::cpp), 1, Limits::maxCodeChars,
                          &s->cppCode);
    }

    bool readDefaults(const QJsonValue& v, Scenario* s)
    {
        const QString place = ScenarioKey::defaults;
        static const QStringList keys {ScenarioKey::workers, ScenarioKey::timeScale};
        QJsonObject d;
        if (!readObject(v, place, tr("an object"), &d) || !checkKeys(d, place, keys, {}))
            return false;
        return ifPresent(d, ScenarioKey::workers,
                        [&](const QJsonValue& w) {
                            return readInt(w, at(place, ScenarioKey::workers), 1,
                                           Limits::maxWorkersPerVariant, &s->defaultWorkers);
                        })
            && ifPresent(d, ScenarioKey::timeScale, [&](const QJsonValue& t) {
                   return readNumber(t, at(place, ScenarioKey::timeScale), Limits::minTimeScale,
                                     Limits::maxTimeScale, &s->defaultTimeScale);
               });
    }

    bool readVariants(const QJsonObject& root, Scenario* s)
    {
        const QString place = ScenarioKey::variants;
        QJsonArray variants;
        if (!readArray(root.value(place), place, 1, Limits::maxVariants, tr("variants"), &variants))
            return false;
        QHash<QString, qsizetype> firstUse;
        for (qsizetype i = 0; i < variants.size(); ++i) {
            VariantSpec variant;
            if (!readVariant(variants.at(i), at(place, i), s->defaultWorkers, &variant))
                return false;
            if (firstUse.contains(variant.name))
                return fail(at(at(place, i), ScenarioKey::name),
                            tr("duplicate variant name %1 (also used by variants[%2]); names must be unique")
                                .arg(quoted(variant.name))
                                .arg(firstUse.value(variant.name)));
            firstUse.insert(variant.name, i);
            s->variants.push_back(std::move(variant));
        }
        return true;
    }

    // "focus": ["1 thread", "4 threads"]: the variants the lesson is about, named as the lesson
    // checks name them, each once.
    bool readFocus(const QJsonValue& v, Scenario* s)
    {
        const QString place = ScenarioKey::focus;
        QJsonArray names;
        if (!readArray(v, place, 1, Limits::maxVariants, tr("variant names"), &names))
            return false;
        for (qsizetype i = 0; i < names.size(); ++i) {
            QString name;
            if (!readVariantName(names.at(i), at(place, i), *s, &name))
                return false;
            if (s->focus.contains(name))
                return fail(at(place, i), tr("names %1 a second time").arg(quoted(name)));
            s->focus << name;
        }
        return true;
    }

    // "lesson": {"checks": [...]}, read after the variants, which the checks name.
    bool readLesson(const QJsonValue& v, Scenario* s)
    {
        const QString place = ScenarioKey::lesson;
        static const QStringList keys {ScenarioKey::checks};
        QJsonObject o;
        if (!readObject(v, place, tr("an object with the key \"checks\""), &o) || !checkKeys(o, place, keys, keys))
            return false;
        const QString checksPlace = at(place, ScenarioKey::checks);
        QJsonArray checks;
        if (!readArray(o.value(ScenarioKey::checks), checksPlace, 1, Limits::maxLessonChecks, tr("checks"), &checks))
            return false;
        for (qsizetype i = 0; i < checks.size(); ++i) {
            LessonCheck check;
            if (!readCheck(checks.at(i), at(checksPlace, i), *s, &check))
                return false;
            s->lessonChecks.push_back(std::move(check));
        }
        return true;
    }

    bool readCheck(const QJsonValue& v, const QString& place, const Scenario& s, LessonCheck* out)
    {
        QJsonObject o;
        if (!readObject(v, place, tr("a check object"), &o))
            return false;
        if (!o.contains(ScenarioKey::kind))
            return fail(place, tr("missing required key \"kind\""));
        if (!readEnum(o.value(ScenarioKey::kind), at(place, ScenarioKey::kind), &out->kind))
            return false;
        QStringList allowed {ScenarioKey::kind, ScenarioKey::text, ScenarioKey::variant};
        QStringList required = allowed;
        const QStringList kindKeys = checkKeysOf(out->kind);
        allowed << kindKeys << ScenarioKey::gil << ScenarioKey::minCores;
        required << kindKeys.first(); // the kind's first key says what is compared
        if (!checkKeys(o, place, allowed, required))
            return false;
        return readText(o.value(ScenarioKey::text), at(place, ScenarioKey::text), 1,
                        Limits::maxCheckTextChars, &out->text, &out->textTranslations)
            && readVariantName(o.value(ScenarioKey::variant), at(place, ScenarioKey::variant), s, &out->variant)
            && ifPresent(o, ScenarioKey::gil, [&](const QJsonValue& g) {
                   bool on = false;
                   return readBool(g, at(place, ScenarioKey::gil), &on) && (out->gil = on, true);
               })
            && ifPresent(o, ScenarioKey::minCores, [&](const QJsonValue& c) {
                   return readInt(c, at(place, ScenarioKey::minCores), 1, Limits::maxWorkersPerVariant, &out->minCores);
               })
            && readCheckKind(o, place, s, out);
    }

    // The keys each kind of check adds, the required one first.
    static QStringList checkKeysOf(LessonCheckKind kind)
    {
        switch (kind) {
        case LessonCheckKind::Ratio:
            return {ScenarioKey::baseline, ScenarioKey::atLeast, ScenarioKey::atMost};
        case LessonCheckKind::Observation:
            return {ScenarioKey::observation, ScenarioKey::atLeast, ScenarioKey::atMost};
        case LessonCheckKind::Outcome:
            return {ScenarioKey::outcome, ScenarioKey::workers, ScenarioKey::count};
        case LessonCheckKind::Overlap: return {ScenarioKey::overlap};
        }
        return {};
    }

    bool readCheckKind(const QJsonObject& o, const QString& place, const Scenario& s, LessonCheck* out)
    {
        switch (out->kind) {
        case LessonCheckKind::Ratio:
            return readVariantName(o.value(ScenarioKey::baseline), at(place, ScenarioKey::baseline), s,
                                   &out->baseline)
                && readBounds(o, place, out);
        case LessonCheckKind::Observation:
            return readEnum(o.value(ScenarioKey::observation), at(place, ScenarioKey::observation),
                            &out->observation)
                && readBounds(o, place, out);
        case LessonCheckKind::Outcome: return readOutcomeCheck(o, place, out);
        case LessonCheckKind::Overlap:
            return readBool(o.value(ScenarioKey::overlap), at(place, ScenarioKey::overlap), &out->overlap);
        }
        return false;
    }

    bool readBounds(const QJsonObject& o, const QString& place, LessonCheck* out)
    {
        const auto bound = [&](QLatin1String key, std::optional<double>* into) {
            return ifPresent(o, key, [&](const QJsonValue& b) {
                double value = 0;
                return readNumber(b, at(place, key), 0, Limits::maxCheckBound, &value)
                    && (*into = value, true);
            });
        };
        if (!bound(ScenarioKey::atLeast, &out->atLeast) || !bound(ScenarioKey::atMost, &out->atMost))
            return false;
        if (!out->atLeast && !out->atMost)
            return fail(place, tr("needs \"atLeast\", \"atMost\" or both"));
        if (out->atLeast && out->atMost && *out->atMost < *out->atLeast)
            return fail(at(place, ScenarioKey::atMost), tr("must be at least \"atLeast\" (%1), got %2")
                                                                 .arg(numberText(*out->atLeast), numberText(*out->atMost)));
        return true;
    }

    bool readOutcomeCheck(const QJsonObject& o, const QString& place, LessonCheck* out)
    {
        static const std::vector<std::string_view> outcomes {
            workerStateName(WorkerState::Finished), workerStateName(WorkerState::Crashed),
            workerStateName(WorkerState::Abandoned), workerStateName(WorkerState::Cancelled)};
        static const WorkerState states[] {WorkerState::Finished, WorkerState::Crashed, WorkerState::Abandoned,
                                           WorkerState::Cancelled};
        std::size_t index = 0;
        if (!readChoice(o.value(ScenarioKey::outcome), at(place, ScenarioKey::outcome), outcomes, &index))
            return false;
        out->outcome = states[index];
        const QString workersPlace = at(place, ScenarioKey::workers);
        return ifPresent(o, ScenarioKey::count, [&](const QJsonValue& c) { return readEnum(c, at(place, ScenarioKey::count), &out->quota); })
            && ifPresent(o, ScenarioKey::workers, [&](const QJsonValue& w) {
                   QJsonArray names;
                   if (!readArray(w, workersPlace, 1, Limits::maxGroupsPerVariant, tr("worker names"), &names))
                       return false;
                   for (qsizetype i = 0; i < names.size(); ++i) {
                       QString name;
                       if (!readString(names.at(i), at(workersPlace, i), 1, Limits::maxNameChars, &name))
                           return false;
                       out->workers << name;
                   }
                   return true;
               });
    }

    // A variant of this scenario, or a step of a sweep variant: "threads×2".
    bool readVariantName(const QJsonValue& v, const QString& place, const Scenario& s, QString* out)
    {
        if (!readString(v, place, 1, Limits::maxVariantNameChars + 4, out))
            return false;
        QStringList names;
        for (const VariantSpec& variant : s.variants) {
            names << (variant.sweep ? variant.name + QStringLiteral("×N") : variant.name);
            if (variant.name == *out && !variant.sweep)
                return true;
            bool isStep = false;
            const qsizetype cut = variant.name.size() + 1;
            if (variant.sweep && out->startsWith(variant.name + QStringLiteral("×"))
                && out->mid(cut).toInt(&isStep) > 0 && isStep && !out->mid(cut).startsWith(QLatin1Char('+')))
                return true;
        }
        return fail(place, tr("no variant named %1 (variants: %2)").arg(quoted(*out), choiceList(names)));
    }

    bool readVariant(const QJsonValue& v, const QString& place, int defaultWorkers, VariantSpec* out)
    {
        static const QStringList allowed {
            ScenarioKey::name, ScenarioKey::mode, ScenarioKey::pattern, ScenarioKey::join,
            ScenarioKey::receive, ScenarioKey::sweep, ScenarioKey::description,
            ScenarioKey::main, ScenarioKey::workers};
        static const QStringList required {ScenarioKey::name, ScenarioKey::mode, ScenarioKey::workers};
        QJsonObject o;
        if (!readObject(v, place, tr("a variant object"), &o) || !checkKeys(o, place, allowed, required))
            return false;
        const bool simpleOk =
            readString(o.value(ScenarioKey::name), at(place, ScenarioKey::name), 1,
                       Limits::maxVariantNameChars, &out->name)
            && readEnum(o.value(ScenarioKey::mode), at(place, ScenarioKey::mode), &out->mode)
            && ifPresent(o, ScenarioKey::pattern,
                        [&](const QJsonValue& p) { return readEnum(p, at(place, ScenarioKey::pattern), &out->pattern); })
            && ifPresent(o, ScenarioKey::join,
                        [&](const QJsonValue& j) { return readEnum(j, at(place, ScenarioKey::join), &out->join); })
            && ifPresent(o, ScenarioKey::receive,
                        [&](const QJsonValue& r) { return readBool(r, at(place, ScenarioKey::receive), &out->receive); })
            && ifPresent(o, ScenarioKey::sweep,
                        [&](const QJsonValue& w) { return readBool(w, at(place, ScenarioKey::sweep), &out->sweep); })
            && ifPresent(o, ScenarioKey::description, [&](const QJsonValue& d) {
                   return readText(d, at(place, ScenarioKey::description), 0, Limits::maxDescriptionChars,
                                   &out->description, &out->descriptionTranslations);
               });
        return simpleOk
            && ifPresent(o, ScenarioKey::main, [&](const QJsonValue& m) { return readMain(m, at(place, ScenarioKey::main), out); })
            && readGroups(o, place, defaultWorkers, out);
    }

    bool readMain(const QJsonValue& m, const QString& mainPlace, VariantSpec* out)
    {
        QJsonArray tasks;
        if (!readArray(m, mainPlace, 0, Limits::maxTasksPerWorker, tr("tasks"), &tasks))
            return false;
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            TaskSpec task;
            if (!readTask(tasks.at(i), at(mainPlace, i), TaskPlace {true, out->mode}, &task))
                return false;
            // "split" shares work among a group's workers; main is one, so it does all of it.
            task.splitParts = 1;
            out->mainTasks.push_back(std::move(task));
        }
        return true;
    }

    bool readGroups(const QJsonObject& o, const QString& place, int defaultWorkers, VariantSpec* out)
    {
        const QString groupsPlace = at(place, ScenarioKey::workers);
        QJsonArray groups;
        if (!readArray(o.value(ScenarioKey::workers), groupsPlace, 1, Limits::maxGroupsPerVariant,
                       tr("worker groups"), &groups))
            return false;
        qint64 total = 0;
        bool sends = false;
        for (qsizetype i = 0; i < groups.size(); ++i) {
            WorkerGroup group;
            if (!readGroup(groups.at(i), at(groupsPlace, i), TaskPlace {false, out->mode}, &group))
                return false;
            total += group.scalable && defaultWorkers > 0 ? defaultWorkers : group.count;
            for (const TaskSpec& t : group.tasks)
                sends = sends || TaskCatalogue::find(t.kind)->effect == TaskEffect::SendsOverQueue;
            out->groups.push_back(std::move(group));
        }
        if (total > Limits::maxWorkersPerVariant)
            return fail(groupsPlace, tr("the groups add up to %1 workers (scalable groups counted as "
                                        "defaults.workers); at most %2 are allowed in a variant")
                                         .arg(total)
                                         .arg(Limits::maxWorkersPerVariant));
        if (out->receive && !sends)
            return fail(at(place, ScenarioKey::receive),
                        tr("\"receive\": true needs at least one \"send\" task among the workers, and "
                           "this variant has none"));
        return true;
    }

    bool readGroup(const QJsonValue& v, const QString& place, const TaskPlace& where, WorkerGroup* out)
    {
        static const QStringList allowed {ScenarioKey::name, ScenarioKey::count, ScenarioKey::scalable,
                                          ScenarioKey::daemon, ScenarioKey::style, ScenarioKey::tasks};
        static const QStringList required {ScenarioKey::name, ScenarioKey::tasks};
        QJsonObject o;
        if (!readObject(v, place, tr("a worker group object"), &o) || !checkKeys(o, place, allowed, required))
            return false;
        const bool simpleOk =
            readString(o.value(ScenarioKey::name), at(place, ScenarioKey::name), 1, Limits::maxNameChars,
                       &out->name)
            && ifPresent(o, ScenarioKey::count,
                        [&](const QJsonValue& c) {
                            return readInt(c, at(place, ScenarioKey::count), 1, Limits::maxWorkersPerVariant,
                                           &out->count);
                        })
            && ifPresent(o, ScenarioKey::scalable,
                        [&](const QJsonValue& s) { return readBool(s, at(place, ScenarioKey::scalable), &out->scalable); })
            && ifPresent(o, ScenarioKey::daemon,
                        [&](const QJsonValue& d) { return readBool(d, at(place, ScenarioKey::daemon), &out->daemon); })
            && ifPresent(o, ScenarioKey::style,
                        [&](const QJsonValue& s) { return readEnum(s, at(place, ScenarioKey::style), &out->style); });
        if (!simpleOk)
            return false;

        const QString tasksPlace = at(place, ScenarioKey::tasks);
        QJsonArray tasks;
        if (!readArray(o.value(ScenarioKey::tasks), tasksPlace, 1, Limits::maxTasksPerWorker, tr("tasks"), &tasks))
            return false;
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            TaskSpec task;
            if (!readTask(tasks.at(i), at(tasksPlace, i), where, &task))
                return false;
            // splitParts 0 ("split": true) marks work the planner shares among the group's workers.
            out->splitCpu = out->splitCpu || task.splitParts == 0;
            out->tasks.push_back(std::move(task));
        }
        return true;
    }

    bool readTask(const QJsonValue& v, const QString& place, const TaskPlace& where, TaskSpec* out)
    {
        QJsonObject o;
        const TaskKindInfo* info = nullptr;
        if (!readObject(v, place, tr("a task object"), &o) || !readTaskKind(o, place, &info))
            return false;
        out->kind = info->kind;
        if (info->processWorkersOnly && (where.inMain || where.mode != VariantMode::Processes))
            return fail(place, processWorkersOnlyRule(info->kind, where));

        QStringList allowed {ScenarioKey::kind};
        QStringList required {ScenarioKey::kind};
        for (const TaskKey& key : info->keys) {
            allowed << latin(TaskCatalogue::field(key.field).key);
            if (key.required)
                required << allowed.last();
        }
        if (!checkKeys(o, place, allowed, required))
            return false;
        // "text" first, then the kind's keys in their order: the first problem reported is stable.
        for (const TaskKey& key : info->keys)
            if (key.field == TaskField::Text && !readTaskKey(o, place, key, out))
                return false;
        for (const TaskKey& key : info->keys)
            if (key.field != TaskField::Text && !readTaskKey(o, place, key, out))
                return false;
        return true;
    }

    bool readTaskKind(const QJsonObject& o, const QString& place, const TaskKindInfo** info)
    {
        const QString kindKey = ScenarioKey::kind;
        if (!o.contains(kindKey))
            return fail(place, tr("missing required key \"kind\""));
        const QJsonValue kindValue = o.value(kindKey);
        const std::optional<TaskKind> kind =
            kindValue.isString() ? enumFromName<TaskKind>(kindValue.toString().toStdString()) : std::nullopt;
        *info = kind ? TaskCatalogue::find(*kind) : nullptr;
        if (*info)
            return true;
        QStringList kinds;
        for (const TaskKindInfo& k : TaskCatalogue::kinds())
            kinds << enumText(k.kind);
        return fail(at(place, kindKey),
                    kindValue.isString()
                        ? tr("unknown task kind %1 (allowed: %2)").arg(quoted(kindValue.toString()), joined(kinds))
                        : tr("must be a task kind (%1), got %2").arg(joined(kinds), describe(kindValue)));
    }

    static QString processWorkersOnlyRule(TaskKind kind, const TaskPlace& where)
    {
        const QString name = enumText(kind);
        const QString processes = enumText(VariantMode::Processes);
        if (where.inMain)
            return tr("a \"%1\" task cannot run in main: %1 tasks are only allowed in the workers of a \"%2\" variant")
                .arg(name, processes);
        return tr("a \"%1\" task is only allowed in the workers of a \"%2\" variant, and this variant's mode is \"%3\"")
            .arg(name, processes, enumText(where.mode));
    }

    // One key of a task, when present, checked against its field in TaskCatalogue.
    bool readTaskKey(const QJsonObject& o, const QString& place, const TaskKey& key, TaskSpec* out)
    {
        const TaskFieldInfo& f = TaskCatalogue::field(key.field);
        const QString name = latin(f.key);
        if (!o.contains(name))
            return true;
        const QString keyPlace = at(place, name);
        if (key.onlyWith) {
            const TaskFieldInfo& with = TaskCatalogue::field(*key.onlyWith);
            if (with.get(*out) != key.onlyWithValue)
                return fail(keyPlace, tr("only means something with \"%1\": \"%2\"")
                                          .arg(latin(with.key), latin(with.choices.name(key.onlyWithValue))));
        }
        if (!readTaskValue(o.value(name), keyPlace, f, key, out))
            return false;
        if (f.atLeast) {
            const TaskFieldInfo& floor = TaskCatalogue::field(*f.atLeast);
            if (f.get(*out) < floor.get(*out))
                return fail(keyPlace,
                            tr("must be at least %1 (%2), got %3").arg(latin(floor.key)).arg(floor.get(*out)).arg(f.get(*out)));
        }
        return true;
    }

    bool readTaskValue(const QJsonValue& v, const QString& place, const TaskFieldInfo& f, const TaskKey& key,
                       TaskSpec* out)
    {
        const std::int64_t min = key.min.value_or(f.type == TaskFieldType::Items ? 0 : f.min);
        std::int64_t value = 0;
        bool flag = false;
        std::size_t choice = 0;
        switch (f.type) {
        case TaskFieldType::Whole:
            return readInt(v, place, min, f.max, &value) && (f.set(*out, value), true);
        case TaskFieldType::Flag:
            return readBool(v, place, &flag) && (f.set(*out, flag ? 1 : 0), true);
        case TaskFieldType::Choice: {
            const std::vector<std::string_view> names = f.choices.names();
            return readChoice(v, place, names, &choice) && (f.set(*out, *f.choices.value(names[choice])), true);
        }
        case TaskFieldType::Text: {
            QString text;
            if (!readString(v, place, 0, f.max, &text))
                return false;
            out->text = text.toStdString();
            return true;
        }
        case TaskFieldType::Items: return readItems(v, place, f, min, out);
        }
        return false;
    }

    bool readItems(const QJsonValue& v, const QString& place, const TaskFieldInfo& f, std::int64_t fewest,
                   TaskSpec* out)
    {
        QJsonArray items;
        if (!readArray(v, place, fewest, Limits::maxItems, tr("whole numbers"), &items))
            return false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            std::int64_t item = 0;
            if (!readInt(items.at(i), at(place, i), f.min, f.max, &item))
                return false;
            out->items.push_back(item);
        }
        return true;
    }

    QString m_file;
    QString m_error;
};

} // namespace

std::optional<Scenario> ScenarioLoader::loadFile(const QString& path, QString* error)
{
    const QString shown = StrictJsonScanner::printable(path, -1);
    const auto refuse = [&](const QString& why) -> std::optional<Scenario> {
        if (error)
            *error = tr("%1: cannot read the file: %2").arg(shown, why);
        return std::nullopt;
    };
    if (path.isEmpty())
        return refuse(tr("no file name was given"));
    const QFileInfo info(path);
    if (!info.exists())
        return refuse(tr("it does not exist"));
    if (info.isDir())
        return refuse(tr("it is a directory"));
    if (!info.isFile())
        return refuse(tr("it is not a regular file"));
    if (info.size() > maxFileBytes) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(shown, tooLarge(info.size()));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(info.isReadable() ? file.errorString() : tr("permission denied"));
    // Read one byte past the limit, so a file that grew since the size check is still refused.
    const QByteArray bytes = file.read(maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refuse(file.errorString());
    return loadJson(bytes, path, error);
}

QString ScenarioLoader::tooLarge(qint64 bytes)
{
    return tr("the file is too large: %1 bytes, and at most %2 MiB (%3 bytes) is allowed")
        .arg(bytes)
        .arg(maxFileBytes / (1024 * 1024))
        .arg(maxFileBytes);
}

qsizetype ScenarioLoader::characterCount(const QString& s)
{
    qsizetype n = s.size();
    for (qsizetype i = 0; i + 1 < s.size(); ++i)
        if (s[i].isHighSurrogate() && s[i + 1].isLowSurrogate())
            --n;
    return n;
}

std::optional<Scenario> ScenarioLoader::loadJson(const QByteArray& json, const QString& fileName, QString* error)
{
    const QString shown = StrictJsonScanner::printable(fileName, -1);
    QString problem;
    std::optional<QJsonObject> root;
    if (json.size() > maxFileBytes)
        problem = tooLarge(json.size());
    else
        root = StrictJsonScanner::parse(json, &problem);
    if (!root) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(shown, problem);
        return std::nullopt;
    }
    Reader reader(shown);
    std::optional<Scenario> scenario = reader.read(*root);
    if (!scenario) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    scenario->sourcePath = fileName;
    if (error)
        error->clear();
    return scenario;
}

} // namespace ThreadLab
