#include "io/mapexport.h"

#include "io/export.h"
#include "io/rasterexport.h"

namespace causeway {

std::optional<ExportFormat> exportFormatNamed(std::string_view name)
{
    if (name == "csv" || name == "links-csv")
        return ExportFormat::LinksCsv;
    if (name == "factors-csv")
        return ExportFormat::FactorsCsv;
    if (name == "graphml")
        return ExportFormat::Graphml;
    if (name == "dot" || name == "gv")
        return ExportFormat::Dot;
    if (name == "svg")
        return ExportFormat::Svg;
    if (name == "png")
        return ExportFormat::Png;
    if (name == "pdf")
        return ExportFormat::Pdf;
    return std::nullopt;
}

const char* exportFormatExtension(ExportFormat format)
{
    switch (format) {
    case ExportFormat::LinksCsv:
    case ExportFormat::FactorsCsv: return "csv";
    case ExportFormat::Graphml: return "graphml";
    case ExportFormat::Dot: return "dot";
    case ExportFormat::Svg: return "svg";
    case ExportFormat::Png: return "png";
    case ExportFormat::Pdf: return "pdf";
    }
    return "";
}

std::string exportMap(const SystemMap& map, ExportFormat format, const ExportSettings& settings)
{
    switch (format) {
    case ExportFormat::LinksCsv: return exportLinksCsv(map);
    case ExportFormat::FactorsCsv: return exportFactorsCsv(map);
    case ExportFormat::Graphml: return exportGraphml(map);
    case ExportFormat::Dot: return exportDot(map);
    case ExportFormat::Svg: return exportSvg(map, settings.svg);
    case ExportFormat::Png: return renderPng(exportSvg(map, settings.svg), settings.scale);
    case ExportFormat::Pdf: {
        PdfOptions pdf = settings.pdf;
        if (pdf.title.empty())
            pdf.title = map.title;
        return renderPdf(exportSvg(map, settings.svg), pdf);
    }
    }
    throw IoError("Unknown export format.");
}

} // namespace causeway
