#pragma once

#include "io/ioerror.h"
#include "io/verdictmarkshape.h"
#include "model/systemmap.h"

#include <map>
#include <string>

namespace causeway {

// A monitoring verdict's mark on a link or a factor, drawn as the canvas draws it
// (io/verdictmarkshape.h): a ring and a glyph, so it reads without colour; its class
// ("consistent", "contradicted", "unclear") lets a style sheet colour it too.
struct ItemMark {
    VerdictMark mark = VerdictMark::Unclear;
    std::string title; // the tooltip: what the mark means, with its numbers
};

struct SvgOptions {
    double margin = 24;     // around the drawing, map units (= px at scale 1)
    bool background = true; // a white rectangle under the map; false: transparent
    bool loopLabels = true; // the map's named loops (SystemMap::loopLabels)
    // Vote badges of a nomination round, drawn only once the round is revealed (secret until
    // then). Empty name: the last revealed round, if any.
    bool voteBadges = true;
    std::string round;
    // A legend beside the map (never over it: the picture grows to the right): + - ?, the delay
    // mark, the map's groups with their colours, the badges when a round's are drawn, and the
    // verdict marks when any are drawn.
    bool legend = false;
    // Verdict marks, drawn above the factors; items not on the map are skipped.
    std::map<LinkId, ItemMark> linkMarks;
    std::map<FactorId, ItemMark> factorMarks;
};

// The map as the canvas draws it (same box sizes, curves, colours, polarity signs, delay marks,
// loop labels and vote badges), as a standalone SVG 1.1 document in map units. Text stays text
// (DejaVu Sans first). Every factor and link is one <g> with id "factor-<id>" / "link-<id>", a
// class ("factor"; "link" plus "positive", "negative" or "unknown" and "delayed") and a <title>,
// and a <style> block holds the polarity colours, so researchers can restyle or script it.
// Throws IoError when options.round names no round of the map.
std::string exportSvg(const SystemMap& map, const SvgOptions& options = {});

} // namespace causeway
