// The POSIX side of io/platform.h (Linux, macOS).
#include "io/platform.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace causeway::platform {

namespace fs = std::filesystem;

std::string resolveLinks(const std::string& path)
{
    fs::path current(path);
    // Linux gives up after 40 links (ELOOP); so do we, and the write then fails on its own.
    for (int hop = 0; hop < 40; ++hop) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(current, ec)))
            break;
        const fs::path target = fs::read_symlink(current, ec);
        if (ec)
            break;
        current = target.is_absolute() ? target : current.parent_path() / target;
    }
    return current.string();
}

std::optional<ExistingFile> existingFile(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return ExistingFile{S_ISDIR(st.st_mode), unsigned(st.st_mode & 07777), std::int64_t(st.st_uid),
                        std::int64_t(st.st_gid)};
}

int createExclusive(const std::string& path, unsigned mode, Handle* handle)
{
    *handle = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode));
    return *handle < 0 ? errno : 0;
}

int writeAll(Handle handle, std::string_view bytes)
{
    while (!bytes.empty()) {
        const ssize_t written = ::write(handle, bytes.data(),
                                        std::min<std::size_t>(bytes.size(), 1 << 20));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        bytes.remove_prefix(std::size_t(written));
    }
    return 0;
}

int setAccess(Handle handle, unsigned mode, const ExistingFile* ownerOf)
{
    // Only root may give a file away; an owner may still set the group to one of its own.
    // Refusals are expected and harmless: the file then belongs to whoever saved it.
    if (ownerOf && ::fchown(handle, uid_t(ownerOf->owner), gid_t(ownerOf->group)) != 0
        && ::fchown(handle, uid_t(-1), gid_t(ownerOf->group)) != 0) {
        // Not ours to give: the new file stays with whoever saved it.
    }
    return ::fchmod(handle, mode_t(mode)) == 0 ? 0 : errno;
}

int flushToDisk(Handle handle) { return ::fsync(handle) == 0 ? 0 : errno; }

int closeFile(Handle handle) { return ::close(handle) == 0 ? 0 : errno; }

int replaceFileNative(const std::string& from, const std::string& to)
{
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

void removeFile(const std::string& path) { ::unlink(path.c_str()); }

void flushFolder(const std::string& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::int64_t currentProcessId() { return ::getpid(); }

bool processIsRunning(std::int64_t pid)
{
    if (pid <= 0 || pid > INT_MAX)
        return false;
    // EPERM: it exists but belongs to someone else, so it is running.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

std::string errorText(int error) { return std::strerror(error); }

bool isTerminal(Stream stream)
{
    return ::isatty(stream == Stream::Output ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

} // namespace causeway::platform
