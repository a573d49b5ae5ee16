#include "layout/votebadge.h"

#include <algorithm>
#include <cmath>
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

std::vector<VoteBadge> linkVoteBadges(Point middle, int watch, int stop, int maxCount,
                                      const VoteBadgeStyle& style)
{
    return row(middle.x, middle.y, watch, stop, maxCount, style, /*alignRight=*/false);
}

} // namespace causeway
