#pragma once

// Private to layout/compaction.cpp and compactionrows.cpp: the boxes being packed, how large they
// show, and packing them in rows.

#include "layout/compaction.h"

#include <vector>

namespace causeway::detail {

constexpr char kDelayedLink = 2; // in a `linked` matrix: linked by a delayed link

struct Box {
    Point* centre;
    double halfW;
    double halfH;
};

// How large the drawing shows when fitted to a target of this aspect, one unit high.
double fitScale(const std::vector<Box>& boxes, const CompactionOptions& o);

// Rows: the drawing read top to bottom into rows, each row left to right and centred, boxes
// `rowGap` apart (with `roomForSigns`, linked boxes `linkedGap`; boxes of `delayedLinks`
// `delayedGap`). Graphviz's organic drawings leave holes no push can close; rows fill a screen's
// shape far better (the sample map: 18+ px labels on 1024x768 against 13 px) and keep who is
// above and left of whom within reach. Tries every row width and keeps the best.
// `linked` is n x n (1 linked, kDelayedLink by a delayed link); returns the packing's fitScale.
double packInRows(std::vector<Box>& boxes, const std::vector<Point>& start,
                  const std::vector<char>& linked, const CompactionOptions& o);

} // namespace causeway::detail
