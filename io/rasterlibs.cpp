// librsvg and cairo opened with dlopen when first needed (io/rasterlibs.h).
#include "io/rasterlibs.h"

#include "io/ioerror.h"

#include <dlfcn.h>

#include <string>
#include <string_view>

namespace causeway::raster {

namespace {

// The sonames the -dev packages link against (librsvg2-2, libcairo2).
constexpr const char* kRsvg = "librsvg-2.so.2";
constexpr const char* kCairo = "libcairo.so.2";

std::string lastError()
{
    const char* e = dlerror();
    return e ? e : "unknown reason";
}

Libraries open()
{
    void* rsvg = dlopen(kRsvg, RTLD_NOW | RTLD_LOCAL);
    if (!rsvg)
        throw IoError("PNG and PDF export need librsvg (Debian package librsvg2-2): " + lastError());
    void* cairo = dlopen(kCairo, RTLD_NOW | RTLD_LOCAL);
    if (!cairo) {
        const std::string why = lastError();
        dlclose(rsvg);
        throw IoError("PNG and PDF export need cairo (Debian package libcairo2): " + why);
    }
    Libraries libs;
    // librsvg's handle also finds what it depends on: glib's and gobject's functions.
    auto find = [&](const char* name, void* first) {
        void* f = dlsym(first, name);
        if (!f)
            f = dlsym(rsvg, name);
        if (!f) {
            dlclose(cairo);
            dlclose(rsvg);
            throw IoError(std::string("PNG and PDF export: the installed librsvg or cairo has no ") + name
                          + " (too old?)");
        }
        return f;
    };
#define CAUSEWAY_RASTER_FIND(name)                                                                     \
    libs.name = reinterpret_cast<decltype(libs.name)>(find(#name, std::string_view(#name).starts_with("cairo") ? cairo : rsvg));
    CAUSEWAY_RASTER_FUNCTIONS(CAUSEWAY_RASTER_FIND)
#undef CAUSEWAY_RASTER_FIND
    return libs; // the libraries stay open for the rest of the run
}

} // namespace

const Libraries& libraries()
{
    // A failed open throws out of the initialiser, so the next call tries again.
    static const Libraries libs = open();
    return libs;
}

} // namespace causeway::raster
