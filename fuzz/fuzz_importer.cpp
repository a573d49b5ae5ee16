// libFuzzer harness for one importer, chosen at build time (see build.sh): every input must
// either import or be refused with an IoError. Anything else escaping is a bug, so it aborts.
#include "io/import.h"
#include "io/mapfile.h"

#include <cstdlib>
#include <cstdio>
#include <string_view>

using namespace causeway;

namespace {

void importOne(std::string_view text)
{
#if defined(FUZZ_CSV)
    importLinksCsv(text);
#elif defined(FUZZ_GRAPHML)
    importGraphml(text);
#elif defined(FUZZ_KUMU)
    importKumu(text);
#elif defined(FUZZ_LOOPY)
    importLoopy(text);
#elif defined(FUZZ_VENSIM)
    importVensim(text);
#elif defined(FUZZ_XMILE)
    importXmile(text);
#elif defined(FUZZ_NATIVE)
    parseMapJson(text);
#elif defined(FUZZ_DOT)
    importDot(text); // Graphviz's own parser (not instrumented) behind layout's mutex
#else
#error "define one FUZZ_<IMPORTER>"
#endif
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        importOne(text);
    } catch (const IoError&) {
    } catch (const std::exception& e) {
        std::fprintf(stderr, "unexpected exception: %s\n", e.what());
        std::abort();
    }
    return 0;
}
