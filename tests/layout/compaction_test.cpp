#include "app/layoutcompaction.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace causeway;

namespace {

bool anyOverlap(const std::map<FactorId, Point>& p, const std::map<FactorId, layout::Size>& s)
{
    for (auto i = p.begin(); i != p.end(); ++i)
        for (auto j = std::next(i); j != p.end(); ++j) {
            const auto& a = s.at(i->first);
            const auto& b = s.at(j->first);
            if (std::abs(i->second.x - j->second.x) < (a.width + b.width) / 2
                && std::abs(i->second.y - j->second.y) < (a.height + b.height) / 2)
                return true;
        }
    return false;
}

} // namespace

TEST(LayoutCompaction, PullsASparseDrawingTogetherWithoutOverlaps)
{
    std::map<FactorId, Point> positions;
    std::map<FactorId, layout::Size> sizes;
    for (int i = 0; i < 16; ++i) { // a 4 x 4 grid 1000 apart: far sparser than the boxes need
        positions[FactorId(i + 1)] = {1000.0 * (i % 4), 1000.0 * (i / 4)};
        sizes[FactorId(i + 1)] = {140, 44};
    }
    compactLayout(positions, sizes);
    double minX = 1e9, maxX = -1e9;
    for (const auto& [id, p] : positions) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
    }
    EXPECT_LT(maxX - minX, 1000); // was 3000
    EXPECT_GT(maxX - minX, 3 * 140); // still room for three boxes and gaps between them
    EXPECT_FALSE(anyOverlap(positions, sizes));
    // Same arrangement: the first row stays left of the second factor's column.
    EXPECT_LT(positions[FactorId(1)].x, positions[FactorId(2)].x);
    EXPECT_LT(positions[FactorId(1)].y, positions[FactorId(5)].y);
}

TEST(LayoutCompaction, PushesOverlappingBoxesApart)
{
    std::map<FactorId, Point> positions{{FactorId(1), {0, 0}}, {FactorId(2), {10, 5}},
                                        {FactorId(3), {20, -5}}};
    std::map<FactorId, layout::Size> sizes{{FactorId(1), {120, 40}}, {FactorId(2), {120, 40}},
                                           {FactorId(3), {160, 60}}};
    compactLayout(positions, sizes);
    EXPECT_FALSE(anyOverlap(positions, sizes));
}
