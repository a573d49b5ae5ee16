#include "io/rasterexport.h"

#include "io/rasterlibs.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace causeway {
namespace {

const raster::Libraries& lib() { return raster::libraries(); }

struct GObjectUnref {
    void operator()(void* p) const { lib().g_object_unref(p); }
};
struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { lib().cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { lib().cairo_destroy(c); }
};
using Handle = std::unique_ptr<RsvgHandle, GObjectUnref>;
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using Context = std::unique_ptr<cairo_t, ContextDestroy>;

[[noreturn]] void fail(const std::string& what, GError* error)
{
    std::string message = what;
    if (error) {
        message += ": ";
        message += error->message;
        lib().g_error_free(error);
    }
    throw IoError(message);
}

Handle load(std::string_view svg)
{
    GError* error = nullptr;
    Handle handle(lib().rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                            svg.size(), &error));
    if (!handle)
        fail("Cannot read the SVG", error);
    lib().rsvg_handle_set_dpi(handle.get(), kSvgPixelsPerInch);
    return handle;
}

// The SVG's own width and height in px.
void intrinsicSize(RsvgHandle* handle, double& width, double& height)
{
    if (!lib().rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) || width <= 0
        || height <= 0)
        throw IoError("The SVG has no width and height to render at.");
}

void render(RsvgHandle* handle, cairo_t* cr, double width, double height)
{
    const RsvgRectangle viewport{0, 0, width, height};
    GError* error = nullptr;
    if (!lib().rsvg_handle_render_document(handle, cr, &viewport, &error))
        fail("Cannot render the SVG", error);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what)
{
    if (status != CAIRO_STATUS_SUCCESS)
        throw IoError(std::string(what) + ": " + lib().cairo_status_to_string(status));
}

PixelSize scaledSize(double width, double height, double scale)
{
    if (!(scale > 0) || !std::isfinite(scale))
        throw IoError("The PNG scale must be a positive number.");
    const double w = std::ceil(width * scale - 1e-9), h = std::ceil(height * scale - 1e-9);
    if (w > kMaxPngSide || h > kMaxPngSide || w * h > kMaxPngPixels)
        throw IoError("A PNG of " + std::to_string(long(w)) + " x " + std::to_string(long(h))
                      + " pixels is too large; choose a smaller scale or DPI.");
    return {std::max(1, int(w)), std::max(1, int(h))};
}

} // namespace

PixelSize pngSize(std::string_view svg, double scale)
{
    Handle handle = load(svg);
    double width = 0, height = 0;
    intrinsicSize(handle.get(), width, height);
    return scaledSize(width, height, scale);
}

std::string renderPng(std::string_view svg, double scale)
{
    Handle handle = load(svg);
    double width = 0, height = 0;
    intrinsicSize(handle.get(), width, height);
    const PixelSize size = scaledSize(width, height, scale);
    Surface surface(lib().cairo_image_surface_create(CAIRO_FORMAT_ARGB32, size.width, size.height));
    check(lib().cairo_surface_status(surface.get()), "Cannot make a picture that large");
    {
        Context cr(lib().cairo_create(surface.get()));
        lib().cairo_scale(cr.get(), scale, scale);
        render(handle.get(), cr.get(), width, height);
        check(lib().cairo_status(cr.get()), "Cannot render the SVG");
    }
    std::string png;
    check(lib().cairo_surface_write_to_png_stream(surface.get(), append, &png), "Cannot write the PNG");
    return png;
}

std::optional<PdfPageSize> pdfPageSizeNamed(std::string_view name)
{
    if (name == "fit")
        return PdfPageSize::Fit;
    if (name == "A4" || name == "a4")
        return PdfPageSize::A4;
    if (name == "Letter" || name == "letter")
        return PdfPageSize::Letter;
    return std::nullopt;
}

PagePoints pdfPagePoints(PdfPageSize size)
{
    switch (size) {
    case PdfPageSize::A4: return {595.2756, 841.8898}; // 210 x 297 mm
    case PdfPageSize::Letter: return {612, 792};        // 8.5 x 11 in
    case PdfPageSize::Fit: break;
    }
    return {};
}

std::string renderPdf(std::string_view svg, const PdfOptions& options)
{
    Handle handle = load(svg);
    double width = 0, height = 0;
    intrinsicSize(handle.get(), width, height);
    constexpr double pointsPerPixel = 72.0 / kSvgPixelsPerInch;
    double pageWidth = width * pointsPerPixel, pageHeight = height * pointsPerPixel;
    double scale = pointsPerPixel, left = 0, top = 0;
    if (options.page != PdfPageSize::Fit) {
        PagePoints page = pdfPagePoints(options.page);
        if (width > height) // a landscape drawing goes on a landscape page
            std::swap(page.width, page.height);
        pageWidth = page.width;
        pageHeight = page.height;
        scale = std::min((pageWidth - 2 * kPdfMarginPoints) / width,
                         (pageHeight - 2 * kPdfMarginPoints) / height);
        left = (pageWidth - width * scale) / 2;
        top = (pageHeight - height * scale) / 2;
    }
    std::string pdf;
    {
        Surface surface(lib().cairo_pdf_surface_create_for_stream(append, &pdf, pageWidth, pageHeight));
        check(lib().cairo_surface_status(surface.get()), "Cannot start the PDF");
        lib().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Causeway");
        if (!options.title.empty())
            lib().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                           options.title.c_str());
        if (!options.author.empty())
            lib().cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                           options.author.c_str());
        Context cr(lib().cairo_create(surface.get()));
        lib().cairo_translate(cr.get(), left, top);
        lib().cairo_scale(cr.get(), scale, scale);
        render(handle.get(), cr.get(), width, height);
        check(lib().cairo_status(cr.get()), "Cannot render the SVG");
        lib().cairo_show_page(cr.get());
        lib().cairo_surface_finish(surface.get()); // writes the rest of the PDF into `pdf`
        check(lib().cairo_surface_status(surface.get()), "Cannot write the PDF");
    }
    return pdf;
}

} // namespace causeway
