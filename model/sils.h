#pragma once

#include "model/loops.h"

#include <atomic>
#include <cstddef>
#include <vector>

namespace causeway {

class SystemMap;

// A compact overview of a map with too many loops to read (Oliva 2004): for every link on some
// loop, the shortest loop through it; those loops sorted shortest first; a loop kept when it
// covers a link no earlier kept loop covers. Every link on some loop is on at least one loop of
// the set. It is a basis chosen by length, not "the loops that matter most".
struct LoopSet {
    std::vector<Loop> loops;  // shortest first, then by factor ids
    std::size_t linksOnLoops = 0; // links that lie on at least one loop (all covered)
    bool cancelled = false;
};

LoopSet shortestIndependentLoopSet(const SystemMap& map, const std::atomic<bool>* cancel = nullptr);

} // namespace causeway
