// Replays the fuzzers' kept corpus (tests/data/io/fuzzcorpus/<importer>/) through each importer:
// every input must either import or be refused with an IoError, never crash or throw anything
// else. fuzz/ holds the harnesses that grew the corpus.
#include "io/ballots.h"
#include "io/import.h"
#include "io/mapfile.h"

#include "iotestutil.h"

#include <filesystem>
#include <functional>

namespace causeway {
namespace {

using Importer = std::function<void(std::string_view)>;

// As the ballots and round harnesses (fuzz/fuzz_importer.cpp) read against: three factors in a loop.
SystemMap ballotMap()
{
    SystemMap m;
    std::vector<FactorId> ids;
    for (const char* label : {"Trust", "Reach", "Stigma"}) {
        Factor f;
        f.label = label;
        ids.push_back(m.addFactor(f));
    }
    for (std::size_t i = 0; i < 3; ++i) {
        Link l;
        l.from = ids[i];
        l.to = ids[(i + 1) % 3];
        m.addLink(l);
    }
    return m;
}

const std::map<std::string, Importer>& importers()
{
    static const std::map<std::string, Importer> all{
        {"csv", [](std::string_view t) { importLinksCsv(t); }},
        {"graphml", [](std::string_view t) { importGraphml(t); }},
        {"kumu", [](std::string_view t) { importKumu(t); }},
        {"loopy", [](std::string_view t) { importLoopy(t); }},
        {"vensim", [](std::string_view t) { importVensim(t); }},
        {"xmile", [](std::string_view t) { importXmile(t); }},
        {"native", [](std::string_view t) { parseMapJson(t); }},
        {"dot", [](std::string_view t) { importDot(t); }},
        {"gexf", [](std::string_view t) { importGexf(t); }},
        {"ballots", [](std::string_view t) { SystemMap m = ballotMap(); importBallotsCsv(m, "Round 1", t); }},
        {"round", [](std::string_view t) { importRoundJson(ballotMap(), t); }},
    };
    return all;
}

class FuzzCorpus : public testing::TestWithParam<std::string> {};

TEST_P(FuzzCorpus, EveryInputImportsOrIsRefusedWithAnIoError)
{
    const std::filesystem::path dir = test::dataPath("fuzzcorpus/" + GetParam());
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    const Importer& import = importers().at(GetParam());
    std::size_t inputs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string text = test::readText(entry.path());
        ++inputs;
        try {
            import(text);
        } catch (const IoError&) {
        } catch (const std::exception& e) {
            ADD_FAILURE() << entry.path() << ": " << e.what();
        }
    }
    EXPECT_GT(inputs, 0u);
}

INSTANTIATE_TEST_SUITE_P(Importers, FuzzCorpus,
                         testing::Values("csv", "graphml", "kumu", "loopy", "vensim", "xmile", "native",
                                         "dot", "gexf", "ballots", "round"));

} // namespace
} // namespace causeway
