// Presentation arranges the map for the room's larger boxes and the screen's shape, for display
// only: no two boxes overlap, no link runs through a box, and the document never changes.
#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "app/present/presentationview.h"
#include "io/mapfile.h"
#include "layout/layout.h"
#include "layout/quality.h"
#include "tests/layout/maps.h"

#include <QApplication>

#include <algorithm>
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
layout::DrawingQuality measurePresented(const PresentationView& view)
{
    const CanvasScene* scene = view.canvas();
    const SystemMap& map = scene->document()->map();
    std::map<FactorId, BoxShape> boxes;
    for (FactorId id : map.factorIds())
        boxes[id] = scene->factorItem(id)->box();
    std::map<LinkId, LinkShape> shapes;
    for (LinkId id : map.linkIds())
        shapes[id] = scene->linkItem(id)->linkShape();
    return layout::measureDrawing(layout::drawingOfShapes(map, boxes, shapes, scene->look().link));
}

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
