// Vensim .mdl: the map comes from the sketch section's variables, valves, comments and arrows
// (io/vensimsketch.h reads them). The equations tell stocks (INTEG) from the rest, which way a
// flow runs, and which arrows into a stock only set its initial value.
#include "io/import.h"

#include "io/importutil.h"
#include "io/vensimequations.h"
#include "io/vensimsketch.h"
#include "model/looplabels.h"
#include "model/loops.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace causeway {

namespace {

using vensim::labelOf;
using Record = vensim::SketchRecord;
using View = vensim::SketchView;

class VensimReader {
public:
    VensimReader(std::string_view text, ImportResult& result)
        : m_text(text), m_map(result.map), m_warnings(result.warnings)
    {
    }

    void read()
    {
        const std::size_t marker = m_text.find("\\\\\\---///");
        if (marker == std::string_view::npos)
            throw IoError("not a Vensim model with a sketch: no \"\\\\\\---///\" sketch section "
                          "(a .mdl saved without its diagram cannot be mapped)");
        m_equations = vensim::parseEquations(m_text.substr(0, marker));
        vensim::Sketch sketch = vensim::parseSketch(m_text, marker);
        m_views = std::move(sketch.views);
        m_legacy = sketch.legacy;
        m_sketchClosed = sketch.closed;
        const std::vector<Point> offsets = viewOffsets();
        for (std::size_t v = 0; v < m_views.size(); ++v)
            buildView(m_views[v], v, offsets[v]);
        m_warnings.count("link polarities inferred from equations", m_inferred);
        m_warnings.count("arrow(s) have no polarity sign and none from their equation: imported as '?'",
                         m_unsignedArrows);
        reportUndrawn();
        labelLoops(); // before spreading: loop markers sit at the file's coordinates
        importutil::spreadToFit(m_map, m_map.factorIds(), m_warnings);
        m_warnings.finish();
    }

private:
    std::string lineName(std::size_t line) const { return "line " + std::to_string(line); }

    FactorId factorFor(const Record& r, Point offset)
    {
        const std::string key = vensim::normaliseName(labelOf(r));
        const bool ghost = r.field(3) % 2 == 0 && r.numbers.size() > 3;
        const Point position{r.x + offset.x, r.y + offset.y};
        if (const auto it = m_factors.find(key); it != m_factors.end()) {
            if (!ghost && m_ghostPlaced.erase(key))
                m_map.moveFactor(it->second, position);
            return it->second;
        }
        Factor factor;
        factor.label = labelOf(r);
        const auto eq = m_equations.find(key);
        if (eq != m_equations.end() && eq->second.stock)
            factor.group = "stock";
        else if (r.field(2) & 32)
            factor.group = "flow";
        factor.position = position;
        const FactorId id = m_map.addFactor(factor);
        m_factors[key] = id;
        if (ghost)
            m_ghostPlaced.insert(key);
        return id;
    }

    // Views share no coordinates: each is moved clear of the others, in rows as wide as makes the
    // whole about a screen's shape (4:3), the first where the file puts it. World3-03's 14 views
    // stood in one column 40 times taller than wide, which fitted to a screen showed nothing.
    std::vector<Point> viewOffsets() const
    {
        struct Extent {
            double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
            bool empty() const { return !std::isfinite(left); }
        };
        constexpr double gap = 200;
        std::vector<Extent> extents(m_views.size());
        double area = 0;
        for (std::size_t v = 0; v < m_views.size(); ++v) {
            Extent& e = extents[v];
            for (const Record& r : m_views[v].records)
                if (r.type != 1)
                    e = {std::min(e.left, r.x), std::min(e.top, r.y), std::max(e.right, r.x), std::max(e.bottom, r.y)};
            if (!e.empty())
                area += (e.right - e.left + gap) * (e.bottom - e.top + gap);
        }
        const double rowWidth = std::sqrt(area * 4 / 3);
        std::vector<Point> offsets(m_views.size(), Point{0, 0});
        std::optional<Extent> placed; // the first view's: rows start at its left
        double x = 0, y = 0, rowBottom = 0;
        for (std::size_t v = 0; v < m_views.size(); ++v) {
            const Extent& e = extents[v];
            if (e.empty())
                continue;
            if (!placed) { // stays where the file puts it
                placed = e;
                x = e.right + gap;
                y = e.top;
                rowBottom = e.bottom;
                continue;
            }
            const double width = e.right - e.left, height = e.bottom - e.top;
            if (x + width > placed->left + rowWidth) { // a new row, below the others
                x = placed->left;
                y = rowBottom + gap;
            }
            offsets[v] = {x - e.left, y - e.top};
            x += width + gap;
            rowBottom = std::max(rowBottom, y + height);
        }
        return offsets;
    }

    void buildView(const View& view, std::size_t index, Point offset)
    {

        std::map<int, FactorId> byId;   // variables, and valves as their flow
        std::map<int, std::string> keyOf; // variable id -> normalised name
        std::set<int> clouds;
        for (std::size_t i = 0; i < view.records.size(); ++i) {
            const Record& r = view.records[i];
            if (r.type == 10) {
                if (labelOf(r).empty()) {
                    m_warnings.add(lineName(r.line) + ": variable without a name skipped");
                    continue;
                }
                byId[r.id] = factorFor(r, offset);
                keyOf[r.id] = vensim::normaliseName(labelOf(r));
            } else if (r.type == 12) {
                if (r.name == "48")
                    clouds.insert(r.id);
                else if (!importutil::trim(r.name).empty() && r.name != "0")
                    m_comments.push_back({importutil::trim(r.name), {r.x + offset.x, r.y + offset.y}});
            }
        }
        // A valve stands for the flow variable whose record follows it.
        for (std::size_t i = 0; i + 1 < view.records.size(); ++i) {
            const Record& r = view.records[i];
            const Record& next = view.records[i + 1];
            if (r.type == 11 && next.type == 10 && byId.contains(next.id)) {
                byId[r.id] = byId[next.id];
                keyOf[r.id] = keyOf[next.id];
                m_valves.insert({index, r.id});
            }
        }
        for (const Record& r : view.records)
            if (r.type == 11 && !byId.contains(r.id))
                if (const auto flow = flowThroughValve(view, r.id, keyOf); flow && m_factors.contains(*flow)) {
                    byId[r.id] = m_factors.at(*flow);
                    keyOf[r.id] = *flow;
                    m_valves.insert({index, r.id});
                }
        for (const Record& r : view.records)
            if (r.type == 1)
                readArrow(r, byId, keyOf, clouds, index);
    }

    // A valve no variable record follows (Forrester's IDch15d draws each flow's name apart and
    // points it at the valve): the one flow that every stock its pipes fill (shape 4) has as an
    // inflow and every stock they drain (100) as an outflow, by the stocks' rates.
    std::optional<std::string> flowThroughValve(const View& view, int valve, const std::map<int, std::string>& keyOf) const
    {
        std::optional<std::set<std::string>> candidates;
        for (const Record& a : view.records) {
            if (a.type != 1 || a.field(0) != valve || (a.field(2) != 4 && a.field(2) != 100))
                continue;
            const auto key = keyOf.find(a.field(1));
            const auto stock = key == keyOf.end() ? m_equations.end() : m_equations.find(key->second);
            if (stock == m_equations.end() || !stock->second.stock)
                continue; // a cloud: outside the model
            const int sign = a.field(2) == 4 ? 1 : -1;
            std::set<std::string> flows;
            for (const auto& [name, s] : stock->second.rateSigns)
                if (s == sign && (!candidates || candidates->contains(name)))
                    flows.insert(name);
            candidates = std::move(flows);
        }
        if (!candidates || candidates->size() != 1)
            return std::nullopt;
        return *candidates->begin();
    }

    void readArrow(const Record& r, const std::map<int, FactorId>& byId,
                   const std::map<int, std::string>& keyOf, const std::set<int>& clouds,
                   std::size_t view)
    {
        const int fromId = r.field(0), toId = r.field(1), shape = r.field(2);
        const int polarityChar = r.field(4), delayType = r.field(7);
        if (clouds.contains(toId) || clouds.contains(fromId))
            return; // a flow's pipe to or from outside the model
        const auto from = byId.find(fromId);
        const auto to = byId.find(toId);
        if (from == byId.end() || to == byId.end()) {
            m_warnings.add(lineName(r.line) + ": arrow " + std::to_string(r.id)
                           + " does not join two variables; skipped");
            return;
        }
        if (from->second == to->second && (m_valves.contains({view, fromId}) || m_valves.contains({view, toId})))
            return; // the flow's name pointed at its own valve
        const std::string& fromKey = keyOf.at(fromId);
        const std::string& toKey = keyOf.at(toId);
        const auto stock = m_equations.find(toKey);
        const bool intoStock = stock != m_equations.end() && stock->second.stock;
        Link link;
        link.from = from->second;
        link.to = to->second;
        if (m_valves.contains({view, fromId}) && (shape == 4 || shape == 100)) {
            // A pipe: the flow fills (4) or drains (100) the stock; the rate's sign, when the
            // equations give one, decides.
            int s = shape == 100 ? -1 : 1;
            if (intoStock)
                if (const auto sign = stock->second.rateSigns.find(fromKey);
                    sign != stock->second.rateSigns.end() && sign->second != 0)
                    s = sign->second;
            link.polarity = s > 0 ? Polarity::Positive : Polarity::Negative;
        } else {
            if (intoStock) {
                const auto& refs = stock->second.rateRefs;
                if (std::find(refs.begin(), refs.end(), fromKey) == refs.end()) {
                    m_warnings.add(lineName(r.line) + ": arrow " + describeEnds(link)
                                   + " only sets the stock's initial value; skipped");
                    return;
                }
            }
            switch (polarityChar) {
            case '+': case 'S': case 's': case 'P': case 'p':
                link.polarity = Polarity::Positive;
                break;
            case '-': case 'O': case 'o': case 'N': case 'n':
                link.polarity = Polarity::Negative;
                break;
            default:
                link.polarity = inferredPolarity(fromKey, toKey);
                ++(link.polarity == Polarity::Unknown ? m_unsignedArrows : m_inferred);
                // A drawn arrow the model does not follow: its loops are the sketch's, not the model's.
                if (link.polarity == Polarity::Unknown && !usedBy(fromKey, toKey))
                    m_warnings.add(lineName(r.line) + ": arrow " + describeEnds(link) + ": the equation of "
                                   + m_map.factor(link.to).label + " does not use "
                                   + m_map.factor(link.from).label + "; imported as '?'");
            }
            // dtype's low bits choose the delay marking; its high bits (64, 128) are drawing
            // flags that plain arrows carry too.
            link.delay = (delayType & 63) != 0;
        }
        if (const auto existing = m_map.findLink(link.from, link.to)) {
            if (m_map.link(*existing).polarity != link.polarity)
                m_warnings.add(lineName(r.line) + ": a second arrow " + describeEnds(link)
                               + " with another polarity skipped");
            return; // ghost copies repeat arrows
        }
        m_map.addLink(link);
    }

    // An unsigned arrow's sign, from the target's equation (a stock's: its rate).
    Polarity inferredPolarity(const std::string& fromKey, const std::string& toKey)
    {
        const auto eq = m_equations.find(toKey);
        if (eq == m_equations.end())
            return Polarity::Unknown;
        auto signs = m_signs.find(toKey);
        if (signs == m_signs.end())
            signs = m_signs.emplace(toKey, equations::dependencySigns(eq->second.expression, equationContext())).first;
        const equations::Sign sign = equations::signOf(signs->second, fromKey);
        return sign == equations::Sign::Positive ? Polarity::Positive
            : sign == equations::Sign::Negative  ? Polarity::Negative
                                                 : Polarity::Unknown;
    }

    // Whether the target's equation (a stock's: its rate) refers to the source; true when the
    // target has no equation to tell.
    bool usedBy(const std::string& fromKey, const std::string& toKey) const
    {
        const auto eq = m_equations.find(toKey);
        if (eq == m_equations.end())
            return true;
        const std::vector<std::string> refs = vensim::references(eq->second.expression);
        return std::find(refs.begin(), refs.end(), fromKey) != refs.end();
    }

    // Lookups by name, and where each variable's value lies (equations/equationsign.h).
    equations::Context equationContext()
    {
        equations::Context context;
        context.dialect = equations::Dialect::Vensim;
        context.lookup = [this](const std::string& name) -> std::optional<equations::Sign> {
            const auto table = m_equations.find(name);
            return table == m_equations.end() ? std::nullopt : table->second.lookup;
        };
        context.range = [this](const std::string& name) { return rangeOf(name); };
        context.nesting = m_ranges.nesting();
        return context;
    }

    // Where a variable's value lies: a lookup's outputs, or what its equation computes from
    // the ranges of its inputs (a constant: its number); nothing for a stock (its equation is
    // its rate). Read once each (equations::VariableRanges).
    std::optional<equations::Range> rangeOf(const std::string& key)
    {
        const auto eq = m_equations.find(key);
        if (eq == m_equations.end() || eq->second.stock)
            return std::nullopt;
        return m_ranges.get(key, [&] {
            return eq->second.lookup ? eq->second.outputs
                                     : equations::valueRange(eq->second.expression, equationContext());
        });
    }

    // Model variables the sketch does not show are not imported; a sketch that stops before its
    // closing line is how a truncated file looks, so say so and count what it lost.
    void reportUndrawn()
    {
        std::size_t undrawn = 0;
        for (const auto& [key, equation] : m_equations)
            if (!m_factors.contains(key) && !isControl(key))
                ++undrawn;
        const std::size_t total = m_factors.size() + undrawn;
        if (!m_legacy && !m_sketchClosed)
            m_warnings.add("the sketch section ends without its closing \"///---\\\\\\\" line: the "
                           "file looks truncated; " + std::to_string(undrawn) + " of "
                           + std::to_string(total) + " model variables are not in the sketch and "
                           "were not imported");
        else
            m_warnings.count("model variables not drawn in the sketch: not imported", undrawn);
    }

    static bool isControl(const std::string& key)
    {
        for (const char* name : {"initial_time", "final_time", "time_step", "saveper"})
            if (key == name)
                return true;
        return false;
    }

    std::string describeEnds(const Link& link) const
    {
        return m_map.factor(link.from).label + " -> " + m_map.factor(link.to).label;
    }

    // Vensim's loop markers are comments reading R or B (optionally numbered) drawn inside the
    // loop; a caption often sits just below. Each becomes the label of the nearest loop of its
    // polarity whose factors surround it.
    void labelLoops()
    {
        struct Marker {
            std::string name;
            LoopPolarity polarity;
            Point at;
        };
        std::vector<Marker> markers;
        std::vector<bool> isMarker(m_comments.size(), false);
        for (std::size_t i = 0; i < m_comments.size(); ++i) {
            const std::string& t = m_comments[i].first;
            const bool numbered = t.size() >= 1 && (t[0] == 'R' || t[0] == 'B')
                && std::all_of(t.begin() + 1, t.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            if (!numbered)
                continue;
            isMarker[i] = true;
            markers.push_back({t, t[0] == 'R' ? LoopPolarity::Reinforcing : LoopPolarity::Balancing,
                               m_comments[i].second});
        }
        if (markers.empty())
            return;
        for (Marker& marker : markers)
            for (std::size_t i = 0; i < m_comments.size(); ++i) {
                const Point at = m_comments[i].second;
                if (!isMarker[i] && std::hypot(at.x - marker.at.x, at.y - marker.at.y) <= 40) {
                    marker.name += " " + m_comments[i].first;
                    break;
                }
            }
        LoopQuery query;
        query.maxLength = 12;
        query.limit = 5000;
        const LoopResult loops = findLoops(m_map, query);
        std::set<std::size_t> taken;
        for (const Marker& marker : markers) {
            std::optional<std::size_t> best;
            double bestDistance = INFINITY;
            for (std::size_t i = 0; i < loops.loops.size(); ++i) {
                const Loop& loop = loops.loops[i];
                if (loop.polarity != marker.polarity || taken.contains(i))
                    continue;
                Point centre;
                for (const FactorId id : loop.factors) {
                    centre.x += m_map.factor(id).position.x / double(loop.factors.size());
                    centre.y += m_map.factor(id).position.y / double(loop.factors.size());
                }
                double radius = 0;
                for (const FactorId id : loop.factors) {
                    const Point p = m_map.factor(id).position;
                    radius += std::hypot(p.x - centre.x, p.y - centre.y) / double(loop.factors.size());
                }
                const double distance = std::hypot(marker.at.x - centre.x, marker.at.y - centre.y);
                if (distance <= std::max(60.0, radius) && distance < bestDistance) {
                    best = i;
                    bestDistance = distance;
                }
            }
            if (!best) {
                m_warnings.add("loop marker '" + marker.name + "' matches no loop of its polarity "
                               "around it; not imported");
                continue;
            }
            taken.insert(*best);
            addLoopLabel(m_map, {marker.name, loops.loops[*best].links});
        }
    }

    std::string_view m_text;
    SystemMap& m_map;
    importutil::Warnings m_warnings;
    std::map<std::string, vensim::Equation> m_equations;
    std::vector<View> m_views;
    std::map<std::string, FactorId> m_factors; // normalised name -> factor
    std::set<std::string> m_ghostPlaced;       // placed at a ghost copy so far
    std::set<std::pair<std::size_t, int>> m_valves; // (view, valve id)
    std::vector<std::pair<std::string, Point>> m_comments;
    std::map<std::string, equations::Signs> m_signs; // by target, computed once
    equations::VariableRanges<std::string> m_ranges; // by normalised name
    std::size_t m_unsignedArrows = 0;
    std::size_t m_inferred = 0;
    bool m_legacy = false;
    bool m_sketchClosed = false;
};

} // namespace

ImportResult importVensim(std::string_view text)
{
    ImportResult result;
    VensimReader(text, result).read();
    return result;
}

} // namespace causeway
