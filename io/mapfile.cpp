// The writing half of the .causeway format, and the file-level load/save around it.
// Reading is in mapreader.cpp; the keys both share are in mapschema.h.
#include "io/mapfile.h"

#include "io/fileutil.h"
#include "io/mapdata.h"
#include "io/mapschema.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace causeway {

namespace {

using Json = nlohmann::ordered_json;

// The model refuses non-finite positions; should one slip through anyway, null in the file would
// make it unreadable, and a position at the origin is the lesser harm.
double finite(double x)
{
    return std::isfinite(x) ? x : 0.0;
}

Json factorJson(const Factor& factor)
{
    Json j = Json::object();
    j["id"] = factor.id.value;
    j["label"] = factor.label;
    j["description"] = factor.description;
    j["group"] = factor.group;
    j["x"] = finite(factor.position.x);
    j["y"] = finite(factor.position.y);
    j["pinned"] = factor.pinned;
    if (factor.indicator)
        j["indicator"] = mapdata::indicatorJson(*factor.indicator);
    mapschema::appendExtra(j, factor.extra, mapschema::kFactorKeys);
    return j;
}

Json linkJson(const Link& link)
{
    Json j = Json::object();
    j["id"] = link.id.value;
    j["from"] = link.from.value;
    j["to"] = link.to.value;
    j["polarity"] = polaritySymbol(link.polarity);
    j["delay"] = link.delay;
    j["label"] = link.label;
    j["note"] = link.note;
    if (link.bend) {
        j["bend"] = Json{{"x", finite(link.bend->x)}, {"y", finite(link.bend->y)}};
        if (link.bendByLayout)
            j["bend"]["byLayout"] = true;
    }
    if (link.indicator)
        j["indicator"] = mapdata::indicatorJson(*link.indicator);
    mapschema::appendExtra(j, link.extra, mapschema::kLinkKeys);
    return j;
}

} // namespace

std::string writeMapJson(const SystemMap& map)
{
    Json root = Json::object();
    root["format"] = std::string(mapschema::kFormatName);
    root["version"] = kMapFormatVersion;
    root["title"] = map.title;
    root["description"] = map.description;
    root["nextIds"] = Json{{"factor", map.nextFactorId()}, {"link", map.nextLinkId()}};
    Json factors = Json::array();
    for (const Factor& factor : map.factors())
        factors.push_back(factorJson(factor));
    root["factors"] = std::move(factors);
    Json links = Json::array();
    for (const Link& link : map.links())
        links.push_back(linkJson(link));
    root["links"] = std::move(links);
    // Written only when present, so maps without them stay as small as before.
    if (!map.loopLabels().empty())
        root["loopLabels"] = mapdata::loopLabelsJson(map);
    if (!map.rounds().empty())
        root["rounds"] = mapdata::roundsJson(map);
    if (!map.stories().empty())
        root["stories"] = mapdata::storiesJson(map);
    if (!map.monitoringPlan().empty())
        root["monitoring"] = mapdata::monitoringJson(map);
    mapschema::appendExtra(root, map.extra, mapschema::kTopKeys);

    // Two-space indent keeps files readable and diffs small. Invalid UTF-8 (from an import of a
    // mis-encoded table) is replaced rather than making the map unsaveable.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

SystemMap loadMapFile(const std::string& path)
{
    // Opening a map is when a save that was killed midway is noticed (docs/file-format.md).
    removeStaleTemporaries(path);
    return parseMapJson(readFileLimited(path, kMaxMapFileBytes), path);
}

void saveMapFile(const SystemMap& map, const std::string& path, FileAccess access)
{
    writeFileAtomically(path, writeMapJson(map), access);
}

} // namespace causeway
