// XMILE (OASIS XMILE 1.0; Stella's .stmx/.itmx): stocks, flows and auxiliaries become factors.
// An auxiliary or flow depends on the variables its equation names; a stock on its inflows (+)
// and outflows (-) only, since its own equation is just the initial value. Connector polarity
// and positions come from the first view.
#include "io/import.h"

#include "io/importutil.h"

#include <pugixml.hpp>

#include <cmath>
#include <map>
#include <set>

namespace causeway {

namespace {

std::string_view localName(const char* name)
{
    const std::string_view n(name);
    const std::size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node node, std::string_view name)
{
    for (pugi::xml_node c : node.children())
        if (localName(c.name()) == name)
            return c;
    return {};
}

// XMILE names: case-insensitive, spaces, underscores and line breaks equal, quotes not part.
std::string normalise(std::string_view name)
{
    return importutil::normaliseModelName(name);
}

// How a name reads on the map: Stella's "\n" line breaks become spaces.
std::string displayName(std::string_view name)
{
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] == '\\' && i + 1 < name.size() && name[i + 1] == 'n') {
            out += ' ';
            ++i;
        } else {
            out += name[i] == '\n' ? ' ' : name[i];
        }
    }
    return importutil::trim(out);
}

// Names an equation refers to: quoted names and unquoted identifiers (letters, digits,
// underscores, '.', non-ASCII), skipping numbers and {comments}. Functions and keywords come out
// too; the caller keeps only names of variables.
std::vector<std::string> identifiers(std::string_view eqn)
{
    std::vector<std::string> out;
    std::size_t i = 0;
    const auto isIdent = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$'
            || static_cast<unsigned char>(c) >= 0x80;
    };
    while (i < eqn.size()) {
        const char c = eqn[i];
        if (c == '"') {
            const std::size_t end = eqn.find('"', i + 1);
            if (end == std::string_view::npos)
                break;
            out.push_back(normalise(eqn.substr(i + 1, end - i - 1)));
            i = end + 1;
        } else if (c == '{') {
            const std::size_t end = eqn.find('}', i + 1);
            i = end == std::string_view::npos ? eqn.size() : end + 1;
        } else if (isIdent(c)) {
            const std::size_t start = i;
            while (i < eqn.size() && isIdent(eqn[i]))
                ++i;
            if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.')
                out.push_back(normalise(eqn.substr(start, i - start)));
        } else {
            ++i;
        }
    }
    return out;
}

struct Variable {
    std::string kind; // stock, flow, aux
    std::string name;
    std::string eqn;
    std::vector<std::string> inflows, outflows; // normalised
    FactorId factor;
};

class XmileReader {
public:
    XmileReader(std::string_view text, ImportResult& result)
        : m_text(text), m_map(result.map), m_warnings(result.warnings)
    {
    }

    void read()
    {
        pugi::xml_document doc;
        const pugi::xml_parse_result parsed = doc.load_buffer(m_text.data(), m_text.size());
        if (!parsed)
            throw IoError("not well-formed XML at "
                          + importutil::lineColumn(m_text, std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset)))
                          + ": " + parsed.description());
        const pugi::xml_node root = doc.document_element();
        if (localName(root.name()) != "xmile")
            throw IoError(std::string("not XMILE: the document is a <") + root.name()
                          + "> element, expected <xmile>");
        const pugi::xml_node model = child(root, "model");
        if (!model)
            throw IoError("not XMILE: no <model> element inside <xmile>");
        for (pugi::xml_node other = model.next_sibling(); other; other = other.next_sibling())
            if (localName(other.name()) == "model")
                m_warnings.add(where(other) + ": a further <model> (module) not imported");
        readVariables(child(model, "variables"));
        readView(child(child(model, "views"), "view"));
        readLinks();
        placeRest();
        m_warnings.finish();
    }

private:
    std::string where(pugi::xml_node node) const
    {
        const std::string at = importutil::lineColumn(m_text, std::size_t(std::max<std::ptrdiff_t>(0, node.offset_debug())));
        return at.substr(0, at.find(','));
    }

    void readVariables(pugi::xml_node variables)
    {
        if (!variables)
            throw IoError("not XMILE: the model has no <variables>");
        for (pugi::xml_node node : variables.children()) {
            if (node.type() != pugi::node_element)
                continue;
            const std::string_view kind = localName(node.name());
            if (kind != "stock" && kind != "flow" && kind != "aux") {
                m_warnings.add(where(node) + ": <" + std::string(kind) + "> not imported");
                continue;
            }
            Variable v;
            v.kind = kind;
            v.name = node.attribute("name").value();
            const std::string key = normalise(v.name);
            if (key.empty()) {
                m_warnings.add(where(node) + ": <" + v.kind + "> without a name skipped");
                continue;
            }
            if (m_index.contains(key)) {
                m_warnings.add(where(node) + ": a second variable '" + displayName(v.name) + "' skipped");
                continue;
            }
            v.eqn = child(node, "eqn").text().get();
            for (pugi::xml_node c : node.children()) {
                if (localName(c.name()) == "inflow")
                    v.inflows.push_back(normalise(c.text().get()));
                else if (localName(c.name()) == "outflow")
                    v.outflows.push_back(normalise(c.text().get()));
            }
            Factor factor;
            factor.label = displayName(v.name);
            factor.group = v.kind == "aux" ? "" : v.kind;
            factor.description = importutil::trim(child(node, "doc").text().get());
            v.factor = m_map.addFactor(factor);
            m_index[key] = m_variables.size();
            m_variables.push_back(std::move(v));
        }
    }

    // Positions, aliases and connector polarity from the first view.
    void readView(pugi::xml_node view)
    {
        if (!view)
            return;
        std::map<std::string, std::string> aliasOf; // alias uid -> normalised name
        for (pugi::xml_node node : view.children())
            if (localName(node.name()) == "alias")
                aliasOf[node.attribute("uid").value()] = normalise(child(node, "of").text().get());
        const auto endName = [&](pugi::xml_node end) -> std::string {
            if (const pugi::xml_node alias = child(end, "alias")) {
                const auto it = aliasOf.find(alias.attribute("uid").value());
                return it == aliasOf.end() ? std::string() : it->second;
            }
            return normalise(end.text().get());
        };
        for (pugi::xml_node node : view.children()) {
            const std::string_view kind = localName(node.name());
            if (kind == "stock" || kind == "flow" || kind == "aux") {
                const auto it = m_index.find(normalise(node.attribute("name").value()));
                const double x = node.attribute("x").as_double(NAN);
                const double y = node.attribute("y").as_double(NAN);
                if (it != m_index.end() && std::isfinite(x) && std::isfinite(y)
                    && !m_placed.contains(it->second)) {
                    m_map.moveFactor(m_variables[it->second].factor, {x, y});
                    m_placed.insert(it->second);
                }
            } else if (kind == "connector") {
                const std::string from = endName(child(node, "from"));
                const std::string to = endName(child(node, "to"));
                const std::string polarity = node.attribute("polarity").value();
                if (from.empty() || to.empty())
                    continue;
                m_connectors[{from, to}] = polarity;
            }
        }
    }

    void addLink(const Variable& from, const Variable& to, Polarity polarity)
    {
        if (m_map.findLink(from.factor, to.factor))
            return; // a flow named twice in an equation, or both an inflow and in the equation
        Link link;
        link.from = from.factor;
        link.to = to.factor;
        link.polarity = polarity;
        m_map.addLink(link);
    }

    void readLinks()
    {
        std::size_t unknown = 0;
        std::size_t initialValues = 0;
        std::set<std::pair<std::string, std::string>> used;
        for (const Variable& to : m_variables) {
            const std::string toKey = normalise(to.name);
            if (to.kind == "stock") {
                for (const auto& [flows, polarity] : {std::pair{&to.inflows, Polarity::Positive},
                                                      std::pair{&to.outflows, Polarity::Negative}})
                    for (const std::string& flow : *flows) {
                        const auto it = m_index.find(flow);
                        if (it == m_index.end()) {
                            m_warnings.add("stock '" + displayName(to.name) + "': flow '" + flow
                                           + "' is not a variable; skipped");
                            continue;
                        }
                        addLink(m_variables[it->second], to, polarity);
                        used.insert({flow, toKey});
                    }
                for (const std::string& name : identifiers(to.eqn))
                    if (m_index.contains(name) && name != toKey)
                        ++initialValues;
                continue;
            }
            for (const std::string& name : identifiers(to.eqn)) {
                const auto it = m_index.find(name);
                if (it == m_index.end() || used.contains({name, toKey}))
                    continue;
                used.insert({name, toKey});
                Polarity polarity = Polarity::Unknown;
                const auto connector = m_connectors.find({name, toKey});
                if (connector != m_connectors.end() && (connector->second == "+" || connector->second == "-"))
                    polarity = connector->second == "+" ? Polarity::Positive : Polarity::Negative;
                else
                    ++unknown;
                addLink(m_variables[it->second], to, polarity);
            }
        }
        for (const auto& [ends, polarity] : m_connectors)
            if (!used.contains(ends) && m_index.contains(ends.first) && m_index.contains(ends.second))
                m_warnings.add("connector " + ends.first + " -> " + ends.second
                               + " has no matching reference in the equation; not imported");
        if (unknown > 0)
            m_warnings.add(std::to_string(unknown)
                           + " dependencies have no connector polarity, imported as '?'");
        if (initialValues > 0)
            m_warnings.add(std::to_string(initialValues)
                           + " reference(s) in stocks' initial values are not causal links; not imported");
    }

    void placeRest()
    {
        std::vector<FactorId> unplaced;
        double bottom = 0;
        for (std::size_t i = 0; i < m_variables.size(); ++i) {
            if (m_placed.contains(i))
                bottom = std::max(bottom, m_map.factor(m_variables[i].factor).position.y);
            else
                unplaced.push_back(m_variables[i].factor);
        }
        importutil::placeInitially(m_map, unplaced, {0, m_placed.empty() ? 0 : bottom + 200});
    }

    std::string_view m_text;
    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::vector<Variable> m_variables;
    std::map<std::string, std::size_t> m_index; // normalised name -> m_variables index
    std::set<std::size_t> m_placed;
    std::map<std::pair<std::string, std::string>, std::string> m_connectors; // -> polarity
};

} // namespace

ImportResult importXmile(std::string_view text)
{
    ImportResult result;
    XmileReader(text, result).read();
    return result;
}

} // namespace causeway
