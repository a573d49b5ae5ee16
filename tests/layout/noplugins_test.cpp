// Graphviz without its plugin configuration (a broken install, a wrong GVBINDIR) must give a
// message a user can act on. Its own executable: the Graphviz context is created once per
// process, after GVBINDIR is read.

#include "layout/layout.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace causeway {
namespace {

SystemMap twoFactors()
{
    SystemMap map;
    Factor f;
    f.label = "a";
    Link l;
    l.from = map.addFactor(f);
    f.label = "b";
    l.to = map.addFactor(f);
    map.addLink(l);
    return map;
}

TEST(LayoutWithoutPlugins, ReportsNoEngineAsAvailable)
{
    for (layout::Engine engine : layout::allEngines())
        EXPECT_FALSE(layout::engineAvailable(engine)) << layout::engineName(engine);
}

TEST(LayoutWithoutPlugins, ThrowsAnErrorThatSaysWhatToDo)
{
    layout::LayoutOptions options;
    options.engine = layout::Engine::Dot;
    try {
        layout::computeLayout(twoFactors(), options);
        FAIL() << "a layout ran without plugins";
    } catch (const layout::LayoutError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("could not find its layout plugins"), std::string::npos) << message;
        EXPECT_NE(message.find("'dot'"), std::string::npos) << message;
        EXPECT_NE(message.find("dot -c"), std::string::npos) << message;
    }
}

} // namespace
} // namespace causeway

int main(int argc, char** argv)
{
    // ctest sets GVBINDIR to an empty folder; run by hand (or listed by the build, which runs
    // this to find its tests), make one of this run's own, removed after it.
    std::string empty;
    if (!std::getenv("GVBINDIR")) {
        std::string pattern
            = (std::filesystem::temp_directory_path() / "causeway-empty-gvbindir-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            return 1;
        empty = pattern;
        setenv("GVBINDIR", empty.c_str(), 1);
    }
    ::testing::InitGoogleTest(&argc, argv);
    const int failed = RUN_ALL_TESTS();
    if (!empty.empty())
        std::filesystem::remove(empty);
    return failed;
}
