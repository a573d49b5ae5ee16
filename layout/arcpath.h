#pragma once

// A circular arc as cubic pieces: how a bent link and a loop-first ring's links are drawn.

#include "layout/cubicpath.h"

namespace causeway {

// The arc of the circle through a, m and b that runs from a through m to b, as cubic pieces of
// at most a quarter turn each (each within 0.03% of the circle). Empty when the three points are
// (nearly) on one line or two coincide: there is no circle to follow.
CubicPath arcThrough(Point a, Point m, Point b);

} // namespace causeway
