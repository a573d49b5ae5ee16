// Exports (CSV tables, GraphML, DOT) and the DOT importer: round trips lose nothing they carry.
#include "io/export.h"
#include "io/import.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

using namespace causeway;

namespace {

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

SystemMap sampleMap()
{
    const std::string dir = CAUSEWAY_TEST_DATA "/samples/";
    std::string links = readText(dir + "peer-nsp-links.csv");
    std::string factors = readText(dir + "peer-nsp-factors.csv");
    return importLinksCsv(links, factors).map;
}

// A map as its content, independent of ids: factors by label, links by end labels.
using FactorKey = std::tuple<std::string, std::string, std::string, long, long, bool>;
using LinkKey = std::tuple<std::string, std::string, Polarity, bool, std::string, std::string>;

std::set<FactorKey> factorContent(const SystemMap& map, bool withPositions = true)
{
    std::set<FactorKey> out;
    for (const Factor& f : map.factors())
        out.emplace(f.label, f.group, f.description, withPositions ? std::lround(f.position.x) : 0,
                    withPositions ? std::lround(f.position.y) : 0, withPositions && f.pinned);
    return out;
}

std::set<LinkKey> linkContent(const SystemMap& map)
{
    std::set<LinkKey> out;
    for (const Link& l : map.links())
        out.emplace(map.factor(l.from).label, map.factor(l.to).label, l.polarity, l.delay, l.label,
                    l.note);
    return out;
}

SystemMap richMap()
{
    SystemMap map = sampleMap();
    // Exercise the awkward parts: quotes, commas, line breaks, pinned, all polarities, a self-link.
    Factor odd;
    odd.label = "Say \"no\", then\nwait";
    odd.group = "Odd, group";
    odd.description = "back\\slash";
    odd.position = {-120.5, 340.25};
    odd.pinned = true;
    FactorId o = map.addFactor(odd);
    Link self;
    self.from = o;
    self.to = o;
    self.polarity = Polarity::Unknown;
    self.delay = true;
    self.label = "habit";
    self.note = "a note, with \"quotes\"";
    map.addLink(self);
    return map;
}

} // namespace

TEST(ExportCsv, LinksAndFactorsTablesRoundTripThroughTheImporter)
{
    SystemMap map = richMap();
    std::string links = exportLinksCsv(map);
    std::string factors = exportFactorsCsv(map);
    SystemMap back = importLinksCsv(links, factors).map;
    EXPECT_EQ(linkContent(back), linkContent(map));
    EXPECT_EQ(factorContent(back, false), factorContent(map, false));
    // And the second export is the same text: nothing drifts.
    EXPECT_EQ(exportLinksCsv(back), links);
    EXPECT_EQ(exportFactorsCsv(back), factors);
}

TEST(ExportCsv, RepeatedLabelsAreRefusedWithTheLabel)
{
    SystemMap map;
    Factor f;
    f.label = "Same";
    map.addFactor(f);
    map.addFactor(f);
    try {
        exportLinksCsv(map);
        FAIL();
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("'Same'"), std::string::npos);
    }
}

TEST(ExportGraphml, RoundTripKeepsLabelsGroupsPolarityDelayAndPositions)
{
    SystemMap map = richMap();
    std::string graphml = exportGraphml(map);
    ImportResult back = importGraphml(graphml);
    EXPECT_EQ(linkContent(back.map), linkContent(map));
    EXPECT_EQ(factorContent(back.map), factorContent(map));
    EXPECT_EQ(exportGraphml(back.map), graphml);
}

TEST(ExportDot, RoundTripKeepsLabelsGroupsPolarityDelayAndPositions)
{
    SystemMap map = richMap();
    std::string dot = exportDot(map);
    ImportResult back = importDot(dot);
    EXPECT_TRUE(back.warnings.empty()) << back.warnings.front();
    EXPECT_EQ(linkContent(back.map), linkContent(map));
    EXPECT_EQ(factorContent(back.map), factorContent(map));
    EXPECT_EQ(exportDot(back.map), dot);
}

TEST(ImportDot, ReadsSignsFromLabelsOrAttributesAndWarnsOtherwise)
{
    ImportResult r = importDot(R"(digraph { a -> b [label="-"]; b -> c [sign=1]; c -> a [polarity=negative];
        a -> c [label="maybe"]; d [label="Lonely"]; })");
    ASSERT_EQ(r.map.factorCount(), 4u);
    ASSERT_EQ(r.map.linkCount(), 4u);
    auto a = *r.map.findFactorByLabel("a"), b = *r.map.findFactorByLabel("b"),
         c = *r.map.findFactorByLabel("c");
    EXPECT_EQ(r.map.link(*r.map.findLink(a, b)).polarity, Polarity::Negative);
    EXPECT_EQ(r.map.link(*r.map.findLink(b, c)).polarity, Polarity::Positive);
    EXPECT_EQ(r.map.link(*r.map.findLink(c, a)).polarity, Polarity::Negative);
    EXPECT_EQ(r.map.link(*r.map.findLink(a, c)).polarity, Polarity::Unknown);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("a -> c"), std::string::npos) << r.warnings[0];
    EXPECT_TRUE(r.map.findFactorByLabel("Lonely").has_value());
}

TEST(ImportDot, MalformedDotIsRefusedWithGraphvizsMessageAndTheParserRecovers)
{
    try {
        importDot("digraph { a -> ; }");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("line 1"), std::string::npos) << e.what();
    }
    EXPECT_THROW(importDot("this is not dot"), IoError);
    EXPECT_THROW(importDot(""), IoError);
    // A good graph after bad ones still parses.
    EXPECT_EQ(importDot("digraph { x -> y }").map.linkCount(), 1u);
}

TEST(ExportDot, GraphvizNeatoReproducesThePinnedPositions)
{
    if (std::system("command -v neato >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "Graphviz's neato is not installed";
    SystemMap map = richMap();
    auto dir = std::filesystem::temp_directory_path() / ("causeway-dot-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto in = (dir / "map.dot").string(), out = (dir / "out.dot").string();
    std::ofstream(in) << exportDot(map);
    // neato -n keeps the given positions; its output is DOT again, which we read back.
    ASSERT_EQ(std::system(("neato -n -Tdot " + in + " -o " + out).c_str()), 0);
    ImportResult back = importDot(readText(out));
    std::filesystem::remove_all(dir);
    ASSERT_EQ(back.map.factorCount(), map.factorCount());
    // neato moves the drawing's corner to the origin; the drawing itself is the same.
    const Factor first = map.factors().front();
    const Point origin = back.map.factor(*back.map.findFactorByLabel(first.label)).position;
    for (const Factor& f : map.factors()) {
        auto id = back.map.findFactorByLabel(f.label);
        ASSERT_TRUE(id) << f.label;
        const Point p = back.map.factor(*id).position;
        EXPECT_NEAR(p.x - origin.x, f.position.x - first.position.x, 1.0) << f.label;
        EXPECT_NEAR(p.y - origin.y, f.position.y - first.position.y, 1.0) << f.label;
    }
    EXPECT_EQ(linkContent(back.map), linkContent(map));
}

TEST(ImportDot, ANodeWithNoNameOrLabelGetsOneAndAWarning)
{
    // Found by fuzzing: `""` is a valid DOT node name.
    ImportResult r = importDot(R"(digraph { "" -> b; "" [label=""] })");
    EXPECT_EQ(r.map.factorCount(), 2u);
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings[0].find("Unnamed node"), std::string::npos) << r.warnings[0];
}
