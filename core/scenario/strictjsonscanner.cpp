#include "scenario/strictjsonscanner.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <vector>

namespace ThreadLab {

namespace {

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
    return QCoreApplication::translate("ScenarioLoader", "line %1, column %2").arg(line).arg(column);
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
            return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: JSON has no comments (// or /* */)")};
        if (c == '\'')
            return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: strings and keys need double quotes, not single quotes")};
        if (c == ',') {
            qsizetype j = i + 1;
            while (j < n && StrictJsonScanner::isJsonSpace(p[j]))
                ++j;
            if (j < n && (p[j] == '}' || p[j] == ']'))
                return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: a comma before \"%1\" (JSON allows no comma after the "
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
                return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: a control character (byte 0x%1) inside a string; "
                                          "write a line break as \\n")
                               .arg(int(s), 2, 16, QLatin1Char('0'))};
            if (s != '\\' || i + 1 >= n)
                continue;
            const char e = p[i + 1];
            if (e == 'u') {
                for (int k = 2; k <= 5; ++k)
                    if (i + k >= n || !isHexDigit(p[i + k]))
                        return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: invalid escape sequence in a string "
                                                  "(\\u needs four hex digits)")};
                i += 5;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
                       || e == 't') {
                ++i;
            } else {
                const bool shown = e > 0x20 && e < 0x7f;
                return {i, QCoreApplication::translate("ScenarioLoader", "JSON syntax error: invalid escape sequence %1in a string "
                                          "(allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
                               .arg(shown ? QStringLiteral("\"\\%1\" ").arg(QLatin1Char(e)) : QString())};
            }
        }
        if (!closed)
            return {};
        // A string followed by ':' inside an object is a key.
        qsizetype j = i + 1;
        while (j < n && StrictJsonScanner::isJsonSpace(p[j]))
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
                return {start, QCoreApplication::translate("ScenarioLoader", "duplicate key %1: each key may appear only once in an object")
                                   .arg(StrictJsonScanner::quoted(QString::fromUtf8(key)))};
            levels.back().keys.insert(key);
        }
    }
    return {};
}

QString syntaxProblem(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError: break;
    case QJsonParseError::UnterminatedObject: return QCoreApplication::translate("ScenarioLoader", "unterminated object (a \"}\" or a \",\" is missing)");
    case QJsonParseError::MissingNameSeparator: return QCoreApplication::translate("ScenarioLoader", "missing \":\" after a key");
    case QJsonParseError::UnterminatedArray: return QCoreApplication::translate("ScenarioLoader", "unterminated array (a \"]\" or a \",\" is missing)");
    case QJsonParseError::MissingValueSeparator: return QCoreApplication::translate("ScenarioLoader", "missing \",\" between values");
    case QJsonParseError::IllegalValue:
        return QCoreApplication::translate("ScenarioLoader", "not a value (strings need double quotes; true, false and null are lower case; "
                              "JSON has no comments)");
    case QJsonParseError::TerminationByNumber: return QCoreApplication::translate("ScenarioLoader", "the file ends inside a number");
    case QJsonParseError::IllegalNumber: return QCoreApplication::translate("ScenarioLoader", "not a valid number");
    case QJsonParseError::IllegalEscapeSequence: return QCoreApplication::translate("ScenarioLoader", "invalid escape sequence in a string");
    case QJsonParseError::IllegalUTF8String: return QCoreApplication::translate("ScenarioLoader", "invalid UTF-8 in a string");
    case QJsonParseError::UnterminatedString: return QCoreApplication::translate("ScenarioLoader", "unterminated string");
    case QJsonParseError::MissingObject: return QCoreApplication::translate("ScenarioLoader", "a key in double quotes was expected after the comma");
    case QJsonParseError::DeepNesting: return QCoreApplication::translate("ScenarioLoader", "nested too deeply (arrays and objects more than 1024 levels inside each other)");
    case QJsonParseError::DocumentTooLarge: return QCoreApplication::translate("ScenarioLoader", "the document is too large");
    case QJsonParseError::GarbageAtEnd: return QCoreApplication::translate("ScenarioLoader", "unexpected text after the end of the top-level object");
    }
    return QCoreApplication::translate("ScenarioLoader", "unknown error");
}

// The top level must be an object; say so rather than report a syntax error for "[…]" or "5".
QString topLevelNotObject(char start)
{
    if (start == '[')
        return QCoreApplication::translate("ScenarioLoader", "an array");
    if (start == '"')
        return QCoreApplication::translate("ScenarioLoader", "a string");
    if (start == '-' || (start >= '0' && start <= '9'))
        return QCoreApplication::translate("ScenarioLoader", "a number");
    if (start == 't' || start == 'f' || start == 'n')
        return QCoreApplication::translate("ScenarioLoader", "true, false or null");
    return {};
}

} // namespace

std::optional<QJsonObject> StrictJsonScanner::parse(const QByteArray& json, QString* problem)
{
    const auto refuse = [problem](const QString& why) -> std::optional<QJsonObject> {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    if (json.isEmpty())
        return refuse(tr("the file is empty"));
    qsizetype first = 0;
    if (json.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark, which QJsonDocument skips too
        first = 3;
    while (first < json.size() && isJsonSpace(json[first]))
        ++first;
    if (first == json.size())
        return refuse(tr("the file is empty: it holds only white space"));

    const qsizetype badByte = firstInvalidUtf8(json);
    if (badByte >= 0)
        return refuse(tr("%1: the file is not valid UTF-8 (byte 0x%2 is not part of a valid character); "
                         "save it as UTF-8")
                          .arg(lineColumn(json, badByte))
                          .arg(int(static_cast<unsigned char>(json[badByte])), 2, 16, QLatin1Char('0')));

    const QString topLevel = topLevelNotObject(json[first]);
    if (!topLevel.isEmpty())
        return refuse(tr("%1: the top level must be a JSON object ({ … }), got %2").arg(lineColumn(json, first), topLevel));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const TextProblem strict = strictScan(json);
    const bool parsed = parseError.error == QJsonParseError::NoError;
    if (strict.offset >= 0 && (parsed || strict.offset < parseError.offset))
        return refuse(QStringLiteral("%1: %2").arg(lineColumn(json, strict.offset), strict.problem));
    if (!parsed)
        return refuse(tr("%1: JSON syntax error: %2").arg(lineColumn(json, parseError.offset), syntaxProblem(parseError.error)));
    if (!document.isObject())
        return refuse(tr("the top level must be a JSON object ({ … })"));
    return document.object();
}

bool StrictJsonScanner::isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QString StrictJsonScanner::printable(QStringView text, qsizetype maxChars)
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

QString StrictJsonScanner::quoted(QStringView text)
{
    return QLatin1Char('"') + printable(text) + QLatin1Char('"');
}

} // namespace ThreadLab
