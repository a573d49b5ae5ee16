// The verdict marks' shapes and places, shared by the canvas and the SVG export.
#include "io/verdictmarkshape.h"

#include <algorithm>
#include <cmath>

namespace causeway {

const char* verdictMarkClass(VerdictMark mark)
{
    switch (mark) {
    case VerdictMark::Consistent: return "consistent";
    case VerdictMark::Contradicted: return "contradicted";
    case VerdictMark::Unclear: break;
    }
    return "unclear";
}

const char* verdictMarkMeaning(VerdictMark mark)
{
    switch (mark) {
    case VerdictMark::Consistent: return "consistent: the figures moved as the map says";
    case VerdictMark::Contradicted: return "contradicted: the figures moved against the map";
    case VerdictMark::Unclear: break;
    }
    return "unclear: too few figures, no clear trend, or mixed";
}

VerdictMarkShape verdictMarkShape(VerdictMark mark, Point c, double r)
{
    VerdictMarkShape s;
    s.square = mark == VerdictMark::Contradicted;
    s.dashed = mark == VerdictMark::Unclear;
    s.ringWidth = r * 0.22;
    s.glyphWidth = r * 0.3;
    s.ink = mark == VerdictMark::Consistent ? "#1b7a3d" : mark == VerdictMark::Contradicted ? "#b31b1b" : "#555555";
    const double g = r * 0.45;
    if (mark == VerdictMark::Consistent) {
        s.strokes.push_back({{c.x - g, c.y}, {c.x - g * 0.25, c.y + g * 0.75}, {c.x + g, c.y - g * 0.7}});
    } else if (mark == VerdictMark::Contradicted) {
        s.strokes.push_back({{c.x - g, c.y - g}, {c.x + g, c.y + g}});
        s.strokes.push_back({{c.x - g, c.y + g}, {c.x + g, c.y - g}});
    } else {
        s.question = true;
        s.questionSize = r * 1.35;
    }
    return s;
}

Point linkMarkOffset(const LinkShape& shape, double r)
{
    const double gap = r + 5;
    Point away{shape.middle.x - shape.labelAnchor.x, shape.middle.y - shape.labelAnchor.y};
    double length = std::hypot(away.x, away.y);
    if (length < 1e-6) { // no label side: perpendicular to the chord, to its right
        away = {-(shape.end.y - shape.start.y), shape.end.x - shape.start.x};
        length = std::max(1e-6, std::hypot(away.x, away.y));
    }
    return {away.x * gap / length, away.y * gap / length};
}

Point factorMarkAnchor(const BoxShape& box)
{
    return {box.centre.x - box.width / 2, box.centre.y - box.height / 2};
}

Point factorMarkOffset(double r)
{
    return {-r * 0.4, -r * 0.4};
}

} // namespace causeway
