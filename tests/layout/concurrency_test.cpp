// computeLayout may be called from several threads (the app lays out off the UI thread), and
// judges its random starts and swaps on several threads itself.

#include "io/mapfile.h"
#include "layout/looplayout.h"
#include "layout/crew.h"
#include "maps.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

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

// The starts and swaps are judged on several threads; the drawing kept is the one a single
// thread judging them in turn keeps: the sample (22 factors: 12 starts, then swaps), a small map
// judged with its links untangled, a 40-factor map (4 starts), at 4:3 and unpacked.
TEST(Layout, TheDrawingIsTheSameWhateverTheNumberOfThreadsJudgingIt)
{
    std::vector<std::pair<std::string, SystemMap>> maps;
    maps.emplace_back("sample", loadMapFile(CAUSEWAY_SAMPLES_DIR "/peer-nsp.causeway"));
    maps.emplace_back("random 12/18", testing::randomMap(12, 18, 5));
    maps.emplace_back("random 40/70", testing::randomMap(40, 70, 9));
    for (const auto& [name, map] : maps) {
        for (const double aspect : {4.0 / 3.0, 0.0}) {
            SCOPED_TRACE(name + (aspect > 0 ? " at 4:3" : " unpacked"));
            layout::LayoutOptions options;
            options.compact = true;
            options.aspect = aspect;
            options.sizes = testing::boxSizes(map);
            options.threads = 1;
            const layout::LayoutResult one = layout::computeLayout(map, options);
            for (const unsigned threads : {2U, 3U}) {
                options.threads = threads;
                expectSamePositions(layout::computeLayout(map, options), one);
            }
        }
    }
}

// The loop-first layout's polishing judges ring turns and trades on every thread; the first that
// helps in order is kept, so the drawing is the one a single thread makes.
TEST(LoopFirstLayout, TheDrawingIsTheSameWhateverTheNumberOfThreadsPolishingIt)
{
    std::vector<std::pair<std::string, SystemMap>> maps;
    maps.emplace_back("sample", loadMapFile(CAUSEWAY_SAMPLES_DIR "/peer-nsp.causeway"));
    maps.emplace_back("random 14/24", testing::randomMap(14, 24, 7));
    for (const auto& [name, map] : maps)
        for (const auto direction : {layout::LoopDirection::Clockwise, layout::LoopDirection::Anticlockwise}) {
            SCOPED_TRACE(name);
            layout::LayoutOptions options;
            options.aspect = 4.0 / 3.0;
            options.sizes = testing::boxSizes(map);
            options.threads = 1;
            const layout::LayoutResult one = layout::loopFirstLayout(map, options, direction);
            for (const unsigned threads : {2U, 4U}) {
                options.threads = threads;
                const layout::LayoutResult many = layout::loopFirstLayout(map, options, direction);
                expectSamePositions(many, one);
                EXPECT_EQ(many.bends, one.bends);
            }
        }
}

// Past 100 links the polishing passes (looppolish.h) judge moves on every thread too, screened.
TEST(LoopFirstLayout, ADenseMapsPolishingIsTheSameOnAnyNumberOfThreads)
{
    const SystemMap map = testing::randomMap(36, 104, 5);
    layout::LayoutOptions options;
    options.aspect = 4.0 / 3.0;
    options.sizes = testing::boxSizes(map);
    options.threads = 1;
    const layout::LayoutResult one = layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise);
    options.threads = 2;
    const layout::LayoutResult two = layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise);
    expectSamePositions(two, one);
    EXPECT_EQ(two.bends, one.bends);
}

// A layout asked to stop (the editor's Stop, or the map edited while it ran) throws LayoutStopped
// at its next candidate drawing, whether asked before it starts or while it runs, and the thread
// then lays out as before: the stop belonged to that layout alone.
TEST(Layout, ALayoutAskedToStopThrowsAndTheNextRunsToTheEnd)
{
    const SystemMap map = testing::randomMap(50, 150, 50);
    layout::LayoutOptions options;
    options.aspect = 4.0 / 3.0;
    options.sizes = testing::boxSizes(map);
    auto stop = std::make_shared<std::atomic<bool>>(true);
    options.stop = stop;
    EXPECT_THROW(layout::computeLayout(map, options), layout::LayoutStopped);
    EXPECT_THROW(layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise),
                 layout::LayoutStopped);

    // Asked while it runs: this map's loop-first layout judges hundreds of drawings.
    stop->store(false);
    std::thread asker([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        stop->store(true);
    });
    EXPECT_THROW(layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise),
                 layout::LayoutStopped);
    asker.join();

    // Not asked (or no stop given): the drawing is the one made without a stop to ask.
    const SystemMap small = testing::randomMap(14, 24, 7);
    layout::LayoutOptions plain;
    plain.aspect = 4.0 / 3.0;
    plain.sizes = testing::boxSizes(small);
    const layout::LayoutResult expected = layout::loopFirstLayout(small, plain,
                                                                  layout::LoopDirection::Clockwise);
    plain.stop = std::make_shared<std::atomic<bool>>(false);
    const layout::LayoutResult given = layout::loopFirstLayout(small, plain,
                                                               layout::LoopDirection::Clockwise);
    expectSamePositions(given, expected);
    EXPECT_EQ(given.bends, expected.bends);
    EXPECT_EQ(layout::detail::askedToStop, nullptr);
    options.stop = nullptr;
    EXPECT_NO_THROW(layout::computeLayout(map, options));
}

} // namespace
} // namespace causeway

namespace causeway::layout {

// Crew::firstThat finds what one thread trying the jobs in turn finds, on any number of threads:
// the first job that says yes (every one before it run), or the first failure before it.
TEST(Crew, FirstThatFindsTheFirstInOrderOnAnyNumberOfThreads)
{
    for (const unsigned threads : {1u, 2u, 4u}) {
        detail::Crew crew(threads);
        std::vector<std::atomic<int>> ran(40);
        const std::size_t found = crew.firstThat(40, [&](std::size_t k) {
            ++ran[k];
            std::this_thread::sleep_for(std::chrono::microseconds(k % 5 == 0 ? 300 : 10));
            return k == 7 || k == 3 || k == 30;
        });
        EXPECT_EQ(found, 3u) << threads << " threads";
        for (std::size_t k = 0; k <= 3; ++k)
            EXPECT_EQ(ran[k].load(), 1) << "job " << k << " on " << threads << " threads";
        EXPECT_EQ(crew.firstThat(0, [](std::size_t) { return true; }), 0u);
        EXPECT_EQ(crew.firstThat(5, [](std::size_t) { return false; }), 5u);
        // A failure before the answer is met; one after it is not.
        EXPECT_THROW(crew.firstThat(10, [](std::size_t k) {
            if (k == 2)
                throw std::runtime_error("judging failed");
            return k == 6;
        }),
                     std::runtime_error);
        EXPECT_EQ(crew.firstThat(10,
                                 [](std::size_t k) {
                                     if (k == 8)
                                         throw std::runtime_error("judging failed");
                                     return k == 1;
                                 }),
                  1u);
    }
}

} // namespace causeway::layout
