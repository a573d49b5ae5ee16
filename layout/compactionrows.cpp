// Packing boxes in rows for a screen's shape (layout/compactionrows.h).
#include "layout/compactionrows.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace causeway {

using detail::Box;
using detail::kDelayedLink;

namespace {

// Lifts every box, row by row, as high as the boxes above it that share its columns allow: a
// short box no longer leaves the height of its row's tallest box empty below it. A box linked to
// one above keeps `linkedGap` from it (`delayedGap` when the link is delayed).
void raise(std::vector<Box>& boxes, const std::vector<std::vector<std::size_t>>& rows, double gap,
           const std::vector<char>& linked, double linkedGap, double delayedGap)
{
    const std::size_t n = boxes.size();
    std::vector<std::size_t> placed;
    for (const std::vector<std::size_t>& row : rows) {
        for (const std::size_t j : row) {
            double top = 0;
            for (const std::size_t i : placed) {
                const char link = linked[i * n + j];
                const double g = link == kDelayedLink ? delayedGap : link ? linkedGap : gap;
                if (std::abs(boxes[i].centre->x - boxes[j].centre->x)
                    < boxes[i].halfW + boxes[j].halfW + g)
                    top = std::max(top, boxes[i].centre->y + boxes[i].halfH + g);
            }
            boxes[j].centre->y = top + boxes[j].halfH;
        }
        placed.insert(placed.end(), row.begin(), row.end());
    }
}

} // namespace

double detail::packInRows(std::vector<Box>& boxes, const std::vector<Point>& start,
                          const std::vector<char>& linked, const CompactionOptions& o)
{
    const std::size_t n = boxes.size();
    const double linkedGap = o.roomForSigns ? std::max(o.rowGap, o.linkedGap) : o.rowGap;
    const double delayedGap = std::max(linkedGap, o.delayedGap);
    auto gapBetween = [&](std::size_t a, std::size_t b) {
        const char link = linked[a * n + b];
        return link == kDelayedLink ? delayedGap : link ? linkedGap : o.rowGap;
    };
    const double between = std::max(o.rowGap, o.rowsApart); // one row and the next
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(start[a].y, start[a].x) < std::pair(start[b].y, start[b].x);
    });
    double widest = 0, total = 0;
    for (const Box& b : boxes) {
        widest = std::max(widest, 2 * b.halfW);
        total += 2 * b.halfW + o.rowGap;
    }
    std::vector<Point> best;
    double bestScore = -1;
    for (int step = 0; step <= 60; ++step) {
        const double limit = widest * std::pow(std::max(1.0, total / widest), step / 60.0);
        std::vector<std::vector<std::size_t>> rows(1);
        double width = 0;
        for (const std::size_t i : order) {
            const double w = 2 * boxes[i].halfW;
            if (!rows.back().empty() && width + o.rowGap + w > limit) {
                rows.emplace_back();
                width = 0;
            }
            width += (rows.back().empty() ? 0 : o.rowGap) + w;
            rows.back().push_back(i);
        }
        double top = 0;
        for (std::vector<std::size_t>& row : rows) {
            std::sort(row.begin(), row.end(),
                      [&](std::size_t a, std::size_t b) { return start[a].x < start[b].x; });
            double rowWidth = 0, rowHeight = 0;
            for (std::size_t k = 0; k < row.size(); ++k) {
                rowWidth += 2 * boxes[row[k]].halfW + (k > 0 ? gapBetween(row[k - 1], row[k]) : 0);
                rowHeight = std::max(rowHeight, 2 * boxes[row[k]].halfH);
            }
            double x = -rowWidth / 2;
            for (std::size_t k = 0; k < row.size(); ++k) {
                const std::size_t i = row[k];
                *boxes[i].centre = {x + boxes[i].halfW, top + rowHeight / 2};
                x += 2 * boxes[i].halfW + (k + 1 < row.size() ? gapBetween(i, row[k + 1]) : 0);
            }
            top += rowHeight + between;
        }
        raise(boxes, rows, between, linked, std::max(linkedGap, between),
              std::max(delayedGap, between));
        const double score = fitScale(boxes, o);
        if (score > bestScore) {
            bestScore = score;
            best.clear();
            for (const Box& b : boxes)
                best.push_back(*b.centre);
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        *boxes[i].centre = best[i];
    return bestScore;
}

} // namespace causeway
