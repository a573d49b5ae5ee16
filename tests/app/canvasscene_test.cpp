#include "app/canvas/canvasscene.h"
#include "app/canvas/factoritem.h"
#include "app/canvas/inlineeditor.h"
#include "app/canvas/layoutmenu.h"
#include "app/canvas/layoutrunner.h"
#include "app/canvas/linkitem.h"
#include "app/document/document.h"
#include "layout/linkshapes.h"
#include "layout/looplayout.h"
#include "layout/textmetrics.h"
#include "tests/layout/maps.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace causeway;

namespace {

struct CanvasFixture : ::testing::Test {
    Document doc;
    CanvasScene scene{&doc};

    FactorId add(const char* label, Point at) { return doc.addFactor(label, at); }

    // A -> B, both at the origin, for the layout tests.
    std::pair<FactorId, FactorId> pairAtOrigin()
    {
        const FactorId a = add("A", {0, 0});
        const FactorId b = add("B", {0, 0});
        doc.addLink(a, b);
        return {a, b};
    }
    // Runs a layout to its end; `meanwhile` runs while Graphviz works. Returns whether the
    // result was applied.
    bool runLayout(layout::Engine engine, const std::function<void()>& meanwhile = {})
    {
        LayoutRunner runner(&scene);
        QSignalSpy finished(&runner, &LayoutRunner::finished);
        if (!runner.run(engine))
            return false;
        if (meanwhile)
            meanwhile();
        return finished.wait(20000) && finished.front().at(0).toBool();
    }
};

} // namespace

TEST_F(CanvasFixture, AddingAFactorToTheDocumentCreatesAnItem)
{
    const FactorId id = add("Trust", {40, 60});
    FactorItem* item = scene.factorItem(id);
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->label(), QStringLiteral("Trust"));
    EXPECT_EQ(item->pos(), QPointF(40, 60));
    EXPECT_EQ(scene.factorItemCount(), 1);
}

TEST_F(CanvasFixture, RemovingAFactorRemovesItsItemAndItsLinks)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    const LinkId l = doc.addLink(a, b);
    ASSERT_NE(scene.linkItem(l), nullptr);
    doc.remove({a}, {});
    EXPECT_EQ(scene.factorItem(a), nullptr);
    EXPECT_EQ(scene.linkItem(l), nullptr);
    EXPECT_EQ(scene.factorItemCount(), 1);
    EXPECT_EQ(scene.linkItemCount(), 0);

    doc.undo(); // both come back
    EXPECT_NE(scene.factorItem(a), nullptr);
    EXPECT_NE(scene.linkItem(l), nullptr);
}

TEST_F(CanvasFixture, PolarityChangeUpdatesTheLinkItem)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    const LinkId l = doc.addLink(a, b);
    EXPECT_EQ(scene.linkItem(l)->link().polarity, Polarity::Positive);
    doc.cyclePolarity({l});
    EXPECT_EQ(scene.linkItem(l)->link().polarity, Polarity::Negative);
    doc.toggleDelay({l});
    EXPECT_TRUE(scene.linkItem(l)->link().delay);
    doc.undo();
    doc.undo();
    EXPECT_EQ(scene.linkItem(l)->link().polarity, Polarity::Positive);
    EXPECT_FALSE(scene.linkItem(l)->link().delay);
}

TEST_F(CanvasFixture, LinksFollowAFactorThatMoves)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    const LinkId l = doc.addLink(a, b);
    const double tipBefore = scene.linkItem(l)->linkShape().tip.x;
    doc.moveFactors({{b, Point{500, 0}}});
    EXPECT_NEAR(scene.linkItem(l)->linkShape().tip.x, tipBefore + 200, 1.0);
}

namespace {
// Whether the drawn link (sampled) enters the box of `factor`.
bool linkEntersBox(const LinkItem* link, const FactorItem* factor)
{
    const LinkShape& s = link->linkShape();
    const BoxShape b = factor->box();
    for (std::size_t i = 0; i + 3 < s.line.size(); i += 3)
        for (int k = 0; k <= 32; ++k) {
            const double t = k / 32.0, u = 1 - t;
            const Point* c = &s.line[i];
            const double x = u * u * u * c[0].x + 3 * u * u * t * c[1].x + 3 * u * t * t * c[2].x + t * t * t * c[3].x;
            const double y = u * u * u * c[0].y + 3 * u * u * t * c[1].y + 3 * u * t * t * c[2].y + t * t * t * c[3].y;
            if (std::abs(x - b.centre.x) < b.width / 2 && std::abs(y - b.centre.y) < b.height / 2)
                return true;
        }
    return false;
}
} // namespace

TEST_F(CanvasFixture, ALinkGoesAroundAFactorBetweenItsEnds)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {500, 0});
    const FactorId c = add("In the way", {250, 0});
    const LinkId l = doc.addLink(a, b);
    EXPECT_FALSE(linkEntersBox(scene.linkItem(l), scene.factorItem(c)));
}

TEST_F(CanvasFixture, AFactorMovedOntoALinkMakesItGoAround)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {500, 0});
    const FactorId c = add("Elsewhere", {250, 300});
    const LinkId l = doc.addLink(a, b);
    doc.moveFactors({{c, Point{250, 0}}}); // onto the link, which is not one of its own
    EXPECT_FALSE(linkEntersBox(scene.linkItem(l), scene.factorItem(c)));
}

TEST_F(CanvasFixture, SignsOfLinksArrivingSideBySideDoNotOverlap)
{
    const FactorId target = add("Target", {0, 400});
    std::vector<LinkId> links;
    for (int i = 0; i < 3; ++i)
        links.push_back(doc.addLink(add(("S" + std::to_string(i)).c_str(), {-130.0 + 130 * i, 0}), target));
    const double r = LinkStyle{}.signRadius;
    for (std::size_t i = 0; i < links.size(); ++i)
        for (std::size_t j = i + 1; j < links.size(); ++j) {
            const Point a = scene.linkItem(links[i])->linkShape().sign;
            const Point b = scene.linkItem(links[j])->linkShape().sign;
            EXPECT_GE(std::hypot(a.x - b.x, a.y - b.y), 2 * r);
        }
}

// The sample map's delay marks and signs are drawn where the SVG export draws them (one
// geometry), and no mark is on a box or under a sign (four of its five marks had a stroke under a
// box).
TEST_F(CanvasFixture, DelayMarksAreDrawnAsTheExportDrawsThemOffBoxesAndSigns)
{
    ASSERT_TRUE(doc.open(QStringLiteral(CAUSEWAY_SAMPLE_MAP), nullptr));
    std::map<FactorId, BoxShape> boxes;
    for (const FactorId id : doc.map().factorIds())
        boxes[id] = scene.factorItem(id)->box();
    const std::map<LinkId, LinkShape> exported = computeLinkShapes(doc.map(), boxes);
    const LinkStyle style;
    int delayed = 0;
    for (const Link& l : doc.map().links()) {
        const LinkShape& got = scene.linkItem(l.id)->linkShape();
        const LinkShape& want = exported.at(l.id);
        for (const auto& [a, b] : {std::pair{got.sign, want.sign}, std::pair{got.delayA1, want.delayA1},
                                   std::pair{got.delayB2, want.delayB2}, std::pair{got.labelAnchor, want.labelAnchor}}) {
            EXPECT_NEAR(a.x, b.x, 1e-6) << "link " << l.id.value;
            EXPECT_NEAR(a.y, b.y, 1e-6) << "link " << l.id.value;
        }
        if (!l.delay)
            continue;
        ++delayed;
        for (const auto& [id, box] : boxes)
            EXPECT_FALSE(delayMarkMeetsBox(got, box, style, FactorBoxStyle{}.edgeWidth))
                << "link " << l.id.value << "'s mark on " << doc.map().factor(id).label;
        for (const Link& other : doc.map().links())
            EXPECT_GE(distanceToDelayMark(got, scene.linkItem(other.id)->linkShape().sign), signKeepsFromDelayMark(style))
                << "link " << l.id.value << "'s mark under link " << other.id.value << "'s sign";
    }
    EXPECT_EQ(delayed, 5);
}

TEST_F(CanvasFixture, ASecondLinkTheOtherWayCurvesBothApart)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    const LinkId ab = doc.addLink(a, b);
    EXPECT_NEAR(scene.linkItem(ab)->linkShape().middle.y, 0, 1e-6);
    const LinkId ba = doc.addLink(b, a);
    const double y1 = scene.linkItem(ab)->linkShape().middle.y;
    const double y2 = scene.linkItem(ba)->linkShape().middle.y;
    EXPECT_LT(y1 * y2, 0);
    doc.remove({}, {ba});
    EXPECT_NEAR(scene.linkItem(ab)->linkShape().middle.y, 0, 1e-6);
}

TEST_F(CanvasFixture, ResetRebuildsEveryItem)
{
    add("Old", {0, 0});
    SystemMap map;
    Factor f;
    f.label = "New 1";
    const FactorId n1 = map.addFactor(f);
    f.label = "New 2";
    const FactorId n2 = map.addFactor(f);
    Link link;
    link.from = n1;
    link.to = n2;
    map.addLink(link);
    doc.replaceMap(std::move(map));
    EXPECT_EQ(scene.factorItemCount(), 2);
    EXPECT_EQ(scene.linkItemCount(), 1);
    EXPECT_EQ(scene.factorItem(n2)->label(), QStringLiteral("New 2"));
}

TEST_F(CanvasFixture, TypedLabelInTheInlineEditorAddsAFactorAsOneStep)
{
    scene.beginNewFactor({120, 80});
    ASSERT_NE(scene.labelEditor(), nullptr);
    scene.labelEditor()->setPlainText(QStringLiteral("  Peer   support "));
    scene.labelEditor()->finish(true);
    ASSERT_EQ(doc.map().factorCount(), 1u);
    const Factor f = doc.map().factors().front();
    EXPECT_EQ(f.label, "Peer support");
    EXPECT_EQ(f.position, (Point{120, 80}));
    EXPECT_EQ(doc.undoCount(), 1);
    EXPECT_EQ(scene.selectedFactors(), std::vector<FactorId>{f.id});
}

TEST_F(CanvasFixture, CancelledInlineEditorAddsNothing)
{
    scene.beginNewFactor({0, 0});
    scene.labelEditor()->setPlainText(QStringLiteral("Typo"));
    scene.labelEditor()->finish(false);
    EXPECT_EQ(doc.map().factorCount(), 0u);
    EXPECT_FALSE(scene.isEditingLabel());
}

TEST_F(CanvasFixture, LinkDraggedToEmptyCanvasAddsALinkedFactorAsOneStep)
{
    const FactorId a = add("A", {0, 0});
    const int steps = doc.undoCount();
    scene.beginNewFactor({300, 0}, a);
    scene.labelEditor()->setPlainText(QStringLiteral("B"));
    scene.labelEditor()->finish(true);
    EXPECT_EQ(doc.map().factorCount(), 2u);
    EXPECT_EQ(doc.map().linkCount(), 1u);
    EXPECT_EQ(doc.undoCount(), steps + 1);
    doc.undo();
    EXPECT_EQ(doc.map().factorCount(), 1u);
    EXPECT_EQ(scene.linkItemCount(), 0);
}

TEST_F(CanvasFixture, RenamingInPlaceUpdatesTheLabel)
{
    const FactorId a = add("Funding", {0, 0});
    scene.editLabel(a);
    scene.labelEditor()->setPlainText(QStringLiteral("Core funding"));
    scene.labelEditor()->finish(true);
    EXPECT_EQ(doc.map().factor(a).label, "Core funding");
    EXPECT_EQ(scene.factorItem(a)->label(), QStringLiteral("Core funding"));
}

TEST_F(CanvasFixture, LPressedWithTwoFactorsSelectedLinksFirstToSecond)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    scene.clearSelection();
    scene.factorItem(b)->setSelected(true);
    scene.factorItem(a)->setSelected(true);
    ASSERT_TRUE(scene.linkSelection());
    const Link link = doc.map().links().front();
    EXPECT_EQ(link.from, b);
    EXPECT_EQ(link.to, a);
    EXPECT_EQ(scene.selectedLinks(), std::vector<LinkId>{link.id});
}

TEST_F(CanvasFixture, BendingALinkStoresTheBendInTheModel)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {300, 0});
    const LinkId l = doc.addLink(a, b);
    scene.bendLink(l, {0, 60});
    ASSERT_TRUE(doc.map().link(l).bend.has_value());
    EXPECT_NEAR(scene.linkItem(l)->linkShape().middle.y, 60, 1e-9);
}

TEST_F(CanvasFixture, LayoutIsAppliedAsOneUndoStep)
{
    const FactorId a = add("A", {0, 0});
    const FactorId b = add("B", {0, 0});
    const FactorId c = add("C", {0, 0});
    doc.addLink(a, b);
    doc.addLink(b, c);
    const int steps = doc.undoCount();
    LayoutRunner runner(&scene);
    QSignalSpy finished(&runner, &LayoutRunner::finished);
    ASSERT_TRUE(runner.run(layout::Engine::Dot));
    ASSERT_TRUE(finished.wait(20000));
    ASSERT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(doc.undoCount(), steps + 1);
    EXPECT_NE(doc.map().factor(a).position, doc.map().factor(c).position);
    doc.undo();
    EXPECT_EQ(doc.map().factor(c).position, (Point{0, 0}));
}

TEST_F(CanvasFixture, LoopFirstLayoutBendsItsRingsLinksInTheSameUndoStep)
{
    const FactorId a = add("Trust", {0, 0});
    const FactorId b = add("Visits", {0, 0});
    const FactorId c = add("Skill", {0, 0});
    const LinkId ab = doc.addLink(a, b);
    const LinkId bc = doc.addLink(b, c);
    const LinkId ca = doc.addLink(c, a);
    const int steps = doc.undoCount();
    LayoutRunner runner(&scene);
    QSignalSpy finished(&runner, &LayoutRunner::finished);
    ASSERT_TRUE(runner.runLoopFirst(layout::LoopDirection::Clockwise));
    ASSERT_TRUE(finished.wait(20000));
    ASSERT_TRUE(finished.front().at(0).toBool()) << finished.front().at(1).toString().toStdString();
    EXPECT_EQ(doc.undoCount(), steps + 1);
    for (const LinkId l : {ab, bc, ca})
        EXPECT_TRUE(doc.map().link(l).bend.has_value()) << "a ring link is drawn as an arc";
    doc.undo();
    for (const LinkId l : {ab, bc, ca})
        EXPECT_FALSE(doc.map().link(l).bend.has_value());
    EXPECT_EQ(doc.map().factor(c).position, (Point{0, 0}));
}

// A ring's arcs fit the ring; the next layout puts the factors elsewhere, so it drops them (in its
// one undo step) and keeps the bend a facilitator made by hand.
TEST_F(CanvasFixture, TheNextLayoutDropsTheRingsArcsButKeepsAHandMadeBend)
{
    const FactorId a = add("Trust", {0, 0});
    const FactorId b = add("Visits", {0, 0});
    const FactorId c = add("Skill", {0, 0});
    const FactorId d = add("Funding", {0, 0});
    const LinkId ab = doc.addLink(a, b);
    const LinkId bc = doc.addLink(b, c);
    const LinkId ca = doc.addLink(c, a);
    const LinkId da = doc.addLink(d, a); // on no loop: the layout never bends it
    {
        LayoutRunner runner(&scene);
        QSignalSpy finished(&runner, &LayoutRunner::finished);
        ASSERT_TRUE(runner.runLoopFirst(layout::LoopDirection::Clockwise));
        ASSERT_TRUE(finished.wait(20000));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return !scene.isAnimating(); }, 5000));
    for (const LinkId l : {ab, bc, ca})
        ASSERT_TRUE(doc.map().link(l).bendByLayout);
    scene.bendLink(da, {0, 40}); // by hand
    EXPECT_FALSE(doc.map().link(da).bendByLayout);
    const int steps = doc.undoCount();
    ASSERT_TRUE(runLayout(layout::Engine::Neato));
    EXPECT_EQ(doc.undoCount(), steps + 1);
    for (const LinkId l : {ab, bc, ca}) {
        EXPECT_FALSE(doc.map().link(l).bend.has_value()) << "a ring's arc left after the ring went";
        EXPECT_FALSE(doc.map().link(l).bendByLayout);
    }
    EXPECT_EQ(doc.map().link(da).bend, std::optional<Point>(Point{0, 40}));
    doc.undo();
    for (const LinkId l : {ab, bc, ca})
        EXPECT_TRUE(doc.map().link(l).bend.has_value());
}

TEST_F(CanvasFixture, LayoutResultIsDroppedWhenTheMapChangedMeanwhile)
{
    pairAtOrigin();
    int steps = 0;
    EXPECT_FALSE(runLayout(layout::Engine::Neato, [&] {
        add("Added while Graphviz works", {500, 500});
        steps = doc.undoCount();
    }));
    EXPECT_EQ(doc.undoCount(), steps);
}

// A facilitator who stops a long layout (a loop-first layout of a 50-factor map judges hundreds of
// drawings) from the Layout menu or the status bar's Stop gets the map as it was, no undo step,
// and can lay it out again at once.
TEST_F(CanvasFixture, AStoppedLayoutLeavesTheMapAsItWasAndTheNextOneRuns)
{
    doc.replaceMap(causeway::testing::randomMap(50, 150, 50));
    const SystemMap before = doc.map();
    const int steps = doc.undoCount();
    QWidget window;
    QStatusBar status;
    LayoutMenu menu(&scene, &status, &window);
    QMenu layoutMenu;
    menu.fillMenu(&layoutMenu);
    QAction* stop = nullptr;
    for (QAction* a : layoutMenu.actions())
        if (a->text().remove('&') == QStringLiteral("Stop Layout"))
            stop = a;
    ASSERT_NE(stop, nullptr);
    EXPECT_FALSE(stop->isEnabled()) << "nothing to stop";
    LayoutRunner* runner = menu.runner();
    QSignalSpy finished(runner, &LayoutRunner::finished);
    ASSERT_TRUE(runner->runLoopFirst(layout::LoopDirection::Clockwise));
    EXPECT_TRUE(stop->isEnabled());
    stop->trigger();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.front().at(0).toBool());
    EXPECT_TRUE(finished.front().at(1).toString().contains(QStringLiteral("stopped")))
        << finished.front().at(1).toString().toStdString();
    EXPECT_FALSE(finished.front().at(2).toBool()) << "a stop is no failure: no dialog";
    EXPECT_FALSE(runner->isRunning());
    EXPECT_FALSE(stop->isEnabled());
    EXPECT_EQ(doc.undoCount(), steps);
    for (const Factor& f : before.factors())
        EXPECT_EQ(doc.map().factor(f.id).position, f.position);

    ASSERT_TRUE(runner->run(layout::Engine::Neato));
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.back().at(0).toBool()) << finished.back().at(1).toString().toStdString();
    EXPECT_EQ(doc.undoCount(), steps + 1);

    // An edit while a layout runs stops it: its result would undo the edit.
    ASSERT_TRUE(runner->runLoopFirst(layout::LoopDirection::Clockwise));
    EXPECT_FALSE(runner->stopping());
    add("Added while the rings are drawn", {900, 900});
    EXPECT_TRUE(runner->stopping());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(finished.back().at(1).toString().contains(QStringLiteral("dropped")))
        << finished.back().at(1).toString().toStdString();
    EXPECT_EQ(doc.undoCount(), steps + 2);
}

TEST_F(CanvasFixture, LayoutGlidesFactorsToTheModelsPositions)
{
    const auto [a, b] = pairAtOrigin();
    ASSERT_TRUE(runLayout(layout::Engine::Dot));
    ASSERT_TRUE(scene.isAnimating());
    EXPECT_EQ(scene.factorItem(b)->pos(), QPointF(0, 0)); // the glide starts where it was
    ASSERT_TRUE(QTest::qWaitFor([&] { return !scene.isAnimating(); }, 5000));
    const Point end = doc.map().factor(b).position;
    EXPECT_EQ(scene.factorItem(b)->pos(), QPointF(end.x, end.y));
}

TEST_F(CanvasFixture, UndoDuringTheGlidePutsFactorsBackAtOnce)
{
    const auto [a, b] = pairAtOrigin();
    ASSERT_TRUE(runLayout(layout::Engine::Dot));
    doc.undo();
    EXPECT_FALSE(scene.isAnimating());
    EXPECT_EQ(scene.factorItem(a)->pos(), QPointF(0, 0));
    EXPECT_EQ(scene.factorItem(b)->pos(), QPointF(0, 0));
}

namespace {
// `n` factors on a grid 6 wide with 2n links among them (a fixed pattern, some crossing rows).
std::vector<FactorId> gridMap(Document& doc, int n = 30)
{
    std::vector<FactorId> ids;
    for (int i = 0; i < n; ++i)
        ids.push_back(doc.addFactor(QStringLiteral("Factor %1").arg(i), Point{200.0 * (i % 6), 120.0 * (i / 6)}));
    for (int i = 0; i < n; ++i) {
        doc.addLink(ids[std::size_t(i)], ids[std::size_t((i * 7 + 3) % n)]);
        doc.addLink(ids[std::size_t(i)], ids[std::size_t((i * 11 + 17) % n)]);
    }
    return ids;
}

// Every link of `scene` drawn as a freshly built scene of the same document draws it.
void expectDrawnAsFromScratch(Document& doc, const CanvasScene& scene)
{
    const CanvasScene fresh(&doc);
    for (LinkId id : doc.map().linkIds()) {
        const LinkShape& got = scene.linkItem(id)->linkShape();
        const LinkShape& want = fresh.linkItem(id)->linkShape();
        ASSERT_EQ(got.line.size(), want.line.size()) << "link " << id.value;
        for (std::size_t i = 0; i < got.line.size(); ++i) {
            EXPECT_NEAR(got.line[i].x, want.line[i].x, 1e-6) << "link " << id.value;
            EXPECT_NEAR(got.line[i].y, want.line[i].y, 1e-6) << "link " << id.value;
        }
        EXPECT_NEAR(got.sign.x, want.sign.x, 1e-6) << "link " << id.value;
        EXPECT_NEAR(got.sign.y, want.sign.y, 1e-6) << "link " << id.value;
    }
}
} // namespace

TEST_F(CanvasFixture, AStepMovingEveryFactorRoutesEachLinkOnceAndAsFromScratch)
{
    const std::vector<FactorId> ids = gridMap(doc);
    std::map<FactorId, Point> moved; // the grid turned a quarter, so boxes land on old links
    for (std::size_t i = 0; i < ids.size(); ++i)
        moved[ids[i]] = Point{150.0 * double(i / 6), 220.0 * double(i % 6)};
    const long before = scene.routedLinkCount();
    ASSERT_TRUE(doc.moveFactors(moved));
    EXPECT_LE(scene.routedLinkCount() - before, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);

    const long beforeUndo = scene.routedLinkCount();
    ASSERT_TRUE(doc.undo());
    EXPECT_LE(scene.routedLinkCount() - beforeUndo, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);
}

TEST_F(CanvasFixture, PastThirtyFactorsLinksGoRoundBoxesByTheSideTheExportChooses)
{
    // Each link as the SVG export and the layout's judge route it on their own (linkShapeIn,
    // paying for the other links' lines crossed), and as from scratch after every factor moved.
    const std::vector<FactorId> ids = gridMap(doc, 42);
    auto boxesNow = [&] {
        std::map<FactorId, BoxShape> boxes;
        for (const FactorId id : ids)
            boxes[id] = scene.factorItem(id)->box();
        return boxes;
    };
    const std::map<FactorId, BoxShape> boxes = boxesNow();
    ASSERT_FALSE(linesToCross(doc.map(), boxes).empty());
    int tolled = 0; // links the toll sends another way than the shortest
    for (const Link& l : doc.map().links()) {
        const LinkShape want = linkShapeIn(doc.map(), boxes, l);
        EXPECT_EQ(scene.linkItem(l.id)->ownShape().line, want.line) << "link " << l.id.value;
        tolled += want.line != linkShapeIn(doc.map(), boxes, l, OtherLines{}).line ? 1 : 0;
    }
    EXPECT_GT(tolled, 0);
    std::map<FactorId, Point> moved;
    for (std::size_t i = 0; i < ids.size(); ++i)
        moved[ids[i]] = Point{150.0 * double(i / 7), 220.0 * double(i % 7)};
    ASSERT_TRUE(doc.moveFactors(moved));
    expectDrawnAsFromScratch(doc, scene);
}

TEST_F(CanvasFixture, OneFactorDroppedPastThirtyRoutesEachLinkOnceAndAsFromScratch)
{
    // Past 30 factors every link is routed again after an edit (the other lines it pays to
    // cross changed): once, the dropped factor's own links included, not once for the move, once
    // for the box's size and once for the lines.
    const std::vector<FactorId> ids = gridMap(doc, 42);
    const FactorId dropped = ids[7];
    ASSERT_GE(doc.map().outLinks(dropped).size() + doc.map().inLinks(dropped).size(), 2u);
    const long before = scene.routedLinkCount();
    const Point at = doc.map().factor(dropped).position;
    ASSERT_TRUE(doc.moveFactors({{dropped, Point{at.x + 100, at.y + 60}}})); // onto other links
    EXPECT_EQ(scene.routedLinkCount() - before, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);
    std::map<FactorId, BoxShape> boxes;
    for (const FactorId id : ids)
        boxes[id] = scene.factorItem(id)->box();
    for (const Link& l : doc.map().links()) { // as the export draws them, on one thread
        EXPECT_EQ(scene.linkItem(l.id)->ownShape().line, linkShapeIn(doc.map(), boxes, l).line)
            << "link " << l.id.value;
    }
}

TEST_F(CanvasFixture, ALinkAddedOrRemovedPastThirtyRoutesEachLinkOnceAndAsFromScratch)
{
    const std::vector<FactorId> ids = gridMap(doc, 42);
    ASSERT_FALSE(doc.map().findLink(ids[0], ids[20]));
    long before = scene.routedLinkCount();
    const LinkId added = doc.addLink(ids[0], ids[20]);
    EXPECT_EQ(scene.routedLinkCount() - before, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);
    before = scene.routedLinkCount(); // (removing one always routed the others once)
    ASSERT_TRUE(doc.remove({}, {added}));
    EXPECT_EQ(scene.routedLinkCount() - before, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);
}

TEST_F(CanvasFixture, AGlidingLayoutRoutesEachLinkOnceWhenItEnds)
{
    gridMap(doc);
    const long before = scene.routedLinkCount();
    ASSERT_TRUE(runLayout(layout::Engine::Neato));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !scene.isAnimating(); }, 5000));
    EXPECT_LE(scene.routedLinkCount() - before, long(doc.map().linkCount()));
    expectDrawnAsFromScratch(doc, scene);
}
