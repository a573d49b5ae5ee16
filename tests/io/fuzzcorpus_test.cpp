// Replays the fuzzers' kept corpus (tests/data/io/fuzzcorpus/<importer>/) through each importer:
// every input must either import or be refused with an IoError, never crash or throw anything
// else. fuzz/ holds the harnesses that grew the corpus.
#include "io/import.h"
#include "io/mapfile.h"

#include "iotestutil.h"

#include <filesystem>
#include <functional>

namespace causeway {
namespace {

using Importer = std::function<void(std::string_view)>;

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
                                         "dot"));

} // namespace
} // namespace causeway
