// XMILE (OASIS XMILE 1.0; Stella's .stmx/.itmx): stocks, flows and auxiliaries become factors.
// An auxiliary or flow depends on the variables its equation names; a stock on its inflows (+)
// and outflows (-) only, since its own equation is just the initial value. Connector polarity
// and positions come from the first view. Modules: each module's variables become factors in a
// group named after the module; a module input connected to another module's output is that
// output, so the connections between modules become links. A dependency no connector signs
// takes its sign from the equation (io/equationsign.h), through a graphical function's direction.
#include "io/import.h"

#include "io/equationsign.h"
#include "io/importutil.h"
#include "io/importxml.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace causeway {

namespace {

using importutil::localName;

pugi::xml_node child(pugi::xml_node node, std::string_view name)
{
    return importutil::childNamed(node, name);
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

// A graphical function's points: <ypts> over <xpts> (or evenly spaced x); none when they do not read.
std::vector<std::pair<double, double>> graphicalPoints(pugi::xml_node gf)
{
    const auto numbers = [](std::string_view text) {
        std::vector<double> out;
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = std::min(text.find(',', start), text.size());
            const auto value = importutil::parseNumber(text.substr(start, comma - start));
            if (!value)
                return std::vector<double>();
            out.push_back(*value);
            start = comma + 1;
        }
        return out;
    };
    const std::vector<double> ys = numbers(child(gf, "ypts").text().get());
    std::vector<double> xs = numbers(child(gf, "xpts").text().get());
    if (!child(gf, "xpts"))
        for (std::size_t i = 0; i < ys.size(); ++i)
            xs.push_back(double(i));
    std::vector<std::pair<double, double>> points;
    if (ys.size() < 2 || xs.size() != ys.size())
        return points;
    for (std::size_t i = 0; i < ys.size(); ++i)
        points.emplace_back(xs[i], ys[i]);
    return points;
}

struct Variable {
    std::string kind; // stock, flow, aux
    std::string name;
    std::string scope; // "" in the main model, "hares." inside module hares
    std::string eqn;
    std::vector<std::string> inflows, outflows; // normalised
    std::optional<equations::Sign> graphical; // a <gf>: its direction
    std::optional<equations::Range> outputs;  // a <gf>: its lowest and highest y
    FactorId factor;
};

// Modules may hold modules; deeper than this is refused (a hostile file could loop).
constexpr int kMaxModuleDepth = 16;

class XmileReader {
public:
    XmileReader(std::string_view text, ImportResult& result)
        : m_text(text), m_map(result.map), m_warnings(result.warnings)
    {
    }

    void read()
    {
        pugi::xml_document doc;
        const pugi::xml_node root = importutil::loadRoot(doc, m_text, m_lines, "xmile", "XMILE");
        // The main model has no name; when every model has one, the first is the main one.
        pugi::xml_node main, first;
        for (pugi::xml_node model : root.children())
            if (localName(model.name()) == "model") {
                const std::string name = model.attribute("name").value();
                first = first ? first : model;
                if (name.empty() && !main)
                    main = model;
                else
                    m_submodels.emplace(normalise(name), model);
            }
        main = main ? main : first;
        if (!main)
            throw IoError("not XMILE: no <model> element inside <xmile>");
        readModel(main, "", 0);
        for (const auto& [name, model] : m_submodels)
            if (!m_usedModels.contains(name) && model != main)
                m_warnings.add(where(model) + ": <model name=\"" + name
                               + "\"> is used by no module; not imported");
        readLinks();
        placeRest();
        importutil::spreadToFit(m_map, placedFactors(), m_warnings);
        m_warnings.finish();
    }

private:
    std::string where(pugi::xml_node node) const { return importutil::lineOf(m_lines, node); }

    // One model's variables and view, then the models its modules use.
    void readModel(pugi::xml_node model, const std::string& scope, int depth)
    {
        pugi::xml_node variables = child(model, "variables");
        // STELLA 10 wrote the variables directly under <model>, each with a <display>.
        if (!variables
            && (child(model, "stock") || child(model, "flow") || child(model, "aux") || child(model, "module"))) {
            variables = model;
            m_warnings.count("models in early STELLA XMILE (variables directly under <model>) read");
        }
        if (!variables)
            throw IoError(where(model) + ": not XMILE: the model has no <variables> and no "
                          "<stock>, <flow> or <aux>");
        const std::size_t first = m_variables.size();
        std::vector<pugi::xml_node> modules;
        readVariables(variables, scope, modules);
        pugi::xml_node view = child(child(model, "views"), "view");
        if (!view)
            view = child(model, "display"); // early STELLA: connectors in the model's display
        readView(view, scope);
        if (!scope.empty())
            placeModule(first);
        for (const pugi::xml_node module : modules)
            readModule(module, scope, depth);
    }

    void readModule(pugi::xml_node module, const std::string& scope, int depth)
    {
        const std::string name = normalise(module.attribute("name").value());
        std::string modelName = module.attribute("model_name").value();
        modelName = modelName.empty() ? name : normalise(modelName);
        const auto model = m_submodels.find(modelName);
        if (name.empty() || model == m_submodels.end()) {
            m_warnings.add(where(module) + ": module '" + name + "' has no <model name=\"" + modelName
                           + "\">; not imported");
            return;
        }
        if (depth + 1 > kMaxModuleDepth)
            throw IoError(where(module) + ": modules nested deeper than "
                          + std::to_string(kMaxModuleDepth) + " levels");
        m_usedModels.insert(modelName);
        m_warnings.count("modules imported as groups of factors");
        readModel(model->second, scope + name + ".", depth + 1);
    }

    // A module's connections: its input `to` takes the value of `from` (".x" is a variable of
    // the model holding the module, "m.x" one of its module m).
    void readConnections(pugi::xml_node module, const std::string& scope)
    {
        for (pugi::xml_node connect : module.children()) {
            if (localName(connect.name()) != "connect")
                continue;
            std::string from = connect.attribute("from").value();
            const std::string to = connect.attribute("to").value();
            if (from.starts_with('.'))
                from.erase(0, 1);
            if (!from.empty() && !to.empty())
                m_inputOf[scope + normalise(to)] = scope + normalise(from);
        }
    }

    void readVariables(pugi::xml_node variables, const std::string& scope,
                       std::vector<pugi::xml_node>& modules)
    {
        for (pugi::xml_node node : variables.children()) {
            if (node.type() != pugi::node_element)
                continue;
            const std::string_view kind = localName(node.name());
            if (kind == "module") {
                readConnections(node, scope);
                modules.push_back(node);
                continue;
            }
            if (kind == "display" || kind == "interface" || kind == "dependencies" || kind == "views")
                continue; // drawing and tool data, not variables
            if (kind != "stock" && kind != "flow" && kind != "aux") {
                m_warnings.add(where(node) + ": <" + std::string(kind) + "> not imported");
                continue;
            }
            Variable v;
            v.kind = kind;
            v.name = node.attribute("name").value();
            const std::string key = scope + normalise(v.name);
            if (normalise(v.name).empty()) {
                m_warnings.add(where(node) + ": <" + v.kind + "> without a name skipped");
                continue;
            }
            if (m_index.contains(key)) {
                m_warnings.add(where(node) + ": a second variable '" + displayName(v.name) + "' skipped");
                continue;
            }
            if (m_inputOf.contains(key)) {
                m_warnings.count("module inputs connected to a variable outside the module: joined to it");
                continue;
            }
            v.scope = scope;
            v.eqn = child(node, "eqn").text().get();
            if (const pugi::xml_node gf = child(node, "gf")) {
                const std::vector<std::pair<double, double>> points = graphicalPoints(gf);
                v.graphical = points.empty() ? equations::Sign::Unknown : equations::lookupSign(points);
                if (!points.empty())
                    v.outputs = equations::outputsOf(points);
            }
            for (pugi::xml_node c : node.children()) {
                if (localName(c.name()) == "inflow")
                    v.inflows.push_back(normalise(c.text().get()));
                else if (localName(c.name()) == "outflow")
                    v.outflows.push_back(normalise(c.text().get()));
            }
            Factor factor;
            factor.label = displayName(v.name);
            factor.group = !scope.empty() ? scope.substr(0, scope.size() - 1)
                : v.kind == "aux"         ? std::string()
                                          : v.kind;
            factor.description = importutil::trim(child(node, "doc").text().get());
            v.factor = m_map.addFactor(factor);
            m_index[key] = m_variables.size();
            m_variables.push_back(std::move(v));
            place(m_variables.size() - 1, child(node, "display"));
        }
    }

    void place(std::size_t index, pugi::xml_node node)
    {
        const double x = node.attribute("x").as_double(NAN);
        const double y = node.attribute("y").as_double(NAN);
        if (node && std::isfinite(x) && std::isfinite(y) && !m_placed.contains(index)) {
            m_map.moveFactor(m_variables[index].factor, {x, y});
            m_placed.insert(index);
        }
    }

    // The variable a key names, through module connections (bounded: a cycle of them ends).
    std::optional<std::size_t> variableOf(std::string key) const
    {
        for (int hop = 0; hop <= 2 * kMaxModuleDepth; ++hop) {
            if (const auto it = m_index.find(key); it != m_index.end())
                return it->second;
            const auto input = m_inputOf.find(key);
            if (input == m_inputOf.end())
                return std::nullopt;
            key = input->second;
        }
        return std::nullopt;
    }

    // A module's view has its own coordinates: its drawing goes right of what is placed.
    void placeModule(std::size_t first)
    {
        double right = -INFINITY, minX = INFINITY, minY = INFINITY;
        for (const std::size_t i : m_placed) {
            const Point p = m_map.factor(m_variables[i].factor).position;
            if (i < first) {
                right = std::max(right, p.x);
            } else {
                minX = std::min(minX, p.x);
                minY = std::min(minY, p.y);
            }
        }
        if (!std::isfinite(minX))
            return;
        if (!std::isfinite(right))
            right = -250;
        for (const std::size_t i : m_placed)
            if (i >= first) {
                const Point p = m_map.factor(m_variables[i].factor).position;
                m_map.moveFactor(m_variables[i].factor, {p.x - minX + right + 250, p.y - minY});
            }
    }

    std::vector<FactorId> placedFactors() const
    {
        std::vector<FactorId> ids;
        for (const std::size_t i : m_placed)
            ids.push_back(m_variables[i].factor);
        return ids;
    }

    // Positions, aliases and connector polarity from the first view.
    void readView(pugi::xml_node view, const std::string& scope)
    {
        if (!view)
            return;
        std::map<std::string, std::string> aliasOf; // alias uid -> normalised name
        for (pugi::xml_node node : view.children())
            if (localName(node.name()) == "alias")
                aliasOf[node.attribute("uid").value()] = scope + normalise(child(node, "of").text().get());
        const auto endName = [&](pugi::xml_node end) -> std::string {
            if (const pugi::xml_node alias = child(end, "alias")) {
                const auto it = aliasOf.find(alias.attribute("uid").value());
                return it == aliasOf.end() ? std::string() : it->second;
            }
            const std::string name = normalise(end.text().get());
            return name.empty() ? name : scope + name;
        };
        for (pugi::xml_node node : view.children()) {
            const std::string_view kind = localName(node.name());
            if (kind == "stock" || kind == "flow" || kind == "aux") {
                const auto it = m_index.find(scope + normalise(node.attribute("name").value()));
                if (it != m_index.end())
                    place(it->second, node);
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

    static Polarity polarityOf(equations::Sign sign)
    {
        return sign == equations::Sign::Positive ? Polarity::Positive
            : sign == equations::Sign::Negative  ? Polarity::Negative
                                                 : Polarity::Unknown;
    }

    // Graphical functions called by name (LOOKUP(name, x) or name(x)) within a scope.
    equations::Context equationContext(const std::string& scope) const
    {
        equations::Context context;
        context.dialect = equations::Dialect::Xmile;
        context.lookup = [this, scope](const std::string& name) -> std::optional<equations::Sign> {
            const auto v = variableOf(scope + name);
            return v ? m_variables[*v].graphical : std::nullopt;
        };
        context.range = [this, scope](const std::string& name) { return rangeOf(scope + name); };
        context.nesting = m_ranges.nesting();
        return context;
    }

    // Where a variable's value lies: a graphical function's outputs, or what its equation
    // computes from its inputs' ranges (a constant: its number); nothing for a stock. Read once
    // each (equations::VariableRanges).
    std::optional<equations::Range> rangeOf(const std::string& key) const
    {
        const auto v = variableOf(key);
        if (!v || m_variables[*v].kind == "stock")
            return std::nullopt;
        const Variable& var = m_variables[*v];
        return m_ranges.get(*v, [&] {
            return var.graphical ? var.outputs : equations::valueRange(var.eqn, equationContext(var.scope));
        });
    }

    void readLinks()
    {
        std::size_t unknown = 0, inferred = 0;
        std::size_t initialValues = 0;
        std::set<std::pair<std::string, std::string>> used; // keys as written, before joining inputs
        for (const Variable& to : m_variables) {
            const std::string toKey = to.scope + normalise(to.name);
            if (to.kind == "stock") {
                for (const auto& [flows, polarity] : {std::pair{&to.inflows, Polarity::Positive},
                                                      std::pair{&to.outflows, Polarity::Negative}})
                    for (const std::string& flow : *flows) {
                        const auto from = variableOf(to.scope + flow);
                        if (!from) {
                            m_warnings.add("stock '" + displayName(to.name) + "': flow '" + flow
                                           + "' is not a variable; skipped");
                            continue;
                        }
                        addLink(m_variables[*from], to, polarity);
                        used.insert({to.scope + flow, toKey});
                    }
                for (const std::string& name : identifiers(to.eqn))
                    if (variableOf(to.scope + name) && to.scope + name != toKey)
                        ++initialValues;
                continue;
            }
            const equations::Signs signs = equations::dependencySigns(to.eqn, equationContext(to.scope));
            for (const std::string& name : identifiers(to.eqn)) {
                const std::string fromKey = to.scope + name;
                const auto from = variableOf(fromKey);
                if (!from || used.contains({fromKey, toKey}))
                    continue;
                used.insert({fromKey, toKey});
                Polarity polarity = Polarity::Unknown;
                const auto connector = m_connectors.find({fromKey, toKey});
                if (connector != m_connectors.end() && (connector->second == "+" || connector->second == "-")) {
                    polarity = connector->second == "+" ? Polarity::Positive : Polarity::Negative;
                } else {
                    polarity = polarityOf(equations::times(equations::signOf(signs, name),
                                                           to.graphical.value_or(equations::Sign::Positive)));
                    ++(polarity == Polarity::Unknown ? unknown : inferred);
                }
                addLink(m_variables[*from], to, polarity);
            }
        }
        for (const auto& [ends, polarity] : m_connectors)
            if (!used.contains(ends) && variableOf(ends.first) && variableOf(ends.second))
                m_warnings.add("connector " + ends.first + " -> " + ends.second
                               + " has no matching reference in the equation; not imported");
        m_warnings.count("link polarities inferred from equations", inferred);
        m_warnings.count("dependencies with no connector polarity and no sign from their equation: "
                         "imported as '?'",
                         unknown);
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
    importutil::LineIndex m_lines{m_text};
    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::vector<Variable> m_variables;
    std::map<std::string, std::size_t> m_index; // scope + normalised name -> m_variables index
    mutable equations::VariableRanges<std::size_t> m_ranges; // by m_variables index
    std::map<std::string, pugi::xml_node> m_submodels; // by normalised name
    std::set<std::string> m_usedModels;
    std::map<std::string, std::string> m_inputOf; // module input key -> the key it takes its value from
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
