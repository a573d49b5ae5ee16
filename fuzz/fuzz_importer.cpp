// libFuzzer harness for one importer, chosen at build time (see build.sh): every input must
// either import or be refused with an IoError. Anything else escaping is a bug, so it aborts.
#include "io/ballots.h"
#include "io/import.h"
#include "io/mapfile.h"

#include <cstdlib>
#include <cstdio>
#include <string_view>

using namespace causeway;

namespace {

// Ballots and rounds are read against a map: three factors joined in a loop.
[[maybe_unused]] const SystemMap& ballotMap()
{
    static const SystemMap map = [] {
        SystemMap m;
        FactorId ids[3];
        const char* labels[] = {"Trust", "Reach", "Stigma"};
        for (int i = 0; i < 3; ++i) {
            Factor f;
            f.label = labels[i];
            ids[i] = m.addFactor(f);
        }
        for (int i = 0; i < 3; ++i) {
            Link l;
            l.from = ids[i];
            l.to = ids[(i + 1) % 3];
            m.addLink(l);
        }
        return m;
    }();
    return map;
}

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
#elif defined(FUZZ_GEXF)
    importGexf(text);
#elif defined(FUZZ_BALLOTS)
    SystemMap map = ballotMap();
    importBallotsCsv(map, "Round 1", text);
#elif defined(FUZZ_ROUND)
    importRoundJson(ballotMap(), text);
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
