#include "scenario/scenario.h"

namespace ThreadLab {

QString variantModeName(VariantMode mode)
{
    // The same words the scenario format uses for "mode".
    switch (mode) {
    case VariantMode::Sequential: return QStringLiteral("sequential");
    case VariantMode::Threads: return QStringLiteral("threads");
    case VariantMode::Processes: return QStringLiteral("processes");
    }
    return QStringLiteral("?");
}

} // namespace ThreadLab
