#pragma once

#include "io/rasterexport.h"
#include "io/svgexport.h"
#include "model/systemmap.h"

#include <optional>
#include <string>
#include <string_view>

namespace causeway {

// Every export format behind one call, so File > Export and `causeway-cli export` write the
// same bytes. The result is built whole in memory: callers write it with writeFileAtomically,
// so a failed export never leaves a partial file, and the map is never changed.
enum class ExportFormat { LinksCsv, FactorsCsv, Graphml, Dot, Svg, Png, Pdf };

// "csv"/"links-csv", "factors-csv", "graphml", "dot"/"gv", "svg", "png", "pdf" (as a --to value
// or a file extension). nullopt for anything else.
std::optional<ExportFormat> exportFormatNamed(std::string_view name);
const char* exportFormatExtension(ExportFormat format); // "csv", "graphml", "dot", "svg", ...

struct ExportSettings {
    SvgOptions svg;   // SVG, PNG and PDF
    double scale = 1; // PNG pixels per SVG px (scaleForDpi(dpi) for a DPI)
    PdfOptions pdf;   // page size and metadata; an empty title becomes the map's title
};

std::string exportMap(const SystemMap& map, ExportFormat format, const ExportSettings& settings = {});

} // namespace causeway
