#include "io/import.h"
#include "io/mapexport.h"
#include "io/svgdrawing.h"
#include "io/svgexport.h"
#include "layout/cubicpath.h"
#include "layout/textmetrics.h"
#include "model/looplabels.h"
#include "model/nominations.h"

#include "iotestutil.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

using namespace causeway;
using causeway::test::makeFactor;
using causeway::test::makeLink;

namespace {

// Five factors: a reinforcing pair (A <-> B), a delayed negative link, a `?` link, a self-link,
// a group, a link label, characters XML escapes, a named loop and a revealed round.
struct Sample {
    SystemMap map;
    FactorId a, b, c, d;
    LinkId ab, ba, bc, cd, dd;
};

Sample fiveFactorSample()
{
    Sample s;
    SystemMap& m = s.map;
    m.title = "Test <map> & \"friends\"";
    s.a = m.addFactor({.label = "Trust & <safety>", .group = "Clients", .position = {0, 0}});
    s.b = m.addFactor({.label = "Availability of culturally appropriate peer support",
                       .position = {320, 40}});
    s.c = m.addFactor({.label = "Waiting \"times\"", .position = {320, 260}});
    s.d = m.addFactor({.label = "Stigma", .position = {0, 300}});
    s.ab = m.addLink({.from = s.a, .to = s.b, .polarity = Polarity::Positive});
    s.ba = m.addLink({.from = s.b, .to = s.a, .polarity = Polarity::Positive, .label = "slowly"});
    s.bc = m.addLink({.from = s.b, .to = s.c, .polarity = Polarity::Negative, .delay = true});
    s.cd = m.addLink({.from = s.c, .to = s.d, .polarity = Polarity::Unknown});
    s.dd = m.addLink({.from = s.d, .to = s.d, .polarity = Polarity::Negative});
    addLoopLabel(m, {"R1 Trust builds reach", {s.ab, s.ba}});
    return s;
}

pugi::xml_document parse(const std::string& svg)
{
    pugi::xml_document doc;
    const pugi::xml_parse_result result = doc.load_string(svg.c_str());
    EXPECT_TRUE(result) << result.description() << " at " << result.offset;
    return doc;
}

pugi::xml_node byId(const pugi::xml_document& doc, const std::string& id)
{
    return doc.find_node([&](pugi::xml_node n) { return id == n.attribute("id").value(); });
}

std::vector<std::string> classesOf(pugi::xml_node n)
{
    std::vector<std::string> out;
    std::istringstream in(n.attribute("class").value());
    for (std::string c; in >> c;)
        out.push_back(c);
    return out;
}

// All the text under a <text>, one space between its lines.
std::string textOf(pugi::xml_node text)
{
    if (!text.child("tspan"))
        return text.text().get();
    std::string joined;
    for (pugi::xml_node span : text.children("tspan"))
        joined += (joined.empty() ? "" : " ") + std::string(span.text().get());
    return joined;
}

struct ViewBox {
    double x, y, w, h;
};
ViewBox viewBoxOf(const pugi::xml_document& doc)
{
    ViewBox v{};
    std::istringstream(doc.child("svg").attribute("viewBox").value()) >> v.x >> v.y >> v.w >> v.h;
    return v;
}

} // namespace

TEST(SvgExport, IsWellFormedSvgWithAViewBoxAndPixelSize)
{
    const std::string svg = exportSvg(fiveFactorSample().map);
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    const pugi::xml_document doc = parse(svg);
    const pugi::xml_node root = doc.child("svg");
    ASSERT_TRUE(root);
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
    const ViewBox v = viewBoxOf(doc);
    EXPECT_GT(v.w, 300);
    EXPECT_GT(v.h, 300);
    EXPECT_EQ(std::string(root.attribute("width").value()), std::to_string(int(v.w)) + "px");
    EXPECT_EQ(std::string(root.attribute("height").value()), std::to_string(int(v.h)) + "px");
    EXPECT_TRUE(root.child("style"));
    EXPECT_STREQ(root.child("title").text().get(), "Test <map> & \"friends\"");
}

TEST(SvgExport, EveryFactorAndLinkIsOneGroupWithIdClassAndTitle)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    for (const Factor& f : s.map.factors()) {
        const pugi::xml_node g = byId(doc, "factor-" + std::to_string(f.id.value));
        ASSERT_TRUE(g) << f.label;
        EXPECT_STREQ(g.name(), "g");
        EXPECT_EQ(classesOf(g), std::vector<std::string>{"factor"});
        EXPECT_EQ(g.child("title").text().get(), f.label);
    }
    for (const Link& l : s.map.links()) {
        const pugi::xml_node g = byId(doc, "link-" + std::to_string(l.id.value));
        ASSERT_TRUE(g);
        EXPECT_STREQ(g.name(), "g");
        EXPECT_EQ(g.child("title").text().get(), describeLink(s.map, l));
        EXPECT_EQ(classesOf(g).front(), "link");
    }
    EXPECT_EQ(doc.select_nodes("//g[@class='factor']").size(), s.map.factorCount());
    EXPECT_EQ(doc.select_nodes("//g[starts-with(@class,'link ')]").size(), s.map.linkCount());
    EXPECT_EQ(byId(doc, "link-" + std::to_string(s.ab.value)).child("title").text().get(),
              std::string("Trust & <safety> -> Availability of culturally appropriate peer support"));
}

TEST(SvgExport, LinksCarryPolarityAndDelayClasses)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    const auto cls = [&](LinkId id) { return classesOf(byId(doc, "link-" + std::to_string(id.value))); };
    EXPECT_EQ(cls(s.ab), (std::vector<std::string>{"link", "positive"}));
    EXPECT_EQ(cls(s.bc), (std::vector<std::string>{"link", "negative", "delayed"}));
    EXPECT_EQ(cls(s.cd), (std::vector<std::string>{"link", "unknown"}));
}

TEST(SvgExport, SignsDelayMarksArrowHeadsAndDashesAreDrawn)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    const auto link = [&](LinkId id) { return byId(doc, "link-" + std::to_string(id.value)); };
    const auto sign = [&](LinkId id) {
        return std::string(link(id).find_child_by_attribute("text", "class", "sign").text().get());
    };
    EXPECT_EQ(sign(s.ab), "+");
    EXPECT_EQ(sign(s.bc), "\xE2\x88\x92"); // U+2212 minus
    EXPECT_EQ(sign(s.cd), "?");
    for (LinkId id : {s.ab, s.ba, s.bc, s.cd, s.dd}) {
        EXPECT_TRUE(link(id).find_child_by_attribute("circle", "class", "sign"));
        EXPECT_TRUE(link(id).find_child_by_attribute("path", "class", "head"));
        EXPECT_TRUE(link(id).find_child_by_attribute("path", "class", "line"));
    }
    const pugi::xml_node delay = link(s.bc).find_child_by_attribute("path", "class", "delay");
    ASSERT_TRUE(delay);
    const std::string d = delay.attribute("d").value();
    EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2); // two strokes
    EXPECT_FALSE(link(s.ab).find_child_by_attribute("path", "class", "delay"));
    EXPECT_TRUE(link(s.cd).find_child_by_attribute("path", "class", "line").attribute("stroke-dasharray"));
    EXPECT_FALSE(link(s.ab).find_child_by_attribute("path", "class", "line").attribute("stroke-dasharray"));
}

TEST(SvgExport, TextElementsHoldTheLabelsWrappedAsTheCanvasWrapsThem)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    for (const Factor& f : s.map.factors()) {
        const pugi::xml_node text = byId(doc, "factor-" + std::to_string(f.id.value)).child("text");
        EXPECT_EQ(textOf(text), f.label);
        const FactorBoxText box = layoutFactorBox(f.label);
        EXPECT_EQ(std::max<std::size_t>(1, std::distance(text.children("tspan").begin(),
                                                         text.children("tspan").end())),
                  box.lines.size());
    }
    EXPECT_EQ(textOf(byId(doc, "link-" + std::to_string(s.ba.value))
                         .find_child_by_attribute("g", "class", "link-label")
                         .child("text")),
              "slowly");
}

// The drawing is bounded by what it draws: a wide box's own height, not half its width round its
// centre (which left a blank band above and below a drawing whose top or bottom box is wide: the
// sample map's SVG was 820 units tall where 702 hold it).
TEST(SvgExport, ViewBoxHugsTheDrawingWithItsMarginOnEverySide)
{
    SystemMap map;
    const FactorId wide = map.addFactor({.label = "Peer workload", .position = {0, 0}});
    const SvgOptions options;
    const pugi::xml_document doc = parse(exportSvg(map, options));
    const ViewBox v = viewBoxOf(doc);
    const pugi::xml_node rect = byId(doc, "factor-" + std::to_string(wide.value)).child("rect");
    const double w = rect.attribute("width").as_double(), h = rect.attribute("height").as_double();
    ASSERT_GT(w, h + 20); // a box wider than tall
    const double stroke = FactorBoxStyle{}.edgeWidth;
    // Whole units: each edge rounded out by less than one.
    EXPECT_NEAR(v.w, w + 2 * stroke + 2 * options.margin, 2.0);
    EXPECT_NEAR(v.h, h + 2 * stroke + 2 * options.margin, 2.0);
}

TEST(SvgExport, ViewBoxContainsEveryBoxWithAMargin)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    const ViewBox v = viewBoxOf(doc);
    for (const Factor& f : s.map.factors()) {
        const pugi::xml_node rect = byId(doc, "factor-" + std::to_string(f.id.value)).child("rect");
        const double x = rect.attribute("x").as_double(), y = rect.attribute("y").as_double();
        const double w = rect.attribute("width").as_double(), h = rect.attribute("height").as_double();
        const FactorBoxText box = layoutFactorBox(f.label);
        EXPECT_EQ(w, box.width); // the canvas's box size
        EXPECT_EQ(h, box.height);
        EXPECT_GE(x, v.x + 20);
        EXPECT_GE(y, v.y + 20);
        EXPECT_LE(x + w, v.x + v.w - 20);
        EXPECT_LE(y + h, v.y + v.h - 20);
    }
}

TEST(SvgExport, XmlSpecialAndControlCharactersAreEscapedOrDropped)
{
    SystemMap map;
    map.addFactor({.label = "a < b && c > \"d\" 'e'", .position = {0, 0}});
    map.addFactor({.label = "bell\x07 and bad \xFF byte", .position = {200, 0}});
    const std::string svg = exportSvg(map);
    EXPECT_NE(svg.find("a &lt; b &amp;&amp; c &gt;"), std::string::npos);
    EXPECT_EQ(svg.find('\x07'), std::string::npos);
    const pugi::xml_document doc = parse(svg);
    EXPECT_EQ(textOf(byId(doc, "factor-1").child("text")), "a < b && c > \"d\" 'e'");
    EXPECT_EQ(std::string(byId(doc, "factor-2").child("title").text().get()),
              "bell and bad \xEF\xBF\xBD byte");
}

TEST(SvgExport, NamedLoopsGetALoopLabel)
{
    const Sample s = fiveFactorSample();
    const pugi::xml_document doc = parse(exportSvg(s.map));
    const pugi::xml_node label = byId(doc, "loop-label-1");
    ASSERT_TRUE(label);
    EXPECT_EQ(classesOf(label), (std::vector<std::string>{"loop-label", "reinforcing"}));
    EXPECT_STREQ(label.child("title").text().get(), "R1 Trust builds reach");
    EXPECT_EQ(textOf(label.find_child_by_attribute("text", "class", "letter")), "R");
    SvgOptions none;
    none.loopLabels = false;
    EXPECT_FALSE(byId(parse(exportSvg(s.map, none)), "loop-label-1"));
}

// A loop whose middle a diagonal link runs through: its label moves off the diagonal (and
// every other link's line and sign) to a spot near the loop, instead of hiding the link there.
TEST(SvgExport, ALoopLabelKeepsOffTheLinksThatCrossItsLoop)
{
    SystemMap m;
    const FactorId a = m.addFactor({.label = "A", .position = {0, 0}});
    const FactorId b = m.addFactor({.label = "B", .position = {400, 0}});
    const FactorId c = m.addFactor({.label = "C", .position = {400, 300}});
    const FactorId d = m.addFactor({.label = "D", .position = {0, 300}});
    const LinkId ab = m.addLink({.from = a, .to = b, .polarity = Polarity::Positive});
    const LinkId bc = m.addLink({.from = b, .to = c, .polarity = Polarity::Positive});
    const LinkId cd = m.addLink({.from = c, .to = d, .polarity = Polarity::Positive});
    const LinkId da = m.addLink({.from = d, .to = a, .polarity = Polarity::Negative});
    m.addLink({.from = a, .to = c, .polarity = Polarity::Positive});
    m.addLink({.from = b, .to = d, .polarity = Polarity::Negative});
    addLoopLabel(m, {"B1", {ab, bc, cd, da}});
    const pugi::xml_document doc = parse(exportSvg(m));
    const pugi::xml_node disc = byId(doc, "loop-label-1").child("circle");
    ASSERT_TRUE(disc);
    const Point centre{disc.attribute("cx").as_double(), disc.attribute("cy").as_double()};
    const double r = disc.attribute("r").as_double();
    const svg::MapDrawing drawing = svg::drawingOf(m);
    for (const auto& [id, shape] : drawing.links) {
        for (const Point p : CubicPath(shape.line).sample(64))
            EXPECT_GT(length(p - centre), r) << "link " << id.value;
        EXPECT_GT(length(shape.sign - centre), r + LinkStyle{}.signRadius) << "sign of link " << id.value;
    }
    EXPECT_LT(length(centre - Point{200, 150}), 200) << "still by its loop";
}

TEST(SvgExport, VoteBadgesAppearOnlyOnceTheRoundIsRevealed)
{
    Sample s = fiveFactorSample();
    NominationRound round;
    round.name = "Round 1";
    round.participants = {"P1", "P2"};
    round.ballots = {{"P1", {ItemRef::of(s.a), ItemRef::of(s.bc)}, {ItemRef::of(s.d)}},
                     {"P2", {ItemRef::of(s.a)}, {}}};
    addRound(s.map, round);
    EXPECT_FALSE(byId(parse(exportSvg(s.map)), "votes-factor-" + std::to_string(s.a.value)));

    round.revealed = true;
    updateRound(s.map, round.name, round);
    const pugi::xml_document doc = parse(exportSvg(s.map));
    const pugi::xml_node a = byId(doc, "votes-factor-" + std::to_string(s.a.value));
    ASSERT_TRUE(a);
    EXPECT_EQ(textOf(a.find_child_by_attribute("g", "class", "badge watch").child("text")), "2");
    EXPECT_TRUE(byId(doc, "votes-link-" + std::to_string(s.bc.value)));
    EXPECT_TRUE(byId(doc, "votes-factor-" + std::to_string(s.d.value))
                    .find_child_by_attribute("g", "class", "badge stop"));

    SvgOptions noVotes;
    noVotes.voteBadges = false;
    EXPECT_FALSE(byId(parse(exportSvg(s.map, noVotes)), "votes-factor-" + std::to_string(s.a.value)));
    SvgOptions missing;
    missing.round = "Round 9";
    EXPECT_THROW(exportSvg(s.map, missing), IoError);
}

TEST(SvgExport, AnEmptyMapIsASmallBlankPage)
{
    const pugi::xml_document doc = parse(exportSvg(SystemMap{}));
    EXPECT_GT(viewBoxOf(doc).w, 0);
    EXPECT_FALSE(doc.find_node([](pugi::xml_node n) { return std::string(n.name()) == "text"; }));
}

// Each format, read back by an independent reader, carries every factor of the map: the
// importers for the interchange formats, the parsed <title>s for SVG, and the header's page
// size for PNG (its IHDR) and PDF (its MediaBox), against the SVG's own width and height.
TEST(SvgExport, EveryFormatCarriesTheWholeMap)
{
    const Sample s = fiveFactorSample();
    std::multiset<std::string> labels;
    for (const Factor& f : s.map.factors())
        labels.insert(f.label);
    const auto labelsOf = [](const SystemMap& m) {
        std::multiset<std::string> out;
        for (const Factor& f : m.factors())
            out.insert(f.label);
        return out;
    };
    EXPECT_EQ(labelsOf(importGraphml(exportMap(s.map, ExportFormat::Graphml)).map), labels);
    EXPECT_EQ(labelsOf(importDot(exportMap(s.map, ExportFormat::Dot)).map), labels);
    EXPECT_EQ(labelsOf(importLinksCsv(exportMap(s.map, ExportFormat::LinksCsv),
                                      exportMap(s.map, ExportFormat::FactorsCsv))
                           .map),
              labels);

    const std::string svg = exportMap(s.map, ExportFormat::Svg);
    const pugi::xml_document doc = parse(svg);
    std::multiset<std::string> titles;
    for (const Factor& f : s.map.factors())
        titles.insert(
            byId(doc, "factor-" + std::to_string(f.id.value)).child("title").text().get());
    EXPECT_EQ(titles, labels);

    const ViewBox v = viewBoxOf(doc);
    const std::string png = exportMap(s.map, ExportFormat::Png);
    ASSERT_GT(png.size(), 24u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
    const auto bigEndian = [&](std::size_t at) {
        return (unsigned(static_cast<unsigned char>(png[at])) << 24)
            | (unsigned(static_cast<unsigned char>(png[at + 1])) << 16)
            | (unsigned(static_cast<unsigned char>(png[at + 2])) << 8)
            | unsigned(static_cast<unsigned char>(png[at + 3]));
    };
    EXPECT_EQ(bigEndian(16), unsigned(v.w));
    EXPECT_EQ(bigEndian(20), unsigned(v.h));

    const std::string pdf = exportMap(s.map, ExportFormat::Pdf);
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    const std::size_t box = pdf.find("/MediaBox [");
    ASSERT_NE(box, std::string::npos);
    double x0 = -1, y0 = -1, w = 0, h = 0;
    std::istringstream(pdf.substr(box + 11, 64)) >> x0 >> y0 >> w >> h;
    EXPECT_DOUBLE_EQ(w, v.w * 0.75);
    EXPECT_DOUBLE_EQ(h, v.h * 0.75);
}

TEST(SvgExport, AMapTooLargeToDrawIsRefusedNotWrittenAsAnEmptyPage)
{
    SystemMap far;
    const FactorId a = far.addFactor(makeFactor("A"));
    const FactorId b = far.addFactor(makeFactor("B", "", "", {1e300, 0}));
    far.addLink(makeLink(a, b));
    EXPECT_THAT(test::ioErrorOf([&] { exportSvg(far); }),
                ::testing::HasSubstr("too large to draw"));
    EXPECT_THROW(exportMap(far, ExportFormat::Png), IoError);

    SystemMap bent;
    const FactorId c = bent.addFactor(makeFactor("C"));
    const FactorId d = bent.addFactor(makeFactor("D", "", "", {100, 0}));
    bent.addLink(makeLink(c, d, Polarity::Positive, "", "", Point{1e308, 0}));
    EXPECT_THAT(test::ioErrorOf([&] { exportSvg(bent); }),
                ::testing::HasSubstr("too large to draw"));
}

TEST(SvgExport, AVeryLongLabelIsDrawnShortenedWithAnEllipsis)
{
    SystemMap map;
    const std::string huge(1 << 20, 'w');
    const FactorId a = map.addFactor(makeFactor(huge));
    map.addLink(makeLink(a, a, Polarity::Positive, huge));
    addLoopLabel(map, {huge, {map.links().front().id}});
    const std::string svg = exportSvg(map);
    // The <title>s keep the whole label (factor, "A -> A" link, loop: 4 MB); drawing it too
    // would add 3 MB more, and a page 16 million px wide.
    EXPECT_LT(svg.size(), 5 * huge.size());
    const pugi::xml_document doc = parse(svg);
    const ViewBox v = viewBoxOf(doc);
    EXPECT_LT(std::max(v.w, v.h), 20000) << v.w << " x " << v.h;
    const pugi::xml_node label = byId(doc, "factor-" + std::to_string(a.value)).child("text");
    const std::string drawn = textOf(label);
    EXPECT_LT(drawn.size(), 1000u);
    EXPECT_EQ(drawn.substr(drawn.size() - 3), "\xE2\x80\xA6"); // …
}

TEST(SvgExport, FormatsAreNamedByExtension)
{
    EXPECT_EQ(exportFormatNamed("svg"), ExportFormat::Svg);
    EXPECT_EQ(exportFormatNamed("png"), ExportFormat::Png);
    EXPECT_EQ(exportFormatNamed("pdf"), ExportFormat::Pdf);
    EXPECT_EQ(exportFormatNamed("gv"), ExportFormat::Dot);
    EXPECT_EQ(exportFormatNamed("jpeg"), std::nullopt);
    EXPECT_STREQ(exportFormatExtension(ExportFormat::FactorsCsv), "csv");
}

// XML 1.0 forbids C0 controls but tab, LF and CR, U+FFFE/U+FFFF and malformed UTF-8 (lone
// surrogates included): wherever text goes (title, description, labels, groups, loop names),
// none of them reaches the file, and strict parsers read it.
TEST(SvgExport, ForbiddenXmlCharactersNeverReachTheFile)
{
    const std::string hostile = std::string{'a', '\x01', 'b', '\x1B', 'c', '\0', 'd'}
        + "\xEF\xBF\xBE" + "\xEF\xBF\xBF" + "\xED\xA0\x80" + "\xFF" + "\tend";
    SystemMap map;
    map.title = map.description = hostile;
    const FactorId a = map.addFactor(makeFactor(hostile, hostile, hostile));
    map.addLink(makeLink(a, a, Polarity::Negative, hostile, hostile));
    addLoopLabel(map, {hostile, {map.links().front().id}});
    const std::string svg = exportSvg(map);
    for (const char* forbidden :
         {"\x01", "\x1B", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xED\xA0\x80", "&#1;", "&#27;"})
        EXPECT_EQ(svg.find(forbidden), std::string::npos) << forbidden;
    EXPECT_EQ(svg.find('\0'), std::string::npos);
    parse(svg);
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        const std::string path = ::testing::TempDir() + "/hostile.svg";
        std::ofstream(path, std::ios::binary) << svg;
        EXPECT_EQ(std::system(("xmllint --noout " + path).c_str()), 0);
        std::remove(path.c_str());
    }
}

// The legend (issue 10, item 8): only when asked for; + - ?, the delay mark and each group with
// its colours; beside the map, never over a factor, the picture growing to hold it; still SVG
// that strict parsers read.
namespace {
std::vector<std::string> legendEntries(const pugi::xml_document& doc)
{
    std::vector<std::string> entries;
    for (pugi::xml_node g : byId(doc, "legend").children("g"))
        entries.push_back(classesOf(g).back() + ": "
                          + textOf(g.find_child_by_attribute("text", "class", "label")));
    return entries;
}
} // namespace

TEST(SvgExport, ALegendIsDrawnOnlyWhenAskedFor)
{
    const Sample s = fiveFactorSample();
    EXPECT_FALSE(byId(parse(exportSvg(s.map)), "legend"));
    SvgOptions withLegend;
    withLegend.legend = true;
    const std::string svg = exportSvg(s.map, withLegend);
    const pugi::xml_document doc = parse(svg);
    ASSERT_TRUE(byId(doc, "legend"));
    const std::vector<std::string> expected{
        "positive: more \xE2\x86\x92 more (+)", "negative: more \xE2\x86\x92 less (\xE2\x88\x92)",
        "unknown: unclear (?)", "delay: delay", "group: Clients"};
    EXPECT_EQ(legendEntries(doc), expected);
    // The group's swatch has the colours its factors' boxes have.
    const pugi::xml_node clients = byId(doc, "factor-" + std::to_string(s.a.value)).child("rect");
    const pugi::xml_node swatch =
        byId(doc, "legend").find_child_by_attribute("g", "class", "entry group").child("rect");
    EXPECT_STREQ(swatch.attribute("fill").value(), clients.attribute("fill").value());
    EXPECT_STREQ(swatch.attribute("stroke").value(), clients.attribute("stroke").value());
    if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
        const std::string path = ::testing::TempDir() + "/legend.svg";
        std::ofstream(path, std::ios::binary) << svg;
        EXPECT_EQ(std::system(("xmllint --noout " + path).c_str()), 0);
        std::remove(path.c_str());
    }
}

TEST(SvgExport, TheLegendStandsBesideTheMapAndThePictureGrows)
{
    const Sample s = fiveFactorSample();
    const ViewBox without = viewBoxOf(parse(exportSvg(s.map)));
    SvgOptions withLegend;
    withLegend.legend = true;
    const pugi::xml_document doc = parse(exportSvg(s.map, withLegend));
    const ViewBox with = viewBoxOf(doc);
    EXPECT_GT(with.w, without.w + 100);
    EXPECT_GE(with.h, without.h);
    EXPECT_EQ(with.x, without.x); // the map keeps its place; the picture grows to the right
    EXPECT_EQ(with.y, without.y);
    const pugi::xml_node frame = byId(doc, "legend").child("rect");
    const double left = frame.attribute("x").as_double();
    const double right = left + frame.attribute("width").as_double();
    EXPECT_LE(right, with.x + with.w);
    for (const Factor& f : s.map.factors()) {
        const pugi::xml_node box = byId(doc, "factor-" + std::to_string(f.id.value)).child("rect");
        EXPECT_LT(box.attribute("x").as_double() + box.attribute("width").as_double(), left)
            << f.label;
    }
}

TEST(SvgExport, TheLegendShowsTheBadgesOnlyWhenTheyAreDrawn)
{
    Sample s = fiveFactorSample();
    NominationRound round;
    round.name = "Round 1";
    round.participants = {"P1"};
    round.ballots = {{"P1", {ItemRef::of(s.a)}, {ItemRef::of(s.d)}}};
    addRound(s.map, round);
    SvgOptions withLegend;
    withLegend.legend = true;
    const auto hasBadgeEntries = [&](const SvgOptions& options) {
        const auto doc = parse(exportSvg(s.map, options)); // the legend's node lives in it
        const pugi::xml_node legend = byId(doc, "legend");
        return legend.find_child_by_attribute("g", "class", "entry watch")
               && legend.find_child_by_attribute("g", "class", "entry stop");
    };
    EXPECT_FALSE(hasBadgeEntries(withLegend)); // secret: no badges drawn, none explained
    round.revealed = true;
    updateRound(s.map, round.name, round);
    EXPECT_TRUE(hasBadgeEntries(withLegend));
    withLegend.voteBadges = false;
    EXPECT_FALSE(hasBadgeEntries(withLegend));
}
