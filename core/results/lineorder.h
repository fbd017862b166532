#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace ThreadLab {

struct VariantResult;

// The order in which a variant's workers printed their lines (C2): for each line, in time order,
// the index of its worker in VariantResult::workers. Run again, the same scenario prints in
// another order; this is what the console's order history and "What happened" show.
class LineOrder
{
    Q_DECLARE_TR_FUNCTIONS(LineOrder)

public:
    static std::vector<int> of(const VariantResult& variant);
    // The order is worth showing: at least two workers printed two lines or more, and their lines
    // alternate (more changes of worker than one block after another would make).
    static bool interleaves(const std::vector<int>& order);
    // Short labels that tell the workers apart: what follows a shared prefix ("Thread-1" → "1"),
    // or the first letter when those differ ("square", "cube" → "S", "C").
    static QStringList shortNames(const QStringList& names);
    // Each worker's label in an order, by worker index: shortNames among the workers that printed
    // (main's name does not spoil "Thread-1" → "1"); the others keep their names.
    static QStringList labels(const VariantResult& variant, const std::vector<int>& order);
    // "1 2 3 2 1 3 …": at most maxItems labels, then "…".
    static QString text(const VariantResult& variant, const std::vector<int>& order, int maxItems);
    // What happened in one line: the order and that it is the scheduler's choice.
    static QString sentence(const VariantResult& variant, const std::vector<int>& order);
};

} // namespace ThreadLab
