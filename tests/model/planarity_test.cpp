// planarFaces: which maps can be drawn with no links crossing, and the faces of such a drawing.
#include "model/planarity.h"
#include "model/systemmap.h"
#include "randommaps.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace causeway;

namespace {

SystemMap withFactors(int count)
{
    SystemMap map;
    for (int i = 0; i < count; ++i)
        map.addFactor(Factor{.label = "F" + std::to_string(i)});
    return map;
}

void link(SystemMap& map, int from, int to)
{
    const std::vector<FactorId> ids = map.factorIds();
    map.addLink(Link{.from = ids[std::size_t(from)], .to = ids[std::size_t(to)]});
}

SystemMap complete(int count)
{
    SystemMap map = withFactors(count);
    for (int a = 0; a < count; ++a)
        for (int b = a + 1; b < count; ++b)
            link(map, a, b);
    return map;
}

// Lines (unordered pairs of distinct factors) and how many of them each face goes along,
// counted per line: in a drawing with none crossing every line has a face on each side.
std::map<std::pair<FactorId, FactorId>, int> sidesOfLines(const std::vector<std::vector<FactorId>>& faces)
{
    std::map<std::pair<FactorId, FactorId>, int> sides;
    for (const std::vector<FactorId>& face : faces)
        for (std::size_t i = 0; i < face.size(); ++i)
            ++sides[std::minmax(face[i], face[(i + 1) % face.size()])];
    return sides;
}

std::set<std::pair<FactorId, FactorId>> linesOf(const SystemMap& map)
{
    std::set<std::pair<FactorId, FactorId>> lines;
    for (const Link& l : map.links())
        if (l.from != l.to)
            lines.insert(std::minmax(l.from, l.to));
    return lines;
}

// Pieces of the map that have a line, and factors in them.
std::pair<std::size_t, std::size_t> piecesAndFactors(const SystemMap& map)
{
    std::map<FactorId, FactorId> root;
    for (const auto& [a, b] : linesOf(map)) {
        root.emplace(a, a);
        root.emplace(b, b);
    }
    auto find = [&](FactorId x) {
        while (root.at(x) != x)
            x = root.at(x);
        return x;
    };
    for (const auto& [a, b] : linesOf(map))
        root[find(a)] = find(b);
    std::size_t pieces = 0;
    for (const auto& [x, r] : root)
        pieces += x == r ? 1 : 0;
    return {pieces, root.size()};
}

} // namespace

TEST(Planarity, FourFactorsAllLinkedHaveFourTrianglesFiveDoNotDrawUncrossed)
{
    const auto four = planarFaces(complete(4));
    ASSERT_TRUE(four.has_value());
    EXPECT_EQ(four->size(), 4u);
    for (const auto& face : *four)
        EXPECT_EQ(face.size(), 3u);
    EXPECT_FALSE(planarFaces(complete(5)).has_value());
}

TEST(Planarity, ThreeHousesToThreeWellsDoNotDrawUncrossed)
{
    SystemMap map = withFactors(6);
    for (int house = 0; house < 3; ++house)
        for (int well = 3; well < 6; ++well)
            link(map, house, well);
    EXPECT_FALSE(planarFaces(map).has_value());
    // Take one line away and it draws.
    map.removeLink(map.linkIds().front());
    EXPECT_TRUE(planarFaces(map).has_value());
}

TEST(Planarity, DirectionAndSelfLinksDoNotMatter)
{
    SystemMap map = complete(4);
    link(map, 1, 0); // the other way along a line already there
    link(map, 3, 2);
    link(map, 2, 2); // a self-link
    const auto faces = planarFaces(map);
    ASSERT_TRUE(faces.has_value());
    EXPECT_EQ(faces->size(), 4u);
    EXPECT_TRUE(planarFaces(withFactors(3))->empty()); // no lines, no faces
}

// Euler's formula, piece by piece (F = E - V + 2 for each), and every line with a face on each
// side: what any drawing with no lines crossing has, checked on random maps, dense ones never
// drawable so (more than 3V - 6 lines) among them.
TEST(Planarity, RandomMapsFacesFollowEulersFormula)
{
    int drawable = 0, notDrawable = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const int factors = 4 + int(seed % 20);
        const SystemMap map =
            causeway::testing::randomMap(seed, {.factors = factors, .linkChance = 1.5 / factors + 0.002 * double(seed % 60)});
        const std::set<std::pair<FactorId, FactorId>> lines = linesOf(map);
        const auto faces = planarFaces(map);
        const auto [pieces, linked] = piecesAndFactors(map);
        if (linked >= 3 && lines.size() > 3 * linked - 6) {
            EXPECT_FALSE(faces.has_value()) << seed;
        }
        if (!faces) {
            ++notDrawable;
            continue;
        }
        ++drawable;
        EXPECT_EQ(faces->size() + linked, lines.size() + 2 * pieces) << seed;
        const auto sides = sidesOfLines(*faces);
        for (const auto& line : lines)
            EXPECT_EQ(sides.count(line) ? sides.at(line) : 0, 2) << seed;
        EXPECT_EQ(sides.size(), lines.size()) << seed;
    }
    EXPECT_GT(drawable, 50);
    EXPECT_GT(notDrawable, 50);
}
