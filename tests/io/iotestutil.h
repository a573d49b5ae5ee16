#pragma once

#include "io/ioerror.h"
#include "model/systemmap.h"
#include "tests/mapvalues.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>

namespace causeway::test {

inline std::string dataPath(const std::string& name)
{
    return std::string(CAUSEWAY_IO_TEST_DATA) + "/" + name;
}

inline std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeText(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// A fresh folder per test, removed afterwards.
class TempDir {
public:
    TempDir()
    {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path()
            / ("causeway-io-test-" + std::to_string(random()) + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::size_t entryCount() const
    {
        return std::size_t(std::distance(std::filesystem::directory_iterator(m_path),
                                         std::filesystem::directory_iterator()));
    }

private:
    std::filesystem::path m_path;
};

// The link between two factors named by label; a test failure if there is none.
inline const Link& linkBetween(const SystemMap& map, const std::string& from, const std::string& to)
{
    const auto a = map.findFactorByLabel(from);
    const auto b = map.findFactorByLabel(to);
    EXPECT_TRUE(a && b) << from << " -> " << to;
    const auto id = map.findLink(*a, *b);
    EXPECT_TRUE(id.has_value()) << from << " -> " << to;
    return map.link(*id);
}

// The message of the IoError `f` throws ("" and a test failure if it throws none).
template <class F>
std::string ioErrorOf(F f)
{
    try {
        f();
    } catch (const IoError& e) {
        return e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "expected IoError, got another exception: " << e.what();
        return {};
    }
    ADD_FAILURE() << "expected IoError, nothing thrown";
    return {};
}

// How many of 1000 copies of `text`, each with 3 random characters replaced from `alphabet`,
// `import` takes as a map with something in it (`hasContent`). Every other copy must be refused
// with an IoError: anything else escapes and fails the test.
template <class Import, class HasContent>
int importsSurvivingCorruption(const std::string& text, const std::string& alphabet, unsigned seed,
                               Import import, HasContent hasContent)
{
    std::mt19937 random(seed);
    int imported = 0;
    for (int round = 0; round < 1000; ++round) {
        std::string mutated = text;
        for (int e = 0; e < 3; ++e)
            mutated[random() % mutated.size()] = alphabet[random() % alphabet.size()];
        try {
            imported += hasContent(import(mutated)) ? 1 : 0;
        } catch (const IoError&) {
        }
    }
    return imported;
}

} // namespace causeway::test
