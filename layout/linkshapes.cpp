#include "layout/linkshapes.h"

namespace causeway {

std::vector<BoxShape> obstaclesFor(const std::map<FactorId, BoxShape>& boxes, FactorId a, FactorId b)
{
    std::vector<BoxShape> out;
    out.reserve(boxes.size());
    for (const auto& [id, box] : boxes)
        if (id != a && id != b)
            out.push_back(box);
    return out;
}

LinkShape linkShapeIn(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                      const Link& link, const LinkStyle& style)
{
    const BoxShape& from = boxes.at(link.from);
    if (link.from == link.to)
        return computeSelfLoopShape(from, link.bend, style);
    const bool apart = map.findLink(link.to, link.from).has_value();
    return computeLinkShape(from, boxes.at(link.to), link.bend, apart,
                            obstaclesFor(boxes, link.from, link.to), style);
}

std::map<LinkId, LinkShape> computeLinkShapes(const SystemMap& map,
                                              const std::map<FactorId, BoxShape>& boxes,
                                              const LinkStyle& style)
{
    std::map<LinkId, LinkShape> out;
    for (const Link& l : map.links())
        out[l.id] = linkShapeIn(map, boxes, l, style);
    return out;
}

} // namespace causeway
