#pragma once

// Private to layout/: where separateDelayMarks (layout/signplacement.h) moves each delay mark
// drawn, what it keeps off, and the search along a mark's line (markmover.cpp). The pass that
// makes room for a mark (signplacement.cpp) uses it too.

#include "layout/cubicpath.h"
#include "layout/linkgeometry.h"

#include <cstddef>
#include <vector>

namespace causeway::detail {

class MarkMover {
public:
    MarkMover(const std::vector<LinkShape*>& shapes, const std::vector<bool>& delayed,
              const std::vector<BoxShape>& boxes, const LinkStyle& style);

    bool offBoxesAndSigns(const LinkShape& m) const;
    // How far m's strokes are from the nearest other mark's, up to the distance that matters.
    double apartFromMarks(const LinkShape& m) const;
    bool offMarks(const LinkShape& m) const { return apartFromMarks(m) >= m_style.lineWidth + 1; }
    // Off the boxes, the signs and the other marks: nowhere in the way.
    bool clear(const LinkShape& m) const { return offBoxesAndSigns(m) && offMarks(m); }

    // Moves m along its line, short of the arrow head, to the nearest place clear of the boxes,
    // signs and marks; failing that, to the place clear of the boxes and signs that is furthest
    // from the other marks (the nearest on a tie). Whether it found a place clear of them all;
    // with none clear of the boxes and signs it stays.
    bool move(LinkShape& m) const;

    // The marks drawn (the delayed links' shapes).
    std::vector<LinkShape*> marked;

    // The places a mark is tried at on its line: `order` in steps of `stride`, nearest first
    // (from the step nearest where the mark is, outwards both ways).
    struct Steps {
        double stride;
        std::vector<int> order;
    };
    static Steps stepsAlong(const LinkShape& m);

    // Short of the arrow head, and off the boxes (and the signs).
    bool clearOfHead(const LinkShape& m) const;
    bool clearOfHeadAndBoxes(const LinkShape& m) const { return clearOfHead(m) && !delayMarkOnABox(m, m_boxes, m_style); }
    bool clearOfHeadBoxesAndSigns(const LinkShape& m) const { return clearOfHead(m) && offBoxesAndSigns(m); }

    // The signs (by index) and the other marks that m meets where it is.
    std::vector<std::size_t> signsOn(const LinkShape& m) const;
    std::vector<LinkShape*> marksOn(const LinkShape& m) const;

private:
    static Point centreOf(const LinkShape& m) { return (m.delayA1 + m.delayB2) * 0.5; }

    const std::vector<LinkShape*>& m_shapes;
    const std::vector<BoxShape>& m_boxes;
    const LinkStyle& m_style;
    double m_keep;
    double m_reach;     // from a mark's centre, the furthest a sign it touches can be
    double m_markReach; // and another mark it touches
};

} // namespace causeway::detail
