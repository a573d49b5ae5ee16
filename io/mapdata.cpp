#include "io/mapdata.h"

#include "io/ioerror.h"
#include "model/looplabels.h"
#include "model/nominations.h"

namespace causeway::mapdata {

namespace {

Json itemsJson(const std::vector<ItemRef>& items)
{
    Json out = Json::array();
    for (ItemRef i : items)
        out.push_back(i.isLink() ? Json{{"link", i.link.value}} : Json{{"factor", i.factor.value}});
    return out;
}

// Small typed readers that name the place of a wrong value.
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
    std::string string(const Json& object, const char* key, const std::string& where,
                       std::string fallback = {}) const
    {
        auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return fallback;
        if (!it->is_string())
            fail(where + "." + key, "expected a string, got " + std::string(it->type_name()));
        return it->get<std::string>();
    }
    bool flag(const Json& object, const char* key, const std::string& where, bool fallback) const
    {
        auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return fallback;
        if (!it->is_boolean())
            fail(where + "." + key, "expected true or false, got " + std::string(it->type_name()));
        return it->get<bool>();
    }
    std::uint64_t id(const Json& value, const std::string& where) const
    {
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
            fail(where, "expected an id (a whole number above 0), got " + value.dump());
        return value.get<std::uint64_t>();
    }
    int budget(const Json& object, const char* key, const std::string& where) const
    {
        auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return 3;
        if (!it->is_number_integer())
            fail(where + "." + key, "expected a whole number, got " + it->dump());
        const auto v = it->get<std::int64_t>();
        if (v < 0 || v > kMaxNominationBudget)
            fail(where + "." + key, "a budget runs from 0 to " + std::to_string(kMaxNominationBudget)
                                        + ", got " + std::to_string(v));
        return static_cast<int>(v);
    }
    std::vector<ItemRef> items(const Json& object, const char* key, const std::string& where) const
    {
        std::vector<ItemRef> out;
        auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return out;
        const std::string here = where + "." + key;
        const Json& list = array(*it, here);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string at = here + "[" + std::to_string(i) + "]";
            const Json& item = list[i];
            if (item.is_object() && item.size() == 1 && item.contains("factor"))
                out.push_back(ItemRef::of(FactorId(id(item["factor"], at + ".factor"))));
            else if (item.is_object() && item.size() == 1 && item.contains("link"))
                out.push_back(ItemRef::of(LinkId(id(item["link"], at + ".link"))));
            else
                fail(at, "expected {\"factor\": id} or {\"link\": id}, got " + item.dump());
        }
        return out;
    }
};

} // namespace

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
    for (const NominationRound& r : map.rounds()) {
        Json ballots = Json::array();
        for (const Ballot& b : r.ballots)
            ballots.push_back({{"participant", b.participant},
                               {"watch", itemsJson(b.watch)},
                               {"stop", itemsJson(b.stop)}});
        out.push_back({{"name", r.name},
                       {"question", r.question},
                       {"watchBudget", r.watchBudget},
                       {"stopBudget", r.stopBudget},
                       {"allowLinks", r.allowLinks},
                       {"secret", r.secret},
                       {"anonymous", r.anonymous},
                       {"revealed", r.revealed},
                       {"closed", r.closed},
                       {"participants", r.participants},
                       {"ballots", ballots}});
    }
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
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "rounds[" + std::to_string(i) + "]";
        const Json& r = list[i];
        if (!r.is_object())
            read.fail(where, "expected an object, got " + std::string(r.type_name()));
        NominationRound round;
        round.name = read.string(r, "name", where);
        round.question = read.string(r, "question", where, round.question);
        round.watchBudget = read.budget(r, "watchBudget", where);
        round.stopBudget = read.budget(r, "stopBudget", where);
        round.allowLinks = read.flag(r, "allowLinks", where, true);
        round.secret = read.flag(r, "secret", where, true);
        round.anonymous = read.flag(r, "anonymous", where, false);
        round.revealed = read.flag(r, "revealed", where, false);
        round.closed = read.flag(r, "closed", where, false);
        if (auto p = r.find("participants"); p != r.end() && !p->is_null()) {
            const Json& names = read.array(*p, where + ".participants");
            for (std::size_t k = 0; k < names.size(); ++k) {
                if (!names[k].is_string())
                    read.fail(where + ".participants[" + std::to_string(k) + "]", "expected a string");
                round.participants.push_back(names[k].get<std::string>());
            }
        }
        if (auto b = r.find("ballots"); b != r.end() && !b->is_null()) {
            const Json& ballots = read.array(*b, where + ".ballots");
            for (std::size_t k = 0; k < ballots.size(); ++k) {
                const std::string at = where + ".ballots[" + std::to_string(k) + "]";
                if (!ballots[k].is_object())
                    read.fail(at, "expected an object");
                round.ballots.push_back({read.string(ballots[k], "participant", at),
                                         read.items(ballots[k], "watch", at),
                                         read.items(ballots[k], "stop", at)});
            }
        }
        try {
            addRound(map, round);
        } catch (const EditError& e) {
            read.fail(where, e.what());
        }
    }
}

} // namespace causeway::mapdata
