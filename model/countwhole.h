#pragma once

// Counting every loop in one pass where that is cheap: for the Loops panel, which otherwise
// counts length by length to show progress while the search meets loops one by one.

#include "model/loops.h"

#include <optional>

namespace causeway {

// The counts countLoops(map, query) gives, when counting by subsets or the frontier sweep takes
// every component (by length, in one pass, however many loops); nullopt when some component
// needs the search, or when cancelled.
std::optional<LoopCounts> countLoopsWithoutSearch(const SystemMap& map, const LoopQuery& query);

} // namespace causeway
