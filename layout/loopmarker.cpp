#include "layout/loopmarker.h"

#include "layout/cubicpath.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>

namespace causeway::layout {

double signedArea2(const std::vector<Point>& polygon)
{
    double sum = 0;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Point& a = polygon[i];
        const Point& b = polygon[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    return sum;
}

LoopMarker loopMarker(const std::vector<Point>& outline)
{
    LoopMarker marker;
    if (outline.empty()) {
        marker.degenerate = true;
        return marker;
    }
    double minX = outline.front().x, maxX = minX, minY = outline.front().y, maxY = minY;
    for (const Point& p : outline) {
        marker.centre.x += p.x;
        marker.centre.y += p.y;
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    marker.centre.x /= double(outline.size());
    marker.centre.y /= double(outline.size());
    const double area2 = signedArea2(outline);
    // "No area" relative to the outline's extent, so the test does not depend on map units.
    const double extent = std::max(maxX - minX, maxY - minY);
    marker.degenerate = outline.size() < 3 || std::abs(area2) <= 1e-9 * extent * extent;
    // With y pointing down, the shoelace sum is positive for a clockwise turn on screen.
    marker.clockwise = marker.degenerate || area2 > 0;
    return marker;
}

LoopArrow loopArrow(Point centre, double radius, bool clockwise)
{
    constexpr double kPi = 3.14159265358979323846;
    LoopArrow arrow;
    arrow.sweepDegrees = clockwise ? -290 : 290;
    const auto onCircle = [&](double degrees) {
        const double a = degrees * kPi / 180;
        return Point{centre.x + radius * std::cos(a), centre.y - radius * std::sin(a)};
    };
    arrow.start = onCircle(arrow.startDegrees);
    const double endDegrees = arrow.startDegrees + arrow.sweepDegrees;
    arrow.end = onCircle(endDegrees);
    // Direction of travel at the end of the arc (y down), and across it.
    const double end = endDegrees * kPi / 180;
    const double sign = clockwise ? 1.0 : -1.0;
    const Point along{sign * std::sin(end), sign * std::cos(end)};
    const Point across{-along.y, along.x};
    const auto at = [&](double a, double b) {
        return Point{arrow.end.x + along.x * a + across.x * b, arrow.end.y + along.y * a + across.y * b};
    };
    arrow.head[0] = at(9, 0);
    arrow.head[1] = at(-5, 8);
    arrow.head[2] = at(-5, -8);
    return arrow;
}

LabelFootprint loopLabelFootprint(std::string_view name)
{
    const FontSpec font{kLoopLabelNamePixels, true};
    double widest = 0;
    const std::vector<std::string> lines = wrapText(name, kLoopLabelNameMaxWidth, font);
    for (const std::string& line : lines)
        widest = std::max(widest, textWidth(line, font));
    const double halfWidth = std::max(kLoopLabelRadius, widest / 2 + kLoopLabelNamePadding);
    const double nameHeight = lineHeight(font) * double(lines.size()) + 2 * kLoopLabelNamePadding;
    return {halfWidth, halfWidth, kLoopLabelRadius, kLoopLabelRadius + kLoopLabelNameGap + nameHeight};
}

BoxShape footprintBox(Point centre, const LabelFootprint& f)
{
    return {{centre.x + (f.right - f.left) / 2, centre.y + (f.below - f.above) / 2},
            f.left + f.right,
            f.above + f.below};
}

namespace {

bool boxesOverlap(const BoxShape& a, const BoxShape& b)
{
    return std::abs(a.centre.x - b.centre.x) < (a.width + b.width) / 2
        && std::abs(a.centre.y - b.centre.y) < (a.height + b.height) / 2;
}

// How much of `box` the obstacles cover (overlaps counted each time): 0 is clear.
double coveredArea(const BoxShape& box, const std::vector<BoxShape>& obstacles)
{
    double area = 0;
    for (const BoxShape& o : obstacles) {
        const double w = std::min(box.centre.x + box.width / 2, o.centre.x + o.width / 2)
                       - std::max(box.centre.x - box.width / 2, o.centre.x - o.width / 2);
        const double h = std::min(box.centre.y + box.height / 2, o.centre.y + o.height / 2)
                       - std::max(box.centre.y - box.height / 2, o.centre.y - o.height / 2);
        if (w > 0 && h > 0)
            area += w * h;
    }
    return area;
}

// How many of the lines' small boxes `box` covers (how much of the links a label there hides),
// counted up to `limit`.
std::size_t boxesUnder(const BoxShape& box, const std::vector<BoxShape>& lines, std::size_t limit)
{
    std::size_t n = 0;
    for (auto l = lines.begin(); l != lines.end() && n < limit; ++l)
        n += boxesOverlap(*l, box) ? 1 : 0;
    return n;
}

} // namespace

Point placeClearOf(Point centre, const LabelFootprint& footprint,
                   const std::vector<BoxShape>& obstacles, double maxDistance, double margin)
{
    return placeClearOf(centre, footprint, obstacles, {}, maxDistance, margin);
}

void linkMarks(const LinkShape& link, double signRadius, std::vector<BoxShape>& obstacles,
               std::vector<BoxShape>& lines)
{
    obstacles.push_back({link.sign, 2 * signRadius, 2 * signRadius});
    const double x0 = std::min({link.tip.x, link.baseLeft.x, link.baseRight.x});
    const double x1 = std::max({link.tip.x, link.baseLeft.x, link.baseRight.x});
    const double y0 = std::min({link.tip.y, link.baseLeft.y, link.baseRight.y});
    const double y1 = std::max({link.tip.y, link.baseLeft.y, link.baseRight.y});
    obstacles.push_back({{(x0 + x1) / 2, (y0 + y1) / 2}, x1 - x0, y1 - y0});
    // Points at most kStep apart, each a box as wide as the step, so the line is covered
    // without gaps.
    constexpr double kStep = 6;
    for (const Point p : CubicPath(link.line).sampleEvery(kStep))
        lines.push_back({p, kStep, kStep});
}

Point placeClearOf(Point centre, const LabelFootprint& footprint,
                   const std::vector<BoxShape>& obstacles, const std::vector<BoxShape>& allLines,
                   double maxDistance, double margin)
{
    const LabelFootprint grown{footprint.left + margin, footprint.right + margin,
                               footprint.above + margin, footprint.below + margin};
    auto covered = [&](Point at) { return coveredArea(footprintBox(at, grown), obstacles); };
    // Off the lines only near the loop: further away the label would leave its loop behind.
    const double lineReach = std::max(150.0, std::max(grown.left + grown.right, grown.above + grown.below));
    std::vector<BoxShape> lines; // those a label within lineReach could touch
    {
        const BoxShape near = footprintBox(centre, {grown.left + lineReach, grown.right + lineReach,
                                                    grown.above + lineReach, grown.below + lineReach});
        std::copy_if(allLines.begin(), allLines.end(), std::back_inserter(lines),
                     [&](const BoxShape& l) { return boxesOverlap(l, near); });
    }
    constexpr std::size_t kAll = std::numeric_limits<std::size_t>::max();
    auto onLines = [&](Point at, std::size_t limit) { return boxesUnder(footprintBox(at, grown), lines, limit); };
    Point best = centre;
    double bestCovered = covered(centre);
    // Of the spots clear of the obstacles within lineReach, the one hiding least of the links,
    // the nearest on a tie: in a dense drawing no spot near a loop misses every line, and the
    // nearest clear of factors alone could lie on several (energy_pos_loop's R4 across two).
    std::optional<Point> leastHidden;
    std::size_t hidden = 0;
    if (bestCovered == 0) {
        hidden = onLines(centre, kAll);
        if (hidden == 0)
            return centre;
        leastHidden = centre;
    }
    // Rings every 12 units, more directions on wider rings; the first clear spot is the nearest.
    // A big label (the canvas keeps labels a fixed size on screen) may search further.
    constexpr double kStep = 12;
    constexpr double kPi = 3.14159265358979323846;
    const double reach = std::max(maxDistance, 1.5 * (grown.left + grown.right + grown.above + grown.below));
    for (double r = kStep; r <= reach; r += kStep) {
        const int directions = std::max(8, int(2 * kPi * r / kStep));
        if (leastHidden && r > lineReach)
            return *leastHidden;
        for (int k = 0; k < directions; ++k) {
            const double a = 2 * kPi * k / directions;
            const Point at{centre.x + r * std::cos(a), centre.y + r * std::sin(a)};
            const double c = covered(at);
            if (c == 0) {
                if (r > lineReach)
                    return at;
                const std::size_t h = onLines(at, leastHidden ? hidden : kAll);
                if (h == 0)
                    return at;
                if (!leastHidden || h < hidden) {
                    leastHidden = at;
                    hidden = h;
                }
                continue;
            }
            // Nowhere clear: the spot that hides least, preferring nearer ones on ties.
            if (c < bestCovered * 0.8) {
                best = at;
                bestCovered = c;
            }
        }
    }
    return leastHidden ? *leastHidden : best;
}

} // namespace causeway::layout
