#include "io/svgexport.h"

#include "io/svgdrawing.h"
#include "layout/cubicpath.h"
#include "layout/linkshapes.h"
#include "layout/palette.h"
#include "model/nominations.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace causeway {
namespace svg {

MapDrawing drawingOf(const SystemMap& map)
{
    MapDrawing d;
    for (const Factor& f : map.factors()) {
        FactorBoxText text = layoutFactorBox(drawnText(f.label));
        d.boxes[f.id] = BoxShape{f.position, text.width, text.height};
        d.labels[f.id] = std::move(text);
    }
    d.links = computeLinkShapes(map, d.boxes); // as the canvas draws them
    return d;
}

void Bounds::add(Point p, double grow)
{
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(grow)) {
        m_finite = false;
        return;
    }
    if (m_empty) {
        minX = maxX = p.x;
        minY = maxY = p.y;
        m_empty = false;
    }
    minX = std::min(minX, p.x - grow);
    maxX = std::max(maxX, p.x + grow);
    minY = std::min(minY, p.y - grow);
    maxY = std::max(maxY, p.y + grow);
}

void Bounds::addRect(double x, double y, double w, double h)
{
    add({x, y});
    add({x + w, y + h});
}

std::string drawnText(std::string_view label)
{
    std::size_t characters = 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        // Count UTF-8 lead bytes, so the cut never splits a character.
        if ((static_cast<unsigned char>(label[i]) & 0xC0) != 0x80
            && characters++ == kMaxDrawnCharacters)
            return std::string(label.substr(0, i)) + "\xE2\x80\xA6"; // …
    }
    return std::string(label);
}

std::string point(Point p)
{
    return number(p.x) + "," + number(p.y);
}

std::string number(double v)
{
    if (!std::isfinite(v))
        v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s(buf);
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s == "-0" ? "0" : s;
}

pugi::xml_node element(pugi::xml_node parent, const char* name,
                       std::initializer_list<std::pair<const char*, std::string>> attributes)
{
    pugi::xml_node node = parent.append_child(name);
    for (const auto& [key, value] : attributes)
        node.append_attribute(key).set_value(value.c_str());
    return node;
}

pugi::xml_node centredText(pugi::xml_node parent, const char* cssClass, double x, double y,
                           const std::vector<std::string>& lines, double lineHeight)
{
    pugi::xml_node text = element(parent, "text", {{"class", cssClass}, {"x", number(x)},
                                                   {"y", number(y)}, {"text-anchor", "middle"}});
    if (lines.size() == 1) {
        text.text().set(xmlSafe(lines.front()).c_str());
        return text;
    }
    // An empty text node first: pugixml then writes the <tspan>s without indentation between
    // them, which SVG would render as a space at the end of each line.
    text.append_child(pugi::node_pcdata);
    for (std::size_t i = 0; i < lines.size(); ++i)
        element(text, "tspan", {{"x", number(x)}, {"y", number(y + double(i) * lineHeight)}})
            .text()
            .set(xmlSafe(lines[i]).c_str());
    return text;
}

} // namespace svg

namespace {

using svg::element;
using svg::number;
using svg::point;

// A path's d for cubic pieces (1 + 3k points): "M p0 C p1 p2 p3 C ...".
std::string curveText(const std::vector<Point>& points)
{
    std::string d = points.empty() ? std::string() : "M" + point(points.front());
    for (std::size_t i = 1; i + 2 < points.size(); i += 3)
        d += " C" + point(points[i]) + " " + point(points[i + 1]) + " " + point(points[i + 2]);
    return d;
}

const char* polarityClass(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return "positive";
    case Polarity::Negative: return "negative";
    case Polarity::Unknown: break;
    }
    return "unknown";
}

const char* signText(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return "+";
    case Polarity::Negative: return "\xE2\x88\x92"; // a real minus, as the canvas draws it
    case Polarity::Unknown: break;
    }
    return "?";
}

// The first baseline that centres one line of `font` vertically on y (Qt's AlignVCenter).
double centredBaseline(double y, const FontSpec& font)
{
    return y - lineHeight(font) / 2 + fontAscent(font);
}

const char* kStyleSheet = R"(
    /* Restyle here: these rules win over the drawing's own attributes. */
    .link.positive, .loop-label.reinforcing { color: #0072b2; }
    .link.negative, .loop-label.balancing { color: #d55e00; }
    .link.unknown, .loop-label.unknown, .loop-label.broken { color: #6e6e6e; }
  )";

void drawFactor(pugi::xml_node layer, const Factor& f, const BoxShape& box,
                const FactorBoxText& text, svg::Bounds& bounds)
{
    const FactorBoxStyle style;
    pugi::xml_node g = element(layer, "g", {{"id", "factor-" + std::to_string(f.id.value)},
                                            {"class", "factor"}});
    if (!f.group.empty())
        g.append_attribute("data-group").set_value(svg::xmlSafe(f.group).c_str());
    element(g, "title", {}).text().set(svg::xmlSafe(f.label).c_str());
    palette::Rgb fill = palette::kBoxFill, edge = palette::kBoxEdge;
    if (!f.group.empty()) {
        const palette::Rgb c = palette::groupColour(f.group);
        fill = palette::groupFill(c);
        edge = palette::groupEdge(c);
    }
    const double x = box.centre.x - box.width / 2, y = box.centre.y - box.height / 2;
    element(g, "rect", {{"class", "box"}, {"x", number(x)}, {"y", number(y)},
                        {"width", number(box.width)}, {"height", number(box.height)},
                        {"rx", number(style.cornerRadius)}, {"fill", palette::hex(fill)},
                        {"stroke", palette::hex(edge)}, {"stroke-width", number(style.edgeWidth)}});
    pugi::xml_node label = svg::centredText(g, "label", box.centre.x,
                                            box.centre.y + text.firstBaseline, text.lines,
                                            text.lineHeight);
    label.append_attribute("font-size").set_value(number(style.font.pixelSize).c_str());
    label.append_attribute("font-weight").set_value("bold");
    label.append_attribute("fill").set_value(palette::hex(palette::kText).c_str());
    // The box and its stroke (growing a square round the centre by half the width, as this did,
    // left a wide box's drawing a blank band above and below it).
    bounds.addRect(x - style.edgeWidth, y - style.edgeWidth, box.width + 2 * style.edgeWidth,
                   box.height + 2 * style.edgeWidth);
}

void drawLink(pugi::xml_node layer, const SystemMap& map, const Link& l, const LinkShape& s,
              svg::Bounds& bounds)
{
    const LinkStyle style;
    std::string cls = std::string("link ") + polarityClass(l.polarity);
    if (l.delay)
        cls += " delayed";
    const std::string colour = palette::hex(palette::polarityColour(l.polarity));
    pugi::xml_node g = element(layer, "g", {{"id", "link-" + std::to_string(l.id.value)},
                                            {"class", cls}, {"color", colour}});
    element(g, "title", {}).text().set(svg::xmlSafe(describeLink(map, l)).c_str());

    pugi::xml_node line = element(
        g, "path",
        {{"class", "line"},
         {"d", curveText(s.line)},
         {"fill", "none"}, {"stroke", "currentColor"}, {"stroke-width", number(style.lineWidth)}});
    if (l.polarity == Polarity::Unknown)
        line.append_attribute("stroke-dasharray")
            .set_value((number(style.dashOn * style.lineWidth) + " "
                        + number(style.dashOff * style.lineWidth)).c_str());
    element(g, "path", {{"class", "head"},
                        {"d", "M" + point(s.tip) + " L" + point(s.baseLeft) + " L"
                                  + point(s.baseRight) + " Z"},
                        {"fill", "currentColor"}, {"stroke", "currentColor"},
                        {"stroke-width", "1.5"}, {"stroke-linejoin", "miter"}});
    if (l.delay) {
        pugi::xml_node delay = element(g, "path", {{"class", "delay"},
                                                   {"d", "M" + point(s.delayA1) + " L"
                                                             + point(s.delayA2) + " M"
                                                             + point(s.delayB1) + " L"
                                                             + point(s.delayB2)},
                                                   {"fill", "none"},
                                                   {"stroke", palette::hex(palette::kText)},
                                                   {"stroke-width", number(style.lineWidth)}});
        (void)delay;
        for (Point p : {s.delayA1, s.delayA2, s.delayB1, s.delayB2})
            bounds.add(p, style.lineWidth / 2);
    }
    element(g, "circle", {{"class", "sign"}, {"cx", number(s.sign.x)}, {"cy", number(s.sign.y)},
                          {"r", number(style.signRadius)}, {"fill", "#ffffff"},
                          {"stroke", "currentColor"},
                          {"stroke-width", number(style.signEdgeWidth)}});
    const FontSpec signFont{style.signFontSize, true};
    // The canvas centres the sign in a box raised by one pixel.
    element(g, "text", {{"class", "sign"}, {"x", number(s.sign.x)},
                        {"y", number(centredBaseline(s.sign.y - 1, signFont))},
                        {"text-anchor", "middle"}, {"font-size", number(style.signFontSize)},
                        {"font-weight", "bold"}, {"fill", "currentColor"}})
        .text()
        .set(signText(l.polarity));

    // The curve itself, not its control points: an arc's lie well outside it, and a drawing
    // bounded by them had a blank band along one side (a loop-first drawing's rings).
    for (Point p : CubicPath(s.line).sampleEvery(2))
        bounds.add(p, style.lineWidth);
    for (Point p : {s.tip, s.baseLeft, s.baseRight})
        bounds.add(p, style.lineWidth);
    bounds.add(s.sign, style.signRadius + style.signEdgeWidth);

    if (!l.label.empty()) {
        const FontSpec font{style.labelFontSize, false};
        const std::string drawn = svg::drawnText(l.label);
        const double w = textWidth(drawn, font), h = lineHeight(font);
        const double x = s.labelAnchor.x - w / 2 - 4, y = s.labelAnchor.y - h / 2 - 2;
        pugi::xml_node lg = element(g, "g", {{"class", "link-label"}});
        element(lg, "rect", {{"x", number(x)}, {"y", number(y)}, {"width", number(w + 8)},
                             {"height", number(h + 4)}, {"rx", "4"}, {"fill", "#ffffff"},
                             {"fill-opacity", "0.86"}});
        pugi::xml_node t = svg::centredText(lg, "label", s.labelAnchor.x,
                                            centredBaseline(s.labelAnchor.y, font), {drawn}, h);
        t.append_attribute("font-size").set_value(number(font.pixelSize).c_str());
        t.append_attribute("font-style").set_value("italic");
        t.append_attribute("fill").set_value(palette::hex(palette::kText).c_str());
        bounds.addRect(x, y, w + 8, h + 4);
    }
}

// A map loaded from a file stays within kMaxCoordinate; one imported or built otherwise may
// not, and an infinite extent used to be written as a 0 x 0 picture.
void refuseUndrawable(const svg::Bounds& bounds)
{
    const double spanX = bounds.maxX - bounds.minX, spanY = bounds.maxY - bounds.minY;
    if (bounds.finite() && std::max(spanX, spanY) <= svg::kMaxDrawingSpan)
        return;
    char size[64] = "not finite";
    if (bounds.finite())
        std::snprintf(size, sizeof size, "%.3g x %.3g units", spanX, spanY);
    throw IoError(std::string("The map is too large to draw: its extent is ") + size
                  + " (at most 1e+08 a side); move the far factors or straighten the far links.");
}

const NominationRound* roundToShow(const SystemMap& map, const SvgOptions& options)
{
    if (!options.voteBadges)
        return nullptr;
    if (!options.round.empty()) {
        const NominationRound* round = findRound(map, options.round);
        if (!round)
            throw IoError("The map has no nomination round called '" + options.round + "'.");
        return round->revealed ? round : nullptr; // secret until revealed
    }
    for (auto it = map.rounds().rbegin(); it != map.rounds().rend(); ++it)
        if (it->revealed)
            return &*it;
    return nullptr;
}

} // namespace

std::string exportSvg(const SystemMap& map, const SvgOptions& options)
{
    const NominationRound* round = roundToShow(map, options); // throws before any work
    const svg::MapDrawing drawing = svg::drawingOf(map);

    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node root = element(doc, "svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                                               {"version", "1.1"}});
    if (!map.title.empty())
        element(root, "title", {}).text().set(svg::xmlSafe(map.title).c_str());
    if (!map.description.empty())
        element(root, "desc", {}).text().set(svg::xmlSafe(map.description).c_str());
    element(root, "style", {{"type", "text/css"}}).text().set(kStyleSheet);
    pugi::xml_node background = options.background ? element(root, "rect", {{"class", "background"}})
                                                   : pugi::xml_node();
    // Layers in the canvas's stacking order: links, loop labels, factors, vote badges.
    pugi::xml_node content =
        element(root, "g", {{"font-family", "DejaVu Sans, Verdana, sans-serif"}});
    pugi::xml_node links = element(content, "g", {{"class", "links"}});
    pugi::xml_node loops = element(content, "g", {{"class", "loop-labels"}});
    pugi::xml_node factors = element(content, "g", {{"class", "factors"}});
    pugi::xml_node votes = element(content, "g", {{"class", "vote-badges"}});
    pugi::xml_node marks = element(content, "g", {{"class", "verdict-marks"}});

    svg::Bounds bounds;
    for (const Link& l : map.links())
        drawLink(links, map, l, drawing.links.at(l.id), bounds);
    if (options.loopLabels)
        svg::drawLoopLabels(loops, map, drawing, bounds);
    for (const Factor& f : map.factors())
        drawFactor(factors, f, drawing.boxes.at(f.id), drawing.labels.at(f.id), bounds);
    if (round)
        svg::drawVoteBadges(votes, map, *round, drawing, bounds);
    svg::drawVerdictMarks(marks, options, drawing, bounds);
    if (options.legend) // last: it stands beside everything drawn
        svg::drawLegend(content, map, round != nullptr && round->ballotsVisible(),
                        marks.first_child() != nullptr, bounds);
    for (pugi::xml_node layer : {links, loops, factors, votes, marks})
        if (!layer.first_child())
            content.remove_child(layer);

    if (bounds.empty())
        bounds.addRect(0, 0, 200, 100); // an empty map: a small blank page
    refuseUndrawable(bounds);
    // Whole units, so the px size is exact and a scaled PNG has a predictable size.
    const double x0 = std::floor(bounds.minX - options.margin);
    const double y0 = std::floor(bounds.minY - options.margin);
    const double w = std::ceil(bounds.maxX + options.margin) - x0;
    const double h = std::ceil(bounds.maxY + options.margin) - y0;
    root.append_attribute("width").set_value((number(w) + "px").c_str());
    root.append_attribute("height").set_value((number(h) + "px").c_str());
    root.append_attribute("viewBox").set_value(
        (number(x0) + " " + number(y0) + " " + number(w) + " " + number(h)).c_str());
    if (background) {
        background.append_attribute("x").set_value(number(x0).c_str());
        background.append_attribute("y").set_value(number(y0).c_str());
        background.append_attribute("width").set_value(number(w).c_str());
        background.append_attribute("height").set_value(number(h).c_str());
        background.append_attribute("fill").set_value(palette::hex(palette::kBackground).c_str());
    }

    std::ostringstream out;
    doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
    return out.str();
}

} // namespace causeway
