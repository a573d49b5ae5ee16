// Where each link's polarity sign and delay mark go once every link is shaped: off the factors'
// boxes, off each other and, where there is room, off other links' lines.
#include "layout/signplacement.h"

#include "layout/cubicpath.h"
#include "layout/markmover.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstddef>
#include <limits>
#include <optional>

namespace causeway {

using detail::MarkMover;

namespace {

bool onABox(Point c, double r, const std::vector<BoxShape>& boxes)
{
    return std::any_of(boxes.begin(), boxes.end(), [&](const BoxShape& b) { return circleOverlapsBox(c, r, b); });
}

} // namespace

namespace {

// Places beside the link's arrow head, `off` from its axis on either side, from its tip to its base.
void besideHead(const LinkShape& s, double off, std::vector<Point>& places)
{
    const Point across = normalLeft(unit(s.tip - s.end));
    for (int i = 0; i <= 8; ++i) {
        const Point p = s.tip + (s.end - s.tip) * (i / 8.0);
        for (const double side : {1.0, -1.0})
            places.push_back(p + across * (side * off));
    }
}

// Where a link's sign may go, best first: on the line, from just before the arrow head back to
// the source box (never onto the head itself); then, for a link too short to hold a sign between
// its boxes, beside the arrow head and then beside the line, touching them (where Vensim puts
// polarity), on either side.
std::vector<Point> signPlaces(const LinkShape& s, const LinkStyle& style)
{
    const double r = style.signRadius;
    std::vector<Point> places;
    const CubicPath line(s.line);
    const int steps = 48 * std::max(1, line.pieces());
    std::vector<Point> back; // from the arrow base to the source box
    for (int i = steps; i >= 0; --i)
        back.push_back(line.at(double(line.pieces()) * i / steps));
    for (const Point p : back)
        if (length(p - s.end) >= style.signGap + r - 1)
            places.push_back(p);
    besideHead(s, r + style.arrowWidth / 2 + 1, places);
    // Last, where links crowd into a busy box: one sign's width further out, still reading as
    // this line's (nothing else is nearer).
    for (const double off : {r + style.lineWidth / 2 + 1, 2 * r + style.lineWidth / 2 + 2}) {
        for (std::size_t i = 1; i < back.size(); ++i) {
            const Point along = unit(back[i - 1] - back[i]);
            for (const double side : {1.0, -1.0})
                places.push_back(back[i] + normalLeft(along) * (side * off));
        }
    }
    return places;
}

// Where a link's sign goes when none of its places is clear of the boxes and the other signs (a
// short link between close boxes, the places beside its head taken): beside the head one and two
// signs' widths further out. There it still reads as its own; left on a box it hides the
// factor's edge (a random 18-factor, 52-link map drew one so).
std::vector<Point> furtherPlaces(const LinkShape& s, const LinkStyle& style)
{
    const double r = style.signRadius;
    std::vector<Point> places;
    for (const double off : {2 * r + style.arrowWidth / 2 + 2, 3 * r + style.arrowWidth / 2 + 3})
        besideHead(s, off, places);
    return places;
}

// Where every link's line runs, as points at most kStep apart filed in square cells (a flat
// grid over the drawing, the cell size the reach), so a sign can be kept off the lines of other
// links: over one it hides that link or reads as its sign.
class LineGrid {
public:
    LineGrid(const std::vector<const LinkShape*>& shapes, double reach) : m_reach(reach), m_cell(reach)
    {
        std::vector<Mark> marks;
        for (std::size_t i = 0; i < shapes.size(); ++i)
            for (const Point p : CubicPath(shapes[i]->line).sampleEvery(kStep))
                marks.push_back({p, std::uint32_t(i)});
        if (marks.empty())
            return;
        double x0 = marks[0].p.x, y0 = marks[0].p.y, x1 = x0, y1 = y0;
        for (const Mark& m : marks) {
            x0 = std::min(x0, m.p.x);
            y0 = std::min(y0, m.p.y);
            x1 = std::max(x1, m.p.x);
            y1 = std::max(y1, m.p.y);
        }
        if (!std::isfinite(x1 - x0) || !std::isfinite(y1 - y0)) {
            marks.clear(); // nothing sensible to keep off
            return;
        }
        m_x0 = x0;
        m_y0 = y0;
        // Cells no smaller than the reach, and no more than kMaxCells a side on a huge drawing.
        m_cell = std::max({reach, (x1 - x0) / kMaxCells, (y1 - y0) / kMaxCells});
        m_nx = std::size_t((x1 - x0) / m_cell) + 1;
        m_ny = std::size_t((y1 - y0) / m_cell) + 1;
        m_start.assign(m_nx * m_ny + 1, 0);
        for (const Mark& m : marks)
            ++m_start[cellOf(m.p) + 1];
        for (std::size_t c = 1; c < m_start.size(); ++c)
            m_start[c] += m_start[c - 1];
        m_marks.resize(marks.size());
        std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
        for (const Mark& m : marks)
            m_marks[fill[cellOf(m.p)]++] = m;
    }

    // Whether a line other than link `self`'s passes within the reach of p.
    bool near(Point p, std::size_t self) const
    {
        if (m_marks.empty())
            return false;
        const double fx = std::floor((p.x - m_x0) / m_cell), fy = std::floor((p.y - m_y0) / m_cell);
        if (!(fx >= -1 && fy >= -1 && fx <= double(m_nx) && fy <= double(m_ny)))
            return false; // also when NaN
        const auto cx = std::ptrdiff_t(fx), cy = std::ptrdiff_t(fy);
        const double reach2 = m_reach * m_reach;
        for (std::ptrdiff_t y = std::max<std::ptrdiff_t>(0, cy - 1); y <= std::min<std::ptrdiff_t>(std::ptrdiff_t(m_ny) - 1, cy + 1); ++y) {
            const std::size_t row = std::size_t(y) * m_nx;
            const std::size_t from = row + std::size_t(std::max<std::ptrdiff_t>(0, cx - 1));
            const std::size_t to = row + std::size_t(std::min<std::ptrdiff_t>(std::ptrdiff_t(m_nx) - 1, cx + 1));
            for (std::uint32_t k = m_start[from]; k < m_start[to + 1]; ++k) {
                const Mark& m = m_marks[k];
                const double dx = m.p.x - p.x, dy = m.p.y - p.y;
                if (dx * dx + dy * dy < reach2 && m.link != self)
                    return true;
            }
        }
        return false;
    }

private:
    struct Mark {
        Point p;
        std::uint32_t link;
    };
    // Points no further apart than this miss a line by at most half of it: barely more than
    // the sign's circle at its edge.
    static constexpr double kStep = 4;
    std::size_t cellOf(Point p) const
    {
        return std::size_t((p.y - m_y0) / m_cell) * m_nx + std::size_t((p.x - m_x0) / m_cell);
    }

    static constexpr double kMaxCells = 2048;
    double m_reach;
    double m_cell; // at least the reach: every point within reach is in a neighbouring cell
    double m_x0 = 0, m_y0 = 0;
    std::size_t m_nx = 0, m_ny = 0;
    std::vector<std::uint32_t> m_start; // by cell, row by row: its marks begin here
    std::vector<Mark> m_marks;
};

// The delay marks drawn, as signs keep off them.
class DelayMarksDrawn {
public:
    DelayMarksDrawn(const std::vector<const LinkShape*>& shapes, const std::vector<bool>& delayed,
                    const LinkStyle& style)
        : m_shapes(shapes), m_delayed(delayed), m_keep(signKeepsFromDelayMark(style)),
          m_ownMiddle(style.signRadius + 1)
    {
        for (std::size_t i = 0; i < delayed.size() && i < shapes.size(); ++i)
            if (delayed[i])
                m_marked.push_back(shapes[i]);
    }
    // Whether a sign at p is clear of every mark drawn.
    bool clearOfAll(Point p) const
    {
        return std::all_of(m_marked.begin(), m_marked.end(),
                           [&](const LinkShape* m) { return distanceToDelayMark(*m, p) >= m_keep; });
    }
    // How far p is from the nearest mark drawn (infinity: none).
    double nearest(Point p) const
    {
        double d = std::numeric_limits<double>::infinity();
        for (const LinkShape* m : m_marked)
            d = std::min(d, distanceToDelayMark(*m, p));
        return d;
    }
    // Whether a sign at p keeps its circle off the centre lines of link i's own mark (if drawn).
    bool offOwn(Point p, std::size_t i) const
    {
        return i >= m_delayed.size() || !m_delayed[i] || distanceToDelayMark(*m_shapes[i], p) >= m_ownMiddle;
    }

private:
    const std::vector<const LinkShape*>& m_shapes;
    const std::vector<bool>& m_delayed;
    std::vector<const LinkShape*> m_marked;
    double m_keep;
    double m_ownMiddle;
};

// Where separateSigns puts each sign, one after another (`placed`, in the order of `shapes`).
class SignPlacer {
public:
    SignPlacer(const std::vector<const LinkShape*>& shapes, const std::vector<BoxShape>& boxes,
               const LinkStyle& style, const std::vector<bool>& delayed)
        : m_shapes(shapes), m_boxes(boxes), m_style(style), m_marks(shapes, delayed, style)
    {
        placed.reserve(shapes.size());
    }

    // Clear of the signs placed (but the one at `self`: the sign's index, or shapes.size() for
    // the one placed next) and the boxes, and with `marksToo` of the delay marks as well. A sign
    // with no place clear of the marks (a short delayed link between close boxes) takes one that
    // is clear of the rest and off its own mark's middle: a mark touched reads better than a sign
    // hidden (and separateDelayMarks then moves another link's mark off it).
    bool clear(Point p, std::size_t self, bool marksToo) const
    {
        return clearOfSigns(p, self) && !onABox(p, m_style.signRadius, m_boxes)
            && (marksToo ? m_marks.clearOfAll(p) : m_marks.offOwn(p, self < m_shapes.size() ? self : placed.size()));
    }

    // The first of: `at` clear of everything, another place clear of everything; else of `at`
    // and the places clear of all but the marks, the first, or once every sign is placed (`self`
    // one of them) the one furthest from every mark (the first on a tie): a stroke's end touching
    // the sign rather than a stroke across it, without taking a place a sign after it needs.
    // Nothing: stays at `at`.
    std::optional<Point> bestPlace(const LinkShape& s, Point at, std::size_t self) const
    {
        if (clear(at, self, true))
            return at;
        const std::vector<Point> places = signPlaces(s, m_style);
        const auto found = std::find_if(places.begin(), places.end(), [&](Point p) { return clear(p, self, true); });
        if (found != places.end())
            return *found;
        if (self >= m_shapes.size()) {
            if (clear(at, self, false))
                return at;
            const auto rest = std::find_if(places.begin(), places.end(), [&](Point p) { return clear(p, self, false); });
            return rest == places.end() ? std::nullopt : std::optional<Point>(*rest);
        }
        std::optional<Point> best;
        double bestAway = -1;
        auto consider = [&](Point p) {
            if (!clear(p, self, false))
                return;
            if (const double away = m_marks.nearest(p); away > bestAway) {
                best = p;
                bestAway = away;
            }
        };
        consider(at);
        for (const Point p : places)
            consider(p);
        return best;
    }

    // Sign i, left on a box or another sign once every sign is placed, moved: to the first of its
    // furtherPlaces clear of everything, else of all but the marks; else, with `makingRoom`, to
    // the first of its own places and those further out that is clear of the boxes and where the
    // one or two signs in the way each have another place clear of the boxes and the signs
    // (moved there), trying kRoomTries such places at most. Whether it moved.
    bool moveOffBoxesAndSigns(std::size_t i, bool makingRoom)
    {
        const std::vector<Point> further = furtherPlaces(*m_shapes[i], m_style);
        for (const bool marksToo : {true, false})
            if (const auto p = std::find_if(further.begin(), further.end(), [&](Point q) { return clear(q, i, marksToo); });
                p != further.end()) {
                placed[i] = *p;
                return true;
            }
        if (!makingRoom)
            return false;
        std::vector<Point> places = signPlaces(*m_shapes[i], m_style);
        places.insert(places.end(), further.begin(), further.end());
        int tries = 0;
        for (const Point q : places)
            if (!onABox(q, m_style.signRadius, m_boxes) && m_marks.offOwn(q, i)) {
                if (makeRoom(i, q))
                    return true;
                if (++tries == kRoomTries)
                    break;
            }
        return false;
    }

    // Sign i's place clear of everything: where it is, else the first such of its own places,
    // else of its furtherPlaces, off every other link's line if where it is now is (away from its
    // own line, over another it reads as that link's sign); nothing if none is.
    std::optional<Point> clearPlace(std::size_t i, const LineGrid& lines) const
    {
        if (clear(placed[i], i, true))
            return placed[i];
        const bool offLines = !lines.near(placed[i], i);
        for (const std::vector<Point>& places : {signPlaces(*m_shapes[i], m_style), furtherPlaces(*m_shapes[i], m_style)})
            if (const auto p = std::find_if(places.begin(), places.end(),
                                            [&](Point q) { return (!offLines || !lines.near(q, i)) && clear(q, i, true); });
                p != places.end())
                return *p;
        return std::nullopt;
    }

    std::vector<Point> placed;

private:
    // Each try may look for a new place for two signs: on a dense map, hundreds of places each.
    static constexpr int kRoomTries = 24;

    // Sign i put at q, the signs in its way (two at most) moved each to its best place (clear of
    // the boxes and the signs, as bestPlace's always are); if one has none, everything stays as
    // it was.
    bool makeRoom(std::size_t i, Point q)
    {
        std::vector<std::size_t> inTheWay;
        for (std::size_t j = 0; j < placed.size(); ++j)
            if (j != i && length(placed[j] - q) < signsApart())
                inTheWay.push_back(j);
        if (inTheWay.size() > 2)
            return false;
        const Point was = placed[i];
        placed[i] = q;
        std::vector<std::pair<std::size_t, Point>> moved;
        for (const std::size_t j : inTheWay) {
            const std::optional<Point> p = bestPlace(*m_shapes[j], placed[j], j);
            if (!p) {
                for (const auto& [k, at] : moved)
                    placed[k] = at;
                placed[i] = was;
                return false;
            }
            moved.emplace_back(j, placed[j]);
            placed[j] = *p;
        }
        return true;
    }

    // How far apart two signs' centres must be: their circles and a point between.
    double signsApart() const { return 2 * m_style.signRadius + 1; }

    bool clearOfSigns(Point p, std::size_t self) const
    {
        const double apart = signsApart();
        for (std::size_t j = 0; j < placed.size(); ++j) {
            // Far apart in x or y is far apart (and cheaper to see than the distance).
            const Point d = p - placed[j];
            if (j != self && std::abs(d.x) < apart && std::abs(d.y) < apart && length(d) < apart)
                return false;
        }
        return true;
    }

    const std::vector<const LinkShape*>& m_shapes;
    const std::vector<BoxShape>& m_boxes;
    const LinkStyle& m_style;
    const DelayMarksDrawn m_marks;
};

} // namespace

std::vector<Point> separateSigns(const std::vector<const LinkShape*>& shapes,
                                 const std::vector<BoxShape>& boxes, const LinkStyle& style,
                                 bool offLines, const std::vector<bool>& delayed, SignRoom room)
{
    SignPlacer signs(shapes, boxes, style, delayed);
    std::vector<Point>& placed = signs.placed;
    for (const LinkShape* s : shapes)
        placed.push_back(signs.bestPlace(*s, s->sign, shapes.size()).value_or(s->sign));
    // A sign left on another or on a mark (no clear place when it came) may find one once the
    // signs placed before it move: a few rounds over the ones still in the way, each clear of all
    // the others.
    for (int round = 0; round < 3; ++round) {
        bool moved = false;
        for (std::size_t i = 0; i < shapes.size(); ++i) {
            if (signs.clear(placed[i], i, true))
                continue;
            if (const std::optional<Point> p = signs.bestPlace(*shapes[i], placed[i], i); p && *p != placed[i]) {
                placed[i] = *p;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
    // A sign still on a box or another sign had nowhere near: further out beside its head, or
    // (not while a factor is dragged: the drop places every sign again) where the signs in its
    // way can move.
    if (room == SignRoom::FurtherOut)
        for (std::size_t i = 0; i < shapes.size(); ++i)
            if (!signs.clear(placed[i], i, false))
                signs.moveOffBoxesAndSigns(i, offLines);
    // Then a sign over another link's line moves to the first of its places that is off every
    // other line and as clear as above, if it has one: nothing gets worse for the others.
    if (!offLines)
        return std::move(placed);
    const LineGrid lines(shapes, style.signRadius + style.lineWidth / 2);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        if (!lines.near(placed[i], i))
            continue;
        const bool marksToo = signs.clear(placed[i], i, true);
        const std::vector<Point> places = signPlaces(*shapes[i], style);
        const auto found = std::find_if(places.begin(), places.end(), [&](Point p) {
            return !lines.near(p, i) && signs.clear(p, i, marksToo); // the cheaper test first
        });
        if (found != places.end())
            placed[i] = *found;
    }
    return std::move(placed);
}

namespace {

// Mark m, with no place on its line clear of the boxes, the signs and the other marks: at the
// nearest place on its line short of its head and off the boxes where the one or two signs and
// the one or two marks in its way each have another place clear of everything (m there
// included), moved there; trying kRoomTries such places at most. Whether it found one; if not,
// every sign and mark stays as it was. `signs.placed` and the shapes' signs are kept alike.
bool makeRoomForMark(LinkShape& m, const MarkMover& marks, SignPlacer& signs, const LineGrid& lines,
                     const std::vector<LinkShape*>& shapes, const LinkStyle& style)
{
    constexpr int kRoomTries = 24; // each try may search two signs' places and two marks' lines
    const MarkMover::Steps along = MarkMover::stepsAlong(m);
    const LinkShape before = m;
    int tries = 0;
    for (const int k : along.order) {
        moveDelayMark(m, k * along.stride, style);
        if (!marks.clearOfHeadAndBoxes(m))
            continue;
        const std::vector<std::size_t> signsInTheWay = marks.signsOn(m);
        const std::vector<LinkShape*> marksInTheWay = marks.marksOn(m);
        if (signsInTheWay.empty() && marksInTheWay.empty())
            return true;
        if (signsInTheWay.size() > 2 || marksInTheWay.size() > 2)
            continue;
        std::vector<std::pair<std::size_t, Point>> signsWere;
        std::vector<std::pair<LinkShape*, LinkShape>> marksWere;
        bool room = true;
        for (const std::size_t j : signsInTheWay) {
            const std::optional<Point> p = signs.clearPlace(j, lines);
            if (!p) {
                room = false;
                break;
            }
            signsWere.emplace_back(j, shapes[j]->sign);
            shapes[j]->sign = signs.placed[j] = *p;
        }
        for (LinkShape* o : marksInTheWay) {
            if (!room)
                break;
            marksWere.emplace_back(o, *o);
            room = marks.move(*o);
        }
        if (room)
            return true;
        for (auto& [o, was] : marksWere)
            *o = was;
        for (const auto& [j, was] : signsWere)
            shapes[j]->sign = signs.placed[j] = was;
        if (++tries == kRoomTries)
            break;
    }
    m = before;
    return false;
}

} // namespace

void placeSignsAndMarks(const std::vector<LinkShape*>& shapes, const std::vector<BoxShape>& boxes,
                        const LinkStyle& style, bool offLines, const std::vector<bool>& delayed, SignRoom room)
{
    const std::vector<const LinkShape*> read(shapes.begin(), shapes.end());
    for (int round = 0; round < 3; ++round) {
        const std::vector<Point> signs = separateSigns(read, boxes, style, offLines, delayed, room);
        for (std::size_t i = 0; i < shapes.size(); ++i)
            shapes[i]->sign = signs[i];
        if (separateDelayMarks(shapes, delayed, boxes, style) == 0)
            return;
    }
    // Marks still in the way, as drawn (not as judged, nor at each frame of a drag: the drop
    // places them again): a mark goes where the signs and marks in its way can move, then a sign
    // still on a mark to any place clear of everything, further out beside its head if need be.
    if (room != SignRoom::FurtherOut || !offLines)
        return;
    SignPlacer signs(read, boxes, style, delayed);
    for (const LinkShape* s : shapes)
        signs.placed.push_back(s->sign);
    const MarkMover marks(shapes, delayed, boxes, style);
    const LineGrid lines(read, style.signRadius + style.lineWidth / 2);
    for (LinkShape* m : marks.marked)
        if (!marks.clear(*m))
            makeRoomForMark(*m, marks, signs, lines, shapes, style);
    for (std::size_t i = 0; i < shapes.size(); ++i)
        if (const std::optional<Point> p = signs.clearPlace(i, lines))
            shapes[i]->sign = signs.placed[i] = *p;
}

void placeSigns(const SystemMap& map, const std::map<FactorId, BoxShape>& boxes, std::map<LinkId, LinkShape>& shapes,
                const LinkStyle& style, SignRoom room)
{
    std::vector<LinkShape*> all;
    std::vector<bool> delayed;
    all.reserve(shapes.size());
    for (auto& [id, shape] : shapes) {
        all.push_back(&shape);
        const Link* link = map.findLink(id);
        delayed.push_back(link && link->delay);
    }
    std::vector<BoxShape> boxList;
    boxList.reserve(boxes.size());
    for (const auto& [id, box] : boxes)
        boxList.push_back(box);
    placeSignsAndMarks(all, boxList, style, true, delayed, room);
}

} // namespace causeway
