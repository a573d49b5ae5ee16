#include "io/fileutil.h"
#include "io/mapfile.h"

#include "iotestutil.h"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

// Runs `write` in a forked child with a resource limit lowered to `value` (RLIMIT_FSIZE: write()
// fails with EFBIG, SIGXFSZ being ignored; RLIMIT_NOFILE: open() fails with EMFILE), and returns
// the IoError message it got. Works as root, unlike a read-only folder, and leaves this
// process's limits alone.
std::string ioErrorInChildWithLimit(int resource, rlim_t value, const std::function<void()>& write)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return "pipe failed";
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipeFds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        ::getrlimit(resource, &limit);
        limit.rlim_cur = value;
        std::string message = "no error";
        if (::setrlimit(resource, &limit) != 0) {
            message = "setrlimit failed";
        } else {
            try {
                write();
            } catch (const IoError& e) {
                message = e.what();
            }
        }
        [[maybe_unused]] auto n = ::write(pipeFds[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(pipeFds[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, std::size_t(n));
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFEXITED(status)) << "the writing child did not exit normally";
    return message;
}

// A write that fails at its first byte, as in a full or read-only place; exercised for real
// even as root (how CI runs), where a read-only folder would not stop the write.
TEST(WriteFileAtomically, AWriteRefusedAtTheFirstByteKeepsTheOldFileAndLeavesNoTemporary)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    const std::string message = ioErrorInChildWithLimit(
        RLIMIT_FSIZE, 0, [&] { writeFileAtomically(path, "new contents"); });
    EXPECT_THAT(message, HasSubstr("write failed"));
    EXPECT_THAT(message, HasSubstr("the old file is kept"));
    EXPECT_EQ(readText(path), "old");
    EXPECT_EQ(dir.entryCount(), 1u);
}

// No temporary can be created (as in a read-only folder or with no descriptors left): the
// child may open no new file at all, root or not.
TEST(WriteFileAtomically, ATemporaryThatCannotBeCreatedKeepsTheOldFile)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    const std::string message = ioErrorInChildWithLimit(RLIMIT_NOFILE, 3,
                                                        [&] { writeFileAtomically(path, "new"); });
    EXPECT_THAT(message, HasSubstr("cannot create a temporary file"));
    EXPECT_EQ(readText(path), "old");
    EXPECT_EQ(dir.entryCount(), 1u);
}

// A real failure half-way through writing (as on a full disk): the file size limit makes
// write() fail with EFBIG after 64 KiB.
TEST(WriteFileAtomically, AFailureHalfWayKeepsTheOldFileAndRemovesTheTemporary)
{
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old contents");
    const std::string message = ioErrorInChildWithLimit(
        RLIMIT_FSIZE, 64 * 1024, [&] { writeFileAtomically(path, std::string(1 << 20, 'x')); });
    EXPECT_THAT(message, HasSubstr("write failed"));
    EXPECT_THAT(message, HasSubstr("the old file is kept"));
    EXPECT_EQ(readText(path), "old contents");
    EXPECT_EQ(dir.entryCount(), 1u);
}

// Sets the umask for one test and puts the old one back.
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : m_old(::umask(mask)) {}
    ~ScopedUmask() { ::umask(m_old); }

private:
    mode_t m_old;
};

mode_t modeOf(const std::string& path)
{
    struct stat st {};
    EXPECT_EQ(::lstat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

TEST(WriteFileAtomically, ANewFileGetsReadWriteLessTheUmask)
{
    TempDir dir;
    {
        ScopedUmask mask(077);
        writeFileAtomically(dir.file("private.causeway"), "x");
    }
    {
        ScopedUmask mask(022);
        writeFileAtomically(dir.file("shared.causeway"), "x");
    }
    EXPECT_EQ(modeOf(dir.file("private.causeway")), 0600u);
    EXPECT_EQ(modeOf(dir.file("shared.causeway")), 0644u);
}

TEST(WriteFileAtomically, AnOwnerOnlyFileIsReadableByItsOwnerAloneWhateverTheUmask)
{
    TempDir dir;
    ScopedUmask mask(0);
    writeFileAtomically(dir.file("recovery.causeway"), "x", FileAccess::OwnerOnly);
    EXPECT_EQ(modeOf(dir.file("recovery.causeway")), 0600u);
    // A recovery file that somehow became readable by others is narrowed on the next write.
    ::chmod(dir.file("recovery.causeway").c_str(), 0644);
    writeFileAtomically(dir.file("recovery.causeway"), "y", FileAccess::OwnerOnly);
    EXPECT_EQ(modeOf(dir.file("recovery.causeway")), 0600u);
}

TEST(WriteFileAtomically, KeepsTheOwnerAndGroupOfTheFileItReplaces)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "only root can give a file to another owner";
    TempDir dir;
    const std::string path = dir.file("map.causeway");
    writeText(path, "old");
    ASSERT_EQ(::chown(path.c_str(), 4321, 8765), 0);
    ::chmod(path.c_str(), 0640);
    writeFileAtomically(path, "new");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, 4321u);
    EXPECT_EQ(st.st_gid, 8765u);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_EQ(readText(path), "new");
}

void expectSavedThroughLink(const TempDir& dir, const std::string& link, const std::string& target)
{
    writeFileAtomically(link, "new");
    EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link))) << "the link was replaced by a file";
    EXPECT_EQ(readText(target), "new");
    EXPECT_EQ(readText(link), "new");
    EXPECT_EQ(dir.entryCount(), 2u); // the link and the real folder, no temporary
}

TEST(WriteFileAtomically, SavingThroughARelativeLinkWritesItsTargetAndKeepsTheLink)
{
    TempDir dir;
    fs::create_directory(dir.path() / "real");
    writeText(dir.path() / "real" / "map.causeway", "old");
    fs::create_symlink("real/map.causeway", dir.path() / "link.causeway");
    expectSavedThroughLink(dir, dir.file("link.causeway"), dir.file("real/map.causeway"));
    EXPECT_EQ(std::size_t(std::distance(fs::directory_iterator(dir.path() / "real"), {})), 1u);
}

TEST(WriteFileAtomically, SavingThroughAnAbsoluteLinkWritesItsTargetAndKeepsTheLink)
{
    TempDir dir;
    fs::create_directory(dir.path() / "real");
    writeText(dir.path() / "real" / "map.causeway", "old");
    ::chmod(dir.file("real/map.causeway").c_str(), 0640);
    fs::create_symlink(dir.path() / "real" / "map.causeway", dir.path() / "link.causeway");
    expectSavedThroughLink(dir, dir.file("link.causeway"), dir.file("real/map.causeway"));
    EXPECT_EQ(modeOf(dir.file("real/map.causeway")), 0640u);
}

// A process id that is certainly not running: a child that has exited and been reaped.
pid_t deadProcessId()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
}

std::string temporaryOf(const std::string& name, long pid)
{
    return "." + name + ".tmp-" + std::to_string(pid) + "-0-123456";
}

// What kill -9 in the middle of a save leaves: the folder holds a dead writer's temporaries
// (removed), a live writer's (kept) and another file's (not ours to judge).
struct StaleTemporaries {
    explicit StaleTemporaries(const TempDir& dir)
        : dead(dir.file(temporaryOf("map.causeway", deadProcessId()))),
          live(dir.file(temporaryOf("map.causeway", ::getpid()))),
          other(dir.file(temporaryOf("other.causeway", deadProcessId())))
    {
        for (const std::string& path : {dead, live, other})
            writeText(path, "partial");
    }
    std::string dead, live, other;
};

TEST(WriteFileAtomically, RemovesTemporariesADeadWriterLeftForThatFile)
{
    TempDir dir;
    const StaleTemporaries temps(dir);
    writeFileAtomically(dir.file("map.causeway"), "new");
    EXPECT_FALSE(fs::exists(temps.dead));
    EXPECT_TRUE(fs::exists(temps.live)) << "a live writer's temporary must be left alone";
    EXPECT_TRUE(fs::exists(temps.other));
    EXPECT_EQ(readText(dir.file("map.causeway")), "new");
}

TEST(WriteFileAtomically, RemovesATemporaryOlderThanADayWhoeverLeftIt)
{
    TempDir dir;
    const std::string old = dir.file(temporaryOf("map.causeway", ::getpid()));
    writeText(old, "partial");
    fs::last_write_time(old, fs::file_time_type::clock::now() - std::chrono::hours(48));
    writeFileAtomically(dir.file("map.causeway"), "new");
    EXPECT_FALSE(fs::exists(old));
}

TEST(LoadMapFile, RemovesTemporariesADeadWriterLeftForThatFile)
{
    TempDir dir;
    saveMapFile(SystemMap{}, dir.file("map.causeway"));
    const StaleTemporaries temps(dir);
    loadMapFile(dir.file("map.causeway"));
    EXPECT_FALSE(fs::exists(temps.dead));
    EXPECT_TRUE(fs::exists(temps.live));
    EXPECT_TRUE(fs::exists(temps.other));
}

TEST(FileExtension, IsLowerCaseWithoutTheDot)
{
    EXPECT_EQ(fileExtension("/tmp/Map.CauseWay"), "causeway");
    EXPECT_EQ(fileExtension("links.CSV"), "csv");
    EXPECT_EQ(fileExtension("folder.d/noextension"), "");
    EXPECT_EQ(fileExtension("archive.tar.gz"), "gz");
}
