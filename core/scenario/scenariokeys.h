#pragma once

#include <QString>

namespace ThreadLab {

// The keys of scenario files (format 1, README.md "Scenario files"), read by ScenarioLoader and
// written by ScenarioWriter. A task's own keys are its fields' in TaskCatalogue.
namespace ScenarioKey {

// The top level, in the order ScenarioWriter writes it.
inline constexpr QLatin1String format {"format"};
inline constexpr QLatin1String id {"id"};
inline constexpr QLatin1String title {"title"};
inline constexpr QLatin1String group {"group"};
inline constexpr QLatin1String conceptId {"concept"}; // `concept` is a C++20 keyword
inline constexpr QLatin1String explanation {"explanation"};
inline constexpr QLatin1String vocabulary {"vocabulary"};
inline constexpr QLatin1String code {"code"};
inline constexpr QLatin1String defaults {"defaults"};
inline constexpr QLatin1String variants {"variants"};
inline constexpr QLatin1String focus {"focus"};
inline constexpr QLatin1String lesson {"lesson"};

// "code" and "defaults".
inline constexpr QLatin1String python {"python"};
inline constexpr QLatin1String cpp {"cpp"};
inline constexpr QLatin1String workers {"workers"}; // also a variant's groups and a check's names
inline constexpr QLatin1String timeScale {"timeScale"};

// A variant.
inline constexpr QLatin1String name {"name"}; // also a worker group's
inline constexpr QLatin1String mode {"mode"};
inline constexpr QLatin1String pattern {"pattern"};
inline constexpr QLatin1String join {"join"};
inline constexpr QLatin1String receive {"receive"};
inline constexpr QLatin1String sweep {"sweep"};
inline constexpr QLatin1String description {"description"};
inline constexpr QLatin1String main {"main"};

// A worker group.
inline constexpr QLatin1String count {"count"}; // also an outcome check's quota
inline constexpr QLatin1String scalable {"scalable"};
inline constexpr QLatin1String daemon {"daemon"};
inline constexpr QLatin1String style {"style"};
inline constexpr QLatin1String tasks {"tasks"};
inline constexpr QLatin1String kind {"kind"}; // also a check's

// "lesson" and its checks.
inline constexpr QLatin1String checks {"checks"};
inline constexpr QLatin1String text {"text"};
inline constexpr QLatin1String variant {"variant"};
inline constexpr QLatin1String baseline {"baseline"};
inline constexpr QLatin1String atLeast {"atLeast"};
inline constexpr QLatin1String atMost {"atMost"};
inline constexpr QLatin1String observation {"observation"};
inline constexpr QLatin1String outcome {"outcome"};
inline constexpr QLatin1String overlap {"overlap"};
inline constexpr QLatin1String gil {"gil"};
inline constexpr QLatin1String minCores {"minCores"};

} // namespace ScenarioKey

} // namespace ThreadLab
