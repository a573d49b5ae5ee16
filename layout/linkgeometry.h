#pragma once

#include "model/systemmap.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace causeway {

// The drawing of one link, computed once and shared by the canvas and the SVG export.
// Plain C++ (no Qt), in layout/ so io/'s SVG export draws exactly what the canvas draws.

// A factor's box: centre and size in map units (y down).
struct BoxShape {
    Point centre;
    double width = 0;
    double height = 0;
};

// Whether a circle of radius r at c reaches into the box (touching its edge does not count).
inline bool circleOverlapsBox(Point c, double r, const BoxShape& b)
{
    const double dx = std::max(0.0, std::abs(c.x - b.centre.x) - b.width / 2);
    const double dy = std::max(0.0, std::abs(c.y - b.centre.y) - b.height / 2);
    return dx * dx + dy * dy < r * r;
}

// Whether the segment a-b comes within `pad` of the box.
bool segmentMeetsBox(Point a, Point b, const BoxShape& box, double pad = 0);

struct LinkStyle {
    double arrowLength = 17;
    double arrowWidth = 14;
    double signRadius = 13;
    double signGap = 6;       // between the arrow head's base and the sign circle
    double delayLength = 22;  // each stroke of the || mark
    double delayGap = 7;      // between the two strokes
    double tipMargin = 3;     // the arrow stops this far outside the target box
    double loopSize = 55;     // how far a self-link loop reaches out of its box
    // How the canvas and the SVG export stroke it.
    double lineWidth = 3.5;
    double dashOn = 2.5, dashOff = 1.8; // a `?` link's dashes, in line widths
    double signEdgeWidth = 2.5;
    double signFontSize = 19; // bold
    double labelFontSize = 14; // italic
};

struct LinkShape {
    // The line from the source box's edge to the base of the arrow head: cubic Bezier pieces,
    // 1 + 3k control points (one piece unless routed around other factors).
    std::vector<Point> line;
    Point start, end; // its first and last points
    // The arrow head: tip on the target box's edge, base corners left and right.
    Point tip, baseLeft, baseRight;
    Point sign;    // centre of the polarity circle, on the line, just before the arrow head
    Point middle;  // the point a facilitator drags to bend the link
    // The delay mark: two strokes across the line (halfway between the source box and the sign
    // where there is room; elsewhere on the line, off boxes and signs, where there is not).
    Point delayA1, delayA2, delayB1, delayB2;
    Point labelAnchor; // where a link label goes: beside the middle, away from the curve
};

// A link between two different boxes. `bend` is Link::bend (offset of the curve's middle from
// the middle of the chord between the centres); `curveApart` makes an unbent link curve to its
// left, so A->B and B->A drawn together separate.
LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const LinkStyle& style = {});

// The same link routed around `obstacles` (the boxes of the factors that are not its ends) when
// the simple curve would run through one of them. A bent link's path still passes through its
// bend point. The sign and the delay mark slide back along the path off any obstacle.
LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles,
                           const LinkStyle& style = {});

// The same link's line, arrow head and sign, its delay mark not placed (left at the origin): for
// judging where a link would run, as the untangling does for every bend it tries.
LinkShape computeLinkLine(const BoxShape& from, const BoxShape& to, std::optional<Point> bend, bool curveApart,
                          const std::vector<BoxShape>& obstacles, const LinkStyle& style = {});

// A self-link: a loop out of the box. `bend` is the offset of the loop's apex from the box
// centre (default: above the box).
LinkShape computeSelfLoopShape(const BoxShape& box, std::optional<Point> bend,
                               const LinkStyle& style = {});

// A delay mark's two strokes, a1-a2 and b1-b2: a link's (LinkShape's delayA1 to delayB2), or one
// read from any drawing that is measured (layout/quality.h).
struct DelayStrokes {
    Point a1, a2, b1, b2;
};
inline DelayStrokes delayStrokesOf(const LinkShape& s)
{
    return {s.delayA1, s.delayA2, s.delayB1, s.delayB2};
}
// How far p is from the centre line of the nearer stroke.
double distanceToStrokes(const DelayStrokes& m, Point p);
// How near the centre lines of two marks' strokes come.
double strokesApart(const DelayStrokes& m, const DelayStrokes& n);
// Whether a stroke's centre line meets the box grown by `pad`.
bool strokesMeetBox(const DelayStrokes& m, const BoxShape& box, double pad);

// How far p is from the centre line of the nearer stroke of the link's delay mark.
double distanceToDelayMark(const LinkShape& s, Point p);

// How far a sign's centre keeps from the centre line of every delay mark stroke drawn: half a
// point more than where the circle's outline and the stroke would touch.
inline double signKeepsFromDelayMark(const LinkStyle& s)
{
    return s.signRadius + s.signEdgeWidth / 2 + s.lineWidth / 2 + 0.5;
}

// How near the strokes of two links' delay marks come.
double delayMarksApart(const LinkShape& a, const LinkShape& b);

// The link's delay mark (and its label's anchor) moved to parameter t of its line
// (0 to the line's pieces).
void moveDelayMark(LinkShape& s, double t, const LinkStyle& style = {});

// Whether a stroke of the link's delay mark, drawn `style.lineWidth` wide, meets the box or its
// outline (`edgeWidth` wide, centred on the box's edge), with `spare` more between them.
bool delayMarkMeetsBox(const LinkShape& s, const BoxShape& box, const LinkStyle& style, double edgeWidth,
                       double spare = 0);

// Whether the link's delay mark meets any of the boxes (outlined as factor boxes are), with a
// point to spare.
bool delayMarkOnABox(const LinkShape& s, const std::vector<BoxShape>& boxes, const LinkStyle& style);

// The inverse of the above: the bend that puts the link's middle at `middle`.
Point bendForMiddle(const BoxShape& from, const BoxShape& to, bool selfLink, Point middle);

} // namespace causeway
