#include "layout/cubicpath.h"
#include "layout/layout.h"
#include "layout/quality.h"

#include "io/import.h"
#include "io/mapfile.h"

#include <gtest/gtest.h>

using namespace causeway;
using layout::QualityDrawing;

namespace {

// A straight link as a one-piece cubic.
QualityDrawing::Line straight(Point a, Point b, std::size_t from, std::size_t to)
{
    return {CubicPath::line(a, b).points(), from, to};
}

// Four boxes on the corners of a square, 400 apart.
QualityDrawing square()
{
    QualityDrawing d;
    d.boxes = {{{0, 0}, 100, 40}, {{400, 0}, 100, 40}, {{0, 400}, 100, 40}, {{400, 400}, 100, 40}};
    return d;
}

} // namespace

TEST(LayoutQuality, TwoDiagonalsCrossOnce)
{
    QualityDrawing d = square();
    d.links = {straight({50, 20}, {350, 380}, 0, 3), straight({350, 20}, {50, 380}, 1, 2)};
    const auto q = layout::measureDrawing(d);
    EXPECT_EQ(q.crossings, 1u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
}

TEST(LayoutQuality, LinksMeetingAtTheEdgeOfTheirSharedFactorDoNotCross)
{
    QualityDrawing d = square();
    d.boxes.push_back({{-300, 400}, 100, 40});
    // Both leave box 0 and meet just outside its bottom edge.
    d.links = {straight({40, 10}, {350, 380}, 0, 3), straight({60, 10}, {-300, 380}, 0, 4)};
    EXPECT_EQ(layout::measureDrawing(d).crossings, 0u);
    // The same lines between four different factors do cross.
    d.links[1].from = 2;
    EXPECT_EQ(layout::measureDrawing(d).crossings, 1u);
}

TEST(LayoutQuality, ACurveCrossingAStraightLineTwiceCountsTwice)
{
    QualityDrawing d = square();
    // From box 0 to box 1, bulging down through the line from box 2 to box 3 and back.
    d.links = {{{{50, 0}, {150, 900}, {250, 900}, {350, 0}}, 0, 1}, straight({50, 400}, {350, 400}, 2, 3)};
    EXPECT_EQ(layout::measureDrawing(d).crossings, 2u);
}

TEST(LayoutQuality, LinkThroughAThirdBoxIsCounted)
{
    QualityDrawing d = square();
    d.boxes.push_back({{200, 0}, 100, 40}); // between boxes 0 and 1
    d.links = {straight({50, 0}, {350, 0}, 0, 1), straight({0, 20}, {0, 380}, 0, 2)};
    const auto q = layout::measureDrawing(d);
    EXPECT_EQ(q.linksThroughBoxes, 1u);
}

TEST(LayoutQuality, OverlappingFactorsAndSignsAreCounted)
{
    QualityDrawing d = square();
    d.boxes.push_back({{60, 10}, 100, 40}); // overlaps box 0
    d.signs = {{200, 200}, {210, 200}, {300, 200}, {400, 30}}; // two overlap; one touches box 1
    const auto q = layout::measureDrawing(d);
    EXPECT_EQ(q.overlappingFactors, 1u);
    EXPECT_EQ(q.overlappingSigns, 1u);
    EXPECT_EQ(q.signsOnFactors, 1u);
}

// A delay mark is two strokes 3.5 wide; a box's outline is 2.5 wide on its edge, a sign's on its
// circle: a mark touching either, or another mark, is counted, one a point clear of them is not.
TEST(LayoutQuality, DelayMarksOnBoxesUnderSignsAndOnEachOtherAreCounted)
{
    using Mark = QualityDrawing::DelayMark;
    // A vertical mark (strokes 7 apart, 22 long) centred at (x, y).
    auto mark = [](double x, double y) {
        return Mark{{x - 3.5, y - 11}, {x - 3.5, y + 11}, {x + 3.5, y - 11}, {x + 3.5, y + 11}};
    };
    QualityDrawing d = square();
    // Box 0 spans x -50..50: a stroke at 50 + 1.75 + 1.25 touches its outline, a point further not.
    d.delayMarks = {mark(50 + 3.5 + 2.9, 0), mark(50 + 3.5 + 4, 0)};
    EXPECT_EQ(layout::measureDrawing(d).delayMarksOnFactors, 1u);

    // A sign of radius 13 (outline 2.5) at 13 + 1.25 + 1.75 from a stroke's centre line touches it.
    d.delayMarks = {mark(200, 200)};
    d.signs = {{200 + 3.5 + 16 - 0.1, 200}, {200, 200 + 11 + 17}};
    EXPECT_EQ(layout::measureDrawing(d).signsOnDelayMarks, 1u);

    // Two marks whose strokes come within a line's width of each other.
    d.signs.clear();
    d.delayMarks = {mark(200, 200), mark(200 + 7 + 3, 200), mark(300, 200)};
    const auto q = layout::measureDrawing(d);
    EXPECT_EQ(q.overlappingDelayMarks, 1u);
    EXPECT_EQ(q.delayMarksOnFactors + q.signsOnDelayMarks, 0u);
}

TEST(LayoutQuality, ASignOverAnotherLinksLineIsCountedNotOneOverItsOwn)
{
    QualityDrawing d = square();
    // Link 0 along the top, link 1 down from just under it: sign 0 on its own line only; sign 1
    // on its own line where link 0's passes too.
    d.links = {straight({50, 10}, {350, 10}, 0, 1), straight({60, 20}, {60, 380}, 0, 2)};
    d.signs = {{200, 10}, {60, 22}}; // sign 1 is 12 from link 0's line, under its radius (13)
    EXPECT_EQ(layout::measureDrawing(d).signsOnLines, 1u);
    d.signs = {{200, 10}, {60, 200}};
    EXPECT_EQ(layout::measureDrawing(d).signsOnLines, 0u);
}

TEST(LayoutQuality, LabelHeightIsTheFontSizeScaledToFitTheScreen)
{
    QualityDrawing d;
    d.boxes = {{{0, 0}, 100, 50}, {{900, 0}, 100, 50}}; // 1000 wide, 50 tall
    d.labelSize = 17;
    EXPECT_NEAR(layout::measureDrawing(d, {1000, 500}).labelPixels, 17.0, 1e-9);
    EXPECT_NEAR(layout::measureDrawing(d, {500, 500}).labelPixels, 8.5, 1e-9);
}

TEST(LayoutQuality, SampleMapByTheDefaultLayoutHasNoLinkThroughABoxAndFewCrossings)
{
    SystemMap map = loadMapFile(CAUSEWAY_SAMPLES_DIR "/peer-nsp.causeway");
    layout::LayoutOptions options; // the editor's default: neato, compacted
    options.compact = true;
    const layout::LayoutResult result = layout::computeLayout(map, options);
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    const auto q = layout::measureMap(map);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingFactors, 0u);
    // Graphviz's own spline drawings of this map have 13 to 18 crossings.
    EXPECT_LE(q.crossings, 9u);
}

// A screen far from 4:3 (the editor's canvas beside its panels) is also laid out for 4:3, and the
// drawing that reads better on the screen is kept: on a 1280x720 window's canvas (990x660) the
// sample map crossed 17 times at 18.0 px where its 4:3 drawing, fitted there, crosses 9 times at
// 17.3 px; on 735x708 (1024x768 with the panel) 13 at 15.9 px against 8 at 14.3 px.
TEST(LayoutQuality, OnAScreenFarFromFourThirdsTheDefaultLayoutReadsAtLeastAsWellAsAtFourThirds)
{
    for (const layout::ScreenSize screen : {layout::ScreenSize{990, 660}, layout::ScreenSize{735, 708}}) {
        auto drawnFor = [](double aspect) {
            SystemMap map = loadMapFile(CAUSEWAY_SAMPLES_DIR "/peer-nsp.causeway");
            layout::LayoutOptions options;
            options.compact = true;
            options.aspect = aspect;
            applyLayout(map, layout::computeLayout(map, options));
            return map;
        };
        const layout::DrawingQuality there = layout::measureMap(drawnFor(screen.width / screen.height), screen);
        const layout::DrawingQuality at43 = layout::measureMap(drawnFor(4.0 / 3.0), screen);
        EXPECT_LE(there.crossings, at43.crossings) << screen.width << "x" << screen.height;
        EXPECT_GE(there.labelPixels, at43.labelPixels - 0.05) << screen.width << "x" << screen.height;
        EXPECT_EQ(there.linksThroughBoxes, 0u);
        EXPECT_EQ(there.overlappingFactors, 0u);
    }
}

namespace {

// A model as the default layout draws it for a 4:3 screen (the CLI's and the editor's default).
layout::DrawingQuality defaultLayoutAt43(const std::string& model)
{
    SystemMap map = importFile(CAUSEWAY_MODELS_DIR "/" + model).map;
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    const layout::LayoutResult result = layout::computeLayout(map, options);
    for (const auto& [id, position] : result.positions)
        map.moveFactor(id, position);
    return layout::measureMap(map);
}

} // namespace

// Each start is also packed for fewer crossings with labels of about 20 px or more, and that
// drawing is kept when it reads better: SIR.mdl had 2 crossings at 31 px (Graphviz's own spline
// drawing has none), bassDiffusion 1 at 32.7 px (Graphviz: 1). Where it gains nothing, the
// larger labels stay: hares_and_foxes had no crossing at 32.2 px and keeps them.
TEST(LayoutQuality, ASmallModelTradesLabelSizeForFewerCrossingsOnlyWhereThatPays)
{
    const layout::DrawingQuality sir = defaultLayoutAt43("simlin/SIR.mdl");
    EXPECT_EQ(sir.crossings, 0u);
    EXPECT_EQ(sir.linksThroughBoxes, 0u);
    EXPECT_GE(sir.labelPixels, 20.0);
    const layout::DrawingQuality bass = defaultLayoutAt43("sd-ai/bassDiffusion.stmx");
    EXPECT_EQ(bass.crossings, 0u);
    EXPECT_GE(bass.labelPixels, 20.0);
    const layout::DrawingQuality hares = defaultLayoutAt43("simlin/hares_and_foxes_modules.xmile");
    EXPECT_EQ(hares.crossings, 0u);
    EXPECT_GE(hares.labelPixels, 30.0);
}

// A small model whose links can be drawn with none crossing also starts from drawings so
// (layout/planarstart.h): the Vensim CLD energy_tech (15 factors, 20 links) had 2 crossings at
// 25.2 px from its random starts; Graphviz's dot draws it with none, neato with 1.
TEST(LayoutQuality, ASmallModelThatCanBeDrawnUncrossedIs)
{
    const layout::DrawingQuality energy = defaultLayoutAt43("simlin/energy_tech_cld_v160.mdl");
    EXPECT_EQ(energy.crossings, 0u);
    EXPECT_EQ(energy.linksThroughBoxes, 0u);
    EXPECT_EQ(energy.overlappingFactors, 0u);
    EXPECT_EQ(energy.overlappingSigns + energy.signsOnFactors, 0u);
    EXPECT_GE(energy.labelPixels, 20.0);
}
