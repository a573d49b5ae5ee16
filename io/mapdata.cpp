// Loop labels and nomination rounds as JSON: the native file's sections, and the one round
// reader and writer the .causeway-round file shares.
#include "io/mapdata.h"

#include "io/ioerror.h"
#include "model/looplabels.h"
#include "model/nominations.h"

namespace causeway::mapdata {

namespace {

// Small typed readers that name the place of a wrong value. Missing and null read as the default.
struct Reader {
    const std::string& prefix;

    [[noreturn]] void fail(const std::string& where, const std::string& message) const
    {
        throw IoError(prefix + where + ": " + message);
    }
    const Json& array(const Json& value, const std::string& where) const
    {
        if (!value.is_array())
            fail(where, "expected an array, got " + std::string(value.type_name()));
        return value;
    }
    // The value under `key`, or nullptr when it is missing or null.
    const Json* field(const Json& object, const char* key) const
    {
        auto it = object.find(key);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }
    std::string string(const Json& object, const char* key, const std::string& where,
                       std::string fallback = {}) const
    {
        const Json* v = field(object, key);
        if (!v)
            return fallback;
        if (!v->is_string())
            fail(where + "." + key, "expected a string, got " + std::string(v->type_name()));
        return v->get<std::string>();
    }
    bool flag(const Json& object, const char* key, const std::string& where, bool fallback) const
    {
        const Json* v = field(object, key);
        if (!v)
            return fallback;
        if (!v->is_boolean())
            fail(where + "." + key, "expected true or false, got " + std::string(v->type_name()));
        return v->get<bool>();
    }
    std::uint64_t id(const Json& value, const std::string& where) const
    {
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
            fail(where, "expected an id (a whole number above 0), got " + value.dump());
        return value.get<std::uint64_t>();
    }
    int budget(const Json& object, const char* key, const std::string& where) const
    {
        const Json* v = field(object, key);
        if (!v)
            return NominationRound{}.watchBudget;
        if (!v->is_number_integer())
            fail(where + "." + key, "expected a whole number, got " + v->dump());
        const auto n = v->get<std::int64_t>();
        if (n < 0 || n > kMaxNominationBudget)
            fail(where + "." + key, "a budget runs from 0 to " + std::to_string(kMaxNominationBudget)
                                        + ", got " + std::to_string(n));
        return static_cast<int>(n);
    }
    std::vector<std::string> strings(const Json& object, const char* key, const std::string& where) const
    {
        std::vector<std::string> out;
        const Json* v = field(object, key);
        if (!v)
            return out;
        const Json& list = array(*v, where + "." + key);
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (!list[k].is_string())
                fail(where + "." + key + "[" + std::to_string(k) + "]",
                     "expected a string, got " + std::string(list[k].type_name()));
            out.push_back(list[k].get<std::string>());
        }
        return out;
    }
    std::vector<ItemRef> items(const Json& object, const char* key, const std::string& where,
                               const ItemCodec& codec) const
    {
        std::vector<ItemRef> out;
        const Json* v = field(object, key);
        if (!v)
            return out;
        const std::string here = where + "." + key;
        const Json& list = array(*v, here);
        for (std::size_t i = 0; i < list.size(); ++i)
            out.push_back(codec.read(list[i], here + "[" + std::to_string(i) + "]"));
        return out;
    }
    Ballot ballot(const Json& b, const std::string& at, const ItemCodec& codec) const
    {
        if (!b.is_object())
            fail(at, "expected an object, got " + std::string(b.type_name()));
        return {string(b, "participant", at), items(b, "watch", at, codec),
                items(b, "stop", at, codec)};
    }
};

} // namespace

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
