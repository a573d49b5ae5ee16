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

std::string exportRoundJson(const SystemMap& map, const NominationRound& round)
{
    auto items = [&](const std::vector<ItemRef>& list) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (ItemRef i : list)
            out.push_back({{i.isLink() ? "link" : "factor", itemName(map, i)}});
        return out;
    };
    nlohmann::ordered_json ballots = nlohmann::ordered_json::array();
    for (const Ballot& b : round.ballots)
        ballots.push_back({{"participant", b.participant}, {"watch", items(b.watch)}, {"stop", items(b.stop)}});
    nlohmann::ordered_json r = {{"name", round.name},
                                {"question", round.question},
                                {"watchBudget", round.watchBudget},
                                {"stopBudget", round.stopBudget},
                                {"allowLinks", round.allowLinks},
                                {"secret", round.secret},
                                {"anonymous", round.anonymous},
                                {"revealed", round.revealed},
                                {"closed", round.closed},
                                {"participants", round.participants},
                                {"ballots", ballots}};
    nlohmann::ordered_json out = {{"format", "causeway-round"}, {"version", 1}, {"round", r}};
    return out.dump(2) + "\n";
}

NominationRound importRoundJson(const SystemMap& map, std::string_view text)
{
    using Json = nlohmann::json;
    Json doc = Json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        throw IoError("This is not a Causeway round file: it is not valid JSON.");
    if (!doc.is_object() || doc.value("format", std::string()) != "causeway-round")
        throw IoError("This is not a Causeway round file (\"format\": \"causeway-round\" is missing).");
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<long long>() != 1)
        throw IoError("This round file's version is not one this Causeway reads (1).");
    if (!doc.contains("round") || !doc["round"].is_object())
        throw IoError("round: expected an object");
    const Json& r = doc["round"];
    auto fail = [](const std::string& where, const std::string& why) -> void {
        throw IoError(where + ": " + why);
    };
    auto string = [&](const Json& o, const char* key, const std::string& where, std::string fallback) {
        if (!o.contains(key) || o[key].is_null())
            return fallback;
        if (!o[key].is_string())
            fail(where + "." + key, "expected a string");
        return o[key].get<std::string>();
    };
    auto flag = [&](const char* key, bool fallback) {
        if (!r.contains(key) || r[key].is_null())
            return fallback;
        if (!r[key].is_boolean())
            fail(std::string("round.") + key, "expected true or false");
        return r[key].get<bool>();
    };
    auto budget = [&](const char* key) {
        if (!r.contains(key))
            return 3;
        if (!r[key].is_number_integer())
            fail(std::string("round.") + key, "expected a whole number");
        const long long v = r[key].get<long long>();
        if (v < 0 || v > kMaxNominationBudget)
            fail(std::string("round.") + key, "a budget runs from 0 to " + std::to_string(kMaxNominationBudget));
        return int(v);
    };
    NominationRound round;
    round.name = string(r, "name", "round", "");
    round.question = string(r, "question", "round", round.question);
    round.watchBudget = budget("watchBudget");
    round.stopBudget = budget("stopBudget");
    round.allowLinks = flag("allowLinks", true);
    round.secret = flag("secret", true);
    round.anonymous = flag("anonymous", false);
    round.revealed = flag("revealed", false);
    round.closed = flag("closed", false);
    if (r.contains("participants")) {
        if (!r["participants"].is_array())
            fail("round.participants", "expected an array");
        for (std::size_t i = 0; i < r["participants"].size(); ++i) {
            if (!r["participants"][i].is_string())
                fail("round.participants[" + std::to_string(i) + "]", "expected a string");
            round.participants.push_back(r["participants"][i].get<std::string>());
        }
    }
    auto items = [&](const Json& list, const std::string& where) {
        std::vector<ItemRef> out;
        if (list.is_null())
            return out;
        if (!list.is_array())
            fail(where, "expected an array");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = where + "[" + std::to_string(i) + "]";
            const Json& item = list[i];
            const bool isLink = item.is_object() && item.contains("link") && item["link"].is_string();
            const bool isFactor = item.is_object() && item.contains("factor") && item["factor"].is_string();
            if (!isLink && !isFactor)
                fail(at, "expected {\"factor\": label} or {\"link\": \"From -> To\"}");
            const std::string name = item[isLink ? "link" : "factor"].get<std::string>();
            auto ref = findItemByName(map, name);
            if (!ref || ref->isLink() != isLink)
                fail(at, "'" + name + "' is not a " + (isLink ? "link" : "factor") + " of this map");
            out.push_back(*ref);
        }
        return out;
    };
    if (r.contains("ballots")) {
        if (!r["ballots"].is_array())
            fail("round.ballots", "expected an array");
        for (std::size_t i = 0; i < r["ballots"].size(); ++i) {
            const std::string at = "round.ballots[" + std::to_string(i) + "]";
            const Json& b = r["ballots"][i];
            if (!b.is_object())
                fail(at, "expected an object");
            round.ballots.push_back({string(b, "participant", at, ""),
                                     items(b.contains("watch") ? b["watch"] : Json(), at + ".watch"),
                                     items(b.contains("stop") ? b["stop"] : Json(), at + ".stop")});
        }
    }
    // Every rule a round in a map obeys, checked on a scratch copy.
    SystemMap scratch = map;
    replaceRounds(scratch, {});
    try {
        addRound(scratch, round);
    } catch (const EditError& e) {
        throw IoError(std::string("round: ") + e.what());
    }
    return round;
}

} // namespace causeway
