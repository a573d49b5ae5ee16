#pragma once

#include "model/systemmap.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace causeway::palette {

// The map's colours without Qt, so the canvas (app/theme.h) and the SVG export paint the same.
// Okabe-Ito colours: told apart by the common colour-vision deficiencies, and each polarity also
// has its own symbol and (for `?`) a dashed line, so colour is never the only cue.
struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

inline constexpr Rgb kPositive{0x00, 0x72, 0xB2}; // blue
inline constexpr Rgb kNegative{0xD5, 0x5E, 0x00}; // vermillion
inline constexpr Rgb kUnknown{0x6E, 0x6E, 0x6E};  // grey
inline constexpr Rgb kBackground{0xFF, 0xFF, 0xFF};
inline constexpr Rgb kText{0x11, 0x11, 0x11};
inline constexpr Rgb kBoxEdge{0x33, 0x33, 0x33};
inline constexpr Rgb kBoxFill{0xFF, 0xFF, 0xFF};
// Nomination badges and bars: "watch" solid green, "stop watching" outlined purple (shape and
// fill tell them apart without colour too).
inline constexpr Rgb kWatch{0x00, 0x6E, 0x52};
inline constexpr Rgb kStop{0x8E, 0x3B, 0x6E};

constexpr Rgb polarityColour(Polarity p)
{
    switch (p) {
    case Polarity::Positive: return kPositive;
    case Polarity::Negative: return kNegative;
    case Polarity::Unknown: break;
    }
    return kUnknown;
}

// A group's colour: a stable pick from Okabe-Ito hues (blue and vermillion left out: they mean
// polarity on the links). FNV-1a, not std::hash, so every build picks the same colour.
inline Rgb groupColour(std::string_view group)
{
    static constexpr std::array<Rgb, 6> hues{Rgb{0xE6, 0x9F, 0x00}, Rgb{0x56, 0xB4, 0xE9},
                                             Rgb{0x00, 0x9E, 0x73}, Rgb{0xCC, 0x79, 0xA7},
                                             Rgb{0xF0, 0xE4, 0x42}, Rgb{0x99, 0x99, 0x99}};
    std::uint32_t h = 2166136261u;
    for (unsigned char c : group)
        h = (h ^ c) * 16777619u;
    return hues[h % hues.size()];
}

// A group's box fill: 28 % of its colour over white keeps black text at full contrast.
constexpr Rgb groupFill(Rgb g)
{
    const auto tint = [](int c) { return std::uint8_t(255 - (255 - c) * 28 / 100); };
    return {tint(g.r), tint(g.g), tint(g.b)};
}

// A group's box edge: the colour with its HSV value divided by 1.7 (what QColor::darker(170)
// does), so hue and saturation stay.
constexpr Rgb groupEdge(Rgb g)
{
    const int v = std::max({g.r, g.g, g.b});
    if (v == 0)
        return g;
    const auto scale = [v](int c) { return std::uint8_t((c * (v * 100 / 170) + v / 2) / v); };
    return {scale(g.r), scale(g.g), scale(g.b)};
}

inline std::string hex(Rgb c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

} // namespace causeway::palette
