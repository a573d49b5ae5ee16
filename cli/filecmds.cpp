// causeway-cli layout, export, ballots and tally: commands that write files or reports.
#include "cli/commands.h"

#include "io/ballots.h"
#include "io/export.h"
#include "io/fileutil.h"
#include "io/mapfile.h"
#include "layout/layout.h"

#include <iostream>
#include <stdexcept>

namespace causeway::cli {

int runLayout(const LayoutOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    layout::LayoutOptions lo;
    bool known = false;
    for (layout::Engine e : layout::allEngines())
        if (options.engine == layout::engineName(e)) {
            lo.engine = e;
            known = true;
        }
    if (!known)
        throw std::runtime_error("Unknown layout engine '" + options.engine
                                 + "' (choose dot, neato, fdp, sfdp or circo).");
    lo.tidy = options.tidy;
    layout::LayoutResult result = layout::computeLayout(map, lo);
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    const std::string out = options.output.empty() ? options.map : options.output;
    saveMapFile(map, out);
    std::cout << "Laid out " << result.positions.size() << " factors with " << options.engine
              << " into " << out << '\n';
    return 0;
}

int runExport(const ExportOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    std::string format = options.format.empty() ? fileExtension(options.output) : options.format;
    std::string text;
    if (format == "csv" || format == "links-csv")
        text = exportLinksCsv(map);
    else if (format == "factors-csv")
        text = exportFactorsCsv(map);
    else if (format == "graphml")
        text = exportGraphml(map);
    else if (format == "dot" || format == "gv")
        text = exportDot(map);
    else if (format == "causeway")
        text = writeMapJson(map);
    else
        throw std::runtime_error("Cannot export to '" + format
                                 + "' (choose csv, factors-csv, graphml, dot or causeway).");
    // Built fully in memory first, then written atomically: an error never leaves a partial file.
    writeFileAtomically(options.output, text);
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
    std::cout << "Added " << cast << " ballots to round '" << options.round << "' in " << out << '\n';
    return 0;
}

int runTally(const TallyOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    if (map.rounds.empty())
        throw std::runtime_error(options.map + " has no nomination rounds.");
    const NominationRound* round =
        options.round.empty() ? &map.rounds.back() : findRound(map, options.round);
    if (!round)
        throw std::runtime_error("There is no round called '" + options.round + "' in " + options.map + ".");
    if (options.json) {
        std::cout << tallyJson(map, *round);
        return 0;
    }
    if (options.csv) {
        std::cout << tallyCsv(map, *round);
        return 0;
    }
    std::cout << "Round '" << round->name << "': " << round->ballots.size() << " ballots\n"
              << "Rank\tWatch\tStop\tPeople\tItem\n";
    for (const TallyRow& row : tallyRound(*round))
        std::cout << row.rank << '\t' << row.watch << '\t' << row.stop << '\t' << row.participants
                  << '\t' << itemName(map, row.item) << '\n';
    return 0;
}

} // namespace causeway::cli
