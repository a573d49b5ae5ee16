#include "cli/commands.h"

#include "io/import.h"
#include "io/mapfile.h"
#include "model/loops.h"
#include "model/nominations.h"
#include "model/systemmap.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <stdexcept>

namespace causeway::cli {

namespace {

std::string label(const SystemMap& map, FactorId id) { return map.factor(id).label; }

// A factor label, or "From -> To" naming a link (as ballots name items).
void resolveThrough(const SystemMap& map, const std::string& text, LoopQuery& query)
{
    const std::optional<ItemRef> item = findItemByName(map, text);
    if (!item)
        throw std::runtime_error(text.find("->") != std::string::npos
                                     ? "There is no link " + text + " in the map."
                                     : "There is no factor labelled '" + text + "' in the map.");
    if (item->isLink())
        query.throughLink = item->link;
    else
        query.throughFactor = item->factor;
}

std::string loopText(const SystemMap& map, const Loop& loop)
{
    std::string s;
    for (FactorId f : loop.factors)
        s += label(map, f) + " -> ";
    return s + label(map, loop.factors.front());
}

} // namespace

int runImport(const ImportOptions& options)
{
    ImportResult result = importFile(options.input, options.factors);
    for (const std::string& w : result.warnings)
        std::cerr << "warning: " << w << '\n';
    saveMapFile(result.map, options.output);
    std::cout << "Imported " << result.map.factorCount() << " factors and " << result.map.linkCount()
              << " links into " << options.output << '\n';
    return 0;
}

int runValidate(const std::string& path)
{
    SystemMap map = loadMapFile(path);
    std::cout << path << ": valid, " << map.factorCount() << " factors, " << map.linkCount()
              << " links\n";
    return 0;
}

int runLoops(const LoopsOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    LoopQuery query;
    query.maxLength = options.maxLength;
    query.limit = options.limit;
    if (options.through)
        resolveThrough(map, *options.through, query);

    LoopResult result = options.countOnly ? countLoops(map, query) : findLoops(map, query);
    const LoopCounts& c = result.counts;

    if (options.json) {
        nlohmann::json out = {{"count", c.total},
                              {"reinforcing", c.reinforcing},
                              {"balancing", c.balancing},
                              {"unknown", c.unknown},
                              {"truncated", result.truncated}};
        nlohmann::json byLength = nlohmann::json::object();
        for (std::size_t k = 1; k < c.byLength.size(); ++k)
            if (c.byLength[k])
                byLength[std::to_string(k)] = c.byLength[k];
        out["byLength"] = byLength;
        nlohmann::json split = nlohmann::json::object();
        for (std::size_t k = 1; k < c.byLengthAndPolarity.size(); ++k)
            if (c.byLength[k])
                split[std::to_string(k)] = {{"R", c.byLengthAndPolarity[k][0]},
                                            {"B", c.byLengthAndPolarity[k][1]},
                                            {"U", c.byLengthAndPolarity[k][2]}};
        out["byLengthAndPolarity"] = split;
        if (!options.countOnly) {
            nlohmann::json loops = nlohmann::json::array();
            for (const Loop& loop : result.loops) {
                nlohmann::json factors = nlohmann::json::array();
                for (FactorId f : loop.factors)
                    factors.push_back(label(map, f));
                loops.push_back({{"polarity", loopPolarityLetter(loop.polarity)},
                                 {"length", loop.length()},
                                 {"factors", factors}});
            }
            out["loops"] = loops;
        }
        std::cout << out.dump() << '\n';
        return 0;
    }

    std::cout << c.total << (c.total == 1 ? " loop" : " loops");
    if (result.truncated)
        std::cout << " listed (the shortest; more exist)";
    std::cout << ": " << c.reinforcing << " reinforcing, " << c.balancing << " balancing, "
              << c.unknown << " unknown\n";
    std::size_t r = 0, b = 0, u = 0;
    for (const Loop& loop : result.loops) {
        std::string name;
        switch (loop.polarity) {
        case LoopPolarity::Reinforcing: name = "R" + std::to_string(++r); break;
        case LoopPolarity::Balancing: name = "B" + std::to_string(++b); break;
        case LoopPolarity::Unknown: name = "U" + std::to_string(++u); break;
        }
        std::cout << name << "\t" << loop.length() << "\t" << loopText(map, loop) << '\n';
    }
    return 0;
}

} // namespace causeway::cli
