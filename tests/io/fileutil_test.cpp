#include "io/fileutil.h"
#include "io/mapfile.h"

#include "iotestutil.h"

#include <csignal>
#include <filesystem>

#include <sys/resource.h>
#include <unistd.h>

using namespace causeway;
using namespace causeway::test;
using ::testing::HasSubstr;
namespace fs = std::filesystem;

TEST(ReadFileLimited, ReadsAWholeFile)
{
    TempDir dir;
    const std::string text("binary\0and text\r\n", 17);
    writeText(dir.file("a.txt"), text);
    EXPECT_EQ(readFileLimited(dir.file("a.txt"), 1000), text);
}

TEST(ReadFileLimited, RefusesATwoGigabyteFileWithoutReadingIt)
{
    TempDir dir;
    const std::string path = dir.file("huge.causeway");
    writeText(path, "");
    // Sparse: takes no disk space, but reading it would allocate 2 GB.
    fs::resize_file(path, 2ull * 1024 * 1024 * 1024);
    const std::string message = ioErrorOf([&] { readFileLimited(path, kMaxMapFileBytes); });
    EXPECT_THAT(message, HasSubstr("2.0 GB"));
    EXPECT_THAT(message, HasSubstr("larger than the 256.0 MB limit"));
}

TEST(ReadFileLimited, RefusesAFileOneByteOverTheLimit)
{
    TempDir dir;
    writeText(dir.file("a"), "12345");
    EXPECT_EQ(readFileLimited(dir.file("a"), 5), "12345");
    EXPECT_THAT(ioErrorOf([&] { readFileLimited(dir.file("a"), 4); }), HasSubstr("larger than"));
}

TEST(ReadFileLimited, NamesAMissingFileAndAFolder)
{
    TempDir dir;
    EXPECT_THAT(ioErrorOf([&] { readFileLimited(dir.file("nope.csv"), 100); }),
                HasSubstr("nope.csv: no such file"));
    EXPECT_THAT(ioErrorOf([&] { readFileLimited(dir.path().string(), 100); }),
                HasSubstr("is a folder"));
}

TEST(WriteFileAtomically, CreatesAndReplacesAFileLeavingNoTemporary)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeFileAtomically(path, "first");
    EXPECT_EQ(readText(path), "first");
    writeFileAtomically(path, "second, longer");
    EXPECT_EQ(readText(path), "second, longer");
    EXPECT_EQ(dir.entryCount(), 1u);
}

TEST(WriteFileAtomically, KeepsThePermissionsOfTheFileItReplaces)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    writeFileAtomically(path, "new");
    EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(WriteFileAtomically, FailsCleanlyWhenTheFolderDoesNotExist)
{
    TempDir dir;
    const std::string path = dir.file("missing/map.causeway");
    EXPECT_THAT(ioErrorOf([&] { writeFileAtomically(path, "x"); }), HasSubstr("does not exist"));
    EXPECT_EQ(dir.entryCount(), 0u);
}

TEST(WriteFileAtomically, RefusesToReplaceAFolderAndLeavesItAlone)
{
    TempDir dir;
    fs::create_directory(dir.path() / "map.causeway");
    writeText(dir.path() / "map.causeway" / "inside", "kept");
    EXPECT_THAT(ioErrorOf([&] { writeFileAtomically(dir.file("map.causeway"), "x"); }),
                HasSubstr("is a folder"));
    EXPECT_EQ(readText(dir.path() / "map.causeway" / "inside"), "kept");
    EXPECT_EQ(dir.entryCount(), 1u);
}

TEST(WriteFileAtomically, FailsCleanlyInAReadOnlyFolderAndKeepsTheOldFile)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "root writes into read-only folders; covered by the file-size-limit test";
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_THAT(ioErrorOf([&] { writeFileAtomically(path, "new"); }),
                HasSubstr("cannot create a temporary file"));
    EXPECT_EQ(readText(path), "old");
    EXPECT_EQ(dir.entryCount(), 1u);
}

// A real failure half-way through writing (as on a full disk): the process's file size limit
// makes write() fail with EFBIG after 64 KiB.
TEST(WriteFileAtomically, AFailureHalfWayKeepsTheOldFileAndRemovesTheTemporary)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old contents");

    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 64 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::string message = ioErrorOf([&] { writeFileAtomically(path, std::string(1 << 20, 'x')); });
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    EXPECT_THAT(message, HasSubstr("write failed"));
    EXPECT_THAT(message, HasSubstr("the old file is kept"));
    EXPECT_EQ(readText(path), "old contents");
    EXPECT_EQ(dir.entryCount(), 1u);
}

TEST(FileExtension, IsLowerCaseWithoutTheDot)
{
    EXPECT_EQ(fileExtension("/tmp/Map.CauseWay"), "causeway");
    EXPECT_EQ(fileExtension("links.CSV"), "csv");
    EXPECT_EQ(fileExtension("folder.d/noextension"), "");
    EXPECT_EQ(fileExtension("archive.tar.gz"), "gz");
}
