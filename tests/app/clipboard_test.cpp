#include "documenttestutil.h"

#include "app/document/clipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

#include <memory>

using namespace causeway;
using namespace causeway::test;

TEST(Clipboard, AFragmentSurvivesTheMimeRoundTripWithItsIdsAndLinks)
{
    Document doc;
    loadTriangle(doc);
    const SystemMap part = doc.fragment({idOf(doc, "A"), idOf(doc, "B")});
    std::unique_ptr<QMimeData> data(fragmentToMimeData(part));
    EXPECT_TRUE(data->hasFormat(kFragmentMimeType));
    EXPECT_EQ(data->text(), "A\nB");
    const std::optional<SystemMap> back = fragmentFromMimeData(data.get());
    ASSERT_TRUE(back);
    EXPECT_TRUE(*back == part);
}

TEST(Clipboard, CopyInOneWindowAndPasteInAnotherKeepsLinksAmongTheCopiedFactors)
{
    Document source;
    loadTriangle(source);
    copyFragmentToClipboard(source.fragment({idOf(source, "B"), idOf(source, "C")}));
    ASSERT_TRUE(clipboardHasFragment());

    Document target;
    const FactorId existing = target.addFactor("Existing", {});
    const std::optional<SystemMap> fragment = fragmentFromClipboard();
    ASSERT_TRUE(fragment);
    const int steps = target.undoCount();
    const auto [factors, links] = target.paste(*fragment, {0, 50});
    EXPECT_EQ(target.undoCount(), steps + 1);
    ASSERT_EQ(factors.size(), 2u);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_NE(factors[0], existing);
    EXPECT_NE(factors[1], existing);
    const Link& link = target.map().link(links[0]);
    EXPECT_EQ(target.map().factor(link.from).label, "B");
    EXPECT_EQ(target.map().factor(link.to).label, "C");
    EXPECT_EQ(link.polarity, Polarity::Negative);
    EXPECT_EQ(target.map().factor(link.from).position, (Point{100, 50}));
}

TEST(Clipboard, PastingTwiceGivesTwoCopiesWithDistinctIds)
{
    Document doc;
    loadTriangle(doc);
    copyFragmentToClipboard(doc.fragment({idOf(doc, "A"), idOf(doc, "B")}));
    const auto first = doc.paste(*fragmentFromClipboard(), {20, 20});
    const auto second = doc.paste(*fragmentFromClipboard(), {40, 40});
    EXPECT_EQ(doc.map().factorCount(), 7u);
    EXPECT_EQ(doc.map().linkCount(), 4u);
    EXPECT_NE(first.first, second.first);
}

TEST(Clipboard, PlainTextFromAnotherApplicationPastesOneFactorPerLine)
{
    QApplication::clipboard()->setText("Trust\n\n  Fear \nHope\n");
    const std::optional<SystemMap> fragment = fragmentFromClipboard();
    ASSERT_TRUE(fragment);
    ASSERT_EQ(fragment->factorCount(), 3u);
    EXPECT_EQ(fragment->factors()[1].label, "Fear");
    EXPECT_EQ(fragment->linkCount(), 0u);
}

TEST(Clipboard, ADamagedFragmentPastesNothing)
{
    auto* data = new QMimeData;
    data->setData(kFragmentMimeType, "{\"format\": \"causeway\", \"factors\": [");
    data->setText("A");
    QApplication::clipboard()->setMimeData(data);
    EXPECT_FALSE(fragmentFromClipboard());
}

TEST(Clipboard, FragmentCentreIsTheMiddleOfItsFactors)
{
    Document doc;
    loadTriangle(doc);
    EXPECT_EQ(fragmentCentre(doc.map()), (Point{100, 0}));
    EXPECT_EQ(fragmentCentre(SystemMap{}), (Point{0, 0}));
}
