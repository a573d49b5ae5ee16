// The router's grid index of boxes changes how fast a route is found, never which route.
#include "layout/linkrouter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace causeway;

namespace {

// n boxes of label-like sizes scattered over a square of side `spread`, apart as a layout
// leaves them.
std::vector<BoxShape> scatteredBoxes(std::mt19937& rng, int n, double spread)
{
    std::uniform_real_distribution<double> at(0, spread), w(40, 180), h(24, 70);
    std::vector<BoxShape> boxes;
    while (int(boxes.size()) < n) {
        const BoxShape b{{at(rng), at(rng)}, w(rng), h(rng)};
        if (std::none_of(boxes.begin(), boxes.end(), [&](const BoxShape& o) {
                return std::abs(o.centre.x - b.centre.x) < (o.width + b.width) / 2 + 8
                    && std::abs(o.centre.y - b.centre.y) < (o.height + b.height) / 2 + 8;
            }))
            boxes.push_back(b);
    }
    return boxes;
}

bool segmentEntersBox(Point a, Point b, const BoxShape& box)
{
    for (int i = 1; i < 200; ++i) {
        const Point p{a.x + (b.x - a.x) * i / 200.0, a.y + (b.y - a.y) * i / 200.0};
        if (std::abs(p.x - box.centre.x) < box.width / 2 && std::abs(p.y - box.centre.y) < box.height / 2)
            return true;
    }
    return false;
}

} // namespace

TEST(RouteIndex, IndexedSearchFindsTheSamePolylinesAsTestingEveryBox)
{
    std::mt19937 rng(14);
    int routed = 0, detours = 0;
    for (int map = 0; map < 12; ++map) {
        const int n = 20 + 10 * map;
        const std::vector<BoxShape> boxes = scatteredBoxes(rng, n, 85.0 * std::sqrt(double(n)));
        std::uniform_int_distribution<int> pick(0, n - 1);
        for (int k = 0; k < 25; ++k) {
            const int a = pick(rng), b = pick(rng);
            if (a == b)
                continue;
            std::vector<BoxShape> obstacles;
            for (int i = 0; i < n; ++i)
                if (i != a && i != b)
                    obstacles.push_back(boxes[std::size_t(i)]);
            const BoxShape& from = boxes[std::size_t(a)];
            const BoxShape& to = boxes[std::size_t(b)];
            const std::vector<Point> fast = routePolyline(from, to, obstacles);
            EXPECT_EQ(fast, detail::routePolylineTestingEveryBox(from, to, obstacles))
                << "map " << map << ", link " << a << " -> " << b;
            ++routed;
            detours += fast.size() > 2 ? 1 : 0;
            // And the route found keeps out of every box it goes around.
            for (std::size_t i = 1; i < fast.size(); ++i)
                for (const BoxShape& o : obstacles)
                    EXPECT_FALSE(segmentEntersBox(fast[i - 1], fast[i], o))
                        << "map " << map << ", link " << a << " -> " << b << " segment " << i << " ("
                        << fast[i - 1].x << "," << fast[i - 1].y << ")-(" << fast[i].x << "," << fast[i].y
                        << ") from (" << from.centre.x << "," << from.centre.y << ") " << from.width << "x" << from.height << " to (" << to.centre.x << "," << to.centre.y << ") " << to.width << "x" << to.height << " n=" << fast.size() << " box (" << o.centre.x << "," << o.centre.y << ") " << o.width << "x" << o.height;
        }
    }
    // The comparison means something only if many of the routes went around boxes.
    EXPECT_GT(routed, 250);
    EXPECT_GT(detours, routed / 3);
}

TEST(RouteIndex, RoutesBetweenFarApartClustersMatchTheUnindexedSearch)
{
    // Boxes far outside the window around the straight line, and a gap the route must find.
    // Two columns: enough blockers (60) that the search uses its grid (linkrouter.cpp kGridFrom).
    std::vector<BoxShape> obstacles;
    for (int i = 0; i < 30; ++i) {
        obstacles.push_back({{500, -600.0 + 40 * i}, 60, 36});
        obstacles.push_back({{620, -600.0 + 40 * i}, 60, 36});
    }
    obstacles.push_back({{5000, 5000}, 100, 40});
    const BoxShape from{{0, 0}, 100, 40}, to{{1000, 20}, 100, 40};
    const std::vector<Point> fast = routePolyline(from, to, obstacles);
    ASSERT_GT(fast.size(), 2u);
    EXPECT_EQ(fast, detail::routePolylineTestingEveryBox(from, to, obstacles));
}
