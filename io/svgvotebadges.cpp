// Vote badges in the SVG export, drawn as app/votebadgeitem.cpp draws them, from the same
// layout/votebadge geometry.
#include "io/svgdrawing.h"

#include "layout/votebadge.h"
#include "layout/palette.h"
#include "model/nominations.h"

#include <algorithm>
#include <cmath>

namespace causeway::svg {

// Watch: a solid dark pill with white marks; stop: a white tag with a thick dark edge
// (Okabe-Ito bluish green and reddish purple, darkened), as VoteBadgeItem paints them.
void drawBadge(pugi::xml_node parent, const VoteBadge& b, Bounds& bounds)
{
    const bool watch = b.kind == NominationKind::Watch;
    const std::string ink = watch ? "#ffffff" : "#111111";
    pugi::xml_node g = element(parent, "g", {{"class", watch ? "badge watch" : "badge stop"}});
    const double edge = watch ? 2 : std::max(2.5, b.height * 0.1);
    element(g, "rect", {{"x", number(b.x)}, {"y", number(b.y)}, {"width", number(b.width)},
                        {"height", number(b.height)}, {"rx", number(b.cornerRadius)},
                        {"fill", watch ? palette::hex(palette::kWatch) : "#ffffff"},
                        {"stroke", watch ? "#ffffff" : palette::hex(palette::kStop)}, {"stroke-width", number(edge)}});
    const EyeGlyph& e = b.glyph;
    std::string lids = "M" + point(e.left) + " Q" + point(e.lower) + " " + point(e.right);
    if (e.open)
        lids += " Q" + point(e.upper) + " " + point(e.left);
    const std::string stroke = number(std::max(1.8, b.height * 0.075));
    element(g, "path", {{"d", lids}, {"fill", "none"}, {"stroke", ink}, {"stroke-width", stroke},
                        {"stroke-linecap", "round"}, {"stroke-linejoin", "round"}});
    if (e.open)
        element(g, "circle", {{"cx", number(e.pupil.x)}, {"cy", number(e.pupil.y)},
                              {"r", number(e.pupilRadius)}, {"fill", ink}});
    for (const auto& [from, to] : e.lashes)
        element(g, "path", {{"d", "M" + point(from) + " L" + point(to)}, {"stroke", ink},
                            {"stroke-width", stroke}, {"stroke-linecap", "round"}});
    if (b.count > 0) {
        const FontSpec font{std::max(8.0, std::round(b.fontSize)), true};
        element(g, "text", {{"x", number(b.textCentre.x)},
                            {"y", number(b.y + b.height / 2 - lineHeight(font) / 2 + fontAscent(font))},
                            {"text-anchor", "middle"}, {"font-size", number(font.pixelSize)},
                            {"font-weight", "bold"}, {"fill", ink}})
            .text()
            .set(std::to_string(b.count).c_str());
    }
    bounds.addRect(b.x - edge, b.y - edge, b.width + 2 * edge, b.height + 2 * edge);
}

void drawVoteBadges(pugi::xml_node layer, const SystemMap& map, const NominationRound& round,
                    const MapDrawing& drawing, Bounds& bounds)
{
    if (!round.ballotsVisible())
        return; // a secret round's votes are drawn only once it is revealed
    const std::vector<TallyRow> rows = tallyRound(round);
    int maxCount = 1;
    for (const TallyRow& r : rows)
        maxCount = std::max({maxCount, r.watch, r.stop});
    std::vector<BoxShape> boxes; // whose labels the badges keep clear of
    for (const auto& [id, box] : drawing.boxes)
        boxes.push_back(box);
    for (const TallyRow& r : rows) {
        std::vector<VoteBadge> badges;
        std::string id;
        if (r.item.isLink()) {
            const auto it = drawing.links.find(r.item.link);
            if (it == drawing.links.end())
                continue;
            badges = linkVoteBadges(it->second.middle, r.watch, r.stop, maxCount);
            id = "votes-link-" + std::to_string(r.item.link.value);
        } else {
            const auto it = drawing.boxes.find(r.item.factor);
            if (it == drawing.boxes.end())
                continue;
            badges = placeFactorVoteBadges(it->second, r.watch, r.stop, maxCount, boxes).badges;
            id = "votes-factor-" + std::to_string(r.item.factor.value);
        }
        if (badges.empty())
            continue;
        pugi::xml_node g = element(layer, "g", {{"id", id}, {"class", "votes"}});
        element(g, "title", {}).text().set(
            xmlSafe(itemName(map, r.item) + ": " + std::to_string(r.watch) + " watch, "
                    + std::to_string(r.stop) + " stop").c_str());
        for (const VoteBadge& b : badges)
            drawBadge(g, b, bounds);
    }
}

} // namespace causeway::svg
