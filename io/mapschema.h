#pragma once

#include <array>
#include <string_view>

// Private to io/: the keys of the .causeway format (docs/file-format.md) that this version
// reads and writes. Anything else found in a file is carried in the `extra` fields.
namespace causeway::mapschema {

inline constexpr std::string_view kFormatName = "causeway";

inline constexpr std::array<std::string_view, 9> kTopKeys = {
    "format", "version", "title", "description", "nextIds", "factors", "links", "loopLabels", "rounds"};
inline constexpr std::array<std::string_view, 7> kFactorKeys = {
    "id", "label", "description", "group", "x", "y", "pinned"};
inline constexpr std::array<std::string_view, 8> kLinkKeys = {
    "id", "from", "to", "polarity", "delay", "label", "note", "bend"};

// Deeper nesting than this (only possible in unknown fields) is refused: writing it back out
// recurses once per level.
inline constexpr int kMaxNesting = 256;

template <std::size_t N>
bool isKnown(const std::array<std::string_view, N>& keys, std::string_view key)
{
    for (std::string_view k : keys)
        if (k == key)
            return true;
    return false;
}

} // namespace causeway::mapschema
