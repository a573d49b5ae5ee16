#pragma once

#include <sstream>
#include <string>
#include <string_view>

// Private to io/: what the exporters (DOT, GraphML, SVG) share.
namespace causeway::exportutil {

// A coordinate written so that reading it back gives the same map: ten significant digits,
// no trailing zeros ("-120.5", "340.25", "0").
inline std::string exactNumber(double v)
{
    std::ostringstream s;
    s.precision(10);
    s << v;
    return s.str();
}

// Text safe for XML 1.0 (GraphML, SVG): malformed UTF-8 (lone surrogates and overlong forms
// included) becomes U+FFFD; control characters other than tab and line feed, and U+FFFE and
// U+FFFF, are dropped. pugixml would write them as character references such as &#1;, which
// XML 1.0 forbids too.
inline std::string xmlSafe(std::string_view in)
{
    std::string out;
    out.reserve(in.size());
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[k]); };
    for (std::size_t i = 0; i < in.size();) {
        const unsigned char c = byte(i);
        const int extra = c < 0x80 ? 0
            : (c >> 5) == 0x6      ? 1
            : (c >> 4) == 0xE      ? 2
            : (c >> 3) == 0x1E     ? 3
                                   : -1;
        char32_t cp = extra <= 0 ? c : c & (0x3F >> extra);
        bool ok = extra >= 0 && i + extra < in.size();
        for (int k = 1; ok && k <= extra; ++k) {
            ok = (byte(i + k) & 0xC0) == 0x80;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        static constexpr char32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
        // Overlong forms, surrogates and non-characters are not allowed in XML 1.0 either.
        ok = ok && cp >= kMinimum[extra] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)
            && cp != 0xFFFE && cp != 0xFFFF;
        if (!ok) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        if (cp >= 0x20 || cp == '\t' || cp == '\n')
            out.append(in.substr(i, extra + 1));
        i += extra + 1;
    }
    return out;
}

} // namespace causeway::exportutil
