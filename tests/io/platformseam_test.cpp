// The seam in front of the one call platforms disagree on most: replacing a file. POSIX rename
// replaces a file another program has open; Windows' ReplaceFileW refuses with a sharing
// violation. The save's policy above it must keep the old file and clean up either way.
#include "io/fileutil.h"
#include "io/ioerror.h"
#include "io/platform.h"

#include "iotestutil.h"

#include <cerrno>
#include <string>
#include <vector>

using namespace causeway;
using namespace causeway::test;
using ::testing::HasSubstr;

namespace {

std::vector<std::string> g_calls;

int refuseAsWindowsDoesForAnOpenFile(const std::string& from, const std::string& to)
{
    g_calls.push_back(from + " -> " + to);
    return EACCES;
}

int recordAndReplace(const std::string& from, const std::string& to)
{
    g_calls.push_back(from + " -> " + to);
    return platform::replaceFileNative(from, to);
}

// Puts the system's call back however the test ends.
struct ReplaceFileOverride {
    explicit ReplaceFileOverride(platform::ReplaceFileFunction f)
    {
        g_calls.clear();
        platform::setReplaceFileForTesting(f);
    }
    ~ReplaceFileOverride() { platform::setReplaceFileForTesting(nullptr); }
};

} // namespace

TEST(PlatformSeam, AReplaceRefusedKeepsTheOldFileRemovesTheTemporaryAndSaysSo)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    ReplaceFileOverride refuse(refuseAsWindowsDoesForAnOpenFile);
    try {
        writeFileAtomically(path, "new");
        FAIL() << "the refused replace was not reported";
    } catch (const IoError& e) {
        EXPECT_THAT(e.what(), HasSubstr("cannot replace the file"));
        EXPECT_THAT(e.what(), HasSubstr("the old file is kept"));
        EXPECT_THAT(e.what(), HasSubstr("map.causeway"));
    }
    ASSERT_EQ(g_calls.size(), 1u);
    EXPECT_EQ(readText(path), "old");
    EXPECT_EQ(dir.entryCount(), 1u); // the temporary is gone
}

TEST(PlatformSeam, EverySaveGoesThroughTheOneReplaceCallFromATemporaryBesideTheFile)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    ReplaceFileOverride record(recordAndReplace);
    writeFileAtomically(path, "new");
    ASSERT_EQ(g_calls.size(), 1u);
    EXPECT_THAT(g_calls[0], HasSubstr(dir.file(".map.causeway.tmp-")));
    EXPECT_THAT(g_calls[0], HasSubstr(" -> " + path));
    EXPECT_EQ(readText(path), "new");
    EXPECT_EQ(dir.entryCount(), 1u);
}

TEST(PlatformSeam, WithoutAnOverrideTheSystemsCallReplaces)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    platform::setReplaceFileForTesting(nullptr);
    writeFileAtomically(path, "new");
    EXPECT_EQ(readText(path), "new");
}
