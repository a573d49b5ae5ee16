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
    // Lay the map out (neato, compacted for `aspect`) when the file gave no positions, so the
    // map opens ready to read instead of on the importer's grid.
    bool layout = true;
    std::string aspect = "4:3";
};
int runImport(const ImportOptions& options);

int runValidate(const std::string& path);

struct LoopsOptions {
    std::string map;
    std::optional<std::string> through; // factor label, or "From -> To" for a link
    std::size_t maxLength = 0;
    // Listing every loop of a dense workshop map (10^8 and more) would exhaust memory: list the
    // shortest this many unless asked otherwise; the output says when more exist.
    std::size_t limit = 100000;
    bool countOnly = false;
    bool json = false;
    double timeout = 0; // seconds; 0: none. On timeout: what was found, marked incomplete, exit 3
    bool sils = false;  // print the shortest independent loop set instead
    unsigned threads = 0; // threads counting may use; 0: every core
};
int runLoops(const LoopsOptions& options);

} // namespace causeway::cli

namespace causeway {
struct NominationRound;
}

namespace causeway::cli {

int runSils(const std::string& map, bool json);

struct MetricsOptions {
    std::string map;
    std::size_t maxLoopLength = 8;
    bool json = false;
    double timeout = 0; // seconds; 0: none. On timeout: loops counted so far, marked incomplete
    unsigned threads = 0; // threads the loop count may use; 0: every core
};
int runMetrics(const MetricsOptions& options);

struct LayoutOptions {
    std::string map;
    std::string engine = "neato";
    bool tidy = false;
    bool compact = true; // pull the drawing together for a screen, as the editor does
    std::string aspect = "4:3"; // the screen or page to fill (parseAspect)
    bool anticlockwise = false; // engine "loops": rings read anticlockwise
    std::string output; // empty: overwrite the map
    double timeout = 0; // seconds; 0: none. Stopped: nothing written, exit kExitTimedOut
};
int runLayout(const LayoutOptions& options);

// Width / height of a target: "4:3", "16:9", "1024x768" or a paper size ("A4", "A3", "letter",
// landscape; "A4-portrait"). Throws std::invalid_argument naming the text.
double parseAspect(const std::string& text);

struct ExportOptions {
    std::string map;
    std::string output;
    std::string format; // empty: from the output's extension
    double scale = 0;   // PNG: pixels per SVG px; 0: from dpi, else 1
    double dpi = 0;
    std::string round;  // vote badges of this round (when revealed); empty: the last revealed
    bool noVotes = false;
    bool noLoopLabels = false;
    bool legend = false;
    bool transparent = false;
    bool force = false; // write another format over a .causeway file or the map itself
    std::string page = "fit"; // PDF: fit, A4 or Letter
    std::string title;        // PDF metadata; empty: the map's title, else the file's name
    std::string author;
};
int runExport(const ExportOptions& options);

struct BallotsOptions {
    std::string map;
    std::string round;
    std::string add;    // ballots CSV to import
    std::string output; // empty: overwrite the map
};
int runBallots(const BallotsOptions& options);

struct TallyOptions {
    std::string map;
    std::string round; // empty: the last round
    bool csv = false;
    bool json = false;
};
int runTally(const TallyOptions& options);

struct RevealOptions {
    std::string map;
    std::string round;
};
// Marks a secret round revealed, so its tally, ballots and vote badges can be shown.
int runReveal(const RevealOptions& options);

struct VoteOptions {
    std::string map;
    std::string round;
    std::string listen = "0.0.0.0:8080";
    std::string joinCode;     // empty: a random one
    std::string participants; // CSV of names to add to the round first
    std::string qrSvg;        // write the join address's QR code here (SVG)
};
// Opens the round to phones (docs/voting-api.md) until it is closed or SIGINT/SIGTERM.
int runVote(const VoteOptions& options);

// Throws unless the round's ballots may be shown (it is not secret, or it has been revealed),
// naming `causeway-cli reveal` as the way to show them.
void requireBallotsVisible(const std::string& mapPath, const NominationRound& round);
// export --round NAME draws that round's vote badges: refused the same way while it is hidden.
void checkExportRound(const ExportOptions& options);

} // namespace causeway::cli
