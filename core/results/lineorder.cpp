#include "results/lineorder.h"

#include "results/variantresult.h"

#include <algorithm>
#include <set>

namespace ThreadLab {

std::vector<int> LineOrder::of(const VariantResult& v)
{
    struct Line
    {
        double tMs = 0;
        int worker = 0;
    };
    std::vector<Line> lines;
    for (std::size_t w = 0; w < v.workers.size(); ++w)
        for (const OutputLine& o : v.workers[w].output)
            lines.push_back({o.tMs, static_cast<int>(w)});
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.tMs < b.tMs; });
    std::vector<int> order;
    order.reserve(lines.size());
    for (const Line& l : lines)
        order.push_back(l.worker);
    return order;
}

bool LineOrder::interleaves(const std::vector<int>& order)
{
    std::vector<int> counts;
    int changes = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto w = static_cast<std::size_t>(order[i]);
        if (counts.size() <= w)
            counts.resize(w + 1);
        ++counts[w];
        changes += i > 0 && order[i] != order[i - 1];
    }
    const auto printers = std::count_if(counts.begin(), counts.end(), [](int c) { return c > 0; });
    const auto repeaters = std::count_if(counts.begin(), counts.end(), [](int c) { return c >= 2; });
    return repeaters >= 2 && changes >= printers;
}

QStringList LineOrder::shortNames(const QStringList& names)
{
    if (names.size() < 2)
        return names;
    // The longest prefix all share, cut back to a word's end ("Thread-1" and "Thread-10" share "Thread-").
    qsizetype prefix = names.front().size();
    for (const QString& n : names) {
        qsizetype i = 0;
        while (i < prefix && i < n.size() && n[i] == names.front()[i])
            ++i;
        prefix = i;
    }
    while (prefix > 0 && names.front()[prefix - 1].isLetterOrNumber())
        --prefix;
    QStringList shortened;
    std::set<QChar> initials;
    for (const QString& n : names) {
        const QString rest = n.mid(prefix);
        shortened << (rest.isEmpty() ? n : rest);
        initials.insert(shortened.back().isEmpty() ? QChar() : shortened.back().front().toUpper());
    }
    if (prefix == 0 && initials.size() == static_cast<std::size_t>(names.size()))
        for (QString& s : shortened)
            s = s.left(1).toUpper();
    return shortened;
}

QStringList LineOrder::labels(const VariantResult& v, const std::vector<int>& order)
{
    QStringList all;
    std::vector<int> printers;
    for (std::size_t w = 0; w < v.workers.size(); ++w) {
        all << v.workers[w].name;
        if (std::find(order.begin(), order.end(), static_cast<int>(w)) != order.end())
            printers.push_back(static_cast<int>(w));
    }
    QStringList names;
    for (const int w : printers)
        names << all[w];
    const QStringList shortened = shortNames(names);
    for (std::size_t i = 0; i < printers.size(); ++i)
        all[printers[i]] = shortened[static_cast<qsizetype>(i)];
    return all;
}

QString LineOrder::text(const VariantResult& v, const std::vector<int>& order, int maxItems)
{
    const QStringList names = labels(v, order);
    QStringList parts;
    for (std::size_t i = 0; i < order.size() && static_cast<int>(i) < maxItems; ++i)
        parts << names.value(order[i]);
    if (static_cast<int>(order.size()) > maxItems)
        parts << QStringLiteral("…");
    return parts.join(QLatin1Char(' '));
}

QString LineOrder::sentence(const VariantResult& v, const std::vector<int>& order)
{
    return tr("the lines came out in the order %1: the scheduler decides who prints next, so the order differs "
              "from run to run")
        .arg(text(v, order, 24));
}

} // namespace ThreadLab
