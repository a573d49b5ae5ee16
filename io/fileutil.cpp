// Bounded reading and atomic writing of files; the system calls sit behind io/platform.h.
#include "io/fileutil.h"

#include "io/ioerror.h"
#include "io/platform.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <system_error>

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

// Closes the file and removes it unless release() was called, so every early exit (exception
// included) leaves no temporary behind.
class TempFile {
public:
    TempFile(platform::Handle handle, std::string path) : m_handle(handle), m_path(std::move(path))
    {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile()
    {
        if (m_handle >= 0)
            platform::closeFile(m_handle);
        if (!m_released)
            platform::removeFile(m_path);
    }
    platform::Handle handle() const { return m_handle; }
    const std::string& path() const { return m_path; }
    int close()
    {
        const int error = platform::closeFile(m_handle);
        m_handle = -1;
        return error;
    }
    void release() { m_released = true; }

private:
    platform::Handle m_handle;
    std::string m_path;
    bool m_released = false;
};

std::string temporaryPrefix(const fs::path& target)
{
    return "." + target.filename().string() + ".tmp-";
}

// A name no other writer (another thread, another process) will pick: pid, counter and a
// random part; the exclusive create makes the final guarantee. The pid comes first so that
// removeStaleTemporaries can tell whether its writer is still running.
std::string temporaryName(const fs::path& target)
{
    static std::atomic<unsigned> counter{0};
    static thread_local std::mt19937_64 random{std::random_device{}()};
    return temporaryPrefix(target) + std::to_string(platform::currentProcessId()) + "-"
        + std::to_string(counter++) + "-" + std::to_string(random() % 1000000);
}

// The writer's pid in a temporary's name, or nullopt when the name is not one of ours.
std::optional<std::int64_t> writerOf(std::string_view name, std::string_view prefix)
{
    if (!name.starts_with(prefix))
        return std::nullopt;
    name.remove_prefix(prefix.size());
    const std::size_t dash = name.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash > 18)
        return std::nullopt;
    std::int64_t pid = 0;
    for (char c : name.substr(0, dash)) {
        if (c < '0' || c > '9')
            return std::nullopt;
        pid = pid * 10 + (c - '0');
    }
    return pid;
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
        throw IoError(path + ": cannot open (" + platform::errorText(errno) + ")");
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

void removeStaleTemporaries(const std::string& path)
{
    const fs::path target(platform::resolveLinks(path));
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = temporaryPrefix(target);
    const auto tooOld = fs::file_time_type::clock::now() - std::chrono::hours(kStaleTemporaryHours);
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::optional<std::int64_t> writer = writerOf(it->path().filename().string(), prefix);
        if (!writer || !it->is_regular_file(ec))
            continue;
        // A live writer's file is left alone unless it is far older than any save takes (its
        // pid then belongs to another process, or it lives on another machine's share).
        std::error_code timeError;
        const auto written = fs::last_write_time(it->path(), timeError);
        if (!platform::processIsRunning(*writer) || (!timeError && written < tooOld))
            platform::removeFile(it->path().string());
    }
}

void writeFileAtomically(const std::string& requestedPath, std::string_view contents,
                         FileAccess access)
{
    // Through a symbolic link, the target is replaced and the link stays a link.
    const std::string path = platform::resolveLinks(requestedPath);
    const fs::path target(path);
    if (target.filename().empty())
        throw IoError(requestedPath + ": not a file name");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");

    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw IoError(requestedPath + ": folder " + folder.string() + " does not exist");

    const std::optional<platform::ExistingFile> old = platform::existingFile(path);
    if (old && old->folder)
        throw IoError(requestedPath + ": is a folder, not a file");
    removeStaleTemporaries(path);

    // The temporary starts private; it gets its final access before anyone can see the data
    // under the real name. A new shared file is 0666 less the umask, like any other program's.
    const bool ownerOnly = access == FileAccess::OwnerOnly;
    const bool keepOld = old && !ownerOnly;
    platform::Handle handle = -1;
    std::string tempPath;
    for (int attempt = 0; attempt < 100 && handle < 0; ++attempt) {
        tempPath = (folder / temporaryName(target)).string();
        const int error = platform::createExclusive(tempPath, ownerOnly || keepOld ? 0600 : 0666,
                                                    &handle);
        if (handle < 0 && error != EEXIST)
            throw IoError(requestedPath + ": cannot create a temporary file in " + folder.string()
                          + " (" + platform::errorText(error) + ")");
    }
    if (handle < 0)
        throw IoError(requestedPath + ": cannot find a free temporary file name in "
                      + folder.string());
    TempFile temp(handle, tempPath);
    // An owner and mode this process may not set is not worth failing the save for.
    if (keepOld)
        platform::setAccess(temp.handle(), old->mode, &*old);
    else if (ownerOnly)
        platform::setAccess(temp.handle(), 0600, nullptr);

    const auto failed = [&](const std::string& what, int error) {
        return IoError(requestedPath + ": " + what + " (" + platform::errorText(error)
                       + "); the old file is kept");
    };
    if (const int error = platform::writeAll(temp.handle(), contents))
        throw failed("write failed", error);
    if (const int error = platform::flushToDisk(temp.handle()))
        throw failed("flushing to disk failed", error);
    if (const int error = temp.close())
        throw failed("closing failed", error);
    if (const int error = platform::replaceFile(temp.path(), path))
        throw failed("cannot replace the file", error);
    temp.release();
    // Make the rename itself durable; failing here cannot lose data already renamed.
    platform::flushFolder(folder.string());
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
