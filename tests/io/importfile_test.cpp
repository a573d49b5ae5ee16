#include "io/import.h"

#include "iotestutil.h"

using namespace causeway;
using namespace causeway::test;
using ::testing::Contains;
using ::testing::HasSubstr;

TEST(ImportFile, ChoosesTheImporterFromTheExtension)
{
    TempDir dir;
    std::filesystem::copy_file(dataPath("gephi.graphml"), dir.file("Network.GraphML"));
    EXPECT_EQ(importFile(dir.file("Network.GraphML")).map.linkCount(), 3u);
    writeText(dir.file("links.CSV"), "From,To,Polarity\nA,B,+\n");
    const ImportResult r = importFile(dir.file("links.CSV"));
    EXPECT_EQ(r.map.linkCount(), 1u);
    EXPECT_EQ(r.map.title, "links");
}

TEST(ImportFile, AnUnknownExtensionListsTheSupportedOnes)
{
    TempDir dir;
    writeText(dir.file("map.xlsx"), "PK");
    const std::string message = ioErrorOf([&] { importFile(dir.file("map.xlsx")); });
    EXPECT_THAT(message, HasSubstr("cannot import '.xlsx' files"));
    EXPECT_THAT(message, HasSubstr("supported: Links table (.csv), GraphML (.graphml), Graphviz DOT (.dot .gv)"));
    EXPECT_THAT(ioErrorOf([&] { importFile(dir.file("noextension")); }),
                HasSubstr("a file without an extension"));
}

TEST(ImportFile, ErrorsNameTheFileAndLine)
{
    TempDir dir;
    writeText(dir.file("links.csv"), "From,To,Polarity\nA,B,sideways\n");
    EXPECT_THAT(ioErrorOf([&] { importFile(dir.file("links.csv")); }),
                HasSubstr(dir.file("links.csv") + ": line 2: polarity 'sideways'"));
    EXPECT_THAT(ioErrorOf([&] { importFile(dir.file("absent.csv")); }), HasSubstr("no such file"));
    writeText(dir.file("links.csv"), "From,To,Polarity\nA,B,+\n");
    writeText(dir.file("factors.csv"), "Label\nA\n\"open\n");
    EXPECT_EQ(ioErrorOf([&] { importFile(dir.file("links.csv"), dir.file("factors.csv")); }),
              dir.file("factors.csv") + ": line 3: unterminated quote (the quoted field runs to the end of the file)");
}

TEST(ImportFile, AFactorsTableAlsoAppliesToGraphml)
{
    TempDir dir;
    writeText(dir.file("factors.csv"), "Label,Group,Description\nExclusion criteria,Agencies,Who is refused\nNew one,X,\n");
    const ImportResult r = importFile(dataPath("gephi.graphml"), dir.file("factors.csv"));
    EXPECT_EQ(r.map.factorCount(), 4u);
    EXPECT_EQ(r.map.factor(*r.map.findFactorByLabel("Exclusion criteria")).group, "Agencies");
    // The new factor goes below the positioned ones.
    EXPECT_GT(r.map.factor(*r.map.findFactorByLabel("New one")).position.y, 140.0);
}

TEST(ImportFile, EveryListedFormatHasAnImporter)
{
    // A missing file of each listed extension is reported as missing, not as unsupported.
    for (const ImportFormat& format : importFormats())
        for (const std::string& ext : format.extensions) {
            const std::string path = "/nonexistent-causeway-dir/map." + ext;
            EXPECT_TRUE(isImportable(path)) << ext;
            try {
                importFile(path);
                ADD_FAILURE() << ext;
            } catch (const IoError& e) {
                EXPECT_EQ(std::string(e.what()).find("cannot import"), std::string::npos) << e.what();
            }
        }
    EXPECT_FALSE(isImportable("map.causeway"));
    EXPECT_FALSE(isImportable("map"));
}

// Issue 17: an old Vensim file imported as "0 factors and 0 links", exit 0.
TEST(ImportFile, AFileWithContentButNoFactorsIsAnError)
{
    TempDir dir;
    writeText(dir.file("empty.dot"), "digraph { label=\"nothing here\" }\n");
    EXPECT_THAT(ioErrorOf([&] { importFile(dir.file("empty.dot")); }),
                HasSubstr(dir.file("empty.dot") + ": no factors found in the file"));
    writeText(dir.file("links.csv"), "From,To,Polarity\n");
    EXPECT_THAT(ioErrorOf([&] { importFile(dir.file("links.csv")); }),
                HasSubstr("no factors found in the file (the links table has a header but no links)"));
}

TEST(ImportFile, TheThreeRealFilesFromIssue17Import)
{
    EXPECT_EQ(importFile(dataPath("models/simlin/energy_tech_cld_v160.mdl")).map.linkCount(), 20u);
    EXPECT_EQ(importFile(dataPath("models/sdxorg-test-models/SIR_legacy.stmx")).map.factorCount(), 8u);
    EXPECT_EQ(importFile(dataPath("models/simlin/hares_and_foxes_modules.xmile")).map.factorCount(), 14u);
}
