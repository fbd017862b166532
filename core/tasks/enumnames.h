#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace ThreadLab {

template<typename E>
struct EnumName
{
    E value;
    std::string_view name;
};

// The one enum<->name table of an enum: specialise it next to the enum with
//   static constexpr std::array<EnumName<E>, N> table {{...}};
// in the order messages and documentation list the names. Plain C++: the child reads these too.
template<typename E>
struct EnumNames;

// "?" for a value the table does not hold (e.g. a corrupt byte): never a valid name.
template<typename E>
constexpr std::string_view enumName(E value)
{
    for (const EnumName<E>& entry : EnumNames<E>::table)
        if (entry.value == value)
            return entry.name;
    return "?";
}

template<typename E>
constexpr std::optional<E> enumFromName(std::string_view name)
{
    for (const EnumName<E>& entry : EnumNames<E>::table)
        if (entry.name == name)
            return entry.value;
    return std::nullopt;
}

template<typename E>
std::vector<std::string_view> enumNameList()
{
    std::vector<std::string_view> names;
    names.reserve(EnumNames<E>::table.size());
    for (const EnumName<E>& entry : EnumNames<E>::table)
        names.push_back(entry.name);
    return names;
}

} // namespace ThreadLab
