// The legend of the SVG export (and so of PNG and PDF): + - ?, the delay mark, the map's groups
// with their colours, the vote badges when a round's badges are drawn, and the verdict marks when
// monitoring data marked the map. It stands beside
// the map, to its right, so it never covers a factor: the picture grows to hold it.
#include "io/svgdrawing.h"

#include "layout/palette.h"
#include "layout/votebadge.h"

#include <algorithm>
#include <set>

namespace causeway::svg {
namespace {

constexpr double kGap = 40;      // between the map and the legend
constexpr double kPad = 12;      // inside the legend's frame
constexpr double kRow = 34;      // one entry
constexpr double kSymbol = 40;   // the symbol's column
const FontSpec kFont{15, false};
const FontSpec kHeading{15, true};

struct Row {
    std::string cls;
    std::string text;
};

void drawSign(pugi::xml_node g, Polarity p, Point c)
{
    const LinkStyle style;
    const std::string colour = palette::hex(palette::polarityColour(p));
    element(g, "circle", {{"cx", number(c.x)}, {"cy", number(c.y)},
                          {"r", number(style.signRadius)}, {"fill", "#ffffff"},
                          {"stroke", colour}, {"stroke-width", number(style.signEdgeWidth)}});
    const FontSpec font{style.signFontSize, true};
    const char* sign = p == Polarity::Positive ? "+" : p == Polarity::Negative ? "\xE2\x88\x92" : "?";
    element(g, "text", {{"x", number(c.x)}, {"y", number(c.y - 1 - lineHeight(font) / 2 + fontAscent(font))},
                        {"text-anchor", "middle"}, {"font-size", number(font.pixelSize)},
                        {"font-weight", "bold"}, {"fill", colour}})
        .text()
        .set(sign);
}

void drawDelay(pugi::xml_node g, Point c)
{
    const LinkStyle style;
    const double h = style.delayLength / 2, d = style.delayGap / 2;
    element(g, "path", {{"d", "M" + number(c.x - kSymbol / 2 + 2) + "," + number(c.y) + " L"
                                  + number(c.x + kSymbol / 2 - 2) + "," + number(c.y)},
                        {"stroke", palette::hex(palette::kUnknown)},
                        {"stroke-width", number(style.lineWidth)}});
    element(g, "path", {{"d", "M" + number(c.x - d) + "," + number(c.y - h) + " L" + number(c.x - d) + ","
                                  + number(c.y + h) + " M" + number(c.x + d) + "," + number(c.y - h)
                                  + " L" + number(c.x + d) + "," + number(c.y + h)},
                        {"fill", "none"}, {"stroke", palette::hex(palette::kText)},
                        {"stroke-width", number(style.lineWidth)}});
}

void drawGroup(pugi::xml_node g, const std::string& group, Point c)
{
    const palette::Rgb colour = palette::groupColour(group);
    element(g, "rect", {{"x", number(c.x - kSymbol / 2)}, {"y", number(c.y - 11)},
                        {"width", number(kSymbol)}, {"height", "22"}, {"rx", "5"},
                        {"fill", palette::hex(palette::groupFill(colour))},
                        {"stroke", palette::hex(palette::groupEdge(colour))}, {"stroke-width", "2"}});
}

} // namespace

void drawLegend(pugi::xml_node layer, const SystemMap& map, bool voteBadges, bool verdictMarks, Bounds& bounds)
{
    std::vector<Row> rows{{"positive", "more \xE2\x86\x92 more (+)"},
                          {"negative", "more \xE2\x86\x92 less (\xE2\x88\x92)"},
                          {"unknown", "unclear (?)"},
                          {"delay", "delay"}};
    std::set<std::string> groups;
    for (const Factor& f : map.factors())
        if (!f.group.empty())
            groups.insert(f.group);
    for (const std::string& group : groups)
        rows.push_back({"group", drawnText(group)});
    if (voteBadges) {
        rows.push_back({"watch", "nominated to watch"});
        rows.push_back({"stop", "nominated to stop watching"});
    }
    const VerdictMark marks[] = {VerdictMark::Consistent, VerdictMark::Contradicted, VerdictMark::Unclear};
    if (verdictMarks)
        for (VerdictMark m : marks)
            rows.push_back({std::string("verdict ") + verdictMarkClass(m), verdictMarkMeaning(m)});

    double textW = textWidth("Legend", kHeading);
    for (const Row& r : rows)
        textW = std::max(textW, textWidth(r.text, kFont));
    const double width = 2 * kPad + kSymbol + 10 + textW;
    const double height = 2 * kPad + lineHeight(kHeading) + 6 + double(rows.size()) * kRow;
    // Beside the map: to the right of everything drawn so far, level with its top.
    const double x = bounds.empty() ? 0 : bounds.maxX + kGap;
    const double y = bounds.empty() ? 0 : bounds.minY;

    pugi::xml_node legend = element(layer, "g", {{"id", "legend"}, {"class", "legend"}});
    element(legend, "title", {}).text().set("Legend");
    element(legend, "rect", {{"class", "frame"}, {"x", number(x)}, {"y", number(y)},
                             {"width", number(width)}, {"height", number(height)}, {"rx", "6"},
                             {"fill", "#ffffff"}, {"stroke", palette::hex(palette::kBoxEdge)},
                             {"stroke-width", "1.5"}});
    element(legend, "text", {{"x", number(x + kPad)}, {"y", number(y + kPad + fontAscent(kHeading))},
                             {"font-size", number(kHeading.pixelSize)}, {"font-weight", "bold"},
                             {"fill", palette::hex(palette::kText)}})
        .text()
        .set("Legend");
    double rowTop = y + kPad + lineHeight(kHeading) + 6;
    std::size_t groupIndex = 0;
    const std::vector<std::string> groupNames(groups.begin(), groups.end());
    for (const Row& r : rows) {
        pugi::xml_node g = element(legend, "g", {{"class", "entry " + r.cls}});
        const Point c{x + kPad + kSymbol / 2, rowTop + kRow / 2};
        if (r.cls == "positive")
            drawSign(g, Polarity::Positive, c);
        else if (r.cls == "negative")
            drawSign(g, Polarity::Negative, c);
        else if (r.cls == "unknown")
            drawSign(g, Polarity::Unknown, c);
        else if (r.cls == "delay")
            drawDelay(g, c);
        else if (r.cls == "group")
            drawGroup(g, groupNames[groupIndex++], c);
        else if (r.cls.rfind("verdict ", 0) == 0) {
            for (VerdictMark m : marks)
                if (r.cls.substr(8) == verdictMarkClass(m))
                    drawVerdictMark(g, m, c, kVerdictMarkRadius * 0.85);
        } else {
            const NominationKind kind = r.cls == "watch" ? NominationKind::Watch : NominationKind::Stop;
            Bounds ignored; // inside the frame already
            drawBadge(g, makeVoteBadge(kind, 0, c.x - kSymbol / 2 + 4, c.y, 26), ignored);
        }
        element(g, "text", {{"class", "label"}, {"x", number(x + kPad + kSymbol + 10)},
                            {"y", number(c.y - lineHeight(kFont) / 2 + fontAscent(kFont))},
                            {"font-size", number(kFont.pixelSize)}, {"fill", palette::hex(palette::kText)}})
            .text()
            .set(xmlSafe(r.text).c_str());
        rowTop += kRow;
    }
    bounds.addRect(x, y, width, height);
}

} // namespace causeway::svg
