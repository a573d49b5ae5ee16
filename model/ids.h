#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace causeway {

// A typed, never-reused id. Zero is "no id". Ids are saved in the file and are the only handle
// other layers hold on model objects.
template <class Tag>
struct Id {
    std::uint64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::uint64_t v) : value(v) {}
    constexpr bool valid() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using FactorId = Id<struct FactorTag>;
using LinkId = Id<struct LinkTag>;

} // namespace causeway

template <class Tag>
struct std::hash<causeway::Id<Tag>> {
    std::size_t operator()(const causeway::Id<Tag>& id) const noexcept
    {
        return std::hash<std::uint64_t>{}(id.value);
    }
};
