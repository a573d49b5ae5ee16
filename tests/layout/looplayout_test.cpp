#include "layout/looplayout.h"
#include "maps.h"
#include "model/looplabels.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace causeway;
using causeway::testing::addFactor;
using causeway::testing::addLink;

namespace {

// Twice the signed area of the polygon through the factors in order. With y pointing down,
// positive means the loop reads round clockwise on the screen.
double signedArea(const std::vector<FactorId>& loop, const layout::LayoutResult& r)
{
    double sum = 0;
    for (std::size_t i = 0; i < loop.size(); ++i) {
        const Point a = r.positions.at(loop[i]), b = r.positions.at(loop[(i + 1) % loop.size()]);
        sum += a.x * b.y - b.x * a.y;
    }
    return sum;
}

std::vector<FactorId> addLoop(SystemMap& map, const std::vector<std::string>& labels, const std::string& name)
{
    std::vector<FactorId> ids;
    for (const std::string& l : labels)
        ids.push_back(addFactor(map, l));
    std::vector<LinkId> links;
    for (std::size_t i = 0; i < ids.size(); ++i)
        links.push_back(addLink(map, ids[i], ids[(i + 1) % ids.size()]));
    addLoopLabel(map, {name, links});
    return ids;
}

} // namespace

TEST(LoopFirstLayout, NamedLoopsAreRingsReadingInTheChosenDirection)
{
    SystemMap map;
    const auto r1 = addLoop(map, {"Trust", "Visits", "Skill", "Reach", "Knowledge"}, "R1");
    const auto b1 = addLoop(map, {"Workload", "Well-being", "Turnover"}, "B1");
    addLink(map, r1[2], b1[0]);
    layout::LayoutOptions options;
    options.sizes = causeway::testing::boxSizes(map);
    const layout::LayoutResult cw = layout::loopFirstLayout(map, options);
    EXPECT_GT(signedArea(r1, cw), 0);
    EXPECT_GT(signedArea(b1, cw), 0);
    EXPECT_EQ(causeway::testing::overlappingPairs(options, cw), 0u);
    const layout::LayoutResult acw =
        layout::loopFirstLayout(map, options, layout::LoopDirection::Anticlockwise);
    EXPECT_LT(signedArea(r1, acw), 0);
    EXPECT_LT(signedArea(b1, acw), 0);
    EXPECT_EQ(causeway::testing::overlappingPairs(options, acw), 0u);
}

TEST(LoopFirstLayout, WithoutNamedLoopsEveryFactorIsPlacedWithNoOverlap)
{
    for (const std::size_t factors : {8u, 40u, 100u}) {
        const SystemMap map = causeway::testing::randomMap(factors, factors * 2, 7);
        layout::LayoutOptions options;
        options.sizes = causeway::testing::boxSizes(map);
        const layout::LayoutResult r = layout::loopFirstLayout(map, options);
        ASSERT_EQ(r.positions.size(), factors);
        for (const auto& [id, p] : r.positions)
            EXPECT_TRUE(std::isfinite(p.x) && std::isfinite(p.y));
        EXPECT_EQ(causeway::testing::overlappingPairs(options, r), 0u) << factors << " factors";
        EXPECT_EQ(r.links.size(), map.linkCount());
    }
}

TEST(LoopFirstLayout, FactorsOfAGroupOnNoLoopSitTogether)
{
    SystemMap map;
    addLoop(map, {"Trust", "Visits", "Skill"}, "R1");
    std::map<std::string, std::vector<FactorId>> groups;
    for (int i = 0; i < 12; ++i) {
        Factor f;
        f.label = "Factor " + std::to_string(i);
        f.group = i % 2 ? "Program" : "System"; // interleaved in id order
        groups[f.group].push_back(map.addFactor(f));
    }
    layout::LayoutOptions options;
    options.sizes = causeway::testing::boxSizes(map);
    const layout::LayoutResult r = layout::loopFirstLayout(map, options);
    auto meanDistance = [&](const std::vector<FactorId>& a, const std::vector<FactorId>& b) {
        double sum = 0;
        int count = 0;
        for (FactorId x : a)
            for (FactorId y : b)
                if (x != y) {
                    sum += std::hypot(r.positions.at(x).x - r.positions.at(y).x,
                                      r.positions.at(x).y - r.positions.at(y).y);
                    ++count;
                }
        return sum / count;
    };
    EXPECT_LT(meanDistance(groups["Program"], groups["Program"]),
              meanDistance(groups["Program"], groups["System"]));
    EXPECT_LT(meanDistance(groups["System"], groups["System"]),
              meanDistance(groups["Program"], groups["System"]));
}
