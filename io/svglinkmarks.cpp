// Marks by links in the SVG export: the monitoring report's verdicts on the map drawing.
#include "io/svgdrawing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace causeway::svg {

void drawLinkMarks(pugi::xml_node layer, const std::map<LinkId, LinkMark>& marks, const MapDrawing& drawing,
                   Bounds& bounds)
{
    constexpr double radius = 16; // legible when a large map is shrunk onto a page
    std::vector<Point> placed;
    for (const auto& [id, mark] : marks) {
        const auto shape = drawing.links.find(id);
        if (shape == drawing.links.end())
            continue;
        // On the link's middle, or, where another mark is already there (links crossing near
        // their middles), further along the link towards either end.
        const LinkShape& link = shape->second;
        const Point middle = link.middle;
        const Point candidates[] = {middle,
                                    {(middle.x + link.start.x) / 2, (middle.y + link.start.y) / 2},
                                    {(middle.x + link.end.x) / 2, (middle.y + link.end.y) / 2}};
        Point at = middle;
        for (const Point& c : candidates) {
            const bool free = std::none_of(placed.begin(), placed.end(), [&](Point p) {
                return std::hypot(p.x - c.x, p.y - c.y) < 2 * radius + 2;
            });
            if (free) {
                at = c;
                break;
            }
        }
        placed.push_back(at);
        pugi::xml_node g = element(layer, "g", {{"class", "link-mark " + mark.cssClass},
                                                {"id", "link-mark-" + std::to_string(id.value)}});
        element(g, "title", {}).text().set(xmlSafe(mark.title).c_str());
        element(g, "circle", {{"cx", number(at.x)}, {"cy", number(at.y)}, {"r", number(radius)},
                              {"fill", "#ffffff"}, {"stroke", "#111111"}, {"stroke-width", "3"}});
        element(g, "text", {{"x", number(at.x)}, {"y", number(at.y + 8.5)}, {"text-anchor", "middle"},
                            {"font-size", "24"}, {"font-weight", "bold"}, {"fill", "#111111"}})
            .text()
            .set(xmlSafe(mark.symbol).c_str());
        bounds.addRect(at.x - radius - 1, at.y - radius - 1, 2 * radius + 2, 2 * radius + 2);
    }
}

} // namespace causeway::svg
