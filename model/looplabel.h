#pragma once

#include "model/ids.h"

#include <string>
#include <vector>

namespace causeway {

// A name a facilitator gave a feedback loop ("R1 Trust builds reach"). The loop is kept as its
// links in order; a label whose loop an edit has broken stays in the map and is reported as
// broken (see loopLabelIntact in loops.h) rather than silently dropped.
struct LoopLabel {
    std::string name;
    std::vector<LinkId> links;
    bool operator==(const LoopLabel&) const = default;
};

} // namespace causeway
