#pragma once

#include <cstdint>
#include <vector>

namespace causeway::text {

// Advance widths of one font face in font units, as its TTF's hmtx table gives them
// (scripts/gen-dejavu-widths writes layout/dejavuwidths.cpp from Debian's fonts-dejavu-core).
struct GlyphAdvance {
    char32_t codepoint;
    std::uint16_t advance;
};

struct FaceMetrics {
    int unitsPerEm;
    int ascent;  // hhea ascender
    int descent; // hhea descender, as a positive number
    int lineGap;
    std::vector<GlyphAdvance> advances; // ascending codepoint
};

extern const FaceMetrics kDejaVuSansBook;
extern const FaceMetrics kDejaVuSansBold;

} // namespace causeway::text
