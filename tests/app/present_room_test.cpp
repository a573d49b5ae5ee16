// Presentation arranges the map for the room's larger boxes and the screen's shape, for display
// only: no two boxes overlap, no link runs through a box, and the document never changes.
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "app/present/presentationview.h"
#include "app/canvas/looplabelitem.h"
#include "model/looplabels.h"
#include "app/present/roomarrangement.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "layout/looplayout.h"
#include "layout/quality.h"
#include "tests/layout/maps.h"

#include <QApplication>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include <gtest/gtest.h>

using namespace causeway;

namespace {

// The roomProjector: the presentation at exactly 1024x768.
std::unique_ptr<PresentationView> roomProjector(Document* doc)
{
    auto view = std::make_unique<PresentationView>(doc);
    view->resize(1024, 768);
    view->show();
    QApplication::processEvents();
    return view;
}

// The presentation's own drawing, measured as the layout tests measure one (layout/quality.h).
layout::DrawingQuality measurePresented(const PresentationView& view) { return view.canvas()->measured(); }

std::map<FactorId, Point> positionsOf(const SystemMap& map)
{
    std::map<FactorId, Point> positions;
    for (FactorId id : map.factorIds())
        positions[id] = map.factor(id).position;
    return positions;
}

// A ~100-factor map laid out as the editor's Layout does by default (neato, packed for a 4:3
// screen, the editor's box sizes), saved: the room's boxes are larger than it was packed for.
void openHundredFactorMap(Document& doc)
{
    SystemMap map = causeway::testing::randomMap(100, 140, 7);
    doc.replaceMap(map);
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    options.sizes = CanvasScene(&doc).boxSizes();
    const layout::LayoutResult laid = layout::computeLayout(map, options);
    for (const auto& [id, position] : laid.positions)
        map.moveFactor(id, position);
    doc.replaceMap(map);
    doc.markSaved();
}

} // namespace

TEST(PresentRoom, SampleMapRoomBoxesNeverOverlapAndNoLinkRunsThroughABox)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    const auto view = roomProjector(&doc);
    const layout::DrawingQuality q = measurePresented(*view);
    std::cout << "sample map presented: " << q.crossings << " crossings, " << q.signsOnFactors
              << " signs on boxes, labels " << view->labelPixelSize() << " px\n";
    EXPECT_EQ(q.overlappingFactors, 0u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    // The room's signs are larger than the editor's: they are kept apart at their own size.
    EXPECT_EQ(q.overlappingSigns, 0u);
    EXPECT_EQ(q.signsOnFactors, 0u);
}

TEST(PresentRoom, AHundredFactorMapPackedForTheEditorShowsWithoutOverlapsInTheRoom)
{
    Document doc;
    ASSERT_NO_FATAL_FAILURE(openHundredFactorMap(doc));
    ASSERT_EQ(doc.map().factorCount(), 100u);
    const auto view = roomProjector(&doc);
    const layout::DrawingQuality q = measurePresented(*view);
    std::cout << "100-factor map presented: " << q.crossings << " crossings, labels "
              << view->labelPixelSize() << " px\n";
    EXPECT_EQ(q.overlappingFactors, 0u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    const QRectF onScreen = view->mapFromScene(view->canvas()->mapBounds()).boundingRect();
    EXPECT_TRUE(QRectF(view->viewport()->rect()).contains(onScreen)); // the whole map
}

TEST(PresentRoom, PresentingMovesNoFactorOfTheDocumentAndMarksNothingModified)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    const std::string saved = writeMapJson(doc.map());
    const std::map<FactorId, Point> drawn = positionsOf(doc.map());
    CanvasScene editor(&doc);
    const auto view = roomProjector(&doc);
    // The room sees its own arrangement ...
    int moved = 0;
    for (const auto& [id, at] : drawn) {
        const QPointF shown = view->canvas()->factorItem(id)->pos();
        moved += shown != QPointF(at.x, at.y);
        EXPECT_EQ(editor.factorItem(id)->pos(), QPointF(at.x, at.y)); // ... the editor its own
    }
    EXPECT_GT(moved, 0);
    view->setLabelScale(1.3);
    view->setLabelScale(1.0);
    EXPECT_EQ(positionsOf(doc.map()), drawn);
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(writeMapJson(doc.map()), saved);
}

TEST(PresentRoom, AFactorMovedInTheEditorMovesInTheRoomsArrangement)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    const auto view = roomProjector(&doc);
    const FactorId hiv = *doc.map().findFactorByLabel("HIV and HCV transmission");
    const QPointF before = view->canvas()->factorItem(hiv)->pos();
    // From the left of the map to below its bottom right corner.
    double right = -1e9, bottom = -1e9;
    for (FactorId id : doc.map().factorIds()) {
        right = std::max(right, doc.map().factor(id).position.x);
        bottom = std::max(bottom, doc.map().factor(id).position.y);
    }
    ASSERT_TRUE(doc.moveFactors({{hiv, {right + 300, bottom + 300}}}));
    QApplication::processEvents(); // the arrangement follows once the event loop has run
    const QPointF after = view->canvas()->factorItem(hiv)->pos();
    EXPECT_GT(after.x(), before.x());
    EXPECT_GT(after.y(), before.y());
    EXPECT_EQ(measurePresented(*view).overlappingFactors, 0u);
}

TEST(PresentRoom, TheMapShowsBeforeItsLoopsAreListedOffTheGuiThread)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    ASSERT_TRUE(doc.map().loopLabels().empty());
    PresentationView view(&doc);
    // The constructor returned without listing: the deck is the map alone until they arrive.
    EXPECT_FALSE(view.loopsListed());
    EXPECT_TRUE(view.deck().loops().empty());
    EXPECT_EQ(view.deck().size(), 1);
    view.waitForLoops();
    EXPECT_TRUE(view.loopsListed());
    EXPECT_EQ(view.deck().loops().size(),
              std::min<std::size_t>(PresentationView::kMaxLoops, countLoops(doc.map(), {}).counts.total));
    // An edit lists them again, and until then keeps the loops it did not break.
    const std::size_t before = view.deck().loops().size();
    ASSERT_TRUE(doc.addFactor(QStringLiteral("Naloxone on hand"), {0, 0}).valid());
    QApplication::processEvents();
    EXPECT_EQ(view.deck().loops().size(), before);
    view.waitForLoops();
    EXPECT_EQ(view.deck().loops().size(), before);
}

namespace {

// A ring of `n` factors drawn as the editor's loop-first layout draws it (the editor's boxes, 4:3).
SystemMap loopFirstRing(int n, std::vector<FactorId>& ring)
{
    SystemMap map;
    for (int i = 0; i < n; ++i)
        ring.push_back(map.addFactor({.label = "Factor " + std::to_string(i + 1)}));
    for (int i = 0; i < n; ++i)
        map.addLink({.from = ring[std::size_t(i)], .to = ring[std::size_t((i + 1) % n)]});
    Document sizing;
    sizing.replaceMap(map);
    layout::LayoutOptions options;
    options.aspect = 4.0 / 3.0;
    options.sizes = CanvasScene(&sizing).boxSizes();
    for (const auto& [id, at] : layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise).positions)
        map.moveFactor(id, at);
    return map;
}

// Each loop name shown is on screen, over no factor and no other name, and near its loop.
void expectNamesClear(const PresentationView& view, const Document& doc)
{
    const QRectF screen(view.viewport()->rect());
    std::vector<QRectF> placed;
    for (const PresentationView::LoopName& name : view.loopNames()) {
        const QRectF r = view.loopNameRect(name);
        EXPECT_TRUE(screen.contains(r)) << name.name.toStdString() << " is cut off";
        for (const FactorId id : doc.map().factorIds()) {
            const QRectF box = view.mapFromScene(view.canvas()->factorItem(id)->sceneBoundingRect()).boundingRect();
            EXPECT_FALSE(r.intersects(box)) << name.name.toStdString() << " hides factor " << id.value;
        }
        for (const QRectF& other : placed)
            EXPECT_FALSE(r.intersects(other)) << name.name.toStdString() << " lies over another name";
        placed.push_back(r);
        const auto label = std::find_if(doc.map().loopLabels().begin(), doc.map().loopLabels().end(),
                                        [&](const LoopLabel& l) { return l.name == name.name.toStdString(); });
        ASSERT_NE(label, doc.map().loopLabels().end());
        const layout::LoopMarker where = loopMarkerOnScene(view.canvas(), doc.map(), label->links);
        double reach = 0; // the loop's own: its factors' farthest from its middle
        for (const LinkId id : label->links) {
            const QRectF from = view.canvas()->factorItem(doc.map().link(id).from)->sceneBoundingRect();
            reach = std::max(reach, std::hypot(from.center().x() - where.centre.x, from.center().y() - where.centre.y));
        }
        EXPECT_LT(std::hypot(name.centre.x() - where.centre.x, name.centre.y() - where.centre.y), reach + 200)
            << name.name.toStdString() << " is far from its loop";
    }
}

} // namespace

// A drawing the back row can read as drawn (pushed apart for the room's boxes) is presented so:
// the room sees the map it watched being made rather than the same factors read into rows for
// labels larger still (SIR.mdl drawn loop-first: 22.5 px as drawn, 29.5 in rows).
TEST(PresentRoom, ADrawingTheBackRowCanReadIsPresentedAsDrawn)
{
    std::vector<FactorId> ring;
    Document doc;
    doc.replaceMap(loopFirstRing(12, ring));
    const auto view = roomProjector(&doc);
    const CanvasScene* scene = view->canvas();
    const std::map<FactorId, layout::Size> sizes = scene->boxSizes();
    const std::map<FactorId, Point> asDrawn =
        present::roomArrangement(doc.map(), sizes, scene->look().link, 4.0 / 3.0, false);
    const double rows = present::boxesScale(
        present::roomArrangement(doc.map(), sizes, scene->look().link, 4.0 / 3.0, true), sizes, 4.0 / 3.0);
    const double drawn = present::boxesScale(asDrawn, sizes, 4.0 / 3.0);
    std::cout << "ring presented: labels " << view->labelPixelSize() << " px; rows would show boxes " << rows / drawn
              << " times as large\n";
    ASSERT_GT(rows, drawn) << "rows would show it larger, as the test means";
    EXPECT_GE(view->labelPixelSize(), PresentationView::kReadablePixels);
    EXPECT_EQ(scene->shownPositions(), asDrawn);
    const layout::DrawingQuality q = measurePresented(*view);
    EXPECT_EQ(q.crossings, 0u);
    EXPECT_EQ(q.linksThroughBoxes, 0u);
}

// A factor linked to 30 others, drawn by the default layout (in on the left, out on the right,
// dot's routes as bends: tall, so its labels show under the room's size). Read into rows, its
// leaves sat all round it and its links tangled (137 crossings, 30 arrow heads in two heaps);
// pushed apart, the bends no longer fitted (35 crossings, 7 links through boxes). The room sees
// the drawing scaled whole, its bends with it.
TEST(PresentRoom, AHubIsPresentedAsDrawnWhereRowsWouldTangleItsLinks)
{
    SystemMap map;
    const FactorId hub = causeway::testing::addFactor(map, "Hub factor");
    for (int i = 1; i <= 30; ++i) {
        const FactorId leaf = causeway::testing::addFactor(map, "Leaf number " + std::to_string(i));
        if (i % 2 == 0)
            causeway::testing::addLink(map, hub, leaf);
        else
            causeway::testing::addLink(map, leaf, hub, Polarity::Negative);
    }
    Document doc;
    doc.replaceMap(map);
    layout::LayoutOptions options;
    options.compact = true;
    options.aspect = 4.0 / 3.0;
    options.sizes = CanvasScene(&doc).boxSizes();
    layout::applyLayout(map, layout::computeLayout(map, options)); // positions, and dot's routes
    doc.replaceMap(map);
    const auto view = roomProjector(&doc);
    CanvasScene* scene = view->canvas();
    const double aspect = view->mapArea().width() / view->mapArea().height();
    EXPECT_EQ(scene->shownPositions(),
              present::scaledForRoom(doc.map(), scene->boxSizes(), scene->look().link));
    const layout::DrawingQuality q = measurePresented(*view);
    const double labels = view->labelPixelSize();
    const std::map<FactorId, Point> rows = present::roomArrangement(
        doc.map(), scene->boxSizes(), scene->look().link, aspect, true);
    scene->setShownPositions(
        present::tradedPlaces(doc.map(), scene->boxSizes(), scene->look().link, aspect, rows),
        false);
    const layout::DrawingQuality inRows = scene->measured();
    scene->setShownPositions(
        present::roomArrangement(doc.map(), scene->boxSizes(), scene->look().link, aspect, false));
    const layout::DrawingQuality pushed = scene->measured();
    std::cout << "a hub presented: " << q.crossings << " crossings at " << labels << " px; in rows "
              << inRows.crossings << ", pushed apart " << pushed.crossings << "\n";
    EXPECT_LT(q.crossings, inRows.crossings);
    EXPECT_LT(q.crossings, pushed.crossings);
    EXPECT_EQ(q.linksThroughBoxes + q.overlappingFactors + q.overlappingSigns + q.signsOnFactors,
              0u);
}

// The whole map shows a named loop's marker and name, as the canvas does, near its loop, on
// screen and over no factor; walking through a loop or focusing a factor shows it no more.
TEST(PresentRoom, TheWholeMapShowsTheNamedLoopNearItsLoop)
{
    std::vector<FactorId> ring;
    SystemMap map = loopFirstRing(12, ring);
    addLoopLabel(map, labelForLoop(findLoops(map, {}).loops.at(0), "R1 Word of mouth"));
    Document doc;
    doc.replaceMap(map);
    const auto view = roomProjector(&doc);
    ASSERT_EQ(view->loopNames().size(), 1u);
    EXPECT_EQ(view->loopNames()[0].name, QStringLiteral("R1 Word of mouth"));
    EXPECT_EQ(view->loopNames()[0].polarity, LoopPolarity::Reinforcing);
    expectNamesClear(*view, doc);
    std::cout << "a named ring presented: labels " << view->labelPixelSize() << " px\n";
    EXPECT_GE(view->labelPixelSize(), PresentationView::kReadablePixels);
    ASSERT_TRUE(view->startWalkthrough(findLoops(map, {}).loops.at(0)));
    EXPECT_TRUE(view->loopNames().empty()) << "a walkthrough shows its own marker";
    view->goTo(0);
    EXPECT_EQ(view->loopNames().size(), 1u);
    view->focusFactor(ring[0]);
    EXPECT_TRUE(view->loopNames().empty());
}

// On a map with no room for names among its boxes, the map keeps its size: only names with room
// near their loops inside the map's area are shown.
TEST(PresentRoom, LoopNamesWithNoRoomLeaveTheSampleMapItsSize)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    const double unnamed = roomProjector(&doc)->labelPixelSize();
    SystemMap map = doc.map();
    const std::vector<Loop> loops = findLoops(map, {}).loops;
    ASSERT_GE(loops.size(), 2u);
    addLoopLabel(map, labelForLoop(loops[0], "R1 Trust builds reach"));
    addLoopLabel(map, labelForLoop(loops[1], "B1 Workload"));
    doc.replaceMap(map);
    const auto view = roomProjector(&doc);
    std::cout << "the sample with two named loops presented: " << view->loopNames().size() << " names shown, labels "
              << view->labelPixelSize() << " px (" << unnamed << " unnamed)\n";
    EXPECT_DOUBLE_EQ(view->labelPixelSize(), unnamed);
    expectNamesClear(*view, doc);
}

// A loop-first drawing the room cannot read as drawn is read into rows, where its rings are gone:
// the links the layout bent into ring arcs are routed afresh, around every box, and a link the
// facilitator bent keeps its bend, turned with its chord. (Kept as offsets from the chord's
// middle, arcs meant for rings ran through boxes in rows: the sample 2 links, energy_pos_loop 3.)
TEST(PresentRoom, ALoopFirstDrawingReadIntoRowsRoutesItsRingLinksAfresh)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    SystemMap map = doc.map();
    layout::LayoutOptions options;
    options.aspect = 4.0 / 3.0;
    options.sizes = CanvasScene(&doc).boxSizes();
    layout::applyLayout(map, layout::loopFirstLayout(map, options, layout::LoopDirection::Clockwise));
    const std::vector<Link> links = map.links();
    ASSERT_TRUE(std::any_of(links.begin(), links.end(), [](const Link& l) { return l.bend && l.bendByLayout; }));
    Link byHand = *std::find_if(links.begin(), links.end(), [](const Link& l) { return !l.bend; });
    byHand.bend = Point{0, 60};
    map.updateLink(byHand);
    doc.replaceMap(map);
    const auto view = roomProjector(&doc);
    const CanvasScene* scene = view->canvas();
    const double aspect = view->mapArea().width() / view->mapArea().height();
    const std::map<FactorId, Point> rows =
        present::roomArrangement(doc.map(), scene->boxSizes(), scene->look().link, aspect, true);
    const std::map<FactorId, Point> traded =
        present::tradedPlaces(doc.map(), scene->boxSizes(), scene->look().link, aspect, rows);
    ASSERT_TRUE(scene->shownPositions() == rows || scene->shownPositions() == traded)
        << "read into rows (and places traded), as the test means";
    const layout::DrawingQuality q = measurePresented(*view);
    std::cout << "the sample drawn loop-first, presented in rows: " << q.crossings << " crossings, labels "
              << view->labelPixelSize() << " px\n";
    EXPECT_EQ(q.linksThroughBoxes, 0u);
    EXPECT_EQ(q.overlappingFactors, 0u);
    for (const Link& l : doc.map().links()) {
        if (l.bendByLayout) {
            EXPECT_FALSE(scene->linkItem(l.id)->link().bend) << "link " << l.id.value << " keeps a ring's arc";
        }
    }
    // The hand bend, across its chord as shown, bulges to the side it did, by as much of the chord.
    const std::optional<Point> shown = scene->linkItem(byHand.id)->link().bend;
    ASSERT_TRUE(shown);
    auto across = [](Point chord, Point bend) {
        return (bend.y * chord.x - bend.x * chord.y) / (chord.x * chord.x + chord.y * chord.y);
    };
    const Point was{doc.map().factor(byHand.to).position.x - doc.map().factor(byHand.from).position.x,
                    doc.map().factor(byHand.to).position.y - doc.map().factor(byHand.from).position.y};
    const Point from = scene->shownPositions().at(byHand.from), to = scene->shownPositions().at(byHand.to);
    EXPECT_NEAR(across({to.x - from.x, to.y - from.y}, *shown), across(was, *byHand.bend), 1e-9);
}

// Rows read the factors in the order they were drawn, and links the drawing kept apart cross
// there: factors trade places where the room's own drawing then crosses fewer links, hides no
// more and keeps its labels (the sample map at 1024x768: 19 crossings in rows, 10 traded).
TEST(PresentRoom, RowsTradePlacesWhereTheRoomSeesFewerCrossings)
{
    Document doc;
    QString error;
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    const auto view = roomProjector(&doc);
    CanvasScene* scene = view->canvas();
    const double aspect = view->mapArea().width() / view->mapArea().height();
    const std::map<FactorId, Point> rows =
        present::roomArrangement(doc.map(), scene->boxSizes(), scene->look().link, aspect, true);
    const std::map<FactorId, Point> traded =
        present::tradedPlaces(doc.map(), scene->boxSizes(), scene->look().link, aspect, rows);
    ASSERT_NE(traded, rows);
    ASSERT_EQ(scene->shownPositions(), traded) << "the trade is kept";
    const layout::DrawingQuality q = measurePresented(*view);
    const double labels = view->labelPixelSize();
    scene->setShownPositions(rows, false); // the rows as read, drawn in the same scene
    const layout::DrawingQuality inRows = scene->measured();
    std::cout << "the sample presented: " << inRows.crossings << " crossings in rows, " << q.crossings
              << " traded; labels " << labels << " px\n";
    EXPECT_LT(q.crossings, inRows.crossings);
    auto hidden = [](const layout::DrawingQuality& d) {
        return d.linksThroughBoxes + d.overlappingFactors + d.overlappingSigns + d.signsOnFactors;
    };
    EXPECT_LE(hidden(q), hidden(inRows));
    EXPECT_GE(labels, PresentationView::kReadablePixels);
    // A larger map keeps its rows as read: trading there would keep the room waiting.
    Document big;
    big.replaceMap(causeway::testing::randomMap(present::kTradedMaxFactors + 1, 40, 3));
    const auto bigView = roomProjector(&big);
    const double bigAspect = bigView->mapArea().width() / bigView->mapArea().height();
    const CanvasScene* bigScene = bigView->canvas();
    EXPECT_EQ(present::tradedPlaces(big.map(), bigScene->boxSizes(), bigScene->look().link, bigAspect,
                                    bigScene->shownPositions()),
              bigScene->shownPositions())
        << "past kTradedMaxFactors, the rows are not traded";
}
