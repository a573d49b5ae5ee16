#pragma once

// Whether a map's links can be drawn with none crossing, and the faces of such a drawing
// (Boyer and Myrvold's planarity test, Boost.Graph).

#include "model/ids.h"

#include <optional>
#include <vector>

namespace causeway {

class SystemMap;

// The faces of one drawing of the map's links with no two crossing, each as the factors met going
// round it (a factor where the drawing would fall apart without it, met twice, is listed twice);
// nullopt when no such drawing exists. Directions do not matter: A -> B and B -> A are one line,
// a self-link none. A factor with no link is in no face; a map in several pieces has each piece's
// faces, one of which is its outside.
std::optional<std::vector<std::vector<FactorId>>> planarFaces(const SystemMap& map);

} // namespace causeway
