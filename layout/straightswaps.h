#pragma once

// Private to layout/: factor swaps counted on straight lines, on a force engine's drawing before
// it is packed for the screen (layout.cpp's layoutOnce; which maps: factorswaps.h).

#include "layout/layout.h"

namespace causeway::layout::detail {

// Trades the places of factors near each other (each with its 6 nearest), pass after pass (at
// most 3), while the straight centre-to-centre lines of their links cross fewer others. No
// pinned factor moves (with `options.keepPinned`) and no box comes to overlap another. Returns
// whether a swap was kept; the links are then straight lines (the engine's curves no longer fit).
bool swapForStraightLines(const SystemMap& map, const LayoutOptions& options, LayoutResult& result);

} // namespace causeway::layout::detail
