// Kumu blueprint JSON (kumu.io "Export > JSON"): `elements` and `connections`, each with its
// fields either at the top level or under `attributes`, and optional `maps[].elements[]` that
// place elements on a map.
#include "io/import.h"

#include "io/importutil.h"
#include "model/looplabels.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace causeway {

namespace {

using importutil::lower;
using importutil::trim;
using nlohmann::json;

// A field of an element or connection: top level first, then under `attributes`; names
// compared case-insensitively because hand-written blueprints vary ("Element Type").
const json* field(const json& object, std::initializer_list<const char*> names)
{
    for (const json* scope : {&object, object.contains("attributes") ? &object["attributes"] : nullptr}) {
        if (!scope || !scope->is_object())
            continue;
        for (const char* name : names)
            for (const auto& [key, value] : scope->items())
                if (lower(key) == name && !value.is_null())
                    return &value;
    }
    return nullptr;
}

std::string text(const json* value)
{
    if (!value)
        return {};
    if (value->is_string())
        return trim(value->get<std::string>());
    if (value->is_number() || value->is_boolean())
        return value->dump();
    if (value->is_array()) { // tags
        std::string joined;
        for (const json& item : *value)
            if (item.is_string())
                joined += (joined.empty() ? "" : ", ") + item.get<std::string>();
        return joined;
    }
    return {};
}

std::optional<Point> position(const json& object)
{
    const json* pos = object.contains("position") ? &object["position"] : &object;
    if (!pos->is_object() || !pos->contains("x") || !pos->contains("y"))
        return std::nullopt;
    const json& x = (*pos)["x"];
    const json& y = (*pos)["y"];
    if (!x.is_number() || !y.is_number() || !std::isfinite(x.get<double>())
        || !std::isfinite(y.get<double>()))
        return std::nullopt;
    return Point{x.get<double>(), y.get<double>()};
}

class KumuReader {
public:
    explicit KumuReader(ImportResult& result) : m_map(result.map), m_warnings(result.warnings) {}

    void read(const json& doc)
    {
        if (!doc.is_object() || (!doc.contains("elements") && !doc.contains("connections")))
            throw IoError("not a Kumu blueprint: expected a JSON object with \"elements\" and "
                          "\"connections\"");
        importutil::checkMapSize(doc.contains("elements") ? doc["elements"].size() : 0,
                                 doc.contains("connections") ? doc["connections"].size() : 0);
        if (doc.contains("elements"))
            for (std::size_t i = 0; const json& element : arrayOf(doc, "elements"))
                readElement(element, i++);
        if (doc.contains("connections"))
            for (std::size_t i = 0; const json& connection : arrayOf(doc, "connections"))
                readConnection(connection, i++);
        if (doc.contains("maps") && doc["maps"].is_array())
            readPositions(doc["maps"]);
        if (doc.contains("loops"))
            readLoops(doc["loops"]);
        for (const char* key : {"views", "perspectives"})
            if (doc.contains(key))
                m_warnings.add(std::string("Kumu \"") + key + "\" are not imported");
        std::vector<FactorId> unplaced;
        for (const FactorId id : m_map.factorIds())
            if (!m_placed.contains(id))
                unplaced.push_back(id);
        if (unplaced.size() == m_map.factorCount())
            importutil::placeInitially(m_map, unplaced);
        else if (!unplaced.empty())
            importutil::placeInitially(m_map, unplaced, {0, bottom() + 200});
        m_warnings.finish();
    }

private:
    static const json& arrayOf(const json& doc, const char* key)
    {
        if (!doc[key].is_array())
            throw IoError(std::string("not a Kumu blueprint: \"") + key + "\" is not an array");
        return doc[key];
    }

    double bottom() const
    {
        double y = 0;
        for (const FactorId id : m_placed)
            y = std::max(y, m_map.factor(id).position.y);
        return y;
    }

    void readElement(const json& element, std::size_t index)
    {
        const std::string where = "elements[" + std::to_string(index) + "]";
        if (!element.is_object())
            throw IoError(where + ": expected an object");
        const std::string id = text(field(element, {"_id", "id"}));
        Factor factor;
        factor.label = text(field(element, {"label", "name"}));
        if (factor.label.empty())
            factor.label = id;
        if (factor.label.empty()) {
            m_warnings.add(where + ": element without a label or id skipped");
            return;
        }
        factor.group = text(field(element, {"element type", "type"}));
        factor.description = text(field(element, {"description"}));
        const std::string tags = text(field(element, {"tags"}));
        if (!tags.empty())
            factor.description += (factor.description.empty() ? "" : "\n") + ("Tags: " + tags);
        const auto known = m_byKey.find(id.empty() ? factor.label : id);
        if (known != m_byKey.end()) {
            m_warnings.add(where + ": a second element '" + factor.label + "' skipped");
            return;
        }
        const FactorId added = m_map.addFactor(factor);
        if (const auto pos = position(element)) {
            m_map.moveFactor(added, *pos);
            m_placed.insert(added);
        }
        if (!id.empty())
            m_byKey.emplace(id, added);
        m_byKey.emplace(factor.label, added); // connections may name elements by label
    }

    // Kumu creates an element for a connection end it does not know; so do we.
    FactorId endpoint(const std::string& key)
    {
        if (const auto it = m_byKey.find(key); it != m_byKey.end())
            return it->second;
        Factor factor;
        factor.label = key;
        const FactorId id = m_map.addFactor(factor);
        m_byKey.emplace(key, id);
        m_warnings.add("connection end '" + key + "' is not an element; added as a factor");
        return id;
    }

    void readConnection(const json& connection, std::size_t index)
    {
        const std::string where = "connections[" + std::to_string(index) + "]";
        if (!connection.is_object())
            throw IoError(where + ": expected an object");
        const std::string from = text(field(connection, {"from"}));
        const std::string to = text(field(connection, {"to"}));
        if (from.empty() || to.empty()) {
            m_warnings.add(where + ": connection without \"from\" and \"to\" skipped");
            return;
        }
        Link link;
        link.from = endpoint(from);
        link.to = endpoint(to);
        link.label = text(field(connection, {"label"}));
        link.note = text(field(connection, {"description"}));
        readPolarity(connection, link);
        const std::optional<LinkId> added = add(link, where);
        if (const std::string id = text(field(connection, {"_id", "id"})); added && !id.empty())
            m_linkById.emplace(id, *added);

        const std::string direction = lower(text(field(connection, {"direction"})));
        if (direction == "mutual") {
            std::swap(link.from, link.to);
            add(link, where + " (mutual, reverse direction)");
            m_warnings.count("mutual connections: imported as links in both directions");
        } else if (direction == "undirected") {
            m_warnings.count("undirected connections: imported as a link from \"from\" to \"to\"; "
                             "check their direction");
        }
    }

    // An explicit polarity field first, then the connection type ("+", "++", "same", ...). A
    // type that names no polarity ("WORKS_AT", "Family") is the link's label, by the rule every
    // importer follows (importutil::readLinkText).
    void readPolarity(const json& connection, Link& link)
    {
        const importutil::LinkText sign = importutil::readLinkText(text(field(connection, {"polarity", "sign"})));
        const importutil::LinkText type = importutil::readLinkText(text(field(connection, {"connection type", "type"})));
        if (sign.polarity) {
            link.polarity = *sign.polarity;
            importutil::countLinkText(m_warnings, sign, "a Kumu polarity field");
        } else if (type.polarity) {
            link.polarity = *type.polarity;
            m_warnings.count("links: polarity read from Kumu connection type");
            importutil::countLinkText(m_warnings, type, "a Kumu connection type");
        } else {
            link.polarity = Polarity::Unknown;
            m_warnings.count("links: no polarity (no +/-/same/opposite connection type), imported as '?'");
        }
        if (!type.label.empty()) {
            if (link.label.empty()) {
                link.label = type.label;
                m_warnings.count("links: Kumu connection type that names no polarity kept as the link label");
            } else {
                link.note += (link.note.empty() ? "" : "\n") + ("Type: " + type.label);
                m_warnings.count("links: Kumu connection type that names no polarity kept in the note");
            }
        }
        const auto delay = importutil::parseFlag(text(field(connection, {"delay"})));
        link.delay = delay.value_or(false) || sign.delay || type.delay;
    }

    std::optional<LinkId> add(const Link& link, const std::string& where)
    {
        if (const auto existing = m_map.findLink(link.from, link.to)) {
            m_warnings.add(where + ": a second connection " + describeLink(m_map, link) + " skipped");
            return existing;
        }
        return m_map.addLink(link);
    }

    // Kumu's named loops: a label and the loop's connections (by id, or as from/to objects).
    // Kept as loop labels when the connections close one loop.
    void readLoops(const json& loops)
    {
        if (!loops.is_array()) {
            m_warnings.add("\"loops\" is not an array; not imported");
            return;
        }
        for (std::size_t i = 0; i < loops.size(); ++i) {
            const json& loop = loops[i];
            const std::string where = "loops[" + std::to_string(i) + "]";
            if (!loop.is_object())
                continue;
            std::string name = text(field(loop, {"label", "name"}));
            if (name.empty())
                name = text(field(loop, {"_id", "id"}));
            const json* connections = field(loop, {"connections"});
            std::vector<LinkId> links;
            bool known = connections && connections->is_array();
            for (std::size_t c = 0; known && c < connections->size(); ++c) {
                const auto link = loopLink((*connections)[c]);
                known = link.has_value();
                if (link)
                    links.push_back(*link);
            }
            if (!known || !orderAsLoop(links)) {
                m_warnings.add(where + ": loop '" + name + "' does not name connections that "
                               "close one loop; not imported");
                continue;
            }
            try {
                addLoopLabel(m_map, {name, links});
            } catch (const EditError& e) {
                m_warnings.add(where + ": loop '" + name + "' not imported: " + e.what());
                continue;
            }
            m_warnings.count("named Kumu loops imported as loop labels");
        }
    }

    std::optional<LinkId> loopLink(const json& ref) const
    {
        if (ref.is_object()) {
            const auto a = m_byKey.find(text(field(ref, {"from"})));
            const auto b = m_byKey.find(text(field(ref, {"to"})));
            if (a != m_byKey.end() && b != m_byKey.end())
                return m_map.findLink(a->second, b->second);
            const json* id = field(ref, {"_id", "id"});
            return id && !id->is_object() ? loopLink(*id) : std::nullopt;
        }
        const auto it = m_linkById.find(text(&ref));
        return it == m_linkById.end() ? std::nullopt : std::optional(it->second);
    }

    // Puts a loop's links in order, each starting where the one before ends; false when they
    // do not form one closed loop.
    bool orderAsLoop(std::vector<LinkId>& links) const
    {
        if (links.empty())
            return false;
        for (std::size_t i = 1; i < links.size(); ++i) {
            const FactorId end = m_map.link(links[i - 1]).to;
            const auto next = std::find_if(links.begin() + std::ptrdiff_t(i), links.end(),
                                           [&](LinkId l) { return m_map.link(l).from == end; });
            if (next == links.end())
                return false;
            std::iter_swap(links.begin() + std::ptrdiff_t(i), next);
        }
        return m_map.link(links.back()).to == m_map.link(links.front()).from;
    }

    void readPositions(const json& maps)
    {
        // Only the first map's layout: a blueprint may hold several views of the same elements.
        if (maps.empty() || !maps[0].is_object() || !maps[0].contains("elements")
            || !maps[0]["elements"].is_array())
            return;
        if (maps.size() > 1)
            m_warnings.add("positions taken from the first of " + std::to_string(maps.size()) + " maps");
        for (const json& placed : maps[0]["elements"]) {
            if (!placed.is_object())
                continue;
            const auto it = m_byKey.find(text(field(placed, {"element", "_id", "id"})));
            const auto pos = position(placed);
            if (it == m_byKey.end() || !pos)
                continue;
            m_map.moveFactor(it->second, *pos);
            m_placed.insert(it->second);
        }
    }

    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::map<std::string, FactorId> m_byKey;
    std::map<std::string, LinkId> m_linkById;
    std::set<FactorId> m_placed;
};

} // namespace

ImportResult importKumu(std::string_view text)
{
    importutil::checkJsonNesting(text);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) { // parse errors, and numbers out of range
        // nlohmann says "[json.exception.parse_error.101] parse error at line 3, column 5: ..."
        std::string reason = e.what();
        if (const std::size_t tag = reason.find("] "); tag != std::string::npos)
            reason = reason.substr(tag + 2);
        throw IoError("not valid JSON: " + reason);
    }
    ImportResult result;
    KumuReader(result).read(doc);
    return result;
}

} // namespace causeway
