#pragma once

// Private to the frontier counter (frontiercount.cpp, frontierreduce.cpp): the contracted
// component it counts over. Not part of the public API.

#include "model/loopsearch.h"

#include <cstdint>
#include <vector>

namespace causeway::loopdetail::frontier {

// A path's polarity so far: an even or odd number of "-" links, or a "?" link on it.
enum Parity : std::uint8_t { Even = 0, Odd = 1, Unknown = 2 };

inline Parity combine(Parity a, Parity b)
{
    return a == Unknown || b == Unknown ? Unknown : Parity(a ^ b);
}

inline LoopPolarity polarityOfParity(Parity p)
{
    return p == Even ? LoopPolarity::Reinforcing : p == Odd ? LoopPolarity::Balancing : LoopPolarity::Unknown;
}

// A component after contraction: each edge stands for a path of `length` links through
// factors with one way in or one way out. Parallel edges are allowed, self-edges are not.
struct Reduced {
    struct Edge {
        std::uint32_t from;
        std::uint32_t to;
        std::uint32_t length;
        Parity parity;
        bool required; // holds the link every loop must pass along
    };
    std::uint32_t vertexCount = 0;
    std::vector<Edge> edges;
    std::optional<std::uint32_t> through; // the vertex every loop passes through
    bool needsRequired = false;           // only loops along a required edge count
};

// Contracts the component (its vertices, ascending) and counts into `loops` those loops that
// contraction closes (self-edges), honouring the filter and maxLength (0: no bound). The
// filter's factor and the ends of its link are never contracted.
Reduced reduce(const LoopGraph& g, std::span<const std::uint32_t> vertices, const LoopFilter& filter,
               std::size_t maxLength, LoopCounts& loops);

} // namespace causeway::loopdetail::frontier
