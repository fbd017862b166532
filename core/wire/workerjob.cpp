#include "wire/workerjob.h"

#include "tasks/taskcatalogue.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <utility>

namespace ThreadLab {

namespace {

bool needsEscape(unsigned char c)
{
    return c < 0x20 || c == 0x7f || c == '%' || c == ';' || c == ',' || c == '=' || c == '/' || c == ' ';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::vector<std::string_view> split(std::string_view s, char sep)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            break;
        start = at + 1;
    }
    return parts;
}

template<typename T>
bool parseNumber(std::string_view s, T& out)
{
    if (s.empty())
        return false;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

bool parseInt(std::string_view s, std::int64_t lo, std::int64_t hi, std::int64_t& out)
{
    return parseNumber(s, out) && out >= lo && out <= hi;
}

// The largest costs a job may carry: CPythonCosts accepts no process figure above 10 s and no
// time.sleep(0) above 100 ms.
constexpr std::int64_t maxCostNs = 10'000'000'000;
constexpr std::int64_t maxSleep0Ns = 100'000'000;

std::string formatDouble(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

} // namespace

std::string escapeText(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (needsEscape(c)) {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out;
}

std::optional<std::string> unescapeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int hi = hexValue(text[i + 1]);
        const int lo = hexValue(text[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

namespace {

// Every field with a wire key, in the catalogue's order, whatever the task's kind.
void encodeTask(const TaskSpec& t, std::string& s)
{
    s += ";t=";
    s += enumName(t.kind);
    for (const TaskFieldInfo& f : TaskCatalogue::fields()) {
        if (f.wireKey.empty())
            continue;
        s += ',';
        s += f.wireKey;
        s += '=';
        switch (f.type) {
        case TaskFieldType::Whole:
        case TaskFieldType::Flag: s += std::to_string(f.get(t)); break;
        case TaskFieldType::Choice: s += f.choices.name(f.get(t)); break;
        case TaskFieldType::Text: s += escapeText(t.text); break;
        case TaskFieldType::Items:
            for (std::size_t i = 0; i < t.items.size(); ++i) {
                if (i)
                    s += '/';
                s += std::to_string(t.items[i]);
            }
            break;
        }
    }
}

const TaskFieldInfo* wireField(std::string_view key)
{
    for (const TaskFieldInfo& f : TaskCatalogue::fields())
        if (!f.wireKey.empty() && f.wireKey == key)
            return &f;
    return nullptr;
}

bool decodeItems(std::string_view val, const TaskFieldInfo& f, std::vector<std::int64_t>& items)
{
    items.clear();
    if (val.empty())
        return true;
    for (const std::string_view item : split(val, '/')) {
        std::int64_t v = 0;
        if (!parseInt(item, f.min, f.max, v) || items.size() >= static_cast<std::size_t>(Limits::maxItems))
            return false;
        items.push_back(v);
    }
    return true;
}

bool decodeField(const TaskFieldInfo& f, std::string_view val, TaskSpec& t)
{
    std::int64_t v = 0;
    switch (f.type) {
    case TaskFieldType::Whole:
    case TaskFieldType::Flag:
        if (!parseInt(val, f.min, f.max, v))
            return false;
        f.set(t, v);
        return true;
    case TaskFieldType::Choice: {
        const std::optional<std::int64_t> choice = f.choices.value(val);
        if (choice)
            f.set(t, *choice);
        return choice.has_value();
    }
    case TaskFieldType::Text: {
        const auto text = unescapeText(val);
        if (!text || text->size() > static_cast<std::size_t>(f.max) * 4) // UTF-8 of f.max code points
            return false;
        t.text = *text;
        return true;
    }
    case TaskFieldType::Items: return decodeItems(val, f, t.items);
    }
    return false;
}

bool decodeTask(std::string_view spec, TaskSpec& t, std::string& why)
{
    const auto fields = split(spec, ',');
    const auto kind = enumFromName<TaskKind>(fields.front());
    if (!kind) {
        why = "unknown task kind '" + std::string(fields.front()) + "'";
        return false;
    }
    t.kind = *kind;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::string_view f = fields[i];
        const std::size_t eq = f.find('=');
        if (eq == std::string_view::npos) {
            why = "task field without '='";
            return false;
        }
        const std::string_view key = f.substr(0, eq);
        const TaskFieldInfo* field = wireField(key);
        if (!field) {
            why = "unknown task field '" + std::string(key) + "'";
            return false;
        }
        if (!decodeField(*field, f.substr(eq + 1), t)) {
            why = "bad value for task field '" + std::string(key) + "'";
            return false;
        }
    }
    for (const TaskFieldInfo& f : TaskCatalogue::fields()) {
        if ((f.atLeast && f.get(t) < TaskCatalogue::field(*f.atLeast).get(t))
            || (f.above && f.get(t) <= TaskCatalogue::field(*f.above).get(t))) {
            why = "inconsistent task fields";
            return false;
        }
    }
    return true;
}

} // namespace

std::string WorkerJob::encode() const
{
    std::string s = "v1;name=" + escapeText(name) + ";n=" + std::to_string(number) + ";gil=" + (gil ? "1" : "0")
        + ";sw=" + std::to_string(switchIntervalNs) + ";ts=" + formatDouble(timeScale)
        + ";ipm=" + formatDouble(cpuIterationsPerMs) + ";seed=" + std::to_string(seed);
    const std::pair<const char*, std::int64_t> costs[] = {
        {"boot", bootNs}, {"exit", exitNs}, {"s0", sleep0Ns}};
    for (const auto& [key, ns] : costs)
        if (ns != 0)
            s += std::string(";") + key + "=" + std::to_string(ns);
    for (const TaskSpec& t : tasks)
        encodeTask(t, s);
    return s;
}

std::optional<WorkerJob> WorkerJob::decode(std::string_view text, std::string* error)
{
    auto fail = [error](std::string why) -> std::optional<WorkerJob> {
        if (error)
            *error = std::move(why);
        return std::nullopt;
    };
    if (text.size() > 256 * 1024)
        return fail("job description too long");
    const auto tokens = split(text, ';');
    if (tokens.front() != "v1")
        return fail("job description is not version v1");
    WorkerJob job;
    bool haveName = false;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const std::string_view tok = tokens[i];
        const std::size_t eq = tok.find('=');
        if (eq == std::string_view::npos)
            return fail("job field without '='");
        const std::string_view key = tok.substr(0, eq);
        const std::string_view val = tok.substr(eq + 1);
        std::int64_t v = 0;
        bool ok = true;
        if (key == "name") {
            const auto name = unescapeText(val);
            ok = name.has_value() && !name->empty() && name->size() <= static_cast<std::size_t>(Limits::maxNameChars) * 4;
            if (ok)
                job.name = *name;
            haveName = ok;
        } else if (key == "n")
            ok = parseInt(val, 1, Limits::maxWorkersPerVariant, v) && ((job.number = static_cast<int>(v)), true);
        else if (key == "gil")
            ok = parseInt(val, 0, 1, v) && ((job.gil = v == 1), true);
        else if (key == "sw")
            ok = parseInt(val, std::int64_t(Limits::minSwitchIntervalMs) * 1'000'000,
                          std::int64_t(Limits::maxSwitchIntervalMs) * 1'000'000, job.switchIntervalNs);
        else if (key == "ts")
            ok = parseNumber(val, job.timeScale) && job.timeScale >= Limits::minTimeScale
                && job.timeScale <= Limits::maxTimeScale;
        else if (key == "ipm")
            ok = parseNumber(val, job.cpuIterationsPerMs) && job.cpuIterationsPerMs >= 1
                && job.cpuIterationsPerMs <= 1e9;
        else if (key == "seed")
            ok = parseNumber(val, job.seed);
        else if (key == "boot" || key == "exit")
            ok = parseInt(val, 0, maxCostNs, key == "boot" ? job.bootNs : job.exitNs);
        else if (key == "s0")
            ok = parseInt(val, 0, maxSleep0Ns, job.sleep0Ns);
        else if (key == "t") {
            if (job.tasks.size() >= static_cast<std::size_t>(Limits::maxTasksPerWorker))
                return fail("too many tasks");
            TaskSpec task;
            std::string why;
            if (!decodeTask(val, task, why))
                return fail(why);
            job.tasks.push_back(std::move(task));
        } else {
            return fail("unknown job field '" + std::string(key) + "'");
        }
        if (!ok)
            return fail("bad value for job field '" + std::string(key) + "'");
    }
    if (!haveName)
        return fail("job has no name");
    return job;
}

} // namespace ThreadLab
