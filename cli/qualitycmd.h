#pragma once

// causeway-cli quality: how readable the map's drawing is (layout/quality.h).

#include <string>

namespace causeway::cli {

struct QualityOptions {
    std::string map;
    std::string screen = "1024x768"; // WxH in pixels the drawing is fitted to
    bool json = false;
};
int runQuality(const QualityOptions& options);

} // namespace causeway::cli
