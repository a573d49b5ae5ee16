#pragma once

#include "model/systemmap.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Private to io/: helpers the importers share.
namespace causeway::importutil {

std::string trim(std::string_view text);
std::string lower(std::string_view text);

// Delay cells: yes/true/1/y/x/delay mean a delay, empty/no/false/0/n/none mean none.
// nullopt for anything else (the caller warns).
std::optional<bool> parseFlag(std::string_view text);

// Polarity as researchers and tools write it: parsePolarity's spellings plus signed numbers
// ("1.0", "-2", as networkx writes weights). nullopt when not recognised.
std::optional<Polarity> parsePolarityLoosely(std::string_view text);

// "line L, column C" of a byte offset into `text` (1-based), for messages about malformed input.
std::string lineColumn(std::string_view text, std::size_t offset);

// A variable name as system dynamics tools match it (Vensim, XMILE): case-insensitive, runs of
// spaces, underscores, tabs and line breaks (also written "\n") equal to one '_', surrounding
// double quotes not part of the name.
std::string normaliseModelName(std::string_view name);

// Gives factors a first position so an imported map is not a pile at (0,0): a circle for a
// few factors, a grid for many, with its top-left corner at `origin`. Layout improves it later.
void placeInitially(SystemMap& map, const std::vector<FactorId>& ids, Point origin = {0, 0});

// Collects warnings, stopping at a limit so a broken 100,000-row file cannot flood the UI.
class Warnings {
public:
    explicit Warnings(std::vector<std::string>& out, std::size_t limit = 100)
        : m_out(out), m_limit(limit)
    {
    }
    void add(std::string message);
    // Adds "... and N more warnings" if some were dropped. Call once at the end.
    void finish();

private:
    std::vector<std::string>& m_out;
    std::size_t m_limit;
    std::size_t m_dropped = 0;
};

} // namespace causeway::importutil

namespace causeway {
struct ImportResult;
// Reads a factors table (Label,Group,Description; Label required) into `result`: details for
// factors already there (matched by label), new factors for the rest. In importcsv.cpp.
// Returns the factors it created, in table order, for the caller to place.
std::vector<FactorId> applyFactorsTable(ImportResult& result, std::string_view factorsCsv);
} // namespace causeway
