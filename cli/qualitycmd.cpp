// causeway-cli quality: links through boxes, crossings, overlaps and label size of the map as
// drawn (the same geometry as the editor and the SVG export).
#include "cli/qualitycmd.h"

#include "io/mapfile.h"
#include "layout/quality.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace causeway::cli {

namespace {

layout::ScreenSize parseScreen(const std::string& text)
{
    int w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w <= 0
        || h <= 0)
        throw std::runtime_error("--screen '" + text + "' is not WIDTHxHEIGHT in pixels (e.g. 1024x768).");
    return {double(w), double(h)};
}

} // namespace

int runQuality(const QualityOptions& options)
{
    const layout::ScreenSize screen = parseScreen(options.screen);
    const SystemMap map = loadMapFile(options.map);
    const layout::DrawingQuality q = layout::measureMap(map, screen);
    if (options.json) {
        nlohmann::json j = {{"factors", q.factors},
                            {"links", q.links},
                            {"linksThroughBoxes", q.linksThroughBoxes},
                            {"crossings", q.crossings},
                            {"overlappingFactors", q.overlappingFactors},
                            {"overlappingSigns", q.overlappingSigns},
                            {"signsOnFactors", q.signsOnFactors},
                            {"signsOnLines", q.signsOnLines},
                            {"delayMarksOnFactors", q.delayMarksOnFactors},
                            {"signsOnDelayMarks", q.signsOnDelayMarks},
                            {"overlappingDelayMarks", q.overlappingDelayMarks},
                            {"labelPixels", q.labelPixels},
                            {"screen", {{"width", screen.width}, {"height", screen.height}}}};
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    char label[32];
    std::snprintf(label, sizeof label, "%.1f", q.labelPixels);
    std::cout << q.factors << " factors, " << q.links << " links\n"
              << "Links through other factors' boxes: " << q.linksThroughBoxes << '\n'
              << "Crossings: " << q.crossings << '\n'
              << "Overlapping factors: " << q.overlappingFactors << '\n'
              << "Overlapping signs: " << q.overlappingSigns << " (signs on a factor: " << q.signsOnFactors
              << ", on another link's line: " << q.signsOnLines << ")\n"
              << "Delay marks on a factor: " << q.delayMarksOnFactors << ", under a sign: " << q.signsOnDelayMarks
              << ", on another delay mark: " << q.overlappingDelayMarks << '\n'
              << "Label height fitted to " << options.screen << ": " << label << " px\n";
    return 0;
}

} // namespace causeway::cli
