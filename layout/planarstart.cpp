// planarStarts: Tutte's barycentric drawing of a map's core, the factors hanging off it placed in
// the gaps, spread apart without crossing.
#include "layout/planarstart.h"

#include "layout/crew.h"
#include "layout/cubicpath.h"
#include "layout/placement.h"
#include "model/planarity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <set>
#include <vector>

namespace causeway::layout::detail {

namespace {

using Neighbours = std::map<FactorId, std::set<FactorId>>;

// Each face round the outside is drawn with springs of these lengths (in boxes' diagonals): which
// packs best differs from map to map and with the least change to the start. On twenty random
// maps of 12 to 28 factors that can be drawn uncrossed, 0.6 alone: 53 crossings in all as laid
// out (57 without these starts); all four: 35 (and 39 with the outer face 10% smaller).
constexpr std::array<double, kSpringLengths> springLengths{0.5, 0.6, 0.8, 1.0};

Neighbours neighboursOf(const SystemMap& map)
{
    Neighbours near;
    for (const FactorId id : map.factorIds())
        near[id];
    for (const Link& l : map.links())
        if (l.from != l.to) {
            near[l.from].insert(l.to);
            near[l.to].insert(l.from);
        }
    return near;
}

bool connected(const Neighbours& near)
{
    std::set<FactorId> seen{near.begin()->first};
    std::vector<FactorId> todo{near.begin()->first};
    while (!todo.empty()) {
        const FactorId id = todo.back();
        todo.pop_back();
        for (const FactorId n : near.at(id))
            if (seen.insert(n).second)
                todo.push_back(n);
    }
    return seen.size() == near.size();
}

// Factors taken off one at a time while they have one neighbour left, each with that neighbour,
// in the order taken: what is left is the core, where every factor closes a cycle.
std::vector<std::pair<FactorId, FactorId>> hanging(Neighbours& core)
{
    std::vector<std::pair<FactorId, FactorId>> taken;
    std::vector<FactorId> leaves;
    for (const auto& [id, near] : core)
        if (near.size() == 1)
            leaves.push_back(id);
    while (!leaves.empty()) {
        const FactorId leaf = leaves.back();
        leaves.pop_back();
        if (core.at(leaf).size() != 1) // its last neighbour went first: two factors alone
            continue;
        const FactorId from = *core.at(leaf).begin();
        taken.emplace_back(leaf, from);
        core.erase(leaf);
        core.at(from).erase(leaf);
        if (core.at(from).size() == 1)
            leaves.push_back(from);
    }
    return taken;
}

// Whether the line from `from` to a factor at `p` crosses a line between two factors placed.
bool crossesPlaced(FactorId from, Point p, const Neighbours& near, const std::map<FactorId, Point>& at)
{
    for (const auto& [a, others] : near)
        for (const FactorId b : others)
            if (a < b && a != from && b != from && at.count(a) && at.count(b)
                && straightLinesCross(at.at(from), p, at.at(a), at.at(b)))
                return true;
    return false;
}

double angleOf(Point from, Point to) { return std::atan2(to.y - from.y, to.x - from.x); }

// Each factor hung back beside the one it hangs from, the factors hanging from one factor spread
// over the widest gap between the lines already drawn from it, `length` away or less.
void hangBack(const std::vector<std::pair<FactorId, FactorId>>& taken, const Neighbours& near, double length,
              std::map<FactorId, Point>& at)
{
    for (auto it = taken.rbegin(); it != taken.rend(); ++it) {
        const FactorId from = it->second;
        if (at.count(it->first))
            continue;
        std::vector<FactorId> children;
        std::vector<double> drawn;
        double reach = length; // half the shortest line drawn from it: clear of its faces' other lines
        for (const FactorId n : near.at(from))
            if (at.count(n)) {
                drawn.push_back(angleOf(at.at(from), at.at(n)));
                reach = std::min(reach, 0.5 * std::hypot(at.at(n).x - at.at(from).x, at.at(n).y - at.at(from).y));
            } else {
                children.push_back(n);
            }
        std::sort(drawn.begin(), drawn.end());
        double gapStart = 0, gap = 2 * std::numbers::pi; // nothing drawn from it yet
        if (!drawn.empty())
            gap = -1;
        for (std::size_t i = 0; i < drawn.size(); ++i) {
            const double next = i + 1 < drawn.size() ? drawn[i + 1] : drawn[0] + 2 * std::numbers::pi;
            if (next - drawn[i] > gap) {
                gapStart = drawn[i];
                gap = next - drawn[i];
            }
        }
        for (std::size_t k = 0; k < children.size(); ++k) {
            const double angle = gapStart + gap * double(k + 1) / double(children.size() + 1);
            // Nearer while a line drawn close by would cross its line.
            double distance = reach;
            Point p;
            for (int nearer = 0; nearer < 20; ++nearer, distance /= 2) {
                p = {at.at(from).x + distance * std::cos(angle), at.at(from).y + distance * std::sin(angle)};
                if (!crossesPlaced(from, p, near, at))
                    break;
            }
            at[children[k]] = p;
        }
    }
}

// The drawing by index, for the spring sweeps: places, neighbours and lines, each line's box.
struct Springs {
    std::vector<Point> at;
    std::vector<double> reach; // half the box's diagonal
    std::vector<std::vector<std::size_t>> near;
    std::vector<char> linked; // n x n
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::vector<std::vector<std::size_t>> linesAt; // by factor, the lines that end there
    std::vector<Bounds> bounds;                    // by line, kept up to date as factors move

    static Bounds boundsOf(Point p, Point q)
    {
        return {std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
    }
    static bool apart(const Bounds& a, const Bounds& b)
    {
        return a.x1 < b.x0 || a.x0 > b.x1 || a.y1 < b.y0 || a.y0 > b.y1;
    }

    void placeLines()
    {
        linesAt.assign(at.size(), {});
        bounds.clear();
        for (std::size_t k = 0; k < lines.size(); ++k) {
            linesAt[lines[k].first].push_back(k);
            linesAt[lines[k].second].push_back(k);
            bounds.push_back(boundsOf(at[lines[k].first], at[lines[k].second]));
        }
    }

    void move(std::size_t i, Point p)
    {
        at[i] = p;
        for (const std::size_t k : linesAt[i])
            bounds[k] = boundsOf(at[lines[k].first], at[lines[k].second]);
    }

    // Whether a line from i, at p, would cross a line of two other factors. Every line from i
    // is boxed together first: most lines are clear of them all.
    bool crosses(std::size_t i, Point p) const
    {
        if (near[i].empty())
            return false;
        Bounds all{p.x, p.y, p.x, p.y};
        for (const std::size_t n : near[i]) {
            all.x0 = std::min(all.x0, at[n].x);
            all.x1 = std::max(all.x1, at[n].x);
            all.y0 = std::min(all.y0, at[n].y);
            all.y1 = std::max(all.y1, at[n].y);
        }
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (apart(bounds[k], all))
                continue;
            const auto [a, b] = lines[k];
            if (a == i || b == i)
                continue;
            for (const std::size_t n : near[i])
                if (a != n && b != n && !apart(bounds[k], boundsOf(p, at[n]))
                    && straightLinesCross(p, at[n], at[a], at[b]))
                    return true;
        }
        return false;
    }
};

// Spring forces spread the drawing (Fruchterman and Reingold's, between boxes' half diagonals), a
// factor moving only where none of its lines then crosses another: Tutte's drawing crowds the
// middle, and packing so crowded a drawing crossed lines again. Lines `length` boxes' diagonals
// long (plus a margin). Whether the drawing is then uncrossed: Tutte's theorem holds where the
// core has no factor it would fall apart without; where it has, a line may cross from the start.
// 150 sweeps, cooling as they go, half the time of 300 (which took a third of workforce.mdl's
// layout), drew as well: laid out at 4:3, crossings plus 4 a pixel of labels under 20, 24 random
// maps of 12 to 28 factors that can be drawn uncrossed with the 14 small models 94 -> 84 in all
// (crossings 82 -> 69), 40 more such maps of 10 to 30 factors 152 -> 151 (130 -> 135); which maps
// gain differs from count to count. energy_tech keeps no crossing at 20.4 px (at 200 sweeps, 1).
// 60 or 100 lost crossings on such maps (79 -> 99 on 30 of them, a fifth session).
bool spread(const SystemMap& map, const LayoutOptions& options, const Neighbours& near, double length,
            std::map<FactorId, Point>& at)
{
    Springs d;
    std::vector<FactorId> ids;
    std::map<FactorId, std::size_t> indexOf;
    double ideal = 0;
    for (const auto& [id, p] : at) {
        indexOf[id] = ids.size();
        ids.push_back(id);
        d.at.push_back(p);
        const Size size = sizeOf(map, options, id);
        d.reach.push_back(0.5 * std::hypot(size.width, size.height));
        ideal += 2 * d.reach.back();
    }
    const std::size_t count = ids.size();
    d.near.resize(count);
    d.linked.assign(count * count, 0);
    for (std::size_t i = 0; i < count; ++i)
        for (const FactorId n : near.at(ids[i])) {
            const std::size_t j = indexOf.at(n);
            d.near[i].push_back(j);
            d.linked[i * count + j] = 1;
            if (i < j)
                d.lines.emplace_back(i, j);
        }
    d.placeLines();
    ideal = length * ideal / double(count) + 40;
    constexpr int sweeps = 150;
    for (int sweep = 0; sweep < sweeps; ++sweep) {
        const double step = ideal * (1.0 - double(sweep) / sweeps);
        for (std::size_t i = 0; i < count; ++i) {
            const Point p = d.at[i];
            Point force{0, 0};
            for (std::size_t j = 0; j < count; ++j) {
                if (j == i)
                    continue;
                const double dx = p.x - d.at[j].x, dy = p.y - d.at[j].y;
                const double between = std::max(1e-3, std::sqrt(dx * dx + dy * dy));
                const double apart = std::max(1.0, between - d.reach[i] - d.reach[j] + ideal * 0.5);
                double push = ideal * ideal / apart;
                if (d.linked[i * count + j])
                    push -= between * between / ideal;
                force.x += push * dx / between;
                force.y += push * dy / between;
            }
            const double length = std::sqrt(force.x * force.x + force.y * force.y);
            if (length < 1e-9)
                continue;
            double move = std::min(step, length);
            for (int halve = 0; halve < 4; ++halve, move /= 2) {
                const Point to{p.x + force.x / length * move, p.y + force.y / length * move};
                if (!d.crosses(i, to)) {
                    d.move(i, to);
                    break;
                }
            }
        }
    }
    bool uncrossed = true;
    for (std::size_t i = 0; i < count; ++i) {
        at[ids[i]] = d.at[i];
        uncrossed = uncrossed && !d.crosses(i, d.at[i]);
    }
    return uncrossed;
}

// Each factor once, in the order met going round a face.
std::vector<FactorId> distinct(const std::vector<FactorId>& face)
{
    std::vector<FactorId> once;
    for (const FactorId id : face)
        if (std::find(once.begin(), once.end(), id) == once.end())
            once.push_back(id);
    return once;
}

// Tutte's drawing of the core inside its outer face (placed in `at`), `radius` its size. Every
// inner face gets a point of its own joined to each of its factors: the core then holds together
// as Tutte's theorem asks (three ways round every factor), so a chain of factors with two links
// each, or two paths between the same factors, no longer fall on one line.
void placeInside(const Neighbours& core, const std::vector<std::vector<FactorId>>& faces, std::size_t outer,
                 double radius, std::map<FactorId, Point>& at)
{
    std::vector<FactorId> free; // inside the outer face: the core's other factors, then the faces' points
    std::map<FactorId, std::size_t> indexOf;
    for (const auto& [id, n] : core)
        if (!at.count(id)) {
            indexOf[id] = free.size();
            free.push_back(id);
        }
    const std::size_t factorsInside = free.size();
    std::vector<Point> point(factorsInside, Point{0, 0});
    std::vector<std::vector<std::size_t>> joined(factorsInside); // to free points
    std::vector<std::vector<Point>> fixedNear(factorsInside);  // outer face factors, where they are
    auto join = [&](std::size_t i, FactorId other) {
        if (const auto it = indexOf.find(other); it != indexOf.end())
            joined[i].push_back(it->second);
        else
            fixedNear[i].push_back(at.at(other));
    };
    for (std::size_t i = 0; i < factorsInside; ++i)
        for (const FactorId n : core.at(free[i]))
            join(i, n);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        if (f == outer)
            continue;
        const std::size_t i = point.size();
        point.push_back({0, 0});
        joined.emplace_back();
        fixedNear.emplace_back();
        for (const FactorId id : distinct(faces[f])) {
            join(i, id);
            if (const auto it = indexOf.find(id); it != indexOf.end())
                joined[it->second].push_back(i);
        }
    }
    // Gauss-Seidel sweeps to the barycentres: a 30-factor core settles in a few hundred.
    for (int sweep = 0; sweep < 5000; ++sweep) {
        double moved = 0;
        for (std::size_t i = 0; i < point.size(); ++i) {
            Point sum{0, 0};
            for (const std::size_t n : joined[i]) {
                sum.x += point[n].x;
                sum.y += point[n].y;
            }
            for (const Point q : fixedNear[i]) {
                sum.x += q.x;
                sum.y += q.y;
            }
            const double count = double(joined[i].size() + fixedNear[i].size());
            const Point p{sum.x / count, sum.y / count};
            moved = std::max(moved, std::hypot(p.x - point[i].x, p.y - point[i].y));
            point[i] = p;
        }
        if (moved < radius * 1e-9)
            break;
    }
    for (std::size_t i = 0; i < factorsInside; ++i)
        at[free[i]] = point[i];
}

// About as wide as the boxes set side by side in a square: the outer face's size.
double radiusFor(const SystemMap& map, const LayoutOptions& options)
{
    double widths = 0;
    for (const FactorId id : map.factorIds())
        widths += sizeOf(map, options, id).width;
    return widths / std::sqrt(double(map.factorCount()));
}

// Tutte's drawing with face `outer` round the outside, the hanging factors put back.
std::map<FactorId, Point> drawnAround(const SystemMap& map, const LayoutOptions& options, const Neighbours& near,
                                      const Neighbours& core,
                                      const std::vector<std::pair<FactorId, FactorId>>& taken,
                                      const std::vector<std::vector<FactorId>>& faces, std::size_t outer)
{
    const std::vector<FactorId> outside = distinct(faces[outer]);
    const double radius = radiusFor(map, options);
    const double stretch = options.aspect > 0 ? std::sqrt(options.aspect) : 1.0;
    std::map<FactorId, Point> at;
    for (std::size_t i = 0; i < outside.size(); ++i) {
        const double angle = 2 * std::numbers::pi * double(i) / double(outside.size());
        at[outside[i]] = {radius * stretch * std::cos(angle), radius / stretch * std::sin(angle)};
    }

    placeInside(core, faces, outer, radius, at);

    std::vector<double> lengths;
    for (const auto& [id, n] : core)
        for (const FactorId other : n)
            lengths.push_back(std::hypot(at.at(id).x - at.at(other).x, at.at(id).y - at.at(other).y));
    std::nth_element(lengths.begin(), lengths.begin() + std::ptrdiff_t(lengths.size() / 2), lengths.end());
    hangBack(taken, near, lengths[lengths.size() / 2], at);
    return at;
}

// Moved clear of the origin, which would read as a factor not yet placed, `margin` from it.
void clearOfOrigin(std::map<FactorId, Point>& at, double margin)
{
    double left = 0, top = 0;
    for (const auto& [id, p] : at) {
        left = std::min(left, p.x);
        top = std::min(top, p.y);
    }
    for (auto& [id, p] : at)
        p = {p.x - left + margin, p.y - top + margin};
}

} // namespace

PlanarStarts::PlanarStarts(const SystemMap& map, const LayoutOptions& options, std::size_t most)
    : m_map(map), m_options(options)
{
    if (map.factorCount() < 3)
        return;
    m_near = neighboursOf(map);
    if (!connected(m_near))
        return;
    Neighbours core = m_near;
    const std::vector<std::pair<FactorId, FactorId>> taken = hanging(core);
    if (core.size() < 3)
        return;
    SystemMap coreMap; // its factors and links alone
    for (const auto& [id, n] : core)
        coreMap.insertFactor(map.factor(id));
    for (const Link& l : map.links())
        if (core.count(l.from) && core.count(l.to))
            coreMap.insertLink(l);
    const std::optional<std::vector<std::vector<FactorId>>> faces = planarFaces(coreMap);
    if (!faces || faces->empty())
        return;
    // The longest faces first (an earlier face wins a tie), each round the outside once.
    std::vector<std::size_t> order(faces->size());
    for (std::size_t f = 0; f < order.size(); ++f)
        order[f] = f;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return distinct((*faces)[x]).size() > distinct((*faces)[y]).size();
    });
    // Each face's Tutte drawing once, on the judging threads; spread with each length on asking.
    m_tutte.resize(std::min(most, order.size()));
    Crew crew(judgingThreads(options, m_tutte.size()));
    crew.run(m_tutte.size(), [&](std::size_t f) {
        m_tutte[f] = drawnAround(map, options, m_near, core, taken, *faces, order[f]);
    });
    m_margin = radiusFor(map, options);
}

std::size_t PlanarStarts::size() const { return m_tutte.size() * springLengths.size(); }

std::map<FactorId, Point> PlanarStarts::start(std::size_t k) const
{
    std::map<FactorId, Point> at = m_tutte.at(k / springLengths.size());
    if (!spread(m_map, m_options, m_near, springLengths[k % springLengths.size()], at))
        return {}; // a drawing left crossed is left out
    clearOfOrigin(at, m_margin);
    return at;
}

std::vector<std::map<FactorId, Point>> planarStarts(const SystemMap& map, const LayoutOptions& options,
                                                    std::size_t most)
{
    const PlanarStarts planar(map, options, most);
    std::vector<std::map<FactorId, Point>> drawn(planar.size());
    Crew crew(judgingThreads(options, drawn.size())); // the springs are most of the time
    crew.run(drawn.size(), [&](std::size_t k) { drawn[k] = planar.start(k); }); // each writes its own entry
    std::vector<std::map<FactorId, Point>> starts;
    for (std::map<FactorId, Point>& at : drawn)
        if (!at.empty())
            starts.push_back(std::move(at));
    return starts;
}

} // namespace causeway::layout::detail
