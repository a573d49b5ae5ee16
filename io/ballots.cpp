#include "io/ballots.h"

#include "io/csv.h"
#include "io/importutil.h"

#include <nlohmann/json.hpp>

#include <map>

namespace causeway {

using importutil::lower;
using importutil::trim;

std::size_t importBallotsCsv(SystemMap& map, const std::string& roundName, std::string_view csv)
{
    std::vector<CsvRecord> records = parseCsv(csv, detectCsvSeparator(csv));
    if (records.empty())
        throw IoError("The ballots table is empty; expected a header Participant,Kind,Item.");
    const CsvRecord& header = records.front();
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        column[lower(trim(header.fields[i]))] = i;
    for (const char* required : {"participant", "kind", "item"})
        if (!column.count(required))
            throw IoError("line " + std::to_string(header.line) + ": missing column '"
                          + std::string(1, static_cast<char>(std::toupper(required[0])))
                          + (required + 1) + "' (expected Participant,Kind,Item)");

    // Work on a copy so an invalid row leaves the caller's map untouched.
    SystemMap result = map;
    if (!findRound(result, roundName)) {
        NominationRound round;
        round.name = roundName;
        try {
            addRound(result, round);
        } catch (const EditError& e) {
            throw IoError(e.what());
        }
    }
    const NominationRound& round = *findRound(result, roundName);

    std::map<std::string, Ballot> ballots;
    std::vector<std::string> order;
    std::map<std::string, std::size_t> lastLine;
    auto cell = [&](const CsvRecord& r, const char* name) {
        std::size_t i = column.at(name);
        return i < r.fields.size() ? trim(r.fields[i]) : std::string{};
    };
    for (std::size_t k = 1; k < records.size(); ++k) {
        const CsvRecord& r = records[k];
        const std::string where = "line " + std::to_string(r.line) + ": ";
        std::string participant = cell(r, "participant");
        std::string kind = lower(cell(r, "kind"));
        std::string item = cell(r, "item");
        if (participant.empty())
            throw IoError(where + "the participant is empty");
        auto ref = findItemByName(result, item);
        if (!ref)
            throw IoError(where + "'" + item + "' is neither a factor label nor a link (From -> To) of the map");
        if (!ballots.count(participant)) {
            order.push_back(participant);
            ballots[participant].participant = participant;
        }
        Ballot& b = ballots[participant];
        if (kind == "watch")
            b.watch.push_back(*ref);
        else if (kind == "stop" || kind == "stop watching")
            b.stop.push_back(*ref);
        else
            throw IoError(where + "kind '" + cell(r, "kind") + "' is not 'watch' or 'stop'");
        lastLine[participant] = r.line;
        try {
            checkBallot(result, round, b);
        } catch (const EditError& e) {
            throw IoError(where + e.what());
        }
    }
    for (const std::string& p : order) {
        try {
            castBallot(result, roundName, ballots[p]);
        } catch (const EditError& e) {
            throw IoError("line " + std::to_string(lastLine[p]) + ": " + e.what());
        }
    }
    map = std::move(result);
    return order.size();
}

std::string tallyCsv(const SystemMap& map, const NominationRound& round)
{
    std::string out = csvRow({"Item", "Kind", "Watch", "Stop", "Participants", "Rank"});
    for (const TallyRow& row : tallyRound(round))
        out += csvRow({itemName(map, row.item), row.item.isLink() ? "link" : "factor",
                       std::to_string(row.watch), std::to_string(row.stop),
                       std::to_string(row.participants), std::to_string(row.rank)});
    return out;
}

std::string tallyJson(const SystemMap& map, const NominationRound& round)
{
    nlohmann::json items = nlohmann::json::array();
    for (const TallyRow& row : tallyRound(round))
        items.push_back({{"item", itemName(map, row.item)},
                         {"kind", row.item.isLink() ? "link" : "factor"},
                         {"watch", row.watch},
                         {"stop", row.stop},
                         {"participants", row.participants},
                         {"rank", row.rank},
                         {"agreement", row.agreement}});
    nlohmann::json out = {{"round", round.name}, {"ballots", round.ballots.size()}, {"items", items}};
    return out.dump(2) + "\n";
}

std::string exportBallotsCsv(const SystemMap& map, const NominationRound& round)
{
    std::string out = csvRow({"Participant", "Kind", "Item"});
    for (std::size_t i = 0; i < round.ballots.size(); ++i) {
        const Ballot& b = round.ballots[i];
        const std::string who = round.anonymous ? "P" + std::to_string(i + 1) : b.participant;
        for (ItemRef item : b.watch)
            out += csvRow({who, "watch", itemName(map, item)});
        for (ItemRef item : b.stop)
            out += csvRow({who, "stop", itemName(map, item)});
    }
    return out;
}

} // namespace causeway
