#pragma once

#include "layout/linkgeometry.h"
#include "model/nomination.h"

#include <vector>

namespace causeway {

// The badges that show a nomination round's counts on a map: one per kind an item was nominated
// in, a pill (watch: an open eye) or a square-cornered tag (stop: a closed eye) holding the
// count, larger for larger counts. Shape, glyph and number each tell the kinds apart, so the
// badges read in black and white too. Plain C++ (no Qt): the canvas and the SVG export draw the
// same badges from this geometry.

struct VoteBadgeStyle {
    double minHeight = 26;  // a count of 1
    double maxHeight = 44;  // the round's largest count
    double gap = 5;         // between a watch and a stop badge
    double digitWidth = 0.66; // of the font size: a bold digit, for the text's width
    double fontScale = 0.64;  // font size / badge height
    double padding = 0.22;    // of the height, either side of the number
};

// An eye drawn in a square: two lids as quadratic curves from `left` to `right` (control points
// `upper` and `lower`), and for an open eye a pupil. A closed eye has only the lower lid, curving
// down, and lashes below it.
struct EyeGlyph {
    Point left, right, upper, lower;
    bool open = true;
    Point pupil;
    double pupilRadius = 0;
    std::vector<std::pair<Point, Point>> lashes;
};

struct VoteBadge {
    NominationKind kind = NominationKind::Watch;
    int count = 0;
    double x = 0, y = 0, width = 0, height = 0; // the badge's rectangle, map units (y down)
    double cornerRadius = 0; // height / 2 for a watch pill, small for a stop tag
    EyeGlyph glyph;          // at the badge's left end
    Point textCentre;        // where the count is centred
    double fontSize = 0;     // pixels, bold
};

// The badge height for `count` out of the round's largest count (area grows with the count).
double voteBadgeHeight(int count, int maxCount, const VoteBadgeStyle& style = {});

// Badges for a factor: standing on the box's top edge at its right end, watch then stop. Kinds
// with a zero count get no badge.
std::vector<VoteBadge> factorVoteBadges(const BoxShape& box, int watch, int stop, int maxCount,
                                        const VoteBadgeStyle& style = {});

// A factor's badges placed so they cover no factor's label, and the box corner they hang from
// (drawn smaller, they shrink towards it and stay clear).
struct PlacedVoteBadges {
    std::vector<VoteBadge> badges;
    Point anchor;
};

// Where a factor's label may be drawn: its box less the padding (FactorBoxStyle).
BoxShape labelArea(const BoxShape& box);

// The first spot of: above the right end (as factorVoteBadges), above the left end, below the
// right end, below the left end, beside the right, beside the left, where the badges overlap no
// label area of `boxes` (every factor on the map, this one included). Where none is clear (factors
// packed close), the same spots with the badges smaller, down to half their size; the first spot
// at full size if still none. `style`'s sizes are map units: a canvas drawing badges larger than
// that must pass them.
PlacedVoteBadges placeFactorVoteBadges(const BoxShape& box, int watch, int stop, int maxCount,
                                       const std::vector<BoxShape>& boxes,
                                       const VoteBadgeStyle& style = {});

// Whether `badge`'s rectangle overlaps `area` (a label area).
bool voteBadgeOverlaps(const VoteBadge& badge, const BoxShape& area);
// Badges for a link: centred just beside its middle (LinkShape::middle), watch then stop.
std::vector<VoteBadge> linkVoteBadges(Point middle, int watch, int stop, int maxCount,
                                      const VoteBadgeStyle& style = {});

// One badge of `height` whose left end is at `left` and vertical centre at `centreY`; count 0
// draws the glyph alone (a marker for a voter's own choice).
VoteBadge makeVoteBadge(NominationKind kind, int count, double left, double centreY, double height,
                        const VoteBadgeStyle& style = {});

} // namespace causeway
