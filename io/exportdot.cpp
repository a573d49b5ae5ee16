#include "io/export.h"

#include "io/exportutil.h"

#include <algorithm>
#include <sstream>

namespace causeway {

namespace {

// A DOT double-quoted string: backslash and quote escaped, line feeds as \n. A carriage return
// stays a raw byte (Graphviz keeps it; its \r escape would mean a right-aligned line break),
// and NUL, which ends a C string inside Graphviz and every tool after it, is dropped.
std::string quoted(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '\0')
            continue;
        if (c == '"' || c == '\\')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

} // namespace

using exportutil::exactNumber;

std::string exportDot(const SystemMap& map)
{
    std::ostringstream out;
    out << "digraph " << quoted(map.title.empty() ? "causeway" : map.title) << " {\n";
    // Positions are points; neato -n reads them as such (inputscale is implied by -n).
    out << "  graph [outputorder=edgesfirst];\n";
    out << "  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];\n";
    out << "  edge [fontname=\"DejaVu Sans\"];\n";
    // Graphviz's y axis points up; the map's points down. A map not yet laid out (every factor
    // at the origin: generated, or imported without positions) gives Graphviz no positions:
    // neato started with every node on one point drew a random 50-factor, 150-link map with
    // 2,655 crossings, from its own start 677.
    const std::vector<Factor> factors = map.factors();
    const bool placed = std::any_of(factors.begin(), factors.end(), [](const Factor& f) {
        return f.pinned || f.position.x != 0 || f.position.y != 0;
    });
    for (const Factor& f : factors) {
        out << "  f" << f.id.value << " [label=" << quoted(f.label);
        if (!f.group.empty())
            out << ", group=" << quoted(f.group);
        if (!f.description.empty())
            out << ", description=" << quoted(f.description) << ", tooltip=" << quoted(f.description);
        if (placed)
            out << ", pos=\"" << exactNumber(f.position.x) << "," << exactNumber(0.0 - f.position.y)
                << (f.pinned ? "!" : "") << "\"";
        if (f.pinned)
            out << ", pinned=true";
        out << "];\n";
    }
    for (const Link& l : map.links()) {
        const char* symbol = polaritySymbol(l.polarity);
        std::string label = std::string(symbol) + (l.delay ? " ||" : "");
        out << "  f" << l.from.value << " -> f" << l.to.value << " [label=" << quoted(label)
            << ", polarity=" << quoted(symbol) << ", delay=" << (l.delay ? "true" : "false");
        if (l.polarity == Polarity::Negative)
            out << ", color=\"#D55E00\", fontcolor=\"#D55E00\"";
        else if (l.polarity == Polarity::Positive)
            out << ", color=\"#0072B2\", fontcolor=\"#0072B2\"";
        else
            out << ", color=\"#555555\", style=dashed";
        if (!l.label.empty())
            out << ", xlabel=" << quoted(l.label);
        if (!l.note.empty())
            out << ", note=" << quoted(l.note);
        out << "];\n";
    }
    out << "}\n";
    return out.str();
}

} // namespace causeway
