// causeway-cli loops --sils and metrics.
#include "cli/commands.h"
#include "cli/terminaltext.h"
#include "cli/watchdog.h"

#include "io/mapfile.h"
#include "model/metrics.h"
#include "model/nominations.h"
#include "model/sils.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

namespace causeway::cli {

int runSils(const std::string& path, bool json)
{
    SystemMap map = loadMapFile(path);
    LoopSet set = shortestIndependentLoopSet(map);
    auto labels = [&](const Loop& loop) {
        std::vector<std::string> out;
        for (FactorId f : loop.factors)
            out.push_back(map.factor(f).label); // JSON escapes; text output goes through terminalSafe
        return out;
    };
    if (json) {
        nlohmann::json loops = nlohmann::json::array();
        for (const Loop& loop : set.loops)
            loops.push_back({{"polarity", loopPolarityLetter(loop.polarity)},
                             {"length", loop.length()},
                             {"factors", labels(loop)}});
        std::cout << nlohmann::json{{"count", set.loops.size()},
                                    {"linksOnLoops", set.linksOnLoops},
                                    {"loops", loops}}
                         .dump()
                  << '\n';
        return 0;
    }
    std::cout << "Shortest independent loop set: " << set.loops.size() << " loops covering the "
              << set.linksOnLoops << " links that lie on loops.\n"
              << "(A basis chosen by length, not a ranking of the loops that matter most.)\n";
    for (const Loop& loop : set.loops) {
        std::cout << loopPolarityLetter(loop.polarity) << '\t' << loop.length() << '\t';
        for (const std::string& l : labels(loop))
            std::cout << terminalSafe(l) << " -> ";
        std::cout << terminalSafe(map.factor(loop.factors.front()).label) << '\n';
    }
    return 0;
}

int runMetrics(const MetricsOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    causeway::MetricsOptions mo;
    mo.maxLoopLength = options.maxLoopLength;
    mo.threads = options.threads;
    std::atomic<std::uint64_t> found{0};
    Watchdog watchdog(options.timeout, [&] {
        return "metrics: " + std::to_string(found.load(std::memory_order_relaxed)) + " loops so far";
    });
    mo.cancel = watchdog.cancel();
    mo.progress = &found;
    MapMetrics m = computeMetrics(map, mo);
    watchdog.stop();
    const bool complete = !m.cancelled;
    const int status = complete ? 0 : kExitTimedOut;
    if (options.json) {
        nlohmann::json factors = nlohmann::json::array(), links = nlohmann::json::array();
        for (const FactorMetrics& f : m.factors)
            factors.push_back({{"label", map.factor(f.id).label},
                               {"in", f.inDegree},
                               {"out", f.outDegree},
                               {"betweenness", f.betweenness},
                               {"loops", f.loops}});
        for (const LinkMetrics& l : m.links)
            links.push_back({{"link", itemName(map, ItemRef::of(l.id))},
                             {"betweenness", l.betweenness},
                             {"loops", l.loops}});
        nlohmann::json hints = nlohmann::json::array();
        for (const IndicatorHint& h : indicatorHints(m))
            hints.push_back({{"item", itemName(map, h.item)}, {"score", h.score}, {"reason", h.reason}});
        std::cout << nlohmann::json{{"maxLoopLength", options.maxLoopLength},
                                    {"complete", complete},
                                    {"factors", factors},
                                    {"links", links},
                                    {"indicatorHints", hints}}
                         .dump()
                  << '\n';
        return status;
    }
    const std::string bound = options.maxLoopLength
                                  ? " (loops up to " + std::to_string(options.maxLoopLength) + " links)"
                                  : "";
    if (!complete)
        std::cout << "Incomplete: stopped by --timeout; loop counts cover only the loops found "
                     "so far.\n";
    std::cout << "Factors" << bound << "\nIn\tOut\tLoops\tBetweenness\tFactor\n" << std::fixed
              << std::setprecision(3);
    for (const FactorMetrics& f : m.factors)
        std::cout << f.inDegree << '\t' << f.outDegree << '\t' << f.loops << '\t' << f.betweenness
                  << "\t\t" << terminalSafe(map.factor(f.id).label) << '\n';
    std::cout << "\nLinks\nLoops\tBetweenness\tLink\n";
    for (const LinkMetrics& l : m.links)
        std::cout << l.loops << '\t' << l.betweenness << "\t\t"
                  << terminalSafe(itemName(map, ItemRef::of(l.id))) << '\n';
    std::cout << "\nIndicator hints (on many loops or many shortest paths)\n";
    for (const IndicatorHint& h : indicatorHints(m))
        std::cout << terminalSafe(itemName(map, h.item)) << ": " << h.reason << '\n';
    return status;
}

} // namespace causeway::cli
