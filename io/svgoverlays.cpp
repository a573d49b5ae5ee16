// Loop labels in the SVG export, drawn as app/looplabelitem.cpp draws them, placed by the same
// layout/loopmarker.
#include "io/svgdrawing.h"

#include "layout/loopmarker.h"
#include "layout/palette.h"
#include "model/looplabels.h"

#include <algorithm>
#include <cmath>

namespace causeway::svg {
namespace {

// As LoopLabelItem: a circular arrow of this radius, the name below it (layout/loopmarker.h,
// which also places labels clear of the factors).
constexpr double kLoopRadius = layout::kLoopLabelRadius;
constexpr double kNameGap = layout::kLoopLabelNameGap;
constexpr double kNamePadding = layout::kLoopLabelNamePadding;
constexpr double kNameMaxWidth = layout::kLoopLabelNameMaxWidth;
const FontSpec kNameFont{layout::kLoopLabelNamePixels, true};
const FontSpec kLetterFont{20, true};


const char* loopClass(LoopPolarity p)
{
    switch (p) {
    case LoopPolarity::Reinforcing: return "reinforcing";
    case LoopPolarity::Balancing: return "balancing";
    case LoopPolarity::Unknown: break;
    }
    return "unknown";
}

palette::Rgb loopColour(LoopPolarity p)
{
    switch (p) {
    case LoopPolarity::Reinforcing: return palette::kPositive;
    case LoopPolarity::Balancing: return palette::kNegative;
    case LoopPolarity::Unknown: break;
    }
    return palette::kUnknown;
}

void drawLoopLabel(pugi::xml_node layer, const LoopLabel& label, std::size_t index,
                   std::optional<Loop> loop, const layout::LoopMarker& marker, Bounds& bounds)
{
    const bool broken = !loop;
    const LoopPolarity polarity = loop ? loop->polarity : LoopPolarity::Unknown;
    const Point c = marker.centre;
    std::string cls = std::string("loop-label ") + (broken ? "broken" : loopClass(polarity));
    pugi::xml_node g =
        element(layer, "g", {{"id", "loop-label-" + std::to_string(index + 1)}, {"class", cls},
                             {"color", palette::hex(loopColour(polarity))}});
    element(g, "title", {}).text().set(xmlSafe(label.name).c_str());

    // A pale disc behind the arrow keeps it legible over links.
    element(g, "circle", {{"cx", number(c.x)}, {"cy", number(c.y)},
                          {"r", number(kLoopRadius + 6)}, {"fill", "#ffffff"},
                          {"fill-opacity", "0.84"}});
    const layout::LoopArrow arrow = layout::loopArrow(c, kLoopRadius, marker.clockwise);
    pugi::xml_node arc = element(
        g, "path",
        {{"class", "arc"},
         {"d", "M" + point(arrow.start) + " A" + number(kLoopRadius) + "," + number(kLoopRadius)
                   + " 0 1," + (marker.clockwise ? "1 " : "0 ") + point(arrow.end)},
         {"fill", "none"}, {"stroke", "currentColor"}, {"stroke-width", "4"}});
    if (broken)
        arc.append_attribute("stroke-dasharray").set_value("16 8");
    element(g, "path", {{"class", "arrow"},
                        {"d", "M" + point(arrow.head[0]) + " L" + point(arrow.head[1]) + " L"
                                  + point(arrow.head[2]) + " Z"},
                        {"fill", "currentColor"}});
    element(g, "text", {{"class", "letter"}, {"x", number(c.x)},
                        {"y", number(c.y - lineHeight(kLetterFont) / 2 + fontAscent(kLetterFont))},
                        {"text-anchor", "middle"}, {"font-size", number(kLetterFont.pixelSize)},
                        {"font-weight", "bold"}, {"fill", "currentColor"}})
        .text()
        .set(broken ? "!" : loopPolarityLetter(polarity));

    const std::string name = (broken ? "\xE2\x9A\xA0 " : "") + drawnText(label.name);
    const std::vector<std::string> lines = wrapText(name, kNameMaxWidth, kNameFont);
    double widest = 0;
    for (const std::string& line : lines)
        widest = std::max(widest, textWidth(line, kNameFont));
    const double lh = lineHeight(kNameFont);
    const double w = widest + 2 * kNamePadding, h = lh * double(lines.size()) + 2 * kNamePadding;
    const double top = c.y + kLoopRadius + kNameGap;
    element(g, "rect", {{"x", number(c.x - w / 2)}, {"y", number(top)}, {"width", number(w)},
                        {"height", number(h)}, {"rx", "6"}, {"fill", "#ffffff"},
                        {"fill-opacity", "0.88"}});
    pugi::xml_node text = centredText(g, "name", c.x, top + kNamePadding + fontAscent(kNameFont),
                                      lines, lh);
    text.append_attribute("font-size").set_value(number(kNameFont.pixelSize).c_str());
    text.append_attribute("font-weight").set_value("bold");
    text.append_attribute("fill").set_value(
        palette::hex(broken ? palette::kUnknown : palette::kText).c_str());

    bounds.add(c, kLoopRadius + 10);
    bounds.addRect(c.x - w / 2, top, w, h);
}

} // namespace

void drawLoopLabels(pugi::xml_node layer, const SystemMap& map, const MapDrawing& drawing,
                    Bounds& bounds)
{
    // Labels keep off the factors, the links' signs and arrow heads, and off each other, and
    // near their loop off the links' lines too, as on the canvas.
    std::vector<BoxShape> obstacles, lines;
    for (const auto& [id, box] : drawing.boxes)
        obstacles.push_back(box);
    for (const auto& [id, shape] : drawing.links)
        layout::linkMarks(shape, LinkStyle{}.signRadius, obstacles, lines);
    for (std::size_t i = 0; i < map.loopLabels().size(); ++i) {
        const LoopLabel& label = map.loopLabels()[i];
        // The outline the canvas uses: each link's source centre, then the link's middle.
        std::vector<Point> outline;
        for (LinkId id : label.links) {
            const Link* link = map.findLink(id);
            if (!link)
                continue;
            outline.push_back(drawing.boxes.at(link->from).centre);
            outline.push_back(drawing.links.at(id).middle);
        }
        if (outline.empty())
            continue; // every factor of the loop is gone: nowhere to put it
        layout::LoopMarker marker = layout::loopMarker(outline);
        const auto loop = loopOfLabel(map, label);
        const std::string shown = loop ? label.name : "\xE2\x9A\xA0 " + label.name;
        const layout::LabelFootprint footprint = layout::loopLabelFootprint(shown);
        marker.centre = layout::placeClearOf(marker.centre, footprint, obstacles, lines);
        obstacles.push_back(layout::footprintBox(marker.centre, footprint));
        drawLoopLabel(layer, label, i, loop, marker, bounds);
    }
}

} // namespace causeway::svg
