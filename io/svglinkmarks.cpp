// Verdict marks in the SVG export: the monitoring report's verdicts on links and factors, each
// drawn and placed as the canvas draws it (io/verdictmarkshape.h).
#include "io/svgdrawing.h"

#include <cstdint>

namespace causeway::svg {

void drawVerdictMark(pugi::xml_node parent, VerdictMark mark, Point c, double r)
{
    const VerdictMarkShape shape = verdictMarkShape(mark, c, r);
    pugi::xml_node outline =
        shape.square ? element(parent, "rect", {{"x", number(c.x - r * 0.9)}, {"y", number(c.y - r * 0.9)},
                                                {"width", number(r * 1.8)}, {"height", number(r * 1.8)}})
                     : element(parent, "circle", {{"cx", number(c.x)}, {"cy", number(c.y)}, {"r", number(r)}});
    outline.append_attribute("class").set_value("ring");
    outline.append_attribute("fill").set_value("#ffffff");
    outline.append_attribute("stroke").set_value(shape.ink.c_str());
    outline.append_attribute("stroke-width").set_value(number(shape.ringWidth).c_str());
    if (shape.dashed)
        outline.append_attribute("stroke-dasharray").set_value((number(r * 0.5) + "," + number(r * 0.3)).c_str());
    for (const std::vector<Point>& stroke : shape.strokes) {
        std::string d;
        for (const Point& p : stroke)
            d += (d.empty() ? "M" : " L") + number(p.x) + "," + number(p.y);
        element(parent, "path", {{"class", "glyph"}, {"d", d}, {"fill", "none"}, {"stroke", shape.ink},
                                 {"stroke-width", number(shape.glyphWidth)}, {"stroke-linecap", "round"},
                                 {"stroke-linejoin", "round"}});
    }
    if (shape.question) {
        const FontSpec font{shape.questionSize, true};
        element(parent, "text", {{"class", "glyph"}, {"x", number(c.x)},
                                 {"y", number(c.y - lineHeight(font) / 2 + fontAscent(font))},
                                 {"text-anchor", "middle"}, {"font-size", number(font.pixelSize)},
                                 {"font-weight", "bold"}, {"fill", shape.ink}})
            .text()
            .set("?");
    }
}

namespace {

void markItem(pugi::xml_node layer, const std::string& kind, std::uint64_t id, const ItemMark& mark, Point at,
              Bounds& bounds)
{
    const double r = kVerdictMarkRadius;
    pugi::xml_node g = element(layer, "g", {{"class", kind + "-mark " + verdictMarkClass(mark.mark)},
                                            {"id", kind + "-mark-" + std::to_string(id)}});
    element(g, "title", {}).text().set(xmlSafe(mark.title).c_str());
    drawVerdictMark(g, mark.mark, at, r);
    bounds.addRect(at.x - r - 1, at.y - r - 1, 2 * r + 2, 2 * r + 2);
}

} // namespace

void drawVerdictMarks(pugi::xml_node layer, const SvgOptions& options, const MapDrawing& drawing, Bounds& bounds)
{
    const double r = kVerdictMarkRadius;
    for (const auto& [id, mark] : options.linkMarks)
        if (const auto shape = drawing.links.find(id); shape != drawing.links.end()) {
            const Point offset = linkMarkOffset(shape->second, r);
            markItem(layer, "link", id.value, mark,
                     {shape->second.middle.x + offset.x, shape->second.middle.y + offset.y}, bounds);
        }
    for (const auto& [id, mark] : options.factorMarks)
        if (const auto box = drawing.boxes.find(id); box != drawing.boxes.end()) {
            const Point corner = factorMarkAnchor(box->second);
            const Point offset = factorMarkOffset(r);
            markItem(layer, "factor", id.value, mark, {corner.x + offset.x, corner.y + offset.y}, bounds);
        }
}

} // namespace causeway::svg
