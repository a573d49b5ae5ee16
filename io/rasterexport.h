#pragma once

#include "io/ioerror.h"

#include <optional>
#include <string>
#include <string_view>

namespace causeway {

// PNG and PDF from an SVG (as exportSvg writes it), rendered in memory with librsvg and cairo,
// without Qt or a display: the CLI and the GUI export the same pictures. SVG px are CSS px
// (96 per inch): a PNG at `scale` is the SVG's width and height times `scale`, rounded up; a
// PDF page is the SVG's size in points (px * 0.75), its text and shapes kept as vectors.
// Both throw IoError when the SVG cannot be rendered or the picture would be too large.

inline constexpr double kSvgPixelsPerInch = 96;
inline double scaleForDpi(double dpi) { return dpi / kSvgPixelsPerInch; }

// Largest PNG side and area accepted, so a typo in --scale cannot exhaust memory.
inline constexpr int kMaxPngSide = 32768;
inline constexpr double kMaxPngPixels = 400e6;

std::string renderPng(std::string_view svg, double scale = 1);
// The PDF's page: the drawing's own size (Fit), or A4 or US Letter with the drawing scaled to
// fit inside a margin, centred, turned landscape when the drawing is wider than tall.
enum class PdfPageSize { Fit, A4, Letter };
// "fit", "A4"/"a4", "Letter"/"letter"; nullopt for anything else.
std::optional<PdfPageSize> pdfPageSizeNamed(std::string_view name);
// Page width and height in points (portrait) for A4 and Letter; Fit has none.
struct PagePoints {
    double width = 0;
    double height = 0;
};
PagePoints pdfPagePoints(PdfPageSize size);
inline constexpr double kPdfMarginPoints = 36; // half an inch on A4 and Letter

struct PdfOptions {
    PdfPageSize page = PdfPageSize::Fit;
    std::string title;  // document metadata; empty: none
    std::string author;
};
std::string renderPdf(std::string_view svg, const PdfOptions& options = {});

// The pixel size renderPng gives for `scale` (what the SVG's width and height say).
struct PixelSize {
    int width = 0;
    int height = 0;
};
PixelSize pngSize(std::string_view svg, double scale);

} // namespace causeway
