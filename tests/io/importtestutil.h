#pragma once

#include "model/systemmap.h"

#include <gtest/gtest.h>

#include <string>

// Helpers for the Kumu, Loopy, Vensim and XMILE importer tests.
namespace causeway::test {

// The link between the factors labelled `from` and `to`; a test failure if there is none.
inline const Link& linkOf(const SystemMap& map, const std::string& from, const std::string& to)
{
    const auto a = map.findFactorByLabel(from);
    const auto b = map.findFactorByLabel(to);
    EXPECT_TRUE(a && b) << from << " -> " << to;
    const auto id = map.findLink(*a, *b);
    EXPECT_TRUE(id) << from << " -> " << to;
    return map.link(*id);
}

} // namespace causeway::test
