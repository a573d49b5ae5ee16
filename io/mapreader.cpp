// parseMapJson: the reading half of the .causeway format. Every message names the place in
// the file ("links[3].from: ..."), because a user or a script has to find and fix it.
#include "io/mapfile.h"
#include "io/importutil.h"
#include "io/mapdata.h"
#include "io/mapschema.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace causeway {

namespace {

using Json = nlohmann::ordered_json;

class MapReader {
public:
    MapReader(std::string_view text, const std::string& sourceName)
        : m_text(text), m_prefix(sourceName.empty() ? std::string() : sourceName + ": ")
    {
    }

    SystemMap read()
    {
        checkNesting();
        const Json root = parse();
        if (!root.is_object())
            fail("expected a JSON object at the top level, got " + describe(root));
        readHeader(root);

        SystemMap map;
        map.title = optionalString(root, "title", "");
        map.description = optionalString(root, "description", "");
        map.extra = mapschema::extraFields(root, mapschema::kTopKeys);
        readFactors(requiredArray(root, "factors", ""), map);
        readLinks(requiredArray(root, "links", ""), map);
        readNextIds(root, map);
        if (auto it = root.find("loopLabels"); it != root.end() && !it->is_null())
            mapdata::readLoopLabels(*it, map, m_prefix);
        if (auto it = root.find("rounds"); it != root.end() && !it->is_null())
            mapdata::readRounds(*it, map, m_prefix);
        if (auto it = root.find("stories"); it != root.end() && !it->is_null())
            mapdata::readStories(*it, map, m_prefix);
        if (auto it = root.find("monitoring"); it != root.end() && !it->is_null())
            mapdata::readMonitoring(*it, map, m_prefix);
        return map;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw IoError(m_prefix + message); }
    [[noreturn]] void fail(const std::string& where, const std::string& message) const
    {
        fail(where + ": " + message);
    }

    // nlohmann's parser is iterative, but writing unknown fields back out is recursive: a file
    // nested a million levels deep must be refused before anything recurses over it.
    void checkNesting() const
    {
        static_assert(mapschema::kMaxNesting == importutil::kMaxJsonNesting);
        try {
            importutil::checkJsonNesting(m_text);
        } catch (const IoError& e) {
            fail(e.what());
        }
    }

    Json parse() const
    {
        if (m_text.find_first_not_of(" \t\r\n") == std::string_view::npos)
            fail("the file is empty");
        try {
            return Json::parse(m_text.begin(), m_text.end());
        } catch (const Json::parse_error& e) {
            std::string reason = e.what();
            const std::size_t column = reason.find("column ");
            const std::size_t colon = reason.find(": ", column == std::string::npos ? 0 : column);
            if (colon != std::string::npos)
                reason = reason.substr(colon + 2);
            // nlohmann counts bytes from 1; a position past the end means the text stopped early.
            if (e.byte > m_text.size())
                fail("the file is truncated: the JSON stops at "
                     + importutil::lineColumn(m_text, m_text.size()) + " (" + reason + ")");
            fail("not valid JSON at " + importutil::lineColumn(m_text, e.byte > 0 ? e.byte - 1 : 0) + ": "
                 + reason);
        } catch (const Json::exception& e) {
            // Number overflow carries the token but no position; find the token in the text.
            std::string reason = e.what();
            const std::size_t close = reason.find("] ");
            if (close != std::string::npos)
                reason = reason.substr(close + 2);
            const std::size_t quote = reason.find('\'');
            if (quote != std::string::npos && reason.back() == '\'') {
                const std::string token = reason.substr(quote + 1, reason.size() - quote - 2);
                const std::size_t where = m_text.find(token);
                if (where != std::string_view::npos)
                    fail("not valid JSON at " + importutil::lineColumn(m_text, where) + ": " + reason);
            }
            fail("not valid JSON: " + reason);
        }
    }

    void readHeader(const Json& root) const
    {
        const auto format = root.find("format");
        if (format == root.end())
            fail("not a Causeway map: there is no \"format\": \"causeway\" field");
        if (!format->is_string() || format->get<std::string>() != mapschema::kFormatName)
            fail("not a Causeway map: \"format\" is " + describe(*format) + ", expected \"causeway\"");
        const auto version = root.find("version");
        if (version == root.end())
            fail("version: missing field (the format version, an integer)");
        if (!version->is_number_integer())
            fail("version", "expected an integer, got " + describe(*version));
        if (version->is_number_unsigned() && version->get<std::uint64_t>() > kMapFormatVersion)
            fail("version " + version->dump() + " is newer than this Causeway supports ("
                 + std::to_string(kMapFormatVersion) + "); please update Causeway");
        if (version->get<std::int64_t>() < 1)
            fail("version", "unknown version " + version->dump());
    }

    void readFactors(const Json& factors, SystemMap& map) const
    {
        std::map<std::uint64_t, std::size_t> seen; // id -> index, for duplicate messages
        for (std::size_t i = 0; i < factors.size(); ++i) {
            const std::string where = "factors[" + std::to_string(i) + "]";
            const Json& item = factors[i];
            if (!item.is_object())
                fail(where, "expected an object, got " + describe(item));
            Factor factor;
            factor.id = FactorId(requiredId(item, "id", where));
            checkUnique(seen, factor.id.value, i, "factor");
            factor.label = requiredString(item, "label", where);
            if (factor.label.empty())
                fail(where + ".label", "empty label (every factor needs a name)");
            factor.description = optionalString(item, "description", where);
            factor.group = optionalString(item, "group", where);
            factor.position = {optionalCoordinate(item, "x", where),
                               optionalCoordinate(item, "y", where)};
            factor.pinned = optionalBool(item, "pinned", where);
            factor.indicator = optionalIndicator(item, where);
            factor.extra = mapschema::extraFields(item, mapschema::kFactorKeys);
            insert(where, [&] { map.insertFactor(factor); });
        }
    }

    void readLinks(const Json& links, SystemMap& map) const
    {
        std::map<std::uint64_t, std::size_t> seen;
        std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> ends;
        for (std::size_t i = 0; i < links.size(); ++i) {
            const std::string where = "links[" + std::to_string(i) + "]";
            const Json& item = links[i];
            if (!item.is_object())
                fail(where, "expected an object, got " + describe(item));
            Link link;
            link.id = LinkId(requiredId(item, "id", where));
            checkUnique(seen, link.id.value, i, "link");
            link.from = FactorId(requiredId(item, "from", where));
            link.to = FactorId(requiredId(item, "to", where));
            if (!map.contains(link.from))
                fail(where + ".from", "no factor has id " + std::to_string(link.from.value));
            if (!map.contains(link.to))
                fail(where + ".to", "no factor has id " + std::to_string(link.to.value));
            if (auto [it, added] = ends.emplace(std::pair(link.from.value, link.to.value), i); !added)
                fail(where, "a second link " + map.factor(link.from).label + " -> "
                                + map.factor(link.to).label + " (links[" + std::to_string(it->second)
                                + "] already joins them in this direction)");
            link.polarity = requiredPolarity(item, where);
            link.delay = optionalBool(item, "delay", where);
            link.label = optionalString(item, "label", where);
            link.note = optionalString(item, "note", where);
            if (const auto bend = item.find("bend"); bend != item.end() && !bend->is_null()) {
                if (!bend->is_object())
                    fail(where + ".bend", "expected an object {\"x\":..,\"y\":..}, got "
                                              + describe(*bend));
                link.bend = Point{requiredCoordinate(*bend, "x", where + ".bend"),
                                  requiredCoordinate(*bend, "y", where + ".bend")};
                link.bendByLayout = optionalBool(*bend, "byLayout", where + ".bend");
            }
            link.indicator = optionalIndicator(item, where);
            link.extra = mapschema::extraFields(item, mapschema::kLinkKeys);
            insert(where, [&] { map.insertLink(link); });
        }
    }

    void readNextIds(const Json& root, SystemMap& map) const
    {
        // Ids are never reused, even those of deleted objects: the saved counters say where to
        // go on. A hand-edited file with counters too low is corrected rather than refused.
        std::uint64_t nextFactor = 1;
        std::uint64_t nextLink = 1;
        for (FactorId id : map.factorIds())
            nextFactor = std::max(nextFactor, id.value + 1);
        for (LinkId id : map.linkIds())
            nextLink = std::max(nextLink, id.value + 1);
        if (const auto next = root.find("nextIds"); next != root.end()) {
            if (!next->is_object())
                fail("nextIds", "expected an object {\"factor\":..,\"link\":..}, got "
                                    + describe(*next));
            if (next->contains("factor"))
                nextFactor = std::max(nextFactor, requiredId(*next, "factor", "nextIds"));
            if (next->contains("link"))
                nextLink = std::max(nextLink, requiredId(*next, "link", "nextIds"));
        }
        map.reserveIds(nextFactor, nextLink);
    }

    // `kind` is "factor" or "link"; the array is named after it.
    void checkUnique(std::map<std::uint64_t, std::size_t>& seen, std::uint64_t id, std::size_t index,
                     const std::string& kind) const
    {
        const auto [it, added] = seen.emplace(id, index);
        if (!added)
            fail(kind + "s[" + std::to_string(index) + "].id",
                 "duplicate " + kind + " id " + std::to_string(id) + " (also " + kind + "s["
                     + std::to_string(it->second) + "])");
    }

    template <class Edit>
    void insert(const std::string& where, Edit edit) const
    {
        try {
            edit();
        } catch (const std::exception& e) {
            fail(where, e.what());
        }
    }

    static std::string describe(const Json& value)
    {
        switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::string: return "string \"" + value.get<std::string>().substr(0, 40) + "\"";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "number " + value.dump();
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "an unsupported value";
        }
    }

    const Json& field(const Json& object, const char* key, const std::string& where) const
    {
        const auto it = object.find(key);
        if (it == object.end())
            fail(path(where, key), "missing field");
        return *it;
    }

    static std::string path(const std::string& where, const char* key)
    {
        return where.empty() ? std::string(key) : where + "." + key;
    }

    std::uint64_t requiredId(const Json& object, const char* key, const std::string& where) const
    {
        const Json& value = field(object, key, where);
        if (!value.is_number_integer())
            fail(path(where, key), "expected an integer id, got " + describe(value));
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
            fail(path(where, key), "ids are positive integers, got " + value.dump());
        return value.get<std::uint64_t>();
    }

    const Json& requiredArray(const Json& object, const char* key, const std::string& where) const
    {
        const Json& value = field(object, key, where);
        if (!value.is_array())
            fail(path(where, key), "expected an array, got " + describe(value));
        return value;
    }

    std::string requiredString(const Json& object, const char* key, const std::string& where) const
    {
        const Json& value = field(object, key, where);
        if (!value.is_string())
            fail(path(where, key), "expected a string, got " + describe(value));
        return value.get<std::string>();
    }

    // Optional fields may be absent or null.
    std::string optionalString(const Json& object, const char* key, const std::string& where) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return {};
        if (!it->is_string())
            fail(path(where, key), "expected a string, got " + describe(*it));
        return it->get<std::string>();
    }

    bool optionalBool(const Json& object, const char* key, const std::string& where) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return false;
        if (!it->is_boolean())
            fail(path(where, key), "expected true or false, got " + describe(*it));
        return it->get<bool>();
    }

    // A position or bend: finite and within kMaxCoordinate, so drawings and exports have a
    // sane extent (a bend of 1e308 once made an SVG of 0 x 0 px).
    double coordinate(const Json& value, const std::string& where) const
    {
        if (!value.is_number())
            fail(where, "expected a number, got " + describe(value));
        const double x = value.get<double>();
        if (!std::isfinite(x))
            fail(where, "expected a finite number, got " + value.dump());
        if (std::abs(x) > kMaxCoordinate)
            fail(where, value.dump() + " is too far out (coordinates are at most 10000000 from 0)");
        return x;
    }

    double requiredCoordinate(const Json& object, const char* key, const std::string& where) const
    {
        return coordinate(field(object, key, where), path(where, key));
    }

    double optionalCoordinate(const Json& object, const char* key, const std::string& where) const
    {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null())
            return 0.0;
        return coordinate(*it, path(where, key));
    }

    std::optional<Indicator> optionalIndicator(const Json& object, const std::string& where) const
    {
        const auto it = object.find("indicator");
        if (it == object.end() || it->is_null())
            return std::nullopt;
        return mapdata::readIndicator(*it, path(where, "indicator"), m_prefix);
    }

    Polarity requiredPolarity(const Json& object, const std::string& where) const
    {
        const Json& value = field(object, "polarity", where);
        if (value.is_string()) {
            const std::string text = value.get<std::string>();
            if (text == "+")
                return Polarity::Positive;
            if (text == "-")
                return Polarity::Negative;
            if (text == "?")
                return Polarity::Unknown;
        }
        fail(path(where, "polarity"), "expected \"+\", \"-\" or \"?\", got " + describe(value));
    }

    std::string_view m_text;
    std::string m_prefix;
};

} // namespace

SystemMap parseMapJson(std::string_view text, const std::string& sourceName)
{
    return MapReader(text, sourceName).read();
}

} // namespace causeway
