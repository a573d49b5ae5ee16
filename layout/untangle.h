#pragma once

// Links that cross others drawn through another place when that crosses fewer: a map-level pass
// after each link is routed on its own, whose choices (a bend the layout picked, never saved in
// the map) the canvas and computeLinkShapes both apply (layout/linkports.h arrangeLinks).

#include "layout/linkports.h"

#include <map>
#include <optional>
#include <vector>

namespace causeway {

// Maps up to this many links are untangled; on larger ones a pass would cost a drag its frame.
constexpr std::size_t untangledMaxLinks = 40;

// For each link (in the order given), the bend (offset from the middle of the chord between its
// boxes' centres, as Link::bend) that it is drawn through instead, or none. A link bent by hand,
// a self-link and a link crossing nothing keep their shape; one is moved only when no box is in
// its way and it then crosses fewer links.
std::vector<std::optional<Point>> untangleLinks(const std::vector<DrawnLink>& links,
                                                const std::map<FactorId, BoxShape>& boxes,
                                                const LinkStyle& style = {});

} // namespace causeway
