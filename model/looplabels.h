#pragma once

#include "model/looplabel.h"
#include "model/loops.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace causeway {

class SystemMap;

// Helpers for named loops (SystemMap::loopLabels) and for the loop explorer.

// The rules every label in a map obeys, checked by the two functions below, which throw
// EditError and leave the map unchanged when a label breaks one: a name that is not blank, at
// least one link, and no two labels naming the same loop (the same set of links). The links need
// not exist: a label whose loop an edit broke stays, reported as broken.
void addLoopLabel(SystemMap& map, LoopLabel label);
// Replaces all the labels at once (loading, undoing a label edit).
void replaceLoopLabels(SystemMap& map, std::vector<LoopLabel> labels);

// All the label's links exist and chain into one elementary loop (each link starts where the
// previous one ends, the last closes back to the first, no factor visited twice).
bool loopLabelIntact(const SystemMap& map, const LoopLabel& label);

// The loop a label names, in canonical form (as findLoops lists it); nullopt when broken.
std::optional<Loop> loopOfLabel(const SystemMap& map, const LoopLabel& label);

// A label for this loop.
LoopLabel labelForLoop(const Loop& loop, std::string name);

// Index into map.loopLabels() of the label naming this loop (same set of links), if any.
std::optional<std::size_t> findLoopLabel(const SystemMap& map, const Loop& loop);

// The next free conventional name for a loop of this polarity: "R1", "R2", ... "B1", ... "U1".
// A name counts as taken when an existing label starts with it followed by a space or the end.
std::string suggestLoopName(const SystemMap& map, LoopPolarity polarity);

// The factors the label's links leave from, in order, skipping links that no longer exist
// (enough to place a broken label near where its loop was).
std::vector<FactorId> labelFactors(const SystemMap& map, const LoopLabel& label);

// No loop is longer than this: the size of the largest strongly connected part of the map
// (1 for a lone self-link, 0 without loops). Counting up to this length counts every loop.
std::size_t longestPossibleLoop(const SystemMap& map);

} // namespace causeway
