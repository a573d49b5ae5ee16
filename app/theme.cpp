#include "app/theme.h"

#include <array>
#include <functional>

namespace causeway::theme {

QColor groupColour(const std::string& group)
{
    // Okabe-Ito hues (blue and vermillion left out: they mean polarity on the links).
    static const std::array<QColor, 6> palette{
        QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
        QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99),
    };
    // A stable hash (std::hash may differ between runs of other builds; this must not).
    std::uint32_t h = 2166136261u;
    for (unsigned char c : group)
        h = (h ^ c) * 16777619u;
    return palette[h % palette.size()];
}

} // namespace causeway::theme
