#include "io/mapfile.h"

#include "iotestutil.h"

#include <nlohmann/json.hpp>

#include <cmath>

using namespace causeway;
using namespace causeway::test;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

namespace {

// Every field set, every polarity, a self-link, a two-way pair, a bend, and a removed factor
// so the saved id counters are ahead of the largest id.
SystemMap richMap()
{
    SystemMap map;
    map.title = "Peer NSP";
    map.description = "Workshop 2, \"final\" version\nsecond line";
    Factor a;
    a.label = "Peer worker skill";
    a.description = "Credibility as a cultural peer";
    a.group = "Program";
    a.position = {12.5, -40.25};
    a.pinned = true;
    const FactorId ida = map.addFactor(a);
    const FactorId gone = map.addFactor(named("removed later"));
    Factor b;
    b.label = "Confiança do cliente \xE2\x80\x94 trust";
    b.position = {300, 120};
    const FactorId idb = map.addFactor(b);
    const FactorId idc = map.addFactor(named("Workload", {1e6, 1e-6}));

    Link builds = makeLink(ida, idb);
    builds.delay = true;
    builds.label = "builds";
    builds.note = "said by three groups";
    map.addLink(builds);
    Link bent = makeLink(idb, ida, Polarity::Negative);
    bent.bend = Point{15, -30};
    map.addLink(bent);
    map.addLink(makeLink(idc, idc, Polarity::Unknown));
    map.addLink(makeLink(ida, gone));
    map.removeFactor(gone);
    return map;
}

} // namespace

TEST(MapFile, WriteThenParseGivesAnEqualMap)
{
    const SystemMap map = richMap();
    const SystemMap back = parseMapJson(writeMapJson(map));
    EXPECT_TRUE(back == map);
    EXPECT_EQ(back.factorCount(), 3u);
    EXPECT_EQ(back.linkCount(), 3u);
    EXPECT_EQ(back.nextFactorId(), map.nextFactorId());
    EXPECT_EQ(back.nextLinkId(), map.nextLinkId());
    ASSERT_TRUE(back.link(LinkId(2)).bend.has_value());
    EXPECT_EQ(*back.link(LinkId(2)).bend, (Point{15, -30}));
}

TEST(MapFile, IdsOfRemovedObjectsAreNotReusedAfterLoading)
{
    SystemMap back = parseMapJson(writeMapJson(richMap()));
    // Factor 2 and link 4 were removed before saving.
    EXPECT_EQ(back.addFactor(named("new")), FactorId(5));
    EXPECT_EQ(back.addLink(makeLink(FactorId(1), FactorId(4))), LinkId(5));
}

TEST(MapFile, IsPrettyPrintedWithTwoSpacesInAFixedFieldOrder)
{
    const std::string text = writeMapJson(richMap());
    EXPECT_TRUE(text.starts_with("{\n  \"format\": \"causeway\",\n  \"version\": 1,\n  \"title\": \"Peer NSP\",\n"))
        << text.substr(0, 200);
    EXPECT_THAT(text, HasSubstr("  \"nextIds\": {\n    \"factor\": 5,\n    \"link\": 5\n  },\n"));
    EXPECT_THAT(text, HasSubstr("\"polarity\": \"-\""));
    EXPECT_THAT(text, HasSubstr("\"bend\": {\n        \"x\": 15.0,\n        \"y\": -30.0\n      }"));
    EXPECT_EQ(text.back(), '\n');
    // Writing is deterministic, so saving an unchanged map changes no byte.
    EXPECT_EQ(writeMapJson(parseMapJson(text)), text);
}

TEST(MapFile, UnknownFieldsAtEveryLevelSurviveARoundTrip)
{
    Json j = Json::parse(writeMapJson(richMap()));
    j["scenarios"] = Json::array({{{"name", "R1"}, {"links", {1, 2}}}});
    j["sessions"] = Json::array({{{"title", "first"}, {"ballots", Json::array()}}});
    j["factors"][0]["colour"] = "#ff8800";
    j["factors"][1]["shape"] = {{"kind", "ellipse"}, {"scale", 1.5}};
    j["links"][2]["weight"] = 0.75;
    const SystemMap loaded = parseMapJson(j.dump());

    EXPECT_EQ(loaded.extra, R"({"scenarios":[{"name":"R1","links":[1,2]}],"sessions":[{"title":"first","ballots":[]}]})");
    EXPECT_EQ(loaded.factor(FactorId(1)).extra, R"({"colour":"#ff8800"})");
    EXPECT_EQ(loaded.link(LinkId(3)).extra, R"({"weight":0.75})");

    const std::string saved = writeMapJson(loaded);
    const Json again = Json::parse(saved);
    EXPECT_EQ(again["scenarios"], j["scenarios"]);
    EXPECT_EQ(again["sessions"], j["sessions"]);
    EXPECT_EQ(again["factors"][1]["shape"], j["factors"][1]["shape"]);
    EXPECT_EQ(again["links"][2]["weight"], 0.75);
    EXPECT_TRUE(parseMapJson(saved) == loaded);
    EXPECT_EQ(writeMapJson(parseMapJson(saved)), saved);
}

TEST(MapFile, ExtraTextNeverOverridesKnownFields)
{
    SystemMap map = richMap();
    Factor f = map.factor(FactorId(1));
    f.extra = R"({"label":"hijacked","colour":"red"})";
    map.updateFactor(f);
    map.extra = "not json at all";
    const Json j = Json::parse(writeMapJson(map));
    EXPECT_EQ(j["factors"][0]["label"], "Peer worker skill");
    EXPECT_EQ(j["factors"][0]["colour"], "red");
}

TEST(MapFile, OptionalFieldsMayBeLeftOut)
{
    const SystemMap map = parseMapJson(R"({"format":"causeway","version":1,
        "factors":[{"id":3,"label":"A"},{"id":7,"label":"B","description":null}],
        "links":[{"id":2,"from":3,"to":7,"polarity":"?"}]})");
    EXPECT_EQ(map.title, "");
    EXPECT_EQ(map.factor(FactorId(3)).position, (Point{0, 0}));
    EXPECT_FALSE(map.factor(FactorId(7)).pinned);
    EXPECT_FALSE(map.link(LinkId(2)).delay);
    EXPECT_FALSE(map.link(LinkId(2)).bend.has_value());
    // Without saved counters the next ids follow the largest ones in the file.
    EXPECT_EQ(map.nextFactorId(), 8u);
    EXPECT_EQ(map.nextLinkId(), 3u);
}

TEST(MapFile, CountersBelowTheLargestIdAreRaised)
{
    const SystemMap map = parseMapJson(R"({"format":"causeway","version":1,"nextIds":{"factor":1,"link":1},
        "factors":[{"id":9,"label":"A"}],"links":[{"id":4,"from":9,"to":9,"polarity":"+"}]})");
    EXPECT_EQ(map.nextFactorId(), 10u);
    EXPECT_EQ(map.nextLinkId(), 5u);
}

TEST(MapFile, InvalidUtf8FromAnImportStillSaves)
{
    SystemMap map;
    map.addFactor(named("caf\xE9")); // Latin-1, not UTF-8
    const SystemMap back = parseMapJson(writeMapJson(map));
    EXPECT_EQ(back.factor(FactorId(1)).label, "caf\xEF\xBF\xBD"); // U+FFFD replacement
}

TEST(MapFile, SaveThenLoadThroughTheFileSystem)
{
    TempDir dir;
    const std::string path = dir.file("workshop.causeway");
    saveMapFile(richMap(), path);
    EXPECT_TRUE(loadMapFile(path) == richMap());
    SystemMap changed = richMap();
    changed.title = "changed";
    saveMapFile(changed, path);
    EXPECT_EQ(loadMapFile(path).title, "changed");
    EXPECT_EQ(dir.entryCount(), 1u);
}

TEST(MapFile, FailedSaveKeepsTheOldFile)
{
    TempDir dir;
    const std::string path = dir.file("workshop.causeway");
    saveMapFile(richMap(), path);
    const std::string before = readText(path);
    EXPECT_THAT(ioErrorOf([&] { saveMapFile(SystemMap(), dir.file("no/such/folder/x.causeway")); }),
                HasSubstr("does not exist"));
    EXPECT_EQ(readText(path), before);
}

TEST(MapFile, ALayoutsBendIsReadBackAsTheLayouts)
{
    SystemMap map;
    const FactorId a = map.addFactor(named("Trust"));
    const FactorId b = map.addFactor(named("Visits"));
    Link arc = makeLink(a, b);
    arc.bend = Point{-8, 12};
    arc.bendByLayout = true; // a loop-first ring's arc
    const LinkId arcId = map.addLink(arc);
    Link byHand = makeLink(b, a);
    byHand.bend = Point{3, 4};
    const LinkId handId = map.addLink(byHand);
    const SystemMap back = parseMapJson(writeMapJson(map));
    EXPECT_TRUE(back.link(arcId).bendByLayout);
    EXPECT_FALSE(back.link(handId).bendByLayout);
    EXPECT_EQ(back, map);
}
