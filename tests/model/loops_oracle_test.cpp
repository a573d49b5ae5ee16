// Loop counts checked against networkx's simple_cycles on many seeded random signed maps.
// The script tests/oracle/loops_oracle.py reads all maps in one file, so Python starts once.

#include "model/loops.h"
#include "randommaps.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace causeway {
namespace {

namespace fs = std::filesystem;

struct OracleCase {
    std::string name;
    SystemMap map;
    LoopQuery query;
};

std::vector<OracleCase> oracleCases()
{
    std::vector<OracleCase> cases;
    std::mt19937_64 rng(2024);
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        testing::RandomMapSpec spec;
        spec.factors = 2 + static_cast<int>(rng() % 10);
        spec.linkChance = 0.2 + 0.05 * static_cast<double>(rng() % 8);
        spec.selfLinkChance = 0.15;
        spec.unknownChance = seed % 3 == 0 ? 0.0 : 0.1;
        OracleCase c{"map" + std::to_string(seed), testing::randomMap(seed, spec), {}};
        if (seed % 3 == 1)
            c.query.maxLength = 2 + rng() % 4;
        if (seed % 4 == 2 && c.map.factorCount() > 0)
            c.query.throughFactor = c.map.factorIds()[rng() % c.map.factorCount()];
        cases.push_back(std::move(c));
    }
    // Dense maps with tens of thousands of loops each.
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        testing::RandomMapSpec spec{.factors = 9 + static_cast<int>(seed % 2), .linkChance = 0.7};
        OracleCase c{"dense" + std::to_string(seed), testing::randomMap(500 + seed, spec), {}};
        if (seed % 4 == 1)
            c.query.maxLength = 5;
        if (seed % 4 == 2)
            c.query.throughFactor = c.map.factorIds()[seed % 9];
        cases.push_back(std::move(c));
    }
    // Larger sparse maps where only a length bound keeps the count small: the bounded search.
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        testing::RandomMapSpec spec{.factors = 40, .linkChance = 0.06, .selfLinkChance = 0.02};
        OracleCase c{"sparse" + std::to_string(seed), testing::randomMap(1000 + seed, spec), {}};
        c.query.maxLength = 6;
        if (seed % 2 == 0)
            c.query.throughFactor = c.map.factorIds()[seed * 5];
        cases.push_back(std::move(c));
    }
    // Components past what subsets count (over 18 factors), no length bound: the searches split
    // among threads, with and without a factor every loop must pass through.
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        testing::RandomMapSpec spec{.factors = 22 + static_cast<int>(seed), .linkChance = 0.11,
                                    .selfLinkChance = 0.05};
        OracleCase c{"search" + std::to_string(seed), testing::randomMap(3000 + seed, spec), {}};
        if (seed % 2 == 0)
            c.query.throughFactor = c.map.factorIds()[seed * 3];
        cases.push_back(std::move(c));
    }
    return cases;
}

std::string describe(const LoopCounts& c)
{
    std::ostringstream out;
    out << c.total << ' ' << c.reinforcing << ' ' << c.balancing << ' ' << c.unknown;
    for (std::size_t k = 1; k < c.byLength.size(); ++k)
        if (c.byLength[k] > 0)
            out << ' ' << k << ':' << c.byLength[k];
    return out.str();
}

std::map<std::string, std::string> readOracle(const fs::path& path)
{
    std::map<std::string, std::string> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.find(' ');
        lines[line.substr(0, space)] = line.substr(space + 1);
    }
    return lines;
}

TEST(LoopsOracle, CountsAgreeWithNetworkxSimpleCycles)
{
    const std::string python = CAUSEWAY_PYTHON3;
    if (python.empty() || python.ends_with("NOTFOUND"))
        GTEST_SKIP() << "python3 not found at configure time";

    const fs::path dir = fs::temp_directory_path() / ("causeway-loops-oracle-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::vector<OracleCase> cases = oracleCases();
    {
        std::ofstream in(dir / "maps.txt");
        for (const OracleCase& c : cases) {
            const long through = c.query.throughFactor ? long(c.query.throughFactor->value) : -1;
            in << "graph " << c.name << ' ' << c.query.maxLength << ' ' << through << '\n'
               << testing::edgeList(c.map) << "end\n";
        }
    }
    const std::string command = "'" + python + "' '" + CAUSEWAY_LOOPS_ORACLE + "' '"
                                + (dir / "maps.txt").string() + "' '" + (dir / "counts.txt").string() + "'";
    const int status = std::system(command.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code == 77) {
        fs::remove_all(dir);
        GTEST_SKIP() << "networkx is not installed for " << python;
    }
    ASSERT_EQ(code, 0) << command;
    const auto oracle = readOracle(dir / "counts.txt");
    fs::remove_all(dir);

    ASSERT_EQ(oracle.size(), cases.size());
    std::uint64_t loopsCompared = 0;
    for (const OracleCase& c : cases) {
        // One thread and several must each agree with networkx.
        for (const unsigned threads : {1u, 3u}) {
            LoopQuery query = c.query;
            query.threads = threads;
            const LoopResult ours = countLoops(c.map, query);
            EXPECT_EQ(describe(ours.counts), oracle.at(c.name))
                << c.name << " on " << threads << " threads\n" << testing::edgeList(c.map);
            loopsCompared += threads == 1 ? ours.counts.total : 0;
        }
    }
    // The cases must exercise real work, or agreeing would prove little.
    EXPECT_GT(loopsCompared, 100000u);
    std::cout << cases.size() << " maps, " << loopsCompared << " loops compared\n";
}

} // namespace
} // namespace causeway
