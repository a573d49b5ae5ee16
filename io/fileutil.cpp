#include "io/fileutil.h"

#include "io/ioerror.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace causeway {

namespace fs = std::filesystem;

namespace {

std::string humanSize(std::uintmax_t bytes)
{
    char buffer[64];
    if (bytes >= 1024ull * 1024 * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f GB", double(bytes) / (1024.0 * 1024 * 1024));
    else if (bytes >= 1024ull * 1024)
        std::snprintf(buffer, sizeof buffer, "%.1f MB", double(bytes) / (1024.0 * 1024));
    else
        std::snprintf(buffer, sizeof buffer, "%ju bytes", bytes);
    return buffer;
}

std::string errnoText(int error)
{
    return std::strerror(error);
}

// Closes the descriptor and removes the temporary file unless release() was called, so every
// early exit (exception included) leaves no temporary behind.
class TempFile {
public:
    TempFile(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_released)
            ::unlink(m_path.c_str());
    }
    int fd() const { return m_fd; }
    const std::string& path() const { return m_path; }
    int close()
    {
        int result = ::close(m_fd);
        m_fd = -1;
        return result;
    }
    void release() { m_released = true; }

private:
    int m_fd;
    std::string m_path;
    bool m_released = false;
};

// A name no other writer (another thread, another process) will pick: pid, counter and a
// random part; O_EXCL makes the final guarantee.
std::string temporaryName(const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-"
        + std::to_string(counter++) + "-" + std::to_string(random() % 1000000);
}

} // namespace

std::string readFileLimited(const std::string& path, std::size_t maxBytes)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw IoError(path + ": no such file");
    if (fs::is_directory(status))
        throw IoError(path + ": is a folder, not a file");
    if (!fs::is_regular_file(status))
        throw IoError(path + ": not a regular file");

    // Checked before reading: a 2 GB file must be refused without allocating 2 GB.
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        throw IoError(path + ": cannot read the file size (" + ec.message() + ")");
    if (size > maxBytes)
        throw IoError(path + ": file is " + humanSize(size) + ", larger than the "
                      + humanSize(maxBytes) + " limit");

    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(path + ": cannot open (" + errnoText(errno) + ")");
    std::string contents;
    contents.resize(static_cast<std::size_t>(size));
    in.read(contents.data(), static_cast<std::streamsize>(size));
    contents.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw IoError(path + ": read error");
    // The file may have grown since we measured it: never return more than the limit.
    if (in.peek() != std::char_traits<char>::eof())
        throw IoError(path + ": file changed while being read");
    return contents;
}

void writeFileAtomically(const std::string& path, std::string_view contents)
{
    const fs::path target(path);
    if (target.filename().empty())
        throw IoError(path + ": not a file name");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");

    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw IoError(path + ": folder " + folder.string() + " does not exist");

    // Keep an existing file's permissions; a new file gets 0666 less the umask, like any other.
    mode_t mode = 0666;
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0) {
        if (S_ISDIR(old.st_mode))
            throw IoError(path + ": is a folder, not a file");
        mode = old.st_mode & 07777;
    }

    int fd = -1;
    std::string tempPath;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        tempPath = (folder / temporaryName(target)).string();
        fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0 && errno != EEXIST)
            throw IoError(path + ": cannot create a temporary file in " + folder.string() + " ("
                          + errnoText(errno) + ")");
    }
    if (fd < 0)
        throw IoError(path + ": cannot find a free temporary file name in " + folder.string());
    TempFile temp(fd, tempPath);
    if (::fchmod(fd, mode) != 0) {
        // umask may have narrowed the mode; failing to widen it is not worth failing the save.
    }

    const char* data = contents.data();
    std::size_t left = contents.size();
    while (left > 0) {
        const ssize_t written = ::write(temp.fd(), data, std::min<std::size_t>(left, 1 << 20));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            throw IoError(path + ": write failed (" + errnoText(errno) + "); the old file is kept");
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fsync(temp.fd()) != 0)
        throw IoError(path + ": flushing to disk failed (" + errnoText(errno)
                      + "); the old file is kept");
    if (temp.close() != 0)
        throw IoError(path + ": closing failed (" + errnoText(errno) + "); the old file is kept");
    if (::rename(temp.path().c_str(), path.c_str()) != 0)
        throw IoError(path + ": cannot replace the file (" + errnoText(errno)
                      + "); the old file is kept");
    temp.release();

    // Make the rename itself durable; failing here cannot lose data already renamed.
    const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

std::string fileExtension(const std::string& path)
{
    std::string ext = fs::path(path).extension().string();
    if (!ext.empty() && ext.front() == '.')
        ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace causeway
