#include "layout/quality.h"

#include "layout/cubicpath.h"
#include "layout/linkshapes.h"
#include "layout/textmetrics.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

namespace causeway::layout {
namespace {

struct Rect {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -std::numeric_limits<double>::infinity(), y1 = x1;
    void add(Point p, double grow = 0)
    {
        x0 = std::min(x0, p.x - grow);
        y0 = std::min(y0, p.y - grow);
        x1 = std::max(x1, p.x + grow);
        y1 = std::max(y1, p.y + grow);
    }
    bool overlaps(const Rect& o) const { return x0 <= o.x1 && o.x0 <= x1 && y0 <= o.y1 && o.y0 <= y1; }
};

Rect boxRect(const BoxShape& b, double grow = 0)
{
    Rect r;
    r.add(b.centre, 0);
    r.x0 -= b.width / 2 + grow;
    r.x1 += b.width / 2 + grow;
    r.y0 -= b.height / 2 + grow;
    r.y1 += b.height / 2 + grow;
    return r;
}

bool strictlyInside(const Rect& r, Point p) { return p.x > r.x0 && p.x < r.x1 && p.y > r.y0 && p.y < r.y1; }

double cross(Point o, Point a, Point b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

// Where two segments cross: each separates the other's ends. A point exactly on the other line
// counts as being on its positive side, so two polylines crossing at a shared sample point
// count once, not zero or four times.
bool properCrossing(Point a, Point b, Point c, Point d, Point& at)
{
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if ((d1 >= 0) == (d2 >= 0) || (d3 >= 0) == (d4 >= 0) || d1 == d2)
        return false;
    const double t = d1 / (d1 - d2);
    at = a + (b - a) * t;
    return true;
}

// A link as the polyline it is measured by: 16 points a cubic piece, with the bounds of the
// whole and of each piece (so that two links are compared piece against piece, and only pieces
// whose bounds meet are compared segment against segment).
constexpr std::size_t samplesPerPiece = 16;

struct Sampled {
    std::vector<Point> points;
    Rect bounds;
    std::vector<Rect> pieces; // piece k: points[16k] .. points[16k + 16]
};

Sampled sampleLine(const QualityDrawing::Line& line)
{
    Sampled s;
    s.points = CubicPath(line.curve).sample(int(samplesPerPiece));
    for (Point p : s.points)
        s.bounds.add(p);
    for (std::size_t first = 0; first + 1 < s.points.size(); first += samplesPerPiece) {
        Rect piece;
        for (std::size_t k = first; k <= std::min(first + samplesPerPiece, s.points.size() - 1); ++k)
            piece.add(s.points[k]);
        s.pieces.push_back(piece);
    }
    return s;
}

// Whether a circle meets the line (drawn through its samples).
bool circleMeetsLine(Point c, double r, const Sampled& s)
{
    Rect around;
    around.add(c, r);
    if (!s.bounds.overlaps(around))
        return false;
    for (std::size_t k = 0; k < s.pieces.size(); ++k) {
        if (!s.pieces[k].overlaps(around))
            continue;
        const std::size_t last = std::min((k + 1) * samplesPerPiece, s.points.size() - 1);
        for (std::size_t i = k * samplesPerPiece; i < last; ++i)
            if (distanceToSegment(c, s.points[i], s.points[i + 1]) < r)
                return true;
    }
    return false;
}

using DelayMark = QualityDrawing::DelayMark;

// The delay marks' counts: on boxes, under signs, touching each other.
void measureDelayMarks(const QualityDrawing& d, DrawingQuality& q)
{
    const double half = d.lineWidth / 2;
    for (std::size_t i = 0; i < d.delayMarks.size(); ++i) {
        const DelayMark& m = d.delayMarks[i];
        if (std::any_of(d.boxes.begin(), d.boxes.end(),
                        [&](const BoxShape& b) { return strokesMeetBox(m, b, half + d.edgeWidth / 2); }))
            ++q.delayMarksOnFactors;
        q.signsOnDelayMarks += std::size_t(std::count_if(d.signs.begin(), d.signs.end(), [&](Point sign) {
            return distanceToStrokes(m, sign) < d.signRadius + d.signEdgeWidth / 2 + half;
        }));
        for (std::size_t j = i + 1; j < d.delayMarks.size(); ++j)
            if (strokesApart(m, d.delayMarks[j]) < d.lineWidth)
                ++q.overlappingDelayMarks;
    }
}

bool runsThrough(const Sampled& s, const Rect& box)
{
    if (!s.bounds.overlaps(box))
        return false;
    // Sampled finely enough (16 a piece) that a link clipping a corner by under a point or two
    // is not counted: it reads as touching, not as passing through.
    for (std::size_t k = 0; k < s.pieces.size(); ++k) {
        if (!s.pieces[k].overlaps(box))
            continue;
        const auto first = s.points.begin() + long(k * samplesPerPiece);
        const auto last = s.points.begin() + long(std::min((k + 1) * samplesPerPiece + 1, s.points.size()));
        if (std::any_of(first, last, [&](Point p) { return strictlyInside(box, p); }))
            return true;
    }
    return false;
}

// Whether two extents are apart by more than a hair (so rounding in the exact test never
// matters): then no segment within one can cross a segment within the other.
bool apart(const Rect& a, const Rect& b)
{
    return a.x1 < b.x0 - 1e-9 || b.x1 < a.x0 - 1e-9 || a.y1 < b.y0 - 1e-9 || b.y1 < a.y0 - 1e-9;
}

std::size_t crossingsBetween(const QualityDrawing& d, std::size_t i, std::size_t j,
                             const std::vector<Sampled>& lines)
{
    const Sampled &a = lines[i], &b = lines[j];
    if (!a.bounds.overlaps(b.bounds))
        return 0;
    // Near an end both links share, lines meet because they share the box, not because they cross.
    std::array<Rect, 2> shared;
    std::size_t sharedCount = 0;
    for (std::size_t e : {d.links[i].from, d.links[i].to})
        if (e == d.links[j].from || e == d.links[j].to)
            shared[sharedCount++] = boxRect(d.boxes[e], 6);
    std::vector<Point> found;
    for (std::size_t pa = 0; pa < a.pieces.size(); ++pa) {
        if (!a.pieces[pa].overlaps(b.bounds))
            continue;
        const std::size_t aEnd = std::min((pa + 1) * samplesPerPiece, a.points.size() - 1);
        for (std::size_t p = pa * samplesPerPiece + 1; p <= aEnd; ++p) {
            Rect sa;
            sa.add(a.points[p - 1]);
            sa.add(a.points[p]);
            if (!sa.overlaps(b.bounds))
                continue;
            for (std::size_t pb = 0; pb < b.pieces.size(); ++pb) {
                if (apart(sa, b.pieces[pb]))
                    continue;
                const std::size_t bEnd = std::min((pb + 1) * samplesPerPiece, b.points.size() - 1);
                for (std::size_t q = pb * samplesPerPiece + 1; q <= bEnd; ++q) {
                    const Point c = b.points[q - 1], e = b.points[q];
                    Rect sb;
                    sb.add(c);
                    sb.add(e);
                    if (apart(sa, sb))
                        continue;
                    Point at;
                    if (!properCrossing(a.points[p - 1], a.points[p], c, e, at))
                        continue;
                    // Two links running side by side through one gap can touch more than once
                    // within a few points: that reads as one crossing.
                    if (std::none_of(shared.begin(), shared.begin() + long(sharedCount),
                                     [&](const Rect& r) { return strictlyInside(r, at); })
                        && std::none_of(found.begin(), found.end(), [&](Point f) { return length(f - at) < 10; }))
                        found.push_back(at);
                }
            }
        }
    }
    return found.size();
}

} // namespace

DrawingQuality measureDrawing(const QualityDrawing& d, const ScreenSize& screen)
{
    DrawingQuality q;
    q.factors = d.boxes.size();
    q.links = d.links.size();
    Rect all;

    std::vector<Rect> boxes;
    for (const BoxShape& b : d.boxes) {
        boxes.push_back(boxRect(b, -1)); // a link touching an edge is not through the box
        all.add({b.centre.x - b.width / 2, b.centre.y - b.height / 2});
        all.add({b.centre.x + b.width / 2, b.centre.y + b.height / 2});
    }
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].overlaps(boxes[j]))
                ++q.overlappingFactors;

    std::vector<Sampled> lines;
    for (const auto& line : d.links) {
        lines.push_back(sampleLine(line));
        for (Point p : lines.back().points)
            all.add(p);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        for (std::size_t b = 0; b < boxes.size(); ++b)
            if (b != d.links[i].from && b != d.links[i].to && runsThrough(lines[i], boxes[b])) {
                ++q.linksThroughBoxes;
                break;
            }
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            q.crossings += crossingsBetween(d, i, j, lines);
    }

    for (std::size_t i = 0; i < d.signs.size(); ++i) {
        all.add(d.signs[i], d.signRadius);
        for (std::size_t j = i + 1; j < d.signs.size(); ++j)
            if (length(d.signs[i] - d.signs[j]) < 2 * d.signRadius)
                ++q.overlappingSigns;
        if (std::any_of(d.boxes.begin(), d.boxes.end(),
                        [&](const BoxShape& b) { return circleOverlapsBox(d.signs[i], d.signRadius, b); }))
            ++q.signsOnFactors;
        // Sign i is link i's when every link has one.
        for (std::size_t j = 0; j < lines.size() && d.signs.size() == lines.size(); ++j)
            if (j != i && circleMeetsLine(d.signs[i], d.signRadius, lines[j])) {
                ++q.signsOnLines;
                break;
            }
    }

    for (const DelayMark& m : d.delayMarks)
        for (Point p : {m.a1, m.a2, m.b1, m.b2})
            all.add(p, d.lineWidth / 2);
    measureDelayMarks(d, q);

    const double w = all.x1 - all.x0, h = all.y1 - all.y0;
    if (w > 0 && h > 0)
        q.labelPixels = d.labelSize * std::min(screen.width / w, screen.height / h);
    return q;
}

QualityDrawing drawingOfMap(const SystemMap& map, const LinkStyle& style, bool routed)
{
    std::map<FactorId, BoxShape> boxes;
    for (const Factor& f : map.factors()) {
        const FactorBoxText text = layoutFactorBox(f.label);
        boxes[f.id] = BoxShape{f.position, text.width, text.height};
    }
    return drawingOfMap(map, boxes, style, routed);
}

QualityDrawing drawingOfMap(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                            const LinkStyle& style, bool routed)
{
    if (routed)
        return drawingOfShapes(map, boxes, computeLinkShapes(map, boxes, style), style);
    std::map<LinkId, LinkShape> shapes;
    for (const Link& l : map.links())
        shapes[l.id] = l.from == l.to ? computeSelfLoopShape(boxes.at(l.from), l.bend, style)
                                      : computeLinkShape(boxes.at(l.from), boxes.at(l.to), l.bend,
                                                         map.findLink(l.to, l.from).has_value(), style);
    return drawingOfShapes(map, boxes, shapes, style);
}

QualityDrawing drawingOfShapes(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes,
                               const std::map<LinkId, LinkShape>& shapes, const LinkStyle& style)
{
    QualityDrawing d;
    d.signRadius = style.signRadius;
    d.lineWidth = style.lineWidth;
    d.signEdgeWidth = style.signEdgeWidth;
    d.labelSize = FactorBoxStyle{}.font.pixelSize;
    d.edgeWidth = FactorBoxStyle{}.edgeWidth;
    std::map<FactorId, std::size_t> index;
    for (const auto& [id, box] : boxes) {
        index[id] = d.boxes.size();
        d.boxes.push_back(box);
    }
    for (const Link& l : map.links()) {
        const LinkShape& s = shapes.at(l.id);
        CubicPath curve(s.line);
        curve.append(CubicPath::line(s.end, s.tip)); // the arrow head's axis
        d.links.push_back({curve.points(), index.at(l.from), index.at(l.to)});
        d.signs.push_back(s.sign);
        if (l.delay)
            d.delayMarks.push_back(delayStrokesOf(s));
    }
    return d;
}

} // namespace causeway::layout
