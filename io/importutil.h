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

// A whole text as a finite number ("1.5", "-2e3"; surrounding spaces allowed). nullopt for
// anything else, infinities and NaN included.
std::optional<double> parseNumber(std::string_view text);

// "line L, column C" of a byte offset into `text` (1-based), for messages about malformed input.
std::string lineColumn(std::string_view text, std::size_t offset);

// lineColumn for many offsets into one text: lines found by binary search over their starts.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    std::string lineColumn(std::size_t offset) const; // "line L, column C"
    std::string line(std::size_t offset) const;       // "line L"

private:
    std::pair<std::size_t, std::size_t> find(std::size_t offset) const;
    std::size_t m_size;
    std::vector<std::size_t> m_lineStarts;
};

// An imported map holds at most this many factors and links: loops and layout are of no use
// far below it, and each costs the map about a kilobyte, so a 20 MB table of a million links
// would take gigabytes. Past it the import is refused (checkMapSize) before it builds anything.
inline constexpr std::size_t kMaxImportFactors = 100'000;
inline constexpr std::size_t kMaxImportLinks = 100'000;
void checkMapSize(std::size_t factors, std::size_t links);

// Deeper JSON nesting than this is refused before a parser builds it: every level costs a
// parser allocation and a recursive writer one stack frame. No map format needs more than ~10.
inline constexpr int kMaxJsonNesting = 256;

// The bracketed value starting at text[start] ('[' or '{'): `end` is just past its matching
// close (npos when the text ends first); brackets inside JSON strings are skipped, and [ { and
// ] } count alike. The scan stops where the nesting first passes `maxDepth`, at `tooDeepAt`.
struct BracketSpan {
    std::size_t end = std::string_view::npos;
    std::size_t tooDeepAt = std::string_view::npos;
};
BracketSpan matchBrackets(std::string_view text, std::size_t start, int maxDepth = kMaxJsonNesting);

// Refuses JSON nested deeper than kMaxJsonNesting with an IoError naming the place; cheap, so
// callers run it before parsing.
void checkJsonNesting(std::string_view text);

// A variable name as system dynamics tools match it (Vensim, XMILE): case-insensitive, runs of
// spaces, underscores, tabs and line breaks (also written "\n") equal to one '_', surrounding
// double quotes not part of the name.
std::string normaliseModelName(std::string_view name);

// Gives factors a first position so an imported map is not a pile at (0,0): a circle for a
// few factors, a grid for many, with its top-left corner at `origin`. Layout improves it later.
void placeInitially(SystemMap& map, const std::vector<FactorId>& ids, Point origin = {0, 0});

// Whether every factor of `map` stands where placeInitially puts the whole map (in id order),
// that is, no position came from the file.
bool onInitialPlacement(const SystemMap& map);

class Warnings;

// Source tools draw smaller boxes than Causeway's (layoutFactorBox), so a file's own
// coordinates can make factors overlap. Scales the positions of `ids` about their top-left
// corner, the least that separates every two boxes (up to a limit, past which the overlaps
// left are counted), and says in `warnings` what it did. Returns the scale used (1: none).
double spreadToFit(SystemMap& map, const std::vector<FactorId>& ids, Warnings& warnings);

// Collects warnings, stopping at a limit so a broken 100,000-row file cannot flood the UI.
// What an importer dropped or guessed is also counted per kind (`count`), and finish() puts one
// line per kind first: "225 links: polarity read from Kumu connection type".
class Warnings {
public:
    explicit Warnings(std::vector<std::string>& out, std::size_t limit = 100)
        : m_out(out), m_limit(limit)
    {
    }
    void add(std::string message);
    // `kind` reads after the count: "links: polarity read from a '+?' label (uncertain)".
    void count(const std::string& kind, std::size_t n = 1);
    std::size_t counted(const std::string& kind) const;
    // Adds the counts and "... and N more warnings" if some were dropped. Call once at the end.
    void finish();

private:
    std::vector<std::string>& m_out;
    std::size_t m_limit;
    std::size_t m_dropped = 0;
    std::vector<std::pair<std::string, std::size_t>> m_counts; // first-counted order
};

// Adds `link` unless the map already has one in that direction (a map holds one): then warns
// "<where>: a second edge A -> B skipped ..." and returns false.
bool addLinkOnce(SystemMap& map, const Link& link, Warnings& warnings, const std::string& where);

// What a piece of link text says, by the one rule every importer follows: text that names a
// polarity (+ - ? and parsePolarityLoosely's spellings, U+2212 minus, Kumu's two characters
// ++ -- +- -+, an uncertain "+?" or "-?") sets the polarity; a delay mark (||, //, "delay")
// beside it sets the delay; any other text is the link's label, kept whole.
struct LinkText {
    std::optional<Polarity> polarity;
    bool delay = false;
    bool uncertain = false;   // "+?" / "-?": the sign with a question mark
    bool twoCharacter = false; // "++", "+-", ...: Kumu's two-character polarity
    std::string label;        // the text when it names no polarity, else empty
};
LinkText readLinkText(std::string_view text);

// A polarity from readLinkText, counted in `warnings` when it was a guess ("+?") or a spelling
// only some tools use, with `source` naming where it came from ("a DOT edge label").
void countLinkText(Warnings& warnings, const LinkText& read, const std::string& source);

} // namespace causeway::importutil

namespace causeway {
struct ImportResult;
// Reads a factors table (Label,Group,Description; Label required) into `result`: details for
// factors already there (matched by label), new factors for the rest. In importcsv.cpp.
// Returns the factors it created, in table order, for the caller to place.
std::vector<FactorId> applyFactorsTable(ImportResult& result, std::string_view factorsCsv);
} // namespace causeway
