// Factor swaps counted on straight lines (layout/straightswaps.h).
#include "layout/straightswaps.h"

#include "layout/bestlayout.h"
#include "layout/cubicpath.h"
#include "layout/placement.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <vector>

namespace causeway::layout {

using detail::sizeOf;

namespace {

// Random 100-factor maps with 300 links swapped before packing, at 4:3: with 10 neighbours 1%
// fewer crossings, with 5 passes or with a straight line through another box counting half a
// crossing or one, the same (within 1%), each in more time.
constexpr std::size_t neighbours = 6;
constexpr int maxPasses = 3;

// The map by index: factors' places and boxes, links (self-links left out) by their ends.
class StraightDrawing {
public:
    StraightDrawing(const SystemMap& map, const LayoutOptions& options, const LayoutResult& result)
    {
        for (const auto& [id, position] : result.positions) {
            index_[id] = ids_.size();
            ids_.push_back(id);
            at_.push_back(position);
            size_.push_back(sizeOf(map, options, id));
        }
        linksAt_.resize(ids_.size());
        for (const Link& l : map.links())
            if (l.from != l.to) {
                const End e{index_.at(l.from), index_.at(l.to)};
                linksAt_[e.from].push_back(links_.size());
                linksAt_[e.to].push_back(links_.size());
                links_.push_back(e);
            }
        from_.resize(links_.size());
        to_.resize(links_.size());
        for (std::size_t f = 0; f < at_.size(); ++f)
            placeEnds(f);
    }

    const std::vector<FactorId>& ids() const { return ids_; }
    std::size_t indexOf(FactorId id) const { return index_.at(id); }
    Point at(std::size_t f) const { return at_[f]; }

    void swap(std::size_t a, std::size_t b)
    {
        std::swap(at_[a], at_[b]);
        placeEnds(a);
        placeEnds(b);
    }

    // Crossings between the straight lines of the links at a or b and the others, each pair once.
    std::size_t crossingsAt(std::size_t a, std::size_t b) const
    {
        auto atAOrB = [&](const End& e) { return e.from == a || e.to == a || e.from == b || e.to == b; };
        std::size_t n = 0;
        for (const std::size_t f : {a, b})
            for (const std::size_t i : linksAt_[f]) {
                const End l = links_[i];
                if (f == b && (l.from == a || l.to == a))
                    continue; // counted from a
                const Point p = from_[i], q = to_[i];
                const double x0 = std::min(p.x, q.x), x1 = std::max(p.x, q.x);
                const double y0 = std::min(p.y, q.y), y1 = std::max(p.y, q.y);
                for (std::size_t j = 0; j < links_.size(); ++j) {
                    const Point r = from_[j], s = to_[j];
                    if (std::max(r.x, s.x) < x0 || std::min(r.x, s.x) > x1 || std::max(r.y, s.y) < y0
                        || std::min(r.y, s.y) > y1)
                        continue;
                    const End m = links_[j];
                    if (m.from == l.from || m.from == l.to || m.to == l.from || m.to == l.to
                        || (j < i && atAOrB(m))) // two links at a or b: once
                        continue;
                    if (straightLinesCross(p, q, r, s))
                        ++n;
                }
            }
        return n;
    }

    // Whether f's box overlaps another (they may touch).
    bool overlaps(std::size_t f) const
    {
        for (std::size_t k = 0; k < at_.size(); ++k)
            if (k != f && std::abs(at_[k].x - at_[f].x) < (size_[k].width + size_[f].width) / 2
                && std::abs(at_[k].y - at_[f].y) < (size_[k].height + size_[f].height) / 2)
                return true;
        return false;
    }

private:
    struct End {
        std::size_t from, to;
    };

    // The link ends at f where f now is (the inner loops read them in a row).
    void placeEnds(std::size_t f)
    {
        for (const std::size_t i : linksAt_[f]) {
            from_[i] = at_[links_[i].from];
            to_[i] = at_[links_[i].to];
        }
    }

    std::vector<FactorId> ids_;
    std::map<FactorId, std::size_t> index_;
    std::vector<Point> at_;
    std::vector<Size> size_;
    std::vector<End> links_;
    std::vector<std::vector<std::size_t>> linksAt_;
    std::vector<Point> from_, to_; // each link's ends
};

} // namespace

bool detail::swapForStraightLines(const SystemMap& map, const LayoutOptions& options, LayoutResult& result)
{
    StraightDrawing drawing(map, options, result);
    std::vector<FactorId> movable;
    for (const FactorId id : drawing.ids())
        if (!(options.keepPinned && map.factor(id).pinned))
            movable.push_back(id);
    const std::vector<std::pair<std::size_t, std::size_t>> pairs = nearestPairs(movable, result.positions, neighbours);
    bool swapped = false;
    for (int pass = 0; pass < maxPasses; ++pass) {
        bool improved = false;
        for (const auto& [i, j] : pairs) {
            const std::size_t a = drawing.indexOf(movable[i]), b = drawing.indexOf(movable[j]);
            const std::size_t before = drawing.crossingsAt(a, b);
            drawing.swap(a, b);
            if (drawing.overlaps(a) || drawing.overlaps(b) || drawing.crossingsAt(a, b) >= before)
                drawing.swap(a, b);
            else
                improved = true;
        }
        if (!improved)
            break;
        swapped = true;
    }
    if (!swapped)
        return false;
    for (std::size_t f = 0; f < drawing.ids().size(); ++f)
        result.positions[drawing.ids()[f]] = drawing.at(f);
    straightenLinks(result, map, options);
    return true;
}

} // namespace causeway::layout
