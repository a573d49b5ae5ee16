// causeway-cli reveal, and the secrecy check every command that shows ballots goes through.
#include "cli/commands.h"
#include "cli/terminaltext.h"

#include "io/mapfile.h"
#include "model/nominations.h"

#include <iostream>
#include <stdexcept>

namespace causeway::cli {

namespace {

std::string quotedArg(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\' || c == '$' || c == '`')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

void requireBallotsVisible(const std::string& mapPath, const NominationRound& round)
{
    if (round.ballotsVisible())
        return;
    throw std::runtime_error("Round '" + round.name + "' is secret and has not been revealed, so "
                             "its ballots and tally stay hidden. To show them to everyone, run: "
                             "causeway-cli reveal " + quotedArg(mapPath) + " --round "
                             + quotedArg(round.name));
}

void checkExportRound(const ExportOptions& options)
{
    if (options.round.empty() || options.noVotes)
        return;
    const SystemMap map = loadMapFile(options.map);
    if (const NominationRound* round = findRound(map, options.round))
        requireBallotsVisible(options.map, *round);
}

int runReveal(const RevealOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    const NominationRound* round = findRound(map, options.round);
    if (!round)
        throw std::runtime_error("There is no round called '" + options.round + "' in "
                                 + options.map + ".");
    if (round->revealed) {
        std::cout << "Round '" << terminalSafe(round->name) << "' was already revealed.\n";
        return 0;
    }
    NominationRound shown = *round;
    shown.revealed = true;
    updateRound(map, options.round, shown);
    saveMapFile(map, options.map); // atomic: the old file stays whole if this fails
    std::cout << "Revealed round '" << terminalSafe(shown.name) << "' in "
              << terminalSafe(options.map) << ": its tally and ballots can now be shown.\n";
    return 0;
}

} // namespace causeway::cli
