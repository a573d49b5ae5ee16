// causeway-cli layout, export, ballots and tally: commands that write files or reports.
#include "cli/commands.h"
#include "cli/terminaltext.h"
#include "cli/watchdog.h"

#include "io/ballots.h"
#include "io/fileutil.h"
#include "io/mapexport.h"
#include "io/rasterexport.h"
#include "io/mapfile.h"
#include "io/platform.h"
#include "layout/layout.h"
#include "layout/looplayout.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>

namespace causeway::cli {

double parseAspect(const std::string& text)
{
    std::string t;
    for (const char c : text)
        t += char(std::tolower(static_cast<unsigned char>(c)));
    // Paper is printed landscape unless it says otherwise: ISO A sizes are 1 : sqrt(2).
    const bool portrait = t.ends_with("-portrait");
    if (portrait)
        t.resize(t.size() - std::string_view("-portrait").size());
    double ratio = 0;
    if (t.size() == 2 && t[0] == 'a' && t[1] >= '0' && t[1] <= '6')
        ratio = std::sqrt(2.0);
    else if (t == "letter")
        ratio = 11.0 / 8.5;
    else if (!portrait) {
        const std::size_t sep = t.find_first_of(":x");
        double w = 0, h = 0;
        std::size_t usedW = 0, usedH = 0;
        try {
            w = std::stod(t.substr(0, sep), &usedW);
            h = std::stod(t.substr(sep + 1), &usedH);
        } catch (const std::exception&) {
            usedW = 0;
        }
        if (sep != std::string::npos && usedW == sep && usedH == t.size() - sep - 1 && w > 0 && h > 0
            && std::isfinite(w / h) && w / h > 0.05 && w / h < 20)
            ratio = w / h;
    }
    if (ratio <= 0)
        throw std::invalid_argument("--aspect '" + text + "' is not a screen or page shape: use "
                                    "W:H (4:3, 16:9), WxH pixels (1024x768) or a paper size (A4, "
                                    "A3, letter, A4-portrait)");
    return portrait ? 1 / ratio : ratio;
}

int runLayout(const LayoutOptions& options)
{
    const double aspect = parseAspect(options.aspect); // before any work: a typo costs nothing
    SystemMap map = loadMapFile(options.map);
    layout::LayoutOptions lo;
    const bool rings = options.engine == "loops";
    bool known = rings;
    for (layout::Engine e : layout::allEngines())
        if (options.engine == layout::engineName(e)) {
            lo.engine = e;
            known = true;
        }
    if (!known)
        throw std::runtime_error("Unknown layout engine '" + options.engine
                                 + "' (choose dot, neato, fdp, sfdp, circo or loops).");
    lo.tidy = options.tidy;
    lo.compact = options.compact;
    lo.aspect = aspect;
    // Past --timeout the layout stops at its next drawing judged, and is dropped if it ended first.
    Watchdog watchdog(options.timeout,
                      [label = "laying out with " + options.engine] { return label; });
    // The watchdog's flag, not owned: the layout ends before the watchdog does.
    lo.stop = std::shared_ptr<const std::atomic<bool>>(std::shared_ptr<void>(), watchdog.cancel());
    const layout::LoopDirection direction = options.anticlockwise
        ? layout::LoopDirection::Anticlockwise
        : layout::LoopDirection::Clockwise;
    layout::LayoutResult result;
    bool stopped = false;
    try {
        result = rings ? layout::loopFirstLayout(map, lo, direction)
                       : layout::computeLayout(map, lo);
    } catch (const layout::LayoutStopped&) {
        stopped = true;
    }
    watchdog.stop();
    if (stopped || watchdog.timedOut()) {
        std::cerr << "Stopped by --timeout: nothing was laid out or written.\n";
        return kExitTimedOut;
    }
    layout::applyLayout(map, result); // positions, and the loop-first rings' arcs
    const std::string out = options.output.empty() ? options.map : options.output;
    saveMapFile(map, out);
    std::cout << "Laid out " << result.positions.size() << " factors with " << options.engine
              << " into " << terminalSafe(out) << '\n';
    return 0;
}

namespace {

// Writing another format over a map loses the map: `export m.causeway -o m.causeway --to csv`
// once did so silently. The output counts as a map when it is the input file (by any name or
// link) or an existing .causeway file.
void refuseReplacingAMap(const ExportOptions& options, const std::string& formatName)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (options.force || !fs::exists(options.output, ec))
        return;
    const bool isInput = fs::equivalent(options.map, options.output, ec) && !ec;
    const fs::path real = fs::weakly_canonical(options.output, ec);
    const bool isMap = fileExtension(ec ? options.output : real.string()) == "causeway";
    if (!isInput && !isMap)
        return;
    throw std::runtime_error(options.output + " is "
                             + (isInput ? "the map being exported" : "a Causeway map")
                             + "; writing " + formatName
                             + " over it would lose the map. Choose "
                               "another output file, or add --force to replace it.");
}

// --page, --title and --author: PDF only, so a PNG never silently ignores them.
PdfOptions pdfOptions(const ExportOptions& options, const SystemMap& map, ExportFormat format)
{
    const std::optional<PdfPageSize> page = pdfPageSizeNamed(options.page);
    if (!page)
        throw std::runtime_error("--page '" + options.page + "' is not a page size (choose A4, "
                                 "Letter or fit).");
    const bool given = options.page != "fit" || !options.title.empty() || !options.author.empty();
    if (given && format != ExportFormat::Pdf)
        throw std::runtime_error("--page, --title and --author apply to PDF only.");
    PdfOptions pdf;
    pdf.page = *page;
    pdf.title = !options.title.empty() ? options.title
                : !map.title.empty()   ? map.title
                                       : std::filesystem::path(options.map).stem().string();
    pdf.author = options.author;
    return pdf;
}

} // namespace

int runExport(const ExportOptions& options)
{
    const std::string name = options.format.empty() ? fileExtension(options.output) : options.format;
    if (name != "causeway" && exportFormatNamed(name))
        refuseReplacingAMap(options, name);
    const SystemMap map = loadMapFile(options.map);
    std::string bytes;
    if (name == "causeway") {
        bytes = writeMapJson(map);
    } else {
        const std::optional<ExportFormat> format = exportFormatNamed(name);
        if (!format)
            throw std::runtime_error("Cannot export to '" + name
                                     + "' (choose svg, png, pdf, csv, factors-csv, graphml, dot "
                                       "or causeway).");
        if ((options.scale != 0 || options.dpi != 0) && *format != ExportFormat::Png)
            throw std::runtime_error("--scale and --dpi apply to PNG only.");
        ExportSettings settings;
        settings.svg.voteBadges = !options.noVotes;
        settings.svg.round = options.round;
        settings.svg.loopLabels = !options.noLoopLabels;
        settings.svg.legend = options.legend;
        settings.svg.background = !options.transparent;
        settings.scale = options.dpi != 0 ? scaleForDpi(options.dpi)
                         : options.scale != 0 ? options.scale
                                              : 1.0;
        if (!(settings.scale > 0))
            throw std::runtime_error("--scale and --dpi must be positive.");
        settings.pdf = pdfOptions(options, map, *format);
        bytes = exportMap(map, *format, settings);
    }
    // Built fully in memory first, then written atomically: an error never leaves a partial file.
    writeFileAtomically(options.output, bytes);
    std::cout << "Exported " << options.map << " to " << options.output << '\n';
    return 0;
}

int runBallots(const BallotsOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    const std::string csv = readFileLimited(options.add, kMaxMapFileBytes);
    std::size_t cast;
    try {
        cast = importBallotsCsv(map, options.round, csv);
    } catch (const IoError& e) {
        throw IoError(options.add + ": " + e.what());
    }
    const std::string out = options.output.empty() ? options.map : options.output;
    saveMapFile(map, out);
    std::cout << "Added " << cast << " ballots to round '" << terminalSafe(options.round) << "' in "
              << terminalSafe(out) << '\n';
    return 0;
}

int runTally(const TallyOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    if (map.rounds().empty())
        throw std::runtime_error(options.map + " has no nomination rounds.");
    const NominationRound* round =
        options.round.empty() ? &map.rounds().back() : findRound(map, options.round);
    if (!round)
        throw std::runtime_error("There is no round called '" + options.round + "' in " + options.map + ".");
    requireBallotsVisible(options.map, *round);
    if (options.json) {
        std::cout << tallyJson(map, *round); // JSON escapes control characters itself
        return 0;
    }
    if (options.csv) {
        const std::string csv = tallyCsv(map, *round);
        if (!platform::isTerminal(platform::Stream::Output)) {
            std::cout << csv; // the bytes as they are, for a file or a pipe
            return 0;
        }
        for (std::size_t at = 0; at < csv.size();) {
            const std::size_t end = std::min(csv.find("\r\n", at), csv.size());
            std::cout << terminalSafe(std::string_view(csv).substr(at, end - at)) << '\n';
            at = end + 2;
        }
        return 0;
    }
    std::cout << "Round '" << terminalSafe(round->name) << "': " << round->ballots.size()
              << " ballots\nRank\tWatch\tStop\tPeople\tItem\n";
    for (const TallyRow& row : tallyRound(*round))
        std::cout << row.rank << '\t' << row.watch << '\t' << row.stop << '\t' << row.participants
                  << '\t' << terminalSafe(itemName(map, row.item)) << '\n';
    return 0;
}

} // namespace causeway::cli
