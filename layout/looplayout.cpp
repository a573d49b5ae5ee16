#include "layout/looplayout.h"

#include "layout/bestlayout.h"
#include "layout/compaction.h"
#include "layout/crew.h"
#include "layout/cubicpath.h"
#include "layout/judge.h"
#include "layout/looppolish.h"
#include "layout/loopring.h"
#include "layout/placement.h"
#include "model/sils.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <utility>

namespace causeway::layout {

using detail::Chosen;
using detail::drawLinks;
using detail::judged;
using detail::kPieceGap;
using detail::kPolishedMaxLinks;
using detail::polish;
using detail::Reading;

namespace {

constexpr double kGroupGap = 90;   // between groups, wider so each reads as a region of its own

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

// Whether any loop to draw has two factors or more: a ring (a self-link is a loop of one).
bool anyRing(const SystemMap& map)
{
    const std::vector<std::vector<FactorId>> loops = loopsToDraw(map);
    return std::any_of(loops.begin(), loops.end(),
                       [](const auto& loop) { return loop.size() >= 2; });
}

// How many groups the map's factors fall into (factors in none count as one group).
std::size_t groupCount(const SystemMap& map)
{
    std::set<std::string> groups;
    for (const Factor& f : map.factors())
        groups.insert(f.group);
    return groups.size();
}

// A ring, a lone factor, a group or the whole drawing: its members at offsets from its centre,
// the box around them (arcs included), and the rings it holds.
struct Piece {
    std::vector<std::pair<FactorId, Point>> members;
    std::vector<detail::Ring> rings;
    Size size;
};

Piece ringPiece(const std::vector<FactorId>& members, const std::map<FactorId, Size>& sizes,
                LoopDirection direction, bool oval)
{
    detail::RingDrawing d = detail::drawRing(members, sizes, direction, oval);
    return {std::move(d.offsets), {std::move(d.ring)}, {2 * d.half.width, 2 * d.half.height}};
}

// Pieces in an order where each next one has the most links to those before it: packed in
// reading order, pieces that share links then sit side by side and their links stay short.
std::vector<Piece> chained(std::vector<Piece> pieces, const SystemMap& map)
{
    if (pieces.size() < 3)
        return pieces;
    std::map<FactorId, std::size_t> pieceOf;
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (const auto& [id, at] : pieces[i].members)
            pieceOf[id] = i;
    std::vector<std::vector<int>> shared(pieces.size(), std::vector<int>(pieces.size(), 0));
    for (const Link& l : map.links()) {
        const auto a = pieceOf.find(l.from), b = pieceOf.find(l.to);
        if (a != pieceOf.end() && b != pieceOf.end() && a->second != b->second) {
            ++shared[a->second][b->second];
            ++shared[b->second][a->second];
        }
    }
    std::vector<Piece> order;
    std::vector<bool> taken(pieces.size(), false);
    std::vector<int> pull(pieces.size(), 0); // links to the pieces already in order
    for (std::size_t next = 0; order.size() < pieces.size();) {
        taken[next] = true;
        order.push_back(std::move(pieces[next]));
        for (std::size_t j = 0; j < pieces.size(); ++j)
            pull[j] += shared[next][j];
        int most = -1;
        for (std::size_t j = 0; j < pieces.size(); ++j)
            if (!taken[j] && pull[j] > most) {
                most = pull[j];
                next = j;
            }
    }
    return order;
}

// Centres the piece on the box from (minX, minY) to (maxX, maxY), offsets relative to its old
// centre: packing it then places it where it is drawn.
void centreOn(Piece& piece, double minX, double minY, double maxX, double maxY)
{
    const Point mid{(minX + maxX) / 2, (minY + maxY) / 2};
    for (auto& [id, at] : piece.members)
        at = at - mid;
    piece.size = {maxX - minX, maxY - minY};
}

// One piece of `pieces`, each moved to its centre in `centres` (keyed 1, 2, ... in order), and
// centred on the box around them all.
Piece joined(const std::vector<Piece>& pieces, const std::map<FactorId, Point>& centres)
{
    Piece whole;
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Point c = centres.at(FactorId(i + 1));
        const Size s = pieces[i].size;
        for (const auto& [id, at] : pieces[i].members)
            whole.members.emplace_back(id, c + at);
        whole.rings.insert(whole.rings.end(), pieces[i].rings.begin(), pieces[i].rings.end());
        minX = std::min(minX, c.x - s.width / 2), maxX = std::max(maxX, c.x + s.width / 2);
        minY = std::min(minY, c.y - s.height / 2), maxY = std::max(maxY, c.y + s.height / 2);
    }
    centreOn(whole, minX, minY, maxX, maxY);
    return whole;
}

// `pieces` in reading order along a line, turned into rows for the screen by the packer, with
// `gap` between them: one piece centred on its box.
Piece packed(std::vector<Piece> pieces, double aspect, double gap)
{
    if (pieces.size() == 1)
        return std::move(pieces.front());
    std::map<FactorId, Point> centres;
    std::map<FactorId, Size> sizes;
    double x = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const FactorId key(i + 1);
        centres[key] = {x + pieces[i].size.width / 2, 0};
        sizes[key] = pieces[i].size;
        x += pieces[i].size.width + gap;
    }
    CompactionOptions packing;
    packing.aspect = aspect;
    packing.rowGap = packing.looseGap = gap;
    compactLayout(centres, sizes, packing);
    return joined(pieces, centres);
}

// Where `guide` (a force layout of the whole map) puts a piece: the mean of its members.
Point guidedCentre(const Piece& piece, const std::map<FactorId, Point>& guide)
{
    Point sum{0, 0};
    for (const auto& [id, at] : piece.members)
        sum = sum + guide.at(id);
    return sum * (1.0 / double(piece.members.size()));
}

// `pieces` where the guide puts them, spread so none overlaps, then packed for `aspect` keeping
// that arrangement (scaled per direction, never read into rows): rings sit where the force
// layout put their factors, beside the rings and factors they link to.
Piece guidedPacked(std::vector<Piece> pieces, const std::map<FactorId, Point>& guide, double aspect,
                   double gap, bool apart)
{
    if (pieces.size() == 1)
        return std::move(pieces.front());
    std::vector<Point> at;
    at.reserve(pieces.size());
    for (const Piece& piece : pieces)
        at.push_back(guidedCentre(piece, guide));
    // Spread out, and packing then pulls the pieces in (scaling each direction down to a tenth,
    // pushing apart pieces that overlap). `apart`: until every pair of pieces is apart along one
    // axis (the guide's arrangement kept most closely); else until the pieces would cover a
    // quarter of the guide's extent (packed tighter, larger labels).
    double spread = 1;
    if (apart) {
        for (std::size_t i = 0; i < pieces.size(); ++i)
            for (std::size_t j = i + 1; j < pieces.size(); ++j) {
                const double dx = std::abs(at[i].x - at[j].x), dy = std::abs(at[i].y - at[j].y);
                const double nx = (pieces[i].size.width + pieces[j].size.width) / 2 + gap;
                const double ny = (pieces[i].size.height + pieces[j].size.height) / 2 + gap;
                spread = std::max(spread, std::min(dx > 0 ? nx / dx : 20.0, dy > 0 ? ny / dy : 20.0));
            }
        spread = std::min(spread, 20.0);
    } else {
        double area = 0, x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            area += (pieces[i].size.width + gap) * (pieces[i].size.height + gap);
            x0 = std::min(x0, at[i].x), x1 = std::max(x1, at[i].x);
            y0 = std::min(y0, at[i].y), y1 = std::max(y1, at[i].y);
        }
        spread = std::sqrt(4 * area / (std::max(x1 - x0, 1.0) * std::max(y1 - y0, 1.0)));
    }
    std::map<FactorId, Point> centres;
    std::map<FactorId, Size> sizes;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const FactorId key(i + 1);
        centres[key] = at[i] * spread;
        sizes[key] = pieces[i].size;
    }
    CompactionOptions packing;
    packing.aspect = aspect;
    packing.rowGap = packing.looseGap = packing.linkedGap = gap;
    packing.rows = false;
    compactLayout(centres, sizes, packing);
    return joined(pieces, centres);
}

// The group most of a piece's factors belong to (the first such in reading order on a tie).
std::string groupOf(const Piece& piece, const SystemMap& map)
{
    std::map<std::string, int> count;
    std::string best;
    int most = 0;
    for (const auto& [id, at] : piece.members)
        if (const int n = ++count[map.factor(id).group]; n > most) {
            most = n;
            best = map.factor(id).group;
        }
    return best;
}

// Each group's pieces packed into a region shaped `shape` times `aspect`, and the regions packed
// together for `aspect`: as bands, columns or a grid, depending on the regions' shape.
Piece regionsPacked(const std::vector<std::string>& groups, const std::map<std::string, std::vector<Piece>>& byGroup,
                    const SystemMap& map, double aspect, double shape)
{
    std::vector<Piece> regions;
    regions.reserve(groups.size());
    for (const std::string& group : groups)
        regions.push_back(packed(byGroup.at(group), aspect * shape, kPieceGap));
    return packed(chained(std::move(regions), map), aspect, kGroupGap);
}

// Rings (chained by the links they share), then the factors on no loop; each group's pieces
// packed into a region of its own, and the regions packed together as Graphviz packs clusters.
// How the pieces are arranged: see loopFirstLayout.
struct Arrangement {
    bool chainInGroups = true;
    double regionShape = 1;
    // Pieces (and group regions) placed where this force layout puts their factors, instead of
    // chained in rows; spread until apart before packing (guidedPacked).
    const std::map<FactorId, Point>* guide = nullptr;
    bool apart = false;
    // Rings drawn as ovals rather than circles (layout/loopring.h).
    bool oval = false;
    // Only loops none of whose factors is on an earlier ring drawn as rings (else a loop's
    // factors not yet on a ring make one of their own, reading round only in part).
    bool wholeLoops = false;
    // Which kind of rings these are: circles or ovals, of any loop or of whole loops only.
    std::size_t ringKind() const { return (oval ? 1 : 0) + (wholeLoops ? 2 : 0); }
};

Piece drawing(const SystemMap& map, const std::map<FactorId, Size>& sizes, LoopDirection direction,
              double aspect, const Arrangement& arrangement)
{
    std::vector<Piece> pieces;
    std::set<FactorId> placed;
    for (const std::vector<FactorId>& loop : loopsToDraw(map)) {
        std::vector<FactorId> fresh;
        for (const FactorId id : loop)
            if (!placed.count(id))
                fresh.push_back(id);
        if (fresh.size() < 2 || (arrangement.wholeLoops && fresh.size() < loop.size()))
            continue; // its factors are on earlier rings already
        placed.insert(fresh.begin(), fresh.end());
        pieces.push_back(ringPiece(fresh, sizes, direction, arrangement.oval));
    }
    pieces = chained(std::move(pieces), map);
    for (const Factor& f : map.factors())
        if (!placed.count(f.id))
            pieces.push_back({{{f.id, Point{0, 0}}}, {}, sizes.at(f.id)});
    std::vector<std::string> groups; // in order of first appearance
    std::map<std::string, std::vector<Piece>> byGroup;
    for (Piece& piece : pieces) {
        const std::string group = groupOf(piece, map);
        if (!byGroup.count(group))
            groups.push_back(group);
        byGroup[group].push_back(std::move(piece));
    }
    if (arrangement.guide) {
        std::vector<Piece> regions;
        regions.reserve(groups.size());
        for (const std::string& group : groups)
            regions.push_back(guidedPacked(std::move(byGroup[group]), *arrangement.guide,
                                           aspect * arrangement.regionShape, kPieceGap, arrangement.apart));
        return guidedPacked(std::move(regions), *arrangement.guide, aspect, kGroupGap, arrangement.apart);
    }
    for (const std::string& group : groups)
        if (arrangement.chainInGroups)
            byGroup[group] = chained(std::move(byGroup[group]), map);
    return regionsPacked(groups, byGroup, map, aspect, arrangement.regionShape);
}

// Arrangements tried, best first: within each group, pieces chained by the links they share
// (factors on no loop beside the rings they link to) or kept in reading order; and group regions
// shaped like the screen, or narrower or wider (filling it as columns or bands); each with every
// kind of ring on maps small enough to polish (chosenDrawing), circles of every loop on larger
// ones (on Forrester's 159-link IDch15d.mdl ovals never won and took 75% more time). Which
// reads best varies from map to map, and each try routes every link: maps past 200 links get
// the first only.
constexpr std::size_t kTriedMaxLinks = 200;

// Kinds of rings (Arrangement::ringKind), and how many kinds' best drawings are polished.
constexpr std::size_t kRingKinds = 4;
constexpr std::size_t kPolishedKinds = 2;

// Placing rings where a force layout puts their factors crosses fewer links (measured at 4:3,
// clockwise / anticlockwise: the sample 23/29 -> 13/19 crossings, workforce.mdl 26/22 -> 11/8,
// energy_tech 11/15 -> 5/5, hares_and_foxes 4/6 -> 4/3, predatorPrey 6/7 -> 6/1), but
// it packs less tightly: its drawings are kept only while their labels stay within this share
// of the best rows' size. On a random 50-factor, 150-link map they came out half the size and
// took 4 times as long to try: larger maps are tried this way only with the default layout as
// the guide, and only where the rows' labels are too small to read whole anyway (then down to
// half their size: judged at 4 crossings a pixel, a 300-link map's drawing at 4.3 px rather
// than 6.6 px is worth its 3,000 fewer crossings). Clockwise at 4:3: Forrester's
// IDch15d.mdl (97 factors, 159 links) 1,249 -> 546 crossings (labels 8.0 -> 5.7 px), the
// Foresight obesity map (108, 296) 6,325 -> 2,812 (4.4 -> 3.3 px), random 50/150 and 100/300
// maps 1,511 -> 866 and 6,393 -> 3,442; maps whose rows read at 16 px or more are unchanged.
constexpr std::size_t kGuidedMaxLinks = 100;
constexpr double kGuidedLabelShare = 0.85;
constexpr double kOverviewLabelShare = 0.5;

std::vector<Arrangement> arrangementsFor(const SystemMap& map, std::size_t groups,
                                         const std::vector<std::map<FactorId, Point>>& guides)
{
    std::vector<Arrangement> tries;
    if (map.linkCount() > kTriedMaxLinks) { // rows chained, then each guide's arrangement
        tries.push_back(Arrangement{});
        for (const std::map<FactorId, Point>& guide : guides)
            for (const bool apart : {true, false})
                tries.push_back({true, 1.0, &guide, apart});
        return tries;
    }
    const double g = double(std::max<std::size_t>(groups, 1));
    // Rings of every kind on maps small enough (looppolish.h); larger maps, circles of any loop.
    const bool small = detail::everyKindOfRing(map);
    std::vector<Arrangement> kinds;
    for (const bool whole : {false, true})
        for (const bool oval : {false, true})
            if (small || (!oval && !whole))
                kinds.push_back({true, 1.0, nullptr, false, oval, whole});
    // Regions shaped like the screen, narrower and wider: with one group, only the first.
    std::vector<double> shapes{1.0};
    if (groups > 1)
        shapes.insert(shapes.end(), {1 / std::sqrt(g), std::sqrt(g)});
    for (const bool chain : {true, false})
        for (const double shape : shapes)
            for (const Arrangement& kind : kinds)
                tries.push_back({chain, shape, nullptr, false, kind.oval, kind.wholeLoops});
    for (const std::map<FactorId, Point>& guide : guides)
        for (const bool apart : {true, false})
            for (const double shape : shapes)
                for (const Arrangement& kind : kinds)
                    tries.push_back({true, shape, &guide, apart, kind.oval, kind.wholeLoops});
    return tries;
}

} // namespace

namespace {

// The arrangement that reads best with rings reading `direction`, polished. Arrangements are
// drawn with four kinds of rings (circles or ovals; rings for every loop's factors not on an
// earlier ring, or only for loops none of whose factors is: a loop sharing factors then leaves
// them to be placed on their own rather than as a ring that reads round in part), judged on
// every thread; the best of each kind is kept, and the two kinds whose best reads best are
// polished (polishing is most of the time: polishing all four took up to twice as long and drew
// every map here the same but workforce.mdl, 3 crossings at 13.7 px for 2 at 12.4; and the
// kind judged best before polishing is not always best after it: polishing only that one cost
// energy_pos_loop 4 crossings). At 4:3, both directions, against circles
// of every loop alone: the sample 13 -> 9 crossings (labels 9.2 -> 12.1 px), workforce.mdl 3 -> 2
// (10.9 -> 12.4 px), energy_tech 3 -> 2 (13.2 -> 20.2 px), predatorPrey.stmx 2 -> 0,
// hares_and_foxes 1 -> 0 (16.8 -> 20.4 px), bassDiffusion.stmx 1 -> 0, energy_pos_loop 7 at 8.7
// -> 13.8 px; IDch15d.mdl (past 100 links: circles of every loop) as before. The sample takes
// ~0.65 s wall on two cores, workforce.mdl ~0.7-0.8 s (bench/layout_quality_report --loops; with
// circles of every loop alone the sample took ~0.33 s).
Chosen chosenDrawing(const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect, LoopDirection direction,
                     std::size_t groups, const std::vector<std::map<FactorId, Point>>& guides, unsigned threads)
{
    const std::vector<Arrangement> tries = arrangementsFor(map, groups, guides);
    std::vector<Chosen> drawn(tries.size());
    {
        detail::Crew crew(threads); // each try drawn and judged on its own; chosen below in order
        crew.run(tries.size(), [&](std::size_t i) {
            const Piece whole = drawing(map, sizes, direction, aspect, tries[i]);
            std::map<FactorId, Point> positions;
            for (const auto& [id, at] : whole.members)
                positions[id] = at;
            detail::turnRings(whole.rings, map, positions);
            drawn[i] = judged(map, sizes, aspect, direction, std::move(positions), whole.rings);
        });
    }
    std::array<std::optional<Chosen>, kRingKinds> chosen; // by Arrangement::ringKind
    std::array<double, kRingKinds> rowsPixels{};           // the best drawing's labels' size while unguided
    for (std::size_t i = 0; i < tries.size(); ++i) {
        const Arrangement& arrangement = tries[i];
        const std::size_t kind = arrangement.ringKind();
        const double share = rowsPixels[kind] < detail::kReadableLabelPixels ? kOverviewLabelShare : kGuidedLabelShare;
        if (arrangement.guide && drawn[i].reading.labelPixels < share * rowsPixels[kind])
            continue; // guided ones come last
        if (!chosen[kind] || drawn[i].reading.cost < chosen[kind]->reading.cost) {
            if (!arrangement.guide)
                rowsPixels[kind] = drawn[i].reading.labelPixels;
            chosen[kind] = std::move(drawn[i]);
        }
    }
    // The kinds whose best reads best before polishing, best first (the lower kind on a tie).
    std::vector<std::size_t> kinds;
    for (std::size_t k = 0; k < kRingKinds; ++k)
        if (chosen[k])
            kinds.push_back(k);
    std::stable_sort(kinds.begin(), kinds.end(), [&](std::size_t a, std::size_t b) {
        return chosen[a]->reading.cost < chosen[b]->reading.cost;
    });
    // Past 100 links (three screened passes, more while they pay: looppolish.h) only the best kind
    // is polished.
    kinds.resize(std::min(kinds.size(), map.linkCount() <= kPolishedMaxLinks ? kPolishedKinds : 1));
    // Kinds often draw alike (circles or ovals, of any loop and of whole loops, where no loop
    // shares factors with an earlier ring): such a drawing is polished once, as polishing it again
    // would keep the same drawing (54 maps laid out both ways: 26 of the 98 times two kinds were).
    // A drawing is its positions and rings (judged derives its bends from them).
    std::optional<Chosen> best;
    std::vector<std::pair<std::map<FactorId, Point>, std::vector<detail::Ring>>> polished;
    for (const std::size_t k : kinds) {
        if (best && best->reading.unbeatable())
            break; // the next kind could not read better
        auto unpolished = std::pair{chosen[k]->result.positions, chosen[k]->rings};
        if (std::find(polished.begin(), polished.end(), unpolished) != polished.end())
            continue;
        polished.push_back(std::move(unpolished));
        polish(map, sizes, aspect, direction, threads, *chosen[k]);
        if (!best || chosen[k]->reading.cost < best->reading.cost)
            best = std::move(chosen[k]);
    }
    return std::move(*best);
}

} // namespace

namespace {

// Past the links the canvas untangles as it draws, the links off the rings are untangled once, as
// the default layout's are (bestlayout.h untangledOnce; ring links keep their arcs), when the
// drawing then reads better. At 4:3, clockwise: Forrester's IDch15d.mdl 531 -> 353 crossings,
// the generated 50- and 100-factor maps 734 -> 658 and 3,202 -> 2,879, the editor's 100-factor
// test map 784 -> 657.
void untangleOffTheRings(Chosen& chosen, const SystemMap& map, const std::map<FactorId, Size>& sizes, double aspect,
                         unsigned threads)
{
    if (chosen.reading.unbeatable())
        return;
    std::map<FactorId, BoxShape> boxes;
    for (const auto& [id, at] : chosen.result.positions)
        boxes[id] = BoxShape{at, sizes.at(id).width, sizes.at(id).height};
    std::optional<detail::Untangled> untangled = detail::untangledOnce(map, boxes, chosen.result, threads);
    if (!untangled)
        return;
    Chosen other{std::move(untangled->result), chosen.rings};
    other.result.links.clear(); // drawn again through the new bends
    other.reading = drawLinks(other.result, map, sizes, aspect, chosen.reading.cost);
    if (other.reading.cost < chosen.reading.cost)
        chosen = std::move(other);
}

// The loop-first drawing packed for `aspect`, judged there.
Chosen loopFirstFor(const SystemMap& map, const LayoutOptions& options, const std::map<FactorId, Size>& sizes,
                    double aspect, LoopDirection direction)
{
    const std::size_t groups = groupCount(map);
    // Force layouts of the whole map to place the rings by: one neato run, not compacted, and
    // the default layout (the best of several starts, packed for the screen, fewest crossings).
    // Which serves best varies from map to map. Past 100 links, also the default layout with its
    // rows as close as boxes in a row (LayoutOptions::rowsApart): Forrester's IDch15d.mdl 769 /
    // 734 -> 531 / 540 crossings (labels 6.3 -> 6.5 px), the rest here as before, at twice the
    // guides' time (IDch15d ~0.8 -> ~1.3 s wall; the generated 100/300 map ~0.8 -> ~1.6 s).
    std::vector<std::map<FactorId, Point>> guides;
    if (map.factorCount() > 2) {
        LayoutOptions neato;
        neato.engine = Engine::Neato;
        neato.keepPinned = false;
        neato.sizes = sizes;
        neato.threads = options.threads;
        if (map.linkCount() <= kGuidedMaxLinks)
            guides.push_back(detail::snapped(detail::layoutOnce(map, neato, 1)).positions);
        neato.compact = true;
        neato.aspect = aspect;
        guides.push_back(detail::guideLayout(map, neato).positions);
        if (map.linkCount() > kGuidedMaxLinks) {
            neato.rowsApart = false;
            guides.push_back(detail::guideLayout(map, neato).positions);
        }
    }
    const unsigned threads = detail::judgingThreads(options, SIZE_MAX); // the moves number dozens
    Chosen chosen = chosenDrawing(map, sizes, aspect, direction, groups, guides, threads);
    // A drawing whose rings read the other way, mirrored left to right or top to bottom, reads
    // this way: the best is kept, so neither direction crosses more links than the other (at
    // 4:3 the sample's anticlockwise rings crossed 18 times, its clockwise ones 13; now both
    // 13). Both mirrors, as links are not routed alike round boxes mirrored: armsRace.stmx's
    // clockwise rings crossed once mirrored left to right, never top to bottom. It doubles the
    // time: only maps small enough to polish (a 159-link model gained 3%), and only when this
    // direction's drawing does not already read as well as any can.
    if (map.linkCount() <= kPolishedMaxLinks && !chosen.reading.unbeatable()) {
        const LoopDirection other =
            direction == LoopDirection::Clockwise ? LoopDirection::Anticlockwise : LoopDirection::Clockwise;
        const Chosen opposite = chosenDrawing(map, sizes, aspect, other, groups, guides, threads);
        for (const bool acrossX : {true, false}) {
            std::map<FactorId, Point> mirrored;
            for (const auto& [id, at] : opposite.result.positions)
                mirrored[id] = acrossX ? Point{-at.x, at.y} : Point{at.x, -at.y};
            Chosen flipped =
                judged(map, sizes, aspect, direction, std::move(mirrored), opposite.rings, chosen.reading.cost);
            if (flipped.reading.cost < chosen.reading.cost)
                chosen = std::move(flipped);
            if (chosen.reading.unbeatable())
                break; // the other mirror could not read better
        }
    }
    untangleOffTheRings(chosen, map, sizes, aspect, threads);
    detail::squeeze(map, sizes, aspect, threads, chosen);
    return chosen;
}

} // namespace

LayoutResult loopFirstLayout(const SystemMap& given, const LayoutOptions& options,
                             LoopDirection direction)
{
    const detail::StopScope stoppable(options.stop.get());
    // Judged as it will be drawn, an earlier layout's bends dropped (bestlayout.cpp computeLayout):
    // after dot, the sample map's rings drew 10 crossings at 11.8 px, for 8 at 15.3 px without.
    const SystemMap map = withoutLayoutBends(given);
    if (map.factorCount() == 0)
        return {};
    if (!anyRing(map) && groupCount(map) <= 1) {
        // No loop to draw as a ring and no groups to keep apart: the default layout's drawing,
        // packed for the same screen and, as the rings' would be, with no pin kept. Packed as lone
        // pieces a kPieceGap apart it read worse and took far longer: a factor linked to 30 others
        // 24 crossings in ~2.7 s, the default layout 1 in ~0.15 s.
        LayoutOptions plain = options;
        plain.engine = Engine::Neato;
        plain.tidy = false;
        plain.keepPinned = false;
        plain.compact = true;
        plain.aspect = options.aspect > 0 ? options.aspect : detail::kProjectorAspect;
        return computeLayout(map, plain);
    }
    std::map<FactorId, Size> sizes;
    for (const Factor& f : map.factors())
        sizes[f.id] = detail::sizeOf(map, options, f.id);
    const double aspect = options.aspect > 0 ? options.aspect : detail::kProjectorAspect;
    Chosen chosen = loopFirstFor(map, options, sizes, aspect, direction);
    // Packing rings and groups is greedy: for a squarer shape it can fill the screen less well
    // than 4:3 does (judge.h farFromProjector). On a 735x708 canvas the sample map's rings 9
    // crossings at 7.5 px -> 8 at 10.1 px, SIR.mdl 1 -> 0, energy_tech 3 -> 2; the time doubles
    // there, so only on maps small enough to polish, and not when the drawing for the screen
    // already reads as well as any can.
    if (map.linkCount() <= kPolishedMaxLinks && detail::farFromProjector(aspect)
        && !chosen.reading.unbeatable()) {
        Chosen other = loopFirstFor(map, options, sizes, detail::kProjectorAspect, direction);
        other.result.links.clear(); // judged again on the screen
        other.reading = drawLinks(other.result, map, sizes, aspect);
        if (other.reading.cost < chosen.reading.cost
            && other.reading.labelPixels >= detail::kProjectorLabelShare * chosen.reading.labelPixels)
            chosen = std::move(other);
    }
    return detail::stored(std::move(chosen), map); // where the map was: the rings decide, not pins
}

} // namespace causeway::layout
