#include "layout/votebadge.h"

#include "layout/textmetrics.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace causeway {

namespace {

constexpr double kOverlap = 4; // how far a factor's badges reach down over its top edge

Point quadAt(Point a, Point c, Point b, double t)
{
    const double u = 1 - t;
    return {u * u * a.x + 2 * t * u * c.x + t * t * b.x, u * u * a.y + 2 * t * u * c.y + t * t * b.y};
}

EyeGlyph eyeGlyph(bool open, Point centre, double height)
{
    const double a = 0.30 * height; // half the eye's width
    EyeGlyph g;
    g.open = open;
    if (open) {
        g.left = {centre.x - a, centre.y};
        g.right = {centre.x + a, centre.y};
        g.upper = {centre.x, centre.y - 1.15 * a};
        g.lower = {centre.x, centre.y + 1.15 * a};
        g.pupil = centre;
        g.pupilRadius = 0.34 * a;
        return g;
    }
    // Closed: the lid sags like a smile, a little above the centre, with lashes hanging below.
    const double y = centre.y - 0.25 * a;
    g.left = {centre.x - a, y};
    g.right = {centre.x + a, y};
    g.lower = {centre.x, y + 1.1 * a};
    g.upper = g.lower;
    for (double t : {0.18, 0.5, 0.82}) {
        const Point p = quadAt(g.left, g.lower, g.right, t);
        double dx = p.x - centre.x, dy = p.y - (y - 0.6 * a);
        const double len = std::hypot(dx, dy);
        dx /= len;
        dy /= len;
        g.lashes.push_back({p, {p.x + 0.42 * a * dx, p.y + 0.42 * a * dy}});
    }
    return g;
}

} // namespace

double voteBadgeHeight(int count, int maxCount, const VoteBadgeStyle& style)
{
    if (count <= 0 || maxCount <= 1)
        return style.minHeight;
    const double share = std::sqrt(double(std::min(count, maxCount)) / maxCount);
    const double floor = std::sqrt(1.0 / maxCount);
    return style.minHeight + (style.maxHeight - style.minHeight) * (share - floor) / (1 - floor);
}

VoteBadge makeVoteBadge(NominationKind kind, int count, double left, double centreY, double height,
                        const VoteBadgeStyle& style)
{
    VoteBadge b;
    b.kind = kind;
    b.count = count;
    b.height = height;
    b.fontSize = style.fontScale * height;
    const std::size_t digits = count > 0 ? std::to_string(count).size() : 0;
    const double textWidth = double(digits) * style.digitWidth * b.fontSize;
    b.width = digits ? height + textWidth + style.padding * height : height;
    b.x = left;
    b.y = centreY - height / 2;
    b.cornerRadius = kind == NominationKind::Watch ? height / 2 : 0.14 * height;
    b.glyph = eyeGlyph(kind == NominationKind::Watch, {left + height / 2, centreY}, height);
    // The number sits right of the glyph; a little into the glyph square, which has room to spare.
    b.textCentre = {left + height * 0.92 + textWidth / 2, centreY};
    return b;
}

namespace {

std::vector<VoteBadge> row(double centreX, double centreY, int watch, int stop, int maxCount,
                           const VoteBadgeStyle& style, bool alignRight)
{
    std::vector<VoteBadge> badges;
    if (watch > 0)
        badges.push_back(makeVoteBadge(NominationKind::Watch, watch, 0, centreY,
                                       voteBadgeHeight(watch, maxCount, style), style));
    if (stop > 0)
        badges.push_back(makeVoteBadge(NominationKind::Stop, stop, 0, centreY,
                                       voteBadgeHeight(stop, maxCount, style), style));
    double total = 0;
    for (const VoteBadge& b : badges)
        total += b.width;
    if (badges.size() == 2)
        total += style.gap;
    double x = alignRight ? centreX - total : centreX - total / 2;
    for (VoteBadge& b : badges) {
        const VoteBadge placed = makeVoteBadge(b.kind, b.count, x, centreY, b.height, style);
        b = placed;
        x += b.width + style.gap;
    }
    return badges;
}

} // namespace

std::vector<VoteBadge> factorVoteBadges(const BoxShape& box, int watch, int stop, int maxCount,
                                        const VoteBadgeStyle& style)
{
    // Sitting on the box's top edge (overlapping it by kOverlap), right end a little past the
    // corner: the label underneath stays readable.
    const double right = box.centre.x + box.width / 2 + 8;
    const double top = box.centre.y - box.height / 2;
    std::vector<VoteBadge> badges = row(right, top, watch, stop, maxCount, style, true);
    for (VoteBadge& b : badges)
        b = makeVoteBadge(b.kind, b.count, b.x, top + kOverlap - b.height / 2, b.height, style);
    return badges;
}

BoxShape labelArea(const BoxShape& box)
{
    const FactorBoxStyle style;
    return {box.centre, std::max(0.0, box.width - 2 * style.paddingX),
            std::max(0.0, box.height - 2 * style.paddingY)};
}

bool voteBadgeOverlaps(const VoteBadge& badge, const BoxShape& area)
{
    const double left = area.centre.x - area.width / 2, top = area.centre.y - area.height / 2;
    return badge.x < left + area.width && left < badge.x + badge.width && badge.y < top + area.height
           && top < badge.y + badge.height;
}

namespace {

// The first spot where the badges, at `style`'s size, cover no label; none if every spot does.
std::optional<PlacedVoteBadges> placeAtSize(const BoxShape& box, int watch, int stop, int maxCount,
                                            const std::vector<BoxShape>& boxes, const VoteBadgeStyle& style)
{
    const double left = box.centre.x - box.width / 2, right = box.centre.x + box.width / 2;
    const double top = box.centre.y - box.height / 2, bottom = box.centre.y + box.height / 2;
    // The badges' sizes, from the default placement.
    const std::vector<VoteBadge> standard = factorVoteBadges(box, watch, stop, maxCount, style);
    if (standard.empty())
        return {};
    // Each spot: the row's reference x (its right end, or its left end), and the line the
    // badges stand on (bottom edges), hang from (top edges) or centre on.
    enum class Align { Bottom, Top, Centre };
    struct Spot {
        double x;
        bool rightEnd;
        double y;
        Align align;
        Point anchor;
    };
    const Spot spots[] = {
        {right + 8, true, top + kOverlap, Align::Bottom, {right, top}},
        {left - 8, false, top + kOverlap, Align::Bottom, {left, top}},
        {right + 8, true, bottom - kOverlap, Align::Top, {right, bottom}},
        {left - 8, false, bottom - kOverlap, Align::Top, {left, bottom}},
        {right + 4, false, box.centre.y, Align::Centre, {right, box.centre.y}},
        {left - 4, true, box.centre.y, Align::Centre, {left, box.centre.y}},
    };
    double rowWidth = style.gap * double(standard.size() - 1);
    for (const VoteBadge& b : standard)
        rowWidth += b.width;
    auto place = [&](const Spot& spot) {
        PlacedVoteBadges placed{{}, spot.anchor};
        double x = spot.rightEnd ? spot.x - rowWidth : spot.x;
        for (const VoteBadge& b : standard) {
            const double centreY = spot.align == Align::Bottom ? spot.y - b.height / 2
                                   : spot.align == Align::Top  ? spot.y + b.height / 2
                                                               : spot.y;
            placed.badges.push_back(makeVoteBadge(b.kind, b.count, x, centreY, b.height, style));
            x += b.width + style.gap;
        }
        return placed;
    };
    auto clear = [&](const PlacedVoteBadges& placed) {
        for (const BoxShape& other : boxes)
            for (const VoteBadge& b : placed.badges)
                if (voteBadgeOverlaps(b, labelArea(other)))
                    return false;
        return true;
    };
    for (const Spot& spot : spots)
        if (PlacedVoteBadges placed = place(spot); clear(placed))
            return placed;
    return std::nullopt;
}

} // namespace

PlacedVoteBadges placeFactorVoteBadges(const BoxShape& box, int watch, int stop, int maxCount,
                                       const std::vector<BoxShape>& boxes,
                                       const VoteBadgeStyle& style)
{
    // Where no spot has room (factors packed close for a screen), smaller badges, down to half.
    for (const double scale : {1.0, 0.8, 0.64, 0.5}) {
        VoteBadgeStyle smaller = style;
        smaller.minHeight *= scale;
        smaller.maxHeight *= scale;
        smaller.gap *= scale;
        if (auto placed = placeAtSize(box, watch, stop, maxCount, boxes, smaller))
            return std::move(*placed);
    }
    // Still none: the usual place, at full size, hung from the top right corner.
    return {factorVoteBadges(box, watch, stop, maxCount, style),
            {box.centre.x + box.width / 2, box.centre.y - box.height / 2}};
}

std::vector<VoteBadge> linkVoteBadges(Point middle, int watch, int stop, int maxCount,
                                      const VoteBadgeStyle& style)
{
    return row(middle.x, middle.y, watch, stop, maxCount, style, /*alignRight=*/false);
}

} // namespace causeway
