#pragma once

// Private to io/rasterexport.cpp: librsvg and cairo, opened the first time a PNG or PDF is made
// rather than when the program starts. Their libraries and what they pull in (pango, gio,
// gdk-pixbuf, ...) were a third of every causeway-cli command's start-up, which most commands
// (loops, layout, metrics) never use.

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

namespace causeway::raster {

#define CAUSEWAY_RASTER_FUNCTIONS(X)                                                                   \
    X(cairo_create)                                                                                    \
    X(cairo_destroy)                                                                                   \
    X(cairo_image_surface_create)                                                                      \
    X(cairo_pdf_surface_create_for_stream)                                                             \
    X(cairo_pdf_surface_set_metadata)                                                                  \
    X(cairo_scale)                                                                                     \
    X(cairo_show_page)                                                                                 \
    X(cairo_status)                                                                                    \
    X(cairo_status_to_string)                                                                          \
    X(cairo_surface_destroy)                                                                           \
    X(cairo_surface_finish)                                                                            \
    X(cairo_surface_status)                                                                            \
    X(cairo_surface_write_to_png_stream)                                                               \
    X(cairo_translate)                                                                                 \
    X(g_error_free)                                                                                    \
    X(g_object_unref)                                                                                  \
    X(rsvg_handle_get_intrinsic_size_in_pixels)                                                        \
    X(rsvg_handle_new_from_data)                                                                       \
    X(rsvg_handle_render_document)                                                                     \
    X(rsvg_handle_set_dpi)

// The functions rasterexport.cpp calls, by their own names.
struct Libraries {
// NOLINTNEXTLINE(bugprone-macro-parentheses): the argument names a member, it is no expression
#define CAUSEWAY_RASTER_POINTER(name) decltype(&::name) name = nullptr;
    CAUSEWAY_RASTER_FUNCTIONS(CAUSEWAY_RASTER_POINTER)
#undef CAUSEWAY_RASTER_POINTER
};

// Opened once (thread-safe); throws IoError naming the package to install when librsvg or
// cairo is missing or lacks a function.
const Libraries& libraries();

} // namespace causeway::raster
