// Exports (CSV tables, GraphML, DOT) and the DOT importer: round trips lose nothing they carry.
#include "io/ballots.h"
#include "io/csv.h"
#include "io/export.h"
#include "io/import.h"

#include "iotestutil.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

using namespace causeway;
using causeway::test::makeFactor;
using causeway::test::makeLink;

namespace {

SystemMap csvSampleMap()
{
    const std::string dir = CAUSEWAY_TEST_DATA "/samples/";
    std::string links = test::readText(dir + "peer-nsp-links.csv");
    std::string factors = test::readText(dir + "peer-nsp-factors.csv");
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
    SystemMap map = csvSampleMap();
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

// A map not laid out yet (every factor at the origin) gives Graphviz no positions to start
// from, which would put every node on one point; once one factor has a place, all are given.
TEST(ExportDot, AMapNotYetLaidOutGivesGraphvizNoPositions)
{
    SystemMap map;
    const FactorId a = map.addFactor(makeFactor("Trust"));
    const FactorId b = map.addFactor(makeFactor("Visits"));
    map.addLink(makeLink(a, b, Polarity::Positive));
    ASSERT_EQ(map.factor(a).position.x, 0);
    EXPECT_EQ(exportDot(map).find("pos="), std::string::npos) << exportDot(map);
    map.moveFactor(b, {120, 40});
    const std::string dot = exportDot(map);
    EXPECT_NE(dot.find("pos=\"0,0\""), std::string::npos) << dot; // Trust, at the origin
    EXPECT_NE(dot.find("pos=\"120,-40\""), std::string::npos) << dot;
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
    ImportResult back = importDot(test::readText(out));
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

namespace {

// Labels a spreadsheet would run as formulas (OWASP's list: = + - @ tab CR first), and one that
// already begins with the quote the neutralising adds.
const std::vector<std::string> kFormulaLabels = {
    "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+1+2", "-2+3", "\tTabbed", "\rReturned", "'=quoted"};

SystemMap formulaMap()
{
    SystemMap map;
    std::vector<FactorId> ids;
    for (const std::string& label : kFormulaLabels)
        ids.push_back(map.addFactor(makeFactor(label, "=group", "-1")));
    for (std::size_t i = 0; i + 1 < ids.size(); ++i)
        map.addLink(makeLink(ids[i], ids[i + 1],
                             i % 3 == 0       ? Polarity::Positive
                                 : i % 3 == 1 ? Polarity::Negative
                                              : Polarity::Unknown,
                             "=link", "@note"));
    return map;
}

// Every cell of every row but the header, with the importer's separator and quoting.
std::vector<std::string> dataCells(const std::string& csv, std::size_t skipColumn = SIZE_MAX)
{
    std::vector<std::string> cells;
    const std::vector<CsvRecord> records = parseCsv(csv);
    for (std::size_t r = 1; r < records.size(); ++r)
        for (std::size_t c = 0; c < records[r].fields.size(); ++c)
            if (c != skipColumn)
                cells.push_back(records[r].fields[c]);
    return cells;
}

bool startsAsFormula(const std::string& cell)
{
    return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string::npos;
}

} // namespace

TEST(ExportCsv, NoCellOfTheTablesStartsAsASpreadsheetFormula)
{
    const SystemMap map = formulaMap();
    const std::string factors = exportFactorsCsv(map);
    for (const std::string& cell : dataCells(factors))
        EXPECT_FALSE(startsAsFormula(cell)) << cell;
    // The Polarity column (index 2) holds the symbols + - ?, generated rather than typed.
    for (const std::string& cell : dataCells(exportLinksCsv(map), 2))
        EXPECT_FALSE(startsAsFormula(cell)) << cell;
    // OWASP's form: a leading single quote, and the field in double quotes.
    EXPECT_NE(factors.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << factors;
    EXPECT_NE(factors.find("\"'@SUM(A1)\""), std::string::npos) << factors;
}

TEST(ExportCsv, NeutralisedCellsReadBackAsTheOriginalText)
{
    const SystemMap map = formulaMap();
    std::set<std::string> labels, readBack;
    for (const Factor& f : map.factors())
        labels.insert(f.label);
    const std::vector<CsvRecord> records = parseCsv(exportFactorsCsv(map));
    for (std::size_t r = 1; r < records.size(); ++r) {
        readBack.insert(csvCellText(records[r].fields[0]));
        EXPECT_EQ(csvCellText(records[r].fields[1]), "=group");
        EXPECT_EQ(csvCellText(records[r].fields[2]), "-1");
    }
    EXPECT_EQ(readBack, labels);
    EXPECT_EQ(csvCellText("'plain"), "'plain"); // a quote before ordinary text is the user's
    EXPECT_EQ(csvCellText("-"), "-");
}

TEST(ExportCsv, PolarityRoundTripsExactlyThroughTheImporter)
{
    const SystemMap map = formulaMap();
    const SystemMap back = importLinksCsv(exportLinksCsv(map)).map;
    std::multiset<Polarity> before, after;
    for (const Link& l : map.links())
        before.insert(l.polarity);
    for (const Link& l : back.links())
        after.insert(l.polarity);
    EXPECT_EQ(after, before);
    const std::vector<CsvRecord> records = parseCsv(exportLinksCsv(map));
    EXPECT_EQ(records[1].fields[2], "+");
    EXPECT_EQ(records[2].fields[2], "-");
    EXPECT_EQ(records[3].fields[2], "?");
}

TEST(ExportCsv, FormulaLabelsRoundTripThroughTheImporter)
{
    const SystemMap map = formulaMap();
    const SystemMap back = importLinksCsv(exportLinksCsv(map), exportFactorsCsv(map)).map;
    EXPECT_EQ(linkContent(back), linkContent(map));
    EXPECT_EQ(factorContent(back, false), factorContent(map, false));
}

TEST(ExportCsv, TallyAndBallotTablesNeutraliseFormulasToo)
{
    SystemMap map;
    const FactorId evil = map.addFactor(makeFactor("=HYPERLINK(\"http://x\")"));
    NominationRound round;
    round.name = "R";
    round.revealed = true;
    round.participants = {"@mallory"};
    round.ballots = {Ballot{"@mallory", {ItemRef::of(evil)}, {}}};
    addRound(map, round);
    for (const std::string& csv : {tallyCsv(map, round), exportBallotsCsv(map, round)}) {
        for (const std::string& cell : dataCells(csv))
            EXPECT_FALSE(startsAsFormula(cell)) << cell;
        EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos) << csv;
    }
}

TEST(CsvWriter, QuotesAndPrefixesFormulaCellsUnlessAskedToKeepThem)
{
    EXPECT_EQ(csvField("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(csvField("\r"), "\"'\r\"");
    EXPECT_EQ(csvField("''=x"), "\"'''=x\"");
    EXPECT_EQ(csvField("plain"), "plain");
    EXPECT_EQ(csvField("'plain"), "'plain");
    EXPECT_EQ(csvRow({"-", "-", "@"}, ',', {1}), "\"'-\",-,\"'@\"\r\n");
}

// XML 1.0 forbids most C0 controls, U+FFFE/U+FFFF and malformed UTF-8 (lone surrogates included).
const std::string kXmlHostile = std::string{'a', '\x01', 'b', '\x1B', 'c', '\0', 'd'}
    + "\xEF\xBF\xBE" + "\xEF\xBF\xBF" + "\xED\xA0\x80" + "\xFF" + "\tend\r\n";

TEST(ExportGraphml, ForbiddenXmlCharactersAreDroppedAndTheFileParses)
{
    SystemMap map;
    const FactorId a = map.addFactor(makeFactor(kXmlHostile, kXmlHostile, kXmlHostile));
    map.addLink(makeLink(a, a, Polarity::Positive, kXmlHostile, kXmlHostile));
    map.title = kXmlHostile;
    const std::string graphml = exportGraphml(map);
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(graphml.c_str())) << graphml;
    EXPECT_EQ(graphml.find('\x01'), std::string::npos);
    EXPECT_EQ(graphml.find("\xEF\xBF\xBE"), std::string::npos);
    // The strict parsers other programs use agree, where installed.
    const std::string path = ::testing::TempDir() + "/hostile.graphml";
    std::ofstream(path, std::ios::binary) << graphml;
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        EXPECT_EQ(std::system(("xmllint --noout " + path).c_str()), 0);
    }
    if (std::system("python3 -c 'import xml' 2>/dev/null") == 0) {
        const std::string parse
            = "python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' ";
        EXPECT_EQ(std::system((parse + path).c_str()), 0);
    }
    std::remove(path.c_str());
    const ImportResult back = importGraphml(graphml);
    EXPECT_EQ(back.map.factors().front().label.substr(0, 4), "abcd");
}

TEST(ExportDot, ANulInALabelNoLongerEndsTheFile)
{
    SystemMap map;
    const FactorId a = map.addFactor(makeFactor(std::string("before\0after", 12)));
    const FactorId b = map.addFactor(makeFactor("second"));
    map.addLink(makeLink(a, b, Polarity::Negative));
    const std::string dot = exportDot(map);
    EXPECT_EQ(dot.find('\0'), std::string::npos);
    const ImportResult back = importDot(dot);
    ASSERT_EQ(back.map.factorCount(), 2u);
    EXPECT_TRUE(back.map.findFactorByLabel("beforeafter").has_value());
    EXPECT_EQ(back.map.linkCount(), 1u);
    if (std::system("command -v dot >/dev/null 2>&1") == 0) {
        const std::string path = ::testing::TempDir() + "/nul.dot";
        std::ofstream(path, std::ios::binary) << dot;
        EXPECT_EQ(std::system(("dot -Tcanon " + path + " >/dev/null").c_str()), 0);
        std::remove(path.c_str());
    }
}

TEST(ExportDot, CarriageReturnsSurviveARoundTrip)
{
    SystemMap map;
    const FactorId a = map.addFactor(makeFactor("one\r\ntwo\rthree", "", "d\r\ne"));
    map.addLink(makeLink(a, a, Polarity::Positive, "x\ry", "n\r"));
    const ImportResult back = importDot(exportDot(map));
    ASSERT_EQ(back.map.factorCount(), 1u);
    EXPECT_EQ(back.map.factors().front().label, "one\r\ntwo\rthree");
    EXPECT_EQ(back.map.factors().front().description, "d\r\ne");
    EXPECT_EQ(back.map.links().front().label, "x\ry");
    EXPECT_EQ(back.map.links().front().note, "n\r");
}
