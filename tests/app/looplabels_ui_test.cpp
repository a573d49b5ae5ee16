// Naming loops: one undo step each, drawn on the canvas, flagged (not dropped) when broken.

#include "app/canvas/factoritem.h"
#include "app/canvas/linkitem.h"
#include "app/canvas/looplabelitem.h"
#include "app/loops/looplabelslist.h"
#include "app/loops/looplistmodel.h"
#include "loopstestutil.h"
#include "layout/cubicpath.h"
#include "model/looplabels.h"

#include <QListWidget>

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

using namespace causeway;
using namespace causeway::testing;

namespace {

// A -> B -> C -> A drawn clockwise on screen (right, then down-left, then up), and D -> A.
struct TriangleUi : ::testing::Test {
    LoopsUi ui;
    LoopLabelOverlay overlay{&ui.scene, &ui.emphasis};
    FactorId a, b, c, d;
    LinkId ab, bc, ca, da;
    void SetUp() override
    {
        a = ui.doc.addFactor(QStringLiteral("Trust"), {0, 0});
        b = ui.doc.addFactor(QStringLiteral("Visits"), {400, 0});
        c = ui.doc.addFactor(QStringLiteral("Skills"), {200, 300});
        d = ui.doc.addFactor(QStringLiteral("Funding"), {-300, 0});
        ab = ui.doc.addLink(a, b);
        bc = ui.doc.addLink(b, c);
        ca = ui.doc.addLink(c, a);
        da = ui.doc.addLink(d, a);
    }
    Loop loop() const { return findLoops(ui.doc.map(), {}).loops.at(0); }
};

} // namespace

TEST_F(TriangleUi, NamingALoopIsOneUndoStep)
{
    const int steps = ui.doc.undoCount();
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "  R1 Trust builds reach "));
    EXPECT_EQ(ui.doc.undoCount(), steps + 1);
    ASSERT_EQ(ui.doc.map().loopLabels().size(), 1u);
    EXPECT_EQ(ui.doc.map().loopLabels()[0].name, "R1 Trust builds reach");
    EXPECT_TRUE(loopLabelIntact(ui.doc.map(), ui.doc.map().loopLabels()[0]));
    ASSERT_EQ(overlay.items().size(), 1u);
    EXPECT_EQ(overlay.items()[0]->name(), QStringLiteral("R1 Trust builds reach"));

    ui.doc.undo();
    EXPECT_TRUE(ui.doc.map().loopLabels().empty());
    EXPECT_TRUE(overlay.items().empty());
    ui.doc.redo();
    EXPECT_EQ(ui.doc.map().loopLabels().size(), 1u);
    EXPECT_EQ(overlay.items().size(), 1u);
}

TEST_F(TriangleUi, NamingANamedLoopAgainRenamesIt)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1"));
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1 Trust builds reach"));
    ASSERT_EQ(ui.doc.map().loopLabels().size(), 1u);
    EXPECT_EQ(ui.doc.map().loopLabels()[0].name, "R1 Trust builds reach");
    EXPECT_FALSE(nameLoop(&ui.doc, loop(), "   "));
}

TEST_F(TriangleUi, RenameAndDeleteAreUndoable)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1"));
    ASSERT_TRUE(renameLoopLabel(&ui.doc, 0, "R1 Reach"));
    EXPECT_EQ(ui.doc.map().loopLabels()[0].name, "R1 Reach");
    ASSERT_TRUE(deleteLoopLabel(&ui.doc, 0));
    EXPECT_TRUE(ui.doc.map().loopLabels().empty());
    ui.doc.undo();
    EXPECT_EQ(ui.doc.map().loopLabels().at(0).name, "R1 Reach");
    ui.doc.undo();
    EXPECT_EQ(ui.doc.map().loopLabels().at(0).name, "R1");
    EXPECT_FALSE(deleteLoopLabel(&ui.doc, 5));
}

TEST_F(TriangleUi, TheLabelSitsInsideTheLoopAndTurnsItsWay)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1"));
    const LoopLabelItem* item = overlay.items().at(0);
    EXPECT_TRUE(item->isClockwise());
    EXPECT_NEAR(item->pos().x(), 200, 60);
    EXPECT_NEAR(item->pos().y(), 100, 60);
    // Moving a factor across flips the drawn direction: the label follows the drawing.
    Factor moved = ui.doc.map().factor(c);
    moved.position = {200, -300};
    ASSERT_TRUE(ui.doc.updateFactor(moved));
    EXPECT_FALSE(overlay.items().at(0)->isClockwise());
    EXPECT_LT(overlay.items().at(0)->pos().y(), 0);
}

TEST_F(TriangleUi, ABrokenLoopKeepsItsLabelFlagged)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1 Trust builds reach"));
    LoopLabelsList list(&ui.doc);
    ASSERT_TRUE(ui.doc.remove({}, {bc}));
    ASSERT_EQ(ui.doc.map().loopLabels().size(), 1u); // not dropped
    EXPECT_TRUE(overlay.items().at(0)->isBroken());
    EXPECT_TRUE(overlay.items().at(0)->isVisible());
    EXPECT_TRUE(list.list()->item(0)->text().contains(QStringLiteral("\u26A0")));
    EXPECT_TRUE(list.list()->item(0)->text().contains(QStringLiteral("broken")));
    ui.doc.undo(); // the link is back: the loop and its label are whole again
    EXPECT_FALSE(overlay.items().at(0)->isBroken());
    EXPECT_FALSE(list.list()->item(0)->text().contains(QStringLiteral("\u26A0")));
}

TEST_F(TriangleUi, LabelsOutsideTheHighlightDim)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1"));
    ui.emphasis.setEmphasis({d, a}, {da});
    EXPECT_DOUBLE_EQ(overlay.items().at(0)->opacity(), CanvasEmphasis::kDimmedOpacity);
    const Loop l = loop();
    ui.emphasis.setEmphasis({l.factors.begin(), l.factors.end()}, {l.links.begin(), l.links.end()});
    EXPECT_DOUBLE_EQ(overlay.items().at(0)->opacity(), 1.0);
}

TEST_F(TriangleUi, TheListNamesTheLoopInTheNameColumn)
{
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1 Trust builds reach"));
    ASSERT_TRUE(ui.listAll());
    ASSERT_EQ(ui.panel.model()->rowCount(), 1);
    EXPECT_EQ(ui.panel.model()->index(0, LoopListModel::NameColumn).data().toString(),
              QStringLiteral("R1 Trust builds reach"));
    ui.panel.filter()->setSearchText(QStringLiteral("reach"));
    EXPECT_EQ(ui.panel.filter()->rowCount(), 1);
}

// A link across the middle of the loop: the label moves off its line and its sign, and stays by
// the loop, as the SVG export places it (layout::placeClearOf with the links' marks).
TEST_F(TriangleUi, TheLabelKeepsOffALinkThatCrossesTheLoop)
{
    const FactorId e = ui.doc.addFactor(QStringLiteral("Stigma"), {-300, 110});
    const FactorId f = ui.doc.addFactor(QStringLiteral("Hiring"), {700, 110});
    ui.doc.addLink(e, f);
    ASSERT_TRUE(nameLoop(&ui.doc, loop(), "R1"));
    const LoopLabelItem* item = overlay.items().at(0);
    const QRectF label = item->boundingRect().translated(item->pos()); // the view at 100%
    for (const LinkId id : ui.doc.map().linkIds()) {
        const LinkShape& shape = ui.scene.linkItem(id)->linkShape();
        for (const Point p : CubicPath(shape.line).sample(64))
            EXPECT_FALSE(label.contains(p.x, p.y)) << "the label lies over link " << id.value;
        const double r = ui.scene.look().link.signRadius;
        EXPECT_FALSE(label.intersects(QRectF(shape.sign.x - r, shape.sign.y - r, 2 * r, 2 * r)))
            << "the label hides link " << id.value << "'s sign";
    }
    EXPECT_LT(std::hypot(item->pos().x() - 200, item->pos().y() - 100), 200) << "by its loop";
}

// Fitting the view to the map fits the loop names too. They keep their size on screen, so on a
// wide map drawn small a name at the map's edge reaches past its boxes (SIR.mdl's loop-first
// drawing opened at 82% with two names cut off by the window's edge).
TEST(LoopLabelFit, FittingTheViewShowsEveryLoopName)
{
    LoopsUi ui;
    LoopLabelOverlay overlay{&ui.scene, &ui.emphasis};
    QObject::connect(&ui.view, &CanvasView::zoomChanged, &overlay, &LoopLabelOverlay::setViewScale);
    const FactorId a = ui.doc.addFactor(QStringLiteral("Trust"), {0, 0});
    const FactorId b = ui.doc.addFactor(QStringLiteral("Visits"), {0, 300});
    const FactorId e = ui.doc.addFactor(QStringLiteral("Funding"), {3000, 150});
    ui.doc.addLink(a, b);
    ui.doc.addLink(b, a);
    ui.doc.addLink(b, e);
    ASSERT_TRUE(nameLoop(&ui.doc, findLoops(ui.doc.map(), {}).loops.at(0), "R1 Trust builds reach"));
    ui.view.zoomToFit();
    ASSERT_LT(ui.view.zoom(), 0.5) << "drawn small, as the test means";
    const QRect viewport = ui.view.viewport()->rect();
    const LoopLabelItem* item = overlay.items().at(0);
    const QRectF box = item->boundingRect();
    const QPointF at = ui.view.mapFromScene(item->pos());
    EXPECT_TRUE(QRectF(viewport).contains(box.translated(at))) << "the name is cut off by the view's edge";
    for (const FactorId id : {a, b, e}) {
        const QRectF f = ui.view.mapFromScene(ui.scene.factorItem(id)->sceneBoundingRect()).boundingRect();
        EXPECT_TRUE(QRectF(viewport).contains(f)) << "factor " << id.value << " is cut off";
    }
}

// A dense map with no room for its loop names among its boxes would shrink far to show them
// round its edge: fitting keeps at least kLoopNamesZoomShare of the map's own fit.
TEST(LoopLabelFit, NamesWithNoRoomDoNotShrinkADenseMapFar)
{
    LoopsUi ui;
    LoopLabelOverlay overlay{&ui.scene, &ui.emphasis};
    QObject::connect(&ui.view, &CanvasView::zoomChanged, &overlay, &LoopLabelOverlay::setViewScale);
    QString error;
    ASSERT_TRUE(ui.doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), &error)) << error.toStdString();
    ui.view.zoomToFit();
    const double alone = ui.view.zoom();
    const std::vector<Loop> loops = findLoops(ui.doc.map(), {}).loops;
    ASSERT_GE(loops.size(), 4u);
    const char* names[] = {"R1 Trust builds skill", "B1 Outreach stretches resources", "R2 Pressure eases stigma",
                           "B2 Workload wears peers down"};
    for (std::size_t i = 0; i < 4; ++i)
        ASSERT_TRUE(nameLoop(&ui.doc, loops[i], names[i]));
    ui.view.zoomToFit();
    std::cout << "the sample map fitted: " << alone << " alone, " << ui.view.zoom() << " with four loop names\n";
    EXPECT_GE(ui.view.zoom(), CanvasView::kLoopNamesZoomShare * alone - 1e-9);
}
