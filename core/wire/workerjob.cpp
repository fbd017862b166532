#include "wire/workerjob.h"

#include <charconv>
#include <cstdio>

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

std::string WorkerJob::encode() const
{
    std::string s = "v1;name=" + escapeText(name) + ";n=" + std::to_string(number) + ";gil=" + (gil ? "1" : "0")
        + ";sw=" + std::to_string(switchIntervalNs) + ";ts=" + formatDouble(timeScale)
        + ";ipm=" + formatDouble(cpuIterationsPerMs) + ";seed=" + std::to_string(seed);
    for (const TaskSpec& t : tasks) {
        s += ";t=";
        s += taskKindName(t.kind);
        s += ",ms=" + std::to_string(t.ms) + ",cpu=" + std::to_string(t.cpuMs) + ",min=" + std::to_string(t.minMs)
            + ",max=" + std::to_string(t.maxMs) + ",rep=" + std::to_string(t.repeat) + ",gap=" + std::to_string(t.gapMs)
            + ",op=" + std::string(itemOpName(t.op)) + ",times=" + std::to_string(t.times)
            + ",locked=" + (t.locked ? "1" : "0") + ",yield=" + (t.yield ? "1" : "0")
            + ",how=" + std::string(crashHowName(t.how)) + ",code=" + std::to_string(t.exitCode)
            + ",parts=" + std::to_string(t.splitParts) + ",part=" + std::to_string(t.splitIndex)
            + ",text=" + escapeText(t.text) + ",items=";
        for (std::size_t i = 0; i < t.items.size(); ++i) {
            if (i)
                s += '/';
            s += std::to_string(t.items[i]);
        }
    }
    return s;
}

namespace {

bool decodeTask(std::string_view spec, TaskSpec& t, std::string& why)
{
    const auto fields = split(spec, ',');
    const auto kind = taskKindFromName(fields.front());
    if (!kind) {
        why = "unknown task kind '" + std::string(fields.front()) + "'";
        return false;
    }
    t.kind = *kind;
    constexpr std::int64_t maxMs = Limits::maxDurationMs;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::string_view f = fields[i];
        const std::size_t eq = f.find('=');
        if (eq == std::string_view::npos) {
            why = "task field without '='";
            return false;
        }
        const std::string_view key = f.substr(0, eq);
        const std::string_view val = f.substr(eq + 1);
        std::int64_t v = 0;
        bool ok = true;
        if (key == "ms")
            ok = parseInt(val, 0, maxMs, t.ms);
        else if (key == "cpu")
            ok = parseInt(val, 0, maxMs, t.cpuMs);
        else if (key == "min")
            ok = parseInt(val, 0, maxMs, t.minMs);
        else if (key == "max")
            ok = parseInt(val, 0, maxMs, t.maxMs);
        else if (key == "rep")
            ok = parseInt(val, 1, Limits::maxRepeat, v) && ((t.repeat = static_cast<int>(v)), true);
        else if (key == "gap")
            ok = parseInt(val, 0, maxMs, t.gapMs);
        else if (key == "op") {
            const auto op = itemOpFromName(val);
            ok = op.has_value() && ((t.op = *op), true);
        } else if (key == "times")
            ok = parseInt(val, 0, Limits::maxIncrements, t.times);
        else if (key == "locked" || key == "yield") {
            ok = parseInt(val, 0, 1, v);
            (key == "locked" ? t.locked : t.yield) = v == 1;
        } else if (key == "how") {
            const auto how = crashHowFromName(val);
            ok = how.has_value() && ((t.how = *how), true);
        } else if (key == "code")
            ok = parseInt(val, 0, Limits::maxExitCode, v) && ((t.exitCode = static_cast<int>(v)), true);
        else if (key == "parts")
            ok = parseInt(val, 1, Limits::maxWorkersPerVariant, v) && ((t.splitParts = static_cast<int>(v)), true);
        else if (key == "part")
            ok = parseInt(val, 0, Limits::maxWorkersPerVariant - 1, v) && ((t.splitIndex = static_cast<int>(v)), true);
        else if (key == "text") {
            const auto text = unescapeText(val);
            ok = text.has_value() && text->size() <= static_cast<std::size_t>(Limits::maxTextChars) * 4;
            if (ok)
                t.text = *text;
        } else if (key == "items") {
            t.items.clear();
            if (!val.empty()) {
                for (const std::string_view item : split(val, '/')) {
                    if (!parseInt(item, -Limits::maxItemValue, Limits::maxItemValue, v)
                        || t.items.size() >= static_cast<std::size_t>(Limits::maxItems)) {
                        ok = false;
                        break;
                    }
                    t.items.push_back(v);
                }
            }
        } else {
            why = "unknown task field '" + std::string(key) + "'";
            return false;
        }
        if (!ok) {
            why = "bad value for task field '" + std::string(key) + "'";
            return false;
        }
    }
    if (t.splitIndex >= t.splitParts || t.minMs > t.maxMs) {
        why = "inconsistent task fields";
        return false;
    }
    return true;
}

} // namespace

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
