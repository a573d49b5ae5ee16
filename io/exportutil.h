#pragma once

#include <sstream>
#include <string>

// Private to io/: what the interchange exporters (DOT, GraphML) share.
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

} // namespace causeway::exportutil
