#pragma once

#include "model/ids.h"
#include "model/nomination.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace causeway {

class SystemMap;

struct FactorMetrics {
    FactorId id;
    int inDegree = 0;
    int outDegree = 0;
    // Share of shortest paths between other factors that pass through this one, normalised to
    // 0..1 for a directed graph (divided by (n-1)(n-2)).
    double betweenness = 0;
    std::uint64_t loops = 0;   // loops through it, up to the length bound
    bool loopsBounded = false; // loops were counted up to MetricsOptions::maxLoopLength only
};

struct LinkMetrics {
    LinkId id;
    double betweenness = 0; // normalised by n(n-1)
    std::uint64_t loops = 0;
    bool loopsBounded = false;
};

struct MetricsOptions {
    // Loops through each item are counted up to this length (0: all loops; only safe on maps
    // with few loops). Dense workshop maps have hundreds of millions of long loops.
    std::size_t maxLoopLength = 8;
    const std::atomic<bool>* cancel = nullptr;
    // When set, the number of loops met so far (for a progress display on another thread).
    std::atomic<std::uint64_t>* progress = nullptr;
    // Threads the loop count may use (0: every core). The counts are the same whatever it is.
    unsigned threads = 1;
};

struct MapMetrics {
    std::vector<FactorMetrics> factors; // ascending id order
    std::vector<LinkMetrics> links;     // ascending id order
    bool cancelled = false;
};

MapMetrics computeMetrics(const SystemMap& map, const MetricsOptions& options = {});

// Candidates to watch in a nomination round: items on many loops or carrying many shortest
// paths. Score = 0.5 * (loops / most loops) + 0.5 * (betweenness / highest betweenness).
struct IndicatorHint {
    ItemRef item;
    double score = 0;
    std::string reason; // plain words: "on 14 of the map's short loops; carries 31% of paths"
};
std::vector<IndicatorHint> indicatorHints(const MapMetrics& metrics, std::size_t count = 10);

} // namespace causeway
