// Storing a layout in the map: what the CLI, the editor, the benchmarks and the tests do with a result.
#include "layout/layout.h"

namespace causeway::layout {

std::vector<Link> linksBentByLayout(const SystemMap& map, const LayoutResult& result)
{
    std::vector<Link> changed;
    for (const Link& l : map.links()) {
        Link after = l;
        if (const auto it = result.bends.find(l.id); it != result.bends.end()) {
            after.bend = it->second;
            after.bendByLayout = true;
        } else if (l.bendByLayout) {
            after.bend.reset();
            after.bendByLayout = false;
        }
        if (!(after == l))
            changed.push_back(std::move(after));
    }
    return changed;
}

SystemMap withoutLayoutBends(SystemMap map)
{
    for (const Link& l : linksBentByLayout(map, {}))
        map.updateLink(l);
    return map;
}

void applyLayout(SystemMap& map, const LayoutResult& result)
{
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    for (const Link& l : linksBentByLayout(map, result))
        map.updateLink(l);
}

} // namespace causeway::layout
