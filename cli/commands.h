#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace causeway::cli {

// Each command prints its result to stdout, returns the process exit code, and lets exceptions
// (IoError, EditError, ...) reach main(), which prints them to stderr.

struct ImportOptions {
    std::string input;
    std::optional<std::string> factors;
    std::string output;
};
int runImport(const ImportOptions& options);

int runValidate(const std::string& path);

struct LoopsOptions {
    std::string map;
    std::optional<std::string> through; // factor label, or "From -> To" for a link
    std::size_t maxLength = 0;
    std::size_t limit = 0;
    bool countOnly = false;
    bool json = false;
};
int runLoops(const LoopsOptions& options);

} // namespace causeway::cli
