#include "layout/looplayout.h"

#include "layout/compaction.h"
#include "layout/placement.h"
#include "model/sils.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

namespace causeway::layout {

namespace {

constexpr double kRingGap = 40; // between neighbours on a ring, along the chord

// The factors of each loop to draw, in reading order: named loops first as named.
std::vector<std::vector<FactorId>> loopsToDraw(const SystemMap& map)
{
    std::vector<std::vector<FactorId>> loops;
    for (const LoopLabel& label : map.loopLabels()) {
        std::vector<FactorId> factors;
        for (const LinkId id : label.links)
            if (const Link* l = map.findLink(id))
                factors.push_back(l->from);
        if (factors.size() >= 2)
            loops.push_back(std::move(factors));
    }
    if (loops.empty())
        for (const Loop& loop : shortestIndependentLoopSet(map).loops)
            loops.push_back(loop.factors);
    return loops;
}

// A ring or a lone factor: its members at offsets from its centre, and the box around them.
struct Piece {
    std::vector<std::pair<FactorId, Point>> members;
    Size size;
};

Piece ring(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes,
           LoopDirection direction)
{
    const std::size_t k = members.size();
    // Neighbours on the ring must clear each other: the chord 2 r sin(pi / k) holds them.
    double radius = 70;
    for (std::size_t i = 0; i < k; ++i) {
        const Size a = sizes.at(members[i]), b = sizes.at(members[(i + 1) % k]);
        const double need = std::max((a.width + b.width) / 2, (a.height + b.height) / 2) + kRingGap;
        radius = std::max(radius, need / (2 * std::sin(std::numbers::pi / double(k))));
    }
    // y points down: angles growing from the top go round clockwise on the screen.
    const double turn = direction == LoopDirection::Clockwise ? 1.0 : -1.0;
    Piece piece;
    double minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (std::size_t i = 0; i < k; ++i) {
        const double angle = -std::numbers::pi / 2 + turn * 2 * std::numbers::pi * double(i) / double(k);
        const Point at{radius * std::cos(angle), radius * std::sin(angle)};
        const Size s = sizes.at(members[i]);
        piece.members.emplace_back(members[i], at);
        minX = std::min(minX, at.x - s.width / 2), maxX = std::max(maxX, at.x + s.width / 2);
        minY = std::min(minY, at.y - s.height / 2), maxY = std::max(maxY, at.y + s.height / 2);
    }
    // Centre the piece on its box so packing it places the ring where it is drawn.
    const Point mid{(minX + maxX) / 2, (minY + maxY) / 2};
    for (auto& [id, at] : piece.members)
        at = {at.x - mid.x, at.y - mid.y};
    piece.size = {maxX - minX, maxY - minY};
    return piece;
}

// Rings in an order where each next one has the most links to those before it: packed in
// reading order, rings that share links then sit side by side and their links stay short.
std::vector<Piece> chained(std::vector<Piece> rings, const SystemMap& map)
{
    if (rings.size() < 3)
        return rings;
    std::map<FactorId, std::size_t> ringOf;
    for (std::size_t i = 0; i < rings.size(); ++i)
        for (const auto& [id, at] : rings[i].members)
            ringOf[id] = i;
    std::vector<std::vector<int>> shared(rings.size(), std::vector<int>(rings.size(), 0));
    for (const Link& l : map.links()) {
        const auto a = ringOf.find(l.from), b = ringOf.find(l.to);
        if (a != ringOf.end() && b != ringOf.end() && a->second != b->second) {
            ++shared[a->second][b->second];
            ++shared[b->second][a->second];
        }
    }
    std::vector<Piece> order;
    std::vector<bool> taken(rings.size(), false);
    std::vector<int> pull(rings.size(), 0); // links to the rings already in order
    for (std::size_t next = 0; order.size() < rings.size();) {
        taken[next] = true;
        order.push_back(std::move(rings[next]));
        for (std::size_t j = 0; j < rings.size(); ++j)
            pull[j] += shared[next][j];
        int most = -1;
        for (std::size_t j = 0; j < rings.size(); ++j)
            if (!taken[j] && pull[j] > most) {
                most = pull[j];
                next = j;
            }
    }
    return order;
}

std::vector<Piece> piecesOf(const SystemMap& map, const std::map<FactorId, Size>& sizes,
                            LoopDirection direction)
{
    std::vector<Piece> pieces;
    std::set<FactorId> placed;
    for (const std::vector<FactorId>& loop : loopsToDraw(map)) {
        std::vector<FactorId> fresh;
        for (const FactorId id : loop)
            if (!placed.count(id))
                fresh.push_back(id);
        if (fresh.size() < 2)
            continue; // its factors are on earlier rings already
        placed.insert(fresh.begin(), fresh.end());
        pieces.push_back(ring(fresh, sizes, direction));
    }
    pieces = chained(std::move(pieces), map);
    // The rest, group by group so a group sits together.
    std::vector<Factor> rest;
    for (const Factor& f : map.factors())
        if (!placed.count(f.id))
            rest.push_back(f);
    std::stable_sort(rest.begin(), rest.end(),
                     [](const Factor& a, const Factor& b) { return a.group < b.group; });
    for (const Factor& f : rest)
        pieces.push_back({{{f.id, Point{0, 0}}}, sizes.at(f.id)});
    return pieces;
}

} // namespace

LayoutResult loopFirstLayout(const SystemMap& map, const LayoutOptions& options, LoopDirection direction)
{
    LayoutResult result;
    if (map.factorCount() == 0)
        return result;
    std::map<FactorId, Size> sizes;
    for (const Factor& f : map.factors())
        sizes[f.id] = detail::sizeOf(map, options, f.id);
    const std::vector<Piece> pieces = piecesOf(map, sizes, direction);

    // Pieces in reading order along a line; the packer turns the line into rows for the screen.
    std::map<FactorId, Point> centres;
    std::map<FactorId, Size> pieceSizes;
    double x = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const FactorId key(i + 1);
        centres[key] = {x + pieces[i].size.width / 2, 0};
        pieceSizes[key] = pieces[i].size;
        x += pieces[i].size.width + 60;
    }
    CompactionOptions packing;
    packing.aspect = options.aspect > 0 ? options.aspect : 4.0 / 3.0;
    packing.rowGap = packing.looseGap = 60; // between rings: room for the links that join them
    compactLayout(centres, pieceSizes, packing);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Point c = centres.at(FactorId(i + 1));
        for (const auto& [id, at] : pieces[i].members)
            result.positions[id] = {c.x + at.x, c.y + at.y};
    }
    for (const Link& l : map.links())
        result.links.push_back({l.id, detail::straightCurve(result.positions[l.from], sizes[l.from],
                                                            result.positions[l.to], sizes[l.to])});
    LayoutOptions unpinned = options;
    unpinned.keepPinned = false; // the rings decide; keep the drawing where the map was
    detail::anchor(result, map, unpinned);
    return result;
}

} // namespace causeway::layout
