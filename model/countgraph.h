#pragma once

// Private to the loop analysis: the graph the parallel count walks. Not part of the public API.

#include "model/loopsearch.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace causeway::loopdetail {

// Some components of a LoopGraph with factors of one way in or out contracted away (as the
// frontier counter does), so one link here may stand for a path of several (`length`), one step
// of the search then covering them all. Renumbered so that each component's vertices are
// contiguous (a filter's pivot first), with out-links as compact sign bits (0 "+", 1 "-", 2 "?")
// and each out-link's position among its target's in-links, so the blocking lists of Johnson's
// search are one flag per in-link: memory stays O(map).
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
    std::vector<std::uint32_t> length;   // by out-link: the links it stands for (at least 1)
    bool unitLengths = true;             // every link stands for one: a path's length is its depth
    std::vector<std::uint32_t> inSlot;   // out-link -> index into `source`
    std::vector<std::uint32_t> inBegin;
    std::vector<std::uint32_t> source;
    std::vector<std::uint32_t> inLength; // by in-link, as `length`
    std::vector<std::uint32_t> componentOf; // vertex -> index into components
    std::vector<std::uint32_t> original;    // vertex -> LoopGraph vertex
    // When built for counts per item: out-link e stands for LoopGraph links
    // links[linkBegin[e] .. linkBegin[e + 1]), in order along the path.
    std::vector<std::uint32_t> linkBegin;
    std::vector<std::uint32_t> links;
    // Both filters at once: the loop through a link must also pass this vertex (checked on closing).
    std::optional<std::uint32_t> alsoThrough;

    std::uint32_t vertexCount() const { return std::uint32_t(componentOf.size()); }

    // The listed components of `g`, contracted. A vertex filter keeps only loops through that
    // vertex; a link filter u -> v keeps only u's out-links standing for that link (and starts
    // only from u); links longer than maxLength (0: no bound) are left out. Loops that
    // contraction closes are added to `closed`, and with `closedThrough` (sized to `g`) to its
    // counts per factor and link, which also keeps `links`.
    static CountGraph build(const LoopGraph& g, std::span<const std::uint32_t> components,
                            const LoopFilter& filter, std::size_t maxLength, LoopCounts& closed,
                            ThroughCounts* closedThrough = nullptr);
};

} // namespace causeway::loopdetail
