#include "io/ballots.h"

#include "io/csv.h"
#include "io/importutil.h"
#include "io/mapdata.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <unordered_map>

namespace causeway {

using importutil::lower;
using importutil::trim;

namespace {

// Column of each header name (lower case); throws naming the first required one missing.
std::map<std::string, std::size_t> ballotColumns(const CsvRecord& header)
{
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.fields.size(); ++i)
        column[lower(trim(header.fields[i]))] = i;
    for (const char* required : {"participant", "kind", "item"})
        if (!column.count(required))
            throw IoError("line " + std::to_string(header.line) + ": missing column '"
                          + std::string(1, static_cast<char>(std::toupper(required[0])))
                          + (required + 1) + "' (expected Participant,Kind,Item)");
    return column;
}

} // namespace

std::size_t importBallotsCsv(SystemMap& map, const std::string& roundName, std::string_view csv)
{
    std::vector<CsvRecord> records = parseCsv(csv, detectCsvSeparator(csv));
    if (records.empty())
        throw IoError("The ballots table is empty; expected a header Participant,Kind,Item.");
    const std::map<std::string, std::size_t> column = ballotColumns(records.front());

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

    // Indexed by name, so the import stays linear in the rows (issue 9: 200k rows took minutes).
    std::unordered_map<std::string, std::size_t> ballotOf; // participant -> index in `ballots`
    std::vector<Ballot> ballots;
    std::vector<std::size_t> lastLine;
    std::unordered_map<std::string, std::optional<ItemRef>> itemNamed;
    auto cell = [&](const CsvRecord& r, const char* name) {
        std::size_t i = column.at(name);
        return i < r.fields.size() ? csvCellText(trim(r.fields[i])) : std::string{};
    };
    for (std::size_t k = 1; k < records.size(); ++k) {
        const CsvRecord& r = records[k];
        const std::string where = "line " + std::to_string(r.line) + ": ";
        std::string participant = cell(r, "participant");
        std::string kind = lower(cell(r, "kind"));
        std::string item = cell(r, "item");
        if (participant.empty())
            throw IoError(where + "the participant is empty");
        auto named = itemNamed.find(item);
        if (named == itemNamed.end())
            named = itemNamed.emplace(item, findItemByName(result, item)).first;
        const std::optional<ItemRef>& ref = named->second;
        if (!ref)
            throw IoError(where + "'" + item + "' is neither a factor label nor a link (From -> To) of the map");
        auto [at, isNew] = ballotOf.emplace(participant, ballots.size());
        if (isNew) {
            ballots.push_back({participant, {}, {}});
            lastLine.push_back(0);
        }
        Ballot& b = ballots[at->second];
        if (kind == "watch")
            b.watch.push_back(*ref);
        else if (kind == "stop" || kind == "stop watching")
            b.stop.push_back(*ref);
        else
            throw IoError(where + "kind '" + cell(r, "kind") + "' is not 'watch' or 'stop'");
        lastLine[at->second] = r.line;
        try {
            checkBallot(result, round, b);
        } catch (const EditError& e) {
            throw IoError(where + e.what());
        }
    }
    std::size_t refused = 0;
    try {
        castBallots(result, roundName, ballots, &refused);
    } catch (const EditError& e) {
        throw IoError("line " + std::to_string(lastLine[refused]) + ": " + e.what());
    }
    map = std::move(result);
    return ballots.size();
}

namespace {

// Every export of ballots or a tally goes through this, so no caller can leak a secret round.
void requireVisible(const NominationRound& round)
{
    if (!round.ballotsVisible())
        throw IoError("Round '" + round.name + "' is secret and has not been revealed: its "
                      "ballots and tally stay hidden until it is.");
}

} // namespace

std::string tallyCsv(const SystemMap& map, const NominationRound& round)
{
    requireVisible(round);
    std::string out = csvRow({"Item", "Kind", "Watch", "Stop", "Participants", "Rank"});
    for (const TallyRow& row : tallyRound(round))
        out += csvRow({itemName(map, row.item), row.item.isLink() ? "link" : "factor",
                       std::to_string(row.watch), std::to_string(row.stop),
                       std::to_string(row.participants), std::to_string(row.rank)});
    return out;
}

std::string tallyJson(const SystemMap& map, const NominationRound& round)
{
    requireVisible(round);
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
    requireVisible(round);
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

std::string exportRoundJson(const SystemMap& map, const NominationRound& round)
{
    requireVisible(round);
    mapdata::Json out = {{"format", "causeway-round"},
                         {"version", 1},
                         {"round", mapdata::roundJson(round, mapdata::itemsByName(map))}};
    return out.dump(2) + "\n";
}

namespace {

// The envelope of a round file: {"format": "causeway-round", "version": 1, "round": {...}}.
const mapdata::Json& roundInEnvelope(const mapdata::Json& doc)
{
    if (doc.is_discarded())
        throw IoError("This is not a Causeway round file: it is not valid JSON.");
    const auto format = doc.is_object() ? doc.find("format") : doc.end();
    if (!doc.is_object() || format == doc.end() || *format != "causeway-round")
        throw IoError("This is not a Causeway round file (\"format\": \"causeway-round\" is missing).");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() || version->get<long long>() != 1)
        throw IoError("This round file's version is not one this Causeway reads (1).");
    const auto round = doc.find("round");
    if (round == doc.end() || !round->is_object())
        throw IoError("round: expected an object");
    return *round;
}

// Every rule a round in a map obeys, checked on a scratch copy of the map without its rounds.
void checkAgainst(const SystemMap& map, const NominationRound& round)
{
    SystemMap scratch = map;
    replaceRounds(scratch, {});
    try {
        addRound(scratch, round);
    } catch (const EditError& e) {
        throw IoError(std::string("round: ") + e.what());
    }
}

} // namespace

NominationRound importRoundJson(const SystemMap& map, std::string_view text)
{
    const mapdata::Json doc = mapdata::Json::parse(text.begin(), text.end(), nullptr, false);
    const mapdata::Json& r = roundInEnvelope(doc);
    NominationRound round = mapdata::readRound(r, "round", "", mapdata::itemsByName(map));
    checkAgainst(map, round);
    return round;
}

} // namespace causeway
