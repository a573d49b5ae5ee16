#include "layout/compaction.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace causeway {

namespace {

struct Box {
    Point* centre;
    double halfW;
    double halfH;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

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

} // namespace

void compactLayout(std::map<FactorId, Point>& positions,
                   const std::map<FactorId, layout::Size>& sizes, const CompactionOptions& o)
{
    if (positions.size() < 2)
        return;
    std::vector<Box> boxes;
    std::vector<double> widths;
    for (auto& [id, p] : positions) {
        const auto it = sizes.find(id);
        const layout::Size s = it != sizes.end() ? it->second : layout::Size{120, 40};
        boxes.push_back({&p, s.width / 2, s.height / 2});
        widths.push_back(s.width);
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
