// Loop labels and nomination rounds as JSON: the native file's sections, and the one round
// reader and writer the .causeway-round file shares.
#include "io/mapdata.h"

#include "io/ioerror.h"
#include "io/mapdatareader.h"
#include "model/looplabels.h"
#include "model/nominations.h"

namespace causeway::mapdata {

ItemCodec itemsById(const std::string& prefix)
{
    return {[](ItemRef i) {
                return i.isLink() ? Json{{"link", i.link.value}} : Json{{"factor", i.factor.value}};
            },
            [prefix](const Json& item, const std::string& at) {
                const Reader read{prefix};
                if (item.is_object() && item.size() == 1 && item.contains("factor"))
                    return ItemRef::of(FactorId(read.id(item["factor"], at + ".factor")));
                if (item.is_object() && item.size() == 1 && item.contains("link"))
                    return ItemRef::of(LinkId(read.id(item["link"], at + ".link")));
                read.fail(at, "expected {\"factor\": id} or {\"link\": id}, got " + item.dump());
            }};
}

ItemCodec itemsByName(const SystemMap& map)
{
    return {[&map](ItemRef i) { return Json{{i.isLink() ? "link" : "factor", itemName(map, i)}}; },
            [&map](const Json& item, const std::string& at) {
                const std::string none;
                const Reader read{none};
                const bool isLink = item.is_object() && item.contains("link") && item["link"].is_string();
                if (!isLink && !(item.is_object() && item.contains("factor") && item["factor"].is_string()))
                    read.fail(at, "expected {\"factor\": label} or {\"link\": \"From -> To\"}, got "
                                      + item.dump());
                const std::string name = item[isLink ? "link" : "factor"].get<std::string>();
                const std::optional<ItemRef> ref = findItemByName(map, name);
                if (!ref || ref->isLink() != isLink)
                    read.fail(at, "'" + name + "' is not a " + (isLink ? "link" : "factor")
                                      + " of this map");
                return *ref;
            }};
}

Json roundJson(const NominationRound& r, const ItemCodec& codec)
{
    auto items = [&](const std::vector<ItemRef>& list) {
        Json out = Json::array();
        for (ItemRef i : list)
            out.push_back(codec.write(i));
        return out;
    };
    Json ballots = Json::array();
    for (const Ballot& b : r.ballots)
        ballots.push_back({{"participant", b.participant}, {"watch", items(b.watch)}, {"stop", items(b.stop)}});
    return {{"name", r.name},
            {"question", r.question},
            {"watchBudget", r.watchBudget},
            {"stopBudget", r.stopBudget},
            {"allowLinks", r.allowLinks},
            {"secret", r.secret},
            {"anonymous", r.anonymous},
            {"revealed", r.revealed},
            {"closed", r.closed},
            {"participants", r.participants},
            {"ballots", ballots}};
}

NominationRound readRound(const Json& r, const std::string& where, const std::string& prefix,
                          const ItemCodec& codec)
{
    const Reader read{prefix};
    if (!r.is_object())
        read.fail(where, "expected an object, got " + std::string(r.type_name()));
    NominationRound round;
    round.name = read.string(r, "name", where);
    round.question = read.string(r, "question", where, round.question);
    round.watchBudget = read.budget(r, "watchBudget", where);
    round.stopBudget = read.budget(r, "stopBudget", where);
    round.allowLinks = read.flag(r, "allowLinks", where, round.allowLinks);
    round.secret = read.flag(r, "secret", where, round.secret);
    round.anonymous = read.flag(r, "anonymous", where, round.anonymous);
    round.revealed = read.flag(r, "revealed", where, round.revealed);
    round.closed = read.flag(r, "closed", where, round.closed);
    round.participants = read.strings(r, "participants", where);
    if (const Json* b = read.field(r, "ballots")) {
        const Json& ballots = read.array(*b, where + ".ballots");
        for (std::size_t k = 0; k < ballots.size(); ++k)
            round.ballots.push_back(read.ballot(ballots[k], where + ".ballots[" + std::to_string(k) + "]", codec));
    }
    return round;
}

Json loopLabelsJson(const SystemMap& map)
{
    Json out = Json::array();
    for (const LoopLabel& label : map.loopLabels()) {
        Json links = Json::array();
        for (LinkId l : label.links)
            links.push_back(l.value);
        out.push_back({{"name", label.name}, {"links", links}});
    }
    return out;
}

Json roundsJson(const SystemMap& map)
{
    Json out = Json::array();
    const ItemCodec byId = itemsById({});
    for (const NominationRound& r : map.rounds())
        out.push_back(roundJson(r, byId));
    return out;
}

void readLoopLabels(const Json& value, SystemMap& map, const std::string& prefix)
{
    Reader read{prefix};
    const Json& list = read.array(value, "loopLabels");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "loopLabels[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            read.fail(where, "expected an object, got " + std::string(list[i].type_name()));
        LoopLabel label;
        label.name = read.string(list[i], "name", where);
        auto links = list[i].find("links");
        if (links == list[i].end())
            read.fail(where, "missing field \"links\"");
        const Json& ids = read.array(*links, where + ".links");
        // Links an edit has removed stay listed: the label is then reported as broken, not lost.
        for (std::size_t k = 0; k < ids.size(); ++k)
            label.links.push_back(LinkId(read.id(ids[k], where + ".links[" + std::to_string(k) + "]")));
        try {
            addLoopLabel(map, std::move(label));
        } catch (const EditError& e) {
            read.fail(where, e.what());
        }
    }
}

void readRounds(const Json& value, SystemMap& map, const std::string& prefix)
{
    Reader read{prefix};
    const Json& list = read.array(value, "rounds");
    const ItemCodec byId = itemsById(prefix);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "rounds[" + std::to_string(i) + "]";
        const NominationRound round = readRound(list[i], where, prefix, byId);
        try {
            addRound(map, round);
        } catch (const EditError& e) {
            read.fail(where, e.what());
        }
    }
}

} // namespace causeway::mapdata
