#include "scenario/scenarioloader.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QSet>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

namespace ThreadLab {

namespace {

constexpr qsizetype kEchoChars = 40; // how much of a bad value an error message repeats

// Errors must stay on one line whatever the file holds: control and line-separator characters
// are shown escaped, and long values are cut (maxChars < 0: never cut).
QString printable(QStringView text, qsizetype maxChars = kEchoChars)
{
    QString out;
    qsizetype chars = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (maxChars >= 0 && chars == maxChars && !c.isLowSurrogate()) {
            out += QChar(0x2026); // …
            break;
        }
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QLatin1String("\\n");
        else if (u == u'\r')
            out += QLatin1String("\\r");
        else if (u == u'\t')
            out += QLatin1String("\\t");
        else if (u < 0x20 || u == 0x7f || u == 0x85 || u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
        if (!c.isHighSurrogate())
            ++chars;
    }
    return out;
}

QString quoted(QStringView text)
{
    return QLatin1Char('"') + printable(text) + QLatin1Char('"');
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
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QStringLiteral("the number %1").arg(numberText(v.toDouble()));
    case QJsonValue::String: return QStringLiteral("a string (%1)").arg(quoted(v.toString()));
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString lineColumn(const QByteArray& bytes, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, bytes.size());
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == '\n') {
            ++line;
            column = 1;
        } else if ((b & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// Offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF), or -1. QJsonDocument would quietly substitute U+FFFD.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            length = 3;
        } else if (c == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (c == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            length = 4;
        } else if (c == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return i;
        }
        if (i + length > n || p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        i += length;
    }
    return -1;
}

struct TextProblem
{
    qsizetype offset = -1; // -1: none found
    QString problem;
};

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// QJsonDocument accepts what strict JSON does not (unknown escapes such as \q, raw control
// characters inside strings) and silently keeps only the last of repeated keys. This lexical
// pass finds those; syntax it cannot follow is left to QJsonDocument's own error.
TextProblem strictScan(const QByteArray& bytes)
{
    struct Level
    {
        bool isObject = false;
        QSet<QByteArray> keys;
    };
    std::vector<Level> levels; // a stack, not recursion: nesting depth is up to the file
    const char* p = bytes.constData();
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == '{' || c == '[') {
            levels.push_back(Level {c == '{', {}});
            continue;
        }
        if (c == '}' || c == ']') {
            if (!levels.empty())
                levels.pop_back();
            continue;
        }
        // Outside strings these are never JSON, and QJsonDocument's own message would not say why.
        if (c == '/')
            return {i, QStringLiteral("JSON syntax error: JSON has no comments (// or /* */)")};
        if (c == '\'')
            return {i, QStringLiteral("JSON syntax error: strings and keys need double quotes, not single quotes")};
        if (c == ',') {
            qsizetype j = i + 1;
            while (j < n && isJsonSpace(p[j]))
                ++j;
            if (j < n && (p[j] == '}' || p[j] == ']'))
                return {i, QStringLiteral("JSON syntax error: a comma before \"%1\" (JSON allows no comma after the "
                                          "last item)")
                               .arg(QLatin1Char(p[j]))};
            continue;
        }
        if (c != '"')
            continue;
        const qsizetype start = i;
        bool closed = false;
        for (++i; i < n; ++i) {
            const auto s = static_cast<unsigned char>(p[i]);
            if (s == '"') {
                closed = true;
                break;
            }
            if (s < 0x20)
                return {i, QStringLiteral("JSON syntax error: a control character (byte 0x%1) inside a string; "
                                          "write a line break as \\n")
                               .arg(int(s), 2, 16, QLatin1Char('0'))};
            if (s != '\\' || i + 1 >= n)
                continue;
            const char e = p[i + 1];
            if (e == 'u') {
                for (int k = 2; k <= 5; ++k)
                    if (i + k >= n || !isHexDigit(p[i + k]))
                        return {i, QStringLiteral("JSON syntax error: invalid escape sequence in a string "
                                                  "(\\u needs four hex digits)")};
                i += 5;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                       || e == 't') {
                ++i;
            } else {
                const bool shown = e > 0x20 && e < 0x7f;
                return {i, QStringLiteral("JSON syntax error: invalid escape sequence %1in a string "
                                          "(allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                               .arg(shown ? QStringLiteral("\"\\%1\" ").arg(QLatin1Char(e)) : QString())};
            }
        }
        if (!closed)
            return {};
        // A string followed by ':' inside an object is a key.
        qsizetype j = i + 1;
        while (j < n && isJsonSpace(p[j]))
            ++j;
        if (j < n && p[j] == ':' && !levels.empty() && levels.back().isObject) {
            QByteArray key(p + start + 1, i - start - 1);
            if (key.contains('\\')) {
                // Compare keys as JSON reads them: "ti\u0074le" is "title" again.
                const QJsonDocument decoded = QJsonDocument::fromJson('[' + QByteArray(p + start, i - start + 1) + ']');
                if (decoded.isArray())
                    key = decoded.array().at(0).toString().toUtf8();
            }
            if (levels.back().keys.contains(key))
                return {start, QStringLiteral("duplicate key %1: each key may appear only once in an object")
                                   .arg(quoted(QString::fromUtf8(key)))};
            levels.back().keys.insert(key);
        }
    }
    return {};
}

QString syntaxProblem(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError: break;
    case QJsonParseError::UnterminatedObject: return QStringLiteral("unterminated object (a \"}\" or a \",\" is missing)");
    case QJsonParseError::MissingNameSeparator: return QStringLiteral("missing \":\" after a key");
    case QJsonParseError::UnterminatedArray: return QStringLiteral("unterminated array (a \"]\" or a \",\" is missing)");
    case QJsonParseError::MissingValueSeparator: return QStringLiteral("missing \",\" between values");
    case QJsonParseError::IllegalValue:
        return QStringLiteral("not a value (strings need double quotes; true, false and null are lower case; "
                              "JSON has no comments)");
    case QJsonParseError::TerminationByNumber: return QStringLiteral("the file ends inside a number");
    case QJsonParseError::IllegalNumber: return QStringLiteral("not a valid number");
    case QJsonParseError::IllegalEscapeSequence: return QStringLiteral("invalid escape sequence in a string");
    case QJsonParseError::IllegalUTF8String: return QStringLiteral("invalid UTF-8 in a string");
    case QJsonParseError::UnterminatedString: return QStringLiteral("unterminated string");
    case QJsonParseError::MissingObject: return QStringLiteral("a key in double quotes was expected after the comma");
    case QJsonParseError::DeepNesting: return QStringLiteral("nested too deeply (arrays and objects more than 1024 levels inside each other)");
    case QJsonParseError::DocumentTooLarge: return QStringLiteral("the document is too large");
    case QJsonParseError::GarbageAtEnd: return QStringLiteral("unexpected text after the end of the top-level object");
    }
    return QStringLiteral("unknown error");
}

QString joined(const QStringList& names)
{
    return names.join(QStringLiteral(", "));
}

QString choiceList(const QStringList& names)
{
    QStringList q;
    for (const QString& name : names)
        q << QLatin1Char('"') + name + QLatin1Char('"');
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

template<typename E>
struct Choice
{
    const char* name;
    E value;
};

// Walks a parsed scenario and stops at the first problem, which it keeps as one line.
class Reader
{
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
                return fail(place, QStringLiteral("unknown key %1 (allowed: %2)").arg(quoted(key), joined(allowed)));
        for (const QString& key : required)
            if (!object.contains(key))
                return fail(place, QStringLiteral("missing required key \"%1\"").arg(key));
        return true;
    }

    bool readObject(const QJsonValue& v, const QString& place, const QString& what, QJsonObject* out)
    {
        if (!v.isObject())
            return fail(place, QStringLiteral("must be %1, got %2").arg(what, describe(v)));
        *out = v.toObject();
        return true;
    }

    bool readArray(const QJsonValue& v, const QString& place, qsizetype min, qsizetype max, const QString& items,
                   QJsonArray* out)
    {
        const QString rule = min > 0 ? QStringLiteral("an array of %1 to %2 %3").arg(min).arg(max).arg(items)
                                     : QStringLiteral("an array of at most %1 %2").arg(max).arg(items);
        if (!v.isArray())
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, describe(v)));
        const QJsonArray a = v.toArray();
        if (a.size() < min || a.size() > max)
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule).arg(a.size()));
        *out = a;
        return true;
    }

    bool readString(const QJsonValue& v, const QString& place, qsizetype min, qsizetype max, QString* out)
    {
        const QString rule = min > 0 ? QStringLiteral("a string of %1 to %2 characters").arg(min).arg(max)
                                     : QStringLiteral("a string of at most %1 characters").arg(max);
        if (!v.isString())
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, describe(v)));
        const QString s = v.toString();
        const qsizetype n = ScenarioLoader::characterCount(s);
        if (n < min || n > max)
            return fail(place, QStringLiteral("must be %1, got %2")
                                   .arg(rule, n == 0 ? QStringLiteral("an empty string")
                                                     : QStringLiteral("%1 characters").arg(n)));
        *out = s;
        return true;
    }

    // JSON has one number type: a whole-valued number (5, 5.0, 5e0) is an integer here; 1.5, 1e300
    // and 9223372036854775808 are refused with the allowed range.
    bool readInt(const QJsonValue& v, const QString& place, std::int64_t min, std::int64_t max, std::int64_t* out)
    {
        const QString rule = QStringLiteral("a whole number from %1 to %2").arg(min).arg(max);
        if (!v.isDouble())
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, describe(v)));
        const double d = v.toDouble();
        if (!std::isfinite(d) || std::floor(d) != d || d < double(min) || d > double(max))
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, numberText(d)));
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
        const QString rule = QStringLiteral("a number from %1 to %2").arg(numberText(min), numberText(max));
        if (!v.isDouble())
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, describe(v)));
        if (!std::isfinite(v.toDouble()) || v.toDouble() < min || v.toDouble() > max)
            return fail(place, QStringLiteral("must be %1, got %2").arg(rule, numberText(v.toDouble())));
        *out = v.toDouble();
        return true;
    }

    bool readBool(const QJsonValue& v, const QString& place, bool* out)
    {
        if (!v.isBool())
            return fail(place, QStringLiteral("must be true or false, got %1").arg(describe(v)));
        *out = v.toBool();
        return true;
    }

    template<typename E>
    bool readChoice(const QJsonValue& v, const QString& place, std::initializer_list<Choice<E>> choices, E* out)
    {
        QStringList names;
        for (const Choice<E>& c : choices)
            names << QString::fromLatin1(c.name);
        for (const Choice<E>& c : choices) {
            if (v.isString() && v.toString() == QLatin1String(c.name)) {
                *out = c.value;
                return true;
            }
        }
        return fail(place, QStringLiteral("must be one of %1, got %2")
                               .arg(choiceList(names), v.isString() ? quoted(v.toString()) : describe(v)));
    }

    // The optional keys below: read only when present, the struct's default stays otherwise.
    template<typename Fn>
    bool ifPresent(const QJsonObject& o, const char* key, Fn&& readIt)
    {
        const QString k = QString::fromLatin1(key);
        return !o.contains(k) || readIt(o.value(k));
    }

    bool readScenario(const QJsonObject& root, Scenario* s)
    {
        static const QStringList allowed {
            QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("concept"),
            QStringLiteral("group"), QStringLiteral("explanation"), QStringLiteral("vocabulary"),
            QStringLiteral("code"), QStringLiteral("defaults"), QStringLiteral("variants")};
        static const QStringList required {
            QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("concept"),
            QStringLiteral("group"), QStringLiteral("explanation"), QStringLiteral("code"),
            QStringLiteral("variants")};

        // The format first: a newer file is better told "newer format" than "unknown key".
        if (root.contains(QLatin1String("format"))) {
            const QJsonValue f = root.value(QLatin1String("format"));
            if (!f.isDouble() || f.toDouble() != 1.0) {
                if (f.isDouble() && std::isfinite(f.toDouble()) && std::floor(f.toDouble()) == f.toDouble()
                    && f.toDouble() > 1.0)
                    return fail(QStringLiteral("format"),
                                QStringLiteral("unsupported format %1: this version of ThreadLab reads format 1")
                                    .arg(numberText(f.toDouble())));
                return fail(QStringLiteral("format"), QStringLiteral("must be 1, got %1").arg(describe(f)));
            }
        }
        if (!checkKeys(root, QString(), allowed, required))
            return false;

        const QString id = QStringLiteral("id");
        if (!readString(root.value(id), id, 1, 40, &s->id))
            return false;
        if (!isValidId(s->id))
            return fail(id, QStringLiteral("must be 1 to 40 characters of a-z, 0-9 and \"-\", starting with a "
                                           "letter, got %1")
                                .arg(quoted(s->id)));

        if (!readString(root.value(QLatin1String("title")), QStringLiteral("title"), 1, 80, &s->title))
            return false;

        const QJsonValue conceptValue = root.value(QLatin1String("concept"));
        bool conceptOk = false;
        if (conceptValue.isString()) {
            const QString c = conceptValue.toString();
            for (int i = 1; i <= 14 && !conceptOk; ++i)
                conceptOk = c == QStringLiteral("C%1").arg(i);
        }
        if (!conceptOk)
            return fail(QStringLiteral("concept"),
                        QStringLiteral("must be one of \"C1\" … \"C14\", got %1")
                            .arg(conceptValue.isString() ? quoted(conceptValue.toString()) : describe(conceptValue)));
        s->conceptId = conceptValue.toString();

        if (!readString(root.value(QLatin1String("group")), QStringLiteral("group"), 1, 60, &s->group))
            return false;
        if (!readString(root.value(QLatin1String("explanation")), QStringLiteral("explanation"), 1, 2000,
                        &s->explanation))
            return false;

        const bool vocabularyOk = ifPresent(root, "vocabulary", [&](const QJsonValue& v) {
            const QString place = QStringLiteral("vocabulary");
            QJsonArray terms;
            if (!readArray(v, place, 0, 20, QStringLiteral("strings"), &terms))
                return false;
            for (qsizetype i = 0; i < terms.size(); ++i) {
                QString term;
                if (!readString(terms.at(i), at(place, i), 1, 40, &term))
                    return false;
                s->vocabulary << term;
            }
            return true;
        });
        if (!vocabularyOk)
            return false;

        if (!readCode(root.value(QLatin1String("code")), s))
            return false;
        const bool defaultsOk = ifPresent(root, "defaults", [&](const QJsonValue& v) { return readDefaults(v, s); });
        if (!defaultsOk)
            return false;

        const QString place = QStringLiteral("variants");
        QJsonArray variants;
        if (!readArray(root.value(place), place, 1, Limits::maxVariants, QStringLiteral("variants"), &variants))
            return false;
        QHash<QString, qsizetype> firstUse;
        for (qsizetype i = 0; i < variants.size(); ++i) {
            VariantSpec variant;
            if (!readVariant(variants.at(i), at(place, i), s->defaultWorkers, &variant))
                return false;
            if (firstUse.contains(variant.name))
                return fail(at(at(place, i), QStringLiteral("name")),
                            QStringLiteral("duplicate variant name %1 (also used by variants[%2]); names must be "
                                           "unique")
                                .arg(quoted(variant.name))
                                .arg(firstUse.value(variant.name)));
            firstUse.insert(variant.name, i);
            s->variants.push_back(std::move(variant));
        }
        return true;
    }

    bool readCode(const QJsonValue& v, Scenario* s)
    {
        const QString place = QStringLiteral("code");
        static const QStringList keys {QStringLiteral("python"), QStringLiteral("cpp")};
        QJsonObject code;
        if (!readObject(v, place, QStringLiteral("an object with the keys \"python\" and \"cpp\""), &code)
            || !checkKeys(code, place, keys, keys))
            return false;
        return readString(code.value(QLatin1String("python")), at(place, QStringLiteral("python")), 1, 4000,
                          &s->pythonCode)
            && readString(code.value(QLatin1String("cpp")), at(place, QStringLiteral("cpp")), 1, 4000, &s->cppCode);
    }

    bool readDefaults(const QJsonValue& v, Scenario* s)
    {
        const QString place = QStringLiteral("defaults");
        static const QStringList keys {QStringLiteral("workers"), QStringLiteral("timeScale")};
        QJsonObject d;
        if (!readObject(v, place, QStringLiteral("an object"), &d) || !checkKeys(d, place, keys, {}))
            return false;
        return ifPresent(d, "workers",
                        [&](const QJsonValue& w) {
                            return readInt(w, at(place, QStringLiteral("workers")), 1,
                                           Limits::maxWorkersPerVariant, &s->defaultWorkers);
                        })
            && ifPresent(d, "timeScale", [&](const QJsonValue& t) {
                   return readNumber(t, at(place, QStringLiteral("timeScale")), Limits::minTimeScale,
                                     Limits::maxTimeScale, &s->defaultTimeScale);
               });
    }

    bool readVariant(const QJsonValue& v, const QString& place, int defaultWorkers, VariantSpec* out)
    {
        static const QStringList allowed {
            QStringLiteral("name"), QStringLiteral("mode"), QStringLiteral("pattern"), QStringLiteral("join"),
            QStringLiteral("receive"), QStringLiteral("sweep"), QStringLiteral("description"),
            QStringLiteral("main"), QStringLiteral("workers")};
        static const QStringList required {QStringLiteral("name"), QStringLiteral("mode"), QStringLiteral("workers")};
        QJsonObject o;
        if (!readObject(v, place, QStringLiteral("a variant object"), &o) || !checkKeys(o, place, allowed, required))
            return false;

        if (!readString(o.value(QLatin1String("name")), at(place, QStringLiteral("name")), 1, 40, &out->name))
            return false;
        if (!readChoice(o.value(QLatin1String("mode")), at(place, QStringLiteral("mode")),
                        {Choice<VariantMode> {"sequential", VariantMode::Sequential},
                         Choice<VariantMode> {"threads", VariantMode::Threads},
                         Choice<VariantMode> {"processes", VariantMode::Processes}},
                        &out->mode))
            return false;
        const bool simpleOk =
            ifPresent(o, "pattern",
                     [&](const QJsonValue& p) {
                         return readChoice(p, at(place, QStringLiteral("pattern")),
                                           {Choice<StartPattern> {"start-all-then-join-all", StartPattern::StartAllThenJoinAll},
                                            Choice<StartPattern> {"start-join-in-loop", StartPattern::StartJoinInLoop}},
                                           &out->pattern);
                     })
            && ifPresent(o, "join",
                        [&](const QJsonValue& j) {
                            return readChoice(j, at(place, QStringLiteral("join")),
                                              {Choice<JoinPolicy> {"all", JoinPolicy::All},
                                               Choice<JoinPolicy> {"non-daemon", JoinPolicy::NonDaemon},
                                               Choice<JoinPolicy> {"none", JoinPolicy::None}},
                                              &out->join);
                        })
            && ifPresent(o, "receive",
                        [&](const QJsonValue& r) { return readBool(r, at(place, QStringLiteral("receive")), &out->receive); })
            && ifPresent(o, "sweep",
                        [&](const QJsonValue& w) { return readBool(w, at(place, QStringLiteral("sweep")), &out->sweep); })
            && ifPresent(o, "description", [&](const QJsonValue& d) {
                   return readString(d, at(place, QStringLiteral("description")), 0, 300, &out->description);
               });
        if (!simpleOk)
            return false;

        const bool mainOk = ifPresent(o, "main", [&](const QJsonValue& m) {
            const QString mainPlace = at(place, QStringLiteral("main"));
            QJsonArray tasks;
            if (!readArray(m, mainPlace, 0, Limits::maxTasksPerWorker, QStringLiteral("tasks"), &tasks))
                return false;
            const QString noCrash = QStringLiteral("a \"crash\" task cannot run in main: crash tasks are only allowed "
                                                   "in the workers of a \"processes\" variant");
            for (qsizetype i = 0; i < tasks.size(); ++i) {
                TaskSpec task;
                if (!readTask(tasks.at(i), at(mainPlace, i), noCrash, &task))
                    return false;
                // "split" shares work among a group's workers; main is one, so it does all of it.
                out->mainTasks.push_back(std::move(task));
            }
            return true;
        });
        if (!mainOk)
            return false;

        const QString groupsPlace = at(place, QStringLiteral("workers"));
        QJsonArray groups;
        if (!readArray(o.value(QLatin1String("workers")), groupsPlace, 1, 64, QStringLiteral("worker groups"), &groups))
            return false;
        const QString crashRule =
            out->mode == VariantMode::Processes
                ? QString()
                : QStringLiteral("a \"crash\" task is only allowed in the workers of a \"processes\" variant, and "
                                 "this variant's mode is \"%1\"")
                      .arg(variantModeName(out->mode));
        qint64 total = 0;
        bool sends = false;
        for (qsizetype i = 0; i < groups.size(); ++i) {
            WorkerGroup group;
            if (!readGroup(groups.at(i), at(groupsPlace, i), crashRule, &group))
                return false;
            total += group.scalable && defaultWorkers > 0 ? defaultWorkers : group.count;
            for (const TaskSpec& t : group.tasks)
                sends = sends || t.kind == TaskKind::Send;
            out->groups.push_back(std::move(group));
        }
        if (total > Limits::maxWorkersPerVariant)
            return fail(groupsPlace, QStringLiteral("the groups add up to %1 workers (scalable groups counted as "
                                                    "defaults.workers); at most %2 are allowed in a variant")
                                         .arg(total)
                                         .arg(Limits::maxWorkersPerVariant));
        if (out->receive && !sends)
            return fail(at(place, QStringLiteral("receive")),
                        QStringLiteral("\"receive\": true needs at least one \"send\" task among the workers, and "
                                       "this variant has none"));
        return true;
    }

    bool readGroup(const QJsonValue& v, const QString& place, const QString& crashRule, WorkerGroup* out)
    {
        static const QStringList allowed {QStringLiteral("name"), QStringLiteral("count"), QStringLiteral("scalable"),
                                          QStringLiteral("daemon"), QStringLiteral("style"), QStringLiteral("tasks")};
        static const QStringList required {QStringLiteral("name"), QStringLiteral("tasks")};
        QJsonObject o;
        if (!readObject(v, place, QStringLiteral("a worker group object"), &o) || !checkKeys(o, place, allowed, required))
            return false;
        const bool simpleOk =
            readString(o.value(QLatin1String("name")), at(place, QStringLiteral("name")), 1, Limits::maxNameChars,
                       &out->name)
            && ifPresent(o, "count",
                        [&](const QJsonValue& c) {
                            return readInt(c, at(place, QStringLiteral("count")), 1, Limits::maxWorkersPerVariant,
                                           &out->count);
                        })
            && ifPresent(o, "scalable",
                        [&](const QJsonValue& s) { return readBool(s, at(place, QStringLiteral("scalable")), &out->scalable); })
            && ifPresent(o, "daemon",
                        [&](const QJsonValue& d) { return readBool(d, at(place, QStringLiteral("daemon")), &out->daemon); })
            && ifPresent(o, "style", [&](const QJsonValue& s) {
                   return readChoice(s, at(place, QStringLiteral("style")),
                                     {Choice<ThreadStyle> {"subclass", ThreadStyle::Subclass},
                                      Choice<ThreadStyle> {"function", ThreadStyle::Function},
                                      Choice<ThreadStyle> {"object", ThreadStyle::Object}},
                                     &out->style);
               });
        if (!simpleOk)
            return false;

        const QString tasksPlace = at(place, QStringLiteral("tasks"));
        QJsonArray tasks;
        if (!readArray(o.value(QLatin1String("tasks")), tasksPlace, 1, Limits::maxTasksPerWorker,
                       QStringLiteral("tasks"), &tasks))
            return false;
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            TaskSpec task;
            bool split = false;
            if (!readTask(tasks.at(i), at(tasksPlace, i), crashRule, &task, &split))
                return false;
            if (split) {
                task.splitParts = 0; // marker: the planner shares the work among the group's workers
                out->splitCpu = true;
            }
            out->tasks.push_back(std::move(task));
        }
        return true;
    }

    // crashRule: why a crash task is refused here, or empty where it is allowed.
    bool readTask(const QJsonValue& v, const QString& place, const QString& crashRule, TaskSpec* out,
                  bool* split = nullptr)
    {
        QJsonObject o;
        if (!readObject(v, place, QStringLiteral("a task object"), &o))
            return false;
        const QString kindKey = QStringLiteral("kind");
        if (!o.contains(kindKey))
            return fail(place, QStringLiteral("missing required key \"kind\""));
        static const QStringList kinds {QStringLiteral("cpu"), QStringLiteral("wait"), QStringLiteral("random-wait"),
                                        QStringLiteral("print"), QStringLiteral("per-item"), QStringLiteral("append"),
                                        QStringLiteral("send"), QStringLiteral("increment"), QStringLiteral("crash")};
        const QJsonValue kindValue = o.value(kindKey);
        const std::optional<TaskKind> kind =
            kindValue.isString() ? taskKindFromName(kindValue.toString().toStdString()) : std::nullopt;
        if (!kind)
            return fail(at(place, kindKey),
                        kindValue.isString()
                            ? QStringLiteral("unknown task kind %1 (allowed: %2)").arg(quoted(kindValue.toString()), joined(kinds))
                            : QStringLiteral("must be a task kind (%1), got %2").arg(joined(kinds), describe(kindValue)));
        out->kind = *kind;
        if (*kind == TaskKind::Crash && !crashRule.isEmpty())
            return fail(place, crashRule);

        const auto keys = [](std::initializer_list<const char*> names) {
            QStringList list {QStringLiteral("kind")};
            for (const char* name : names)
                list << QString::fromLatin1(name);
            return list;
        };
        QStringList allowed;
        QStringList required;
        switch (*kind) {
        case TaskKind::Cpu: allowed = keys({"ms", "split", "text"}); required = keys({"ms"}); break;
        case TaskKind::Wait: allowed = keys({"ms", "text"}); required = keys({"ms"}); break;
        case TaskKind::RandomWait: allowed = keys({"minMs", "maxMs", "text"}); required = keys({"minMs", "maxMs"}); break;
        case TaskKind::Print: allowed = keys({"text", "repeat", "gapMs"}); required = keys({"text"}); break;
        case TaskKind::PerItem:
        case TaskKind::Append:
        case TaskKind::Send: allowed = keys({"items", "op", "ms", "cpuMs", "text"}); required = keys({"items"}); break;
        case TaskKind::Increment: allowed = keys({"times", "locked", "yield", "text"}); required = keys({"times"}); break;
        case TaskKind::Crash: allowed = keys({"how", "code", "ms"}); required = keys({"how"}); break;
        }
        if (!checkKeys(o, place, allowed, required))
            return false;

        const auto duration = [&](const char* key, std::int64_t min, std::int64_t* target) {
            return ifPresent(o, key, [&](const QJsonValue& d) {
                return readInt(d, at(place, QString::fromLatin1(key)), min, Limits::maxDurationMs, target);
            });
        };
        const auto flag = [&](const char* key, bool* target) {
            return ifPresent(o, key, [&](const QJsonValue& b) { return readBool(b, at(place, QString::fromLatin1(key)), target); });
        };
        QString text;
        const bool textOk = ifPresent(o, "text", [&](const QJsonValue& t) {
            return readString(t, at(place, QStringLiteral("text")), 0, Limits::maxTextChars, &text);
        });
        if (!textOk)
            return false;
        out->text = text.toStdString();

        switch (*kind) {
        case TaskKind::Cpu: {
            bool splitValue = false;
            if (!duration("ms", 1, &out->ms) || !flag("split", &splitValue))
                return false;
            if (split)
                *split = splitValue;
            return true;
        }
        case TaskKind::Wait:
            return duration("ms", 0, &out->ms);
        case TaskKind::RandomWait:
            if (!duration("minMs", 0, &out->minMs) || !duration("maxMs", 0, &out->maxMs))
                return false;
            if (out->maxMs < out->minMs)
                return fail(at(place, QStringLiteral("maxMs")),
                            QStringLiteral("must be at least minMs (%1), got %2").arg(out->minMs).arg(out->maxMs));
            return true;
        case TaskKind::Print:
            return ifPresent(o, "repeat",
                            [&](const QJsonValue& r) {
                                return readInt(r, at(place, QStringLiteral("repeat")), 1, Limits::maxRepeat, &out->repeat);
                            })
                && duration("gapMs", 0, &out->gapMs);
        case TaskKind::PerItem:
        case TaskKind::Append:
        case TaskKind::Send: {
            const QString itemsPlace = at(place, QStringLiteral("items"));
            QJsonArray items;
            if (!readArray(o.value(QLatin1String("items")), itemsPlace, 1, Limits::maxItems,
                           QStringLiteral("whole numbers"), &items))
                return false;
            for (qsizetype i = 0; i < items.size(); ++i) {
                std::int64_t item = 0;
                if (!readInt(items.at(i), at(itemsPlace, i), -Limits::maxItemValue, Limits::maxItemValue, &item))
                    return false;
                out->items.push_back(item);
            }
            return ifPresent(o, "op",
                            [&](const QJsonValue& op) {
                                return readChoice(op, at(place, QStringLiteral("op")),
                                                  {Choice<ItemOp> {"identity", ItemOp::Identity},
                                                   Choice<ItemOp> {"square", ItemOp::Square},
                                                   Choice<ItemOp> {"cube", ItemOp::Cube},
                                                   Choice<ItemOp> {"double", ItemOp::Double}},
                                                  &out->op);
                            })
                && duration("ms", 0, &out->ms) && duration("cpuMs", 0, &out->cpuMs);
        }
        case TaskKind::Increment:
            return ifPresent(o, "times",
                            [&](const QJsonValue& t) {
                                return readInt(t, at(place, QStringLiteral("times")), 1, Limits::maxIncrements, &out->times);
                            })
                && flag("locked", &out->locked) && flag("yield", &out->yield);
        case TaskKind::Crash: {
            if (!readChoice(o.value(QLatin1String("how")), at(place, QStringLiteral("how")),
                            {Choice<CrashHow> {"segfault", CrashHow::Segfault}, Choice<CrashHow> {"abort", CrashHow::Abort},
                             Choice<CrashHow> {"exit", CrashHow::Exit}},
                            &out->how))
                return false;
            if (o.contains(QLatin1String("code")) && out->how != CrashHow::Exit)
                return fail(at(place, QStringLiteral("code")),
                            QStringLiteral("only means something with \"how\": \"exit\""));
            return ifPresent(o, "code",
                            [&](const QJsonValue& c) {
                                return readInt(c, at(place, QStringLiteral("code")), 0, Limits::maxExitCode, &out->exitCode);
                            })
                && duration("ms", 0, &out->ms);
        }
        }
        return true;
    }

    QString m_file;
    QString m_error;
};

} // namespace

std::optional<Scenario> ScenarioLoader::loadFile(const QString& path, QString* error)
{
    const QString shown = printable(path, -1);
    const auto refuse = [&](const QString& why) -> std::optional<Scenario> {
        if (error)
            *error = QStringLiteral("%1: cannot read the file: %2").arg(shown, why);
        return std::nullopt;
    };
    if (path.isEmpty())
        return refuse(QStringLiteral("no file name was given"));
    const QFileInfo info(path);
    if (!info.exists())
        return refuse(QStringLiteral("it does not exist"));
    if (info.isDir())
        return refuse(QStringLiteral("it is a directory"));
    if (!info.isFile())
        return refuse(QStringLiteral("it is not a regular file"));
    if (info.size() > maxFileBytes) {
        if (error)
            *error = QStringLiteral("%1: the file is too large: %2 bytes, and at most 1 MiB (%3 bytes) is allowed")
                         .arg(shown)
                         .arg(info.size())
                         .arg(maxFileBytes);
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(info.isReadable() ? file.errorString() : QStringLiteral("permission denied"));
    // Read one byte past the limit, so a file that grew since the size check is still refused.
    const QByteArray bytes = file.read(maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return refuse(file.errorString());
    return loadJson(bytes, path, error);
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
    const QString shown = printable(fileName, -1);
    const auto refuse = [&](const QString& why) -> std::optional<Scenario> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(shown, why);
        return std::nullopt;
    };
    if (json.size() > maxFileBytes)
        return refuse(QStringLiteral("the file is too large: %1 bytes, and at most 1 MiB (%2 bytes) is allowed")
                          .arg(json.size())
                          .arg(maxFileBytes));
    if (json.isEmpty())
        return refuse(QStringLiteral("the file is empty"));

    qsizetype first = 0;
    if (json.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark, which QJsonDocument skips too
        first = 3;
    while (first < json.size() && isJsonSpace(json[first]))
        ++first;
    if (first == json.size())
        return refuse(QStringLiteral("the file is empty: it holds only white space"));

    const qsizetype badByte = firstInvalidUtf8(json);
    if (badByte >= 0)
        return refuse(QStringLiteral("%1: the file is not valid UTF-8 (byte 0x%2 is not part of a valid character); "
                                     "save it as UTF-8")
                          .arg(lineColumn(json, badByte))
                          .arg(int(static_cast<unsigned char>(json[badByte])), 2, 16, QLatin1Char('0')));

    // The top level must be an object; say so rather than report a syntax error for "[…]" or "5".
    const char start = json[first];
    QString topLevel;
    if (start == '[')
        topLevel = QStringLiteral("an array");
    else if (start == '"')
        topLevel = QStringLiteral("a string");
    else if (start == '-' || (start >= '0' && start <= '9'))
        topLevel = QStringLiteral("a number");
    else if (start == 't' || start == 'f' || start == 'n')
        topLevel = QStringLiteral("true, false or null");
    if (!topLevel.isEmpty())
        return refuse(QStringLiteral("%1: the top level must be a JSON object ({ … }), got %2")
                          .arg(lineColumn(json, first), topLevel));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const TextProblem strict = strictScan(json);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    if (strict.offset >= 0 && (parsed || strict.offset < parseError.offset))
        return refuse(QStringLiteral("%1: %2").arg(lineColumn(json, strict.offset), strict.problem));
    if (!parsed)
        return refuse(QStringLiteral("%1: JSON syntax error: %2")
                          .arg(lineColumn(json, parseError.offset), syntaxProblem(parseError.error)));
    if (!document.isObject())
        return refuse(QStringLiteral("the top level must be a JSON object ({ … })"));

    Reader reader(shown);
    std::optional<Scenario> scenario = reader.read(document.object());
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
