#pragma once

// Link ends spread along a busy factor's border: where many links meet one box, each end gets its
// own place (a port) on the side facing its other end, so arrow heads do not pile up on one point.
// Computed from the links as drawn on their own; the canvas and computeLinkShapes both apply it.

#include "layout/linkgeometry.h"
#include "layout/linkrouter.h"

#include <map>
#include <optional>
#include <vector>

namespace causeway {

// Where a link leaves its source box and where its arrow tip touches its target box, as offsets
// from the boxes' centres; unset: where the link meets the box when drawn on its own.
struct LinkPorts {
    std::optional<Point> start, tip;
    std::optional<Point> via; // a bend chosen to cross fewer links (layout/untangle.h)
    bool operator==(const LinkPorts&) const = default;
};

// One link as drawn on its own (`shape`), between the boxes of `from` and `to`.
struct DrawnLink {
    FactorId from, to;
    const LinkShape* shape = nullptr;
    std::optional<Point> bend; // set by hand: drawn through it, never untangled
    bool curveApart = false; // has a reverse partner (computeLinkShape)
};

// The ports of each link (in the order given). Ends on a box are moved only where they crowd:
// tips an arrow head's width apart, other ends a line's width or two, in the order their links
// meet the box, each as near its own place as the others allow. Self-links keep theirs.
std::vector<LinkPorts> spreadLinkEnds(const std::vector<DrawnLink>& links,
                                      const std::map<FactorId, BoxShape>& boxes,
                                      const LinkStyle& style = {});

// Both passes, as the canvas and computeLinkShapes draw: links untangled (layout/untangle.h),
// then their ends spread along busy boxes.
// `untangle` false: the ends spread only (a quick estimate of the drawing).
std::vector<LinkPorts> arrangeLinks(const std::vector<DrawnLink>& links,
                                    const std::map<FactorId, BoxShape>& boxes,
                                    const LinkStyle& style = {}, bool untangle = true);

// computeLinkShape (layout/linkgeometry.h) with the link's ends at `ports` and, unless bent by
// hand, through `ports.via`: the path is bent near
// each moved end to meet its box there, square to the box's side.
LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles,
                           const LinkPorts& ports, const LinkStyle& style = {});

// The same, a detour paying `toll` for the other links it crosses (layout/linkshapes.h's
// linesToCross says which maps do).
LinkShape computeLinkShape(const BoxShape& from, const BoxShape& to, std::optional<Point> bend,
                           bool curveApart, const std::vector<BoxShape>& obstacles,
                           const LinkPorts& ports, const LinkStyle& style, const CrossingToll& toll);

// A link's line through a bend of the drawing's own (LinkPorts::via, an offset from the middle of
// its chord), its ends where it meets its boxes, its delay mark not placed: a gentle curve, or two
// halves routed round a box in its way. How the untangling judges such a bend, as it is drawn.
LinkShape computeLineThrough(const BoxShape& from, const BoxShape& to, Point via, bool curveApart,
                             const std::vector<BoxShape>& obstacles, const LinkStyle& style);

// The same, its delay mark (and label anchor) not placed, as computeLinkLine (layout/linkgeometry.h):
// how a layout judges a link whose mark is not drawn (layout/linkshapes.h Marks::DelayedLinks).
LinkShape computeLinkLine(const BoxShape& from, const BoxShape& to, std::optional<Point> bend, bool curveApart,
                          const std::vector<BoxShape>& obstacles, const LinkPorts& ports, const LinkStyle& style,
                          const CrossingToll& toll);

} // namespace causeway
