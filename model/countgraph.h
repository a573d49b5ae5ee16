#pragma once

// Private to the loop analysis: the graph the parallel count walks. Not part of the public API.

#include "model/loopsearch.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace causeway::loopdetail {

// Some components of a LoopGraph, renumbered so that each component's vertices are contiguous
// (a filter's pivot first), with out-links as compact sign bits (0 "+", 1 "-", 2 "?") and each
// out-link's position among its target's in-links, so the blocking lists of Johnson's search are
// one flag per in-link: memory stays O(map).
struct CountGraph {
    struct Component {
        std::uint32_t begin; // vertices [begin, end)
        std::uint32_t end;
        bool onlyFirstStart; // a filter: every loop wanted passes through vertex `begin`
    };
    std::vector<Component> components;
    std::vector<std::uint32_t> outBegin; // CSR, targets ascending
    std::vector<std::uint32_t> target;
    std::vector<std::uint8_t> signBits;
    std::vector<std::uint32_t> length; // links each out-link stands for (1 unless contracted)
    std::vector<std::uint32_t> inSlot; // out-link -> index into `source`
    std::vector<std::uint32_t> inBegin;
    std::vector<std::uint32_t> source;
    std::vector<std::uint32_t> componentOf; // vertex -> index into components
    std::vector<std::uint32_t> original;    // vertex -> LoopGraph vertex
    std::vector<std::uint32_t> originalEdge; // out-link -> LoopGraph edge index
    // Both filters at once: the loop through a link must also pass this vertex (checked on closing).
    std::optional<std::uint32_t> alsoThrough;

    std::uint32_t vertexCount() const { return std::uint32_t(componentOf.size()); }

    // The listed components of `g`. A vertex filter keeps only loops through that vertex; a link
    // filter u -> v keeps only u's out-link to v (and starts only from u).
    static CountGraph build(const LoopGraph& g, std::span<const std::uint32_t> components,
                            const LoopFilter& filter);

    // The listed components with factors of one way in or out contracted away (as the frontier
    // counter does): each out-link then stands for a path of `length` links, so the search takes
    // one step where it took several. For the plain count only (no filter, no length bound, no
    // counts per item: `original` and `originalEdge` are left empty). Loops that contraction
    // closes are added to `closed`.
    static CountGraph contracted(const LoopGraph& g, std::span<const std::uint32_t> components,
                                 LoopCounts& closed);
};

} // namespace causeway::loopdetail
