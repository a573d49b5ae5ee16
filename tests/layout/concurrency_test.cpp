// computeLayout may be called from several threads (the app lays out off the UI thread).

#include "maps.h"

#include <gtest/gtest.h>

#include <exception>
#include <thread>

namespace causeway {
namespace {

void expectSamePositions(const layout::LayoutResult& actual, const layout::LayoutResult& expected)
{
    ASSERT_EQ(actual.positions.size(), expected.positions.size());
    for (const auto& [id, p] : expected.positions) {
        EXPECT_NEAR(actual.positions.at(id).x, p.x, 1e-6);
        EXPECT_NEAR(actual.positions.at(id).y, p.y, 1e-6);
    }
}

TEST(Layout, TwoThreadsLayingOutDifferentMapsGetValidDrawings)
{
    const SystemMap first = testing::randomMap(60, 120, 31);
    const SystemMap second = testing::randomMap(40, 70, 32);
    layout::LayoutOptions neato;
    neato.sizes = testing::boxSizes(first);
    // fdp's drawing varies from call to call (Graphviz state), so the second thread's result
    // is checked for validity; neato's is reproducible and compared exactly.
    layout::LayoutOptions fdp;
    fdp.engine = layout::Engine::Fdp;
    fdp.sizes = testing::boxSizes(second);
    const auto expectedFirst = layout::computeLayout(first, neato);

    for (int round = 0; round < 3; ++round) {
        layout::LayoutResult a, b;
        std::exception_ptr errorA, errorB;
        std::thread ta([&] {
            try {
                a = layout::computeLayout(first, neato);
            } catch (...) {
                errorA = std::current_exception();
            }
        });
        std::thread tb([&] {
            try {
                b = layout::computeLayout(second, fdp);
            } catch (...) {
                errorB = std::current_exception();
            }
        });
        ta.join();
        tb.join();
        ASSERT_FALSE(errorA);
        ASSERT_FALSE(errorB);
        expectSamePositions(a, expectedFirst);
        EXPECT_EQ(b.positions.size(), second.factorCount());
        EXPECT_EQ(b.links.size(), second.linkCount());
        EXPECT_EQ(testing::overlappingPairs(fdp, b), 0u);
    }
}

} // namespace
} // namespace causeway
