#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

// Private to io/: the keys of the .causeway format (docs/file-format.md) that this version
// reads and writes. Anything else found in a file is carried in the `extra` fields.
namespace causeway::mapschema {

inline constexpr std::string_view kFormatName = "causeway";

inline constexpr std::array<std::string_view, 11> kTopKeys = {
    "format", "version", "title", "description", "nextIds", "factors", "links", "loopLabels", "rounds",
    "stories", "monitoring"};
inline constexpr std::array<std::string_view, 8> kFactorKeys = {
    "id", "label", "description", "group", "x", "y", "pinned", "indicator"};
inline constexpr std::array<std::string_view, 9> kLinkKeys = {
    "id", "from", "to", "polarity", "delay", "label", "note", "bend", "indicator"};
inline constexpr std::array<std::string_view, 7> kIndicatorKeys = {
    "name", "definition", "unit", "source", "frequency", "owner", "higherIsBetter"};
inline constexpr std::array<std::string_view, 3> kMonitoringKeys = {"round", "watch", "review"};
inline constexpr std::array<std::string_view, 2> kStoryKeys = {"name", "steps"};
inline constexpr std::array<std::string_view, 6> kStoryStepKeys = {"kind", "caption", "factor", "reach",
                                                                   "factors", "links"};

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

using Json = nlohmann::ordered_json;

// The fields of `object` this version does not know, as JSON object text ("" when none), for
// the model's `extra` members, so a round trip loses nothing a newer version wrote.
template <std::size_t N>
std::string extraFields(const Json& object, const std::array<std::string_view, N>& known)
{
    Json extra = Json::object();
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!isKnown(known, it.key()))
            extra[it.key()] = it.value();
    return extra.empty() ? std::string() : extra.dump();
}

// Appends the fields kept in `extra` after the known ones. Known keys in `extra` never override
// the real values.
template <std::size_t N>
void appendExtra(Json& object, const std::string& extra, const std::array<std::string_view, N>& known)
{
    if (extra.empty())
        return;
    const Json fields = Json::parse(extra, nullptr, /*allow_exceptions=*/false);
    if (!fields.is_object())
        return;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!isKnown(known, it.key()) && !object.contains(it.key()))
            object[it.key()] = it.value();
}

} // namespace causeway::mapschema
