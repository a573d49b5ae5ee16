// Pulls a laid-out drawing together, or packs it for a screen's shape (layout/compaction.h).
#include "layout/compaction.h"

#include "layout/compactionrows.h"
#include "layout/cubicpath.h"
#include "layout/linkgeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace causeway {

using detail::Box;
using detail::fitScale;
using detail::kDelayedLink;
using detail::packInRows;

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// Closer than the gap by less than this counts as apart: pushes leave rounding errors.
constexpr double kTolerance = 0.01;

struct Gaps {
    double x;
    double y;
};

// One sweep over all pairs; returns whether any pair was too close.
bool separate(std::vector<Box>& boxes, const CompactionOptions& o)
{
    bool moved = false;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            Point& a = *boxes[i].centre;
            Point& b = *boxes[j].centre;
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double px = boxes[i].halfW + boxes[j].halfW + o.gapX - std::abs(dx);
            const double py = boxes[i].halfH + boxes[j].halfH + o.gapY - std::abs(dy);
            if (px <= 0 || py <= 0)
                continue;
            moved = true;
            // Push apart along the axis that needs the smaller move, half each.
            if (px < py) {
                const double s = dx > 0 || (dx == 0 && i < j) ? 1 : -1;
                a.x -= s * px / 2;
                b.x += s * px / 2;
            } else {
                const double s = dy > 0 || (dy == 0 && i < j) ? 1 : -1;
                a.y -= s * py / 2;
                b.y += s * py / 2;
            }
        }
    }
    return moved;
}

struct Extent {
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
};

Extent extentOf(const std::vector<Box>& boxes)
{
    Extent e;
    for (const Box& b : boxes) {
        e.minX = std::min(e.minX, b.centre->x - b.halfW);
        e.maxX = std::max(e.maxX, b.centre->x + b.halfW);
        e.minY = std::min(e.minY, b.centre->y - b.halfH);
        e.maxY = std::max(e.maxY, b.centre->y + b.halfH);
    }
    return e;
}

// Packing by constraints, as orthogonal graph drawings are compacted: the drawing is scaled
// by (sx, sy), then boxes that come too close are pushed apart, right or down only, each pair
// keeping the side it had (left of, or above) along the axis where it was further apart.
// Pushes are longest paths over those sides, repeated with the pairs they bring together, so
// nothing overlaps at any scale and the arrangement reads as before.
class Packer {
public:
    Packer(std::vector<Box>& boxes, std::vector<Point> start, const std::vector<char>& linked,
           const CompactionOptions& o)
        : m_boxes(boxes), m_start(std::move(start)), m_linked(linked), m_o(o),
          m_rankX(ranks(true)), m_rankY(ranks(false))
    {
        for (const Box& b : m_boxes)
            m_widestHalf = std::max(m_widestHalf, b.halfW);
        m_widestGap = std::max(m_o.linkedGap, m_o.looseGap);
    }

    // Places the boxes for this scale; returns how large the drawing then shows on the target.
    double place(double sx, double sy)
    {
        const std::size_t n = m_boxes.size();
        // Scratch kept from one scale to the next (each layout tries 64 to 128).
        std::vector<double>& x = m_x;
        std::vector<double>& y = m_y;
        std::vector<std::size_t>& byX = m_byX;
        x.resize(n);
        y.resize(n);
        byX.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            x[i] = m_start[i].x * sx;
            y[i] = m_start[i].y * sy;
        }
        std::vector<Edge>& alongX = m_alongX;
        std::vector<Edge>& alongY = m_alongY;
        alongX.clear();
        alongY.clear();
        for (int round = 0; round < 50; ++round) {
            // Pairs too close on both axes, found left to right: once the next box is further
            // right than any pair's gap could be, no box after it is close either. (The side each
            // pair keeps does not depend on the order pairs are found in.)
            for (std::size_t i = 0; i < n; ++i)
                byX[i] = i;
            std::sort(byX.begin(), byX.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
            bool added = false;
            for (std::size_t a = 0; a < n; ++a) {
                const std::size_t i = byX[a];
                const double reach = m_boxes[i].halfW + m_widestHalf + m_widestGap - kTolerance;
                for (std::size_t b = a + 1; b < n && x[byX[b]] - x[i] <= reach; ++b) {
                    const std::size_t j = std::min(i, byX[b]), k = std::max(i, byX[b]);
                    const Gaps need = needOf(j, k);
                    if (std::abs(x[j] - x[k]) > need.x - kTolerance || std::abs(y[j] - y[k]) > need.y - kTolerance)
                        continue;
                    addEdge(j, k, need, sx, sy, alongX, alongY);
                    added = true;
                }
            }
            if (!added)
                break;
            push(alongX, x, true);
            push(alongY, y, false);
        }
        for (std::size_t i = 0; i < n; ++i)
            *m_boxes[i].centre = {x[i], y[i]};
        return fitScale(m_boxes, m_o);
    }

private:
    struct Edge {
        std::size_t from, to;
        double need;
    };

    Gaps needOf(std::size_t i, std::size_t j) const
    {
        const char link = m_linked[i * m_boxes.size() + j];
        const double gap =
            link == kDelayedLink ? std::max(m_o.linkedGap, m_o.delayedGap) : (link ? m_o.linkedGap : m_o.looseGap);
        return {m_boxes[i].halfW + m_boxes[j].halfW + gap, m_boxes[i].halfH + m_boxes[j].halfH + gap};
    }

    // The side is read from the scaled drawing: squeezing one axis turns pairs towards the other.
    void addEdge(std::size_t i, std::size_t j, Gaps need, double sx, double sy,
                 std::vector<Edge>& alongX, std::vector<Edge>& alongY) const
    {
        const double dx = (m_start[j].x - m_start[i].x) * sx, dy = (m_start[j].y - m_start[i].y) * sy;
        const bool horizontal = std::abs(dx) / need.x >= std::abs(dy) / need.y;
        const double d = horizontal ? dx : dy;
        const bool iFirst = d > 0 || (d == 0 && i < j);
        (horizontal ? alongX : alongY)
            .push_back({iFirst ? i : j, iFirst ? j : i, horizontal ? need.x : need.y});
    }

    // Each box's place in the order of start coordinates along one axis (ties by index).
    std::vector<std::size_t> ranks(bool horizontal) const
    {
        std::vector<std::size_t> order(m_start.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        auto key = [&](std::size_t i) { return std::pair(horizontal ? m_start[i].x : m_start[i].y, i); };
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
        std::vector<std::size_t> rank(order.size());
        for (std::size_t r = 0; r < order.size(); ++r)
            rank[order[r]] = r;
        return rank;
    }

    // Every side runs from the box with the smaller start coordinate to the larger (ties by
    // index), so settling sides in the order of their second box is a longest-path pass. That
    // order is the boxes' rank, fixed for the packer: a counting sort (sides into one bucket per
    // box) instead of sorting every side again each round, which took a tenth of a layout.
    void push(const std::vector<Edge>& edges, std::vector<double>& v, bool horizontal)
    {
        const std::vector<std::size_t>& rank = horizontal ? m_rankX : m_rankY;
        std::vector<std::size_t>& start = m_bucketStart;
        start.assign(rank.size() + 1, 0);
        for (const Edge& e : edges)
            ++start[rank[e.to] + 1];
        for (std::size_t r = 1; r < start.size(); ++r)
            start[r] += start[r - 1];
        std::vector<const Edge*>& sorted = m_sorted;
        sorted.resize(edges.size());
        for (const Edge& e : edges)
            sorted[start[rank[e.to]]++] = &e;
        for (const Edge* e : sorted)
            v[e->to] = std::max(v[e->to], v[e->from] + e->need);
    }

    std::vector<Box>& m_boxes;
    std::vector<Point> m_start;
    const std::vector<char>& m_linked;
    const CompactionOptions& m_o;
    std::vector<std::size_t> m_rankX, m_rankY;
    double m_widestHalf = 0, m_widestGap = 0; // bounds on any pair's horizontal gap
    std::vector<double> m_x, m_y;                // scratch for place and push
    std::vector<std::size_t> m_byX, m_bucketStart;
    std::vector<Edge> m_alongX, m_alongY;
    std::vector<const Edge*> m_sorted;
};

// Crossings between straight centre-to-centre lines of linked boxes (`pairs`), pairs that share
// a box left out.
std::size_t straightCrossings(const std::vector<Point>& centres, const std::vector<std::pair<std::size_t, std::size_t>>& pairs)
{
    std::size_t n = 0;
    for (std::size_t a = 0; a < pairs.size(); ++a) {
        const auto [i, j] = pairs[a];
        const Point p = centres[i], q = centres[j];
        for (std::size_t b = a + 1; b < pairs.size(); ++b) {
            const auto [k, l] = pairs[b];
            if (k == i || k == j || l == i || l == j)
                continue;
            if (straightLinesCross(p, q, centres[k], centres[l]))
                ++n;
        }
    }
    return n;
}

std::vector<Point> centresOf(const std::vector<Box>& boxes)
{
    std::vector<Point> out;
    out.reserve(boxes.size());
    for (const Box& b : boxes)
        out.push_back(*b.centre);
    return out;
}

// The packing with the fewest straight-line crossings among those that still show large enough:
// at least `enough` (CompactionOptions::enoughFit; 0: none), or when the packing kept shows less
// than `readable` (CompactionOptions::readableFit), at least two thirds of what it shows: a big
// map's labels are too small to read when it is fitted whole, and its crossings are what a reader
// zoomed in meets (the 108-factor Foresight obesity map: 2,576 crossings at 8.9 px, 1,652 at
// 6.0 px). Every packing tried is remembered until the one kept is known.
class FewestCrossings {
public:
    FewestCrossings(const std::vector<char>& linked, std::size_t n, double enough, double readable)
        : m_enough(enough), m_readable(readable)
    {
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                if (linked[i * n + j])
                    m_pairs.emplace_back(i, j);
    }
    void offer(const std::vector<Box>& boxes, double score)
    {
        if ((m_enough <= 0 && m_readable <= 0) || score <= 0)
            return;
        m_tried.push_back({score, centresOf(boxes)});
    }
    // The remembered packing with the fewest crossings (the largest of those on a tie) among
    // those showing enough beside `boxes` as kept, which show `keptScore`, when it has fewer
    // crossings than they do; else empty.
    std::vector<Point> fewerThan(const std::vector<Box>& boxes, double keptScore) const
    {
        const double least = keptScore < m_readable ? keptScore * 2 / 3
                             : m_enough > 0 && keptScore >= m_enough ? m_enough
                                                                     : std::numeric_limits<double>::infinity();
        // Crossings are counted only for the packings large enough (a count compares every two links).
        const Tried* best = nullptr;
        std::size_t fewest = 0;
        for (const Tried& t : m_tried) {
            if (t.score < least)
                continue;
            const std::size_t crossings = straightCrossings(t.centres, m_pairs);
            if (!best || crossings < fewest || (crossings == fewest && t.score > best->score))
                best = &t, fewest = crossings;
        }
        return best && fewest < straightCrossings(centresOf(boxes), m_pairs) ? best->centres : std::vector<Point>{};
    }

private:
    struct Tried {
        double score;
        std::vector<Point> centres;
    };
    double m_enough;
    double m_readable;
    std::vector<std::pair<std::size_t, std::size_t>> m_pairs;
    std::vector<Tried> m_tried;
};

// Moves `packed` (empty, or one point per box) so its centre is the centre of `original`, as
// the packing kept is: the view does not jump.
void backWhereItWas(const std::vector<Point>& original, std::vector<Point>& packed)
{
    if (packed.empty())
        return;
    const double n = double(packed.size());
    Point before{0, 0}, after{0, 0};
    for (std::size_t i = 0; i < packed.size(); ++i) {
        before = {before.x + original[i].x / n, before.y + original[i].y / n};
        after = {after.x + packed[i].x / n, after.y + packed[i].y / n};
    }
    for (Point& p : packed)
        p = {p.x + before.x - after.x, p.y + before.y - after.y};
}

// Packs the drawing to the target's shape: tries scales in both directions (and with
// `landscape` the drawing turned a quarter) and keeps the one that shows largest. Turning must
// win by 3 %: it loses the engine's reading. With `fewer`, the packing tried with the fewest
// straight-line crossings among those showing large enough (FewestCrossings) goes there, when
// it has fewer than the one kept (the caller judges which reads better).
void packToAspect(std::vector<Box>& boxes, const std::vector<char>& linked, const CompactionOptions& o,
                  std::vector<Point>* fewer)
{
    FewestCrossings crossings(linked, boxes.size(), fewer ? o.enoughFit : 0, fewer ? o.readableFit : 0);
    const std::size_t n = boxes.size();
    std::vector<Point> original;
    original.reserve(n);
    for (const Box& b : boxes)
        original.push_back(*b.centre);
    // Scales from 1 down to 0.1 in each direction; each try costs a few n^2 / 2 sweeps, so big
    // maps get a coarser search.
    const int steps = n > 100 ? 5 : 8;
    const double ratio = steps > 1 ? std::pow(0.1, 1.0 / (steps - 1)) : 1.0;
    std::vector<Point> best = original;
    double bestScore = -1;
    for (const bool turn : {false, true}) {
        if (turn && !o.landscape)
            break;
        std::vector<Point> start = original;
        if (turn) // the boxes themselves stay upright: only centres turn
            for (Point& p : start)
                p = {-p.y, p.x};
        Packer packer(boxes, start, linked, o);
        const double needed = turn ? bestScore * 1.03 : bestScore;
        double turnScore = -1;
        std::vector<Point> turnBest;
        for (int i = 0; i < steps; ++i)
            for (int j = 0; j < steps; ++j) {
                const double score = packer.place(std::pow(ratio, i), std::pow(ratio, j));
                crossings.offer(boxes, score);
                if (score > turnScore * 1.001) {
                    turnScore = score;
                    turnBest.clear();
                    for (const Box& b : boxes)
                        turnBest.push_back(*b.centre);
                }
            }
        if (turnScore > needed) {
            bestScore = turnScore;
            best = turnBest;
        }
    }
    const double rowScore = o.rows ? packInRows(boxes, original, linked, o) : 0;
    if (!o.rows || rowScore <= bestScore)
        for (std::size_t i = 0; i < n; ++i)
            *boxes[i].centre = best[i];
    else
        crossings.offer(boxes, fitScale(boxes, o));
    if (fewer) {
        *fewer = crossings.fewerThan(boxes, std::max(bestScore, rowScore));
        backWhereItWas(original, *fewer);
    }
    std::vector<Point> kept;
    kept.reserve(n);
    for (const Box& b : boxes)
        kept.push_back(*b.centre);
    backWhereItWas(original, kept);
    for (std::size_t i = 0; i < n; ++i)
        *boxes[i].centre = kept[i];
}

// Packs the boxes to the target's aspect, keeping linked ones apart (CompactionOptions::aspect).
void packForTarget(std::vector<Box>& boxes, const std::map<FactorId, std::size_t>& indexOf,
                   const std::vector<std::pair<FactorId, FactorId>>& links, const CompactionOptions& o,
                   std::vector<Point>* fewer)
{
    const std::size_t n = boxes.size();
    std::vector<char> linked(n * n, 0);
    for (const auto& [from, to] : links) {
        const auto a = indexOf.find(from), b = indexOf.find(to);
        if (a != indexOf.end() && b != indexOf.end())
            linked[a->second * n + b->second] = linked[b->second * n + a->second] = 1;
    }
    for (const auto& [from, to] : o.delayedLinks) {
        const auto a = indexOf.find(from), b = indexOf.find(to);
        if (a != indexOf.end() && b != indexOf.end())
            linked[a->second * n + b->second] = linked[b->second * n + a->second] = kDelayedLink;
    }
    // A self-link loops out above its box (layout/linkgeometry.h): pack that room too.
    const LinkStyle link;
    const double loopRoom = link.loopSize + link.signRadius + link.lineWidth;
    std::vector<std::size_t> looped;
    for (std::size_t i = 0; i < n; ++i)
        if (linked[i * n + i]) {
            looped.push_back(i);
            boxes[i].halfH += loopRoom / 2;
            boxes[i].centre->y -= loopRoom / 2;
        }
    packToAspect(boxes, linked, o, fewer);
    for (const std::size_t i : looped) {
        boxes[i].centre->y += loopRoom / 2;
        if (fewer && !fewer->empty())
            (*fewer)[i].y += loopRoom / 2;
    }
}

} // namespace

double detail::fitScale(const std::vector<Box>& boxes, const CompactionOptions& o)
{
    const Extent e = extentOf(boxes);
    return std::min(o.aspect / (e.width() + 2 * o.fitMargin), 1.0 / (e.height() + 2 * o.fitMargin));
}

void compactLayout(std::map<FactorId, Point>& positions,
                   const std::map<FactorId, layout::Size>& sizes, const CompactionOptions& o,
                   const std::vector<std::pair<FactorId, FactorId>>& links,
                   std::map<FactorId, Point>* fewerCrossings)
{
    if (fewerCrossings)
        fewerCrossings->clear();
    if (positions.size() < 2)
        return;
    std::vector<Box> boxes;
    std::vector<double> widths;
    std::map<FactorId, std::size_t> indexOf;
    for (auto& [id, p] : positions) {
        const auto it = sizes.find(id);
        const layout::Size s = it != sizes.end() ? it->second : layout::Size{120, 40};
        indexOf[id] = boxes.size();
        boxes.push_back({&p, s.width / 2, s.height / 2});
        widths.push_back(s.width);
    }
    if (o.aspect > 0) {
        std::vector<Point> fewer;
        packForTarget(boxes, indexOf, links, o, fewerCrossings ? &fewer : nullptr);
        if (fewerCrossings && !fewer.empty())
            for (const auto& [id, i] : indexOf)
                (*fewerCrossings)[id] = fewer[i];
        return;
    }
    std::vector<double> nearest;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        double best = 1e300;
        for (std::size_t j = 0; j < boxes.size(); ++j)
            if (i != j)
                best = std::min(best, std::hypot(boxes[i].centre->x - boxes[j].centre->x,
                                                 boxes[i].centre->y - boxes[j].centre->y));
        nearest.push_back(best);
    }
    // Two measures of sparseness: nearest neighbours far apart, or boxes covering a small part
    // of the drawing (long chains spread a map even when neighbours are close).
    const double typical = median(nearest);
    const double wanted = o.spacing * median(widths);
    double scale = typical > wanted ? wanted / typical : 1.0;
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300, boxArea = 0;
    for (const Box& b : boxes) {
        minX = std::min(minX, b.centre->x - b.halfW);
        maxX = std::max(maxX, b.centre->x + b.halfW);
        minY = std::min(minY, b.centre->y - b.halfH);
        maxY = std::max(maxY, b.centre->y + b.halfH);
        boxArea += 4 * b.halfW * b.halfH;
    }
    const double fill = boxArea / std::max(1.0, (maxX - minX) * (maxY - minY));

    if (fill < o.fill)
        scale = std::min(scale, std::sqrt(fill / o.fill));
    if (scale < 1) {
        Point c{0, 0};
        for (const Box& b : boxes) {
            c.x += b.centre->x / boxes.size();
            c.y += b.centre->y / boxes.size();
        }
        for (Box& b : boxes)
            *b.centre = {c.x + (b.centre->x - c.x) * scale, c.y + (b.centre->y - c.y) * scale};
    }
    for (int i = 0; i < o.maxIterations && separate(boxes, o); ++i) {
    }
    if (!o.landscape)
        return;
    minX = minY = 1e300;
    maxX = maxY = -1e300;
    for (const Box& b : boxes) {
        minX = std::min(minX, b.centre->x - b.halfW);
        maxX = std::max(maxX, b.centre->x + b.halfW);
        minY = std::min(minY, b.centre->y - b.halfH);
        maxY = std::max(maxY, b.centre->y + b.halfH);
    }
    if (maxY - minY > 1.05 * (maxX - minX)) {
        for (Box& b : boxes) // the boxes themselves stay upright: only centres turn
            *b.centre = {-b.centre->y, b.centre->x};
        for (int i = 0; i < o.maxIterations && separate(boxes, o); ++i) {
        }
    }
}

} // namespace causeway
