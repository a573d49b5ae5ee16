// The parts of io/platform.h that are the same on every system: the test seam in front of
// replaceFile.
#include "io/platform.h"

#include <atomic>

namespace causeway::platform {

namespace {
std::atomic<ReplaceFileFunction> g_replaceFile{nullptr};
} // namespace

int replaceFile(const std::string& from, const std::string& to)
{
    const ReplaceFileFunction replace = g_replaceFile.load();
    return replace ? replace(from, to) : replaceFileNative(from, to);
}

ReplaceFileFunction setReplaceFileForTesting(ReplaceFileFunction replace)
{
    return g_replaceFile.exchange(replace);
}

} // namespace causeway::platform
