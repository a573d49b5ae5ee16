#pragma once

// Private to the frontier counter (frontiercount.cpp, frontierreduce.cpp, frontierplan.cpp):
// the contracted component it counts over and the order it is swept in. Not part of the public API.

#include "model/loopsearch.h"

#include <cmath>
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
    std::vector<std::uint32_t> vertex;    // vertex -> LoopGraph vertex
    // By edge, when asked for (reduce's `through`): the LoopGraph links it stands for, in order.
    std::vector<std::vector<std::uint32_t>> links;
};

// Contracts the component (its vertices, ascending) and counts into `loops` those loops that
// contraction closes (self-edges), honouring the filter and maxLength (0: no bound). The
// filter's factor and the ends of its link are never contracted. With `through` (sized to the
// LoopGraph), also adds those loops to the counts through each factor and link, and keeps the
// links each edge stands for.
Reduced reduce(const LoopGraph& g, std::span<const std::uint32_t> vertices, const LoopFilter& filter,
               std::size_t maxLength, LoopCounts& loops, ThroughCounts* through = nullptr);

// The sweep's order and what each step does: which factor enters (into which slot), its edges
// to factors already in, and which factors leave the frontier after it.
struct Step {
    std::uint8_t slot;
    std::vector<Reduced::Edge> in, out; // from / to earlier factors, by their slots
    std::vector<std::uint8_t> leaving;
    // Factors staying on the frontier with no edge in (kNoIn) or out (kNoOut) left to take:
    // one off the loop can no longer join it, a path end that needs one is lost.
    std::vector<std::pair<std::uint8_t, std::uint8_t>> blocked;
};
constexpr std::uint8_t kNoIn = 1;
constexpr std::uint8_t kNoOut = 2;
constexpr std::uint8_t kThrough = 4;
struct Plan {
    std::vector<Step> steps;
    std::vector<std::uint32_t> position; // vertex -> step
    std::vector<std::uint32_t> leaves;   // vertex -> step after which it leaves the frontier
    std::vector<std::uint8_t> slotOf;    // vertex -> slot
    std::size_t width = 0;               // most factors on the frontier at once
    double cost = 0;                     // roughly the states it makes (OrderCost in frontierplan.cpp)
    std::size_t lastRequired = 0;        // step of the last edge holding the required link
    std::vector<double> doneAfter;       // step -> share of `cost` done once it is taken (to 1)
};

// Orders the reduced component's factors to keep the sweep's states few (frontierplan.cpp),
// trying less once the estimated work is past `limit`, on up to two threads (the same plan on one).
Plan makePlan(const Reduced& r, double limit = HUGE_VAL, unsigned threads = 1);

} // namespace causeway::loopdetail::frontier
