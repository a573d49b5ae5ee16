#pragma once

// Private to io/ (and cli/, for isTerminal): the operating-system calls that writing a file safely needs, behind one small
// interface so fileutil.cpp holds the policy (temporary, flush, replace, permissions, clean-up)
// and no system headers.
//
// platform_posix.cpp implements it for Linux and macOS. A Windows port adds
// platform_windows.cpp, chosen in io/CMakeLists.txt, with: _wsopen_s(_O_CREAT | _O_EXCL) for
// createExclusive, _commit for flushToDisk, ReplaceFileW (or MoveFileExW with
// MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) for replaceFile, GetFinalPathNameByHandleW
// for resolveLinks, OpenProcess for processIsRunning; permissions and owners there are ACLs that
// ReplaceFileW carries over, so ExistingFile's mode, owner and group may stay unused.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace causeway::platform {

// An open file; -1 when none.
using Handle = int;

// What a replaced file passes on to its successor.
struct ExistingFile {
    bool folder = false;
    unsigned mode = 0; // permission bits (07777)
    std::int64_t owner = -1; // user and group ids
    std::int64_t group = -1;
};

// Follows symbolic links (relative or absolute, chained) to the path that holds the data, so a
// save writes the target and keeps the link. A dangling link gives the path it points to;
// anything that is not a link is returned as it is.
std::string resolveLinks(const std::string& path);

// nullopt when nothing is at `path` (after resolving links).
std::optional<ExistingFile> existingFile(const std::string& path);

// Creates a new file, failing if the name is taken. `mode` is narrowed by the umask.
// Returns 0 or an error code for errorText.
int createExclusive(const std::string& path, unsigned mode, Handle* handle);
int writeAll(Handle handle, std::string_view bytes);
// Gives an open file an existing file's owner and group (where the OS lets this process) and
// then `mode` (after the owner: a change of owner clears set-id bits).
int setAccess(Handle handle, unsigned mode, const ExistingFile* ownerOf);
int flushToDisk(Handle handle);
int closeFile(Handle handle);
// Atomically puts `from` in place of `to`: the system's call (replaceFileNative) unless a test
// has put another in its place.
int replaceFile(const std::string& from, const std::string& to);
int replaceFileNative(const std::string& from, const std::string& to);
// The seam where platforms differ most: POSIX rename replaces a file another program has open,
// Windows' ReplaceFileW refuses (sharing violation). Tests play that here on any system.
// Returns the previous function; nullptr restores the system's call.
using ReplaceFileFunction = int (*)(const std::string& from, const std::string& to);
ReplaceFileFunction setReplaceFileForTesting(ReplaceFileFunction replace);
void removeFile(const std::string& path);
// Makes a rename in `folder` durable; best effort.
void flushFolder(const std::string& folder);

std::int64_t currentProcessId();
bool processIsRunning(std::int64_t pid);

std::string errorText(int error);

// Whether standard output or standard error is a terminal (progress lines, QR codes).
enum class Stream { Output, Error };
bool isTerminal(Stream stream);

} // namespace causeway::platform
