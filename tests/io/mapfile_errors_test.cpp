// Every way a .causeway file can be wrong gives an IoError naming what and where, never a crash.
#include "io/mapfile.h"

#include "iotestutil.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <random>

using namespace causeway;
using namespace causeway::test;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

namespace {

Json validJson()
{
    return Json::parse(R"({"format":"causeway","version":1,"title":"t","description":"",
        "nextIds":{"factor":5,"link":5},
        "factors":[{"id":1,"label":"A","x":0,"y":0},{"id":2,"label":"B","x":10,"y":0},
                   {"id":3,"label":"C","x":0,"y":10},{"id":4,"label":"D","x":10,"y":10}],
        "links":[{"id":1,"from":1,"to":2,"polarity":"+"},{"id":2,"from":2,"to":3,"polarity":"-"},
                 {"id":3,"from":3,"to":1,"polarity":"?"},{"id":4,"from":3,"to":4,"polarity":"+","delay":true}]})");
}

std::string errorFor(const Json& j)
{
    return ioErrorOf([&] { parseMapJson(j.dump(2)); });
}

std::string errorFor(const std::string& text)
{
    return ioErrorOf([&] { parseMapJson(text); });
}

} // namespace

TEST(MapFileErrors, TheValidBaseDocumentLoads)
{
    EXPECT_EQ(parseMapJson(validJson().dump()).linkCount(), 4u);
}

TEST(MapFileErrors, TextThatIsNotJsonNamesLineAndColumn)
{
    EXPECT_THAT(errorFor(std::string("From,To,Polarity\nA,B,+\n")),
                HasSubstr("not valid JSON at line 1, column 1"));
    EXPECT_THAT(errorFor(std::string("{\n  \"format\": \"causeway\",\n  \"version\": 1,,\n}")),
                HasSubstr("not valid JSON at line 3, column 16"));
}

TEST(MapFileErrors, ATruncatedFileSaysSo)
{
    const std::string text = validJson().dump(2);
    const std::string message = errorFor(text.substr(0, text.size() / 2));
    EXPECT_THAT(message, HasSubstr("the file is truncated"));
    EXPECT_THAT(errorFor(std::string("  \n")), HasSubstr("the file is empty"));
}

TEST(MapFileErrors, AnotherFormatIsNotACausewayMap)
{
    Json j = validJson();
    j["format"] = "kumu";
    EXPECT_THAT(errorFor(j), HasSubstr("not a Causeway map: \"format\" is string \"kumu\""));
    j.erase("format");
    EXPECT_THAT(errorFor(j), HasSubstr("not a Causeway map: there is no \"format\""));
    EXPECT_THAT(errorFor(std::string("[1,2,3]")), HasSubstr("expected a JSON object at the top level, got an array"));
}

TEST(MapFileErrors, ANewerVersionAsksForANewerCauseway)
{
    Json j = validJson();
    j["version"] = 7;
    EXPECT_THAT(errorFor(j), HasSubstr("version 7 is newer than this Causeway supports (1)"));
    j["version"] = 0;
    EXPECT_THAT(errorFor(j), HasSubstr("unknown version 0"));
    j["version"] = "1";
    EXPECT_THAT(errorFor(j), HasSubstr("version: expected an integer, got string \"1\""));
    j.erase("version");
    EXPECT_THAT(errorFor(j), HasSubstr("version: missing field"));
}

TEST(MapFileErrors, MissingFieldsAreNamedWithTheirPath)
{
    Json j = validJson();
    j.erase("factors");
    EXPECT_THAT(errorFor(j), HasSubstr("factors: missing field"));
    j = validJson();
    j["factors"][1].erase("label");
    EXPECT_THAT(errorFor(j), HasSubstr("factors[1].label: missing field"));
    j = validJson();
    j["links"][2].erase("polarity");
    EXPECT_THAT(errorFor(j), HasSubstr("links[2].polarity: missing field"));
    j = validJson();
    j["links"][0].erase("to");
    EXPECT_THAT(errorFor(j), HasSubstr("links[0].to: missing field"));
}

TEST(MapFileErrors, WrongTypesAreNamedWithWhatWasFound)
{
    Json j = validJson();
    j["links"][3]["from"] = "3";
    EXPECT_THAT(errorFor(j), HasSubstr("links[3].from: expected an integer id, got string \"3\""));
    j = validJson();
    j["factors"][0]["x"] = "10";
    EXPECT_THAT(errorFor(j), HasSubstr("factors[0].x: expected a number, got string"));
    j = validJson();
    j["factors"][2]["pinned"] = 1;
    EXPECT_THAT(errorFor(j), HasSubstr("factors[2].pinned: expected true or false, got number 1"));
    j = validJson();
    j["links"][1]["polarity"] = "positive";
    EXPECT_THAT(errorFor(j), HasSubstr("links[1].polarity: expected \"+\", \"-\" or \"?\""));
    j = validJson();
    j["links"] = Json::object();
    EXPECT_THAT(errorFor(j), HasSubstr("links: expected an array, got an object"));
    j = validJson();
    j["factors"][3] = "D";
    EXPECT_THAT(errorFor(j), HasSubstr("factors[3]: expected an object"));
    j = validJson();
    j["links"][0]["bend"] = Json::array({1, 2});
    EXPECT_THAT(errorFor(j), HasSubstr("links[0].bend: expected an object"));
}

TEST(MapFileErrors, IdsMustBePositiveIntegers)
{
    for (const Json& bad : {Json(0), Json(-3), Json(1.5), Json(1e30), Json(nullptr)}) {
        Json j = validJson();
        j["factors"][1]["id"] = bad;
        EXPECT_THAT(errorFor(j), HasSubstr("factors[1].id: ")) << bad.dump();
    }
    Json j = validJson();
    j["factors"][1]["id"] = -3;
    EXPECT_THAT(errorFor(j), HasSubstr("ids are positive integers, got -3"));
}

TEST(MapFileErrors, DuplicateIdsNameBothPlaces)
{
    Json j = validJson();
    j["factors"][3]["id"] = 2;
    EXPECT_THAT(errorFor(j), HasSubstr("factors[3].id: duplicate factor id 2 (also factors[1])"));
    j = validJson();
    j["links"][2]["id"] = 1;
    EXPECT_THAT(errorFor(j), HasSubstr("links[2].id: duplicate link id 1 (also links[0])"));
}

TEST(MapFileErrors, ALinkToAnUnknownFactorIsRefused)
{
    Json j = validJson();
    j["links"][1]["to"] = 99;
    EXPECT_THAT(errorFor(j), HasSubstr("links[1].to: no factor has id 99"));
}

TEST(MapFileErrors, ASecondLinkInTheSameDirectionIsRefused)
{
    Json j = validJson();
    j["links"].push_back({{"id", 9}, {"from", 2}, {"to", 3}, {"polarity", "+"}});
    EXPECT_THAT(errorFor(j), HasSubstr("links[4]: a second link B -> C (links[1] already joins them"));
    // The opposite direction is a different link.
    j["links"][4]["from"] = 3;
    j["links"][4]["to"] = 2;
    EXPECT_NO_THROW(parseMapJson(j.dump()));
}

TEST(MapFileErrors, AnEmptyLabelIsRefused)
{
    Json j = validJson();
    j["factors"][2]["label"] = "";
    EXPECT_THAT(errorFor(j), HasSubstr("factors[2].label: empty label"));
}

TEST(MapFileErrors, HostileInputIsRefusedWithoutCrashing)
{
    // A million levels of nesting in an unknown field.
    std::string deep = validJson().dump();
    deep.pop_back();
    deep += ",\"x\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
    EXPECT_THAT(errorFor(deep), HasSubstr("nested deeper than 256 levels"));
    // Numbers too large for a double.
    std::string huge = validJson().dump(2);
    huge.replace(huge.find("\"x\": 10"), 7, "\"x\": 1e999");
    EXPECT_THAT(errorFor(huge), HasSubstr("not valid JSON at line"));
    EXPECT_THAT(errorFor(huge), HasSubstr("1e999"));
    // NaN is not JSON.
    EXPECT_THAT(errorFor(std::string(R"({"format":"causeway","version":1,"x":NaN})")),
                HasSubstr("not valid JSON"));
    // Bytes that are not UTF-8 inside a string.
    EXPECT_THAT(errorFor(std::string("{\"format\":\"caus\xFF\"}")), HasSubstr("not valid JSON at line 1"));
    // The largest integer is a well-formed id that names no factor.
    Json j = validJson();
    j["links"][0]["from"] = 18446744073709551615ull;
    EXPECT_THAT(errorFor(j), HasSubstr("links[0].from: no factor has id 18446744073709551615"));
}

TEST(MapFileErrors, EveryPrefixAndRandomCorruptionGivesIoErrorOrAMap)
{
    const std::string text = validJson().dump(1);
    for (std::size_t n = 0; n < text.size(); ++n)
        EXPECT_THROW(parseMapJson(text.substr(0, n)), IoError) << n;

    std::mt19937 random(20240611);
    const std::string alphabet = "{}[]\",:0123456789-+.eE \ntrufalsn?\\\xC3\xFF";
    int loaded = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string mutated = text;
        const int edits = 1 + int(random() % 4);
        for (int e = 0; e < edits; ++e)
            mutated[random() % mutated.size()] = alphabet[random() % alphabet.size()];
        try {
            parseMapJson(mutated);
            ++loaded;
        } catch (const IoError&) {
        }
    }
    // Some corruptions leave valid maps (a digit changed in a coordinate); most do not.
    EXPECT_GT(loaded, 0);
    EXPECT_LT(loaded, 3000);
}

TEST(MapFileErrors, MessagesStartWithTheFileName)
{
    TempDir dir;
    const std::string path = dir.file("broken.causeway");
    writeText(path, "{\"format\":\"causeway\",\"version\":9}");
    EXPECT_THAT(ioErrorOf([&] { loadMapFile(path); }),
                HasSubstr(path + ": version 9 is newer than this Causeway supports (1)"));
}

TEST(MapFileErrors, LoadingRefusesMissingFilesFoldersAndHugeFiles)
{
    TempDir dir;
    EXPECT_THAT(ioErrorOf([&] { loadMapFile(dir.file("nope.causeway")); }), HasSubstr("no such file"));
    EXPECT_THAT(ioErrorOf([&] { loadMapFile(dir.path().string()); }), HasSubstr("is a folder"));
    const std::string huge = dir.file("huge.causeway");
    writeText(huge, "{");
    std::filesystem::resize_file(huge, kMaxMapFileBytes + 1);
    EXPECT_THAT(ioErrorOf([&] { loadMapFile(huge); }), HasSubstr("larger than the 256.0 MB limit"));
}

TEST(MapFileErrors, AnAbsurdlyLargeBendIsRefusedWithItsPlace)
{
    Json j = validJson();
    j["links"][3]["bend"] = Json{{"x", 1e308}, {"y", 0}};
    const std::string message = errorFor(j);
    EXPECT_THAT(message, HasSubstr("links[3].bend.x: "));
    EXPECT_THAT(message, HasSubstr("10000000")); // the bound, so the user knows what is allowed
}

TEST(MapFileErrors, AFactorFarOutsideTheDrawableAreaIsRefusedWithItsPlace)
{
    Json j = validJson();
    j["factors"][2]["y"] = -1e300;
    EXPECT_THAT(errorFor(j), HasSubstr("factors[2].y: "));
}

TEST(MapFileErrors, CoordinatesUpToTheBoundLoad)
{
    Json j = validJson();
    j["factors"][0]["x"] = kMaxCoordinate;
    j["factors"][1]["y"] = -kMaxCoordinate;
    j["links"][0]["bend"] = Json{{"x", kMaxCoordinate}, {"y", -kMaxCoordinate}};
    const SystemMap map = parseMapJson(j.dump());
    EXPECT_EQ(map.factors().front().position.x, kMaxCoordinate);
    j["factors"][0]["x"] = std::nextafter(kMaxCoordinate, 2 * kMaxCoordinate);
    EXPECT_THAT(errorFor(j), HasSubstr("factors[0].x: "));
}
